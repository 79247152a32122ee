"""The DuckDB side: tables from the schema, loading the CSV text, derived tables, views, connecting."""

from __future__ import annotations

import os
from pathlib import Path

import duckdb

from tracker import catalogue, ddl
from tracker.load import RawTable
from tracker.schema import Package

SQL_DIR = Path(__file__).parent / "sql"
DEFAULT_DB = Path("build") / "tracker.duckdb"
# Run in this order: macros are used while loading; derived tables read the loaded tables; views
# and table macros read both.
STAGES = ("macros", "derived", "views")


class DatabaseMissing(Exception):
    pass


def db_path(db: str | os.PathLike | None) -> Path:
    return Path(db or os.environ.get("TRACKER_DB") or DEFAULT_DB)


def sql_files(stage: str) -> list[Path]:
    return sorted((SQL_DIR / stage).glob("*.sql"))


def run_stage(con: duckdb.DuckDBPyConnection, stage: str) -> None:
    """Run a stage's files. A view or macro may read one defined in a later file: files that fail
    because something they read is not defined yet are retried after the others, until none is left
    or a round makes no progress (then the first error is raised: a real mistake in the SQL)."""
    pending = sql_files(stage)
    while pending:
        failed: list[tuple[Path, duckdb.CatalogException]] = []
        for path in pending:
            try:
                con.execute(path.read_text(encoding="utf-8"))
            except duckdb.CatalogException as error:
                failed.append((path, error))
        if len(failed) == len(pending):
            path, error = failed[0]
            raise duckdb.CatalogException(f"{path.name}: {error}")
        pending = [path for path, _ in failed]


def load(con: duckdb.DuckDBPyConnection, package: Package, raws: dict[str, RawTable], strict: bool) -> None:
    """Create every table and fill it from the text read from CSV, then derived tables and views."""
    run_stage(con, "macros")
    con.execute(ddl.create_all(package, strict))
    for table in package.tables:
        con.register("_csv_text", raws[table.name].frame.reset_index(drop=True))
        con.execute(ddl.insert_from(table, "_csv_text"))
        con.unregister("_csv_text")
    run_stage(con, "derived")
    run_stage(con, "views")
    catalogue.apply_comments(con)


def find_default_db(start: Path | None = None) -> Path:
    """build/tracker.duckdb in the working directory or, for a notebook opened in notebooks/, the
    nearest parent directory that has one (the working directory's when none has)."""
    here = (start or Path.cwd()).resolve()
    for directory in (here, *here.parents):
        if (directory / DEFAULT_DB).exists():
            return directory / DEFAULT_DB
    return DEFAULT_DB


def connect_read_only(db=None) -> duckdb.DuckDBPyConnection:
    """A read-only connection to the built database (many readers may hold one at once)."""
    path = db_path(db) if db or os.environ.get("TRACKER_DB") else find_default_db()
    if not path.exists():
        raise DatabaseMissing(f"{path}: database not found (run `tracker build` first)")
    return duckdb.connect(str(path), read_only=True)
