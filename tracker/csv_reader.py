"""The one reader of the data package's CSV files, shared by `tracker validate` (tracker.load),
`tracker diff` and `tracker fmt`: bytes to text (UTF-8, a BOM dropped), the separator sniffed from
the header, and the records with the line each starts on. What a command does with a record that is
blank, too short or not UTF-8 is the command's own business (a problem, a refusal, a diff error)."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from tracker.schema import Table

BOM = b"\xef\xbb\xbf"


class CsvError(Exception):
    """Text that is not CSV (read with ``strict``): ``line`` is the line of the record that broke."""

    def __init__(self, line: int, message: str):
        super().__init__(message)
        self.line, self.message = line, message


@dataclass(frozen=True)
class Record:
    line: int  # the line it starts on (a quoted value may span lines)
    cells: list[str]

    @property
    def blank(self) -> bool:
        return not self.cells or (len(self.cells) == 1 and not self.cells[0].strip())


@dataclass
class CsvText:
    """One CSV file's text. When it is not UTF-8 the text holds each bad byte as a surrogate
    (U+DC80..U+DCFF) and ``bad_byte`` says where the first one is."""

    text: str
    delimiter: str
    bad_byte: tuple[int, int] | None = None  # (line, byte value) of the first byte that is not UTF-8

    @property
    def undecodable(self) -> bool:
        return self.bad_byte is not None

    @property
    def empty(self) -> bool:
        return not self.text.strip()

    @property
    def line_count(self) -> int:
        return self.text.count("\n") + (0 if self.text.endswith("\n") else 1)

    def records(self, strict: bool = False) -> Iterator[Record]:
        """Every record, the header first, blank lines included (as blank records). With ``strict``,
        text that is not CSV raises CsvError with the line it starts on."""
        reader = csv.reader(io.StringIO(self.text, newline=""), delimiter=self.delimiter, strict=strict)
        previous_end = 0
        while True:
            try:
                cells = next(reader)
            except StopIteration:
                return
            except csv.Error as error:
                raise CsvError(previous_end + 1, f"not valid CSV ({error})") from None
            start, previous_end = previous_end + 1, reader.line_num
            yield Record(start, cells)


def decode(data: bytes) -> tuple[str, tuple[int, int] | None]:
    """UTF-8 text of a file (a BOM is dropped) and where its first undecodable byte is (line, byte
    value), or None; undecodable bytes are kept as surrogates."""
    data = data.removeprefix(BOM)
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        return data.decode("utf-8", errors="surrogateescape"), (line, data[error.start])


def sniff_delimiter(first_line: str, table: Table) -> str:
    """',' normally; ';' when the header is the expected columns separated by semicolons."""
    if "," not in first_line and ";" in first_line:
        names = {n.strip().strip('"') for n in first_line.split(";")}
        if names & set(table.columns):
            return ";"
    return ","


def open_csv(data: bytes, table: Table) -> CsvText:
    """The text of a CSV file of ``table``, with its separator."""
    text, bad = decode(data)
    return csv_text(text, table, bad)


def csv_text(text: str, table: Table, bad_byte: tuple[int, int] | None = None) -> CsvText:
    """CSV text of ``table`` already decoded (written by a command, or decoded by open_csv)."""
    return CsvText(text, sniff_delimiter(text.split("\n", 1)[0].rstrip("\r"), table), bad_byte)


def plain_frame(data: bytes, lines: int, header: list[str]) -> pd.DataFrame | None:
    """The rows parsed in C (pyarrow) when the file is plain: every line after the header is one
    row of the header's width, so that row i is on line i + 2. None otherwise (blank lines, line
    breaks inside quoted values, rows of another width): the records above then read it, so that
    each problem is reported with its line."""
    import pyarrow as pa
    import pyarrow.csv as pacsv

    try:
        parsed = pacsv.read_csv(
            pa.BufferReader(pa.py_buffer(data).slice(len(BOM) if data.startswith(BOM) else 0)),  # no copy
            read_options=pacsv.ReadOptions(column_names=header, skip_rows=1, block_size=1 << 24),
            parse_options=pacsv.ParseOptions(delimiter=",", newlines_in_values=False, ignore_empty_lines=True),
            convert_options=pacsv.ConvertOptions(
                column_types={h: pa.string() for h in header}, strings_can_be_null=False, quoted_strings_can_be_null=False
            ),
        )
    except (pa.ArrowInvalid, pa.ArrowTypeError):
        return None
    if parsed.num_rows != lines - 1:  # a blank line was skipped or a value spans lines
        return None
    frame = parsed.to_pandas()
    frame.index = pd.RangeIndex(2, parsed.num_rows + 2, name="line")
    return frame


def read_rows(path: Path) -> list[dict[str, str]]:
    """A valid CSV as plain rows of text (empty cells as ""), for code that rewrites data/ or counts it."""
    with path.open(encoding="utf-8-sig", newline="") as f:
        return [{k: (v or "") for k, v in row.items()} for row in csv.DictReader(f)]
