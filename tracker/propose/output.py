"""Candidate rows printed as a table, CSV or JSON, and the review CSV an analyst marks."""

from __future__ import annotations

import csv
import io
import json

from tracker.propose.extract import Candidate

COLUMNS = [
    "kind",
    "donor",
    "donors",
    "system_family",
    "system",
    "unknown_system",
    "quantity",
    "date",
    "date_precision",
    "status",
    "record_id",
    "status_detail",
    "confidence",
    "doubts",
    "evidence",
    "start",
    "end",
    "language",
]
REVIEW_COLUMNS = ["decision", "item", "published", "url", *COLUMNS]


def as_dict(c: Candidate) -> dict:
    return {
        "kind": c.kind,
        "donor": c.donor,
        "donors": c.donors or ([c.donor] if c.donor else []),
        "system_family": c.system_family,
        "system": c.system,
        "unknown_system": c.unknown_system,
        "quantity": c.quantity,
        "date": c.date.isoformat() if c.date else None,
        "date_precision": c.date_precision,
        "status": c.status,
        "record_id": c.record_id,
        "status_detail": c.status_detail,
        "confidence": c.confidence,
        "doubts": c.doubts,
        "evidence": {"text": c.evidence, "start": c.start, "end": c.end},
        "language": c.language,
    }


def _flat(c: Candidate) -> dict:
    row = as_dict(c)
    evidence = row.pop("evidence")
    row.update(
        evidence=evidence["text"],
        start=evidence["start"],
        end=evidence["end"],
        doubts="; ".join(c.doubts),
        donors=";".join(row["donors"]),
    )
    return {k: "" if v is None else v for k, v in row.items()}


def render(found: list[tuple[str, Candidate]], form: str, published: str | None = None, url: str | None = None) -> str:
    """`found`: (file name, candidate) pairs. CSV is a review file (`tracker accept` reads it once
    an analyst has written "accepted" in the decision column of the rows to add)."""
    if form == "json":
        rows = [{"file": name, "published": published, "url": url, **as_dict(c)} for name, c in found]
        return json.dumps(rows, ensure_ascii=False, indent=2)
    if form == "csv":
        out = io.StringIO()
        writer = csv.DictWriter(out, REVIEW_COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(review_rows([({"item": name, "published": published or "", "url": url or ""}, c) for name, c in found]))
        return out.getvalue()
    if not found:
        return "no candidate rows"
    lines = []
    for name, c in found:
        what = " ".join(str(v) for v in (c.quantity, c.system or c.system_family or c.unknown_system) if v is not None)
        when = f"{c.date.isoformat()} ({c.date_precision})" if c.date else "undated"
        status = c.status + (f": {c.status_detail}" if c.status_detail else "")
        lines.append(
            f"{name}:{c.start}-{c.end}  {c.kind:<9} {c.donor or '-':<4} {what or '-'}  {when}  [{status}]  confidence {c.confidence:.2f}"
        )
        lines.append(f"    “{c.evidence.strip()[:160]}”")
        if c.doubts:
            lines.append(f"    lower because: {'; '.join(c.doubts)}")
    return "\n".join(lines)


def review_rows(found: list[tuple[dict, Candidate]]) -> list[dict]:
    """Rows of the review CSV: the feed item they came from, the candidate, and an empty decision."""
    return [{"decision": "", **item, **_flat(c)} for item, c in found]
