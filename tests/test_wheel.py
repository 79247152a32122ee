"""The project installs as a wheel that works anywhere: every file it needs is packaged, found through
importlib.resources, and nothing is read when a module is imported."""

from __future__ import annotations

import csv
import json
import os
import shutil
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
LOCK = ROOT / "requirements.lock"
# Source folder -> where its files sit in the wheel (pyproject.toml maps schemas/ to tracker.schemas).
PACKAGED = {"tracker": "tracker", "dashboards": "dashboards", "schemas": "tracker/schemas"}
NOT_PACKAGED = {"dashboards/screenshots"}  # the README's pictures, not read by the code
# What a wheel is built from; anything else in the clone (data, tests, build output) stays out.
BUILD_INPUTS = ("pyproject.toml", "README.md", *PACKAGED)

# Reads, while importing every module of the project, the project's own files it opens (the import
# system reads .py files through io.open_code, which is not counted).
IMPORT_SPY = r"""
import builtins, importlib, io, json, pkgutil, sys
roots = sys.argv[1:]
opened = []
real_open = io.open
def spy(file, *args, **kwargs):
    if isinstance(file, (str, bytes)) or hasattr(file, "__fspath__"):
        name = str(file if not isinstance(file, bytes) else file.decode())
        if any(name.startswith(root) for root in roots):
            opened.append(name)
    return real_open(file, *args, **kwargs)
builtins.open = io.open = spy
import tracker, dashboards
names = [m.name for package in (tracker, dashboards)
         for m in pkgutil.walk_packages(package.__path__, package.__name__ + ".")]
# dashboards.pages.* register themselves with a Dash app and import only inside create_app().
names = [n for n in names if not n.startswith("dashboards.pages")]
for name in names:
    importlib.import_module(name)
print(json.dumps({"modules": names, "opened": opened}))
"""


def source_files() -> dict[str, Path]:
    """Every file of the packaged folders by its path inside the wheel."""
    files = {}
    for folder, target in PACKAGED.items():
        for path in sorted((ROOT / folder).rglob("*")):
            relative = path.relative_to(ROOT).as_posix()
            if path.is_file() and "__pycache__" not in path.parts and not any(relative.startswith(n + "/") for n in NOT_PACKAGED):
                files[target + relative.removeprefix(folder)] = path
    return files


def shipped_counts() -> tuple[int, int]:
    """Tables and data rows of the shipped data, counted from the CSVs the data package lists."""
    descriptor = yaml.safe_load((ROOT / "schemas" / "datapackage.yaml").read_text(encoding="utf-8"))
    rows = 0
    for resource in descriptor["resources"]:
        with (ROOT / resource["path"]).open(encoding="utf-8", newline="") as f:
            rows += sum(1 for _ in csv.reader(f)) - 1
    return len(descriptor["resources"]), rows


def test_importing_reads_no_file_of_the_project():
    roots = [str(ROOT / folder) for folder in PACKAGED]
    run = subprocess.run([sys.executable, "-c", IMPORT_SPY, *roots], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert run.returncode == 0, run.stderr
    result = json.loads(run.stdout.splitlines()[-1])
    assert {"tracker.rules", "tracker.schema", "tracker.cli", "dashboards.db"} <= set(result["modules"])
    assert result["opened"] == []


def test_lock_file_pins_every_dependency_within_its_bounds():
    """requirements.lock is refreshed (`make lock`) whenever pyproject.toml's dependencies change."""
    import re
    import tomllib

    from packaging.requirements import Requirement
    from packaging.utils import canonicalize_name

    text = LOCK.read_text(encoding="utf-8")
    pins = {canonicalize_name(name): version for name, version in re.findall(r"^([A-Za-z0-9_.-]+)==(\S+)", text, re.M)}
    extras = re.findall(r"--extra=(\w+)", text)  # as recorded in the lock file's header
    assert set(extras) == {"dev", "docs", "kiel", "reference"}
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    declared = [*project["dependencies"], *(r for extra in extras for r in project["optional-dependencies"][extra])]
    unmet = [
        r
        for r in map(Requirement, declared)
        if not r.specifier.contains(pins.get(canonicalize_name(r.name), "0"), prereleases=True)
    ]
    assert unmet == [], f"not pinned in requirements.lock within these bounds (run `make lock`): {unmet}"


def test_rules_load_on_first_use():
    from tracker import rules
    from tracker.schema import load_package

    assert len(rules.RULES) == len(rules.all_rules()) == 2 + len(list((ROOT / "tracker" / "sql" / "rules").glob("*.sql")))
    assert list(rules.RULES)[:2] == ["foreign_keys", "country_codes_are_iso"]
    whole_units = rules.RULES["whole_units"]
    assert whole_units.sentence and whole_units.reads <= {t.name for t in load_package().tables}


def test_schemas_are_found_through_the_package():
    from importlib.resources import files

    from tracker.schema import SCHEMA_DIR, load_package

    assert SCHEMA_DIR == Path(str(files("tracker.schemas"))) == ROOT / "schemas"  # the clone's one copy
    assert load_package().version == yaml.safe_load((ROOT / "schemas" / "datapackage.yaml").read_text())["version"]


@pytest.mark.slow
def test_wheel_installs_and_runs_from_another_folder(tmp_path):
    # Build from a copy of the build inputs, as from a fresh clone: setuptools keeps a build/ folder
    # beside the sources whose leftovers would otherwise go into the wheel.
    source = tmp_path / "source"
    source.mkdir()
    for name in BUILD_INPUTS:
        if (ROOT / name).is_dir():
            shutil.copytree(ROOT / name, source / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(ROOT / name, source / name)
    dist = tmp_path / "dist"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--wheel-dir", dist, source],
        check=True,
        capture_output=True,
        timeout=300,
    )
    (wheel,) = dist.glob("*.whl")

    in_wheel = set(zipfile.ZipFile(wheel).namelist())
    missing = sorted(set(source_files()) - in_wheel)
    assert missing == [], f"files left out of the wheel (add their package to pyproject.toml): {missing}"

    # A fresh environment: the wheel, and its dependencies at the versions of the lock file.
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True)
    python, tracker = env_dir / "bin" / "python", env_dir / "bin" / "tracker"
    clean_env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV", "TRACKER_DB")}
    subprocess.run(
        [python, "-m", "pip", "install", "--quiet", "--no-compile", "-c", LOCK, wheel],
        check=True,
        capture_output=True,
        env=clean_env,
        timeout=600,
    )

    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()

    def run(*args) -> subprocess.CompletedProcess:
        return subprocess.run(args, capture_output=True, text=True, cwd=elsewhere, env=clean_env, timeout=300)

    where = run(python, "-c", "import tracker, tracker.schema; print(tracker.__file__); print(tracker.schema.SCHEMA_DIR)")
    site = str(env_dir / "lib")
    assert where.returncode == 0 and all(line.startswith(site) for line in where.stdout.splitlines()), where

    validate = run(tracker, "validate", "--data", ROOT / "data")
    assert (validate.returncode, validate.stdout, validate.stderr) == (0, "no problems found\n", "")

    db = tmp_path / "x.duckdb"
    built = run(tracker, "build", "--data", ROOT / "data", "--db", db)
    tables, rows = shipped_counts()
    assert (built.returncode, built.stdout) == (0, f"built {db} from {tables} tables, {rows} rows\n"), built.stderr

    # The dashboard from the installed package: its stylesheet and map served, every query readable.
    dashboard = run(
        python,
        "-c",
        (
            "import sys\n"
            "from dashboards import create_app\n"
            "from dashboards.db import SQL_DIR, sql_text\n"
            "client = create_app(sys.argv[1]).server.test_client()\n"
            "print(client.get('/assets/style.css').status_code, client.get('/assets/topojson/world_110m.json').status_code)\n"
            "print(sum(1 for p in SQL_DIR.iterdir() if p.name.endswith('.sql') and sql_text(p.name[:-4])))\n"
        ),
        db,
    )
    queries = len(list((ROOT / "dashboards" / "sql").glob("*.sql")))
    assert (dashboard.returncode, dashboard.stdout) == (0, f"200 200\n{queries}\n"), dashboard.stderr
