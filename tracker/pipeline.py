"""The one path data takes: read CSVs, check columns, load into DuckDB, check rules, apply exceptions."""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import duckdb

from tracker import allowlist, build_files, database, text_tables
from tracker.column_sql import check_text
from tracker.ddl import literal
from tracker.load import RawTable, read_package, read_table
from tracker.problems import Problem, collapse
from tracker.progress import QUIET, Progress
from tracker.rules import RULES, key_expression, relations_read, run_rules
from tracker.schema import Package, load_package


@dataclass
class Outcome:
    problems: list[Problem]
    raws: dict[str, RawTable]
    con: duckdb.DuckDBPyConnection  # loaded database (strict when there were no column problems); closed after the `with`
    strict: bool
    skipped_rules: list[str]


@contextmanager
def _spill_directory(spill: Path | None) -> Iterator[str]:
    """DuckDB's spill directory: ``spill`` (a build's, beside its database), or one in the system's
    temporary folder named by this process, where the ones of dead processes are swept first."""
    if spill is not None:
        spill.mkdir(exist_ok=True)
        try:
            yield str(spill)
        finally:
            shutil.rmtree(spill, ignore_errors=True)
        return
    temp = Path(tempfile.gettempdir())
    for stale in temp.glob("tracker-duckdb-*"):
        match = re.match(r"tracker-duckdb-(\d+)-", stale.name)
        if match and stale.is_dir() and not build_files.alive(int(match.group(1))):
            shutil.rmtree(stale, ignore_errors=True)
    with tempfile.TemporaryDirectory(prefix=f"tracker-duckdb-{os.getpid()}-") as directory:
        yield directory


@contextmanager
def checked(
    data_dir: Path,
    shown_dir: str,
    target: str = ":memory:",
    package: Package | None = None,
    spill: Path | None = None,
    derive: bool = True,
    progress: Progress = QUIET,
    fingerprint: bool = True,
) -> Iterator[Outcome]:
    """Every problem in data_dir, as ``with checked(...) as outcome:``. The tables are loaded into
    ``target`` when the columns are clean; otherwise into memory with constraints relaxed, so the
    rules still run and report too (tables that would not fit DuckDB's memory cap go to a file of the
    spill directory instead of memory). The connection (and DuckDB's spill directory, ``spill`` when
    given) live for the ``with`` block: read the database inside it; the problems stay readable after it.
    The rules run on the tables and the views they read (commitment_totals); with ``derive`` the
    text is then dropped and every derived table made, which validation does not need, nor the files'
    SHA-256 (``fingerprint``) that a build records."""
    package = package or load_package()
    raws, problems = read_package(data_dir, package, shown_dir, fingerprint)
    with (
        _spill_directory(spill) as spill_dir,
        duckdb.connect(":memory:") as con,
    ):  # closed before its spill directory goes
        csv_bytes = sum(raw.size for raw in raws.values())
        limit_memory(con, spill_dir, csv_bytes)
        for name, raw in list(raws.items()):
            progress(f"reading {raw.shown_path}")
            if not text_tables.create(con, raw) and raw.source is not None:  # not plain after all: record by record, to say where
                again, found = read_table(raw.source, raw.table, raw.shown_path, by_records=True)
                problems = [p for p in problems if p.file != raw.shown_path] + found
                raws[name] = again
                text_tables.create(con, again)
        for raw in raws.values():
            progress(f"checking the values of {raw.shown_path} ({raw.rows or 0:,} rows)")
            problems += check_text(con, raw, text_tables.relation(raw))
        strict = not problems
        tables = target if strict else ":memory:"
        if tables == ":memory:" and not fits_in_memory(csv_bytes):  # they would spill: a file holds them compressed
            tables = str(Path(spill_dir) / "tables.duckdb")
        if tables != ":memory:":  # the tables go to the file; the text stays in memory
            con.execute(f"ATTACH {literal(tables)} AS built")
            con.execute("USE built")
        total = sum(raw.rows or 0 for raw in raws.values())
        progress(f"loading {total:,} rows")
        known = database.load(con, package, raws, strict, relations_read(), progress)  # the tables, and what the rules read
        by_file = {raw.shown_path: name for name, raw in raws.items()}
        broken = {by_file[p.file] for p in problems if p.file in by_file}
        progress("checking the rules across tables")
        results, skipped = run_rules(con, package, broken)
        findings = _rule_problems(con, results, raws)
        accepted, list_problems = allowlist.read(data_dir, shown_dir, set(RULES))
        if skipped:  # their exceptions cannot be matched this time
            accepted = [e for e in accepted if e.rule not in skipped]
        problems += list_problems + allowlist.apply(findings, accepted, shown_dir)
        if derive:  # the findings have their lines: the text goes, and the derived tables get its memory
            for raw in raws.values():
                text_tables.drop(con, raw)
            database.derive(con, known, None, progress)
        progress.done()
        yield Outcome(collapse(problems), raws, con, strict, skipped)


def memory_cap(csv_bytes: int) -> int:
    """DuckDB's memory cap in bytes for CSV files of ``csv_bytes``: 700MB plus a quarter of their size beyond
    400 MB. That keeps validate and build under 1 GB at 10^6 events (243 MB of CSV) and gives the joins and
    sorts of 10^7 events (2.4 GB of CSV) 1.2 GB, which 700MB could not hold; a larger cap is faster
    (reports/benchmark.md). Typed tables in memory take about twice their CSV's size (490 MB at 10^6 events):
    beyond the cap, ``checked`` puts them in a database file of the spill directory, which stores them
    compressed and reads them back without spilling (at 10^7 events a validation took 128 s so, 156 s in memory)."""
    return (700 + max(0, csv_bytes - 400_000_000) // 4_000_000) * 1_000_000


def fits_in_memory(csv_bytes: int) -> bool:
    """Whether the typed tables of CSV files of ``csv_bytes`` fit DuckDB's memory cap (about twice their size)."""
    return 2 * csv_bytes <= memory_cap(csv_bytes)


def limit_memory(con: duckdb.DuckDBPyConnection, spill: str, csv_bytes: int = 0) -> None:
    """Cap DuckDB's memory (TRACKER_MEMORY_LIMIT, a DuckDB size such as 4GB, else ``memory_cap``) and let it
    spill to the directory ``spill`` beyond it, rather than take 80 % of the machine as it would by default."""
    mb = memory_cap(csv_bytes) // 1_000_000
    con.execute(f"SET memory_limit = '{os.environ.get('TRACKER_MEMORY_LIMIT', f'{mb}MB')}'")
    con.execute(f"SET temp_directory = '{spill}'")


def _rule_problems(con, results, raws: dict[str, RawTable]) -> list[Problem]:
    problems = []
    for name, findings in results:
        by_table: dict[str, list[tuple]] = {}
        for finding in findings:
            by_table.setdefault(finding[0], []).append(finding)
        for table_name, group in by_table.items():
            raw = raws[table_name]
            lines = _lines_of_keys(con, raw, {key for _, key, *_ in group})
            for _, key, column_name, value, message in group:
                if column_name in raw.unchecked:
                    continue  # its values are another column's, or none: the header's problem says so
                shown = None if value is None else str(value)
                problems.append(Problem(raw.shown_path, lines.get(key, 1), column_name, message, shown, rule=name, key=key))
    return problems


def _lines_of_keys(con: duckdb.DuckDBPyConnection, raw: RawTable, keys: set[str]) -> dict[str, int]:
    """CSV line of the first row having each primary key (as rules write keys: key_expression)."""
    key = key_expression(raw.table.primary_key)
    found = con.execute(
        f"SELECT k, min(line) FROM (SELECT {key} AS k, line FROM {text_tables.with_lines(con, raw)}) "
        "WHERE k IN (SELECT unnest(?::VARCHAR[])) GROUP BY k",
        [sorted(k for k in keys if k is not None)],
    ).fetchall()
    return {k: int(line) for k, line in found}
