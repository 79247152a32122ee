"""The generated comparison with the Kiel website's per-donor counts: current, and every difference explained."""

from __future__ import annotations

from conftest import KIEL_MAIN, KIEL_WEAPONS, ROOT

from tracker.cli import main

REPORT = ROOT / "reports" / "kiel_comparison.md"


def run_compare(shipped_db, tmp_path, capsys) -> tuple[int, str, str]:
    out = tmp_path / "comparison.md"
    code = main(
        ["compare", "kiel", str(KIEL_WEAPONS), "--main-sheet", str(KIEL_MAIN), "--db", str(shipped_db), "--out", str(out)]
    )
    printed = capsys.readouterr()
    return code, out.read_text(encoding="utf-8"), printed.out + printed.err


def test_comparison_is_current_and_every_difference_explained(shipped_db, tmp_path, capsys):
    code, report, printed = run_compare(shipped_db, tmp_path, capsys)
    assert code == 0, printed
    assert "0 unexplained" in printed
    assert REPORT.read_text(encoding="utf-8") == report, "run `tracker compare kiel ...` (see README) to refresh reports/"


def test_comparison_values(shipped_db, tmp_path, capsys):
    report = run_compare(shipped_db, tmp_path, capsys)[1].split("## What each count is made of")[0]
    rows = {
        tuple(c.strip() for c in line.split("|")[1:3]): [c.strip() for c in line.split("|")[3:9]]
        for line in report.splitlines()
        if line.startswith("| ") and "|---" not in line
    }
    # Kiel, main sheet, ours committed, ours delivered, delivered by release, explanation
    assert rows[("Canada", "Tanks")][:4] == ["8", "8", "8", "8"]
    assert rows[("United Kingdom", "Tanks")][:3] == ["14", "14", "14"]
    assert rows[("Portugal", "Tanks")][:3] == ["3", "3", "3"]
    # the 45 refurbished T-72EA, the US half of the 90 paid for with the Netherlands, are now a joint-pledge
    # share line (https://www.defensenews.com/pentagon/2022/11/04/us-netherlands-go-dutch-to-refurbish-czech-tanks-for-ukraine/)
    assert rows[("United States", "Tanks")] == ["76", "76", "76", "54", "54", "agrees"]
    assert "T-72EA" in rows[("Netherlands", "Tanks")][5]
    assert rows[("Spain", "Tanks")][:3] == ["29", "10", "10"]
    explained = [r[5] for key, r in rows.items() if key != ("donor", "category")]
    assert len(explained) == 64 and all(explained)
