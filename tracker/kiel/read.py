"""Read a Kiel release into text cells: its xlsx (the main sheet) or a CSV of that sheet."""

from __future__ import annotations

import csv
import hashlib
import io
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from tracker.kiel.columns import FIELDS, Match, match_columns, normalise
from tracker.problems import UserError

MAIN_SHEET_WORDS = ("main data", "bilateral")
HEADER_SEARCH_ROWS = 30


@dataclass
class Sheet:
    path: Path
    sha256: str
    sheet: str | None  # the xlsx sheet read, None for a CSV
    frame: pd.DataFrame  # one column per field found, text cells, index = line/row in the file
    matches: list[Match]
    headers: list[str]  # the header as the file writes it


def _csv_text(data: bytes, shown: str) -> str:
    for bom, encoding in ((b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"), (b"\xef\xbb\xbf", "utf-8-sig")):
        if data.startswith(bom):
            return data.decode(encoding)
    for encoding in ("utf-8", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise UserError(f"{shown}: cannot be read as UTF-8, UTF-16 or Windows-1252 text")


def _header_row(rows: list[list[str]]) -> int:
    """The first row naming enough known fields: Kiel's xlsx puts titles above the header."""
    known = {normalise(n) for _, names in FIELDS.values() for n in names}
    for i, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        if sum(normalise(c) in known for c in row) >= 4:
            return i
    return -1


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if hasattr(value, "isoformat") and not isinstance(value, str):
        return value.isoformat(sep=" ") if hasattr(value, "hour") else value.isoformat()
    return str(value)


def _xlsx_rows(path: Path, shown: str) -> tuple[str, list[list[str]]]:
    import openpyxl

    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a broken file
        raise UserError(f"{shown}: not a readable xlsx workbook ({type(error).__name__})") from None
    names = book.sheetnames
    chosen = next((n for n in names if all(w in n.lower() for w in MAIN_SHEET_WORDS)), None)
    chosen = chosen or next((n for n in names if "main data" in n.lower()), None)
    if chosen is None:
        raise UserError(f"{shown}: no sheet named like 'Bilateral Assistance, MAIN DATA' (sheets: {', '.join(names)})")
    rows = [[_cell(v) for v in row] for row in book[chosen].iter_rows(values_only=True)]
    book.close()
    return chosen, rows


def read_release(path: Path, shown: str | None = None) -> Sheet:
    shown = shown or str(path)
    if not path.is_file():
        raise UserError(f"{shown}: file not found")
    data = path.read_bytes()
    sheet_name = None
    if data[:4] == b"PK\x03\x04":
        sheet_name, rows = _xlsx_rows(path, shown)
    else:
        rows = list(csv.reader(io.StringIO(_csv_text(data, shown), newline="")))
    h = _header_row(rows)
    if h < 0:
        raise UserError(
            f"{shown}: no header row naming Kiel's columns (ID, Countries, Items, ...) in its first {HEADER_SEARCH_ROWS} rows"
        )
    headers = [c.strip() if c else "" for c in rows[h]]
    raw_headers = rows[h]
    matches = match_columns(raw_headers, shown)
    position = {name: i for i, name in reversed(list(enumerate(raw_headers)))}
    body = rows[h + 1 :]
    columns = {}
    for m in matches:
        i = position[m.header]
        columns[m.field] = [(r[i] if i < len(r) else "") or "" for r in body]
    lines = range(h + 2, h + 2 + len(body))  # numbered as a spreadsheet numbers rows
    frame = pd.DataFrame(columns, index=pd.Index(lines, name="line"), dtype="string").fillna("")
    frame = frame[~(frame == "").all(axis=1)]
    return Sheet(path, hashlib.sha256(data).hexdigest(), sheet_name, frame, matches, headers)
