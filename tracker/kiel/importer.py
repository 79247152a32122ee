"""`tracker import kiel FILE`: read a release, plan the rows, write data/ and the review report."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from tracker.kiel import merge
from tracker.kiel.plan import build_plan
from tracker.kiel.read import read_release
from tracker.kiel.report import review
from tracker.kiel.rows import parse
from tracker.problems import UserError
from tracker.schema import load_package


@dataclass
class Result:
    report: str
    changes: list[merge.Change]
    counts: dict[str, int]
    findings: int


def release_date(given: str | None, retrieved: list[str], shown: str) -> str:
    if given:
        try:
            return date.fromisoformat(given).isoformat()
        except ValueError:
            raise UserError(f"--release-date {given!r} is not a date (expected YYYY-MM-DD)") from None
    days = set()
    for text in retrieved:
        text = text.strip()
        for fmt in ("%m/%d/%Y, %H:%M:%S", "%Y-%m-%d %H:%M:%S", "%Y-%m-%d"):
            try:
                days.add(datetime.strptime(text, fmt).date())
                break
            except ValueError:
                continue
    if days:
        return max(days).isoformat()
    if m := re.search(r"(20\d\d)[-_](\d\d)[-_](\d\d)", shown):
        return date(*map(int, m.groups())).isoformat()
    raise UserError(
        f"{shown}: cannot tell the release date (no 'retrieved' column or date in the file name): pass --release-date YYYY-MM-DD"
    )


def run(path: Path, shown: str, data_dir: Path, first: date, last: date | None, release: str | None, dry_run: bool) -> Result:
    package = load_package()
    sheet = read_release(path, shown)
    release_day = release_date(release, sheet.frame["retrieved"].tolist() if "retrieved" in sheet.frame else [], shown)
    existing = merge.read_existing(data_dir, package)
    last = last or date.fromisoformat(release_day)
    plan = build_plan(parse(sheet.frame), existing, release_day, first, last)
    after = merge.merged(existing, plan)
    changed = merge.changes(existing, after)
    if not dry_run:
        merge.write(data_dir, package, after)
    report = review(sheet, shown, plan, changed, first.isoformat(), last.isoformat())
    return Result(report, changed, plan.counts, len(plan.findings))
