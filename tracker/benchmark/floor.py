"""The floor: DuckDB ingesting the same CSVs into tables with no checks.
python -m tracker.benchmark.floor DATA_DIR DB_FILE"""

from __future__ import annotations

import sys
from pathlib import Path

import duckdb

from tracker.schema import load_package

TEMPLATE = Path(__file__).parent / "raw_ingest.sql"


def ingest(data_dir: Path, db: Path) -> int:
    db.unlink(missing_ok=True)
    template = TEMPLATE.read_text(encoding="utf-8")
    rows = 0
    with duckdb.connect(str(db)) as con:
        for table in load_package().tables:
            path = "'" + str(data_dir / table.filename).replace("'", "''") + "'"
            con.execute(template.format(table=table.name, path=path))
            rows += con.execute(f"SELECT count(*) FROM {table.name}").fetchone()[0]
        con.execute("CHECKPOINT")
    return rows


if __name__ == "__main__":
    print(ingest(Path(sys.argv[1]), Path(sys.argv[2])))
