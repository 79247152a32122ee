"""A smoke run of the benchmark at the smallest scale, so that it keeps working. No timing is asserted:
the numbers only have to exist, be positive and land in the results files."""

from __future__ import annotations

import json

from tracker.benchmark import report
from tracker.benchmark.run import run


def test_smallest_scale_end_to_end(tmp_path):
    out = tmp_path / "benchmark.md"
    (results,) = run([1000], out, tmp_path / "work", seed=1, repeat=1, peer_max=1000, say=lambda _: None)
    assert results.failures == []
    assert results.rows["commitment_events"] == 1000
    for part in (results.floor, results.validate, results.build, results.peer):
        assert part["ok"] and part["seconds"] > 0 and part["peak_mb"] > 10
    assert results.queries["pledge_lines_as_of_rows"] > 0 and results.queries["commitment_timeline"] > 0
    assert {"page overview", "page systems (largest family)", "click overview day"} <= set(results.callbacks)
    assert all(ms > 0 for ms in results.callbacks.values())
    assert 0 < results.help_s < 30
    text = out.read_text(encoding="utf-8")
    assert "| 10^3 | " in text and "## Dashboard callbacks" in text and report.ANALYSIS in text
    numbers = json.loads(out.with_suffix(".json").read_text(encoding="utf-8"))
    assert numbers["scales"][0]["events"] == 1000 and numbers["meta"]["cpu"]
    assert not (tmp_path / "work" / "events-1000").exists()  # the generated data is removed unless --keep


def test_hand_written_analysis_is_kept(tmp_path):
    out = tmp_path / "benchmark.md"
    out.write_text("old numbers\n" + report.ANALYSIS + "\nWhy the build is slow: ...\n", encoding="utf-8")
    text = report.render(
        {
            "measured_at_utc": "now",
            "commit": "abc",
            "seed": 0,
            "repeat": 1,
            "cpu": "c",
            "memory": "m",
            "system": "s",
            "python": "3.11",
            "packages": "p",
        },
        [],
        previous=out,
    )
    assert "old numbers" not in text and text.endswith(report.ANALYSIS + "\nWhy the build is slow: ...\n")


def test_the_commit_measured_ignores_the_reports_the_benchmark_writes(tmp_path):
    import subprocess

    from tracker.benchmark.machine import commit

    def git(*args):
        subprocess.run(
            ["git", "-C", str(tmp_path), "-c", "user.name=t", "-c", "user.email=t@t", *args], check=True, capture_output=True
        )

    git("init", "-q")
    (tmp_path / "reports").mkdir()
    (tmp_path / "reports" / "benchmark.md").write_text("before\n")
    (tmp_path / "code.py").write_text("x = 1\n")
    git("add", ".")
    git("commit", "-qm", "start")
    (tmp_path / "reports" / "benchmark.md").write_text("a scale measured\n")  # written after every scale
    assert "uncommitted" not in commit(tmp_path)
    (tmp_path / "code.py").write_text("x = 2\n")
    assert commit(tmp_path).endswith(" + uncommitted changes")
