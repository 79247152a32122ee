"""DuckDB DDL and load statements derived from the declared schema."""

from __future__ import annotations

from tracker.schema import Field, Package, Table

SQL_TYPES = {
    "string": "VARCHAR",
    "integer": "BIGINT",
    "number": "DOUBLE",
    "date": "DATE",
    "boolean": "BOOLEAN",
    "list": "VARCHAR[]",
    "fuzzy-date": "VARCHAR",
}

HEADER = "-- Generated from schemas/ by `tracker generate`; do not edit by hand.\n"


def literal(text: str) -> str:
    """A SQL string literal of ``text``."""
    return "'" + text.replace("'", "''") + "'"


def ident(name: str) -> str:
    """A SQL identifier of ``name`` (a column named as in a CSV header)."""
    return '"' + name.replace('"', '""') + '"'


def derived_columns(field: Field) -> list[tuple[str, str, str]]:
    """(name, type, description) of the columns computed from a coarse-date field."""
    if field.type != "fuzzy-date":
        return []
    n = field.name
    return [
        (
            f"{n}_earliest",
            "DATE",
            f"First day that {n} can mean (the date itself at day precision; NULL for a by-date such as ../2023-02-24).",
        ),
        (f"{n}_latest", "DATE", f"Last day that {n} can mean; as-of answers count the row from this day."),
        (f"{n}_precision", "VARCHAR", f"Precision of {n}: day, month, quarter, year, or by (on or before the date written)."),
    ]


def table_comment(table: Table) -> str:
    parts = [table.description, f"Primary key: {', '.join(table.primary_key)}."]
    if table.foreign_keys:
        refs = "; ".join(f"{fk.field} -> {fk.table}.{fk.ref_field}" for fk in table.foreign_keys)
        parts.append(f"References: {refs}.")
    return " ".join(parts)


def create_table(table: Table, strict: bool = True) -> str:
    """CREATE TABLE with COMMENT ON; strict adds NOT NULL for required columns."""
    columns = []
    for f in table.fields:
        not_null = " NOT NULL" if strict and f.required else ""
        columns.append(f"    {f.name} {SQL_TYPES[f.type]}{not_null}")
        columns += [f"    {name} {sql_type}" for name, sql_type, _ in derived_columns(f)]
    lines = [
        f"CREATE TABLE {table.name} (",
        ",\n".join(columns),
        ");",
        f"COMMENT ON TABLE {table.name} IS {literal(table_comment(table))};",
    ]
    for f in table.fields:
        lines.append(f"COMMENT ON COLUMN {table.name}.{f.name} IS {literal(f.description)};")
        for name, _, description in derived_columns(f):
            lines.append(f"COMMENT ON COLUMN {table.name}.{name} IS {literal(description)};")
    return "\n".join(lines) + "\n"


def create_all(package: Package, strict: bool = True) -> str:
    return HEADER + "\n".join(create_table(t, strict) for t in package.tables)


def _cast(f: Field) -> list[str]:
    c = f'"{f.name}"'
    if f.type == "list":
        return [
            f"list_filter(list_transform(string_split({c}, {literal(f.delimiter or ';')}), lambda x: trim(x)), lambda x: x <> '')"
        ]
    if f.type == "fuzzy-date":
        return [c, f"fuzzy_date_earliest({c})", f"fuzzy_date_latest({c})", f"fuzzy_date_precision({c})"]
    if f.type == "string":
        return [c]
    return [f"TRY_CAST({c} AS {SQL_TYPES[f.type]})"]


def insert_from(table: Table, relation: str) -> str:
    """INSERT converting a relation of text columns (as read from CSV) to the table's types."""
    expressions = [e for f in table.fields for e in _cast(f)]
    return f"INSERT INTO {table.name} SELECT\n    " + ",\n    ".join(expressions) + f"\nFROM {relation}"
