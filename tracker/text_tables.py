"""Each table's CSV text in DuckDB, as it was read: a temporary view ``text_<table>`` of ``line`` (the
CSV line the row is on) and one VARCHAR per declared column (NULL where empty or missing). A plain
file is read by DuckDB itself, once; any other was read by tracker.load into a frame, which is
copied in. The column checks (tracker.column_sql) and the load into typed tables read these views."""

from __future__ import annotations

import duckdb

from tracker.ddl import ident, literal
from tracker.load import RawTable
from tracker.problems import UserError


def relation(raw: RawTable) -> str:
    return f"text_{raw.table.name}"


def _view(con: duckdb.DuckDBPyConnection, raw: RawTable, source: str, line: str, present: set[str]) -> None:
    columns = [
        f"nullif({ident(c)}, '') AS {ident(c)}" if c in present else f"NULL::VARCHAR AS {ident(c)}" for c in raw.table.columns
    ]
    con.execute(f"CREATE OR REPLACE TEMP VIEW {relation(raw)} AS SELECT {line} AS line, {', '.join(columns)} FROM {source}")


def create(con: duckdb.DuckDBPyConnection, raw: RawTable) -> bool:
    """Put ``raw``'s text in DuckDB as its view; False when DuckDB cannot read its plain file as one
    row per line (a blank line, a line break inside a value, a row of another width, bytes that are
    not UTF-8): tracker.load must then read it record by record, to say where."""
    stored = f"csv_{raw.table.name}"
    if raw.source is not None:
        spec = "{" + ", ".join(f"{literal(h)}: 'VARCHAR'" for h in raw.header) + "}"
        try:
            con.execute(
                f"CREATE OR REPLACE TEMP TABLE {stored} AS SELECT * FROM read_csv({literal(str(raw.source))}, header = false, "
                f"skip = 1, delim = ',', quote = '\"', escape = '\"', auto_detect = false, columns = {spec}, "
                "strict_mode = true, null_padding = false)"
            )
        except duckdb.Error:
            return False
        (rows,) = con.execute(f"SELECT count(*) FROM {stored}").fetchall()[0]
        if rows != raw.line_count - 1:
            con.execute(f"DROP TABLE {stored}")
            return False
        raw.rows = rows
        _view(con, raw, stored, "rowid + 2", set(raw.header))  # rows in file order: the first is on line 2
        return True
    if raw.frame is None:  # missing, a directory, unreadable, empty, or no header: no rows
        columns = ", ".join(f"{ident(c)} VARCHAR" for c in raw.table.columns)
        con.execute(f"CREATE OR REPLACE TEMP TABLE {stored} (line BIGINT, {columns})")
        raw.rows = 0
        _view(con, raw, stored, "line", set(raw.table.columns))
        return True
    frame = raw.frame.rename_axis("line").reset_index()
    con.register("_frame", frame)
    try:
        con.execute(f"CREATE OR REPLACE TEMP TABLE {stored} AS SELECT * FROM _frame")
    finally:
        con.unregister("_frame")
    raw.rows = len(frame)
    _view(con, raw, stored, "line", set(raw.frame.columns))
    return True


def release(con: duckdb.DuckDBPyConnection, raw: RawTable) -> None:
    """Once ``raw``'s typed table is loaded, let its text go, so that the rules have the memory (at 10^7
    events even the lines and keys of the plain files took about 900 MB of a 1.2 GB cap). A plain file is
    read again by ``with_lines`` if a finding needs its lines; of a file read record by record, which
    cannot be, each row's line and primary key are kept."""
    if raw.source is not None:
        drop(con, raw)
        return
    key = ", ".join(ident(c) for c in raw.table.primary_key)
    name = relation(raw)
    con.execute(f"CREATE OR REPLACE TEMP TABLE keys_{raw.table.name} AS SELECT line, {key} FROM {name}")
    con.execute(f"CREATE OR REPLACE TEMP VIEW {name} AS SELECT * FROM keys_{raw.table.name}")
    con.execute(f"DROP TABLE IF EXISTS csv_{raw.table.name}")


def with_lines(con: duckdb.DuckDBPyConnection, raw: RawTable) -> str:
    """``raw``'s relation of lines and values, its plain file read again if ``release`` let its text go."""
    kept = con.execute("SELECT count(*) FROM duckdb_views() WHERE temporary AND view_name = ?", [relation(raw)]).fetchall()[0][0]
    if not kept and not create(con, raw):
        raise UserError(f"{raw.shown_path} changed while it was being checked: run again")
    return relation(raw)


def drop(con: duckdb.DuckDBPyConnection, raw: RawTable) -> None:
    """Forget ``raw``'s text (once the rules' findings have their lines), so that deriving has the memory."""
    con.execute(f"DROP VIEW IF EXISTS {relation(raw)}")
    con.execute(f"DROP TABLE IF EXISTS keys_{raw.table.name}")
    con.execute(f"DROP TABLE IF EXISTS csv_{raw.table.name}")
