"""Each folder in tests/bad/ overlays files on the valid fixtures; validate must print exactly the
lines in its expected.txt (no traceback, exit 1), or accept it when expected.txt is empty."""

from __future__ import annotations

import shutil

import pytest
from conftest import BAD

from tracker import pipeline
from tracker.cli import main

CASES = sorted(p.name for p in BAD.iterdir() if p.is_dir())


def test_there_are_at_least_fifteen_cases():
    assert len(CASES) >= 15


@pytest.mark.parametrize("tables", ["in memory", "in a file"])
@pytest.mark.parametrize("case", CASES)
def test_known_bad_input(case, tables, project, capsys, monkeypatch):
    if tables == "in a file":  # as for data too large for DuckDB's memory cap (tests/test_tables_on_disk.py)
        monkeypatch.setattr(pipeline, "fits_in_memory", lambda csv_bytes: False)
    for path in (BAD / case).iterdir():
        if path.name != "expected.txt":
            shutil.copy(path, project / "data" / path.name)
    expected = (BAD / case / "expected.txt").read_text(encoding="utf-8").splitlines()
    status = main(["validate"])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    printed = [line for line in out.splitlines() if not line.endswith("found")]
    assert printed == expected
    assert status == (1 if expected else 0)


def test_json_format_lists_every_problem(project, capsys):
    shutil.copy(BAD / "unknown_donor" / "pledge_lines.csv", project / "data" / "pledge_lines.csv")
    import json

    assert main(["validate", "--format", "json"]) == 1
    report = json.loads(capsys.readouterr().out)
    assert report["ok"] is False
    assert {(p["file"], p["line"], p["column"], p["value"], p["rule"]) for p in report["problems"]} == {
        ("data/pledge_lines.csv", 4, "donor", "XXX", "foreign_keys"),
        ("data/pledge_lines.csv", 4, "line_id", "POL-leopard-2a4", "line_id_names_donor"),
    }


def test_namibia_stays_text_in_the_database(project, capsys):
    from tracker.build import build

    db = project / "t.duckdb"
    assert build(project / "data", "data", db).problems == []
    import duckdb

    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("SELECT iso_alpha2 FROM donors WHERE donor_id = 'NAM'").fetchall()[0] == ("NA",)
    assert con.execute("SELECT count(*) FROM donors WHERE iso_alpha2 IS NULL").fetchall()[0] == (1,)  # only XEU


def test_missing_data_directory_is_one_line(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert main(["validate"]) == 2
    err = capsys.readouterr().err
    assert err.strip() == "tracker: data: data directory not found (run from the project directory or pass --data DIR)"


def test_skipped_rules_are_named(project, capsys):
    shutil.copy(BAD / "bad_date" / "commitment_events.csv", project / "data" / "commitment_events.csv")
    assert main(["validate"]) == 1
    err = capsys.readouterr().err
    assert "delivered_within_committed" in err and "events_in_date_order" in err
