"""`tracker serve`: build when missing or stale, keep serving the previous database when the data is bad."""

from __future__ import annotations

import os
import shutil

import pytest

from tests.conftest import VALID
from tracker.cli import parser
from tracker.problems import UserError
from tracker.serve import ensure_built, stale_because


def test_binds_to_this_machine_only_by_default():
    args = parser().parse_args(["serve"])
    assert (args.host, args.port, args.no_build) == ("127.0.0.1", 8050, False)


@pytest.mark.slow  # a process of its own, or a workbook: left out of `make test-fast`
def test_builds_when_missing_then_only_when_an_input_is_newer(tmp_path, capsys):
    data = tmp_path / "data"
    shutil.copytree(VALID, data)
    db = tmp_path / "tracker.duckdb"
    assert stale_because(data, db) == f"{db} does not exist"
    ensure_built(data, "data", db)
    assert db.exists() and stale_because(data, db) is None
    built = db.stat().st_mtime_ns
    ensure_built(data, "data", db)
    assert db.stat().st_mtime_ns == built  # up to date: not rebuilt
    edited = db.stat().st_mtime + 10  # a CSV edited after the build
    os.utime(data / "deliveries.csv", (edited, edited))
    assert stale_because(data, db) == f"{data / 'deliveries.csv'} changed since {db} was built"
    ensure_built(data, "data", db)
    assert db.stat().st_mtime_ns != built
    assert "building" in capsys.readouterr().err


@pytest.mark.slow  # a process of its own, or a workbook: left out of `make test-fast`
def test_bad_data_keeps_the_previous_database_or_stops_with_a_message(tmp_path, capsys):
    data = tmp_path / "data"
    shutil.copytree(VALID, data)
    db = tmp_path / "tracker.duckdb"
    ensure_built(data, "data", db)
    before = db.read_bytes()
    with open(data / "deliveries.csv", "a", encoding="utf-8") as f:
        f.write("broken,NO-SUCH-LINE,2023-02-30,1,wire-2023-03,curated,\n")
    ensure_built(data, "data", db)
    err = capsys.readouterr().err
    assert "serving the previous database" in err and "2023-02-30" in err
    assert db.read_bytes() == before
    db.unlink()
    with pytest.raises(UserError, match="no earlier database"):
        ensure_built(data, "data", db)


def test_the_app_reads_nothing_when_it_is_created(tmp_path):
    """Data is read per request, never at import or start-up: the app builds over a missing file."""
    import subprocess
    import sys

    missing = tmp_path / "not-built-yet.duckdb"
    code = f"from dashboards import create_app; app = create_app({str(missing)!r}); print(app.server.config['TRACKER_DATABASE'].path)"
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == str(missing) and not missing.exists()
