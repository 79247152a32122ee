"""`tracker validate` reading the CSV files (through tracker.csv_reader): every problem of encoding,
separators, header and row shape, and the values as text with their line numbers."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from tracker.csv_reader import CsvError, Record, open_csv, plain_header, read_rows, scan
from tracker.problems import FILE, Problem
from tracker.schema import Package, Table

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["RawTable", "read_package", "read_rows", "read_table"]  # read_rows: tracker.csv_reader's, for its older callers

_BAD_BYTES = re.compile("[\udc80-\udcff]+")


@dataclass
class RawTable:
    """One CSV as read: every value is text (empty means missing); the index is the CSV line."""

    table: Table
    shown_path: str
    frame: pd.DataFrame | None = None  # a file read record by record (pandas is imported only then); else None
    sha256: str | None = None  # of the bytes read, so a build records exactly what it loaded
    size: int = 0
    unchecked: frozenset[str] = frozenset()  # columns whose values are not checked: missing, or out of place
    unchecked_lines: frozenset[int] = frozenset()  # rows whose values are not checked: one cut off in a quoted value
    source: Path | None = None  # a plain file DuckDB reads itself (tracker.text_tables); frame is then None
    header: tuple[str, ...] = ()  # its header
    line_count: int = 0  # its lines, the header's included
    rows: int | None = None  # rows read (set once the text is in DuckDB)
    control: bool = True  # whether a value may hold a control character (False: the scan found none)


def read_table(
    path: Path, table: Table, shown: str, by_records: bool = False, fingerprint: bool = True
) -> tuple[RawTable, list[Problem]]:
    """Read one CSV into a RawTable, with every problem of encoding and shape: a structural problem
    (the file, its encoding, its header) is one problem, and the values it makes unreadable are not
    checked one by one. A plain file (see csv_reader.plain_header) is only scanned here, for DuckDB to
    read (``source``); others, or any with ``by_records`` (one DuckDB could not read), are read here
    record by record, so that each problem has its line. ``fingerprint``: record the file's SHA-256 (a build
    does; validation need not)."""
    problems: list[Problem] = []
    raw = RawTable(table, shown, unchecked=frozenset(table.columns))
    if not path.exists():
        problems.append(Problem(shown, 0, FILE, f"file is missing (expected a CSV with columns {', '.join(table.columns)})"))
        return raw, problems
    if path.is_dir():
        problems.append(Problem(shown, 1, FILE, "is a directory, not a CSV file"))
        return raw, problems
    try:
        scanned = scan(path, fingerprint=fingerprint)
        plain = None if by_records else plain_header(scanned, table)
        data = b"" if plain is not None else path.read_bytes()
    except OSError as error:
        problems.append(Problem(shown, 1, FILE, f"cannot be read ({error.strerror or error})"))
        return raw, problems
    raw.sha256, raw.size = scanned.sha256 or None, scanned.size
    if plain is not None:
        header_problems, unchecked = _header_problems(plain, table, shown)
        raw.unchecked, raw.source, raw.header = frozenset(unchecked), path, tuple(plain)
        raw.line_count, raw.control = scanned.line_count, scanned.control
        return raw, header_problems
    text = open_csv(data, table)
    if text.nul_line:
        problems.append(
            Problem(
                shown,
                text.nul_line,
                FILE,
                "contains NUL bytes (a binary or damaged file, not CSV text); the first is on this line",
            )
        )
    if text.empty:
        if not text.nul_line:
            problems.append(Problem(shown, 1, FILE, f"file is empty (expected a header row: {','.join(table.columns)})"))
        return raw, problems
    if text.encoding != "UTF-8":
        problems.append(
            Problem(
                shown,
                1,
                FILE,
                f"file is {text.encoding} text, expected UTF-8 (run `tracker fmt` to convert it, or save it as CSV UTF-8)",
            )
        )
    if text.excel_sep:
        problems.append(
            Problem(
                shown,
                1,
                FILE,
                "first line is the separator hint spreadsheet software writes, not the header; "
                "expected the header on line 1 (run `tracker fmt` to remove it)",
                text.excel_sep,
            )
        )
    delimiter, undecodable = text.delimiter, text.undecodable
    if delimiter == ";":
        problems.append(
            Problem(
                shown,
                1,
                FILE,
                "values are separated by semicolons, as some spreadsheet software saves CSV; "
                "expected commas (run `tracker fmt` to convert the file)",
            )
        )
    records = text.records()
    first = next(records)
    header = [_BAD_BYTES.sub("\ufffd", h) for h in first.cells]
    if not set(header) & set(table.columns):
        return raw, problems + [_not_a_header(first.line, records, table, shown)]
    header_problems, unchecked = _header_problems(header, table, shown, first.line)
    problems += header_problems
    raw.unchecked = frozenset(unchecked)
    width = len(header)
    rows: list[list[str]] = []
    lines: list[int] = []
    last: Record | None = None
    try:
        for record in records:
            if record.blank:
                continue
            last = record
            row = record.cells
            if len(row) != width:
                problems.append(
                    Problem(
                        shown, record.line, FILE, f"row has {len(row)} values, expected {width} (one per column of the header)"
                    )
                )
                row = (row + [""] * width)[:width]
            rows.append(row)
            lines.append(record.line)
    except CsvError as error:  # the rows before it are kept and checked
        problems.append(Problem(shown, error.line, FILE, error.message))
    if last is not None and text.open_quote_at_end(last):  # the row is kept (its key may be referred to); its width is no news
        problems = [p for p in problems if not (p.line == last.line and p.message.startswith("row has "))]
        raw.unchecked_lines = frozenset({last.line})
        problems.append(
            Problem(
                shown,
                last.line,
                FILE,
                "a quoted value starting on this line is never closed: the rest of the file was read into it "
                '(the file may be cut off; close the value with a ")',
            )
        )
    if undecodable:
        problems += _undecodable_values(rows, lines, header, shown)
    import pandas as pd

    frame = pd.DataFrame(rows, columns=header, dtype="str") if rows else pd.DataFrame(columns=header, dtype="str")
    frame.index = pd.Index(lines, dtype="int64", name="line")
    raw.frame = _conform(frame, table)
    return raw, problems


def _not_a_header(line: int, records, table: Table, shown: str) -> Problem:
    """The first line names none of the columns: one problem (its values are not checked), saying
    where the header is when a later line is it (a header swapped with a row)."""
    found = None
    for record in itertools.islice(records, 1000):
        if set(record.cells) >= set(table.columns) - {""}:
            found = record.line
            break
    where = f"; the header is on line {found}" if found else ""
    return Problem(
        shown,
        line,
        FILE,
        f"first line is not the header: it names none of the columns (expected {','.join(table.columns)}){where}",
    )


def _header_problems(header: list[str], table: Table, shown: str, line: int = 1) -> tuple[list[Problem], set[str]]:
    """The header's problems, and the columns whose values are not to be checked one by one:
    missing ones, and ones out of the declared order (their values may be another column's)."""
    problems = []
    expected = table.columns
    for name in sorted({h for h in header if header.count(h) > 1}):
        problems.append(Problem(shown, line, name, "column appears more than once in the header"))
    for name in header:
        if name not in expected:
            hint = f"expected one of: {', '.join(expected)}"
            if name.strip() in expected:
                hint = f'remove the spaces around "{name.strip()}"'
            problems.append(Problem(shown, line, name or "(blank)", f"unexpected column ({hint})", name))
    required = {f.name for f in table.fields if f.required}
    missing = [name for name in expected if name not in header]
    for name in missing:
        hint = "it is required: add it with a value on every row" if name in required else "run `tracker fmt` to add it empty"
        problems.append(Problem(shown, line, name, f"column is missing from the header ({hint})"))
    present = [h for h in dict.fromkeys(header) if h in expected]
    declared = [c for c in expected if c in present]
    moved = [h for h, d in zip(present, declared) if h != d]
    if moved:
        problems.append(
            Problem(
                shown,
                line,
                FILE,
                f"columns {', '.join(moved)} are out of the declared order, so their values are not checked "
                f"(expected {','.join(declared)}; run `tracker fmt` to reorder the file)",
            )
        )
    return problems, set(missing) | set(moved)


def _undecodable_values(records: list[list[str]], lines: list[int], header: list[str], shown: str) -> list[Problem]:
    """One problem per value holding bytes that are not UTF-8; the bytes become U+FFFD."""
    problems = []
    for row, line in zip(records, lines):
        for i, value in enumerate(row):
            bad = _BAD_BYTES.search(value)
            if bad:
                row[i] = _BAD_BYTES.sub("\ufffd", value)
                problems.append(
                    Problem(
                        shown,
                        line,
                        header[i],
                        "is not UTF-8 text (byte 0x%02X; the file looks saved in a "
                        "legacy encoding such as Windows-1252: save it as CSV UTF-8)" % (ord(bad.group()[0]) - 0xDC00),
                        row[i],
                    )
                )
    return problems


def _conform(frame: pd.DataFrame, table: Table) -> pd.DataFrame:
    """Only the declared columns, in declared order (missing ones empty); '' becomes missing."""
    import pandas as pd

    frame = frame.loc[:, ~frame.columns.duplicated()]
    out = pd.DataFrame(index=frame.index)
    for name in table.columns:
        column = frame[name] if name in frame.columns else pd.Series(pd.NA, index=frame.index, dtype="str")
        out[name] = column.astype("str").mask(column == "")
    return out


def read_package(
    data_dir: Path, package: Package, shown_dir: str, fingerprint: bool = True
) -> tuple[dict[str, RawTable], list[Problem]]:
    """Read every table of the package from ``data_dir``; also flags CSVs the package lacks."""
    tables, problems = {}, []
    for table in package.tables:
        shown = f"{shown_dir}/{table.filename}"
        raw, found = read_table(data_dir / table.filename, table, shown, fingerprint=fingerprint)
        tables[table.name], problems = raw, problems + found
    known = set(package.by_filename())
    for path in sorted(data_dir.glob("*.csv")):
        if path.name not in known:
            problems.append(
                Problem(
                    f"{shown_dir}/{path.name}",
                    1,
                    FILE,
                    f"not a table of the data package (expected one of: {', '.join(sorted(known))})",
                )
            )
    return tables, problems
