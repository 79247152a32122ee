"""Long runs say what they are doing on a terminal (stage and rows) and nothing when piped."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

pytestmark = pytest.mark.slow  # processes of their own


def run(project, *args: str, terminal: bool) -> tuple[str, str]:
    command = [sys.executable, "-m", "tracker.cli", *args]
    if not terminal:
        done = subprocess.run(command, capture_output=True, text=True, cwd=project)
        return done.stdout, done.stderr
    main, child = os.openpty()  # stderr is a terminal, stdout a pipe
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=child, cwd=project, text=True) as process:
        os.close(child)
        chunks = []
        while True:
            try:
                chunk = os.read(main, 4096)
            except OSError:  # the child closed the terminal
                break
            if not chunk:
                break
            chunks.append(chunk)
        out = process.stdout.read()
    os.close(main)
    return out, b"".join(chunks).decode("utf-8", "replace")


@pytest.mark.parametrize("command", [("validate",), ("build",)])
def test_progress_on_a_terminal_and_quiet_when_piped(project, command):
    out, err = run(project, *command, terminal=True)
    assert "tracker: reading data/commitment_events.csv" in err
    assert "tracker: checking the values of data/commitment_events.csv (8 rows)" in err
    assert "tracker: deriving views/commitment_totals.sql" in err  # what the rules read
    assert ("tracker: deriving derived/pledge_line_history.sql" in err) == (command == ("build",))  # validate derives no table
    assert err.endswith("\r\x1b[K")  # the line is cleared before the result
    last = out.splitlines()[-1]
    assert (
        last == "no problems found"
        if command == ("validate",)
        else last.startswith("built build/tracker.duckdb from 21 tables, ")
    )
    out, err = run(project, *command, terminal=False)
    assert err == "" and "\x1b" not in out
