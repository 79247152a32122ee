"""The peer: a Frictionless data package describing the same CSVs, for `frictionless validate`.
Our schemas are Frictionless table schemas with a few extensions (x-type, x-sort-by); this drops
the extensions so that frictionless checks what it can: types, constraints, primary and foreign keys
(not the foreign keys of list columns, which it cannot check; our cross-table rules have no peer)."""

from __future__ import annotations

import json
from pathlib import Path

import yaml

from tracker.schema import SCHEMA_DIR

PROFILE = "https://datapackage.org/profiles/2.0/datapackage.json"  # v2: exclusiveMinimum, list fields


def _schema(raw: dict) -> dict:
    fields = [{k: v for k, v in f.items() if not k.startswith("x-")} for f in raw["fields"]]
    schema = {"fields": fields, "missingValues": [""]}
    if raw.get("primaryKey"):
        schema["primaryKey"] = raw["primaryKey"]
    lists = {f["name"] for f in raw["fields"] if f.get("type") == "list"}
    keys = [fk for fk in raw.get("foreignKeys", []) if not set(fk["fields"]) & lists]  # frictionless cannot check list items
    if keys:
        schema["foreignKeys"] = keys
    return schema


def write_descriptor(data_dir: Path) -> Path:
    """datapackage.json in ``data_dir``, its resources the CSVs beside it."""
    package = yaml.safe_load((SCHEMA_DIR / "datapackage.yaml").read_text(encoding="utf-8"))
    resources = []
    for r in package["resources"]:
        raw = yaml.safe_load((SCHEMA_DIR / r["schema"]).read_text(encoding="utf-8"))
        resources.append(
            {"name": r["name"], "path": Path(r["path"]).name, "format": "csv", "encoding": "utf-8", "schema": _schema(raw)}
        )
    path = data_dir / "datapackage.json"
    descriptor = {"$schema": PROFILE, "name": package["name"], "resources": resources}
    path.write_text(json.dumps(descriptor, indent=1), encoding="utf-8")
    return path
