"""Reading the CSV files: encoding, separators, header and row shape, as text with line numbers."""

from __future__ import annotations

import csv
import io
import re
import hashlib
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from tracker.problems import FILE, Problem
from tracker.schema import Package, Table

BOM = b"\xef\xbb\xbf"
_BAD_BYTES = re.compile("[\udc80-\udcff]+")


@dataclass
class RawTable:
    """One CSV as read: every value is text (empty means missing); the index is the CSV line."""

    table: Table
    shown_path: str
    frame: pd.DataFrame
    sha256: str | None = None  # of the bytes read, so a build records exactly what it loaded
    size: int = 0


@dataclass
class Decoded:
    text: str
    undecodable: bool


def decode(data: bytes) -> Decoded:
    """UTF-8 text of a file (a BOM is dropped); undecodable bytes are kept as surrogates."""
    if data.startswith(BOM):
        data = data[len(BOM):]
    try:
        return Decoded(data.decode("utf-8"), False)
    except UnicodeDecodeError:
        return Decoded(data.decode("utf-8", errors="surrogateescape"), True)


def sniff_delimiter(first_line: str, table: Table) -> str:
    """',' normally; ';' when the header is the expected columns separated by semicolons."""
    if "," not in first_line and ";" in first_line:
        names = {n.strip().strip('"') for n in first_line.split(";")}
        if names & set(table.columns):
            return ";"
    return ","


def _empty_frame(table: Table) -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series([], dtype="str") for c in table.columns})


def read_rows(path: Path) -> list[dict[str, str]]:
    """A valid CSV as plain rows of text (empty cells as ""), for code that rewrites data/ or counts it."""
    with path.open(encoding="utf-8-sig", newline="") as f:
        return [{k: (v or "") for k, v in row.items()} for row in csv.DictReader(f)]


def read_table(path: Path, table: Table, shown: str) -> tuple[RawTable, list[Problem]]:
    """Read one CSV into a RawTable, with every problem of encoding and shape."""
    problems: list[Problem] = []
    raw = RawTable(table, shown, _empty_frame(table))
    if not path.exists():
        problems.append(Problem(shown, 0, FILE, f"file is missing (expected a CSV with columns {', '.join(table.columns)})"))
        return raw, problems
    data = path.read_bytes()
    raw.sha256, raw.size = hashlib.sha256(data).hexdigest(), len(data)
    decoded = decode(data)
    text = decoded.text
    if not text.strip():
        problems.append(Problem(shown, 1, FILE, f"file is empty (expected a header row: {','.join(table.columns)})"))
        return raw, problems
    first_line = text.split("\n", 1)[0].rstrip("\r")
    delimiter = sniff_delimiter(first_line, table)
    if delimiter == ";":
        problems.append(Problem(shown, 1, FILE,
                                "values are separated by semicolons, as some spreadsheet software saves CSV; "
                                "expected commas (run `tracker fmt` to convert the file)"))
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    header = [_BAD_BYTES.sub("\ufffd", h) for h in next(reader)]
    problems += _header_problems(header, table, shown)
    if not decoded.undecodable and delimiter == "," and len(set(header)) == len(header):
        lines = text.count("\n") + (0 if text.endswith("\n") else 1)
        del reader, decoded, text  # the bytes are enough from here: do not hold the file twice
        frame = _plain_frame(data, lines, header)
        if frame is not None:
            raw.frame = _conform(frame, table)
            return raw, problems
        decoded = decode(data)
        text = decoded.text
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
        next(reader)
    width = len(header)
    records, lines, previous_end = [], [], 1
    for row in reader:
        start, previous_end = previous_end + 1, reader.line_num
        if not row or (len(row) == 1 and not row[0].strip()):
            continue  # blank line
        if len(row) != width:
            problems.append(Problem(shown, start, FILE, f"row has {len(row)} values, expected {width} (one per column of the header)"))
            row = (row + [""] * width)[:width]
        records.append(row)
        lines.append(start)
    if decoded.undecodable:
        problems += _undecodable_values(records, lines, header, shown)
    frame = pd.DataFrame(records, columns=header, dtype="str") if records else pd.DataFrame(columns=header, dtype="str")
    frame.index = pd.Index(lines, dtype="int64", name="line")
    raw.frame = _conform(frame, table)
    return raw, problems


def _plain_frame(data: bytes, lines: int, header: list[str]) -> pd.DataFrame | None:
    """The rows parsed in C (pyarrow) when the file is plain: every line after the header is one
    row of the header's width, so that row i is on line i + 2. None otherwise (blank lines, line
    breaks inside quoted values, rows of another width): the careful reader below then reads it
    and reports each problem with its line."""
    import pyarrow as pa
    import pyarrow.csv as pacsv

    try:
        parsed = pacsv.read_csv(
            pa.BufferReader(pa.py_buffer(data).slice(len(BOM) if data.startswith(BOM) else 0)),  # no copy
            read_options=pacsv.ReadOptions(column_names=header, skip_rows=1, block_size=1 << 24),
            parse_options=pacsv.ParseOptions(delimiter=",", newlines_in_values=False, ignore_empty_lines=True),
            convert_options=pacsv.ConvertOptions(column_types={h: pa.string() for h in header},
                                                 strings_can_be_null=False, quoted_strings_can_be_null=False),
        )
    except (pa.ArrowInvalid, pa.ArrowTypeError):
        return None
    if parsed.num_rows != lines - 1:  # a blank line was skipped or a value spans lines
        return None
    frame = parsed.to_pandas()
    frame.index = pd.RangeIndex(2, parsed.num_rows + 2, name="line")
    return frame


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
                problems.append(Problem(shown, line, header[i], "is not UTF-8 text (byte 0x%02X; the file looks saved in a "
                                        "legacy encoding such as Windows-1252: save it as CSV UTF-8)" % (ord(bad.group()[0]) - 0xDC00),
                                        row[i]))
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
            problems.append(Problem(f"{shown_dir}/{path.name}", 1, FILE,
                                    f"not a table of the data package (expected one of: {', '.join(sorted(known))})"))
    return tables, problems
