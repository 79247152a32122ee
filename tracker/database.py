"""The DuckDB side: tables from the schema, loading the CSV text, derived tables, views, connecting."""

from __future__ import annotations

import os
from pathlib import Path

import duckdb

from tracker import catalogue, ddl, sql_order, text_tables
from tracker.load import RawTable
from tracker.schema import Package

SQL_DIR = Path(__file__).parent / "sql"
DEFAULT_DB = Path("build") / "tracker.duckdb"
# Macros run before the tables are loaded (loading uses them); derived tables, views and table macros
# after, in the order derived from what each file reads (tracker.sql_order).
BEFORE_LOADING = ("macros",)
AFTER_LOADING = ("derived", "views")


class DatabaseMissing(Exception):
    pass


def db_path(db: str | os.PathLike | None) -> Path:
    return Path(db or os.environ.get("TRACKER_DB") or DEFAULT_DB)


def sql_files(*stages: str) -> list[Path]:
    return sorted(path for stage in stages for path in (SQL_DIR / stage).glob("*.sql"))


def parsed_sql(*stages: str) -> list[sql_order.SqlFile]:
    return [sql_order.parse(path, f"{path.parent.name}/{path.name}") for path in sql_files(*stages)]


def run_sql(con: duckdb.DuckDBPyConnection, files: list[sql_order.SqlFile], known: set[str], progress=None) -> set[str]:
    """Run ``files`` in dependency order; the names they create (with ``known``) are returned."""
    ordered = sql_order.order(files, known)
    for i, f in enumerate(ordered, 1):
        if progress is not None:
            progress(f"deriving {f.shown} ({i} of {len(ordered)})")
        try:
            con.execute(f.path.read_text(encoding="utf-8"))
        except duckdb.Error as error:
            raise type(error)(f"{f.shown}: {error}") from None
    return known | {name for f in files for name in f.creates}


def load(
    con: duckdb.DuckDBPyConnection,
    package: Package,
    raws: dict[str, RawTable],
    strict: bool,
    only: set[str] | None = None,
    progress=None,
) -> set[str]:
    """Create every table and fill it from the text read from CSV (in DuckDB already), then derived
    tables and views: all of them, or ``only`` those that the relations named in ``only`` need.
    Returns the names now in the database, for ``derive`` to make the others later."""
    known = run_sql(con, parsed_sql(*BEFORE_LOADING), set())
    con.execute(ddl.create_all(package, strict))
    for table in package.tables:  # from the text views of tracker.text_tables
        con.execute(ddl.insert_from(table, text_tables.relation(raws[table.name])))
        text_tables.release(con, raws[table.name])
    return derive(con, known | {table.name for table in package.tables}, only, progress)


def derive(con: duckdb.DuckDBPyConnection, known: set[str], only: set[str] | None = None, progress=None) -> set[str]:
    """Make the derived tables, views and macros not among ``known``: all, or those that ``only`` needs."""
    files = [f for f in parsed_sql(*AFTER_LOADING) if not f.creates <= known]
    known = run_sql(con, files if only is None else needed(files, only), known, progress)
    catalogue.apply_comments(con)
    return known


def needed(files: list[sql_order.SqlFile], names: set[str]) -> list[sql_order.SqlFile]:
    """The files that create ``names`` and every relation or macro those read, and so on."""
    by_name = {name: f for f in files for name in f.creates}
    kept: dict[Path, sql_order.SqlFile] = {}
    stack = list(names)
    while stack:
        f = by_name.get(stack.pop())
        if f is not None and f.path not in kept:
            kept[f.path] = f
            stack += [*f.relations, *f.calls]
    return list(kept.values())


def find_default_db(start: Path | None = None) -> Path:
    """build/tracker.duckdb in the working directory or, for a notebook opened in notebooks/, the
    nearest parent directory that has one (the working directory's when none has)."""
    here = (start or Path.cwd()).resolve()
    for directory in (here, *here.parents):
        if (directory / DEFAULT_DB).exists():
            return directory / DEFAULT_DB
    return DEFAULT_DB


# A session that can read the database and nothing else: no file or network access (COPY ... TO,
# read_csv, ATTACH, URLs), no extension installed or loaded, and no SET to undo it.
SANDBOX: dict[str, str | bool | int | float | list[str]] = {
    "enable_external_access": False,
    "autoinstall_known_extensions": False,
    "autoload_known_extensions": False,
    "lock_configuration": True,
}


def connect_read_only(db=None, sandboxed: bool = False) -> duckdb.DuckDBPyConnection:
    """A read-only connection to the built database (many readers may hold one at once);
    ``sandboxed``: with SANDBOX's settings, for SQL a user types."""
    path = db_path(db) if db or os.environ.get("TRACKER_DB") else find_default_db()
    if not path.exists():
        raise DatabaseMissing(f"{path}: database not found (run `tracker build` first)")
    return duckdb.connect(str(path), read_only=True, config=dict(SANDBOX) if sandboxed else {})
