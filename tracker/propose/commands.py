"""The `tracker propose` and `tracker accept` commands."""

from __future__ import annotations

import csv
import sys
from datetime import date
from pathlib import Path

from tracker.csv_reader import read_rows
from tracker.problems import UserError
from tracker.propose import Reader
from tracker.propose.output import REVIEW_COLUMNS, render, review_rows
from tracker.propose.reading import column_language, language, read_text


def _published(text: str | None, shown: str) -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise UserError(f"{shown} {text}: not a date; write it as YYYY-MM-DD") from None


def propose_files(data_dir: Path, names: list[str], published: str | None, lang: str, form: str, url: str | None = None) -> str:
    reader = Reader(data_dir)
    day = _published(published, "--published")
    found = []
    for name in names:
        shown = "-" if name == "-" else name
        text = read_text(name)
        found += [(shown, c) for c in reader.propose(text, language(text, lang, shown), day)]
    return render(found, form, day.isoformat() if day else None, url)


FEED_COLUMNS = ("date", "text_en", "source_url")


def propose_feed(data_dir: Path, feed: Path, out: Path, since: str | None, until: str | None, lang: str) -> str:
    """Candidates of every item of a news feed (CSV with date, text and url columns) in a review CSV."""
    if not feed.is_file():
        raise UserError(f"{feed}: no such feed file")
    try:
        rows = read_rows(feed)
    except (UnicodeDecodeError, csv.Error) as error:
        raise UserError(f"{feed}: not a UTF-8 CSV file ({error})") from None
    if not rows:
        raise UserError(f"{feed}: no items")
    texts = [c for c in ("text_en", "text_uk", "text") if c in rows[0]]
    if "date" not in rows[0] or not texts:
        raise UserError(f"{feed}: needs a date column and a text column (text_en, text_uk or text); it has {', '.join(rows[0])}")
    first, last = _published(since, "--from"), _published(until, "--to")
    reader = Reader(data_dir)
    found = []
    for number, row in enumerate(rows):
        day = _published(row["date"][:10], f"{feed}:{number + 2}: date")
        if (first and day and day < first) or (last and day and day > last):
            continue
        for column in texts:
            text = (row.get(column) or "").strip()
            if not text:
                continue
            # a text_xx column says its language (unless the text plainly is another); a plain text column is --lang's,
            # or detected
            asked = column_language(text, column.removeprefix("text_")) if column != "text" else lang
            item = {"item": number, "published": row["date"][:10], "url": row.get("source_url") or row.get("url") or ""}
            found += [(item, c) for c in reader.propose(text, language(text, asked, f"{feed}:{number + 2}"), day)]
    written = review_rows(found)
    with out.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, REVIEW_COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(written)
    statuses: dict[str, int] = {}
    for _, c in found:
        statuses[c.status] = statuses.get(c.status, 0) + 1
    summary = ", ".join(f"{n} {s}" for s, n in sorted(statuses.items()))
    return f"wrote {len(written)} candidate rows to {out} ({summary}): mark the ones to add 'accepted' in its decision column, then run tracker accept {out}"


def main_propose(args) -> int:
    data_dir = Path(args.data or "data")
    if not data_dir.is_dir():
        raise UserError(f"{data_dir}: data directory not found (run from the project directory or pass --data DIR)")
    if args.feed:
        print(propose_feed(data_dir, Path(args.feed), Path(args.out), args.since, args.until, args.lang))
        return 0
    if not args.files:
        raise UserError("give article files (or - for standard input), or --feed CSV")
    sys.stdout.write(propose_files(data_dir, args.files, args.published, args.lang, args.format, args.url) + "\n")
    return 0


def main_accept(args) -> int:
    from tracker.pipeline import checked
    from tracker.problems import render_text
    from tracker.propose.accept import plan, write

    data_dir = Path(args.data or "data")
    review = Path(args.review)
    if not data_dir.is_dir():
        raise UserError(f"{data_dir}: data directory not found (run from the project directory or pass --data DIR)")
    if not review.is_file():
        raise UserError(f"{review}: no such review file")
    additions, refused = plan(review, data_dir)
    for line in refused:
        print(line, file=sys.stderr)
    count = sum(len(rows) for rows in additions.rows.values())
    if not count:
        print("nothing to add: no row of the review is marked accepted (or every accepted row was refused above)")
        return 1 if refused else 0
    before = write(additions, data_dir)
    with checked(data_dir, str(data_dir), derive=False) as outcome:
        pass
    if outcome.problems:
        for path, data in before.items():
            path.write_bytes(data)
        print(render_text(outcome.problems))
        print(f"accept refused: with these rows the data has the problems above; {data_dir} is unchanged", file=sys.stderr)
        return 1
    added = ", ".join(f"{len(rows)} to {name}.csv" for name, rows in sorted(additions.rows.items()))
    print(f"added {added}; the data validates")
    return 1 if refused else 0
