"""Shared fixtures: the shipped data built into a real DuckDB file, and data directories to break."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tracker.build import build

ROOT = Path(__file__).resolve().parent.parent
VALID = Path(__file__).parent / "fixtures" / "valid"
RESEARCH = Path(__file__).parent / "fixtures" / "research"  # valid, plus shapes the research views need
BAD = Path(__file__).parent / "bad"
REFERENCE = ROOT.parent / "shared" / "reference"
KIEL_MAIN = REFERENCE / "kiel-ust-main-data" / "kiel_bilateral_main_data_retrieved_2024-08-06.csv"


def require_reference(path: Path) -> Path:
    """The shared reference material: skipped on a developer machine without it, a failure in CI."""
    import os

    if not path.exists():
        if os.environ.get("CI"):
            pytest.fail(f"{path} is missing: CI must have shared/ beside the clone")
        pytest.skip(f"reference material not found at {path}")
    return path


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
