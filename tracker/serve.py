"""`tracker serve`: build the database when it is missing or older than its inputs, then serve the dashboard."""

from __future__ import annotations

import sys
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


def serve(data_dir: Path, shown_dir: str, db: Path, host: str, port: int, build_first: bool = True) -> int:
    if build_first:
        ensure_built(data_dir, shown_dir, db)
    elif not db.exists():
        raise UserError(f"{db}: database not found (run `tracker build` first, or drop --no-build)")
    summarise(db)
    from dashboards import create_app

    app = create_app(db)
    if host not in ("127.0.0.1", "localhost", "::1"):
        print(f"warning: serving on {host}, reachable from other machines", file=sys.stderr)
    print(f"dashboard on http://{host}:{port}/ (reading {db}; Ctrl+C stops)", file=sys.stderr)
    # waitress: a production WSGI server with a thread pool (Flask's own server is for development).
    from waitress import serve as serve_wsgi

    serve_wsgi(app.server, host=host, port=port, threads=8, ident="tracker")
    return 0
