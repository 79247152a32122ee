"""The one reader of the data package's CSV files, shared by `tracker validate` (tracker.load),
`tracker diff` and `tracker fmt`: bytes to text (UTF-8, a BOM dropped), the separator sniffed from
the header, and the records with the line each starts on. What a command does with a record that is
blank, too short or not UTF-8 is the command's own business (a problem, a refusal, a diff error)."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from tracker.schema import Table

BOM = b"\xef\xbb\xbf"
# A value may be as long as the file: an overlong one is the column checks' to report, with its line.
csv.field_size_limit(2**31 - 1)
CONTROL_BYTES = bytes([*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F])  # control characters but tab and line ends
_NOT_CONTROL = bytes(b for b in range(256) if b not in CONTROL_BYTES)  # deleted by bytes.translate: 4x a regex search
EXCEL_SEP = re.compile(r"sep=(.)\s*")  # the first line Excel writes to name the separator


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
    encoding: str = "UTF-8"  # or "UTF-16", decoded from it
    excel_sep: str | None = None  # Excel's "sep=," first line, skipped: the header is on line 2
    nul_line: int | None = None  # the first line with a NUL byte (NULs are dropped from the text)

    @property
    def undecodable(self) -> bool:
        return self.bad_byte is not None

    @property
    def body(self) -> str:
        """The text from the header on (after Excel's "sep=" line when there is one)."""
        return self.text.partition("\n")[2] if self.excel_sep else self.text

    @property
    def empty(self) -> bool:
        return not self.body.strip()

    @property
    def line_count(self) -> int:
        return self.text.count("\n") + (0 if self.text.endswith("\n") else 1)

    def open_quote_at_end(self, last: Record) -> bool:
        """The record ``last`` (the last one) ends inside a quoted value: the file ended before the
        closing quote (CSV's quotes come in pairs, a quote inside a value doubled, so the text has an
        odd number of them)."""
        if self.body.count('"') % 2 == 0:
            return False
        tail = "".join(self.text.splitlines(keepends=True)[last.line - 1 :])
        try:
            list(csv.reader(io.StringIO(tail, newline=""), delimiter=self.delimiter, strict=True))
        except csv.Error as error:
            return "unexpected end of data" in str(error)
        return False

    def records(self, strict: bool = False) -> Iterator[Record]:
        """Every record, the header first, blank lines included (as blank records). With ``strict``,
        text that is not CSV raises CsvError with the line it starts on."""
        skip = 1 if self.excel_sep else 0
        reader = csv.reader(io.StringIO(self.body, newline=""), delimiter=self.delimiter, strict=strict)
        previous_end = skip
        while True:
            try:
                cells = next(reader)
            except StopIteration:
                return
            except csv.Error as error:
                raise CsvError(previous_end + 1, f"not valid CSV ({error})") from None
            start, previous_end = previous_end + 1, reader.line_num + skip
            yield Record(start, cells)


def utf16(data: bytes) -> str | None:
    """The codec of UTF-16 text (as Excel's "Unicode text" saves it): a UTF-16 byte-order mark, or
    ASCII text with a NUL after (or before) every character. None for any other bytes."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    head = data[:200]
    if len(head) >= 8 and head[1::2].count(0) == len(head[1::2]) and 0 not in head[0::2]:
        return "utf-16-le"
    if len(head) >= 8 and head[0::2].count(0) == len(head[0::2]) and 0 not in head[1::2]:
        return "utf-16-be"
    return None


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
    """The text of a CSV file of ``table``, with its separator: UTF-8, or UTF-16 decoded (said in
    ``encoding``); NUL bytes are dropped and the line of the first is kept."""
    codec = utf16(data)
    if codec:
        try:
            return csv_text(data.decode(codec), table, encoding="UTF-16")
        except UnicodeDecodeError:
            pass  # not UTF-16 after all: read as UTF-8, where its bytes are reported
    text, bad = decode(data)
    nul = text.find("\0")
    if nul >= 0:
        return csv_text(text.replace("\0", ""), table, bad, nul_line=text.count("\n", 0, nul) + 1)
    return csv_text(text, table, bad)


def csv_text(
    text: str, table: Table, bad_byte: tuple[int, int] | None = None, encoding: str = "UTF-8", nul_line: int | None = None
) -> CsvText:
    """CSV text of ``table`` already decoded (written by a command, or decoded by open_csv); Excel's
    "sep=" first line names the separator and is skipped."""
    first, _, rest = text.partition("\n")
    sep = EXCEL_SEP.fullmatch(first.rstrip("\r"))
    if sep:
        delimiter = sep.group(1)
        return CsvText(text, delimiter, bad_byte, encoding, excel_sep=first.rstrip("\r"), nul_line=nul_line)
    return CsvText(text, sniff_delimiter(first.rstrip("\r"), table), bad_byte, encoding, nul_line=nul_line)


def read_rows(path: Path) -> list[dict[str, str]]:
    """A valid CSV as plain rows of text (empty cells as ""), for code that rewrites data/ or counts it."""
    with path.open(encoding="utf-8-sig", newline="") as f:
        return [{k: (v or "") for k, v in row.items()} for row in csv.DictReader(f)]


@dataclass(frozen=True)
class Scan:
    """What one pass over a file's bytes in chunks tells, holding none of it: its checksum and size,
    its lines and quotes, whether it has a NUL byte, and its first bytes (for the header)."""

    sha256: str
    size: int
    newlines: int
    quotes: int
    nul: bool
    control: bool  # a control character other than a line break or tab (tracker.column_sql.CONTROL)
    ends_with_newline: bool
    head: bytes

    @property
    def line_count(self) -> int:
        return self.newlines + (0 if self.ends_with_newline or not self.size else 1)


def scan(path: Path, chunk: int = 1 << 24, fingerprint: bool = True) -> Scan:
    """One pass over a file's bytes: what decides how it is read, and (with ``fingerprint``, which a build
    records and validation does not need) its SHA-256."""
    import hashlib
    from concurrent.futures import Future, ThreadPoolExecutor

    digest, size, newlines, quotes, nul, control, last, head = hashlib.sha256(), 0, 0, 0, False, False, b"", b""
    hashed: Future | None = None
    with path.open("rb") as f, ThreadPoolExecutor(1) as hashing:  # hashlib lets go of the GIL: the digest runs beside the counts
        while block := f.read(chunk):
            if not head:
                head = block[: 1 << 16]
            if hashed is not None:
                hashed.result()
            if fingerprint:
                hashed = hashing.submit(digest.update, block)
            size += len(block)
            newlines += block.count(b"\n")
            quotes += block.count(b'"')
            nul = nul or b"\0" in block
            control = control or bool(block.translate(None, _NOT_CONTROL))
            last = block[-1:]
        if hashed is not None:
            hashed.result()
    return Scan(digest.hexdigest() if fingerprint else "", size, newlines, quotes, nul, control, last == b"\n", head)


def plain_header(scanned: Scan, table: Table) -> list[str] | None:
    """The header of a file DuckDB may read as it is (UTF-8, commas, no Excel "sep=" line, no NUL,
    quotes in pairs, a header within its first bytes naming some of the table's columns, each once),
    or None when the records must read it."""
    if scanned.nul or scanned.quotes % 2 or utf16(scanned.head) or b"\n" not in scanned.head:
        return None
    first = scanned.head.removeprefix(BOM).split(b"\n", 1)[0].rstrip(b"\r")
    try:
        line = first.decode("utf-8")
    except UnicodeDecodeError:
        return None
    if EXCEL_SEP.fullmatch(line) or sniff_delimiter(line, table) != "," or '"' in line:
        return None
    header = line.split(",")
    return header if set(header) & set(table.columns) and len(set(header)) == len(header) else None
