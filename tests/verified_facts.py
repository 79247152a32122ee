"""What the tests of verified facts share: the shipped rows by primary key, and the check of one fact
(a corroborated_by list holds at least the sources named; any other cell equals the value)."""

from __future__ import annotations

from pathlib import Path

from tracker.load import read_rows
from tracker.schema import load_package

DATA = Path(__file__).resolve().parent.parent / "data"


def rows_by_key(tables) -> dict[str, dict[str, dict[str, str]]]:
    package = load_package()
    out = {}
    for table in set(tables):
        spec = package.table(table)
        out[table] = {"|".join(r[k] for k in spec.primary_key): r for r in read_rows(DATA / spec.filename)}
    return out


def check_fact(rows, table: str, key: str, column: str, value: str, source: str) -> None:
    row = rows[table][key]
    if column == "corroborated_by":
        assert set(value.split(";")) <= set(row[column].split(";")), source
    else:
        assert row[column] == value, source
