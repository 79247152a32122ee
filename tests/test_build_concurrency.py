"""Builds of one database never collide: a second build waits for the first, each publishes only the
file it wrote, readers see no error meanwhile, and a build killed at any point leaves the previous
database and, after the next build, no stray file beside it or in the system's temporary folder."""

from __future__ import annotations

import os
import re
import resource
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import duckdb
import pytest

pytestmark = pytest.mark.slow  # processes of their own: left out of `make test-fast`

TRACKER = [sys.executable, "-m", "tracker.cli"]


def start_build(data: Path, db: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [*TRACKER, "build", "--data", str(data), "--db", str(db)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )


def built_from(db: Path) -> str:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute("SELECT data_dir FROM build_info").fetchone()[0]
    finally:
        con.close()


def stray(db: Path) -> list[str]:
    """Files beside the database that are neither it nor its lock, and spill folders of dead builds."""
    beside = [p.name for p in db.parent.iterdir() if p.name not in (db.name, db.name + ".lock")]
    temp = [p.name for p in Path(tempfile.gettempdir()).glob("tracker-duckdb-[0-9]*-*") if not _alive(p.name.split("-")[2])]
    return beside + temp


def _alive(pid: str) -> bool:
    try:
        os.kill(int(pid), 0)
    except (ProcessLookupError, ValueError):
        return False
    return True


def test_two_builds_at_once_publish_in_turn_and_readers_see_no_error(project):
    db = project / "build" / "tracker.duckdb"
    assert subprocess.run([*TRACKER, "build", "--db", str(db)], capture_output=True).returncode == 0
    second = project / "other"
    subprocess.run(["cp", "-r", str(project / "data"), str(second)], check=True)
    errors: list[str] = []
    reads = 0
    done = threading.Event()

    def read() -> None:
        nonlocal reads
        while not done.is_set():
            try:
                con = duckdb.connect(str(db), read_only=True)
                con.execute("SELECT count(*) FROM commitment_events").fetchone()
                con.close()
                reads += 1
            except duckdb.Error as error:
                errors.append(str(error))

    reader = threading.Thread(target=read)
    reader.start()
    a = start_build(project / "data", db)
    b = start_build(second, db)
    outs = {name: p.communicate(timeout=120) for name, p in (("data", a), ("other", b))}
    done.set()
    reader.join()
    assert (a.returncode, b.returncode) == (0, 0), outs
    waited = [name for name, (_, err) in outs.items() if "another build of this database is running" in err]
    assert len(waited) == 1, outs  # one waited for the other
    assert Path(built_from(db)).name == waited[0]  # the last to report success is what is published
    assert errors == [] and reads > 0
    assert stray(db) == []


@pytest.mark.parametrize("point", ["reading the CSV files", "writing the new database", "deriving tables"])
def test_a_build_killed_mid_way_leaves_the_previous_database(project, point):
    db = project / "build" / "tracker.duckdb"
    assert subprocess.run([*TRACKER, "build", "--db", str(db)], capture_output=True).returncode == 0
    before = db.read_bytes()
    build = start_build(project / "data", db)
    started = time.monotonic()
    while time.monotonic() - started < 60:
        new = [p for p in db.parent.iterdir() if p.name.endswith(".new")]
        if point == "reading the CSV files" and (db.parent / "tracker.duckdb.lock").read_text().strip():
            break
        if point == "writing the new database" and new:
            break
        if point == "deriving tables" and new and new[0].exists() and new[0].stat().st_size > 1_000_000:
            break
        time.sleep(0.005)
    else:
        pytest.fail(f"the build never reached {point}")
    os.killpg(build.pid, signal.SIGKILL)
    build.communicate()
    assert db.read_bytes() == before  # the previous database, whole
    if point != "reading the CSV files":
        assert any(name.endswith(".new") for name in stray(db))  # what the killed build was writing
    assert subprocess.run([*TRACKER, "build", "--db", str(db)], capture_output=True).returncode == 0
    assert stray(db) == []  # the next build swept what the killed one left


def test_a_build_out_of_memory_says_how_to_lift_the_cap(project):
    done = subprocess.run(
        [*TRACKER, "build"], capture_output=True, text=True, cwd=project, env={**os.environ, "TRACKER_MEMORY_LIMIT": "2MB"}
    )
    assert done.returncode == 1 and "Traceback" not in done.stderr
    (line,) = done.stderr.splitlines()
    assert line.startswith("tracker: DuckDB ran out of memory (")
    assert line.endswith("under TRACKER_MEMORY_LIMIT=2MB: set TRACKER_MEMORY_LIMIT to more (for example 4GB) and run again")
    assert [p.name for p in (project / "build").iterdir()] == ["tracker.duckdb.lock"]  # nothing else left


def _file_size_limit():
    """In the child: writes beyond 1 MB fail with EFBIG (File too large), as a full disk fails with ENOSPC."""
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (1_000_000, 1_000_000))


def test_a_build_that_cannot_write_says_which_file_and_keeps_the_previous_database(project):
    assert subprocess.run([*TRACKER, "build"], capture_output=True, cwd=project).returncode == 0
    db = project / "build" / "tracker.duckdb"
    before = db.read_bytes()
    done = subprocess.run([*TRACKER, "build"], capture_output=True, text=True, cwd=project, preexec_fn=_file_size_limit)
    assert done.returncode == 1 and "Traceback" not in done.stderr
    (line,) = done.stderr.splitlines()
    assert re.fullmatch(
        r"tracker: could not write .*/build/\.tracker\.duckdb\.\d+\.[0-9a-f]+\.new \(File too large\): "
        r"free some space or lift the limit and run again",
        line,
    ), line
    assert db.read_bytes() == before
    assert sorted(p.name for p in db.parent.iterdir()) == ["tracker.duckdb", "tracker.duckdb.lock"]
