"""`tracker fmt`: rewrite CSVs canonically (UTF-8, commas, LF, declared column and row order, ISO
dates) without dropping or changing any value."""

from __future__ import annotations

import csv
import difflib
import io
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from tracker.csv_reader import CsvText, csv_text, open_csv
from tracker.fuzzy_dates import bounds
from tracker.schema import Package, Table

DATE_TYPES = {"date", "fuzzy-date"}
_SPREADSHEET_DATES = [
    (re.compile(r"(\d{4})-(\d{2})-(\d{2})[ T]00:00(:00)?"), (1, 2, 3)),  # 2023-01-27 00:00:00
    (re.compile(r"(\d{4})[-/](\d{1,2})[-/](\d{1,2})"), (1, 2, 3)),  # 2023/2/4, 2023-2-4
    (re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})"), (3, 2, 1)),  # 14.02.2023 (day first)
]


@dataclass
class Rewrite:
    path: Path
    shown: str
    before: str
    after: str | None  # None when the file cannot be rewritten safely
    reason: str = ""

    @property
    def changed(self) -> bool:
        return self.after is not None and self.after != self.before


def iso_date(value: str) -> str:
    """The ISO form of a date a spreadsheet rewrote, when it is unambiguous; otherwise the value."""
    for pattern, (y, m, d) in _SPREADSHEET_DATES:
        match = pattern.fullmatch(value)
        if match:
            try:
                return date(int(match.group(y)), int(match.group(m)), int(match.group(d))).isoformat()
            except ValueError:
                return value
    return value


def _sort_key(value: str, is_date: bool) -> tuple[str, str, str]:
    """Dates sort by the last day they can mean (2023-03 after 2023-03-30), then the first."""
    if is_date:
        try:
            earliest, latest = bounds(value)
            return ("", latest.isoformat(), earliest.isoformat())
        except ValueError:
            pass
    return (value, "", "")


def canonical(text: str | CsvText, table: Table) -> tuple[str | None, str]:
    """(canonical text, '') or (None, why it cannot be rewritten safely)."""
    if isinstance(text, str):
        text = csv_text(text, table)
    if text.empty:
        return None, "empty file"
    rows = [record.cells for record in text.records() if not record.blank]
    header, body = rows[0], rows[1:]
    if len(set(header)) != len(header):
        return None, "a column name appears twice in the header"
    if any(len(r) != len(header) for r in body):
        return None, "a row has more or fewer values than the header"
    columns = table.columns + [h for h in header if h not in table.columns]
    dated = {f.name for f in table.fields if f.type in DATE_TYPES}
    records = []
    for row in body:
        values = dict(zip(header, row))
        records.append([iso_date(values.get(c, "")) if c in dated else values.get(c, "") for c in columns])
    order = [(columns.index(c), c in dated) for c in table.sort_by if c in columns]
    records.sort(key=lambda r: [_sort_key(r[i], is_date) for i, is_date in order])
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    writer.writerows(records)
    result = out.getvalue()
    _assert_same_values(result, header, body, columns, dated)
    return result, ""


def _assert_same_values(result: str, header, body, columns, dated) -> None:
    """The rewritten file holds exactly the original values (dates only re-spelled)."""
    reread = list(csv.reader(io.StringIO(result, newline="")))
    original = sorted(tuple(iso_date(v) if h in dated else v for h, v in sorted(zip(header, row))) for row in body)
    added = [c for c in columns if c not in header]
    rewritten = sorted(tuple(v for c, v in sorted(zip(columns, row)) if c not in added) for row in reread[1:])
    if original != rewritten or any(v for row in reread[1:] for c, v in zip(columns, row) if c in added):
        raise AssertionError("fmt would change values; file left untouched")


def plan(data_dir: Path, shown_dir: str, package: Package) -> list[Rewrite]:
    rewrites = []
    for table in package.tables:
        path = data_dir / table.filename
        if not path.exists():
            continue
        shown = f"{shown_dir}/{table.filename}"
        data = path.read_bytes()
        text = open_csv(data, table)
        before = data.decode("utf-8", errors="replace")
        if text.undecodable:
            rewrites.append(Rewrite(path, shown, before, None, "not UTF-8: save it as CSV UTF-8 first"))
            continue
        after, reason = canonical(text, table)
        rewrites.append(Rewrite(path, shown, before, after, reason))
    return rewrites


def diff(rewrite: Rewrite) -> str:
    return "".join(
        difflib.unified_diff(
            rewrite.before.splitlines(keepends=True),
            rewrite.after.splitlines(keepends=True),
            fromfile=rewrite.shown,
            tofile=f"{rewrite.shown} (formatted)",
        )
    )
