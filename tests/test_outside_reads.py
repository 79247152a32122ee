"""The check that no test reads outside the repository catches such a read, and lets the allowed places be."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

import pytest
from conftest import KIEL_MAIN, ROOT
from outside_reads import OutsideReads, rules

BESIDE = ROOT.parent / "beside-the-clone" / "reference" / "kiel-ust-main-data" / "no-such-release.csv"  # never created


def test_opening_a_file_beside_the_repository_is_caught(outside_reads):
    with outside_reads.expected() as seen, pytest.raises(FileNotFoundError):
        open(BESIDE, encoding="utf-8")
    assert seen == [str(BESIDE)]


def test_a_relative_path_out_of_the_repository_is_caught(outside_reads, monkeypatch):
    monkeypatch.chdir(ROOT)
    with outside_reads.expected() as seen:
        with pytest.raises(FileNotFoundError):
            open("../beside-the-clone/reference/kiel-ust-website/no-such-weapons.csv", "rb")
        with pytest.raises(FileNotFoundError):
            os.listdir("tests/../../beside-the-clone/no-such-folder")
    assert seen == [
        str(ROOT.parent / "beside-the-clone" / "reference" / "kiel-ust-website" / "no-such-weapons.csv"),
        str(ROOT.parent / "beside-the-clone" / "no-such-folder"),
    ]


def test_a_child_process_given_a_path_outside_is_caught(outside_reads, tmp_path):
    """The hook sees a process's arguments and working folder (not run here: the event is handed to it directly)."""
    with outside_reads.expected() as seen:
        argv = [sys.executable, "-m", "tracker", "import", "kiel", "../beside-the-clone/release.csv", "--data", str(tmp_path)]
        outside_reads.hook("subprocess.Popen", (sys.executable, argv, str(ROOT), None))
        argv = ["tracker", "build", "--data", "./data"]
        outside_reads.hook("subprocess.Popen", ("tracker", argv, str(ROOT.parent), None))
    assert seen == [str(ROOT.parent / "beside-the-clone" / "release.csv"), str(ROOT.parent), str(ROOT.parent / "data")]


def test_a_clone_in_the_temporary_folder_still_has_its_siblings_caught():
    temp = Path(tempfile.gettempdir())
    clone = temp / "tmp.Xy12" / "fresh"
    recorder = OutsideReads(rules(root=clone))
    assert not recorder.allowed(str(clone.parent / "beside-the-clone" / "reference" / "weapons.csv"))
    assert not recorder.allowed(str(clone.parent))
    assert recorder.allowed(str(clone / "reference" / "kiel-ust-website" / "weapons.csv"))
    assert recorder.allowed(str(temp / "pytest-of-someone" / "pytest-3" / "test_x0" / "data"))
    assert recorder.allowed(str(temp / "tmpab12cd" / "tracker.duckdb"))
    assert not recorder.allowed("/work/beside-the-clone/reference/x.csv")


def test_import_folders_are_allowed_unless_they_hold_the_repository(monkeypatch):
    clone = Path("/home/someone/code/tracker")
    monkeypatch.setattr(sys, "path", [*sys.path, "/home/someone/lib/python", "/home/someone/code", "/home", ""])
    recorder = OutsideReads(rules(root=clone))
    assert recorder.allowed("/home/someone/lib/python/helpers.py")
    assert not recorder.allowed("/home/someone/code/beside-the-clone/reference/weapons.csv")
    assert not recorder.allowed("/home/other/notes.txt")


def test_the_repository_temporary_folders_and_python_are_allowed(outside_reads, tmp_path, monkeypatch):
    (tmp_path / "here.csv").write_text("a\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    with outside_reads.expected() as seen:
        KIEL_MAIN.open("rb").close()
        open("here.csv", encoding="utf-8").close()
        os.listdir(ROOT / "reference")
        os.listdir(os.path.dirname(os.__file__))
        open(pytest.__file__, "rb").close()
        outside_reads.hook("subprocess.Popen", ("/usr/bin/chromium", ["/usr/bin/chromium", "--headless"], None, None))
    assert seen == []


def test_a_session_that_reads_outside_fails_and_says_where(tmp_path):
    """A separate pytest run with only this plugin: a passing test that reads beside the repository fails the run."""
    (tmp_path / "test_reads_beside.py").write_text(
        textwrap.dedent(f"""
        def test_reads_beside_the_repository():
            try:
                open({str(BESIDE)!r}, encoding="utf-8")
            except FileNotFoundError:
                pass
        """),
        encoding="utf-8",
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT / "tests")}
    command = [
        sys.executable,
        "-m",
        "pytest",
        "-p",
        "outside_reads",
        "-p",
        "no:cacheprovider",
        "-p",
        "no:dash",
        "-q",
        "--rootdir",
        str(tmp_path),
        "test_reads_beside.py",
    ]
    run = subprocess.run(command, cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120)
    assert run.returncode == 1, run.stdout + run.stderr
    assert "1 passed" in run.stdout
    assert (
        f"{BESIDE}: outside the repository (open, by test_reads_beside.py::test_reads_beside_the_repository); "
        f"expected a file under {ROOT}"
    ) in run.stdout.splitlines()
