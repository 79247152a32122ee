"""Turn Kiel's rows into our pledge lines, events, deliveries and sources, beside what we keep by hand.

Ownership: a pledge line with origin 'kiel', its events and its 'kiel' delivery belong to the
importer and are rewritten on every import (keeping the meeting_id, stated value, corroborating
sources, source-lag reason and note an analyst added to an event or delivery).
Everything else is curated: the importer never changes it, only compares Kiel's count with it.
The same holds for unit prices: rows with basis 'kiel_estimate' are the importer's (one per
system, from Kiel's "Unit Price in USD"), any other row is kept by hand and wins for its system.
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from urllib.parse import urlsplit

from tracker.fuzzy_dates import bounds
from tracker.kiel import values
from tracker.kiel.findings import Finding
from tracker.kiel.rows import KielRow, item_key, slug
from tracker.output import cell

IN_SCOPE_TYPES = {"heavy weapon", "aviation and drones"}
INVASION = date(2022, 2, 24)
SUSPICIOUS_GAP = timedelta(days=180)
KIEL_PRICE_BASIS = "kiel_estimate"
KIEL_XLSX = (
    "https://www.ifw-kiel.de/fileadmin/Dateiverwaltung/Subject_Dossiers_Topics/Ukraine/"
    "Ukraine_Support_Tracker/Ukraine_Support_Tracker.xlsx"
)

Table = list[dict[str, str]]


@dataclass
class Existing:
    """The tables as they are in data/ before the import (rows as dicts of text)."""

    donors: Table
    systems: Table
    kiel_items: Table
    outlets: Table
    sources: Table
    pledge_lines: Table
    commitment_events: Table
    deliveries: Table
    unit_prices: Table = field(default_factory=list)


@dataclass
class Plan:
    release: str
    findings: list[Finding] = field(default_factory=list)
    pledge_lines: Table = field(default_factory=list)
    commitment_events: Table = field(default_factory=list)
    deliveries: Table = field(default_factory=list)
    unit_prices: Table = field(default_factory=list)
    new_sources: Table = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)


def latest(d: str) -> date:
    return bounds(d)[1]


class Donors:
    def __init__(self, donors: Table):
        import pycountry

        self._pycountry = pycountry
        self.known = {d["donor_id"] for d in donors}
        self.by_name = {d["name"].lower(): d["donor_id"] for d in donors}

    def code(self, name: str) -> str | None:
        if name.lower() in self.by_name:
            return self.by_name[name.lower()]
        try:
            code = self._pycountry.countries.lookup(name).alpha_3
        except LookupError:
            try:
                code = self._pycountry.countries.search_fuzzy(name)[0].alpha_3
            except LookupError:
                return None
        return code if code in self.known else None


class Sources:
    """Source rows for the addresses Kiel cites, named and graded from data/outlets.csv."""

    def __init__(self, existing: Existing, release: str):
        self.by_url = {s["url"]: s["source_id"] for s in existing.sources if s.get("url")}
        self.ids = {s["source_id"] for s in existing.sources}
        self.outlets = {o["domain"]: o for o in existing.outlets}
        self.new: dict[str, dict[str, str]] = {}
        self.release_id = f"kiel-ust-{release}"
        self.release_row = {
            "source_id": self.release_id,
            "publisher": "Kiel Institute for the World Economy",
            "title": f"Ukraine Support Tracker: Bilateral Assistance, MAIN DATA (release as retrieved {release})",
            "url": KIEL_XLSX,
            "published": release,
            "language": "en",
            "reliability": "specialist",
            "note": "The Kiel release the importer read; cited where a row gives no address of its own.",
        }

    def release_source(self) -> str:
        if self.release_id not in self.ids and self.release_id not in self.new:
            self.new[self.release_id] = self.release_row
        return self.release_id

    def _outlet(self, host: str) -> dict[str, str] | None:
        parts = host.split(".")
        for i in range(len(parts) - 1):
            if ".".join(parts[i:]) in self.outlets:
                return self.outlets[".".join(parts[i:])]
        return None

    def for_url(self, url: str | None, row: KielRow) -> str:
        if not url:
            return self.release_source()
        if url in self.by_url:
            return self.by_url[url]
        host = (urlsplit(url).hostname or "").removeprefix("www.")
        outlet = self._outlet(host)
        source_id = f"{slug(host)}-{hashlib.sha1(url.encode()).hexdigest()[:8]}"
        self.new[source_id] = {
            "source_id": source_id,
            "publisher": outlet["publisher"] if outlet else host,
            # The page backs a whole package, not one item: name the package, never an item.
            "title": f"[Page the Kiel tracker cites for {row.donor_name} (first for its package {row.kiel_id})]",
            "url": url,
            "published": "",
            "language": "",
            "reliability": outlet["reliability"] if outlet else "secondary",
            "note": "Address taken from the Kiel Ukraine Support Tracker; title is our description.",
        }
        self.by_url[url] = source_id
        return source_id


def _check_rows(rows: list[KielRow], donors: Donors, findings: list[Finding]) -> dict[str, str]:
    """Row-level findings; returns the donor code per Kiel donor name."""
    codes: dict[str, str] = {}
    by_package: dict[str, list[KielRow]] = defaultdict(list)
    for r in rows:
        by_package[r.kiel_id].append(r)
    for name in {r.donor_name for r in rows}:
        code = donors.code(name)
        if code:
            codes[name] = code
    for r in rows:
        for problem in r.unreadable:
            findings.append(Finding("unreadable", r.row, r.kiel_id, r.donor_name, r.item, problem))
        if r.date is None:
            findings.append(Finding("unreadable", r.row, r.kiel_id, r.donor_name, r.item, f"announcement date: {r.date_how}"))
    for package, members in by_package.items():
        dated = [(latest(r.date), r) for r in members if r.date]
        for day, r in dated:
            others = [d for d, o in dated if o is not r]
            if others and day - max(others) > SUSPICIOUS_GAP:
                year_earlier = any(d == day.replace(year=day.year - 1) for d in others)
                hint = "; exactly one year after another date of the package: possibly the wrong year" if year_earlier else ""
                findings.append(
                    Finding(
                        "suspicious_date",
                        r.row,
                        package,
                        r.donor_name,
                        r.item,
                        f"dated {r.date_text!r} ({r.date}), {(day - max(others)).days} days after the latest other row "
                        f"of package {package} ({max(others)}){hint}",
                    )
                )
    for name in {r.donor_name for r in rows}:
        packages = {r.kiel_id for r in rows if r.donor_name == name}
        counts = defaultdict(int)
        for p in packages:
            counts[p[:2]] += 1
        usual = max(counts, key=counts.get)
        for p in sorted(packages):
            if not p.startswith(usual) and counts[usual] > 1:
                r = by_package[p][0]
                findings.append(
                    Finding(
                        "id_mismatch",
                        r.row,
                        p,
                        name,
                        r.item,
                        f"package id {p} does not start with {usual}, like {name}'s other {counts[usual]} packages",
                    )
                )
    return codes


def build_plan(rows: list[KielRow], existing: Existing, release: str, first: date, last: date) -> Plan:
    plan = Plan(release)
    findings = plan.findings
    release_day = date.fromisoformat(release)
    donors = Donors(existing.donors)
    codes = _check_rows(rows, donors, findings)
    crosswalk = {item_key(k["kiel_item"]): k for k in existing.kiel_items}
    curated_lines = {l["line_id"]: l for l in existing.pledge_lines if l["origin"] != "kiel"}
    old_kiel_lines = {l["line_id"]: l for l in existing.pledge_lines if l["origin"] == "kiel"}
    claimed = {
        ref: e["line_id"]
        for e in existing.commitment_events
        if e["line_id"] in curated_lines
        for ref in filter(None, (e.get("kiel_ref") or "").split(";"))
    }
    old_events = {e["event_id"]: e for e in existing.commitment_events}
    old_deliveries = {d["delivery_id"]: d for d in existing.deliveries}
    counts = defaultdict(int)

    lines: dict[str, list[KielRow]] = defaultdict(list)
    covered: dict[str, list[KielRow]] = defaultdict(list)
    priced: dict[str, list[KielRow]] = defaultdict(list)  # system -> every row of an item mapped to it
    for r in rows:
        entry = crosswalk.get(item_key(r.item))
        if entry is None and r.item_type.lower() not in IN_SCOPE_TYPES:
            continue  # in scope: the crosswalk's items (whatever Kiel's type) and every heavy weapon or aircraft
        counts["rows in scope"] += 1
        if entry is None:
            findings.append(
                Finding(
                    "unmapped_item",
                    r.row,
                    r.kiel_id,
                    r.donor_name,
                    r.item,
                    f"{r.item_type} / {r.sub_type or 'no sub-type'}: add it to data/kiel_items.csv with a system_id or a reason to exclude it",
                )
            )
            continue
        if not entry["system_id"]:
            counts["rows excluded by the crosswalk"] += 1
            continue
        priced[entry["system_id"]].append(r)  # a price is the item's, whatever the row's donor or date
        code = codes.get(r.donor_name)
        if code is None:
            findings.append(
                Finding(
                    "unknown_donor", r.row, r.kiel_id, r.donor_name, r.item, f"{r.donor_name!r} is not a donor in data/donors.csv"
                )
            )
            continue
        if r.date is None:
            continue
        day = latest(r.date)
        if day < INVASION:
            findings.append(
                Finding(
                    "before_invasion",
                    r.row,
                    r.kiel_id,
                    r.donor_name,
                    r.item,
                    f"dated {r.date} ({r.date_text!r}), before the invasion",
                )
            )
        if day > release_day:
            findings.append(
                Finding(
                    "after_release", r.row, r.kiel_id, r.donor_name, r.item, f"dated {r.date}, after the release date {release}"
                )
            )
        if not first <= day <= last:
            counts["rows outside the range"] += 1
            findings.append(
                Finding(
                    "outside_range",
                    r.row,
                    r.kiel_id,
                    r.donor_name,
                    r.item,
                    f"dated {r.date}, outside {first} to {last}: not imported",
                )
            )
            continue
        if any(x is not None and not float(x).is_integer() for x in (r.units, r.delivered)):
            counts["rows with fractional units"] += 1
            findings.append(
                Finding(
                    "fractional_units",
                    r.row,
                    r.kiel_id,
                    r.donor_name,
                    r.item,
                    f"{r.units_text} units, {r.delivered_text or 'no'} delivered: a share of a joint pledge; record it in data/joint_pledges.csv by hand",
                )
            )
            continue
        line_id = f"{code}-{entry['system_id']}"
        if r.ref in claimed or line_id in curated_lines:
            covered[claimed.get(r.ref, line_id)].append(r)
            counts["rows covered by curated lines"] += 1
            continue
        lines[line_id].append(r)
        counts["rows imported"] += 1

    family = {s["system_id"]: s["family_id"] for s in existing.systems}
    curated_families = defaultdict(list)
    for l in curated_lines.values():
        curated_families[(l["donor"], family.get(l["system_id"]))].append(l["line_id"])
    for line_id, members in sorted(lines.items()):
        twins = curated_families.get((line_id[:3], family.get(line_id[4:])), [])
        if twins:
            r = members[0]
            findings.append(
                Finding(
                    "possible_duplicate",
                    None,
                    r.kiel_id,
                    r.donor_name,
                    r.item,
                    f"imported as a new line beside curated {', '.join(twins)} of the same family: if they are the same "
                    f"pledge, add {';'.join(m.ref for m in members)} to kiel_ref of the curated line's event",
                    line_id,
                )
            )

    sources = Sources(existing, release)
    for line_id, members in sorted(lines.items()):
        _plan_line(plan, line_id, members, sources, old_kiel_lines, old_events, old_deliveries, existing)
    _compare_curated(plan, covered, existing)
    _plan_prices(plan, priced, sources, existing)
    plan.new_sources = sorted(sources.new.values(), key=lambda s: s["source_id"])
    plan.counts = dict(counts)
    return plan


def _plan_line(
    plan: Plan, line_id: str, members: list[KielRow], sources: Sources, old_lines, old_events, old_deliveries, existing: Existing
) -> None:
    members.sort(key=lambda r: (latest(r.date), r.row))
    first = members[0]
    system_id = line_id.split("-", 1)[1]
    old = old_lines.get(line_id, {})
    by_date: dict[str, list[KielRow]] = defaultdict(list)
    for r in members:
        by_date[r.date].append(r)
    total: float | None = None
    events = []
    for d, group in sorted(by_date.items(), key=lambda kv: (latest(kv[0]), kv[0])):
        disclosed = [r.units for r in group if r.units is not None]
        hidden = [r for r in group if r.units is None]
        for r in hidden:
            plan.findings.append(
                Finding(
                    "undisclosed", r.row, r.kiel_id, r.donor_name, r.item, "quantity undisclosed: counted as unknown", line_id
                )
            )
        if events and not disclosed:
            continue  # an undisclosed increase leaves the known total as it is (listed in the review)
        if disclosed:
            total = (total or 0) + sum(disclosed)
        event_id = f"{line_id}-{d.replace('../', 'by-')}"
        old_event = old_events.get(event_id, {})
        events.append(
            {
                "event_id": event_id,
                "line_id": line_id,
                "date": d,
                "event_type": "announced" if not events else "increased",
                "committed": cell(total),
                "value": old_event.get("value", ""),
                "value_currency": old_event.get("value_currency", ""),
                "meeting_id": old_event.get("meeting_id", ""),
                "source_id": sources.for_url(next((r.sources[0] for r in group if r.sources), None), group[0]),
                "corroborated_by": old_event.get("corroborated_by", ""),
                "source_lag_reason": old_event.get("source_lag_reason", ""),
                "kiel_ref": ";".join(r.ref for r in group),
                "note": old_event.get("note", ""),
            }
        )
    plan.pledge_lines.append(
        {
            "line_id": line_id,
            "donor": line_id[:3],
            "system_id": system_id,
            "unit": "units",
            "joint_pledge_id": "",
            "description": old.get("description") or f"Listed by Kiel as {first.item}",
            "origin": "kiel",
            "note": old.get("note", ""),
        }
    )
    plan.commitment_events += events

    delivered = sum(r.delivered for r in members if r.delivered is not None)
    if total is not None and delivered > total:
        plan.findings.append(
            Finding(
                "delivered_above_committed",
                None,
                first.kiel_id,
                first.donor_name,
                first.item,
                f"Kiel counts {cell(delivered)} delivered against {cell(total)} committed; imported {cell(total)}",
                line_id,
            )
        )
        delivered = total
    curated = sum(float(d["quantity"]) for d in existing.deliveries if d["line_id"] == line_id and d["origin"] != "kiel")
    rest = delivered - curated
    if rest < 0:
        plan.findings.append(
            Finding(
                "curated_deliveries_exceed",
                None,
                first.kiel_id,
                first.donor_name,
                first.item,
                f"our dated deliveries add up to {cell(curated)}, Kiel counts {cell(delivered)}",
                line_id,
            )
        )
    if rest > 0:
        delivery_id = f"{line_id}-kiel"
        url = next((r.delivery_source for r in members if r.delivery_source), None)
        plan.deliveries.append(
            {
                "delivery_id": delivery_id,
                "line_id": line_id,
                "date": f"../{plan.release}",
                "quantity": cell(rest),
                "source_id": sources.for_url(url, first) if url else sources.release_source(),
                "corroborated_by": old_deliveries.get(delivery_id, {}).get("corroborated_by", ""),
                "source_lag_reason": old_deliveries.get(delivery_id, {}).get("source_lag_reason", ""),
                "origin": "kiel",
                "note": old_deliveries.get(delivery_id, {}).get("note", ""),
            }
        )


def _compare_curated(plan: Plan, covered: dict[str, list[KielRow]], existing: Existing) -> None:
    final: dict[str, tuple[str, str]] = {}
    for e in existing.commitment_events:
        key = (latest(e["date"]), e["event_id"])
        if e["line_id"] not in final or key > final[e["line_id"]][0]:
            final[e["line_id"]] = (key, e["committed"])
    delivered: dict[str, float] = defaultdict(float)
    for d in existing.deliveries:
        delivered[d["line_id"]] += float(d["quantity"])
    for line_id, members in sorted(covered.items()):
        kiel_units = sum(r.units or 0 for r in members)
        kiel_delivered = sum(r.delivered or 0 for r in members)
        ours = final.get(line_id, (None, ""))[1]
        r = members[0]
        if ours == "" or float(ours) != kiel_units or delivered[line_id] != kiel_delivered:
            dates = ", ".join(
                sorted({f"{m.date_text}: {cell(m.units) if m.units is not None else 'undisclosed'}" for m in members})
            )
            plan.findings.append(
                Finding(
                    "curated_differs",
                    None,
                    r.kiel_id,
                    r.donor_name,
                    r.item,
                    f"we record {ours or 'no total'} committed and {cell(delivered[line_id])} delivered; "
                    f"Kiel {cell(kiel_units)} committed ({dates}) and {cell(kiel_delivered)} delivered",
                    line_id,
                )
            )


def _plan_prices(plan: Plan, priced: dict[str, list[KielRow]], sources: Sources, existing: Existing) -> None:
    """One unit price per system from Kiel's "Unit Price in USD", rounded to the whole dollar.
    Where Kiel's rows price a system differently, the most frequent price is taken (on a tie, the
    lower) and the note gives the range. A system priced by hand keeps its own row."""
    by_hand = {p["system_id"] for p in existing.unit_prices if p["basis"] != KIEL_PRICE_BASIS}
    for system_id, members in sorted(priced.items()):
        if system_id in by_hand:
            continue
        prices = []
        for r in members:
            try:
                price = values.number(r.unit_price_text)
            except ValueError:
                plan.findings.append(
                    Finding(
                        "unreadable", r.row, r.kiel_id, r.donor_name, r.item, f"unit price: {r.unit_price_text!r} is not a number"
                    )
                )
                continue
            if price is not None and price > 0:
                prices.append(round(price))
        if not prices:
            continue
        tally = Counter(prices)
        chosen = min(tally, key=lambda p: (-tally[p], p))
        unpriced = len(members) - len(prices)
        if len(tally) == 1:
            note = {
                1: "the price of Kiel's one priced row for this system",
                2: "the same price in both of Kiel's priced rows for this system",
            }.get(len(prices), f"the same price in all {len(prices)} of Kiel's priced rows for this system")
        else:
            tied = sum(n == tally[chosen] for n in tally.values()) > 1
            note = (
                f"Kiel gives {len(tally)} prices in its {len(prices)} priced rows for this system, from "
                f"{min(tally):,} to {max(tally):,} USD; "
                + (
                    f"none is more frequent than the others ({tally[chosen]} rows each), so we take the lowest"
                    if tied
                    else f"we take the most frequent ({tally[chosen]} of {len(prices)} rows)"
                )
            )
        if unpriced:
            note += f"; {unpriced} more row{'s' if unpriced > 1 else ''} without a price"
        plan.unit_prices.append(
            {
                "system_id": system_id,
                "price": str(chosen),
                "currency": "USD",
                "basis": KIEL_PRICE_BASIS,
                "source_id": sources.release_source(),
                "note": note[0].upper() + note[1:] + ".",
            }
        )
