"""`tracker diff`: the changelog of a data release, table by table, keyed by primary key.

The comparison is pure: it takes the bytes of each CSV at two versions (None when the file is
absent) and returns dataclasses. Values are compared as the text of the CSV cells, so moving a
row, changing line endings or reordering columns is not a change. Reading the files at a git
revision is tracker.git_files' job; this module only asks a ``Source`` for them.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol

from tracker.csv_reader import BOM, CsvError, open_csv
from tracker.schema import Package, Table

if TYPE_CHECKING:
    from tracker.git_files import Version

Key = tuple[str, ...]
LIST_LIMIT = 20  # rows of a whole added or removed table listed in text; json lists all
WHOLE_FILES = ("exceptions.yaml",)  # compared as whole files, not parsed
_PLAIN = re.compile(r'[^\s",]+')  # values shown without quotes


class Unreadable(Exception):
    """A CSV that cannot be compared: not UTF-8, not CSV, a bad header or a duplicate key."""

    def __init__(self, line: int, message: str):
        super().__init__(message)
        self.line, self.message = line, message


@dataclass(frozen=True)
class Csv:
    """One CSV as text: its header and its rows by primary key."""

    columns: tuple[str, ...]
    rows: dict[Key, dict[str, str]]


@dataclass(frozen=True)
class Row:
    key: Key
    values: dict[str, str]


@dataclass(frozen=True)
class Change:
    key: Key
    fields: dict[str, tuple[str, str]]  # column -> (old, new)


@dataclass
class TableDiff:
    """What differs in one table. ``status`` is added or removed when the whole CSV is."""

    name: str
    primary_key: tuple[str, ...]
    status: str = "changed"
    added: list[Row] = field(default_factory=list)
    changed: list[Change] = field(default_factory=list)
    removed: list[Row] = field(default_factory=list)
    columns_added: list[str] = field(default_factory=list)
    columns_removed: list[str] = field(default_factory=list)
    error: str | None = None  # why the table was not compared

    @property
    def differs(self) -> bool:
        return bool(
            self.status != "changed"
            or self.added
            or self.changed
            or self.removed
            or self.columns_added
            or self.columns_removed
            or self.error
        )


def parse_csv(data: bytes, table: Table) -> Csv:
    """The rows of one CSV by the table's primary key; Unreadable when that is not possible."""
    text = open_csv(data, table)
    if text.bad_byte:
        line, byte = text.bad_byte
        raise Unreadable(line, f"not UTF-8 text (byte 0x{byte:02X}; save the file as CSV UTF-8)")
    if text.empty:
        raise Unreadable(1, "file is empty (no header row)")
    rows: dict[Key, dict[str, str]] = {}
    first_line: dict[Key, int] = {}
    records = text.records(strict=True)
    try:
        header = next(records).cells
        for name in header:
            if header.count(name) > 1:
                raise Unreadable(1, f'column "{name}" appears more than once in the header')
        for name in table.primary_key:
            if name not in header:
                raise Unreadable(1, f'no column "{name}" in the header (part of the primary key)')
        for record in records:
            if record.blank:
                continue
            cells, start = record.cells, record.line
            if len(cells) != len(header):
                raise Unreadable(start, f"row has {len(cells)} values, the header has {len(header)}")
            row = dict(zip(header, cells))
            key = tuple(row[name] for name in table.primary_key)
            if key in rows:
                raise Unreadable(start, f"duplicate primary key {show_key(key)} (first on line {first_line[key]})")
            rows[key], first_line[key] = row, start
    except CsvError as error:
        raise Unreadable(error.line, error.message) from None
    return Csv(tuple(header), rows)


def _order(table: Table, names) -> list[str]:
    """Columns in the declared order, then any undeclared ones in the order given."""
    names = list(names)
    return [c for c in table.columns if c in names] + [c for c in names if c not in table.columns]


def _row(table: Table, key: Key, values: dict[str, str]) -> Row:
    return Row(key, {c: values[c] for c in _order(table, values)})


def compare(table: Table, old: Csv | None, new: Csv | None) -> TableDiff:
    """The differences between two versions of one table (None: the CSV is absent there)."""
    diff = TableDiff(table.name, table.primary_key)
    if old is None and new is None:
        return diff
    if old is None or new is None:
        present = new if old is None else old
        diff.status = "added" if old is None else "removed"
        rows = [_row(table, k, present.rows[k]) for k in sorted(present.rows)]
        if old is None:
            diff.added = rows
        else:
            diff.removed = rows
        return diff
    diff.columns_added = _order(table, [c for c in new.columns if c not in old.columns])
    diff.columns_removed = _order(table, [c for c in old.columns if c not in new.columns])
    common = _order(table, [c for c in new.columns if c in old.columns])
    for key in sorted(old.rows.keys() | new.rows.keys()):
        before, after = old.rows.get(key), new.rows.get(key)
        if before is None:
            diff.added.append(_row(table, key, after))
        elif after is None:
            diff.removed.append(_row(table, key, before))
        else:
            fields = {c: (before[c], after[c]) for c in common if before[c] != after[c]}
            if fields:
                diff.changed.append(Change(key, fields))
    return diff


def _normalised(data: bytes) -> str:
    return data.removeprefix(BOM).decode("utf-8", errors="replace").replace("\r\n", "\n")


def compare_file(old: bytes | None, new: bytes | None) -> str | None:
    """added, removed or changed for a file compared whole (line endings aside); None if the same."""
    if old is None or new is None:
        return None if old is new else ("added" if old is None else "removed")
    return "changed" if _normalised(old) != _normalised(new) else None


class Source(Protocol):
    """Where the files of the data directory come from at each version (tracker.git_files.DataRepo)."""

    def names(self, version: Version) -> set[str]: ...
    def read(self, version: Version, filename: str) -> bytes: ...
    def where(self, version: Version, filename: str) -> str: ...


@dataclass
class Changelog:
    """Every difference in the data directory between two versions."""

    directory: str  # the data directory from the repository root, e.g. data/
    old: Version
    new: Version
    tables: list[TableDiff]  # only those that differ, in package order
    files: dict[str, str]  # whole files: name -> added, changed or removed

    @property
    def errors(self) -> list[str]:
        return [t.error for t in self.tables if t.error]


def _side(source: Source, version: Version, table: Table, names: set[str]) -> Csv | None:
    if table.filename not in names:
        return None
    where = source.where(version, table.filename)
    try:
        return parse_csv(source.read(version, table.filename), table)
    except Unreadable as problem:
        raise Unreadable(problem.line, f"{where}:{problem.line}: {problem.message}") from None
    except OSError as error:
        raise Unreadable(0, f"{where}: cannot be read ({error.strerror})") from None


def changelog(package: Package, source: Source, directory: str, old: Version, new: Version) -> Changelog:
    """Compare every table of the package, and the whole files, between versions ``old`` and ``new``."""
    old_names, new_names = source.names(old), source.names(new)
    tables = []
    for table in package.tables:
        try:
            diff = compare(table, _side(source, old, table, old_names), _side(source, new, table, new_names))
        except Unreadable as problem:
            diff = TableDiff(table.name, table.primary_key, error=problem.message)
        if diff.differs:
            tables.append(diff)
    files = {}
    for name in WHOLE_FILES:
        before = source.read(old, name) if name in old_names else None
        after = source.read(new, name) if name in new_names else None
        status = compare_file(before, after)
        if status:
            files[name] = status
    return Changelog(directory, old, new, tables, files)


# -- text: for people, and pasteable as release notes in markdown --------------------------------


def show(value: str) -> str:
    """A value as printed: as it is when plain, else quoted ("" for empty)."""
    return value if _PLAIN.fullmatch(value) else json.dumps(value, ensure_ascii=False)


def show_key(key: Key) -> str:
    return " ".join(show(part) for part in key)


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def _counts(noun: str, counts: list[tuple[int, str]]) -> list[str]:
    """["1 row added", "2 changed"]: the parts that are not zero, the noun on the first only."""
    parts = [(n, word) for n, word in counts if n]
    return [(_count(n, noun) if i == 0 else str(n)) + f" {word}" for i, (n, word) in enumerate(parts)]


def _heading(diff: TableDiff) -> str:
    if diff.error:
        return f"## {diff.name}: not compared: {diff.error}"
    if diff.status != "changed":
        rows = len(diff.added or diff.removed)
        what = "new table" if diff.status == "added" else "table removed"
        hidden = " (not listed here; --format json lists them)" if rows > LIST_LIMIT else ""
        return f"## {diff.name}: {what}, {_count(rows, 'row')}{hidden}"
    rows = [
        f"{n} {word}"
        for n, word in ((len(diff.added), "added"), (len(diff.changed), "changed"), (len(diff.removed), "removed"))
        if n
    ]
    columns = _counts("column", [(len(diff.columns_added), "added"), (len(diff.columns_removed), "removed")])
    return f"## {diff.name}: {', '.join(rows + columns)}"


def _listed(word: str, row: Row, primary_key: tuple[str, ...]) -> str:
    cells = ", ".join(f"{c}={show(v)}" for c, v in row.values.items() if v != "" and c not in primary_key)
    return f"- {word} {show_key(row.key)}" + (f": {cells}" if cells else "")


def _table_lines(diff: TableDiff) -> list[str]:
    lines = [_heading(diff)]
    if diff.error or (diff.status != "changed" and len(diff.added or diff.removed) > LIST_LIMIT):
        return lines
    for word, names in (("added", diff.columns_added), ("removed", diff.columns_removed)):
        if names:
            lines.append(f"- {'column' if len(names) == 1 else 'columns'} {word}: {', '.join(names)}")
    lines += [_listed("added", row, diff.primary_key) for row in diff.added]
    for change in diff.changed:
        fields = "; ".join(f"{c}: {show(old)} -> {show(new)}" for c, (old, new) in change.fields.items())
        lines.append(f"- changed {show_key(change.key)}: {fields}")
    lines += [_listed("removed", row, diff.primary_key) for row in diff.removed]
    return lines


def render_text(log: Changelog) -> str:
    """The changelog as short markdown: a summary line, then one section per table that differs."""
    span = f"{log.directory} from {log.old.label} to {log.new.label}"
    if not log.tables and not log.files:
        return f"No differences in {log.directory} between {log.old.label} and {log.new.label}."
    compared = [t for t in log.tables if not t.error]
    summary = []
    if compared:
        total = lambda name: sum(len(getattr(t, name)) for t in compared)  # noqa: E731
        rows = _counts("row", [(total("added"), "added"), (total("changed"), "changed"), (total("removed"), "removed")])
        columns = _counts("column", [(total("columns_added"), "added"), (total("columns_removed"), "removed")])
        noun = "table differs" if len(compared) == 1 else "tables differ"
        summary.append(f"{len(compared)} {noun}: {', '.join(rows + columns)}")
    summary += [f"{name} {status}" for name, status in log.files.items()]
    if log.errors:
        summary.append(f"{_count(len(log.errors), 'table')} not compared")
    lines = [f"{span}: {'; '.join(summary)}"]
    for diff in log.tables:
        lines += ["", *_table_lines(diff)]
    if log.files:
        lines += ["", *(f"## {name}: {status}" for name, status in log.files.items())]
    return "\n".join(lines)


# -- json: for machines --------------------------------------------------------------------------


def _side_json(version: Version) -> dict:
    return {"rev": version.rev if version.commit else "working tree", "commit": version.commit}


def render_json(log: Changelog) -> str:
    """The changelog as JSON; rows sorted by key, every row listed."""
    tables = {}
    for diff in log.tables:
        if diff.error:
            continue
        keyed = lambda key: dict(zip(diff.primary_key, key))  # noqa: E731
        tables[diff.name] = {
            "status": diff.status,
            "added": [{"key": keyed(r.key), "row": r.values} for r in diff.added],
            "changed": [
                {"key": keyed(c.key), "fields": {col: {"old": o, "new": n} for col, (o, n) in c.fields.items()}}
                for c in diff.changed
            ],
            "removed": [{"key": keyed(r.key), "row": r.values} for r in diff.removed],
            "columns_added": diff.columns_added,
            "columns_removed": diff.columns_removed,
        }
    out = {
        "data": log.directory,
        "from": _side_json(log.old),
        "to": _side_json(log.new),
        "tables": tables,
        "files": log.files,
        "errors": log.errors,
    }
    return json.dumps(out, ensure_ascii=False, indent=2)
