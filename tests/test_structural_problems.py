"""Faults of a file's structure are one message each, exit 1 and never a traceback; a mistake
repeated on every row stays under 50 lines at any scale; nothing printed carries a raw control
character. (The faults kept as files, with their golden messages, are in tests/bad/.)"""

from __future__ import annotations

import csv
import io
import shutil
import subprocess
import sys

import pytest
from conftest import BAD, ROOT

from tracker.cli import main

EVENTS = "commitment_events.csv"


def validate(capsys) -> tuple[int, list[str], str]:
    status = main(["validate"])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return status, out.splitlines(), err


def test_a_directory_in_place_of_a_csv(project, capsys):
    (project / "data" / EVENTS).unlink()
    (project / "data" / EVENTS).mkdir()
    status, out, _ = validate(capsys)
    assert status == 1
    assert out[0] == "data/commitment_events.csv:1: (file): is a directory, not a CSV file"


def test_an_unreadable_file(project, capsys):
    import socket

    (project / "data" / EVENTS).unlink()
    with socket.socket(socket.AF_UNIX) as sock:  # a file that exists but cannot be read, even by root
        sock.bind(str(project / "data" / EVENTS))
        status, out, _ = validate(capsys)
    assert status == 1 and out[0] == "data/commitment_events.csv:1: (file): cannot be read (No such device or address)"


def test_a_10_mb_line_is_one_row_of_the_wrong_width(project, capsys):
    with (project / "data" / EVENTS).open("a") as f:
        f.write("x" * 10_000_000 + "\n")
    status, out, _ = validate(capsys)
    assert status == 1
    assert "data/commitment_events.csv:10: (file): row has 1 values, expected 14 (one per column of the header)" in out
    assert any(line.startswith("data/commitment_events.csv:10: event_id: is longer than 10,000 characters") for line in out)
    assert len(out) < 50 and max(map(len, out)) < 500  # the value is shortened


def test_a_10_mb_quoted_value_is_refused(project, capsys):
    path = project / "data" / EVENTS
    with path.open(newline="") as f:
        rows = list(csv.reader(f))
    rows[1][rows[0].index("note")] = "y" * 10_000_000
    with path.open("w", newline="") as f:
        csv.writer(f, lineterminator="\n").writerows(rows)
    status, out, _ = validate(capsys)
    assert status == 1
    assert out[0].startswith(
        'data/commitment_events.csv:2: note: is longer than 10,000 characters (is it several values run together?) (got "yyyy'
    )


def test_fmt_converts_utf16_and_drops_the_sep_line(project, capsys):
    valid = (project / "data" / EVENTS).read_text(encoding="utf-8")
    for case in ("utf16_file", "excel_sep_line"):
        shutil.copy(BAD / case / EVENTS, project / "data" / EVENTS)
        assert main(["fmt"]) == 0
        capsys.readouterr()
        assert (project / "data" / EVENTS).read_text(encoding="utf-8") == valid
    assert validate(capsys)[0] == 0


def _synthetic(tmp_path, events: int):
    data = tmp_path / "data"
    done = subprocess.run(
        [sys.executable, "-m", "tracker.cli", "synthesize", str(data), "--events", str(events)], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    return data


def _rewrite(path, change) -> None:
    with path.open(newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    change(rows)
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    path.write_text(out.getvalue(), encoding="utf-8")


def _drop_column(name):
    def change(rows):
        i = rows[0].index(name)
        rows[:] = [r[:i] + r[i + 1 :] for r in rows]

    return change


def _same_value(name, value):
    def change(rows):
        i = rows[0].index(name)
        for r in rows[1:]:
            r[i] = value

    return change


@pytest.mark.slow  # a synthetic data directory of 20,000 events
@pytest.mark.parametrize(
    ("mistake", "change", "expected_first"),
    [
        (
            "missing required column",
            _drop_column("line_id"),
            "data/commitment_events.csv:1: line_id: column is missing from the header "
            "(it is required: add it with a value on every row)",
        ),
        (
            "a date in another format on every row",
            _same_value("date", "14/02/2023"),
            "data/commitment_events.csv:2: date: is not a valid date (expected YYYY-MM-DD, YYYY-MM, YYYY-Qn or YYYY, "
            'e.g. 2023-02-14 or 2023-03) (got "14/02/2023")',
        ),
        (
            "an unknown line on every row",
            _same_value("line_id", "XXX-nothing"),
            'data/commitment_events.csv:2: line_id: is not in pledge_lines.csv (no line_id with this value) (got "XXX-nothing")',
        ),
    ],
)
def test_one_mistake_on_every_row_stays_under_50_lines(tmp_path, monkeypatch, mistake, change, expected_first):
    data = _synthetic(tmp_path, 20_000)
    _rewrite(data / EVENTS, change)
    monkeypatch.chdir(tmp_path)
    done = subprocess.run([sys.executable, "-m", "tracker.cli", "validate"], capture_output=True, text=True, cwd=tmp_path)
    assert done.returncode == 1 and "Traceback" not in done.stderr
    out = done.stdout.splitlines()
    assert len(out) + len(done.stderr.splitlines()) < 50
    assert expected_first in out
    assert any(" more rows with the same problem " in line for line in out) or len(out) <= 3


def test_nothing_printed_carries_a_control_character(project, capsys):
    shutil.copy(BAD / "control_characters_in_header" / EVENTS, project / "data" / EVENTS)
    for fmt in ("text", "github"):
        assert main(["validate", "--format", fmt]) == 1
        out, err = capsys.readouterr()
        assert "\x1b" not in out + err and "\\x1b[31mred" in out


def test_the_repository_root_is_where_the_bad_cases_are():
    assert (ROOT / "tests" / "bad" / "utf16_file" / "expected.txt").exists()
