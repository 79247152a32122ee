"""Our per-donor heavy-weapon counts beside the Kiel website's (weapons.csv), every difference explained."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from tracker.database import SQL_DIR
from tracker.kiel.plan import Donors
from tracker.output import cell

CATEGORIES = ("Tanks", "IFV", "Howitzers", "MLRS", "Air Defense")


@dataclass
class Row:
    donor: str
    donor_name: str
    category: str
    kiel_count: int | None
    kiel_list: str
    committed: float
    delivered: float
    delivered_by_release: float
    systems: str
    explanation: str
    main_sheet: float | None = None  # Kiel's main sheet (the release we import), dated by as_of

    @property
    def agrees_with_main_sheet(self) -> bool:
        return self.main_sheet is not None and self.main_sheet == self.committed

    @property
    def reason(self) -> str:
        """The explanation shown: the note we wrote, or, where the main sheet agrees with us, that fact."""
        if self.explanation:
            return self.explanation
        if self.agrees_with_main_sheet and self.kiel_count is None:
            return (
                f"The website has no count here, while Kiel's main sheet lists {_n(self.main_sheet)} up to our cut-off, as we do."
            )
        if self.agrees_with_main_sheet:
            later = (
                "also counts commitments after 2023 or rows a later release added"
                if self.kiel_count > self.main_sheet
                else "is lower: a later release revised these rows"
            )
            return (
                f"Kiel's main sheet that we import lists {_n(self.main_sheet)} up to our cut-off, as we do; "
                f"the website's {_n(self.kiel_count)} {later}."
            )
        return ""

    @property
    def differs(self) -> bool:
        return self.kiel_count is None or self.kiel_count != self.committed

    @property
    def missing(self) -> str:
        """What to say when the difference has no explanation."""
        kiel = self.kiel_count if self.kiel_count is not None else "none"
        return f"data/kiel_comparison_notes.csv: no explanation for {self.donor} {self.category} (Kiel {kiel}, ours {self.committed:g})"


def read_kiel(path: Path, donors: Donors) -> dict[tuple[str, str], tuple[int, str, str]]:
    out = {}
    with path.open(encoding="utf-8-sig", newline="") as f:
        for r in csv.DictReader(f):
            code = donors.code(r["donor"]) or r["donor"]
            out[(code, r["category"])] = (int(float(r["number_of_weapons"])), r["weapons_list"], r["donor"])
    return out


def main_sheet_counts(con, main_sheet: Path, as_of: str, donors: Donors) -> dict[tuple[str, str], float]:
    """Kiel's main-sheet units per donor and website category, dated up to as_of (joint shares included)."""
    from datetime import date

    from tracker.kiel.plan import latest
    from tracker.kiel.read import read_release
    from tracker.kiel.rows import item_key, parse

    category = {
        item_key(k): c
        for k, c in con.execute(
            "SELECT k.kiel_item, s.kiel_category FROM kiel_items k JOIN systems s USING (system_id) "
            "WHERE s.kiel_category IS NOT NULL"
        ).fetchall()
    }
    out: dict[tuple[str, str], float] = {}
    cut = date.fromisoformat(as_of)
    for r in parse(read_release(main_sheet).frame):
        c = category.get(item_key(r.item))
        code = donors.code(r.donor_name)
        if c and code and r.date and r.units is not None and latest(r.date) <= cut:
            out[(code, c)] = out.get((code, c), 0) + r.units
    return out


def compare(con, weapons_csv: Path, as_of: str, release: str, main_sheet: Path | None = None) -> list[Row]:
    donor_rows = con.execute("SELECT donor_id, name FROM donors").fetchall()
    names = dict(donor_rows)
    donors = Donors([{"donor_id": d, "name": n} for d, n in donor_rows])
    kiel = read_kiel(weapons_csv, donors)
    query = (SQL_DIR / "reports" / "kiel_categories.sql").read_text(encoding="utf-8")
    ours = {(r[0], r[1]): r[2:] for r in con.execute(query, [as_of, release]).fetchall()}
    notes = dict(
        ((d, c), e) for d, c, e in con.execute("SELECT donor, kiel_category, explanation FROM kiel_comparison_notes").fetchall()
    )
    sheet = main_sheet_counts(con, main_sheet, as_of, donors) if main_sheet else {}
    rows = []
    for key in sorted(kiel.keys() | ours.keys()):
        count, listed, kiel_name = kiel.get(key, (None, "", ""))
        committed, delivered, by_release, systems = ours.get(key, (0, 0, 0, ""))
        rows.append(
            Row(
                key[0],
                names.get(key[0], kiel_name),
                key[1],
                count,
                listed,
                committed,
                delivered,
                by_release,
                systems or "",
                notes.get(key, ""),
                sheet.get(key, 0.0) if main_sheet else None,
            )
        )
    return rows


def _n(x) -> str:
    return "–" if x is None else cell(round(x, 2))


def render(rows: list[Row], as_of: str, release: str, weapons_csv: Path) -> str:
    differing = [r for r in rows if r.differs]
    agree = len(rows) - len(differing)
    kiel_total = sum(r.kiel_count or 0 for r in rows)
    ours_total = sum(r.committed for r in rows)
    out = [
        "# Our heavy-weapon counts beside the Kiel Institute's",
        "",
        "Generated by `tracker compare kiel`; do not edit by hand. Explanations come from",
        "data/kiel_comparison_notes.csv.",
        "",
        f"- Kiel: `{weapons_csv.name}` of the Kiel Ukraine Support Tracker website (per donor and category, cumulative, undated).",
        f'- Ours: committed and delivered as of {as_of}; "delivered by {release}" adds deliveries Kiel reports without a date,',
        f'  which we date "by" the release we imported ({release}).',
        f"- {len(rows)} donor × category pairs: {agree} agree, {len(differing)} differ. Totals: Kiel {_n(kiel_total)}, ours committed {_n(ours_total)}.",
        "",
        "Columns: Kiel = the website's count; main sheet = Kiel's item rows in the release we import, dated up to",
        f"{as_of} (joint-pledge shares included); ours = committed and delivered as of {as_of}.",
        "",
        "| donor | category | Kiel | main sheet | ours committed | ours delivered | delivered by release | explanation |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        out.append(
            f"| {r.donor_name} | {r.category} | {_n(r.kiel_count)} | {_n(r.main_sheet)} | {_n(r.committed)} | {_n(r.delivered)} | "
            f"{_n(r.delivered_by_release)} | {r.reason if r.differs else 'agrees'} |"
        )
    out += ["", "## What each count is made of", "", "| donor | category | Kiel's list | our lines |", "|---|---|---|---|"]
    for r in rows:
        out.append(f"| {r.donor_name} | {r.category} | {r.kiel_list or '–'} | {r.systems or '–'} |")
    return "\n".join(out) + "\n"
