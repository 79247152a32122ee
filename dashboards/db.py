"""Read-only access to the built database for the dashboard: a cursor per query, reconnecting when the file is rebuilt."""

from __future__ import annotations

import re
import threading
from functools import cache
from importlib.resources import files
from pathlib import Path

import duckdb
import pandas as pd

SQL_DIR = files("dashboards") / "sql"


INCLUDE = re.compile(r"\{(\w+)\}")
PARAMETER = re.compile(r"\$(\w+)")


@cache
def sql_text(name: str) -> str:
    """The query in dashboards/sql/<name>.sql, with `{other}` replaced by the query in other.sql."""
    text = (SQL_DIR / f"{name}.sql").read_text(encoding="utf-8")
    return INCLUDE.sub(lambda m: sql_text(m.group(1)), text)


@cache
def parameters(name: str) -> frozenset[str]:
    return frozenset(PARAMETER.findall(sql_text(name)))


class Database:
    """The tracker database as the web app sees it.

    `tracker build` replaces the file atomically (new file, then rename), so a connection opened
    before a rebuild keeps reading the old data. Each query therefore checks the file's identity
    (inode and modification time) and attaches the file afresh when it changed. The file is attached
    read-only to a new in-memory database rather than opened with `duckdb.connect(path)`, because
    DuckDB hands a second `connect` to the same path the instance already open in this process,
    which would still be the old file. Queries run on their own cursor: one connection shared by the
    server's threads gives wrong results.
    """

    def __init__(self, path: str | Path):
        self.path = Path(path)
        self._lock = threading.Lock()
        self._con: duckdb.DuckDBPyConnection | None = None
        self._identity: tuple[int, int] | None = None

    def _file_identity(self) -> tuple[int, int]:
        stat = self.path.stat()  # FileNotFoundError is reported by the caller
        return stat.st_ino, stat.st_mtime_ns

    def connection(self) -> duckdb.DuckDBPyConnection:
        identity = self._file_identity()
        with self._lock:
            if self._con is None or identity != self._identity:
                # The old connection is not closed here: another thread may still be reading from
                # a cursor of it; it is released when the last cursor goes.
                con = duckdb.connect(":memory:")
                con.execute("ATTACH ? AS tracker (READ_ONLY)", [str(self.path)])
                self._con, self._identity = con, identity
            return self._con

    def frame(self, name: str, **params) -> pd.DataFrame:
        """Run the named query of dashboards/sql/ with $-parameters and return its rows."""
        wanted = parameters(name)
        missing = wanted - params.keys()
        if missing:
            raise TypeError(f"{name}.sql needs parameters {sorted(missing)}")
        cursor = self.connection().cursor()
        try:
            cursor.execute("USE tracker")  # a cursor starts in the in-memory database
            return cursor.execute(sql_text(name), {k: v for k, v in params.items() if k in wanted} or None).df()
        finally:
            cursor.close()

    def rows(self, name: str, **params) -> list[dict]:
        """The rows as dicts, with None (never pandas' NaN or NaT) for a missing value."""
        frame = self.frame(name, **params)
        return frame.astype(object).where(frame.notna(), None).to_dict("records")
