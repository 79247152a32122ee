"""Our EUR totals per donor and year beside the Kiel website's monthly figures, every difference explained.

Kiel (data_explorer.csv) gives, per donor and month, the EUR value of military aid allocated; we
give the EUR value of what was committed in each calendar year (the counted value at the year's
end less that at the previous year's end). Kiel's own item sheet, the release we import, is shown
beside both: the sum of its "Converted Value in EUR" over military rows, by announcement year.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from tracker.database import SQL_DIR
from tracker.kiel.plan import Donors, latest

THRESHOLD = 0.10  # a difference above this share of Kiel's figure needs an explanation
KIEL_CODES = {"EU": "XEU"}  # the website's codes that are not ours


@dataclass
class Row:
    donor: str
    donor_name: str
    year: int
    kiel_eur: float
    main_sheet_eur: float | None
    ours_eur: float
    explanation: str

    @property
    def share(self) -> float | None:
        return None if self.kiel_eur == 0 else (self.ours_eur - self.kiel_eur) / self.kiel_eur

    @property
    def agrees_with_main_sheet(self) -> bool:
        sheet = self.main_sheet_eur
        return sheet is not None and (sheet == self.ours_eur or (sheet > 0 and abs(self.ours_eur - sheet) <= THRESHOLD * sheet))

    @property
    def reason(self) -> str:
        """The explanation shown: the note we wrote, or, where Kiel's own item sheet agrees with us, that fact."""
        if self.explanation:
            return self.explanation
        if self.agrees_with_main_sheet:
            return (
                f"Kiel's item sheet that we import gives EUR {_bn(self.main_sheet_eur)} bn for the year, as we do (within 10 %); "
                "the website counts allocations (aid delivered or specified for delivery) by month, as Kiel's later releases revised them."
            )
        return ""

    @property
    def missing(self) -> str:
        """What to say when the difference has no explanation."""
        return (
            f"data/kiel_totals_notes.csv: no explanation for {self.donor} {self.year} "
            f"(Kiel EUR {self.kiel_eur / 1e9:.3f} bn, ours EUR {self.ours_eur / 1e9:.3f} bn)"
        )

    @property
    def differs(self) -> bool:
        if self.kiel_eur == 0:
            return self.ours_eur != 0
        return abs(self.ours_eur - self.kiel_eur) > THRESHOLD * self.kiel_eur


def read_website(path: Path) -> dict[tuple[str, int], tuple[float, str]]:
    out: dict[tuple[str, int], tuple[float, str]] = {}
    with path.open(encoding="utf-8-sig", newline="") as f:
        for r in csv.DictReader(f):
            code = KIEL_CODES.get(r["iso"], r["iso"])
            key = (code, int(r["year"]))
            value = float(r["military"] or 0) * 1e9
            out[key] = (out.get(key, (0.0, ""))[0] + value, r["country"])
    return out


def main_sheet_totals(main_sheet: Path, donors: Donors) -> dict[tuple[str, int], float]:
    from tracker.kiel import values
    from tracker.kiel.read import read_release
    from tracker.kiel.rows import parse

    out: dict[tuple[str, int], float] = {}
    for r in parse(read_release(main_sheet).frame):
        code = donors.code(r.donor_name)
        if not (r.military and code and r.date):
            continue
        try:
            eur = values.number(r.value_eur_text)
        except ValueError:
            continue
        if eur:
            key = (code, latest(r.date).year)
            out[key] = out.get(key, 0.0) + eur
    return out


def compare(con, website: Path, main_sheet: Path | None = None) -> list[Row]:
    donor_rows = con.execute("SELECT donor_id, name, other_names FROM donors").fetchall()
    names = {d: n for d, n, _ in donor_rows}
    donors = Donors([{"donor_id": d, "name": n, "other_names": ";".join(o or [])} for d, n, o in donor_rows])
    kiel = read_website(website)
    years = sorted({y for _, y in kiel})
    query = (SQL_DIR / "reports" / "kiel_totals.sql").read_text(encoding="utf-8")
    at_end = {y: dict(con.execute(query, [y]).fetchall()) for y in [years[0] - 1, *years]}
    notes = {}
    for year, donor, text in con.execute("SELECT year, donor, explanation FROM kiel_totals_notes").fetchall():
        notes[(year, donor or "")] = text
    sheet = main_sheet_totals(main_sheet, donors) if main_sheet else {}
    rows = []
    for donor in sorted({d for d, _ in kiel} | {d for y in years for d in at_end[y]}):
        for year in years:
            kiel_eur, kiel_name = kiel.get((donor, year), (0.0, ""))
            ours = at_end[year].get(donor, 0.0) - at_end[year - 1].get(donor, 0.0)
            if kiel_eur == 0 and ours == 0:
                continue
            rows.append(
                Row(
                    donor,
                    names.get(donor, kiel_name or donor),
                    year,
                    kiel_eur,
                    sheet.get((donor, year), 0.0) if main_sheet else None,
                    ours,
                    notes.get((year, donor)) or notes.get((year, ""), ""),
                )
            )
    return rows


def _bn(x: float | None) -> str:
    return "–" if x is None else f"{x / 1e9:,.3f}"


def render(rows: list[Row], website: Path, main_sheet: Path | None) -> str:
    differing = [r for r in rows if r.differs]
    unexplained = [r for r in differing if not r.reason]
    out = [
        "# Our EUR totals per donor and year beside the Kiel Institute's",
        "",
        "Generated by `tracker compare kiel-totals`; do not edit by hand. Explanations come from",
        "data/kiel_totals_notes.csv (a note without a donor covers every donor of its year).",
        "",
        f"- Kiel: `{website.name}` of the Kiel Ukraine Support Tracker website: military aid allocated per donor and",
        "  month (aid delivered or specified for delivery), summed per calendar year.",
        "- Ours: the EUR value of military commitments made in the year (counted value at the year's end less that",
        "  at the previous year's end; a money package once, the items inside it not again; item lines valued at",
        "  unit prices where no amount is stated). Commitments and allocations are different measures: a pledge",
        "  counts when announced, an allocation when Kiel records it as delivered or specified.",
    ]
    if main_sheet is not None:
        out.append(
            f'- Main sheet: Kiel\'s item sheet `{main_sheet.name}` (the release we import), its "Converted Value in EUR"'
            " over military rows by announcement year."
        )
    out += [
        f"- {len(rows)} donor × year pairs with a figure on either side: {len(rows) - len(differing)} within 10 %,"
        f" {len(differing)} differ by more, {len(unexplained)} without an explanation.",
        f"- Totals over all years: Kiel EUR {_bn(sum(r.kiel_eur for r in rows))} bn, ours EUR {_bn(sum(r.ours_eur for r in rows))} bn.",
        "",
        "EUR billions.",
        "",
        "| donor | year | Kiel website | Kiel main sheet | ours | difference | explanation |",
        "|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        share = "new" if r.share is None else f"{r.share:+.0%}"
        out.append(
            f"| {r.donor_name} | {r.year} | {_bn(r.kiel_eur)} | {_bn(r.main_sheet_eur)} | {_bn(r.ours_eur)} | {share} | "
            f"{(r.reason or '**unexplained**') if r.differs else 'within 10 %'} |"
        )
    return "\n".join(out) + "\n"
