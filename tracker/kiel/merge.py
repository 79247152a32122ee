"""Write a plan into data/: replace what the importer owns, keep everything curated, say what changed."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path

from tracker.fmt import canonical
from tracker.kiel.plan import KIEL_PRICE_BASIS, Existing, Plan
from tracker.load import read_rows
from tracker.schema import Package

OWNED = ("pledge_lines", "commitment_events", "deliveries", "unit_prices", "sources")
KEYS = {
    "pledge_lines": "line_id",
    "commitment_events": "event_id",
    "deliveries": "delivery_id",
    "unit_prices": "system_id",
    "sources": "source_id",
}


def read_existing(data_dir: Path, package: Package) -> Existing:
    tables = {
        name: read_rows(data_dir / package.table(name).filename)
        for name in (
            "donors",
            "systems",
            "kiel_items",
            "kiel_sub_types",
            "kiel_packages",
            "outlets",
            "sources",
            "pledge_lines",
            "commitment_events",
            "deliveries",
        )
    }
    currencies = sorted({r["currency"] for r in read_rows(data_dir / package.table("exchange_rates").filename)})
    prices = data_dir / package.table("unit_prices").filename
    return Existing(**tables, unit_prices=read_rows(prices) if prices.exists() else [], rate_currencies=currencies)


@dataclass
class Change:
    table: str
    key: str
    kind: str  # added, removed, changed
    columns: list[str] = field(default_factory=list)


def merged(existing: Existing, plan: Plan) -> dict[str, list[dict[str, str]]]:
    kiel_lines = {l["line_id"] for l in existing.pledge_lines if l["origin"] == "kiel"} | {
        l["line_id"] for l in plan.pledge_lines
    }
    return {
        "pledge_lines": [l for l in existing.pledge_lines if l["line_id"] not in kiel_lines] + plan.pledge_lines,
        "commitment_events": [
            {**e, "package_line_id": plan.curated_packages.get(e["event_id"], e.get("package_line_id", ""))}
            for e in existing.commitment_events
            if e["line_id"] not in kiel_lines
        ]
        + plan.commitment_events,
        # a curated line's Kiel remainder is the analyst's to keep, cap or split like the rest of the line
        "deliveries": [d for d in existing.deliveries if d["origin"] != "kiel" or d["line_id"] not in kiel_lines]
        + plan.deliveries,
        "unit_prices": [p for p in existing.unit_prices if p["basis"] != KIEL_PRICE_BASIS] + plan.unit_prices,
        "sources": existing.sources + plan.new_sources,
    }


def changes(existing: Existing, after: dict[str, list[dict[str, str]]]) -> list[Change]:
    out = []
    for table in OWNED:
        key = KEYS[table]
        old = {r[key]: r for r in getattr(existing, table)}
        new = {r[key]: r for r in after[table]}
        for k in sorted(new.keys() - old.keys()):
            out.append(Change(table, k, "added"))
        for k in sorted(old.keys() - new.keys()):
            out.append(Change(table, k, "removed"))
        for k in sorted(old.keys() & new.keys()):
            differ = [c for c in new[k] if (old[k].get(c) or "") != (new[k].get(c) or "")]
            if differ:
                out.append(Change(table, k, "changed", differ))
    return out


def write(data_dir: Path, package: Package, after: dict[str, list[dict[str, str]]]) -> None:
    for name, rows in after.items():
        table = package.table(name)
        path = data_dir / table.filename
        columns = [f.name for f in table.fields]
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=columns, lineterminator="\n", extrasaction="ignore")
        writer.writeheader()
        writer.writerows({c: r.get(c, "") for c in columns} for r in rows)
        text, reason = canonical(buffer.getvalue(), table)
        if text is None:
            raise RuntimeError(f"{path}: could not be written canonically: {reason}")
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8", newline="")
