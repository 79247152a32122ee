"""tracker fmt: canonical, idempotent, and never drops or changes a value."""

from __future__ import annotations

import csv
import shutil

from conftest import BAD, ROOT

from tracker.cli import main


def test_shipped_data_is_canonical_and_valid(tmp_path, monkeypatch, capsys):
    shutil.copytree(ROOT / "data", tmp_path / "data")
    monkeypatch.chdir(tmp_path)
    before = {p.name: p.read_bytes() for p in (tmp_path / "data").iterdir()}
    assert main(["fmt", "--check"]) == 0
    assert main(["fmt"]) == 0
    assert main(["validate"]) == 0
    after = {p.name: p.read_bytes() for p in (tmp_path / "data").iterdir()}
    assert after == before


def rows(path, delimiter=","):
    with open(path, encoding="utf-8-sig", newline="") as f:
        return [dict(r) for r in csv.DictReader(f, delimiter=delimiter)]


def test_fmt_converts_spreadsheet_files_without_losing_values(project, capsys):
    data = project / "data"
    shutil.copy(BAD / "semicolon_separated" / "donors.csv", data / "donors.csv")
    shutil.copy(BAD / "bom_crlf_accepted" / "sources.csv", data / "sources.csv")
    shutil.copy(BAD / "excel_dates" / "deliveries.csv", data / "deliveries.csv")
    shutil.copy(BAD / "extra_column" / "deliveries.csv", data / "extra.csv")
    donors_before = rows(data / "donors.csv", ";")
    assert main(["fmt", "--check"]) == 1
    assert "-delivery_id,line_id" not in capsys.readouterr().out  # header unchanged for deliveries
    assert main(["fmt"]) == 0
    assert rows(data / "donors.csv") == donors_before
    assert not (data / "sources.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    assert b"\r\n" not in (data / "sources.csv").read_bytes()
    assert {r["date"] for r in rows(data / "deliveries.csv")} == {"2023-02-24", "2023-03", "2023-03-27"}
    (data / "extra.csv").unlink()
    assert main(["validate"]) == 0


def test_fmt_keeps_unknown_columns_and_adds_missing_ones(project):
    data = project / "data"
    shutil.copy(BAD / "extra_column" / "deliveries.csv", data / "deliveries.csv")
    assert main(["fmt"]) == 0
    assert [r["comment"] for r in rows(data / "deliveries.csv")] == ["", "", ""]
    shutil.copy(BAD / "missing_column" / "deliveries.csv", data / "deliveries.csv")
    assert main(["fmt"]) == 0
    assert list(rows(data / "deliveries.csv")[0]) == [
        "delivery_id",
        "line_id",
        "date",
        "quantity",
        "source_id",
        "corroborated_by",
        "source_lag_reason",
        "origin",
        "note",
    ]


def test_fmt_leaves_undecodable_files_alone(project, capsys):
    data = project / "data"
    shutil.copy(BAD / "not_utf8" / "sources.csv", data / "sources.csv")
    before = (data / "sources.csv").read_bytes()
    assert main(["fmt"]) == 1
    assert "data/sources.csv: left as it is: not UTF-8" in capsys.readouterr().err
    assert (data / "sources.csv").read_bytes() == before


def test_ambiguous_dates_are_not_guessed():
    from tracker.fmt import iso_date

    assert iso_date("27.03.2023") == "2023-03-27"
    assert iso_date("2023/3/7") == "2023-03-07"
    assert iso_date("2023-01-27 00:00:00") == "2023-01-27"
    assert iso_date("3/7/2023") == "3/7/2023"  # month/day or day/month: left for the analyst
    assert iso_date("31.02.2023") == "31.02.2023"  # not a date
