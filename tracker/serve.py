"""`tracker serve`: build the database when it is missing or older than its inputs, then serve the dashboard."""

from __future__ import annotations

import io
import sys
import threading
from pathlib import Path

from tracker.database import SQL_DIR
from tracker.problems import UserError
from tracker.schema import SCHEMA_DIR


def inputs(data_dir: Path) -> list[Path]:
    """Every file the database is built from: the CSVs and YAML of data/, the schemas and the SQL."""
    return sorted([*data_dir.glob("*.csv"), *data_dir.glob("*.yaml"), *SCHEMA_DIR.glob("*.yaml"), *SQL_DIR.glob("*/*.sql")])


def stale_because(data_dir: Path, db: Path) -> str | None:
    """Why the database needs building (missing, or an input is newer), or None when it is current."""
    if not db.exists():
        return f"{db} does not exist"
    built = db.stat().st_mtime
    newer = [p for p in inputs(data_dir) if p.stat().st_mtime > built]
    if newer:
        shown = ", ".join(str(p) for p in newer[:3]) + (f" and {len(newer) - 3} more" if len(newer) > 3 else "")
        return f"{shown} changed since {db} was built"
    return None


def ensure_built(data_dir: Path, shown_dir: str, db: Path) -> None:
    from tracker.build import build
    from tracker.problems import render_text

    reason = stale_because(data_dir, db)
    if reason is None:
        print(f"database {db} is up to date", file=sys.stderr)
        return
    print(f"building {db}: {reason}", file=sys.stderr)
    outcome = build(data_dir, shown_dir, db)
    if outcome.problems:
        print(render_text(outcome.problems), file=sys.stderr)
        if not db.exists():
            raise UserError("the data has problems (listed above) and there is no earlier database to serve; fix them and rerun")
        print(f"build failed: serving the previous database {db}, which is unchanged", file=sys.stderr)


SUMMARY = (
    "SELECT (SELECT count(*) FROM pledge_lines), (SELECT count(*) FROM commitment_events), "
    "(SELECT count(*) FROM deliveries), (SELECT count(*) FROM sources), (SELECT git_commit FROM build_info)"
)


def summarise(db: Path) -> None:
    from tracker.database import connect_read_only

    with connect_read_only(db) as con:
        lines, events, deliveries, sources, commit = con.execute(SUMMARY).fetchone()
    print(
        f"{db}: {lines} pledge lines, {events} commitment events, {deliveries} deliveries, {sources} sources "
        f"(data commit {(commit or 'unknown')[:10]})",
        file=sys.stderr,
    )


THREADS = 8  # per process: requests mostly wait on DuckDB, which releases the GIL
CALLBACK_PATH = "/_dash-update-component"
LARGEST_KEPT = 2 * 2**20  # bytes: a callback's answer larger than this is sent, not kept


class CallbackCache:
    """WSGI middleware: the answers of Dash callbacks, kept per database file identity.

    A callback's answer is a function of its request body (the inputs and state the browser sends)
    and of the database, which only changes by replacement; so an answer is kept under the file's
    identity and the exact body, and sent again for the same request until the file is replaced.
    The query cache (dashboards.db) saves the queries; this saves building the figures and tables
    from them as well. Bounded like the query cache, by TRACKER_QUERY_CACHE_MB (0 turns it off).
    """

    def __init__(self, app, db: Path, size: int | None = None):
        from cachetools import LRUCache

        from dashboards.db import cache_bytes

        self.app, self.db = app, db
        size = cache_bytes() // 4 if size is None else size
        self.cache: LRUCache | None = LRUCache(maxsize=size, getsizeof=lambda v: len(v[2]) + 500) if size > 0 else None
        self.lock = threading.Lock()

    def __call__(self, environ, start_response):
        if self.cache is None or environ.get("REQUEST_METHOD") != "POST" or environ.get("PATH_INFO") != CALLBACK_PATH:
            return self.app(environ, start_response)
        from dashboards.db import file_identity

        try:
            identity = file_identity(self.db)
            length = int(environ.get("CONTENT_LENGTH") or 0)
        except (OSError, ValueError):
            return self.app(environ, start_response)
        body = environ["wsgi.input"].read(length)
        environ["wsgi.input"] = io.BytesIO(body)
        key = (*identity, body)
        with self.lock:
            found = self.cache.get(key)
        if found is not None:
            status, headers, content = found
            start_response(status, headers)
            return [content]
        answer = []  # status and headers, as the app gives them

        def keep(status, headers, exc_info=None):
            answer[:] = [status, list(headers)]
            return start_response(status, headers, exc_info) if exc_info else start_response(status, headers)

        chunks = self.app(environ, keep)
        try:
            content = b"".join(chunks)
        finally:
            if hasattr(chunks, "close"):
                chunks.close()
        status, headers = answer
        cookie = any(name.lower() == "set-cookie" for name, _ in headers)
        if status.startswith("200") and not cookie and len(content) <= LARGEST_KEPT:
            with self.lock:
                try:
                    self.cache[key] = (status, headers, content)
                except ValueError:
                    pass
        return [content]


def gunicorn_application(db: Path, host: str, port: int, workers: int):
    """A gunicorn server of the dashboard with `workers` processes of THREADS threads each.

    The app is loaded in each worker after the fork (no preload), so every process opens the
    database and keeps its query cache on its own: nothing is shared but the read-only file.
    """
    try:
        from gunicorn.app.base import BaseApplication
    except ImportError:  # gunicorn runs on Unix only; the project installs it there
        raise UserError("--workers above 1 needs gunicorn (Linux or macOS): pip install gunicorn") from None

    class Dashboard(BaseApplication):
        def load_config(self) -> None:
            address = f"[{host}]:{port}" if ":" in host else f"{host}:{port}"
            settings = {
                "bind": [address],
                "workers": workers,
                "worker_class": "gthread",
                "threads": THREADS,
                "timeout": 120,  # a first view at 10^7 events takes seconds
                # A reader's next page comes seconds after the last: gunicorn's default of 2 s closes
                # the connection under the browser (or proxy), whose next request then fails.
                "keepalive": 75,
                "proc_name": "tracker",
                "control_socket_disable": True,  # no management socket shared by every server of the machine
            }
            for key, value in settings.items():
                self.cfg.set(key, value)

        def load(self):
            from dashboards import create_app

            return CallbackCache(ready(create_app(db)).server, db)

    return Dashboard()


def ready(app):
    """The app after it has written its index page once.

    Dash registers the paths of its JavaScript files while it writes the first index page of a
    process; a request for one of them that reaches a process before then (another gunicorn worker
    than the one that sent the page, or a thread racing it) fails with a DependencyException. The
    index page reads no data, so writing it here costs a few milliseconds per process.
    """
    app.server.test_client().get("/")
    return app


def serve(data_dir: Path, shown_dir: str, db: Path, host: str, port: int, build_first: bool = True, workers: int = 1) -> int:
    if build_first:
        ensure_built(data_dir, shown_dir, db)
    elif not db.exists():
        raise UserError(f"{db}: database not found (run `tracker build` first, or drop --no-build)")
    summarise(db)
    if host not in ("127.0.0.1", "localhost", "::1"):
        print(f"warning: serving on {host}, reachable from other machines", file=sys.stderr)
    processes = f"{workers} processes" if workers > 1 else "1 process"
    print(f"dashboard on http://{host}:{port}/ (reading {db}; {processes}; Ctrl+C stops)", file=sys.stderr)
    if workers > 1:
        # Python runs one thread at a time per process: several processes use several cores.
        gunicorn_application(db, host, port, workers).run()
        return 0
    from dashboards import create_app

    app = ready(create_app(db))
    # waitress: a production WSGI server with a thread pool (Flask's own server is for development).
    from waitress import serve as serve_wsgi

    serve_wsgi(CallbackCache(app.server, db), host=host, port=port, threads=THREADS, ident="tracker")
    return 0
