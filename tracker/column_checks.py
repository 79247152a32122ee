"""Single-table checks derived from the declared schema, run with pandera on the text as read."""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa

from tracker.fuzzy_dates import FUZZY_DATE
from tracker.load import RawTable
from tracker.problems import Problem
from tracker.schema import Field, Table

INTEGER = r"[+-]?[0-9]+"
NUMBER = r"[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?"

CONTROL = r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]"
MAX_LENGTH = 10_000  # the longest value of the shipped data has 1,794

TYPE_MESSAGES = {
    "integer": "is not a whole number (expected digits only, e.g. 14)",
    "number": "is not a number (expected digits with a point for decimals, e.g. 14 or 2.5)",
    "date": "is not a valid date (expected YYYY-MM-DD, e.g. 2023-02-14)",
    "fuzzy-date": "is not a valid date (expected YYYY-MM-DD, YYYY-MM, YYYY-Qn or YYYY, e.g. 2023-02-14 or 2023-03)",
    "boolean": "is not a boolean (expected true or false)",
    "list": "has an empty item in its list (items are separated by ';')",
}


def _items(field: Field, s: pd.Series) -> pd.Series:
    """Each value's list items (one row per item, same index); plain fields pass through."""
    return s.str.split(field.delimiter, regex=False).explode() if field.is_list else s


def _all_items(field: Field, test) -> callable:
    def check(s: pd.Series) -> pd.Series:
        items = _items(field, s.dropna())
        ok = test(items).fillna(False).astype(bool)
        return (
            ok.groupby(level=0).all().reindex(s.index, fill_value=True) if field.is_list else ok.reindex(s.index, fill_value=True)
        )

    return check


def _type_test(field: Field):
    if field.type == "integer":
        return lambda s: s.str.fullmatch(INTEGER)
    if field.type == "number":
        return lambda s: s.str.fullmatch(NUMBER)
    if field.type == "date":
        return lambda s: (
            s.str.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}") & pd.to_datetime(s, format="%Y-%m-%d", errors="coerce").notna()
        )
    if field.type == "fuzzy-date":
        return _fuzzy_date_test
    if field.type == "boolean":
        return lambda s: s.isin(["true", "false"])
    if field.type == "list":
        return lambda s: s.str.strip() != ""
    return None


def _fuzzy_date_test(s: pd.Series) -> pd.Series:
    shape = s.str.fullmatch(FUZZY_DATE.pattern)
    plain = s.str.removeprefix("../")  # a by-date names a day, month or quarter like any other date
    days = plain.where(plain.str.len() == 10)
    real_day = pd.to_datetime(days, format="%Y-%m-%d", errors="coerce").notna() | days.isna()
    return shape & real_day


def _bound_test(field: Field, op: str, bound: float):
    def test(s: pd.Series) -> pd.Series:
        n = pd.to_numeric(s.where(s.str.fullmatch(NUMBER)), errors="coerce")
        ok = {"min": n >= bound, "max": n <= bound, "xmin": n > bound}[op]
        return ok | n.isna()

    return test


def checks_for(field: Field) -> list[tuple[str, str, callable]]:
    """(check name, message, element test) for one declared field."""
    checks = [
        ("space", "has spaces at the start or end (remove them)", lambda s: s == s.str.strip()),
        (
            "control",
            "contains a control character (such as a NUL byte or a terminal escape; only line breaks and tabs may be in text)",
            lambda s: ~s.str.contains(CONTROL, regex=True),
        ),
        (
            "length",
            f"is longer than {MAX_LENGTH:,} characters (is it several values run together?)",
            lambda s: s.str.len() <= MAX_LENGTH,
        ),
    ]
    type_test = _type_test(field)
    if type_test is not None:
        checks.append((f"type:{field.type}", TYPE_MESSAGES[field.type], type_test))
    if field.pattern:
        pattern = field.pattern.removeprefix("^").removesuffix("$")
        checks.append(
            ("pattern", f"does not have the expected form (pattern {field.pattern})", lambda s, p=pattern: s.str.fullmatch(p))
        )
    if field.enum:
        checks.append(("enum", f"is not one of the allowed values: {', '.join(field.enum)}", lambda s, e=field.enum: s.isin(e)))
    if field.minimum is not None:
        checks.append(("minimum", f"must be at least {field.minimum:g}", _bound_test(field, "min", field.minimum)))
    if field.maximum is not None:
        checks.append(("maximum", f"must be at most {field.maximum:g}", _bound_test(field, "max", field.maximum)))
    if field.exclusive_minimum is not None:
        checks.append(
            (
                "exclusiveMinimum",
                f"must be greater than {field.exclusive_minimum:g}",
                _bound_test(field, "xmin", field.exclusive_minimum),
            )
        )
    return checks


def pandera_schema(table: Table, unchecked: frozenset[str] = frozenset()) -> tuple[pa.DataFrameSchema, dict[str, str]]:
    """The pandera schema for a table's text, and the analyst message for each check name; the
    ``unchecked`` columns (missing from the header, or out of place) are left out."""
    columns, messages = {}, {}
    for field in table.fields:
        if field.name in unchecked:
            continue
        checks = []
        for name, message, test in checks_for(field):
            check_name = f"{field.name}:{name}"
            messages[check_name] = message
            checks.append(pa.Check(_all_items(field, test), name=check_name))
        columns[field.name] = pa.Column("str", checks=checks, nullable=not field.required, unique=field.unique, required=True)
    unique = list(table.primary_key) if len(table.primary_key) > 1 and not unchecked & set(table.primary_key) else None
    return pa.DataFrameSchema(columns, unique=unique, strict=False, coerce=False), messages


def check_table(raw: RawTable) -> list[Problem]:
    """Every single-table problem of one CSV, one per failing value."""
    schema, messages = pandera_schema(raw.table, raw.unchecked)
    try:
        schema.validate(raw.frame, lazy=True)
    except pa.errors.SchemaErrors as errors:
        cases = errors.failure_cases
        duplicates = cases["check"].isin(["field_uniqueness", "multiple_fields_uniqueness"])
        problems = [_problem(raw, row, messages) for row in cases[~duplicates].itertuples(index=False)]
        problems += _duplicate_problems(raw, cases[duplicates])
        return [p for p in problems if p.line not in raw.unchecked_lines]
    return []


def _problem(raw: RawTable, case, messages: dict[str, str]) -> Problem:
    line = int(case.index) if not pd.isna(case.index) else 1
    if case.check == "not_nullable":
        return Problem(raw.shown_path, line, case.column, "is required but empty", rule="required")
    value = None if pd.isna(case.failure_case) else str(case.failure_case)
    return Problem(
        raw.shown_path, line, case.column, messages.get(case.check, str(case.check)), value, rule=str(case.check).split(":")[-1]
    )


def _duplicate_problems(raw: RawTable, cases: pd.DataFrame) -> list[Problem]:
    """One problem per repeated key, naming the line where the key is first used."""
    if cases.empty:
        return []
    problems = []
    composite = (cases["check"] == "multiple_fields_uniqueness").any()
    columns = list(raw.table.primary_key) if composite else sorted(set(cases["column"]))
    groups = [columns] if composite else [[c] for c in columns]
    for key in groups:
        keys = raw.frame[key].astype("str").agg("|".join, axis=1)[raw.frame[key].notna().all(axis=1)]
        first: dict[str, int] = {}
        for line, value in keys[keys.duplicated(keep=False)].items():
            if value in first:
                problems.append(
                    Problem(
                        raw.shown_path,
                        int(line),
                        "+".join(key),
                        f"is a duplicate of line {first[value]} (must be unique)",
                        value,
                        rule="unique",
                    )
                )
            else:
                first[value] = int(line)
    return problems
