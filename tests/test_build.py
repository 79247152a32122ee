"""The build is atomic: bad data leaves the previous database answering; readers are not disturbed."""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
import textwrap

import duckdb
import pytest
from conftest import BAD

from tracker.cli import main
from tracker.schema import load_package


def committed(db, line="DEU-leopard-2a6", day="2023-03-01"):
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(f"SELECT committed FROM pledge_lines_as_of(DATE '{day}') WHERE line_id = '{line}'").fetchall()[0][0]
    finally:
        con.close()


@pytest.mark.slow  # a process of its own, or a workbook: left out of `make test-fast`
def test_failed_build_keeps_previous_database(project, capsys):
    db = project / "build" / "tracker.duckdb"
    assert main(["build"]) == 0
    before = db.read_bytes()
    assert committed(db) == 18
    shutil.copy(BAD / "delivered_above_committed" / "deliveries.csv", project / "data" / "deliveries.csv")
    assert main(["build"]) == 1
    out, err = capsys.readouterr()
    assert "brings line POL-leopard-2a4 to 16 delivered" in out
    assert f"the previous database {db.relative_to(project)} is unchanged" in err
    assert db.read_bytes() == before
    assert committed(db) == 18
    assert sorted(p.name for p in db.parent.iterdir()) == ["tracker.duckdb", "tracker.duckdb.lock"]  # no temporary file left


def test_failed_first_build_writes_nothing(project, capsys):
    shutil.copy(BAD / "bad_date" / "commitment_events.csv", project / "data" / "commitment_events.csv")
    assert main(["build"]) == 1
    assert "no database was written" in capsys.readouterr().err
    assert [p.name for p in (project / "build").iterdir()] == ["tracker.duckdb.lock"]  # only the (released) lock


READER = textwrap.dedent("""
    import sys, duckdb
    con = duckdb.connect(sys.argv[1], read_only=True)
    q = "SELECT committed FROM pledge_lines_as_of(DATE '2023-03-01') WHERE line_id = 'DEU-leopard-2a6'"
    print(int(con.execute(q).fetchall()[0][0]), flush=True)
    sys.stdin.readline()             # hold the file open until the build is done
    print(int(con.execute(q).fetchall()[0][0]), flush=True)
""")


@pytest.mark.slow  # a process of its own, or a workbook: left out of `make test-fast`
def test_build_while_another_process_reads(project):
    db = project / "build" / "tracker.duckdb"
    assert main(["build"]) == 0
    with subprocess.Popen(
        [sys.executable, "-c", READER, str(db)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    ) as reader:
        assert reader.stdout.readline().strip() == "18"
        events = project / "data" / "commitment_events.csv"
        events.write_text(events.read_text().replace("increased,18,", "increased,20,"))
        assert main(["build"]) == 0  # the reader's open file does not block it
        assert committed(db) == 20  # new connections see the new build
        reader.stdin.write("\n")
        reader.stdin.flush()
        assert reader.stdout.readline().strip() == "18"  # the open reader still reads its old file


def test_build_records_checksums_and_rows(project):
    db = project / "build" / "tracker.duckdb"
    assert main(["build"]) == 0
    con = duckdb.connect(str(db), read_only=True)
    files = {r[0]: r[1:] for r in con.execute("SELECT table_name, sha256, rows FROM build_files").fetchall()}
    data = (project / "data" / "deliveries.csv").read_bytes()
    assert files["deliveries"] == (hashlib.sha256(data).hexdigest(), 3)
    built_at, schema_version = con.execute("SELECT built_at_utc, schema_version FROM build_info").fetchall()[0]
    assert schema_version == load_package().version == "1.4.0" and built_at is not None
    comment = con.execute(
        "SELECT comment FROM duckdb_columns() WHERE table_name = 'deliveries' AND column_name = 'quantity'"
    ).fetchall()[0][0]
    assert comment.startswith("Units (or money) delivered")
    con.close()
