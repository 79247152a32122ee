"""CSV downloads: the rows a reader sees, with the source as a plain URL and formulas neutralised."""

from __future__ import annotations

import csv
import io

from dashboards.safety import neutralise_cell

# Columns added to a download: the link column of the table becomes its title and plain address.
SOURCE_COLUMNS = ("source_id", "source_title", "source_url")


def csv_text(rows: list[dict], keys: list[str]) -> str:
    columns = [k for k in keys if k != "source"]
    if "source" in keys:
        columns += [c for c in SOURCE_COLUMNS if c not in columns]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow(["" if row.get(c) is None else neutralise_cell(row.get(c)) for c in columns])
    return out.getvalue()
