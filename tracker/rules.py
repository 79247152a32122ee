"""Rules across columns and tables: small named checks, each stating the sentence it enforces.

A rule returns findings (table_name, key, column_name, value, message); most are one query in
sql/rules/<rule name>.sql, run against the tables as loaded into DuckDB.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import duckdb
import pandas as pd

from tracker.schema import Package

RULE_SQL = Path(__file__).parent / "sql" / "rules"
FINDING_COLUMNS = ["table_name", "key", "column_name", "value", "message"]

Rule = Callable[[duckdb.DuckDBPyConnection, Package], pd.DataFrame]
RULES: dict[str, Rule] = {}


def rule(function: Rule) -> Rule:
    RULES[function.__name__] = function
    return function


DERIVED_FROM = {"pledge_line_history": {"commitment_events", "deliveries"}}


def tables_read(name: str, package: Package) -> set[str]:
    """The data tables a rule reads (a derived table stands for the tables it is built from)."""
    if name in ("foreign_keys",):
        return set()  # ids are text: a malformed value elsewhere in a row cannot mislead it
    if name == "country_codes_are_iso":
        return {"donors"}
    sql = (RULE_SQL / f"{name}.sql").read_text(encoding="utf-8")
    names = set(re.findall(r"\b(?:FROM|JOIN)\s+([a-z_]+)", sql))
    tables = {t.name for t in package.tables}
    read = names & tables
    for derived, sources in DERIVED_FROM.items():
        if derived in names:
            read |= sources
    return read


def _query(con: duckdb.DuckDBPyConnection, name: str) -> pd.DataFrame:
    return con.sql((RULE_SQL / f"{name}.sql").read_text(encoding="utf-8")).df()


def key_expression(columns: tuple[str, ...]) -> str:
    if len(columns) == 1:
        return f"CAST({columns[0]} AS VARCHAR)"
    return "concat_ws('|', " + ", ".join(f"CAST({c} AS VARCHAR)" for c in columns) + ")"


@rule
def foreign_keys(con, package):
    """Every reference names an existing row: a donor, system, family, line, meeting or source
    that is declared in its own table (for lists, every item)."""
    parts = []
    for table in package.tables:
        for fk in table.foreign_keys:
            field = table.field(fk.field)
            values = f"unnest({fk.field})" if field.is_list else fk.field
            message = f"is not in {fk.table}.csv (no {fk.ref_field} with this value)"
            parts.append(
                f"SELECT '{table.name}' AS table_name, {key_expression(table.primary_key)} AS key, "
                f"'{fk.field}' AS column_name, v AS value, '{message}' AS message "
                f"FROM (SELECT *, {values} AS v FROM {table.name}) "
                f"WHERE v IS NOT NULL AND v NOT IN (SELECT {fk.ref_field} FROM {fk.table} WHERE {fk.ref_field} IS NOT NULL)"
            )
    return con.sql("\nUNION ALL\n".join(parts)).df()


@rule
def country_codes_are_iso(con, package):
    """A country donor is keyed by its ISO 3166-1 alpha-3 code with the matching alpha-2 code; a
    donor that is not a country uses a code ISO leaves to users (AAA-AAZ, QMA-QZZ, XAA-XZZ, ZZA-ZZZ)."""
    import pycountry

    findings = []
    donors = con.sql("SELECT donor_id, donor_type, iso_alpha2 FROM donors WHERE donor_id IS NOT NULL").fetchall()
    for donor_id, donor_type, alpha2 in donors:
        country = pycountry.countries.get(alpha_3=donor_id)
        if donor_type == "country" and country is None:
            findings.append((donor_id, "donor_id", donor_id, "is not an ISO 3166-1 alpha-3 country code"))
        elif donor_type == "country" and alpha2 is not None and alpha2 != country.alpha_2:
            findings.append((donor_id, "iso_alpha2", alpha2, f"does not match {donor_id}: ISO 3166-1 gives {country.alpha_2}"))
        elif donor_type != "country" and not _user_assigned(donor_id):
            findings.append((donor_id, "donor_id", donor_id,
                             "must be a user-assigned code (e.g. XEU) for a donor that is not a country"))
    return pd.DataFrame([("donors", *f) for f in findings], columns=FINDING_COLUMNS)


def _user_assigned(code: str) -> bool:
    return code[:2] == "AA" or "QMA" <= code <= "QZZ" or code[0] == "X" or code[:2] == "ZZ"


def _sql_rule(name: str, sentence: str) -> None:
    def check(con, package):
        return _query(con, name)

    check.__name__ = name
    check.__doc__ = sentence
    RULES[name] = check


def _sentence(name: str) -> str:
    lines = (RULE_SQL / f"{name}.sql").read_text(encoding="utf-8").splitlines()
    return " ".join(line.removeprefix("--").strip() for line in lines if line.startswith("--"))


for _name in ["events_in_date_order", "event_totals_match_types", "events_on_distinct_dates",
              "delivered_within_committed", "deliveries_after_announcement",
              "training_ends_after_start", "line_unit_matches_system", "whole_units",
              "joint_pledge_shares_add_up", "meeting_events_on_meeting_days", "line_id_names_donor"]:
    _sql_rule(_name, _sentence(_name))


def run_rules(con, package, broken_tables: set[str] = frozenset()) -> tuple[list[tuple[str, pd.DataFrame]], list[str]]:
    """Every rule's findings by rule name, and the rules skipped because a table they read has
    values that could not be read (their findings would be consequences of those values)."""
    results, skipped = [], []
    for name, check in RULES.items():
        if tables_read(name, package) & broken_tables:
            skipped.append(name)
        else:
            results.append((name, check(con, package)))
    return results, skipped
