"""Problems as GitHub workflow annotations (`tracker validate --format github`): one `::error` command
per problem, which GitHub shows on the line of the CSV in a pull request's changed files."""

from __future__ import annotations

from pathlib import Path

from tracker.problems import Problem, printable, render_text


def escape_data(text: str) -> str:
    """A command's message: GitHub's workflow-command rules escape %, CR and LF."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """A command's property value (file, title): also ':' and ',', which separate properties."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(problem: Problem, col: int | None = None) -> str:
    """``::error file=...,line=...,col=...,title=<rule>::<column>: <message> (got "...")``."""
    properties = [("file", printable(problem.file))]
    if problem.line:  # 0: the file itself is missing, so the annotation is on the file
        properties.append(("line", str(problem.line)))
    if col:
        properties.append(("col", str(col)))
    properties.append(("title", problem.rule))
    message = problem.words(keep="\r\n")  # the text format's words; line breaks are the workflow command's to escape
    return "::error " + ",".join(f"{k}={escape_property(v)}" for k, v in properties) + "::" + escape_data(message)


def _cell_starts(line: str, delimiter: str = ",") -> list[int]:
    """Where each cell of one CSV line starts (0-based); a quoted delimiter does not start a cell."""
    starts, quoted = [0], False
    for i, char in enumerate(line):
        if char == '"':
            quoted = not quoted  # a doubled quote inside quotes toggles twice
        elif char == delimiter and not quoted:
            starts.append(i + 1)
    return starts


def columns(problems: list[Problem]) -> dict[Problem, int]:
    """The character column (1-based) of each problem's cell, found from the header of its CSV. A
    problem without one cell (a whole row or file, a column missing from the header, a row continued
    on the next line, a file that cannot be read) has none."""
    found: dict[Problem, int] = {}
    lines_of: dict[str, list[str] | None] = {}
    for p in problems:
        if not p.file.endswith(".csv") or p.line < 1:
            continue
        if p.file not in lines_of:
            try:  # bytes that are not UTF-8 count as one character each, as GitHub shows them
                lines_of[p.file] = Path(p.file).read_bytes().decode("utf-8-sig", errors="replace").splitlines()
            except OSError:
                lines_of[p.file] = None
        lines = lines_of[p.file]
        if not lines or p.line > len(lines):
            continue
        header = [h.strip('"') for h in _split(lines[0])]
        name = p.column.split("+")[0]  # a composite key names its columns joined with +
        if name not in header:
            continue
        starts = _cell_starts(lines[p.line - 1])
        index = header.index(name)
        if index < len(starts):
            found[p] = starts[index] + 1
    return found


def _split(line: str) -> list[str]:
    starts = _cell_starts(line) + [len(line) + 1]
    return [line[a : b - 1] for a, b in zip(starts, starts[1:])]


def render(problems: list[Problem]) -> str:
    """One annotation per problem, in the text format's order, then its summary line."""
    col = columns(problems)
    lines = [annotation(p, col.get(p)) for p in sorted(problems)]
    return "\n".join(lines + [render_text(problems).rpartition("\n")[2]])
