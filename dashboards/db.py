"""Read-only access to the built database for the dashboard: a cursor per query, reconnecting when the file is rebuilt,
and a bounded cache of query results keyed by the file's identity."""

from __future__ import annotations

import contextvars
import os
import re
import threading
from concurrent.futures import ThreadPoolExecutor
from decimal import Decimal
from functools import cache
from importlib.resources import files
from pathlib import Path

import duckdb
import pandas as pd
import pyarrow as pa
from cachetools import LRUCache
from flask import g, has_request_context

SQL_DIR = files("dashboards") / "sql"


INCLUDE = re.compile(r"\{(\w+)\}")
PARAMETER = re.compile(r"\$(\w+)")


@cache
def sql_text(name: str) -> str:
    """The query in dashboards/sql/<name>.sql, with `{other}` replaced by the query in other.sql."""
    text = (SQL_DIR / f"{name}.sql").read_text(encoding="utf-8")
    return INCLUDE.sub(lambda m: sql_text(m.group(1)), text)


OVER = re.compile(r"^-- over: (\w+) = (\w+)$", re.MULTILINE)


@cache
def sources(name: str) -> dict[str, str]:
    """The results a query reads instead of the database, declared in its file by lines
    `-- over: <table> = <query>` (headline.sql reads totals_as_of's result as `totals`)."""
    return dict(OVER.findall((SQL_DIR / f"{name}.sql").read_text(encoding="utf-8")))


@cache
def parameters(name: str) -> frozenset[str]:
    """The $-parameters a query reads, its sources' included."""
    own = frozenset(PARAMETER.findall(sql_text(name)))
    return own.union(*(parameters(source) for source in sources(name).values()))


# Megabytes of query results kept per process (TRACKER_QUERY_CACHE_MB; 0 turns the cache off, as the
# benchmark does to measure a first visit). A page's results are kilobytes on the shipped data and a
# few megabytes at 10^6 events, so the default holds hundreds of recent views.
DEFAULT_CACHE_MB = 256


def cache_bytes() -> int:
    try:
        return max(0, int(float(os.environ.get("TRACKER_QUERY_CACHE_MB", DEFAULT_CACHE_MB)) * 2**20))
    except ValueError:
        return DEFAULT_CACHE_MB * 2**20


def _plain(value):
    """A value of a row as pages use it: a DECIMAL sum as a float (as pandas gives it), NaN as None."""
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, float) and value != value:
        return None
    return value


def _key_value(value):
    return tuple(value) if isinstance(value, (list, tuple)) else value


def _size(value) -> int:
    if isinstance(value, pa.Table):
        return int(value.nbytes) + 1000
    if isinstance(value, pd.DataFrame):
        return int(value.memory_usage(deep=True, index=False).sum()) + 1000
    return 200 * (len(value) + 1) * (len(value[0]) if value else 1)  # rows as dicts: a rough 200 bytes per cell


def file_identity(path: Path) -> tuple[int, int]:
    """What tells one build of the database file from the next: `tracker build` replaces the file,
    so its inode and modification time change."""
    stat = path.stat()
    return stat.st_ino, stat.st_mtime_ns


def _request_memo(key: tuple, compute):
    """With the cache off, a result is still computed once per web request (Flask's `g` lives for one
    request): the as-of totals a page derives three figures from are read once. Outside a request,
    computed every time."""
    if not has_request_context():
        return compute()
    memo = g.setdefault("tracker_queries", {})
    if key not in memo:
        memo[key] = compute()
    return memo[key]


class Database:
    """The tracker database as the web app sees it.

    `tracker build` replaces the file atomically (new file, then rename), so a connection opened
    before a rebuild keeps reading the old data. Each query therefore checks the file's identity
    (inode and modification time) and attaches the file afresh when it changed. The file is attached
    read-only to a new in-memory database rather than opened with `duckdb.connect(path)`, because
    DuckDB hands a second `connect` to the same path the instance already open in this process,
    which would still be the old file. Queries run on their own cursor: one connection shared by the
    server's threads gives wrong results.

    The file only changes by replacement, so a result is fully determined by the file's identity,
    the query's name and the parameters it reads: results are kept in a least-recently-used cache
    under that key (bounded in bytes, see `cache_bytes`), and the cache is emptied when the identity
    changes. Callers get a copy (pandas' copy-on-write makes a shallow one enough), so nothing they
    do to it reaches the cache.
    """

    def __init__(self, path: str | Path, cache_size: int | None = None):
        self.path = Path(path)
        self._lock = threading.Lock()
        self._con: duckdb.DuckDBPyConnection | None = None
        self._identity: tuple[int, int] | None = None
        size = cache_bytes() if cache_size is None else cache_size
        self._cache: LRUCache | None = LRUCache(maxsize=size, getsizeof=_size) if size > 0 else None
        self._cache_identity: tuple[int, int] | None = None
        self.queries_run = 0  # queries that reached DuckDB (the rest were answered from the cache)

    def _connected(self) -> tuple[duckdb.DuckDBPyConnection, tuple[int, int]]:
        """The connection to the file as it is now, and that file's identity."""
        identity = file_identity(self.path)  # FileNotFoundError is reported by the caller
        with self._lock:
            if self._con is None or identity != self._identity:
                # The old connection is not closed here: another thread may still be reading from
                # a cursor of it; it is released when the last cursor goes.
                con = duckdb.connect(":memory:")
                con.execute("ATTACH ? AS tracker (READ_ONLY)", [str(self.path)])
                self._con, self._identity = con, identity
            return self._con, identity

    def connection(self) -> duckdb.DuckDBPyConnection:
        return self._connected()[0]

    def _cached(self, key: tuple, compute):
        """The value under `key` for the file as it is now, computed (by `compute(connection)`) on a miss."""
        con, identity = self._connected()
        if self._cache is None:
            return _request_memo((identity, *key), lambda: compute(con))
        key = (identity, *key)
        with self._lock:
            if identity != self._cache_identity:
                self._cache.clear()  # the file was replaced: nothing kept can be asked for again
                self._cache_identity = identity
            found = self._cache.get(key)
        if found is not None:
            return found
        value = compute(con)
        with self._lock:
            if identity == self._cache_identity:
                try:
                    self._cache[key] = value
                except ValueError:  # larger than the whole cache: served, not kept
                    pass
        return value

    def _query(self, con: duckdb.DuckDBPyConnection, name: str, params: dict, shape: str = "frame"):
        """The query's result as a DataFrame ("frame"), dicts of Python values ("rows") or Arrow ("arrow")."""
        cursor = con.cursor()
        try:
            if over := sources(name):  # the query reads other queries' results, each registered under its table name
                for table, source in over.items():
                    cursor.register(table, self._arrow(source, params))
                bound = None
            else:
                cursor.execute("USE tracker")  # a cursor starts in the in-memory database
                self.queries_run += 1
                bound = params or None
            if shape == "arrow":
                return cursor.sql(sql_text(name), params=bound).to_arrow_table()
            result = cursor.execute(sql_text(name), bound)
            if shape == "frame":
                return result.df()
            names = [column[0] for column in result.description]
            return [dict(zip(names, map(_plain, row))) for row in result.fetchall()]
        finally:
            cursor.close()

    def _arrow(self, name: str, params: dict) -> pa.Table:
        """A source's result as Arrow (DuckDB reads it back without converting pandas columns), cached like a frame."""
        used = self._used(name, params)
        return self._cached(self._key("arrow", name, used), lambda con: self._query(con, name, used, "arrow"))

    def _used(self, name: str, params: dict) -> dict:
        wanted = parameters(name)
        missing = wanted - params.keys()
        if missing:
            raise TypeError(f"{name}.sql needs parameters {sorted(missing)}")
        return {k: v for k, v in params.items() if k in wanted}

    def _key(self, kind: str, name: str, used: dict) -> tuple:
        return (kind, name, tuple(sorted((k, _key_value(v)) for k, v in used.items())))

    def frame(self, name: str, **params) -> pd.DataFrame:
        """Run the named query of dashboards/sql/ with $-parameters and return its rows.

        A query whose file declares `-- over: <table> = <query>` runs over the results of those
        queries instead of the database, each under its table name (headline.sql reads totals_as_of's
        result as `totals`): a page reads its as-of state once and derives each figure from it. Those
        results come from the cache like any other (or, with the cache off, once per request), so the
        state is computed once for all the figures of a view."""
        used = self._used(name, params)
        key = self._key("frame", name, used)
        return self._cached(key, lambda con: self._query(con, name, used)).copy(deep=False)

    def rows(self, name: str, **params) -> list[dict]:
        """The rows as dicts, with None (never pandas' NaN or NaT) for a missing value."""
        used = self._used(name, params)
        key = self._key("rows", name, used)

        return [dict(row) for row in self._cached(key, lambda con: self._query(con, name, used, "rows"))]

    def gather(self, **asked: tuple[str, str, dict]) -> dict:
        """Several queries of a page run at once, each asked as ("frame" or "rows", name, params); the
        results by the keywords they were asked under. Each runs on its own cursor in a thread of its
        own (DuckDB works outside Python's lock), in the request's context, so a page's first view
        waits for its slowest query rather than for the sum of them."""
        if len(asked) < 2:
            return {key: getattr(self, kind)(name, **params) for key, (kind, name, params) in asked.items()}
        with ThreadPoolExecutor(max_workers=min(len(asked), GATHER_THREADS)) as pool:
            running = {
                key: pool.submit(_in_context(getattr(self, kind)), name, **params) for key, (kind, name, params) in asked.items()
            }
            return {key: future.result() for key, future in running.items()}


def _in_context(function):
    """`function` to run in another thread in the context of this one (Flask's request, and with it `g`)."""
    context = contextvars.copy_context()
    return lambda *args, **kwargs: context.run(function, *args, **kwargs)


# Threads per page for its queries (Database.gather): this machine's two cores, and a little more
# for the time queries spend handing rows to Python.
GATHER_THREADS = 4
