"""Rules across columns and tables: small named checks, each stating the sentence it enforces.

A rule returns findings (table_name, key, column_name, value, message); most are one query in
sql/rules/<rule name>.sql, run against the tables as loaded into DuckDB.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path

import duckdb

from tracker.schema import Package, load_package

RULE_SQL = files("tracker") / "sql" / "rules"  # read when a rule is first asked for, not at import
FINDING_COLUMNS = ["table_name", "key", "column_name", "value", "message"]
# A view a rule reads stands for the tables it is built from when deciding what the rule reads.
DERIVED_FROM = {"commitment_totals": {"commitment_events"}}


@dataclass(frozen=True)
class Rule:
    name: str
    sentence: str
    reads: frozenset[str]  # data tables whose unreadable values would make findings misleading
    check: Callable[[duckdb.DuckDBPyConnection, Package], list[tuple]]  # findings: rows of FINDING_COLUMNS


_PYTHON_RULES: dict[str, Rule] = {}


def rule(reads: set[str]):
    def register(function):
        _PYTHON_RULES[function.__name__] = Rule(function.__name__, " ".join(function.__doc__.split()), frozenset(reads), function)
        return function

    return register


def key_expression(columns: tuple[str, ...]) -> str:
    if len(columns) == 1:
        return f"CAST({columns[0]} AS VARCHAR)"
    return "concat_ws('|', " + ", ".join(f"CAST({c} AS VARCHAR)" for c in columns) + ")"


@rule(reads=set())  # ids are text: a malformed value elsewhere in a row cannot mislead it
def foreign_keys(con, package):
    """Every reference names an existing row: a donor, system, family, line, meeting or source
    that is declared in its own table (for lists, every item)."""
    found = []
    for table in package.tables:  # one query per reference: a third faster than their UNION ALL at 10^6 events
        for fk in table.foreign_keys:
            field = table.field(fk.field)
            values = f"unnest({fk.field})" if field.is_list else fk.field
            message = f"is not in {fk.table}.csv (no {fk.ref_field} with this value)"
            found += con.execute(  # an anti join: a third faster than NOT IN, whose mark join also keeps NULLs apart
                f"SELECT '{table.name}' AS table_name, {key_expression(table.primary_key)} AS key, "
                f"'{fk.field}' AS column_name, v AS value, '{message}' AS message "
                f"FROM (SELECT {', '.join(table.primary_key)}, {values} AS v FROM {table.name}) AS t "
                f"ANTI JOIN {fk.table} AS r ON r.{fk.ref_field} = t.v WHERE t.v IS NOT NULL"
            ).fetchall()
    return found


@rule(reads={"donors"})
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
            findings.append(
                (donor_id, "donor_id", donor_id, "must be a user-assigned code (e.g. XEU) for a donor that is not a country")
            )
    return [("donors", *f) for f in findings]


def _user_assigned(code: str) -> bool:
    return code[:2] == "AA" or "QMA" <= code <= "QZZ" or code[0] == "X" or code[:2] == "ZZ"


def _sql_rule(path: Traversable, data_tables: set[str]) -> Rule:
    """A rule that is one query: its header comment is its sentence; the tables it reads come from the query."""
    sql = path.read_text(encoding="utf-8")
    sentence = " ".join(line.removeprefix("--").strip() for line in sql.splitlines() if line.startswith("--"))
    names = set(re.findall(r"\b(?:FROM|JOIN)\s+([a-z_]+)", sql))
    reads = (names & data_tables).union(*(DERIVED_FROM[n] for n in names & DERIVED_FROM.keys()))
    name = path.name.removesuffix(".sql")
    return Rule(name, sentence, frozenset(reads), lambda con, package: con.sql(sql).fetchall())


@cache
def relations_read() -> set[str]:
    """The tables, views and macros that the SQL rules read: what a validation must derive."""
    from tracker.sql_order import parse

    files = [parse(Path(str(p)), p.name) for p in RULE_SQL.iterdir() if p.name.endswith(".sql")]
    return {name for f in files for name in (*f.relations, *f.calls)}


@cache
def all_rules() -> dict[str, Rule]:
    """Every rule by name: the Python rules above, then one per file of sql/rules/ (read on first call)."""
    data_tables = {t.name for t in load_package().tables}
    sql_rules = [_sql_rule(p, data_tables) for p in sorted(RULE_SQL.iterdir(), key=lambda p: p.name) if p.name.endswith(".sql")]
    return {**_PYTHON_RULES, **{r.name: r for r in sql_rules}}


class _Rules(Mapping[str, Rule]):
    """RULES reads like a dict of every rule but loads them on first use, so importing reads no file."""

    def __getitem__(self, name: str) -> Rule:
        return all_rules()[name]

    def __iter__(self) -> Iterator[str]:
        return iter(all_rules())

    def __len__(self) -> int:
        return len(all_rules())


RULES: Mapping[str, Rule] = _Rules()


def run_rules(con, package, broken_tables: set[str] = frozenset()) -> tuple[list[tuple[str, list[tuple]]], list[str]]:
    """Every rule's findings by rule name, and the rules skipped because a table they read has
    values that could not be read (their findings would be consequences of those values)."""
    results, skipped = [], []
    for r in all_rules().values():
        if r.reads & broken_tables:
            skipped.append(r.name)
        else:
            results.append((r.name, r.check(con, package)))
    return results, skipped
