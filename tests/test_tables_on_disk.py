"""What validation keeps in DuckDB's memory. Data too large for its cap is loaded into a database file
of the spill directory instead of memory (at 10^7 events that validation took 128 s against 156 s;
reports/benchmark.md). Forced so on small inputs (and on every case of tests/bad/, in
test_known_bad_inputs.py), validation must say exactly what it says in memory, and leave no file
behind. Once loaded, a plain CSV's text is let go, and read again only to name the lines of a rule's
findings."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pytest
from conftest import BAD, VALID

from tracker import pipeline


@pytest.fixture
def tables_on_disk(monkeypatch):
    monkeypatch.setattr(pipeline, "fits_in_memory", lambda csv_bytes: False)


def test_memory_cap_grows_with_the_csv():
    assert pipeline.memory_cap(243_000_000) == 700_000_000  # 10^6 events: typed tables (about 490 MB) fit
    assert pipeline.fits_in_memory(243_000_000)
    assert pipeline.memory_cap(2_480_000_000) == 1_220_000_000  # 10^7 events: about 4.9 GB of tables would not
    assert not pipeline.fits_in_memory(2_480_000_000)


def test_tables_go_to_a_file_that_is_removed(tables_on_disk):
    with pipeline.checked(VALID, "data", derive=False) as outcome:
        files = dict(outcome.con.execute("SELECT database_name, path FROM duckdb_databases() WHERE path IS NOT NULL").fetchall())
        (events,) = outcome.con.execute("SELECT count(*) FROM commitment_events").fetchone()
    assert outcome.problems == []
    assert events == len((VALID / "commitment_events.csv").read_text(encoding="utf-8").splitlines()) - 1
    path = Path(files["built"])
    assert path.name == "tables.duckdb" and path.parent.name.startswith("tracker-duckdb-")
    assert Path(tempfile.gettempdir()) == path.parent.parent
    assert not path.parent.exists()


def test_plain_files_keep_no_text_once_loaded_and_findings_still_have_lines(project):
    shutil.copy(BAD / "delivered_above_committed" / "deliveries.csv", project / "data" / "deliveries.csv")
    with pipeline.checked(project / "data", "data", derive=False) as outcome:
        kept = {name for (name,) in outcome.con.execute("SELECT table_name FROM duckdb_tables() WHERE temporary").fetchall()}
        plain = {name for name, raw in outcome.raws.items() if raw.source is not None}
    assert plain and not {f"keys_{name}" for name in plain} & kept
    assert kept <= {"csv_deliveries"}  # read again for its finding's line
    expected = (BAD / "delivered_above_committed" / "expected.txt").read_text(encoding="utf-8").splitlines()
    assert [str(p) for p in outcome.problems] == expected
