"""`tracker accept REVIEW.csv`: the candidate rows an analyst marked `accepted` become rows of data/
(commitment events, deliveries, coalition claims, with a source row for the article and a pledge
line where the donor has none for the system yet), with ids made from their content so that the same
review accepted twice adds nothing twice. Then the data is validated: if anything fails, every file is
put back as it was and the problems are printed as `tracker validate` prints them."""

from __future__ import annotations

import csv
import hashlib
import io
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

from tracker.csv_reader import read_rows
from tracker.fmt import canonical
from tracker.problems import UserError
from tracker.schema import load_package

ACCEPTED = {"accepted", "accept", "yes", "y"}
REJECTED = {"", "rejected", "reject", "no", "n"}
FILED = {
    "announced": "commitment_events",
    "increased": "commitment_events",
    "delivered": "deliveries",
    "claim": "coalition_claims",
}


@dataclass
class Additions:
    rows: dict[str, list[dict]] = field(default_factory=dict)  # table -> new rows

    def add(self, table: str, row: dict) -> None:
        self.rows.setdefault(table, []).append(row)


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:40] or "x"


def source_row(url: str, published: str, evidence: str, language: str) -> dict:
    host = urlparse(url).hostname or "article"
    digest = hashlib.sha1(f"{url}|{published}".encode()).hexdigest()[:8]
    return {
        "source_id": f"{_slug(host.removeprefix('www.'))}-{published}-{digest}",
        "publisher": host.removeprefix("www."),
        "title": evidence.strip()[:150],
        "url": url,
        "published": published,
        "language": language,
        "reliability": "secondary",
        "note": "Added by tracker accept from a proposed candidate; check the title and the reliability.",
    }


def _unique(existing: set[str], wanted: str) -> str:
    if wanted not in existing:
        return wanted
    n = 2
    while f"{wanted}-{n}" in existing:
        n += 1
    return f"{wanted}-{n}"


def plan(review: Path, data_dir: Path) -> tuple[Additions, list[str]]:
    """The rows accepting `review` adds, and the lines of the review it refuses (with why)."""
    rows = read_rows(review)
    if not rows or "decision" not in rows[0]:
        raise UserError(f"{review}: not a review file of tracker propose (no decision column)")
    tables = {
        name: read_rows(data_dir / f"{name}.csv")
        for name in ("sources", "pledge_lines", "commitment_events", "deliveries", "coalition_claims", "systems")
    }
    ids = {
        "sources": {r["source_id"] for r in tables["sources"]},
        "pledge_lines": {r["line_id"] for r in tables["pledge_lines"]},
        "commitment_events": {r["event_id"] for r in tables["commitment_events"]},
        "deliveries": {r["delivery_id"] for r in tables["deliveries"]},
        "coalition_claims": {r["claim_id"] for r in tables["coalition_claims"]},
    }
    systems = {r["system_id"]: r for r in tables["systems"]}
    totals: dict[str, int] = {}
    for e in tables["commitment_events"]:
        if e["committed"]:
            totals[e["line_id"]] = int(float(e["committed"]))
    out, refused = Additions(), []

    def new_id(table: str, wanted: str) -> str:  # an id made from the row's content, unique in its table
        found = _unique(ids[table], wanted)
        ids[table].add(found)
        return found

    for number, row in enumerate(rows, start=2):
        decision = (row.get("decision") or "").strip().lower()
        if decision in REJECTED:
            continue
        where = f"{review}:{number}"
        if decision not in ACCEPTED:
            refused.append(f"{where}: decision '{row['decision']}' is neither accepted nor rejected: left out")
            continue
        table = FILED.get(row["kind"])
        if table is None:
            refused.append(f"{where}: a {row['kind']} row is not filed by accept: add it to data/ by hand")
            continue
        published, url = row.get("published") or "", row.get("url") or ""
        if not published or not url:
            refused.append(f"{where}: no published date or url: accept needs the article's address and date for its source row")
            continue
        source = source_row(url, published, row["evidence"], row.get("language") or "")

        def cite() -> None:  # the article's source row, once, with the first row that cites it
            if source["source_id"] not in ids["sources"]:
                ids["sources"].add(source["source_id"])
                out.add("sources", source)

        day = row["date"] or f"../{published}"  # the text gives no date: announced or delivered by the article's day
        quantity = row["quantity"]
        if table == "coalition_claims":
            if not quantity or not row["system_family"]:
                refused.append(f"{where}: a claim needs a quantity and a system family")
                continue
            claim_id = new_id(table, f"{row['system_family']}-{quantity}-{published}")
            cite()
            out.add(
                table,
                {
                    "claim_id": claim_id,
                    "date": day,
                    "claimant": row["donor"] or "not named in the article",
                    "measure": "committed",
                    "quantity": quantity,
                    "qualifier": "exactly",
                    "system_families": row["system_family"],
                    "donors": row["donor"],
                    "source_id": source["source_id"],
                    "note": row["evidence"].strip()[:300],
                },
            )
            continue
        system = row["system"]
        if not row["donor"] or not system or system not in systems:
            refused.append(f"{where}: accept needs a donor and a catalog system (fill the system column) to file the row")
            continue
        if not quantity and table == "deliveries":
            refused.append(f"{where}: a delivery needs a quantity")
            continue
        cite()
        line_id = next(
            (
                r["line_id"]
                for r in tables["pledge_lines"] + out.rows.get("pledge_lines", [])
                if r["donor"] == row["donor"] and r["system_id"] == system
            ),
            None,
        )
        if line_id is None:
            line_id = f"{row['donor']}-{system}"
            ids["pledge_lines"].add(line_id)
            unit = "rounds" if systems[system]["category"] == "ammunition" else "units"
            out.add(
                "pledge_lines",
                {"line_id": line_id, "donor": row["donor"], "system_id": system, "unit": unit, "origin": "curated"},
            )
        if table == "deliveries":
            delivery_id = new_id(table, f"{line_id}-{day.strip('./')}")
            out.add(
                table,
                {
                    "delivery_id": delivery_id,
                    "line_id": line_id,
                    "date": day,
                    "quantity": quantity,
                    "source_id": source["source_id"],
                    "origin": "curated",
                },
            )
            continue
        committed = int(quantity) if quantity else None
        if row["kind"] == "increased" and committed is not None:
            committed += totals.get(line_id, 0)
        if committed is not None:
            totals[line_id] = committed
        event_id = new_id(table, f"{line_id}-{day.strip('./')}")
        out.add(
            table,
            {
                "event_id": event_id,
                "line_id": line_id,
                "date": day,
                "event_type": row["kind"],
                "committed": "" if committed is None else str(committed),
                "source_id": source["source_id"],
                "note": "From tracker propose: " + row["evidence"].strip()[:200],
            },
        )
    return out, refused


def write(additions: Additions, data_dir: Path) -> dict[Path, bytes]:
    """Append the rows, each file in `tracker fmt` form; return every changed file's old bytes."""
    package = load_package()
    before: dict[Path, bytes] = {}
    for name, rows in additions.rows.items():
        path = data_dir / f"{name}.csv"
        table = package.table(name)
        old = path.read_bytes()
        before[path] = old
        text = old.decode("utf-8")
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, table.columns, lineterminator="\n", extrasaction="raise")
        for row in rows:
            writer.writerow({c: row.get(c, "") for c in table.columns})
        combined = text + ("" if text.endswith("\n") else "\n") + buffer.getvalue()
        formatted, _ = canonical(combined, table)
        path.write_text(formatted if formatted is not None else combined, encoding="utf-8")
    return before
