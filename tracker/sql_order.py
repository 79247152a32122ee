"""The order SQL files run in, derived from what each creates and reads (dbt's ``ref()`` idea, found
by reading the SQL rather than declared): a file runs after every file that creates a table, view
or macro it reads. A cycle, or a relation that neither a file of the build nor the data package
creates, is an error naming the file and line, before anything runs."""

from __future__ import annotations

import re
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from graphlib import CycleError, TopologicalSorter
from pathlib import Path

# comments and string literals hold no names; quoted identifiers and plain ones do
_TOKENS = re.compile(
    r"""
    (?P<comment>--[^\n]*|/\*.*?\*/)
  | (?P<string>'(?:[^']|'')*')
  | (?P<quoted>"(?:[^"]|"")*")
  | (?P<name>[A-Za-z_][A-Za-z0-9_$]*)
  | (?P<punct>[().,;])
  | (?P<newline>\n)
""",
    re.VERBOSE | re.DOTALL,
)
_CREATE = re.compile(
    r"CREATE\s+(?:OR\s+REPLACE\s+)?(?:TEMP(?:ORARY)?\s+)?(?:TABLE|VIEW|MACRO|FUNCTION)\s+"
    r"(?:IF\s+NOT\s+EXISTS\s+)?(?:main\.)?\"?([A-Za-z_][A-Za-z0-9_]*)",
    re.IGNORECASE,
)


class SqlOrderError(Exception):
    """The files cannot be ordered: one line per problem."""


@dataclass
class SqlFile:
    path: Path
    shown: str
    creates: set[str] = field(default_factory=set)
    relations: dict[str, int] = field(default_factory=dict)  # name after FROM/JOIN -> first line
    calls: dict[str, int] = field(default_factory=dict)  # name followed by "(" -> first line
    ctes: set[str] = field(default_factory=set)  # names defined in the file by `name AS (`


@dataclass(frozen=True)
class _Token:
    text: str  # lower case; a quoted identifier without its quotes
    line: int
    is_name: bool


def _tokens(sql: str) -> list[_Token]:
    out: list[_Token] = []
    line = 1
    for match in _TOKENS.finditer(sql):
        kind, text = match.lastgroup, match.group()
        if kind == "name":
            out.append(_Token(text.lower(), line, True))
        elif kind == "quoted":
            out.append(_Token(text[1:-1].replace('""', '"').lower(), line, True))
        elif kind == "punct":
            out.append(_Token(text, line, False))
        elif kind == "string":
            out.append(_Token("''", line, False))
        line += text.count("\n")
    return out


def parse(path: Path, shown: str | None = None) -> SqlFile:
    """What one file creates and reads. A name after FROM or JOIN is read as a relation when the FROM
    is a query's (at the top level, or inside parentheses that hold a SELECT or start with FROM), not
    an expression's such as ``extract(year FROM d)`` or ``x IS DISTINCT FROM y``."""
    sql = path.read_text(encoding="utf-8")
    parsed = SqlFile(path, shown or path.name, {m.group(1).lower() for m in _CREATE.finditer(sql)})
    tokens = _tokens(sql)
    levels = [{"query": True, "first": True}]  # per parenthesis depth: does it hold a query?
    for i, token in enumerate(tokens):
        after = tokens[i + 1] if i + 1 < len(tokens) else None
        level = levels[-1]
        first, level["first"] = level["first"], False
        if token.text == "(":
            levels.append({"query": False, "first": True})
            continue
        if token.text == ")":
            if len(levels) > 1:
                levels.pop()
            continue
        if not token.is_name:
            continue
        if token.text == "select":
            level["query"] = True
        if after is not None and after.text == "(":
            parsed.calls.setdefault(token.text, token.line)
        if after is not None and after.text == "as" and i + 2 < len(tokens) and tokens[i + 2].text == "(":
            parsed.ctes.add(token.text)
        if token.text in ("from", "join") and (level["query"] or first or token.text == "join"):
            if token.text == "from" and i > 0 and tokens[i - 1].text == "distinct":
                continue
            if token.text == "from" and first:
                level["query"] = True
            name = _relation_after(tokens, i + 1)
            if name:
                parsed.relations.setdefault(name.text, name.line)
    return parsed


def _relation_after(tokens: list[_Token], i: int) -> _Token | None:
    """The relation named at tokens[i] (after FROM or JOIN), or None for a subquery or a function."""
    while i < len(tokens) and tokens[i].text == "lateral":
        i += 1
    if i >= len(tokens) or not tokens[i].is_name:
        return None
    name = tokens[i]
    if i + 2 < len(tokens) and tokens[i + 1].text == ".":  # schema.name: only main's are ours
        if name.text != "main":
            return None
        name, i = tokens[i + 2], i + 2
    if i + 1 < len(tokens) and tokens[i + 1].text == "(":
        return None  # a table function or macro: counted among the calls
    return name


def order(files: list[SqlFile], known: AbstractSet[str] = frozenset()) -> list[SqlFile]:
    """``files`` in an order where each runs after the files creating what it reads. ``known`` are
    the relations that exist before any of them runs (the data package's tables, earlier stages).
    Raises SqlOrderError for a relation nobody creates or for a cycle."""
    creator: dict[str, SqlFile] = {}
    problems: list[str] = []
    for f in files:
        for name in sorted(f.creates):
            if name in creator:
                problems.append(f"{f.shown}: creates {name}, which {creator[name].shown} also creates")
            creator[name] = f
    graph: dict[str, set[str]] = {}
    by_shown = {f.shown: f for f in files}
    for f in files:
        needs = set()
        for name, line in sorted(f.relations.items(), key=lambda item: item[1]):
            if name in f.creates or name in f.ctes:
                continue
            if name in creator:
                needs.add(creator[name].shown)
            elif name not in known:
                problems.append(
                    f"{f.shown}:{line}: reads {name}, which no SQL file of the build creates "
                    f"(expected a table of the data package or a table, view or macro of tracker/sql)"
                )
        needs |= {creator[name].shown for name in f.calls if name in creator and name not in f.creates}
        graph[f.shown] = needs
    if problems:
        raise SqlOrderError("\n".join(problems))
    sorter = TopologicalSorter(graph)
    try:
        sorter.prepare()
    except CycleError as error:
        cycle = error.args[1]
        raise SqlOrderError(
            "SQL files read each other in a cycle (each reads what the next creates): " + " -> ".join(reversed(cycle))
        ) from None
    ordered: list[str] = []
    while sorter.is_active():  # ready files by name, so that the order is the same on every machine
        ready = sorted(sorter.get_ready())
        ordered += ready
        sorter.done(*ready)
    return [by_shown[s] for s in ordered]
