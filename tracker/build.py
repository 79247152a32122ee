"""`tracker build`: validate, then write the database atomically, stamped with what it was built from."""

from __future__ import annotations

import os
import subprocess
from datetime import UTC, datetime
from pathlib import Path

from tracker import __version__, build_files, catalogue
from tracker.pipeline import Outcome, checked
from tracker.progress import QUIET, Progress
from tracker.schema import load_package


def _git(data_dir: Path, *args: str) -> str | None:
    try:
        done = subprocess.run(["git", "-C", str(data_dir), *args], capture_output=True, text=True, timeout=10)
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout.strip() if done.returncode == 0 else None


def stamp(con, data_dir: Path, outcome: Outcome) -> None:
    """Record in the database what it was built from."""
    package = load_package()
    commit = _git(data_dir, "rev-parse", "HEAD")
    dirty = bool(_git(data_dir, "status", "--porcelain", "--", ".")) if commit else None
    con.execute(
        """
        CREATE TABLE build_info AS SELECT
            ? AS built_at_utc, ? AS git_commit, ? AS git_dirty, ? AS schema_version, ? AS tracker_version, ? AS data_dir
    """,
        [
            datetime.now(UTC).replace(microsecond=0, tzinfo=None),
            commit,
            dirty,
            package.version,
            __version__,
            str(data_dir.resolve()),
        ],
    )
    rows = [(name, raw.table.filename, raw.sha256, raw.rows, raw.size) for name, raw in outcome.raws.items()]
    con.execute("CREATE TABLE build_files (table_name VARCHAR, file VARCHAR, sha256 VARCHAR, rows BIGINT, bytes BIGINT)")
    con.executemany("INSERT INTO build_files VALUES (?, ?, ?, ?, ?)", rows)
    catalogue.create_dictionary(con, package)
    catalogue.apply_comments(con)


def build(data_dir: Path, shown_dir: str, db: Path, progress: Progress = QUIET) -> Outcome:
    """Build ``db`` from ``data_dir``. One build of a database runs at a time (a second one waits);
    each writes its own temporary file beside ``db`` and spills there. On any problem that file is
    discarded and ``db`` is untouched; otherwise it replaces ``db`` in one rename, so readers holding
    the old file open keep reading it until they reconnect."""
    with build_files.exclusive(db) as files:
        with checked(data_dir, shown_dir, target=str(files.new), spill=files.spill, progress=progress) as outcome:
            complete = not outcome.problems and outcome.strict
            if complete:
                stamp(outcome.con, data_dir, outcome)
                outcome.con.execute("CHECKPOINT")
        if complete:  # closed: the file is whole
            os.replace(files.new, db)
    return outcome
