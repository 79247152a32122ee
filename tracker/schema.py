"""The declared schema: reads schemas/*.yaml (Frictionless Table Schema) into plain objects."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from pathlib import Path

import yaml

# The folder of the schemas: schemas/ in a clone (through the editable install), tracker/schemas/ in
# an installed wheel; pyproject.toml packages the one folder as tracker.schemas. Nothing is read here.
SCHEMA_DIR = Path(str(files("tracker.schemas")))

FUZZY_DATE_PATTERN = r"(\.\./)?[0-9]{4}(-Q[1-4]|-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?"


@dataclass(frozen=True)
class Field:
    name: str
    type: str  # string, integer, number, date, boolean, list, fuzzy-date
    description: str
    required: bool = False
    unique: bool = False
    enum: tuple[str, ...] | None = None
    pattern: str | None = None
    minimum: float | None = None
    maximum: float | None = None
    exclusive_minimum: float | None = None
    delimiter: str | None = None  # list fields only

    @property
    def is_list(self) -> bool:
        return self.type == "list"


@dataclass(frozen=True)
class ForeignKey:
    field: str
    table: str
    ref_field: str


@dataclass(frozen=True)
class Table:
    name: str
    path: str  # relative to the project root, e.g. data/donors.csv
    description: str
    fields: tuple[Field, ...]
    primary_key: tuple[str, ...]
    foreign_keys: tuple[ForeignKey, ...] = ()
    sort_by: tuple[str, ...] = ()

    @property
    def filename(self) -> str:
        return Path(self.path).name

    @property
    def columns(self) -> list[str]:
        return [f.name for f in self.fields]

    def field(self, name: str) -> Field:
        return next(f for f in self.fields if f.name == name)


@dataclass(frozen=True)
class Package:
    name: str
    version: str
    tables: tuple[Table, ...]

    def table(self, name: str) -> Table:
        return next(t for t in self.tables if t.name == name)

    def by_filename(self) -> dict[str, Table]:
        return {t.filename: t for t in self.tables}


def _field(raw: dict) -> Field:
    c = raw.get("constraints", {})
    ftype = raw.get("x-type", raw["type"])
    return Field(
        name=raw["name"],
        type=ftype,
        description=" ".join(str(raw.get("description", "")).split()),
        required=bool(c.get("required", False)),
        unique=bool(c.get("unique", False)),
        enum=tuple(c["enum"]) if "enum" in c else None,
        pattern=c.get("pattern"),
        minimum=c.get("minimum"),
        maximum=c.get("maximum"),
        exclusive_minimum=c.get("exclusiveMinimum"),
        delimiter=raw.get("delimiter", ",") if raw["type"] == "list" else None,
    )


def _table(resource: dict, schema_dir: Path) -> Table:
    raw = yaml.safe_load((schema_dir / resource["schema"]).read_text(encoding="utf-8"))
    fks = []
    for fk in raw.get("foreignKeys", []):
        (local,) = fk["fields"]
        (remote,) = fk["reference"]["fields"]
        fks.append(ForeignKey(local, fk["reference"]["resource"], remote))
    return Table(
        name=resource["name"],
        path=resource["path"],
        description=" ".join(str(raw.get("description", "")).split()),
        fields=tuple(_field(f) for f in raw["fields"]),
        primary_key=tuple(raw.get("primaryKey", [])),
        foreign_keys=tuple(fks),
        sort_by=tuple(raw.get("x-sort-by", raw.get("primaryKey", []))),
    )


@cache
def load_package(schema_dir: Path = SCHEMA_DIR) -> Package:
    """The data package declared in ``schema_dir``/datapackage.yaml."""
    descriptor = yaml.safe_load((schema_dir / "datapackage.yaml").read_text(encoding="utf-8"))
    tables = tuple(_table(r, schema_dir) for r in descriptor["resources"])
    return Package(descriptor["name"], str(descriptor["version"]), tables)
