"""The generated comparison of our EUR totals per donor and year with the Kiel website's monthly
figures (reference/kiel-ust-website/data_explorer.csv): current, every difference above 10 %
explained, and a failing exit when an explanation is missing."""

from __future__ import annotations

import shutil

import pytest
from conftest import KIEL_EXPLORER, KIEL_MAIN, ROOT

from tracker.build import build
from tracker.cli import main

REPORT = ROOT / "reports" / "kiel_totals.md"


def run_compare(db, tmp_path, capsys) -> tuple[int, str, str]:
    out = tmp_path / "totals.md"
    code = main(
        ["compare", "kiel-totals", str(KIEL_EXPLORER), "--main-sheet", str(KIEL_MAIN), "--db", str(db), "--out", str(out)]
    )
    printed = capsys.readouterr()
    return code, out.read_text(encoding="utf-8"), printed.out + printed.err


def table(report: str) -> dict[tuple[str, str], list[str]]:
    return {
        tuple(c.strip() for c in line.split("|")[1:3]): [c.strip() for c in line.split("|")[3:8]]
        for line in report.splitlines()
        if line.startswith("| ") and "|---" not in line and not line.startswith("| donor")
    }


def test_totals_are_current_and_every_difference_explained(shipped_db, tmp_path, capsys):
    code, report, printed = run_compare(shipped_db, tmp_path, capsys)
    assert code == 0, printed
    assert "142 donor-year pairs, 36 within 10 %, 106 differ, 0 unexplained" in printed
    assert REPORT.read_text(encoding="utf-8") == report, "run `tracker compare kiel-totals ...` (see README) to refresh reports/"


def test_totals_values(shipped_db, tmp_path, capsys):
    rows = table(run_compare(shipped_db, tmp_path, capsys)[1])
    # EUR bn: Kiel website, Kiel's item sheet, ours, difference, explanation
    assert rows[("Belgium", "2022")][:4] == ["0.147", "0.147", "0.147", "+0%"]
    # US 2024: the 2024 drawdown and USAI packages (each from its memorandum or release) against Kiel's allocations
    assert rows[("United States", "2024")][0] == "20.141" and rows[("United States", "2024")][4] == "within 10 %"
    # Germany 2023: Kiel's list amounts of 24 February and 24 April 2023 are in both our total and Kiel's item sheet
    germany = rows[("Germany", "2023")]
    assert germany[1] == "7.350" and "24 April 2023" in germany[4]
    # a difference that Kiel's own item sheet shares is explained by it
    assert "Kiel's item sheet that we import gives" in rows[("Estonia", "2023")][4]


def test_a_missing_explanation_fails_with_its_donor_and_year(tmp_path, capsys):
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    notes = (data / "kiel_totals_notes.csv").read_text(encoding="utf-8").splitlines(keepends=True)
    (data / "kiel_totals_notes.csv").write_text("".join(l for l in notes if not l.startswith("2022-GRC,")), encoding="utf-8")
    db = tmp_path / "tracker.duckdb"
    assert build(data, "data", db).problems == []
    code, report, printed = run_compare(db, tmp_path, capsys)
    assert code == 1
    assert "data/kiel_totals_notes.csv: no explanation for GRC 2022 (Kiel EUR 0.134 bn, ours EUR 0.023 bn)" in printed
    assert "1 unexplained" in printed and "**unexplained**" in report


@pytest.mark.parametrize("kind", ["kiel", "kiel-totals"])
def test_a_missing_file_is_one_line(kind, shipped_db, capsys):
    assert main(["compare", kind, "no-such-file.csv", "--db", str(shipped_db)]) == 2
    assert "no-such-file.csv: file not found" in capsys.readouterr().err
