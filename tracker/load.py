"""`tracker validate` reading the CSV files (through tracker.csv_reader): every problem of encoding,
separators, header and row shape, and the values as text with their line numbers."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from tracker.csv_reader import open_csv, plain_frame, read_rows
from tracker.problems import FILE, Problem
from tracker.schema import Package, Table

__all__ = ["RawTable", "read_package", "read_rows", "read_table"]  # read_rows: tracker.csv_reader's, for its older callers

_BAD_BYTES = re.compile("[\udc80-\udcff]+")


@dataclass
class RawTable:
    """One CSV as read: every value is text (empty means missing); the index is the CSV line."""

    table: Table
    shown_path: str
    frame: pd.DataFrame
    sha256: str | None = None  # of the bytes read, so a build records exactly what it loaded
    size: int = 0


def _empty_frame(table: Table) -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series([], dtype="str") for c in table.columns})


def read_table(path: Path, table: Table, shown: str) -> tuple[RawTable, list[Problem]]:
    """Read one CSV into a RawTable, with every problem of encoding and shape."""
    problems: list[Problem] = []
    raw = RawTable(table, shown, _empty_frame(table))
    if not path.exists():
        problems.append(Problem(shown, 0, FILE, f"file is missing (expected a CSV with columns {', '.join(table.columns)})"))
        return raw, problems
    data = path.read_bytes()
    raw.sha256, raw.size = hashlib.sha256(data).hexdigest(), len(data)
    text = open_csv(data, table)
    if text.empty:
        problems.append(Problem(shown, 1, FILE, f"file is empty (expected a header row: {','.join(table.columns)})"))
        return raw, problems
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
    header = [_BAD_BYTES.sub("\ufffd", h) for h in next(records).cells]
    problems += _header_problems(header, table, shown)
    if not undecodable and delimiter == "," and len(set(header)) == len(header):
        lines = text.line_count
        del records, text  # the bytes are enough from here: do not hold the file twice
        frame = plain_frame(data, lines, header)
        if frame is not None:
            raw.frame = _conform(frame, table)
            return raw, problems
        records = open_csv(data, table).records()
        next(records)
    width = len(header)
    rows, lines = [], []
    for record in records:
        if record.blank:
            continue
        row = record.cells
        if len(row) != width:
            problems.append(
                Problem(shown, record.line, FILE, f"row has {len(row)} values, expected {width} (one per column of the header)")
            )
            row = (row + [""] * width)[:width]
        rows.append(row)
        lines.append(record.line)
    if undecodable:
        problems += _undecodable_values(rows, lines, header, shown)
    frame = pd.DataFrame(rows, columns=header, dtype="str") if rows else pd.DataFrame(columns=header, dtype="str")
    frame.index = pd.Index(lines, dtype="int64", name="line")
    raw.frame = _conform(frame, table)
    return raw, problems


def _header_problems(header: list[str], table: Table, shown: str) -> list[Problem]:
    problems = []
    expected = table.columns
    for name in sorted({h for h in header if header.count(h) > 1}):
        problems.append(Problem(shown, 1, name, "column appears more than once in the header"))
    for name in header:
        if name not in expected:
            hint = f"expected one of: {', '.join(expected)}"
            if name.strip() in expected:
                hint = f'remove the spaces around "{name.strip()}"'
            problems.append(Problem(shown, 1, name or "(blank)", f"unexpected column ({hint})", name))
    for name in expected:
        if name not in header:
            problems.append(Problem(shown, 1, name, "column is missing from the header (run `tracker fmt` to add it empty)"))
    return problems


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
    frame = frame.loc[:, ~frame.columns.duplicated()]
    out = pd.DataFrame(index=frame.index)
    for name in table.columns:
        column = frame[name] if name in frame.columns else pd.Series(pd.NA, index=frame.index, dtype="str")
        out[name] = column.astype("str").mask(column == "")
    return out


def read_package(data_dir: Path, package: Package, shown_dir: str) -> tuple[dict[str, RawTable], list[Problem]]:
    """Read every table of the package from ``data_dir``; also flags CSVs the package lacks."""
    tables, problems = {}, []
    for table in package.tables:
        shown = f"{shown_dir}/{table.filename}"
        raw, found = read_table(data_dir / table.filename, table, shown)
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
