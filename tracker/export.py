"""`tracker export`: every table, derived table and view of the built database, and the table macros
called for one date, written as Parquet, CSV or one Excel workbook, with the data dictionary beside
them, so that R, Excel or another engine can use the data without DuckDB."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

import duckdb

from tracker import datapackage
from tracker.catalogue import existing, objects
from tracker.problems import UserError
from tracker.schema import load_package

FORMATS = ("parquet", "csv", "xlsx")
EXCEL_MAX_ROWS = 1_048_575  # a sheet's rows below its header


@dataclass(frozen=True)
class Part:
    name: str  # file stem and sheet name
    kind: str
    query: str
    description: str


def parts(con: duckdb.DuckDBPyConnection, as_of: date) -> list[Part]:
    """What is exported: the data tables, then every declared object (macros called for as_of)."""
    package = load_package()
    out = [Part(t.name, "table", f"SELECT * FROM {t.name}", t.description) for t in package.tables]
    day = f"DATE '{as_of.isoformat()}'"
    for o in objects():
        if o.is_macro:
            out.append(
                Part(f"{o.name}_{as_of.isoformat()}", o.kind, o.select(day), f"{o.name}({as_of.isoformat()}): {o.description}")
            )
        else:
            out.append(Part(o.name, o.kind, f"SELECT * FROM {o.name}", o.description))
    present = existing(con)
    return [p for p in out if p.name.removesuffix(f"_{as_of.isoformat()}") in present]


def _flat(con: duckdb.DuckDBPyConnection, query: str) -> str:
    """The query with list columns joined by '; ' (CSV and Excel have no lists)."""
    columns = con.execute(f"DESCRIBE {query}").fetchall()
    select = ", ".join(
        f"array_to_string({_ident(name)}, '; ') AS {_ident(name)}" if dtype.endswith("[]") else _ident(name)
        for name, dtype, *_ in columns
    )
    return f"SELECT {select} FROM ({query})"


def _ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _literal(path: Path) -> str:
    return "'" + str(path).replace("'", "''") + "'"


def _dictionary(con: duckdb.DuckDBPyConnection, chosen: list[Part], as_of: date) -> list[tuple]:
    """(file, object, kind, position, column, type, description) for every exported column."""
    described = {(r[0], r[3]): r[5] for r in con.execute("SELECT * FROM data_dictionary").fetchall()}
    rows = []
    for p in chosen:
        obj = p.name.removesuffix(f"_{as_of.isoformat()}")
        for position, (name, dtype, *_) in enumerate(con.execute(f"DESCRIBE {p.query}").fetchall(), start=1):
            rows.append((p.name, obj, p.kind, position, name, dtype, described.get((obj, name))))
    return rows


def export(con: duckdb.DuckDBPyConnection, out_dir: Path, fmt: str, as_of: date) -> dict[str, int]:
    """Write every part to ``out_dir`` in ``fmt``; returns the rows written per part."""
    if fmt not in FORMATS:
        raise UserError(f"--format must be one of {', '.join(FORMATS)} (got {fmt!r})")
    if out_dir.exists() and not out_dir.is_dir():
        raise UserError(f"{out_dir}: exists and is not a directory")
    out_dir.mkdir(parents=True, exist_ok=True)
    chosen = parts(con, as_of)
    dictionary = _dictionary(con, chosen, as_of)
    counts = {p.name: con.execute(f"SELECT count(*) FROM ({p.query})").fetchone()[0] for p in chosen}
    if fmt == "xlsx":
        _write_xlsx(con, out_dir / "tracker.xlsx", chosen, dictionary, counts, as_of)
    else:
        for p in chosen:
            query = p.query if fmt == "parquet" else _flat(con, p.query)
            options = "FORMAT parquet, COMPRESSION zstd" if fmt == "parquet" else "FORMAT csv, HEADER true"
            con.execute(f"COPY ({query}) TO {_literal(out_dir / f'{p.name}.{fmt}')} ({options})")
        _write_dictionary_file(con, out_dir, fmt, dictionary)
        if fmt == "csv":
            (out_dir / "datapackage.json").write_text(_datapackage(chosen, dictionary, as_of), encoding="utf-8")
    (out_dir / "README.md").write_text(_readme(con, chosen, counts, fmt, as_of), encoding="utf-8")
    return counts


DICTIONARY_COLUMNS = ("file", "object", "kind", "position", "column_name", "data_type", "description")


def _write_dictionary_file(con, out_dir: Path, fmt: str, rows: list[tuple]) -> None:
    con.execute(
        "CREATE OR REPLACE TEMP TABLE _export_dictionary (file VARCHAR, object VARCHAR, kind VARCHAR, "
        "position INTEGER, column_name VARCHAR, data_type VARCHAR, description VARCHAR)"
    )
    con.executemany("INSERT INTO _export_dictionary VALUES (?, ?, ?, ?, ?, ?, ?)", rows)
    options = "FORMAT parquet" if fmt == "parquet" else "FORMAT csv, HEADER true"
    con.execute(f"COPY _export_dictionary TO {_literal(out_dir / f'export_dictionary.{fmt}')} ({options})")
    con.execute("DROP TABLE _export_dictionary")


def _write_xlsx(con, path: Path, chosen: list[Part], dictionary: list[tuple], counts: dict[str, int], as_of: date) -> None:
    import pandas as pd

    too_big = [f"{p.name} ({counts[p.name]} rows)" for p in chosen if counts[p.name] > EXCEL_MAX_ROWS]
    if too_big:
        raise UserError(
            "too many rows for an Excel sheet (at most 1,048,575): "
            + ", ".join(too_big)
            + "; export --format parquet or csv instead"
        )
    tmp = path.with_name(path.name + ".tmp")
    with pd.ExcelWriter(tmp, engine="openpyxl") as writer:
        about = pd.DataFrame(
            {
                "sheet": [p.name[:31] for p in chosen],
                "kind": [p.kind for p in chosen],
                "rows": [counts[p.name] for p in chosen],
                "what it holds": [p.description for p in chosen],
            }
        )
        about.to_excel(writer, sheet_name="contents", index=False)
        pd.DataFrame(dictionary, columns=list(DICTIONARY_COLUMNS)).to_excel(writer, sheet_name="export_dictionary", index=False)
        for p in chosen:
            frame = con.execute(_flat(con, p.query)).df()
            frame.to_excel(writer, sheet_name=_sheet(p, as_of), index=False)
    tmp.replace(path)


def _sheet(part: Part, as_of: date) -> str:
    """Excel allows 31 characters: a macro's sheet drops its date (the contents sheet gives it)."""
    return part.name.removesuffix(f"_{as_of.isoformat()}")[:31]


def _datapackage(chosen: list[Part], dictionary: list[tuple], as_of: date) -> str:
    fields: dict[str, list[dict]] = {}
    for file, _obj, _kind, _pos, name, dtype, description in dictionary:
        fields.setdefault(file, []).append(datapackage.exported_field(name, dtype, description))
    resources = [
        datapackage.resource(p.name.lower().replace("@", "-"), f"{p.name}.csv", p.description, {"fields": fields[p.name]})
        for p in chosen
    ]
    return datapackage.text(
        datapackage.package(
            "ukraine-military-aid-tracker-export",
            f"Tables and views of the military aid commitments tracker; macros called for {as_of.isoformat()}.",
            resources,
        )
    )


def _readme(con, chosen: list[Part], counts: dict[str, int], fmt: str, as_of: date) -> str:
    info = con.execute("SELECT built_at_utc, git_commit, schema_version FROM build_info").fetchone()
    lines = [
        "# Military aid commitments tracker: export",
        "",
        f"Built {info[0]} UTC from data commit {info[1] or 'unknown'} (schema {info[2]}); "
        f"exported as {fmt}. Table macros are called for {as_of.isoformat()} (`tracker export --as-of` for another day).",
        "",
        "Column types, meanings and units of every exported column: "
        + ("the sheet `export_dictionary`." if fmt == "xlsx" else f"`export_dictionary.{fmt}`.")
        + (" `datapackage.json` describes the CSV files as a Frictionless data package." if fmt == "csv" else ""),
        "Lists (such as the donors a claim names) are joined with '; ' in CSV and Excel and kept as lists in Parquet.",
        "Dates are ISO (YYYY-MM-DD); a coarse date is kept as written beside its first and last day.",
        "",
        "| file | kind | rows | what it holds |",
        "|---|---|---|---|",
    ]
    target = "tracker.xlsx, sheet " if fmt == "xlsx" else ""
    for p in chosen:
        name = f"{target}{_sheet(p, as_of)}" if fmt == "xlsx" else f"{p.name}.{fmt}"
        lines.append(f"| {name} | {p.kind} | {counts[p.name]} | {p.description.split('. ')[0].rstrip('.')}. |")
    return "\n".join(lines) + "\n"
