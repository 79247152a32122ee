"""The floor: DuckDB ingesting the same CSVs into tables with no checks.
python -m tracker.benchmark.floor DATA_DIR DB_FILE"""

from __future__ import annotations

import sys
from pathlib import Path

import duckdb

from tracker.schema import load_package

TEMPLATE = (Path(__file__).parent / "raw_ingest.sql").read_text(encoding="utf-8")


def ingest(data_dir: Path, db: Path) -> int:
    db.unlink(missing_ok=True)
    con = duckdb.connect(str(db))
    rows = 0
    for table in load_package().tables:
        path = "'" + str(data_dir / table.filename).replace("'", "''") + "'"
        con.execute(TEMPLATE.format(table=table.name, path=path))
        rows += con.execute(f"SELECT count(*) FROM {table.name}").fetchone()[0]
    con.execute("CHECKPOINT")
    con.close()
    return rows


if __name__ == "__main__":
    print(ingest(Path(sys.argv[1]), Path(sys.argv[2])))
