"""reference/ holds the releases the tests and documented commands read, each file as its PROVENANCE.md describes it."""

from __future__ import annotations

import csv
import hashlib
import re
import shlex
from pathlib import Path

import pytest
from conftest import KIEL_MAIN, KIEL_WEAPONS, REFERENCE, ROOT

from tracker.cli import EXAMPLES
from tracker.reference_tables import GDP_YEARS, gdp

FOLDERS = sorted(p for p in REFERENCE.iterdir() if p.is_dir())
FILE_ROW = re.compile(r"^\| `([^`]+)` \| (\d+) \| `([0-9a-f]{64})` \|$", re.MULTILINE)
FIELDS = ("- Origin: ", "- Retrieved: ", "- Licence: ", "- Changed: ")


def listed(folder: Path) -> dict[str, tuple[int, str]]:
    """File name -> (bytes, SHA-256) from the table at the end of the folder's PROVENANCE.md."""
    text = (folder / "PROVENANCE.md").read_text(encoding="utf-8")
    return {name: (int(size), sha) for name, size, sha in FILE_ROW.findall(text)}


def test_the_folders():
    assert [p.name for p in FOLDERS] == ["gdp-worldbank", "kiel-ust-main-data", "kiel-ust-website", "pun-aid-newsfeed"]
    assert sorted(p.name for p in REFERENCE.iterdir() if p.is_file()) == [".gitattributes", "README.md"]


@pytest.mark.parametrize("folder", FOLDERS, ids=lambda p: p.name)
def test_provenance_lists_every_file_with_its_checksum(folder):
    files = sorted(p.name for p in folder.iterdir() if p.name != "PROVENANCE.md")
    table = listed(folder)
    assert sorted(table) == files, f"{folder / 'PROVENANCE.md'}: the table must list every file in the folder"
    for name, (size, sha) in table.items():
        content = (folder / name).read_bytes()
        described = f"{folder / name}: not the file its PROVENANCE.md describes"
        assert (len(content), hashlib.sha256(content).hexdigest()) == (size, sha), described


@pytest.mark.parametrize("folder", FOLDERS, ids=lambda p: p.name)
def test_provenance_gives_origin_date_licence_and_changes(folder):
    text = (folder / "PROVENANCE.md").read_text(encoding="utf-8")
    for field in FIELDS:
        assert text.count(f"\n{field}") == 1, f"{folder / 'PROVENANCE.md'}: needs one line starting {field!r}"
    assert re.search(r"commit\s+`[0-9a-f]{40}`", text), "the origin names the commit the files were taken at"
    assert re.search(r"- Retrieved: .*\d{4}-\d{2}-\d{2}", text)
    assert "- Changed: nothing" in text
    if folder.name.startswith("kiel-"):
        licence = " ".join(text.split("- Licence: ", 1)[1].split("\n- ", 1)[0].split())
        assert 'Cite it as: Trebesch, C. et al., "The Ukraine Support Tracker", Kiel Institute' in licence


def test_line_ends_are_kept_as_published():
    """gdp.csv has CRLF line ends: git must not convert them, or the checksum changes on checkout."""
    assert (REFERENCE / ".gitattributes").read_text(encoding="utf-8").splitlines()[-1] == "* -text"
    header = (REFERENCE / "gdp-worldbank" / "gdp.csv").read_bytes().split(b"\n", 1)[0]
    assert header == b"Country Name,Country Code,Year,Value\r"


def test_kiel_files_the_tests_read_are_listed():
    assert KIEL_MAIN.name in listed(KIEL_MAIN.parent)
    assert KIEL_WEAPONS.name in listed(KIEL_WEAPONS.parent)


def documented_files(command: str) -> list[Path]:
    """The reference/ files named in a documented command line (arguments only, comments dropped)."""
    words = shlex.split(command.split("  #", 1)[0].replace("\\\n", " "))
    return [ROOT / w for w in words if w.startswith("reference/")]


def test_readme_documents_import_and_compare_against_reference():
    lines = [
        line
        for line in (ROOT / "README.md").read_text(encoding="utf-8").splitlines()
        if line.startswith(("tracker import kiel reference/", "tracker compare kiel reference/"))
    ]
    assert [documented_files(line) for line in lines] == [[KIEL_MAIN], [KIEL_WEAPONS, KIEL_MAIN]]


def test_command_help_examples_name_files_in_reference():
    import_example = EXAMPLES["import"].split("\n")[1]
    compare_example = "\n".join(EXAMPLES["compare"].split("\n")[1:3])
    assert documented_files(import_example) == [KIEL_MAIN]
    assert documented_files(compare_example) == [KIEL_WEAPONS, KIEL_MAIN]


def test_shipped_gdp_is_cut_from_the_world_bank_table():
    with (ROOT / "data" / "donors.csv").open(encoding="utf-8", newline="") as f:
        donors = {r["donor_id"] for r in csv.DictReader(f) if r["donor_type"] == "country"}
    with (ROOT / "data" / "gdp.csv").open(encoding="utf-8", newline="") as f:
        shipped = list(csv.reader(f))[1:]
    assert gdp(REFERENCE / "gdp-worldbank" / "gdp.csv", donors, GDP_YEARS) == shipped
    assert ["POL", "2022", "689763329458", "worldbank-gdp-current-usd"] in shipped
