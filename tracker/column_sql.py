"""The single-table checks of the declared schema (types, patterns, allowed values, bounds, required
and unique columns, and text without stray spaces, control characters or runaway length), as SQL
over a table's text in DuckDB (tracker.text_tables: ``line`` and one VARCHAR per declared column,
NULL where empty). One pass per table returns every failing value with its line.

They were pandera checks over pandas text columns. Measured at 10^6 events they took 5.3 s against
1.8 s here, and the text had to be held in pandas; pandera's Ibis backend, which validates DuckDB
tables in place, ran the same checks 1.5-4x slower than plain SQL, silently ignored a column's
``unique`` and reported no row for a missing or repeated value, which a message needs
(reports/benchmark.md)."""

from __future__ import annotations

import duckdb

from tracker.ddl import ident, literal
from tracker.load import RawTable
from tracker.problems import Problem
from tracker.schema import FUZZY_DATE_PATTERN, Field, Table

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

V = "§v"  # where a predicate's value goes: a column, or a list's item


def _full(pattern: str, value: str = V) -> str:
    return f"regexp_full_match({value}, {literal(pattern)})"


def _number(value: str = V) -> str:
    return f"CASE WHEN {_full(NUMBER, value)} THEN TRY_CAST({value} AS DOUBLE) END"


def predicates(field: Field, control: bool = True) -> list[tuple[str, str, str]]:
    """(check name, message, SQL that is true where the value fails, the value written V) for one
    declared field; ``control``: whether to look for control characters at all."""
    checks = [
        # Python's str.strip(): any white space, Unicode's included; a value that starts and ends with a visible
        # ASCII character (most do) has none, and skips the regular expression
        (
            "space",
            "has spaces at the start or end (remove them)",
            rf"CASE WHEN ord(left({V}, 1)) BETWEEN 33 AND 126 AND ord(right({V}, 1)) BETWEEN 33 AND 126 THEN false "
            rf"ELSE regexp_matches({V}, '^[\s\pZ\x1c-\x1f\x85]|[\s\pZ\x1c-\x1f\x85]$') END",
        ),
        (
            "length",
            f"is longer than {MAX_LENGTH:,} characters (is it several values run together?)",
            f"length({V}) > {MAX_LENGTH}",
        ),
    ]
    if control:  # a file the scan found none in need not be looked at again
        checks.insert(
            1,
            (
                "control",
                "contains a control character (such as a NUL byte or a terminal escape; only line breaks and tabs may be in text)",
                f"regexp_matches({V}, {literal(CONTROL)})",
            ),
        )
    kind = field.type
    if kind == "integer":
        checks.append((f"type:{kind}", TYPE_MESSAGES[kind], f"NOT {_full(INTEGER)}"))
    elif kind == "number":
        checks.append((f"type:{kind}", TYPE_MESSAGES[kind], f"NOT {_full(NUMBER)}"))
    elif kind == "date":
        real = f"try_strptime({V}, '%Y-%m-%d') IS NOT NULL"
        checks.append((f"type:{kind}", TYPE_MESSAGES[kind], f"NOT ({_full('[0-9]{4}-[0-9]{2}-[0-9]{2}')} AND {real})"))
    elif kind == "fuzzy-date":
        day = f"CASE WHEN starts_with({V}, '../') THEN {V}[4:] ELSE {V} END"
        real = f"(length({day}) <> 10 OR try_strptime({day}, '%Y-%m-%d') IS NOT NULL)"
        checks.append((f"type:{kind}", TYPE_MESSAGES[kind], f"NOT ({_full(FUZZY_DATE_PATTERN)} AND {real})"))
    elif kind == "boolean":
        checks.append((f"type:{kind}", TYPE_MESSAGES[kind], f"{V} NOT IN ('true', 'false')"))
    elif kind == "list":
        checks.append((f"type:{kind}", TYPE_MESSAGES[kind], f"regexp_full_match({V}, '[\\s\\pZ]*')"))
    if field.pattern:
        pattern = field.pattern.removeprefix("^").removesuffix("$")
        checks.append(("pattern", f"does not have the expected form (pattern {field.pattern})", f"NOT {_full(pattern)}"))
    if field.enum:
        checks.append(
            (
                "enum",
                f"is not one of the allowed values: {', '.join(field.enum)}",
                f"{V} NOT IN ({', '.join(map(literal, field.enum))})",
            )
        )
    if field.minimum is not None:
        checks.append(("minimum", f"must be at least {field.minimum:g}", f"{_number()} < {field.minimum!r}"))
    if field.maximum is not None:
        checks.append(("maximum", f"must be at most {field.maximum:g}", f"{_number()} > {field.maximum!r}"))
    if field.exclusive_minimum is not None:
        checks.append(
            (
                "exclusiveMinimum",
                f"must be greater than {field.exclusive_minimum:g}",
                f"{_number()} <= {field.exclusive_minimum!r}",
            )
        )
    return checks


def _value_checks(
    table: Table, relation: str, unchecked: frozenset[str], control: bool = True
) -> tuple[str, list[tuple[str, str, str]]]:
    """One query, one pass over the table: each row's line, the indexes of the checks it fails, and
    its values; and each check's (column, message, rule), by index."""
    flags: list[str] = []
    checks: list[tuple[str, str, str]] = []
    columns: list[str] = []
    for field in table.fields:
        if field.name in unchecked:
            continue
        column = ident(field.name)
        columns.append(column)
        if field.required:
            flags.append(f"CASE WHEN {column} IS NULL THEN {len(checks)} END")
            checks.append((field.name, "is required but empty", "required"))
        for name, message, predicate in predicates(field, control):
            test = (
                f"list_bool_or(list_transform(string_split({column}, {literal(field.delimiter or ';')}), lambda item: "
                f"coalesce({predicate.replace(V, 'item')}, false)))"
                if field.is_list
                else f"coalesce({predicate.replace(V, column)}, false)"
            )
            flags.append(f"CASE WHEN {column} IS NOT NULL AND {test} THEN {len(checks)} END")
            checks.append((field.name, message, name.split(":")[-1]))
    if not flags:
        return "", checks
    query = (
        f"SELECT line, failed, {', '.join(columns)} FROM (SELECT line, list_filter([{', '.join(flags)}], lambda x: x IS NOT NULL) "
        f"AS failed, {', '.join(columns)} FROM {relation}) WHERE len(failed) > 0"
    )
    return query, checks


def _unique_parts(table: Table, relation: str, unchecked: frozenset[str]) -> list[tuple[list[str], str, str]]:
    """Per unique key: a query that says whether any value repeats (a hash aggregate, cheap), and one that
    names each repeat with the line of its first use (a window over the whole table, run only then)."""
    groups = [[f.name] for f in table.fields if f.unique and f.name not in unchecked]
    if len(table.primary_key) > 1 and not unchecked & set(table.primary_key):
        groups.append(list(table.primary_key))
    out = []
    for key in groups:
        joined = " || '|' || ".join(ident(c) for c in key)
        present = " AND ".join(f"{ident(c)} IS NOT NULL" for c in key)
        out.append(
            (
                key,
                f"SELECT EXISTS (SELECT 1 FROM {relation} WHERE {present} GROUP BY {joined} HAVING count(*) > 1)",
                f"SELECT line, value, first FROM (SELECT line, {joined} AS value, min(line) OVER (PARTITION BY {joined}) AS first, "
                f"count(*) OVER (PARTITION BY {joined}) AS n FROM {relation} WHERE {present}) WHERE n > 1 AND line > first",
            )
        )
    return out


def check_text(con: duckdb.DuckDBPyConnection, raw: RawTable, relation: str) -> list[Problem]:
    """Every single-table problem of one table's text in ``relation``, one per failing value; a
    repeated key is named at each repeat with the line where it is first used."""
    table, shown = raw.table, raw.shown_path
    query, checks = _value_checks(table, relation, raw.unchecked, raw.control)
    problems = []
    if query:
        cursor = con.execute(query)
        names = [d[0] for d in cursor.description]
        for line, failed, *values in cursor.fetchall():
            row = dict(zip(names[2:], values))
            for index in failed:
                column, message, rule = checks[index]
                value = None if rule == "required" else row[column]
                problems.append(Problem(shown, int(line), column, message, value, rule=rule))
    for key, any_repeat, sql in _unique_parts(table, relation, raw.unchecked):
        if not con.execute(any_repeat).fetchone()[0]:  # type: ignore[index]
            continue
        for line, value, first in con.execute(sql).fetchall():
            problems.append(
                Problem(shown, int(line), "+".join(key), f"is a duplicate of line {first} (must be unique)", value, rule="unique")
            )
    return [p for p in problems if p.line not in raw.unchecked_lines]
