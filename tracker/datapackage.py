"""Frictionless data package descriptors: the root datapackage.json, translated from schemas/, and the
one `tracker export --format csv` writes beside its files; one translation serves both."""

from __future__ import annotations

import json

import yaml

from tracker.schema import SCHEMA_DIR, Field, Package, Table

# Version 2 of the standard: exclusiveMinimum and list fields are in it (frictionless rejects both under v1).
PROFILE = "https://datapackage.org/profiles/2.0/datapackage.json"
MISSING_VALUES = [""]  # only an empty cell is missing: "NA" is Namibia, "-" or "n/a" would be errors

# A fuzzy date as a Table Schema pattern (implicitly anchored, XML Schema syntax): the shape of
# schema.FUZZY_DATE_PATTERN with only real days, leap years included, so that a tool reading the
# descriptor accepts exactly the dates `tracker validate` accepts (a test compares the two).
_LEAP_YEAR = "([0-9]{2}(0[48]|[2468][048]|[13579][26])|(0[48]|[2468][048]|[13579][26])00)"
_MONTH_DAY = "((0[13578]|1[02])-(0[1-9]|[12][0-9]|3[01])|(0[469]|11)-(0[1-9]|[12][0-9]|30)|02-(0[1-9]|1[0-9]|2[0-8]))"
FUZZY_DATE = rf"(\.\./)?([0-9]{{4}}(-Q[1-4]|-(0[1-9]|1[0-2])|-{_MONTH_DAY})?|{_LEAP_YEAR}-02-29)"

# DuckDB types of exported columns. Lists are joined with "; " in exported CSV (tracker.export._flat).
FROM_DUCKDB = {
    "VARCHAR": "string",
    "BIGINT": "integer",
    "INTEGER": "integer",
    "DOUBLE": "number",
    "DATE": "date",
    "BOOLEAN": "boolean",
    "TIMESTAMP": "datetime",
    "VARCHAR[]": "string",
}


def _pattern(regex: str) -> str:
    """A Table Schema pattern is anchored by definition; schemas/ writes the anchors out."""
    return regex.removeprefix("^").removesuffix("$")


def field(f: Field) -> dict:
    """One declared column as a Table Schema field."""
    out: dict = {"name": f.name, "type": "string" if f.type == "fuzzy-date" else f.type, "description": f.description}
    if f.is_list:
        out |= {"delimiter": f.delimiter, "itemType": "string"}
    constraints: dict = {}
    if f.required:
        constraints["required"] = True
    if f.unique:
        constraints["unique"] = True
    if f.enum:
        constraints["enum"] = list(f.enum)
    if f.type == "fuzzy-date":
        if f.pattern:
            raise ValueError(f"{f.name}: a fuzzy-date field cannot also declare a pattern")
        constraints["pattern"] = FUZZY_DATE
    elif f.pattern:
        constraints["pattern"] = _pattern(f.pattern)
    for key, value in (("minimum", f.minimum), ("maximum", f.maximum), ("exclusiveMinimum", f.exclusive_minimum)):
        if value is not None:
            constraints[key] = value
    if constraints:
        out["constraints"] = constraints
    return out


def table_schema(table: Table) -> dict:
    """A table's Table Schema. Foreign keys of list columns are left out: the standard compares the
    whole list with the referenced key, not each item (`tracker validate` checks the items)."""
    lists = {f.name for f in table.fields if f.is_list}
    schema: dict = {
        "fields": [field(f) for f in table.fields],
        "missingValues": MISSING_VALUES,
        "primaryKey": list(table.primary_key),
    }
    keys = [
        {"fields": [fk.field], "reference": {"resource": fk.table, "fields": [fk.ref_field]}}
        for fk in table.foreign_keys
        if fk.field not in lists
    ]
    if keys:
        schema["foreignKeys"] = keys
    return schema


def resource(name: str, path: str, description: str, schema: dict) -> dict:
    return {
        "name": name,
        "type": "table",
        "path": path,
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "description": description,
        "schema": schema,
    }


def _declared() -> dict:
    """The package-level facts of schemas/datapackage.yaml (title, licences) that Package omits."""
    return yaml.safe_load((SCHEMA_DIR / "datapackage.yaml").read_text(encoding="utf-8"))


def package(name: str, description: str, resources: list[dict]) -> dict:
    """A descriptor with the project's title, schema version and licence around ``resources``."""
    declared = _declared()
    return {
        "$schema": PROFILE,
        "name": name,
        "title": declared["title"],
        "description": description,
        "version": str(declared["version"]),
        "licenses": declared["licenses"],
        "resources": resources,
    }


def root(p: Package) -> dict:
    """The root datapackage.json: every CSV of data/ with its schema, as declared in schemas/."""
    resources = [resource(t.name, t.path, t.description, table_schema(t)) for t in p.tables]
    return package(
        p.name,
        "Military aid to Ukraine, pledge line by pledge line, as hand-edited CSV tables: what each "
        "donor committed, changed and delivered, when, and the sources that say so. Generated from "
        "schemas/ by `tracker generate`; `tracker validate` also checks the cross-table rules.",
        resources,
    )


def exported_field(name: str, duckdb_type: str, description: str | None) -> dict:
    """One column of an exported CSV, typed from its DuckDB type."""
    out = {"name": name, "type": FROM_DUCKDB.get(duckdb_type, "string")}
    if duckdb_type.endswith("[]"):
        description = (description or "") + " (a list, items separated by '; ')"
    if description:
        out["description"] = description
    return out


def text(descriptor: dict) -> str:
    return json.dumps(descriptor, indent=2, ensure_ascii=False) + "\n"
