"""The large tables (pledge_lines, commitment_events, deliveries) as chunks of Arrow text columns,
built from the arrays of tracker.synthetic.history, in canonical row order."""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from tracker.synthetic import calendar as cal
from tracker.synthetic.catalogue import Catalogue
from tracker.synthetic.csvfiles import integers, join, pick, row_chunks
from tracker.synthetic.history import CURRENCIES, EVENT_TYPES, UNITS, Deliveries, Events, Lines

# Notes without commas or quotes, so that rows need no quoting and Arrow writes them directly.
EVENT_NOTES = [
    "Total as the ministry states it including units sent earlier.",
    "Sources differ on the number; we take the official one.",
    "Announced at a press conference after the meeting.",
    "Described as up to this number.",
]
DELIVERY_NOTES = [
    "Handed over in Poland and then moved to Ukraine.",
    "Arrival reported by the recipient unit and not by the donor.",
]
KIEL_NOTE = "The part of Kiel's delivered count no dated delivery accounts for."


def line_chunks(lines: Lines, cat: Catalogue, joint_ids: list[str]) -> Iterator[dict[str, pa.Array]]:
    descriptions = pa.array(
        ["Money for military aid (EUR)", "Money for military aid (USD)"]
        + [f"{name} (synthetic pledge)" for name in cat.system_names]
    )
    for part in row_chunks(lines.k.size):
        system = lines.system[part]
        yield {
            "line_id": lines.ids[part],
            "donor": pick(pa.array(cat.donors), lines.donor[part]),
            "system_id": pick(pa.array(cat.system_ids), system),
            "unit": pick(pa.array(UNITS), lines.unit[part]),
            "joint_pledge_id": pick(pa.array(joint_ids or [""]), lines.joint[part]),
            "description": pick(descriptions, np.where(system >= 0, system + 2, lines.unit[part] - 1)),
            "origin": pick(pa.array(["curated", "kiel"]), lines.kiel[part].astype(np.int8)),
        }


LATE_REASON = pa.array(["The first report found is a later one (synthetic)."])


def _lag_reasons(late: np.ndarray) -> pa.Array:
    """The reason rule sources_dated_near_facts asks for, on rows whose source is over 30 days late."""
    return pick(LATE_REASON, np.zeros(late.size, dtype=np.int8), missing=~late)


def event_chunks(
    lines: Lines, ev: Events, cat: Catalogue, source_ids: pa.Array, cited: np.ndarray, meeting_ids: list[str], late: np.ndarray
) -> Iterator[dict[str, pa.Array]]:
    kiel_codes = pa.array([d[:2] + "M" for d in cat.donors])
    system_ids = pa.array(cat.system_ids)
    for part in row_chunks(ev.line.size):
        line = ev.line[part]
        line_ids = lines.ids.take(line)
        package = ev.kiel_package[part]
        kiel_ref = join(
            pick(kiel_codes, lines.donor[line]),
            integers(package),
            "@",
            cal.ISO_TEXTS.take(ev.day[part]),
            "#",
            pick(system_ids, np.maximum(lines.system[line], 0)),
        )
        yield {
            "event_id": join(line_ids, cal.ISO_TEXTS.take(ev.latest[part]), sep="-"),
            "line_id": line_ids,
            "date": cal.TEXTS.take(cal.code(ev.day[part], ev.precision[part])),
            "event_type": pick(pa.array(EVENT_TYPES), ev.type[part]),
            "committed": integers(ev.committed[part], missing=ev.undisclosed[part]),
            "value": integers(ev.value[part], missing=ev.value[part] < 0),
            "value_currency": pick(pa.array(CURRENCIES), ev.currency[part]),
            "meeting_id": pick(pa.array(meeting_ids), ev.meeting[part]),
            "source_id": source_ids.take(cited[part]),
            "source_lag_reason": _lag_reasons(late[part]),
            "kiel_ref": pc.if_else(pa.array(package > 0), kiel_ref, ""),
            "note": pick(pa.array(EVENT_NOTES), ev.note[part]),
        }


def delivery_chunks(
    lines: Lines, dl: Deliveries, source_ids: pa.Array, cited: np.ndarray, late: np.ndarray
) -> Iterator[dict[str, pa.Array]]:
    for part in row_chunks(dl.line.size):
        line_ids = lines.ids.take(dl.line[part])
        by = pa.array(dl.precision[part] == cal.BY)
        yield {
            "delivery_id": pc.if_else(
                by, join(line_ids, "kiel", sep="-"), join(line_ids, cal.ISO_TEXTS.take(dl.latest[part]), sep="-")
            ),
            "line_id": line_ids,
            "date": cal.TEXTS.take(cal.code(dl.day[part], dl.precision[part])),
            "quantity": integers(dl.quantity[part]),
            "source_id": source_ids.take(cited[part]),
            "source_lag_reason": _lag_reasons(late[part]),
            "origin": pc.if_else(by, "kiel", "curated"),
            "note": pc.if_else(by, KIEL_NOTE, pc.fill_null(pick(pa.array(DELIVERY_NOTES), dl.note[part]), "")),
        }
