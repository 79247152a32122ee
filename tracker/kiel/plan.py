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

# what a line of a system of each category counts (schemas/pledge_lines.yaml, rule line_unit_matches_system)
UNIT_OF_CATEGORY = {
    "ammunition": "rounds",
    "missile": "missiles",
    "small_arms": "items",
    "anti_tank_weapon": "items",
    "manpads": "items",
    "equipment": "items",
}
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
    kiel_sub_types: Table = field(default_factory=list)
    kiel_packages: Table = field(default_factory=list)
    rate_currencies: list[str] = field(default_factory=list)  # currencies data/exchange_rates.csv holds


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
    curated_packages: dict[str, str] = field(default_factory=dict)  # curated event id -> package line it is inside


def latest(d: str) -> date:
    return bounds(d)[1]


class Donors:
    def __init__(self, donors: Table):
        import pycountry

        self._pycountry = pycountry
        self.known = {d["donor_id"] for d in donors}
        self.by_name = {d["name"].lower(): d["donor_id"] for d in donors}
        for d in donors:
            for other in filter(None, (d.get("other_names") or "").split(";")):
                self.by_name[other.strip().lower()] = d["donor_id"]

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
        self.published = {s["source_id"]: s.get("published", "") for s in existing.sources}
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

    def lag_reason(self, source_id: str, day: str, kept: str) -> str:
        """Why a Kiel-cited page is dated away from Kiel's date for the row, when we know its date."""
        if kept:
            return kept
        published = self.published.get(source_id, "")
        if not published or not day:
            return ""
        early, late = bounds(day)
        if bounds(published)[1] < early or bounds(published)[0] > late + timedelta(days=30):
            return f"Kiel dates the row {day} and cites this page, published {published}"
        return ""

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
    counts["military rows"] = sum(r.military for r in rows)

    sources = Sources(existing, release)
    sub_types = {(item_key(k["kiel_item_type"]), item_key(k["kiel_sub_type"])): k for k in existing.kiel_sub_types}
    category = {s["system_id"]: s["category"] for s in existing.systems}
    package_of = _plan_packages(plan, rows, codes, sources, existing, old_events, claimed, first, last, counts)
    counted_elsewhere = {k["kiel_id"] for k in existing.kiel_packages}

    lines: dict[str, list[KielRow]] = defaultdict(list)
    covered: dict[str, list[KielRow]] = defaultdict(list)
    priced: dict[str, list[KielRow]] = defaultdict(list)  # system -> every row of an item mapped to it

    def left_out(r: KielRow, reason: str) -> None:
        if r.military:
            counts["military rows left out"] += 1
            findings.append(Finding("left_out", r.row, r.kiel_id, r.donor_name, r.item, reason))

    for r in rows:
        entry = crosswalk.get(item_key(r.item))
        if entry is None and (r.military or r.item_type.lower() in IN_SCOPE_TYPES):
            entry = sub_types.get((item_key(r.item_type), item_key(r.sub_type)))
        if entry is None and not r.military and r.item_type.lower() not in IN_SCOPE_TYPES:
            continue  # in scope: military rows, the crosswalk's items (whatever Kiel's type), every heavy weapon or aircraft
        counts["rows in scope"] += 1
        packaged = package_of.get(r.row) or r.kiel_id in counted_elsewhere
        if packaged:
            counts["military rows in a package with an amount"] += 1
        if entry is None:
            findings.append(
                Finding(
                    "unmapped_item",
                    r.row,
                    r.kiel_id,
                    r.donor_name,
                    r.item,
                    f"{r.item_type} / {r.sub_type or 'no sub-type'}: add it to data/kiel_items.csv or data/kiel_sub_types.csv "
                    "with a system_id or a reason to exclude it",
                )
            )
            if not packaged:
                left_out(r, "its item is in neither crosswalk")
            continue
        if not entry["system_id"]:
            counts["rows excluded by the crosswalk"] += 1
            if not packaged:
                left_out(
                    r,
                    f"its announcement date cannot be read ({r.date_how})"
                    if r.date is None
                    else f"{entry['excluded_because']}; Kiel gives no amount for its package",
                )
            continue
        if item_key(r.item) in crosswalk:  # a price is the named item's, whatever the row's donor or date;
            priced[entry["system_id"]].append(r)  # a kind of aid (by sub-type) mixes items too unlike to share one
        code = codes.get(r.donor_name)
        if code is None:
            findings.append(
                Finding(
                    "unknown_donor", r.row, r.kiel_id, r.donor_name, r.item, f"{r.donor_name!r} is not a donor in data/donors.csv"
                )
            )
            left_out(r, f"{r.donor_name!r} is not a donor in data/donors.csv")
            continue
        if r.date is None:
            left_out(r, f"its announcement date cannot be read ({r.date_how})")
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
            if not packaged:
                left_out(r, f"dated {r.date}, outside the range imported")
            continue
        line_id = f"{code}-{entry['system_id']}"
        if r.ref in claimed or line_id in curated_lines:
            covered[claimed.get(r.ref, line_id)].append(r)
            counts["rows covered by curated lines"] += 1
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
            if not packaged:
                left_out(r, "a fractional share of a joint pledge, kept by hand in data/joint_pledges.csv")
            continue
        lines[line_id].append(r)
        counts["rows imported"] += 1

    plan.curated_packages = _curated_packages(existing, curated_lines, rows, package_of)
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

    for line_id, members in sorted(lines.items()):
        unit = UNIT_OF_CATEGORY.get(category.get(line_id.split("-", 1)[1], ""), "units")
        _plan_line(plan, line_id, members, sources, old_kiel_lines, old_events, old_deliveries, existing, unit, package_of)
    _compare_curated(plan, covered, existing)
    _plan_prices(plan, priced, sources, existing)
    plan.new_sources = sorted(sources.new.values(), key=lambda s: s["source_id"])
    plan.counts = dict(counts)
    return plan


def _plan_line(
    plan: Plan,
    line_id: str,
    members: list[KielRow],
    sources: Sources,
    old_lines,
    old_events,
    old_deliveries,
    existing: Existing,
    unit: str,
    package_of: dict[int, str],
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
        in_packages = {package_of.get(r.row, "") for r in group}
        events.append(
            {
                "event_id": event_id,
                "line_id": line_id,
                "date": d,
                "event_type": "announced" if not events else "increased",
                "committed": cell(total),
                "value": old_event.get("value", ""),
                "value_currency": old_event.get("value_currency", ""),
                "package_line_id": in_packages.pop() if len(in_packages) == 1 else "",
                "meeting_id": old_event.get("meeting_id", ""),
                "source_id": (source_id := sources.for_url(next((r.sources[0] for r in group if r.sources), None), group[0])),
                "corroborated_by": old_event.get("corroborated_by", ""),
                "source_lag_reason": sources.lag_reason(source_id, d, old_event.get("source_lag_reason", "")),
                "kiel_ref": ";".join(r.ref for r in group),
                "note": old_event.get("note", ""),
            }
        )
    plan.pledge_lines.append(
        {
            "line_id": line_id,
            "donor": line_id[:3],
            "system_id": system_id,
            "unit": unit,
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
    # a catch-all of equipment counts items, sets and tonnes alike: no one price fits its units
    # and a system "(unspecified)" gathers different models: the most frequent price of one of them is no price for it
    unpriceable = {
        s["system_id"] for s in existing.systems if s["category"] == "equipment" or s["system_id"].endswith("-unspecified")
    }
    for system_id, members in sorted(priced.items()):
        if system_id in by_hand or system_id in unpriceable:
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
            if price is not None and round(price) > 0:
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


MATCH_DAYS = 14  # a curated money line of the same amount within this many days counts the same package
MATCH_SHARE = 0.005


def _money_events(existing: Existing) -> list[tuple[str, str, str, float, date]]:
    lines = {l["line_id"]: l for l in existing.pledge_lines if l["origin"] != "kiel" and not l["system_id"]}
    out = []
    for e in existing.commitment_events:
        line = lines.get(e["line_id"])
        if line and e["committed"] and e["date"]:
            out.append((line["line_id"], line["donor"], line["unit"], float(e["committed"]), latest(e["date"])))
    return out


def _plan_packages(
    plan: Plan,
    rows: list[KielRow],
    codes,
    sources: Sources,
    existing: Existing,
    old_events,
    claimed,
    first: date,
    last: date,
    counts,
) -> dict[int, str]:
    """One money line per amount Kiel counts: the rows of a package that share an amount as given
    by the source (Kiel repeats it on every row of the package) form a money line when Kiel counts
    that amount, i.e. one of them carries Kiel's conversion to EUR. An amount repeated without a
    conversion is a running or overall total that Kiel does not count, and makes no line. A
    curated money line of the same amount within two weeks counts the package instead. Returns,
    for every row inside such a package, its money line."""
    groups: dict[tuple[str, str, str, float], list[KielRow]] = defaultdict(list)
    for r in rows:
        code = codes.get(r.donor_name)
        if not r.military or code is None or r.date is None or not first <= latest(r.when) <= last:
            continue
        try:
            value = values.number(r.value_text)
        except ValueError:
            continue  # "Not given"
        if value and value > 0:
            groups[(code, r.kiel_id, r.currency, value)].append(r)
    groups = {k: v for k, v in groups.items() if any(_number(r.value_eur_text) for r in v)}
    per_package = Counter((code, kiel_id) for code, kiel_id, _, _ in groups)
    per_day = Counter((code, kiel_id, min(latest(r.when) for r in v)) for (code, kiel_id, _, _), v in groups.items())
    rates = set(existing.rate_currencies) | {"EUR"}
    money = _money_events(existing)
    counted_elsewhere = {k["kiel_id"]: k["counted_by"] for k in existing.kiel_packages}
    package_of: dict[int, str] = {}
    for (code, kiel_id, currency, value), members in sorted(groups.items(), key=lambda kv: kv[0]):
        members.sort(key=lambda r: (latest(r.when), r.row))
        head = members[0]
        day = head.when
        stamp = day.replace("../", "by-")
        suffix = f"-{stamp}" if per_package[(code, kiel_id)] > 1 else ""
        if per_day[(code, kiel_id, latest(day))] > 1:
            suffix += f"-{slug(cell(value))}"
        line_id = f"{code}-kiel-{slug(kiel_id)}{suffix}"
        refs = [r.ref for r in members if r.package_row] or [f"{kiel_id}@{stamp}#package"]
        # who counts this amount instead: a curated line that claims the package row, the lines
        # data/kiel_packages.csv names, or a curated money line of the same amount within two weeks
        match = next((claimed[ref] for ref in refs if ref in claimed), None)
        if match is None and kiel_id not in counted_elsewhere:
            match = next(
                (
                    m[0]
                    for m in money
                    if m[1] == code
                    and m[2] == currency
                    and abs(m[3] - value) <= MATCH_SHARE * value
                    and abs((m[4] - latest(day)).days) <= MATCH_DAYS
                ),
                None,
            )
        if match is not None or kiel_id in counted_elsewhere:
            counts["kiel packages counted by curated money lines"] += 1
            message = (
                f"is the amount of curated {match}; its {len(members)} rows are inside it"
                if match is not None
                else f"is counted by {counted_elsewhere[kiel_id]} (data/kiel_packages.csv)"
            )
            plan.findings.append(
                Finding(
                    "package_covered",
                    head.row,
                    kiel_id,
                    head.donor_name,
                    head.item,
                    f"{cell(value)} {currency} ({day}) {message}",
                    match or "",
                )
            )
            if match is not None:
                package_of.update((r.row, match) for r in members)
            continue
        unit, committed, note = currency, value, ""
        if currency not in rates:
            eur = next((x for x in (_number(r.value_eur_text) for r in members) if x), None)
            if eur is None:
                for r in members:
                    if r.package_row:
                        counts["military rows left out"] += 1
                        plan.findings.append(
                            Finding(
                                "left_out",
                                r.row,
                                kiel_id,
                                r.donor_name,
                                r.item,
                                f"no exchange rate for {currency!r} and no EUR value",
                            )
                        )
                continue
            unit, committed = "EUR", round(eur)
            note = f"Kiel gives {cell(value)} {currency}; exchange_rates holds no {currency} rate, so the line is in EUR at Kiel's conversion."
        counts["kiel packages imported as money lines"] += 1
        old_line: dict[str, str] = next((l for l in existing.pledge_lines if l["line_id"] == line_id), {})
        items = sum(not r.package_row for r in members)
        plan.pledge_lines.append(
            {
                "line_id": line_id,
                "donor": code,
                "system_id": "",
                "unit": unit,
                "joint_pledge_id": "",
                "description": old_line.get("description")
                or f"Kiel package {kiel_id}, as an amount" + (f" ({items} item rows inside it)" if items else ""),
                "origin": "kiel",
                "note": old_line.get("note") or note,
            }
        )
        event_id = f"{line_id}-{stamp}"
        old = old_events.get(event_id, {})
        plan.commitment_events.append(
            {
                "event_id": event_id,
                "line_id": line_id,
                "date": day,
                "event_type": "announced",
                "committed": cell(committed),
                "value": "",
                "value_currency": "",
                "package_line_id": "",
                "meeting_id": old.get("meeting_id", ""),
                "source_id": (source_id := sources.for_url(next((r.sources[0] for r in members if r.sources), None), head)),
                "corroborated_by": old.get("corroborated_by", ""),
                "source_lag_reason": sources.lag_reason(source_id, day, old.get("source_lag_reason", "")),
                "kiel_ref": ";".join(refs),
                "note": old.get("note", ""),
            }
        )
        package_of.update((r.row, line_id) for r in members)
    _rows_inside_lines_that_count_them(rows, codes, existing, package_of)
    _rows_inside_package_amounts(rows, codes, groups, package_of)
    _plan_undisclosed_packages(plan, rows, codes, sources, existing, old_events, first, last, counts, package_of)
    return package_of


def _plan_undisclosed_packages(plan, rows, codes, sources, existing, old_events, first, last, counts, package_of) -> None:
    """A package row (no item) for which Kiel gives no amount still records that the donor committed
    something: a money line whose amount is undisclosed, in the currency Kiel names (EUR if none)."""
    groups: dict[tuple[str, str], list[KielRow]] = defaultdict(list)
    counted_elsewhere = {k["kiel_id"] for k in existing.kiel_packages}
    for r in rows:
        code = codes.get(r.donor_name)
        if not r.military or not r.package_row or r.row in package_of or code is None or r.date is None:
            continue
        if r.kiel_id in counted_elsewhere:
            continue
        if first <= latest(r.when) <= last:
            groups[(code, r.kiel_id)].append(r)
    taken = {l["line_id"] for l in plan.pledge_lines}
    for (code, kiel_id), members in sorted(groups.items()):
        members.sort(key=lambda r: (latest(r.when), r.row))
        line_id = f"{code}-kiel-{slug(kiel_id)}"
        if line_id in taken:
            line_id += "-undisclosed"
        currency = members[0].currency if len(members[0].currency) == 3 and members[0].currency.isalpha() else "EUR"
        old_line: dict[str, str] = next((l for l in existing.pledge_lines if l["line_id"] == line_id), {})
        counts["kiel packages without an amount"] += 1
        plan.pledge_lines.append(
            {
                "line_id": line_id,
                "donor": code,
                "system_id": "",
                "unit": currency,
                "joint_pledge_id": "",
                "description": old_line.get("description") or f"Kiel package {kiel_id}, amount not given",
                "origin": "kiel",
                "note": old_line.get("note") or "Kiel records the package but no amount or items: the amount is unknown.",
            }
        )
        by_day: dict[str, list[KielRow]] = defaultdict(list)
        for r in members:
            by_day[r.when].append(r)
        for i, (day, group) in enumerate(sorted(by_day.items(), key=lambda kv: latest(kv[0]))):
            event_id = f"{line_id}-{day.replace('../', 'by-')}"
            old = old_events.get(event_id, {})
            source_id = sources.for_url(next((r.sources[0] for r in group if r.sources), None), group[0])
            plan.commitment_events.append(
                {
                    "event_id": event_id,
                    "line_id": line_id,
                    "date": day,
                    "event_type": "announced" if i == 0 else "increased",
                    "committed": "",
                    "value": "",
                    "value_currency": "",
                    "package_line_id": "",
                    "meeting_id": old.get("meeting_id", ""),
                    "source_id": source_id,
                    "corroborated_by": old.get("corroborated_by", ""),
                    "source_lag_reason": sources.lag_reason(source_id, day, old.get("source_lag_reason", "")),
                    "kiel_ref": ";".join(r.ref for r in group),
                    "note": old.get("note", ""),
                }
            )
        package_of.update((r.row, line_id) for r in members)


def _rows_inside_lines_that_count_them(rows, codes, existing: Existing, package_of: dict[int, str]) -> None:
    """An item row of a Kiel package that our own money lines count (data/kiel_packages.csv) is
    inside the one line among them with an event on the row's day; with none or several, it stays
    outside (listed in the review as counted by its own value)."""
    from fnmatch import fnmatchcase

    patterns = {k["kiel_id"]: [p for p in (k.get("line_pattern") or "").split(";") if p] for k in existing.kiel_packages}
    money = {l["line_id"] for l in existing.pledge_lines if l["origin"] != "kiel" and not l["system_id"]}
    by_day: dict[tuple[str, str], set[str]] = defaultdict(set)
    for e in existing.commitment_events:
        if e["line_id"] in money and e["date"]:
            by_day[(e["line_id"][:3], e["date"])].add(e["line_id"])
    for r in rows:
        code = codes.get(r.donor_name)
        if (
            r.row in package_of
            or not r.military
            or r.package_row
            or code is None
            or r.date is None
            or not patterns.get(r.kiel_id)
        ):
            continue
        lines = {l for l in by_day.get((code, r.date), set()) if any(fnmatchcase(l, p) for p in patterns[r.kiel_id])}
        if len(lines) == 1:
            package_of[r.row] = lines.pop()


def _rows_inside_package_amounts(rows, codes, groups, package_of: dict[int, str]) -> None:
    """Rows of a package that Kiel values in parts (the package's own rows carry the amounts it
    counts, its item rows repeat their sum, as Germany's list of 24 February 2023 does) are inside
    those amounts: each goes to the package's money line of the latest first day on or before its
    own date (the earliest when none is)."""
    lines: dict[tuple[str, str], list[tuple[date, str]]] = defaultdict(list)
    for (code, kiel_id, _, _), members in groups.items():
        line = package_of.get(members[0].row)
        if line:
            lines[(code, kiel_id)].append((min(latest(r.when) for r in members), line))
    for r in rows:
        code = codes.get(r.donor_name)
        if r.row in package_of or not r.military or code is None or r.date is None or (code, r.kiel_id) not in lines:
            continue
        options = sorted(set(lines[(code, r.kiel_id)]))
        before = [line for day, line in options if day <= latest(r.when)]
        package_of[r.row] = before[-1] if before else options[0][1]


def _number(text: str) -> float | None:
    try:
        return values.number(text)
    except ValueError:
        return None


def _curated_packages(existing: Existing, curated_lines, rows: list[KielRow], package_of: dict[int, str]) -> dict[str, str]:
    """The package each curated item event is inside, when every Kiel row it stands for is in the
    same package with an amount. The one column the importer fills on curated rows, and only
    when it is empty."""
    by_ref = {r.ref: r.row for r in rows}
    out: dict[str, str] = {}
    for e in existing.commitment_events:
        line = curated_lines.get(e["line_id"])
        if line is None or not line["system_id"] or e.get("package_line_id"):
            continue
        refs = [x for x in (e.get("kiel_ref") or "").split(";") if x]
        packages = {package_of.get(by_ref.get(x, -1), "") for x in refs}
        if refs and len(packages) == 1 and "" not in packages:
            out[e["event_id"]] = packages.pop()
    return out
