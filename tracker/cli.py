"""The `tracker` command: validate, build, sql, fmt, diff, export, import, compare, serve, generate, synthesize, benchmark, propose, accept."""

from __future__ import annotations

import argparse
import errno
import os
import re
import sys
from pathlib import Path

from tracker.problems import UserError, printable
from tracker.progress import Progress

EXAMPLES = {
    "validate": (
        "examples:\n  tracker validate\n  tracker validate --data path/to/data --format json\n"
        "  tracker validate --format github   # in a GitHub workflow: each problem shown on its line"
    ),
    "build": "examples:\n  tracker build\n  tracker build --data data --db build/tracker.duckdb",
    "sql": (
        "examples:\n  tracker sql \"SELECT donor, committed FROM pledge_lines_as_of(DATE '2023-02-14') "
        'WHERE system_family = \'leopard-2\'"\n  tracker sql --csv "SELECT * FROM claim_reconciliation"'
    ),
    "fmt": "examples:\n  tracker fmt           # rewrite data/*.csv canonically\n  tracker fmt --check   # show what would change; exit 1 if anything would",
    "diff": (
        "examples:\n  tracker diff                  # HEAD against the files on disk\n"
        "  tracker diff v1.1.0           # a tag against the files on disk\n"
        "  tracker diff HEAD~1 HEAD --format json\n\n"
        "Rows are matched by primary key and values compared as CSV text, so reordering rows or columns\n"
        "or changing line endings is not a change. Exits 0 whether or not anything differs, 1 when a table\n"
        "could not be compared (a CSV that is not valid CSV or repeats a key), 2 for an unknown revision."
    ),
    "export": (
        "examples:\n  tracker export --format parquet exports/\n"
        "  tracker export --format xlsx --as-of 2023-02-14 exports/\n\n"
        "Writes every table, derived table and view, and each table macro called for --as-of (default:\n"
        "today), with export_dictionary (every column's type and meaning) and a README beside them;\n"
        "csv adds datapackage.json. xlsx writes one workbook, tracker.xlsx, with a sheet per part."
    ),
    "import": (
        "examples:\n  tracker import kiel reference/kiel-ust-main-data/kiel_bilateral_main_data_retrieved_2024-08-06.csv\n"
        "      # the release data/ holds: changes nothing, rewrites reports/kiel_import_review.md\n"
        "  tracker import kiel Ukraine_Support_Tracker.xlsx --release-date 2025-02-13 --dry-run\n"
        "      # what a newer release would change\n\n"
        "Lines the importer writes have origin 'kiel' and are rewritten on every import; set a line's\n"
        "origin to 'curated' to keep it by hand. Anomalies go to the review report, never fixed silently."
    ),
    "compare": (
        "examples:\n  tracker compare kiel reference/kiel-ust-website/weapons.csv \\\n"
        "      --main-sheet reference/kiel-ust-main-data/kiel_bilateral_main_data_retrieved_2024-08-06.csv\n"
        "  tracker compare kiel-totals reference/kiel-ust-website/data_explorer.csv \\\n"
        "      --main-sheet reference/kiel-ust-main-data/kiel_bilateral_main_data_retrieved_2024-08-06.csv\n\n"
        "Exits 1 when a difference has no explanation in data/kiel_comparison_notes.csv."
    ),
    "serve": (
        "examples:\n  tracker serve                 # build if needed, then http://127.0.0.1:8050\n"
        "  tracker serve --port 8060 --no-build\n"
        "  tracker serve --workers 2     # one process per core (gunicorn), each with its own cache\n\n"
        "The database is rebuilt first when it is missing or older than a CSV, schema or SQL file; if the\n"
        "data has problems the previous database is served unchanged. A rebuilt database is picked up\n"
        "by the running server on the next page view."
    ),
    "generate": "examples:\n  tracker generate          # rewrite the DDL file, docs/ data dictionary and SQL reference, datapackage.json and the README's counts\n  tracker generate --check  # exit 1 if they drifted",
    "benchmark": (
        "examples:\n  tracker benchmark                          # 10^3 ... 10^6, about ten minutes\n"
        "  tracker benchmark --scales 1e3,1e4,1e5,1e6,1e7 --out reports/benchmark.md\n"
        "  tracker benchmark --scales 1e3 --out /tmp/smoke.md\n\n"
        "At each scale: writes synthetic data (tracker synthesize), then measures the floor (DuckDB\n"
        "read_csv, no checks), tracker validate and tracker build (time and peak memory, each in its own\n"
        "process), frictionless validate (up to --peer-max events), pledge_lines_as_of(d) and\n"
        "commitment_timeline, every dashboard callback's server time, and tracker --help. Writes a\n"
        "markdown table with the machine's description and a JSON file beside it, after every scale."
    ),
    "synthesize": (
        "examples:\n  tracker synthesize bench/data --events 1e6\n"
        "  tracker synthesize /tmp/small --events 10_000 --seed 7\n"
        "  tracker validate --data bench/data\n\n"
        "Writes every table of the data package, valid and in `tracker fmt` form, with about N commitment\n"
        "events and everything they need (lines, deliveries, sources, donors, systems ...). The same N and\n"
        "seed always give the same files; existing CSVs of the package in DIR are overwritten."
    ),
    "propose": (
        "examples:\n  tracker propose article.txt --published 2023-02-14 --url https://www3.nhk.or.jp/...\n"
        "  pbpaste | tracker propose - --lang de --format json\n"
        "  tracker propose --feed reference/pun-aid-newsfeed/aid_news_feed_2022-2026.csv --from 2022-01-01 --to 2023-12-31 --out review.csv\n\n"
        "Each candidate row says what it is (announced, increased, delivered, claim, training, meeting), who\n"
        "gives what, how many and when, the sentence it came from with its offsets, its status against\n"
        "data/ (recorded, increase, conflict or new) and a confidence with the reasons it is lower.\n"
        "Relative dates (yesterday, on Monday, 13日) need --published. Works offline."
    ),
    "accept": (
        "examples:\n  tracker accept review.csv           # rows marked 'accepted' in the decision column\n\n"
        "Appends the accepted announced, increased and delivered rows and claims to data/, with a source row\n"
        "for each article and a pledge line where the donor has none for the system, then validates. If the\n"
        "data would have a problem, nothing is changed and the problems are printed."
    ),
}


def _data_dir(args) -> tuple[Path, str]:
    shown = (args.data or "data").rstrip("/") or "/"
    path = Path(shown)
    if not path.is_dir():
        raise UserError(f"{shown}: data directory not found (run from the project directory or pass --data DIR)")
    return path, shown


def cmd_validate(args) -> int:
    from tracker.pipeline import checked
    from tracker.problems import render_json, render_text

    data_dir, shown = _data_dir(args)
    with checked(data_dir, shown, derive=False, progress=Progress(), fingerprint=False) as outcome:
        pass  # only the problems are wanted: the database closes here
    if args.format == "github":
        from tracker.annotations import render as render_github

        print(render_github(outcome.problems))
    else:
        print(render_json(outcome.problems) if args.format == "json" else render_text(outcome.problems))
    _report_skipped(outcome)
    return 1 if outcome.problems else 0


def _report_skipped(outcome) -> None:
    if outcome.skipped_rules:
        print(
            "not checked until the problems above are fixed (they read a table with unreadable values): "
            + ", ".join(outcome.skipped_rules),
            file=sys.stderr,
        )


def cmd_build(args) -> int:
    from tracker.build import build
    from tracker.database import db_path
    from tracker.problems import render_text

    data_dir, shown = _data_dir(args)
    db = db_path(args.db)
    outcome = build(data_dir, shown, db, Progress())
    if outcome.problems:
        print(render_text(outcome.problems))
        _report_skipped(outcome)
        kept = f"the previous database {db} is unchanged" if db.exists() else f"no database was written to {db}"
        print(f"build failed: {kept}", file=sys.stderr)
        return 1
    rows = sum(r.rows or 0 for r in outcome.raws.values())
    print(f"built {db} from {len(outcome.raws)} tables, {rows} rows")
    return 0


def cmd_sql(args) -> int:
    import duckdb

    from tracker.database import connect_read_only
    from tracker.output import render

    with connect_read_only(args.db, sandboxed=not args.full_session) as con:
        try:
            relation = con.sql(args.query)
            if relation is None and args.full_session:
                return 0  # COPY ... TO, ATTACH, SET: done, nothing to print
            if relation is None:
                raise UserError("the statement returned no rows (the database is read-only: use SELECT)")
            print(render(relation.columns, relation.fetchall(), args.output))
        except duckdb.Error as error:
            message = str(error).splitlines()[0]
            if (
                not args.full_session
                and isinstance(error, duckdb.PermissionException | duckdb.InvalidInputException)
                and ("disabled" in message or "locked" in message)
            ):
                message += " (tracker sql reads only the database: pass --full-session for files, extensions and SET)"
            raise UserError(f"SQL error: {message}") from None
    return 0


def cmd_fmt(args) -> int:
    from tracker.fmt import diff, plan
    from tracker.schema import load_package

    data_dir, shown = _data_dir(args)
    status = 0
    for rewrite in plan(data_dir, shown, load_package()):
        if rewrite.after is None:
            print(f"{rewrite.shown}: left as it is: {rewrite.reason}", file=sys.stderr)
            status = 1
        elif rewrite.changed and args.check:
            print(diff(rewrite), end="")
            status = 1
        elif rewrite.changed:
            rewrite.path.write_text(rewrite.after, encoding="utf-8", newline="")
            print(f"formatted {rewrite.shown}")
    return status


def cmd_diff(args) -> int:
    from tracker.diff import changelog, render_json, render_text
    from tracker.git_files import WORKING_TREE, locate
    from tracker.schema import load_package

    data_dir, shown = _data_dir(args)
    repo = locate(data_dir, shown)
    old = repo.resolve(args.rev_a or "HEAD")
    new = repo.resolve(args.rev_b) if args.rev_b else WORKING_TREE
    log = changelog(load_package(), repo, repo.prefix or "./", old, new)
    print(render_json(log) if args.format == "json" else render_text(log))
    return 1 if log.errors else 0


def cmd_export(args) -> int:
    from datetime import date

    from tracker.database import connect_read_only
    from tracker.export import export

    try:
        as_of = date.fromisoformat(args.as_of) if args.as_of else date.today()
    except ValueError:
        raise UserError(f"--as-of must be a date (YYYY-MM-DD), got {args.as_of!r}") from None
    with connect_read_only(args.db) as con:
        counts = export(con, Path(args.dir), args.format, as_of)
    print(
        f"exported {len(counts)} tables, views and macros ({sum(counts.values())} rows) to {args.dir} as {args.format}, "
        f"macros as of {as_of.isoformat()}; column meanings in export_dictionary"
    )
    return 0


def cmd_import(args) -> int:
    from collections import Counter
    from datetime import date

    from tracker.kiel.importer import run

    data_dir, _ = _data_dir(args)
    try:
        first = date.fromisoformat(args.date_from)
        last = date.fromisoformat(args.date_to) if args.date_to else None
    except ValueError:
        raise UserError(f"--from/--to must be dates (YYYY-MM-DD), got {args.date_from!r} and {args.date_to!r}") from None
    result = run(Path(args.file), args.file, data_dir, first, last, args.release_date, args.dry_run)
    report = Path(args.report)
    report.parent.mkdir(parents=True, exist_ok=True)
    report.write_text(result.report, encoding="utf-8")
    tally = Counter(c.kind for c in result.changes)
    counts = ", ".join(f"{n} {k}" for k, n in sorted(result.counts.items()))
    verb = "would change" if args.dry_run else "changed"
    summary = ", ".join(f"{tally[k]} {k}" for k in ("added", "changed", "removed") if tally[k]) or "nothing"
    print(f"{args.file}: {counts}")
    print(f"{verb} {summary}; {result.findings} findings for review in {report}")
    return 0


COMPARISON_REPORTS = {"kiel": "reports/kiel_comparison.md", "kiel-totals": "reports/kiel_totals.md"}


def cmd_compare(args) -> int:
    """Write the comparison report; list each difference without an explanation; exit 1 if any."""
    from tracker.database import connect_read_only
    from tracker.kiel import compare, totals

    published = Path(args.file)
    if not published.is_file():
        raise UserError(f"{args.file}: file not found")
    main_sheet = Path(args.main_sheet) if args.main_sheet else None
    rows: list[compare.Row] | list[totals.Row]
    with connect_read_only(args.db) as con:
        if args.kind == "kiel-totals":
            rows = totals.compare(con, published, main_sheet)
            text = totals.render(rows, published, main_sheet)
        else:
            weapon_rows = compare.compare(con, published, args.as_of, args.release, main_sheet)
            rows, text = weapon_rows, compare.render(weapon_rows, args.as_of, args.release, published)
    out = Path(args.out or COMPARISON_REPORTS[args.kind])
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(text, encoding="utf-8")
    unexplained = [r for r in rows if r.differs and not r.reason]
    for r in unexplained:
        print(r.missing, file=sys.stderr)
    pairs, alike = ("donor-year", "within 10 %") if args.kind == "kiel-totals" else ("donor-category", "agree")
    print(
        f"wrote {out}: {len(rows)} {pairs} pairs, {sum(not r.differs for r in rows)} {alike}, "
        f"{sum(r.differs for r in rows)} differ, {len(unexplained)} unexplained"
    )
    return 1 if unexplained else 0


def cmd_serve(args) -> int:
    from tracker.database import db_path
    from tracker.serve import serve

    data_dir, shown = _data_dir(args)
    return serve(data_dir, shown, db_path(args.db), args.host, args.port, build_first=not args.no_build, workers=args.workers)


def cmd_generate(args) -> int:
    from tracker import generate

    if args.check:
        drifted = generate.drifted()
        for path in drifted:
            print(f"{path}: out of date with schemas/ (run `tracker generate`)")
        return 1 if drifted else 0
    for path in generate.write():
        print(f"wrote {path}")
    return 0


def _count(text: str) -> int:
    """A positive whole number written as 1000, 1_000 or 1e3."""
    try:
        value = int(text)
    except ValueError:
        try:
            number = float(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"expected a whole number such as 1000, 1_000 or 1e3, got {text!r}") from None
        if not number.is_integer():
            raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from None
        value = int(number)
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, got {text!r}")
    return value


def cmd_benchmark(args) -> int:
    from tracker.benchmark.run import run

    scales = [_count(s) for s in args.scales.split(",") if s.strip()]
    results = run(
        scales,
        Path(args.out),
        Path(args.work),
        seed=args.seed,
        repeat=args.repeat,
        peer_max=args.peer_max,
        keep=args.keep,
        say=lambda text: print(text, file=sys.stderr, flush=True),
        limit_mb=args.memory_limit * 1024 if args.memory_limit else None,
        merge=args.merge,
    )
    failed = [f for r in results for f in r.failures]
    print(
        f"wrote {args.out} and {Path(args.out).with_suffix('.json')}: {len(results)} scales"
        + (f", {len(failed)} failures (listed in the file)" if failed else "")
    )
    return 1 if failed else 0


def cmd_synthesize(args) -> int:
    from tracker.schema import load_package
    from tracker.synthetic import generate

    out = Path(args.dir)
    rows = generate(out, args.events, args.seed)
    files = [out / load_package().table(name).filename for name in rows]
    megabytes = sum(f.stat().st_size for f in files) / 2**20
    named = ["commitment_events", "deliveries", "pledge_lines", "sources", "donors", "systems"]
    others = {k: v for k, v in rows.items() if k not in named}
    print(
        f"wrote {args.dir}: {rows['commitment_events']} commitment events, {rows['deliveries']} deliveries, "
        f"{rows['pledge_lines']} pledge lines, {rows['sources']} sources, {rows['donors']} donors, "
        f"{rows['systems']} systems and {sum(others.values())} rows in {len(others)} other tables "
        f"({len(files)} files, {megabytes:.1f} MB)"
    )
    return 0


def cmd_propose(args) -> int:
    from tracker.propose.commands import main_propose

    return main_propose(args)


def cmd_accept(args) -> int:
    from tracker.propose.commands import main_accept

    return main_accept(args)


def parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--data", metavar="DIR", help="directory of the CSV tables (default: ./data)")
    common.add_argument("--db", metavar="PATH", help="DuckDB file (default: $TRACKER_DB or ./build/tracker.duckdb)")
    top = argparse.ArgumentParser(
        prog="tracker",
        description="Military aid commitments tracker: validate the CSVs in data/, build them into DuckDB, query them.",
    )
    sub = top.add_subparsers(dest="command", required=True, metavar="COMMAND")
    raw = argparse.RawDescriptionHelpFormatter

    p = sub.add_parser(
        "validate",
        parents=[common],
        help="report every problem in the data, one per line",
        epilog=EXAMPLES["validate"],
        formatter_class=raw,
    )
    p.add_argument(
        "--format",
        choices=["text", "json", "github"],
        default="text",
        help="text (default), json for machines, or github (workflow annotations, one per problem)",
    )
    p.set_defaults(run=cmd_validate)

    p = sub.add_parser(
        "build",
        parents=[common],
        help="validate, then build the DuckDB database atomically",
        epilog=EXAMPLES["build"],
        formatter_class=raw,
    )
    p.set_defaults(run=cmd_build)

    p = sub.add_parser(
        "sql", parents=[common], help="run read-only SQL on the database", epilog=EXAMPLES["sql"], formatter_class=raw
    )
    p.add_argument("query", help="SQL to run")
    out = p.add_mutually_exclusive_group()
    out.add_argument("--csv", dest="output", action="store_const", const="csv", help="print CSV")
    out.add_argument("--json", dest="output", action="store_const", const="json", help="print JSON")
    p.add_argument(
        "--full-session",
        action="store_true",
        help="allow what is off by default: reading and writing files (COPY ... TO, read_csv, ATTACH), "
        "URLs, installing and loading extensions, and SET (the database itself stays read-only)",
    )
    p.set_defaults(run=cmd_sql, output="table")

    p = sub.add_parser(
        "fmt",
        parents=[common],
        help="rewrite the CSVs canonically without changing a value",
        epilog=EXAMPLES["fmt"],
        formatter_class=raw,
    )
    p.add_argument("--check", action="store_true", help="print the diff instead of writing; exit 1 if anything would change")
    p.set_defaults(run=cmd_fmt)

    p = sub.add_parser(
        "diff",
        parents=[common],
        help="list the rows added, changed and removed between two git revisions",
        epilog=EXAMPLES["diff"],
        formatter_class=raw,
    )
    p.add_argument("rev_a", nargs="?", metavar="REV_A", help="revision to compare from (default HEAD)")
    p.add_argument("rev_b", nargs="?", metavar="REV_B", help="revision to compare to (default: the files on disk)")
    p.add_argument("--format", choices=["text", "json"], default="text", help="text (default, markdown) or json for machines")
    p.set_defaults(run=cmd_diff)

    p = sub.add_parser(
        "export",
        parents=[common],
        help="write every table and view as parquet, csv or xlsx with the data dictionary",
        epilog=EXAMPLES["export"],
        formatter_class=raw,
    )
    p.add_argument("dir", help="directory to write to (created if missing; files in it are overwritten)")
    p.add_argument("--format", choices=["parquet", "csv", "xlsx"], default="parquet", help="parquet (default), csv or xlsx")
    p.add_argument("--as-of", help="date the table macros are called for (YYYY-MM-DD; default today)")
    p.set_defaults(run=cmd_export)

    p = sub.add_parser(
        "import",
        parents=[common],
        help="import a release of another tracker (kiel) into data/",
        epilog=EXAMPLES["import"],
        formatter_class=raw,
    )
    p.add_argument(
        "kind", choices=["kiel"], help="whose release: kiel (Kiel Ukraine Support Tracker, xlsx or CSV of its main sheet)"
    )
    p.add_argument("file", help="the release file")
    p.add_argument("--from", dest="date_from", default="2014-01-01", help="first announcement date imported (default 2014-01-01)")
    p.add_argument("--to", dest="date_to", help="last announcement date imported (default: the release date)")
    p.add_argument("--release-date", help="date of the release (default: its 'retrieved' column or a date in the file name)")
    p.add_argument(
        "--report",
        default="reports/kiel_import_review.md",
        help="where to write the review report (default reports/kiel_import_review.md)",
    )
    p.add_argument("--dry-run", action="store_true", help="report what would change without writing data/")
    p.set_defaults(run=cmd_import)

    p = sub.add_parser(
        "compare",
        parents=[common],
        help="compare our per-donor counts with another tracker's published counts (kiel)",
        epilog=EXAMPLES["compare"],
        formatter_class=raw,
    )
    p.add_argument(
        "kind",
        choices=["kiel", "kiel-totals"],
        help="kiel: the Kiel website's weapons.csv (donor x category counts); "
        "kiel-totals: its data_explorer.csv (EUR per donor and month), written to reports/kiel_totals.md",
    )
    p.add_argument("file", help="the published counts file")
    p.add_argument("--as-of", default="2023-12-31", help="date our counts are taken at (default 2023-12-31)")
    p.add_argument(
        "--release",
        default="2024-08-06",
        help="date of the Kiel release imported, for Kiel-reported deliveries (default 2024-08-06)",
    )
    p.add_argument("--main-sheet", metavar="FILE", help="the Kiel main-sheet release we import, to show its counts beside both")
    p.add_argument(
        "--out",
        help="where to write the report (default reports/kiel_comparison.md; reports/kiel_totals.md for kiel-totals)",
    )
    p.set_defaults(run=cmd_compare)

    p = sub.add_parser(
        "serve",
        parents=[common],
        help="build the database if needed and serve the dashboard",
        epilog=EXAMPLES["serve"],
        formatter_class=raw,
    )
    p.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1: this machine only)")
    p.add_argument("--port", type=int, default=8050, help="port (default 8050)")
    p.add_argument("--no-build", action="store_true", help="serve the existing database as it is")
    p.add_argument(
        "--workers",
        type=_count,
        default=1,
        help="server processes (default 1: waitress, threads only); N > 1 runs gunicorn with N processes, about one per core",
    )
    p.set_defaults(run=cmd_serve)

    p = sub.add_parser(
        "benchmark",
        help="measure validate, build, queries and the dashboard from 10^3 to 10^7 events",
        epilog=EXAMPLES["benchmark"],
        formatter_class=raw,
    )
    p.add_argument(
        "--scales", default="1e3,1e4,1e5,1e6", help="numbers of commitment events, comma-separated (default 1e3,1e4,1e5,1e6)"
    )
    p.add_argument("--out", default="reports/benchmark.md", help="results file (default reports/benchmark.md; JSON beside it)")
    p.add_argument(
        "--work", default="build/benchmark", help="where the synthetic data and databases go (default build/benchmark)"
    )
    p.add_argument("--seed", type=int, default=0, help="seed of the synthetic data (default 0)")
    p.add_argument("--repeat", type=int, default=5, help="runs per query and callback timing, median reported (default 5)")
    p.add_argument("--peer-max", type=_count, default=100_000, help="largest scale frictionless validate runs at (default 1e5)")
    p.add_argument("--keep", action="store_true", help="keep each scale's data directory")
    p.add_argument(
        "--merge", action="store_true", help="keep the scales of an earlier run in --out that this run does not measure"
    )
    p.add_argument(
        "--memory-limit",
        type=float,
        default=16,
        metavar="GB",
        help="stop validate or build when its resident memory passes this (default 16; 0 for none)",
    )
    p.set_defaults(run=cmd_benchmark)

    p = sub.add_parser(
        "generate",
        help="regenerate the DDL file, the docs/ reference pages, datapackage.json and the README's counts from schemas/ and data/",
        epilog=EXAMPLES["generate"],
        formatter_class=raw,
    )
    p.add_argument("--check", action="store_true", help="exit 1 if a generated artefact is out of date")
    p.set_defaults(run=cmd_generate)

    p = sub.add_parser(
        "synthesize",
        help="write a valid synthetic data directory of any size, for benchmarks",
        epilog=EXAMPLES["synthesize"],
        formatter_class=raw,
    )
    p.add_argument("dir", help="directory to write the CSVs to (created if missing)")
    p.add_argument(
        "--events", type=_count, required=True, metavar="N", help="commitment events to generate (1000, 1_000_000 or 1e6)"
    )
    p.add_argument("--seed", type=int, default=0, help="random seed (default 0); the same N and seed give the same files")
    p.set_defaults(run=cmd_synthesize)

    p = sub.add_parser(
        "propose",
        parents=[common],
        help="read news articles (ja, de, uk, ru, en, fr, pl) and print candidate rows for the record",
        epilog=EXAMPLES["propose"],
        formatter_class=raw,
    )
    p.add_argument("files", nargs="*", metavar="FILE", help="article texts, plain text in UTF-8 (- for standard input)")
    p.add_argument(
        "--published", metavar="YYYY-MM-DD", help="the articles' publication date: relative dates are resolved against it"
    )
    p.add_argument("--url", help="the article's address (kept with the candidates)")
    p.add_argument("--lang", default="auto", help="auto (default: detected), or ja, de, uk, ru, en, fr, pl")
    p.add_argument(
        "--format",
        choices=["table", "csv", "json"],
        default="table",
        help="table (default), json, or csv: a review file for tracker accept",
    )
    p.add_argument("--feed", metavar="CSV", help="a news feed (date, text_en/text_uk or text, source_url): write a review CSV")
    p.add_argument(
        "--out", default="review.csv", metavar="REVIEW.csv", help="where --feed writes its review (default review.csv)"
    )
    p.add_argument("--from", dest="since", metavar="YYYY-MM-DD", help="--feed: only items of this day or later")
    p.add_argument("--to", dest="until", metavar="YYYY-MM-DD", help="--feed: only items of this day or earlier")
    p.set_defaults(run=cmd_propose)

    p = sub.add_parser(
        "accept",
        parents=[common],
        help="append the candidate rows marked accepted in a review CSV to data/, then validate",
        epilog=EXAMPLES["accept"],
        formatter_class=raw,
    )
    p.add_argument("review", metavar="REVIEW.csv", help="a review file written by tracker propose --feed")
    p.set_defaults(run=cmd_accept)
    return top


WRITE_FAILURES = (errno.ENOSPC, errno.EFBIG, errno.EDQUOT)  # a full disk, a file-size limit, a quota


def _write_failure(error: Exception) -> str | None:
    """The file and reason of a write that the machine refused, from Python's OSError or DuckDB's IO
    error (which names the file, then the system's text for the error); else None."""
    if isinstance(error, OSError) and error.errno in WRITE_FAILURES:
        return f"{error.filename or 'a file'} ({os.strerror(error.errno)})"
    import duckdb

    if isinstance(error, duckdb.IOException):
        for reason in map(os.strerror, WRITE_FAILURES):
            match = re.search(r'Could not write file "([^"]+)": ' + re.escape(reason), str(error))
            if match:
                return f"{match.group(1)} ({reason})"
    return None


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return args.run(args)
    except UserError as error:
        print(f"tracker: {printable(str(error))}", file=sys.stderr)
        return 2
    except Exception as error:  # a bug, not bad input: still one line unless asked for more
        from tracker.database import DatabaseMissing

        if isinstance(error, DatabaseMissing):
            print(f"tracker: {printable(str(error))}", file=sys.stderr)
            return 2
        import duckdb

        if isinstance(error, duckdb.OutOfMemoryException):  # the data outgrew the cap: say which and how to lift it
            prefix, _, rest = str(error).partition("Out of Memory Error: ")
            where = "; ".join(x for x in (prefix.rstrip(": "), rest.splitlines()[0] if rest else "") if x)
            limit = os.environ.get("TRACKER_MEMORY_LIMIT", "the default")
            print(
                f"tracker: DuckDB ran out of memory ({printable(where)}) under TRACKER_MEMORY_LIMIT={limit}: "
                "set TRACKER_MEMORY_LIMIT to more (for example 4GB) and run again",
                file=sys.stderr,
            )
            return 1
        written = _write_failure(error)
        if written:  # a full disk or a file-size limit: the machine's, not a bug
            print(
                f"tracker: could not write {printable(written)}: free some space or lift the limit and run again", file=sys.stderr
            )
            return 1
        if os.environ.get("TRACKER_DEBUG"):
            raise
        print(
            f"tracker: internal error: {type(error).__name__}: {printable(str(error))} (set TRACKER_DEBUG=1 for details)",
            file=sys.stderr,
        )
        return 3


if __name__ == "__main__":
    sys.exit(main())
