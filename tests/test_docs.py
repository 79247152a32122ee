"""The README is the front door and the docs site is built from docs/: sizes, links, navigation,
the citation file, and `mkdocs build --strict`."""

from __future__ import annotations

import importlib.util
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
LINK = re.compile(r"\]\(([^)\s]+)\)")


def relative_links(path: Path) -> list[str]:
    text = re.sub(r"```.*?```", "", path.read_text(encoding="utf-8"), flags=re.S)
    return [t for t in LINK.findall(text) if not re.match(r"[a-z]+:|#", t)]


def test_readme_is_a_front_door_under_25_kb():
    assert (ROOT / "README.md").stat().st_size < 25_000


@pytest.mark.parametrize("name", ["README.md", "CONTRIBUTING.md", "CHANGELOG.md"])
def test_every_relative_link_names_a_file_of_the_repository(name):
    broken = [t for t in relative_links(ROOT / name) if not (ROOT / t.split("#")[0]).exists()]
    assert broken == []


def test_every_docs_page_is_in_the_navigation_and_every_entry_exists():
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    nav = [page for entry in config["nav"] for page in entry.values()]
    assert sorted(nav) == sorted(p.name for p in DOCS.glob("*.md"))


def test_citation_cites_the_data_and_the_code_under_the_readme_licences():
    cff = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    assert (cff["cff-version"], cff["type"], cff["license"]) == ("1.2.0", "dataset", "CC-BY-4.0")
    assert cff["title"] and cff["message"] and cff["authors"]
    software = [r for r in cff["references"] if r["type"] == "software"]
    assert [r["license"] for r in software] == ["MIT"]
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "Code: MIT. Data: our compilation is CC BY 4.0" in readme


def test_the_docs_site_builds_strictly(tmp_path):
    if importlib.util.find_spec("mkdocs") is None or importlib.util.find_spec("material") is None:
        pytest.skip("mkdocs-material is not installed (pip install -e '.[docs]')")
    run = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(tmp_path / "site")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    assert run.returncode == 0, run.stderr
    page = (tmp_path / "site" / "sql" / "index.html").read_text(encoding="utf-8")
    assert "CZE-t-72-modified" in page and "--8&lt;--" not in page  # the README's example is included, not its marker
    assert (tmp_path / "site" / "benchmark.json").exists()  # linked from the included benchmark report
