"""How well `tracker propose` reads: precision and recall per kind and per language on the labelled
evaluation set in tests/propose/ (feed items in English and Ukrainian, articles in Japanese, German,
Russian, French and Polish), and on the whole news feed of 2022–2023 how many of the record's events
it finds recorded. `python -m tracker.propose.evaluate` writes reports/propose_evaluation.md; a test
checks that the committed report is what the code gives.

A proposed row is right when its kind, donor, system family, quantity and date (each possibly empty)
all equal a labelled row of the same text; each labelled row is matched once."""

from __future__ import annotations

import sys
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from math import sqrt
from pathlib import Path

from tracker.csv_reader import read_rows
from tracker.fuzzy_dates import bounds
from tracker.propose import Candidate, Reader
from tracker.propose.extract import COUNTED_KINDS, KINDS
from tracker.propose.reading import column_language

ROOT = Path(__file__).resolve().parents[2]
GOLD = ROOT / "tests" / "propose"
HELDOUT = GOLD / "heldout"  # labelled once the reading was written, to measure it on texts it was not tuned against
AGREEMENT = GOLD / "agreement"  # a second labeller's rows for 59 of the labelled items, to measure the labels themselves
FEED = ROOT / "reference" / "pun-aid-newsfeed" / "aid_news_feed_2022-2026.csv"
FEED_YEARS = (2022, 2023)
REPORT = ROOT / "reports" / "propose_evaluation.md"
COUNTED = COUNTED_KINDS  # the kinds the targets are about
TARGET_PRECISION, TARGET_RECALL = 0.85, 0.75
ORDER = ("en", "uk", "ja", "de", "ru", "fr", "pl")


def _key(kind, donor, family, quantity, day, precision=None) -> tuple:
    """What must agree: a date to its precision (2022-11 for a month, as the labels write it)."""
    if isinstance(day, date):
        day = day.isoformat()[: {"month": 7, "year": 4}.get(precision or "day", 10)]
    return (kind, donor or None, family or None, int(quantity) if quantity not in (None, "") else None, day or None)


@dataclass
class Text:
    name: str
    lang: str
    text: str
    published: date
    gold: list[tuple]


def _labels(path: Path) -> dict[tuple[str, str], list[tuple]]:
    """(item, language) -> its labelled rows: one set for both texts, but for a row of one text only."""
    labels: dict[tuple[str, str], list[tuple]] = {}
    for r in read_rows(path):
        if r["kind"] != "none":
            for lang in [r["lang"]] if r.get("lang") else ["en", "uk"]:  # a row of one text: the other's translation drops a fact
                labels.setdefault((r["item_id"], lang), []).append(
                    _key(r["kind"], r["donor"], r["system_family"], r["quantity"], r["date"])
                )
    return labels


def agreement(gold_dir: Path = GOLD) -> Score:
    """How far two labellers agree: the second's rows scored against the first's, as the reader's are."""
    first, second = _labels(gold_dir / "feed_labels.csv"), _labels(gold_dir / "agreement" / "feed_labels.csv")
    items = {r["item_id"] for r in read_rows(gold_dir / "agreement" / "feed_labels.csv")}
    result = Score()
    for item in sorted(items, key=int):
        for lang in ("en", "uk"):
            result.add(Text(f"feed {item} {lang}", lang, "", date.min, first.get((item, lang), [])), second.get((item, lang), []))
    return result


def texts(gold_dir: Path = GOLD) -> list[Text]:
    """Every labelled text: each feed item twice (English and Ukrainian, one set of labels but for the rows of one
    language), and the articles."""
    out = []
    labels = _labels(gold_dir / "feed_labels.csv")
    for item in read_rows(gold_dir / "feed_items.csv"):
        for lang in ("en", "uk"):
            out.append(
                Text(
                    f"feed {item['item_id']} {lang}",
                    lang,
                    item[f"text_{lang}"],
                    date.fromisoformat(item["date"]),
                    labels.get((item["item_id"], lang), []),
                )
            )
    article_labels: dict[str, list[tuple]] = {}
    if not (gold_dir / "articles").is_dir():  # the held-out set has feed items only
        return out
    for r in read_rows(gold_dir / "articles" / "labels.csv"):
        article_labels.setdefault(r["file"], []).append(_key(r["kind"], r["donor"], r["system_family"], r["quantity"], r["date"]))
    for a in read_rows(gold_dir / "articles" / "articles.csv"):
        text = (gold_dir / "articles" / a["file"]).read_text(encoding="utf-8")
        out.append(Text(a["file"], a["lang"], text, date.fromisoformat(a["published"]), article_labels.get(a["file"], [])))
    return out


@dataclass
class Score:
    right: Counter = field(default_factory=Counter)  # (lang, kind) -> right proposals
    proposed: Counter = field(default_factory=Counter)
    labelled: Counter = field(default_factory=Counter)
    misses: list[tuple[str, tuple]] = field(default_factory=list)
    wrong: list[tuple[str, tuple]] = field(default_factory=list)
    judged: list[tuple[float, bool]] = field(default_factory=list)  # each counted proposal's confidence, and if it was right

    def add(self, t: Text, proposed: list[tuple], confidences: list[float] | None = None) -> None:
        left = list(t.gold)
        for g in t.gold:
            self.labelled[t.lang, g[0]] += 1
        for i, p in enumerate(proposed):
            self.proposed[t.lang, p[0]] += 1
            right = p in left
            if right:
                left.remove(p)
                self.right[t.lang, p[0]] += 1
            else:
                self.wrong.append((t.name, p))
            if confidences is not None and p[0] in COUNTED:
                self.judged.append((confidences[i], right))
        self.misses += [(t.name, g) for g in left]

    def rates(self, langs, kinds) -> tuple[int, int, int, float | None, float | None]:
        right = sum(self.right[lang, k] for lang in langs for k in kinds)
        proposed = sum(self.proposed[lang, k] for lang in langs for k in kinds)
        labelled = sum(self.labelled[lang, k] for lang in langs for k in kinds)
        return right, proposed, labelled, (right / proposed if proposed else None), (right / labelled if labelled else None)


def score(reader: Reader, gold_dir: Path = GOLD) -> Score:
    result = Score()
    for t in texts(gold_dir):
        found = reader.propose(t.text, column_language(t.text, t.lang) if t.name.startswith("feed") else t.lang, t.published)
        result.add(
            t,
            [_key(c.kind, c.donor, c.system_family, c.quantity, c.date, c.date_precision) for c in found],
            [c.confidence for c in found],
        )
    return result


def _pct(value: float | None) -> str:
    return "–" if value is None else f"{value:.2f}"


def report(result: Score, items: int) -> str:
    langs = [lang for lang in ORDER if any(result.labelled[lang, k] or result.proposed[lang, k] for k in COUNTED)]
    lines = [
        "# How well `tracker propose` reads: the evaluation set",
        "",
        f"Generated by `python -m tracker.propose.evaluate` from the labelled texts in `tests/propose/` ({items} feed items",
        "in English and Ukrainian, each with one set of labels, but for a row given per text where a translation",
        "drops what the other states; articles in Japanese, German, Russian, French and Polish). A proposed row is",
        "right when its kind, donor, system family, quantity and date all equal a",
        "labelled row of the same text (an empty value equals an empty one). Targets on announced, increased and",
        f"delivered rows together: precision at least {TARGET_PRECISION}, recall at least {TARGET_RECALL}, in every language.",
        "",
        "## Announced, increased and delivered rows, per language",
        "",
        "| language | labelled | proposed | right | precision | recall | target met |",
        "|---|---|---|---|---|---|---|",
    ]
    for lang in langs:
        right, proposed, labelled, p, r = result.rates([lang], COUNTED)
        met = p is not None and r is not None and p >= TARGET_PRECISION and r >= TARGET_RECALL
        lines.append(f"| {lang} | {labelled} | {proposed} | {right} | {_pct(p)} | {_pct(r)} | {'yes' if met else 'no'} |")
    lines += [
        "",
        'The reading was written against these texts: "met" here says it reads them, not that it reads a new text as',
        "well. The held-out section below measures that.",
        "",
        "## Per kind and language (precision / recall)",
        "",
        "| kind | " + " | ".join(langs) + " |",
        "|---|" + "---|" * len(langs),
    ]
    for kind in KINDS:
        cells = []
        for lang in langs:
            right, proposed, labelled, p, r = result.rates([lang], [kind])
            cells.append(f"{_pct(p)} / {_pct(r)} ({labelled})" if labelled or proposed else "")
        lines.append(f"| {kind} | " + " | ".join(cells) + " |")
    lines += ["", "(In brackets: labelled rows.)", ""]
    return "\n".join(lines) + "\n"


def wilson(k: int, n: int, z: float = 1.959964) -> tuple[float, float] | None:
    """Wilson's 95 % score interval of a proportion k / n (Newcombe 1998, method 3): the range of rates that
    k right of n agree with, which stays within 0 and 1 and keeps a width on small samples. None when n is 0."""
    if n == 0:
        return None
    p = k / n
    scale = 1 + z * z / n
    centre = (p + z * z / (2 * n)) / scale
    half = z * sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / scale
    return max(0.0, centre - half), min(1.0, centre + half)


def _with_interval(k: int, n: int) -> str:
    interval = wilson(k, n)
    return "–" if interval is None else f"{k / n:.2f} ({interval[0]:.2f}–{interval[1]:.2f})"


def _feed_rates(result: Score, intervals: bool = False) -> list[str]:
    """A table row per feed language: labelled, proposed, right, precision and recall on the counted kinds
    (with ``intervals``, each with its 95 % interval)."""
    rows = []
    for lang in ("en", "uk"):
        right, proposed, labelled, p, r = result.rates([lang], COUNTED)
        if intervals:
            rows.append(
                f"| {lang} | {labelled} | {proposed} | {right} | {_with_interval(right, proposed)} | {_with_interval(right, labelled)} |"
            )
        else:
            rows.append(f"| {lang} | {labelled} | {proposed} | {right} | {_pct(p)} | {_pct(r)} |")
    return rows


def heldout_report(result: Score, items: int) -> str:
    """The same measure on the held-out feed items: what to expect of texts the reading was not tuned on."""
    english = result.rates(["en"], COUNTED)[2]
    lines = [
        "## Held out: feed items the reading was not tuned against",
        "",
        f"`tests/propose/heldout/` has {items} more feed items of July 2022 to December 2024, in no other sample, drawn at",
        "random (seed 1130) from the 450 such items left. Earlier samples took every item with a number before a word",
        "for a weapon, a unit or crews, so this one is mostly texts without a number: few announced, increased or",
        f"delivered rows ({english} in English), of the kind the reading finds least. Three helpers labelled them by the",
        "same rules without running or reading `propose`. With the reading when they were drawn (`b0bf313`, and the same",
        "at `3b73a51`): English precision 0.30 and recall 0.13, Ukrainian 0.62 and 0.22. The table is the reading now,",
        "after rules written against the labelled set alone. The samples before it, now labelled, gave before they were",
        "used English 0.44 / 0.23 and Ukrainian 0.53 / 0.31 (150 items, at `3b73a51`), and English 0.54 / 0.43 and",
        "Ukrainian 0.57 / 0.45 (145 items). Read these figures, not the ones above, as what `propose` does on a new text.",
        "",
        "| language | labelled | proposed | right | precision | recall |",
        "|---|---|---|---|---|---|",
        *_feed_rates(result, intervals=True),
        "",
        f"In brackets, Wilson's 95 % interval: the rates these counts agree with. With {english} labelled rows in English",
        "it is wide: a gain of a row or two on this sample is no evidence of a better reading.",
        "",
        "How far to trust a proposal by its confidence (English and Ukrainian together): the lower it is, the more a",
        "reviewer should check it against the source.",
        "",
        "| confidence | proposed | right | precision |",
        "|---|---|---|---|",
    ]
    for low, high, shown in ((0.8, 1.01, "0.8 or more"), (0.6, 0.8, "0.6 to 0.8"), (0.0, 0.6, "below 0.6")):
        band = [right for confidence, right in result.judged if low <= confidence < high]
        lines.append(f"| {shown} | {len(band)} | {sum(band)} | {_pct(sum(band) / len(band) if band else None)} |")
    return "\n".join(lines) + "\n"


def agreement_report(result: Score, items: int) -> str:
    """Two labellers on the same items: how far the labels themselves can be trusted."""
    lines = [
        "## Two labellers on the same items",
        "",
        f"A second helper labelled {items} of the labelled feed items again (the sample of every feed row whose number",
        "leaves 7 when divided by 19), without seeing the first labels. Its rows scored against the first labeller's as",
        "the reader's are: if people agreed no better than this, the targets could not be asked of a reader.",
        "",
        "| language | first labeller | second labeller | same | precision | recall |",
        "|---|---|---|---|---|---|",
        *_feed_rates(result),
    ]
    return "\n".join(lines) + "\n"


@dataclass
class FeedResult:
    items: int = 0
    events: int = 0  # commitment events of the record dated in FEED_YEARS
    found: dict[str, int] = field(default_factory=dict)  # origin -> events a feed item finds recorded
    by_origin: Counter = field(default_factory=Counter)  # origin -> events
    statuses: Counter = field(default_factory=Counter)
    new: list[tuple[dict, Candidate]] = field(default_factory=list)


def feed(reader: Reader, path: Path = FEED, data_dir: Path = ROOT / "data") -> FeedResult:
    """Every item of the feed dated in FEED_YEARS, in English and Ukrainian, against the record."""
    out = FeedResult()
    recorded: set[str] = set()
    for item in read_rows(path):
        day = date.fromisoformat(item["date"][:10])
        if day.year not in FEED_YEARS:
            continue
        out.items += 1
        for lang in ("en", "uk"):
            text = (item.get(f"text_{lang}") or "").strip()
            if not text:
                continue
            for c in reader.propose(text, column_language(text, lang), day):
                out.statuses[c.status] += 1
                if c.status == "recorded" and c.record_id:
                    recorded.add(c.record_id)
                if (
                    c.status == "new"
                    and lang == "en"
                    and c.kind in COUNTED
                    and c.donor
                    and c.system_family
                    and c.quantity
                    and c.confidence >= 0.8
                ):
                    out.new.append((item, c))
    origin = {r["line_id"]: r["origin"] for r in read_rows(data_dir / "pledge_lines.csv")}
    for e in read_rows(data_dir / "commitment_events.csv"):
        if bounds(e["date"])[1].year in FEED_YEARS:  # certain by the end of its window
            where = origin.get(e["line_id"], "?")
            out.events += 1
            out.by_origin[where] += 1
            out.found[where] = out.found.get(where, 0) + (e["event_id"] in recorded)
    return out


def feed_report(result: FeedResult) -> str:
    found = sum(result.found.values())
    lines = [
        f"## The whole feed, {FEED_YEARS[0]}–{FEED_YEARS[-1]}",
        "",
        f"`reference/pun-aid-newsfeed/` has {result.items:,} items dated {FEED_YEARS[0]}–{FEED_YEARS[-1]}; each was read in English and",
        "in Ukrainian. Candidates by status: "
        + ", ".join(f"{n:,} {status}" for status, n in sorted(result.statuses.items()))
        + ".",
        "",
        "Commitment events of the record dated in those years that some item of the feed finds `recorded`:",
        "",
        "| lines | events | found recorded | share |",
        "|---|---|---|---|",
    ]
    for origin in sorted(result.by_origin):
        n = result.by_origin[origin]
        lines.append(f"| {origin} | {n:,} | {result.found.get(origin, 0):,} | {result.found.get(origin, 0) / n:.0%} |")
    lines.append(
        f"| all | {result.events:,} | {found:,} | {found / result.events:.0%} |" if result.events else "| all | 0 | 0 | – |"
    )
    lines += [
        "",
        "`new` candidates of the English texts with a donor, a system family and a number, at confidence 0.8 or",
        f"more: {len(result.new):,}. The first 15 different ones (by date) to review; each needs its source read before it is accepted:",
        "",
        "| item date | kind | donor | family | quantity | confidence | evidence |",
        "|---|---|---|---|---|---|---|",
    ]
    shown, seen = [], set()
    for item, c in sorted(result.new, key=lambda pair: pair[0]["date"]):
        if (c.kind, c.donor, c.system_family, c.quantity) not in seen:  # the feed repeats some items
            seen.add((c.kind, c.donor, c.system_family, c.quantity))
            shown.append((item, c))
    for item, c in shown[:15]:
        evidence = c.evidence.strip().replace("|", "/").replace("\n", " ")
        evidence = evidence[:110] + ("…" if len(evidence) > 110 else "")
        lines.append(
            f"| {item['date'][:10]} | {c.kind} | {c.donor} | {c.system_family} | {c.quantity:,} | {c.confidence:.2f} | {evidence} |"
        )
    return "\n".join(lines) + "\n"


def main(argv: list[str]) -> int:
    reader = Reader(ROOT / "data")
    result = score(reader)
    held = score(reader, HELDOUT)
    items = len(read_rows(HELDOUT / "feed_items.csv"))
    twice = len({r["item_id"] for r in read_rows(AGREEMENT / "feed_labels.csv")})
    text = (
        report(result, len(read_rows(GOLD / "feed_items.csv")))
        + "\n"
        + heldout_report(held, items)
        + "\n"
        + agreement_report(agreement(), twice)
        + "\n"
        + feed_report(feed(reader))
    )
    if "--check" in argv:
        if not REPORT.exists() or REPORT.read_text(encoding="utf-8") != text:
            print(f"{REPORT.relative_to(ROOT)} is out of date: run python -m tracker.propose.evaluate", file=sys.stderr)
            return 1
        return 0
    REPORT.write_text(text, encoding="utf-8")
    if "--misses" in argv:
        for name, g in result.misses:
            print("MISS ", name, g)
        for name, p in result.wrong:
            print("WRONG", name, p)
    print(f"wrote {REPORT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
