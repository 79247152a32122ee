"""What checks a data pull request: `tracker validate --format github` (annotations pinned for known-bad
cases), the workflow that runs it, and the root datapackage.json, generated from schemas/ and valid for
`frictionless validate`, which also finds the single-table problems `tracker validate` finds."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pandas as pd
import pytest
import yaml
from conftest import BAD, ROOT, VALID

from tracker import datapackage
from tracker.annotations import annotation, escape_data, escape_property
from tracker.cli import main
from tracker.column_sql import V, predicates
from tracker.problems import Problem
from tracker.schema import load_package

GITHUB_GOLDEN = Path(__file__).parent / "golden" / "github"
GOLDEN_CASES = sorted(p.stem for p in GITHUB_GOLDEN.glob("*.txt"))
FRICTIONLESS = Path(sys.executable).parent / "frictionless"


def _overlay(case: str, data: Path) -> None:
    for path in (BAD / case).iterdir():
        if path.name != "expected.txt":
            shutil.copy(path, data / path.name)


# --- tracker validate --format github --------------------------------------------------------------


def test_golden_cases_are_known_bad_cases():
    assert len(GOLDEN_CASES) >= 5
    assert set(GOLDEN_CASES) <= {p.name for p in BAD.iterdir() if p.is_dir()}


@pytest.mark.parametrize("case", GOLDEN_CASES)
def test_github_annotations(case, project, capsys):
    """Set UPDATE_GOLDEN=1 to rewrite tests/golden/github/<case>.txt, then read the diff."""
    _overlay(case, project / "data")
    status = main(["validate", "--format", "github"])
    out = capsys.readouterr().out
    golden = GITHUB_GOLDEN / f"{case}.txt"
    if os.environ.get("UPDATE_GOLDEN"):
        golden.write_text(out, encoding="utf-8")
    assert out == golden.read_text(encoding="utf-8")
    assert status == 1
    # the same problems, in the same order, as the text format pins in expected.txt
    text = (BAD / case / "expected.txt").read_text(encoding="utf-8").splitlines()
    annotations = out.splitlines()[:-1]
    assert len(annotations) == len(text)
    for line, problem in zip(annotations, text):
        file, number, rest = problem.split(":", 2)
        assert line.startswith(f"::error file={escape_property(file)},line={number},")
        assert line.endswith("::" + escape_data(rest.lstrip()))


def test_every_annotation_points_at_its_cell(project, capsys):
    """col is the character column where the cell starts, so GitHub marks the value itself."""
    _overlay("negative_quantity", project / "data")
    main(["validate", "--format", "github"])
    (line,) = [x for x in capsys.readouterr().out.splitlines() if x.startswith("::")]
    col = int(re.search(r",col=(\d+),", line).group(1))
    row = (project / "data" / "deliveries.csv").read_text(encoding="utf-8").splitlines()[2]
    assert row[col - 1 :].split(",")[0] == "-4"


def test_clean_data_prints_only_the_summary(project, capsys):
    assert main(["validate", "--format", "github"]) == 0
    assert capsys.readouterr().out == "no problems found\n"


def test_escaping_follows_the_workflow_command_rules():
    p = Problem("data/a,b:c.csv", 7, "note", "100% sure\r\nor not", value=None, rule="x:y,z")
    assert annotation(p, 3) == ("::error file=data/a%2Cb%3Ac.csv,line=7,col=3,title=x%3Ay%2Cz::note: 100%25 sure%0D%0Aor not")
    missing = Problem("data/gdp.csv", 0, "(file)", "file is missing")
    assert annotation(missing) == "::error file=data/gdp.csv,title=schema::(file): file is missing"


# --- the workflow ---------------------------------------------------------------------------------


def test_workflow_checks_data_pull_requests():
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "data.yml").read_text(encoding="utf-8"))
    on = workflow[True]  # YAML 1.1 reads the key `on` as true
    assert {"data/**", "schemas/**"} <= set(on["pull_request"]["paths"])
    steps = workflow["jobs"]["check"]["steps"]
    assert steps[1]["with"]["python-version"] == "3.11"
    runs = [s["run"] for s in steps if "run" in s]
    assert runs[0].startswith("python -m pip install")
    assert runs[1:] == ["tracker fmt --check", "tracker validate --format github", "tracker generate --check"]


# --- datapackage.json -----------------------------------------------------------------------------


def test_root_datapackage_is_generated_from_schemas():
    expected = datapackage.text(datapackage.root(load_package()))
    assert (ROOT / "datapackage.json").read_text(encoding="utf-8") == expected, "run `tracker generate`"
    package = json.loads(expected)
    assert [r["path"] for r in package["resources"]] == [t.path for t in load_package().tables]
    deliveries = {r["name"]: r for r in package["resources"]}["deliveries"]["schema"]
    fields = {f["name"]: f for f in deliveries["fields"]}
    assert fields["date"]["type"] == "string" and fields["date"]["constraints"]["pattern"] == datapackage.FUZZY_DATE
    assert fields["corroborated_by"] | {"description": ""} == {
        "name": "corroborated_by",
        "type": "list",
        "delimiter": ";",
        "itemType": "string",
        "description": "",
    }
    assert fields["quantity"]["constraints"] == {"required": True, "exclusiveMinimum": 0}
    assert deliveries["primaryKey"] == ["delivery_id"]
    assert [fk["fields"] for fk in deliveries["foreignKeys"]] == [["line_id"], ["source_id"]]  # not the list column


def _frictionless(descriptor: Path) -> dict:
    """`frictionless validate --json`, as a contributor would run it."""
    run = subprocess.run(
        [str(FRICTIONLESS), "validate", "--json", descriptor.name],
        cwd=descriptor.parent,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.stderr == "", run.stderr
    return json.loads(run.stdout)


VALIDATE_EACH = """
import json, os, sys
from frictionless import validate
for path in sys.argv[1:]:
    os.chdir(os.path.dirname(path))
    print(json.dumps(validate(os.path.basename(path)).to_dict()))
"""


def _frictionless_api(descriptors: list[Path]) -> list[dict]:
    """The same reports from frictionless' Python API, every descriptor in one process."""
    run = subprocess.run(
        [sys.executable, "-c", VALIDATE_EACH, *map(str, descriptors)], capture_output=True, text=True, timeout=300
    )
    assert run.returncode == 0 and run.stderr == "", run.stderr
    return [json.loads(line) for line in run.stdout.splitlines()]


def _errors(report: dict) -> list[tuple]:
    return [
        (t["name"], e["type"], e.get("rowNumber"), e.get("fieldName"), e.get("cell"))
        for t in report["tasks"]
        for e in t["errors"]
    ] + [("package", e["type"], e["note"]) for e in report["errors"]]


def test_frictionless_validates_the_shipped_data():
    report = _frictionless(ROOT / "datapackage.json")
    assert _errors(report) == [] and report["valid"] is True
    rows = {t["name"]: t["stats"]["rows"] for t in report["tasks"]}
    assert rows == {t.name: len(pd.read_csv(ROOT / t.path, dtype=str)) for t in load_package().tables}


# Known-bad cases of one table, and what frictionless reports for them: the same line and column as
# `tracker validate` (the case's expected.txt). Cross-table rules have no Table Schema equivalent.
FRICTIONLESS_FINDS = {
    "bad_date": [("commitment_events", "constraint-error", 4, "date", "2023-02-30")],
    "excel_dates": [("deliveries", "constraint-error", 2, "date", "27.03.2023")],
    "negative_quantity": [("deliveries", "constraint-error", 3, "quantity", "-4")],
    "duplicate_id": [("commitment_events", "unique-error", 4, None, None), ("commitment_events", "primary-key", 4, None, None)],
    "missing_required": [("commitment_events", "constraint-error", 4, "event_type", "")],
    "dangling_source": [("deliveries", "foreign-key", 2, None, None)],
}


def test_frictionless_finds_what_validate_finds(tmp_path):
    (tmp_path / "valid").mkdir()
    shutil.copy(ROOT / "datapackage.json", tmp_path / "valid")
    shutil.copytree(VALID, tmp_path / "valid" / "data")
    for case in FRICTIONLESS_FINDS:
        shutil.copytree(tmp_path / "valid", tmp_path / case)
        _overlay(case, tmp_path / case / "data")
    valid, *reports = _frictionless_api([tmp_path / c / "datapackage.json" for c in ["valid", *FRICTIONLESS_FINDS]])
    assert _errors(valid) == []  # the fixtures' fuzzy dates, lists and Namibia's NA pass
    for (case, found), report in zip(FRICTIONLESS_FINDS.items(), reports):
        errors = _errors(report)
        assert [e[:3] + ((e[3], e[4]) if e[1] == "constraint-error" else (None, None)) for e in errors] == found, case
        assert all(f"data/{e[0]}.csv:{e[2]}:" in (BAD / case / "expected.txt").read_text(encoding="utf-8") for e in found)


def test_fuzzy_date_pattern_accepts_what_validate_accepts():
    """The pattern against validate's SQL check (tracker.column_sql) on every day of two centuries and near misses."""
    days = pd.date_range("1896-01-01", "2104-12-31").strftime("%Y-%m-%d")
    near_misses = [
        f"{y}-{m:02d}-{d:02d}" for y in (1900, 2000, 2023, 2024, 2100) for m in range(0, 14) for d in (0, 29, 30, 31, 32)
    ]
    coarse = (
        [f"2023-{m:02d}" for m in range(0, 14)] + [f"2023-Q{q}" for q in range(0, 6)] + ["2023", "23", "2023-1", "2023-Q1-01"]
    )
    values = pd.Series(
        list(days)
        + near_misses
        + coarse
        + ["../2023", "../2024-02-29", "..2023", "../../2023", "../2023-Q1", "../2023-03", "../2023-02-29"]
    )
    field = load_package().table("commitment_events").field("date")
    (fails,) = [sql for name, _, sql in predicates(field) if name == "type:fuzzy-date"]
    con = duckdb.connect()
    con.register("values_", pd.DataFrame({"v": values}))
    ours = pd.Series([not failed for (failed,) in con.execute(f"SELECT {fails.replace(V, 'v')} FROM values_").fetchall()])
    theirs = values.map(lambda v: re.fullmatch(datapackage.FUZZY_DATE, v) is not None)
    assert ours.sum() > 76_000
    assert values[ours != theirs].tolist() == []


def test_fuzzy_date_pattern_open_at_the_start():
    """ "By" dates at every precision, each with only real days."""
    accepted = {
        v: re.fullmatch(datapackage.FUZZY_DATE, v) is not None
        for v in ("../2023", "../2023-Q1", "../2023-03", "../2023-02-24", "../2023-02-29", "../2023-02-30", "../2023-Q5")
    }
    assert accepted == {
        "../2023": True,
        "../2023-Q1": True,
        "../2023-03": True,
        "../2023-02-24": True,
        "../2023-02-29": False,
        "../2023-02-30": False,
        "../2023-Q5": False,
    }


def test_export_descriptor_is_valid_too(research_db, tmp_path, capsys):
    assert main(["export", str(tmp_path), "--format", "csv", "--as-of", "2023-12-31", "--db", str(research_db)]) == 0
    report = _frictionless(tmp_path / "datapackage.json")
    assert _errors(report) == [] and report["valid"] is True
    assert len(report["tasks"]) == len(list(tmp_path.glob("*.csv"))) - 1  # all but export_dictionary.csv
    package = json.loads((tmp_path / "datapackage.json").read_text(encoding="utf-8"))
    assert package["licenses"] == json.loads((ROOT / "datapackage.json").read_text(encoding="utf-8"))["licenses"]
