"""What researchers query besides the tables: the derived tables, views and table macros declared
in schemas/views.yaml, their comments in the database, and the data_dictionary table."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import duckdb
import yaml

from tracker.ddl import derived_columns
from tracker.schema import SCHEMA_DIR, Package

VIEWS_FILE = SCHEMA_DIR / "views.yaml"
SAMPLE_DAY = "DATE '2023-12-31'"  # the date a macro is called with to learn its columns


@dataclass(frozen=True)
class Column:
    name: str
    description: str


@dataclass(frozen=True)
class SqlObject:
    name: str
    kind: str  # derived table, view, table macro, build table
    call: str
    description: str
    example: str | None
    columns: tuple[Column, ...]

    @property
    def is_macro(self) -> bool:
        return self.kind == "table macro"

    def select(self, day: str = SAMPLE_DAY) -> str:
        """A query returning the object's rows (a macro called for ``day``)."""
        return f"SELECT * FROM {self.name}({day})" if self.is_macro else f"SELECT * FROM {self.name}"


def _column(entry, common: dict[str, str]) -> Column:
    if isinstance(entry, str):
        return Column(entry, common[entry])
    ((name, description),) = entry.items()
    return Column(name, " ".join(str(description).split()))


@cache
def objects() -> tuple[SqlObject, ...]:
    raw = yaml.safe_load(VIEWS_FILE.read_text(encoding="utf-8"))
    common = {k: " ".join(str(v).split()) for k, v in raw["common"].items()}
    return tuple(
        SqlObject(
            o["name"],
            o["kind"],
            o["call"],
            " ".join(o["description"].split()),
            o.get("example"),
            tuple(_column(c, common) for c in o["columns"]),
        )
        for o in raw["objects"]
    )


def _quote(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def existing(con: duckdb.DuckDBPyConnection) -> set[str]:
    return {
        r[0]
        for r in con.execute("""
        SELECT table_name FROM duckdb_tables() WHERE NOT internal
        UNION SELECT view_name FROM duckdb_views() WHERE NOT internal
        UNION SELECT function_name FROM duckdb_functions() WHERE function_type = 'table_macro' AND NOT internal
    """).fetchall()
    }


def apply_comments(con: duckdb.DuckDBPyConnection) -> None:
    """COMMENT ON every declared object present in the database, and on the columns of the views
    and tables (a macro's columns are described in data_dictionary)."""
    present = existing(con)
    for o in objects():
        if o.name not in present:
            continue
        target = {"view": "VIEW", "table macro": "MACRO TABLE"}.get(o.kind, "TABLE")
        con.execute(f"COMMENT ON {target} {o.name} IS {_quote(o.call + ': ' + o.description)}")
        if not o.is_macro:
            for c in o.columns:
                con.execute(f"COMMENT ON COLUMN {o.name}.{c.name} IS {_quote(c.description)}")


def dictionary_rows(con: duckdb.DuckDBPyConnection, package: Package) -> list[tuple]:
    """(object, kind, position, column_name, data_type, description) for every table column and
    every column of the declared objects present, with the types DuckDB gives them."""
    rows = []
    for table in package.tables:
        types = dict(
            con.execute("SELECT column_name, data_type FROM duckdb_columns() WHERE table_name = ?", [table.name]).fetchall()
        )
        described = [(f.name, f.description) for f in table.fields]
        described += [(n, d) for f in table.fields for n, _, d in derived_columns(f)]
        order = list(types)
        for name, description in sorted(described, key=lambda nd: order.index(nd[0])):
            rows.append((table.name, "table", order.index(name) + 1, name, types[name], description))
    present = existing(con)
    for o in objects():
        if o.name not in present:
            continue
        described = {c.name: c.description for c in o.columns}
        types = {r[0]: r[1] for r in con.execute(f"DESCRIBE {o.select()}").fetchall()}
        for position, (name, data_type) in enumerate(types.items(), start=1):
            rows.append((o.name, o.kind, position, name, data_type, described.get(name)))
    return rows


def create_dictionary(con: duckdb.DuckDBPyConnection, package: Package) -> None:
    """The data_dictionary table, created first so that it describes itself too."""
    con.execute("""CREATE TABLE data_dictionary (object VARCHAR, kind VARCHAR, position INTEGER,
                   column_name VARCHAR, data_type VARCHAR, description VARCHAR)""")
    rows = dictionary_rows(con, package)
    con.executemany("INSERT INTO data_dictionary VALUES (?, ?, ?, ?, ?, ?)", rows)
