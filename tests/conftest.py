"""Shared fixtures: the shipped data built into a real DuckDB file, data directories to break, the Kiel
releases in reference/, and the check that no test reads a path outside the repository (outside_reads.py)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

# Plotly checks every property of every figure the tests build (the server skips the checks:
# dashboards/figures.py, CHECKED); set before any dashboard module is imported.
os.environ["TRACKER_CHECK_FIGURES"] = "1"
from outside_reads import (  # noqa: F401  (hooks: pytest finds them in this module)
    KEY,
    OutsideReads,
    pytest_collectstart,
    pytest_configure,
    pytest_runtest_protocol,
    pytest_sessionfinish,
    pytest_terminal_summary,
)

from tracker.build import build

ROOT = Path(__file__).resolve().parent.parent
VALID = Path(__file__).parent / "fixtures" / "valid"
RESEARCH = Path(__file__).parent / "fixtures" / "research"  # valid, plus shapes the research views need
BAD = Path(__file__).parent / "bad"
REFERENCE = ROOT / "reference"  # other trackers' releases, each folder with its PROVENANCE.md
KIEL_MAIN = REFERENCE / "kiel-ust-main-data" / "kiel_bilateral_main_data_retrieved_2024-08-06.csv"
KIEL_WEAPONS = REFERENCE / "kiel-ust-website" / "weapons.csv"
KIEL_EXPLORER = REFERENCE / "kiel-ust-website" / "data_explorer.csv"


MARKED = {"test_dashboard_browser.py": "browser", "test_benchmark.py": "benchmark"}


def pytest_collection_modifyitems(items):
    """Mark the browser and benchmark tests by their file, so that `make test-fast` leaves them out."""
    for item in items:
        marker = MARKED.get(item.path.name)
        if marker:
            item.add_marker(getattr(pytest.mark, marker))


@pytest.fixture
def outside_reads(request) -> OutsideReads:
    """The recorder of paths touched outside the repository (use `.expected()` around a read made on purpose)."""
    return request.config.stash[KEY]


@pytest.fixture(scope="session")
def shipped_db(tmp_path_factory) -> Path:
    db = tmp_path_factory.mktemp("shipped") / "tracker.duckdb"
    outcome = build(ROOT / "data", "data", db)
    assert outcome.problems == [], "\n".join(map(str, outcome.problems))
    return db


@pytest.fixture(scope="session")
def research_db(tmp_path_factory) -> Path:
    db = tmp_path_factory.mktemp("research") / "tracker.duckdb"
    outcome = build(RESEARCH, "research", db)
    assert outcome.problems == [], "\n".join(map(str, outcome.problems))
    return db


@pytest.fixture
def project(tmp_path, monkeypatch) -> Path:
    """A working directory holding a copy of the valid fixtures as data/."""
    shutil.copytree(VALID, tmp_path / "data")
    monkeypatch.chdir(tmp_path)
    return tmp_path
