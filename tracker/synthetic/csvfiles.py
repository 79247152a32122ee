"""Writing tables in the canonical form of `tracker fmt` (UTF-8, commas, LF, declared column order,
declared row order, quotes only where the csv module puts them).

Small tables go through ``tracker.fmt.canonical`` itself, which sorts them. Large tables are
built already in canonical row order as Arrow text columns, and written a chunk of rows at a time
by Arrow's CSV writer without quotes; a chunk holding a value that needs quotes (none of the
generated large tables has one) is quoted column by column as the csv module would.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv

from tracker.fmt import canonical
from tracker.schema import Table

CHUNK = 500_000
_NEEDS_QUOTES = r'[,"\n]'  # what csv.writer(lineterminator="\n") quotes


def write_small(path: Path, table: Table, rows: list[Mapping[str, object]]) -> int:
    """Rows as dicts (missing or None values are empty), sorted by tracker fmt's own rules."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(table.columns)
    writer.writerows([["" if row.get(c) is None else str(row[c]) for c in table.columns] for row in rows])
    text, reason = canonical(out.getvalue(), table)
    if text is None:
        raise ValueError(f"{table.name}: {reason}")
    path.write_bytes(text.encode("utf-8"))
    return len(rows)


def quoted(column: pa.Array) -> pa.Array:
    """The column as the csv module writes it: values holding a comma, quote or line feed quoted."""
    needs = pc.match_substring_regex(column, _NEEDS_QUOTES)
    if not pc.any(needs).as_py():
        return column
    wrapped = pc.binary_join_element_wise('"', pc.replace_substring(column, '"', '""'), '"', "")
    return pc.if_else(needs, wrapped, column)


_FAST = pacsv.WriteOptions(include_header=False, quoting_style="none")


def csv_rows(columns: list[pa.Array]) -> pa.Buffer | bytes:
    """CSV rows of text columns, quoted where the csv module would quote. Arrow's writer does the
    common case (nothing to quote) fast and refuses a value that needs quotes; then each column is
    quoted as needed and the rows joined here."""
    sink = pa.BufferOutputStream()
    try:
        pacsv.write_csv(pa.table({str(i): c for i, c in enumerate(columns)}), sink, _FAST)
        return sink.getvalue()
    except pa.ArrowInvalid:
        rows = pc.binary_join_element_wise(*[quoted(pc.fill_null(c, "")) for c in columns], ",")
        return "".join(join(rows, "\n").to_pylist()).encode("utf-8")


def write_large(path: Path, table: Table, chunks: Iterable[Mapping[str, pa.Array]]) -> int:
    """Chunks of columns (Arrow strings or numbers; null or absent means empty), already in the
    table's canonical row order."""
    rows = 0
    with path.open("wb") as f:
        f.write((",".join(table.columns) + "\n").encode("utf-8"))
        for chunk in chunks:
            n = len(next(iter(chunk.values())))
            empty = pa.nulls(n, pa.string())
            f.write(csv_rows([chunk.get(name, empty).cast(pa.string()) for name in table.columns]))
            rows += n
    return rows


def integers(values: np.ndarray, missing: np.ndarray | None = None) -> pa.Array:
    """Whole numbers as text; missing where ``missing`` is true."""
    return pa.array(values, pa.int64(), mask=missing).cast(pa.string())


def pick(texts: pa.Array, index: np.ndarray, missing: np.ndarray | None = None) -> pa.Array:
    """texts[index] (null where ``missing`` or index < 0)."""
    index = np.asarray(index)
    absent = index < 0 if missing is None else (missing | (index < 0))
    return texts.take(pa.array(np.where(absent, 0, index), pa.int64(), mask=absent))


def join(*parts: pa.Array | str, sep: str = "") -> pa.Array:
    return pc.binary_join_element_wise(*parts, sep)


def row_chunks(n: int, size: int = CHUNK) -> Iterable[slice]:
    for start in range(0, n, size):
        yield slice(start, min(n, start + size))
