"""Pledge lines, their commitment events and their deliveries, drawn as numpy arrays (one element
per row, no Python loop over rows) so that ten million events take seconds.

Events are generated line by line in the lines' canonical (line_id) order and by date within a
line, which is the canonical order of commitment_events.csv and deliveries.csv. Everything the
cross-table rules check holds by construction:

- a line's event days are distinct and increasing; a coarse date (month, quarter, year) is only
  used when its period ends before the line's next event, so order and distinct last days stay;
- the first event is 'announced' (or 'declined'), totals rise on 'increased', fall on 'reduced'
  (never twice in a row), reach 0 on 'cancelled' (a line's last event only);
- cumulative deliveries are capped, at each delivery's day, by the smallest total the line is
  committed to from then on; a coarse or "by" delivery date only moves a delivery later, which can
  only lower what has been delivered by any day.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from tracker.synthetic import calendar as cal
from tracker.synthetic.catalogue import CATEGORY_UNITS, PER_EUR, Catalogue

UNITS = ["units", "EUR", "USD"]
CURRENCIES = ["EUR", "USD", "GBP"]
EVENT_TYPES = ["announced", "increased", "reduced", "cancelled", "declined"]
ANNOUNCED, INCREASED, REDUCED, CANCELLED, DECLINED = range(5)
MAX_EVENTS_PER_LINE = 80
RELEASES = np.array([cal.day_of(f"{y}-{m:02d}-06") for y in range(2022, 2026) for m in (2, 4, 6, 8, 10, 12)][1:])


@dataclass
class Lines:
    ids: pa.Array  # line_id, sorted
    donor: np.ndarray  # donor index
    system: np.ndarray  # system index, -1 for a money line
    unit: np.ndarray  # index into UNITS
    joint: np.ndarray  # joint pledge index or -1
    kiel: np.ndarray  # origin kiel
    k: np.ndarray  # events on the line
    start: np.ndarray  # index of its first event


@dataclass
class Events:
    line: np.ndarray
    day: np.ndarray  # the day drawn; the date written is (day, precision)
    precision: np.ndarray
    latest: np.ndarray
    type: np.ndarray
    committed: np.ndarray
    undisclosed: np.ndarray
    meeting: np.ndarray  # meeting index or -1
    value: np.ndarray
    currency: np.ndarray  # index into CURRENCIES or -1
    kiel_package: np.ndarray  # 0 when the event has no kiel_ref
    note: np.ndarray  # note index or -1
    max_ahead: np.ndarray  # smallest committed total from this event on (caps deliveries)


@dataclass
class Deliveries:
    line: np.ndarray
    day: np.ndarray  # the day written (a release day for "by" dates)
    precision: np.ndarray
    latest: np.ndarray
    quantity: np.ndarray
    note: np.ndarray


def _group_cumsum(values: np.ndarray, group: np.ndarray, first: np.ndarray) -> np.ndarray:
    """Inclusive cumulative sum within consecutive groups (``first``: each group's first index)."""
    total = np.cumsum(values)
    before = np.concatenate([[0], total])[first]
    return total - before[group]


def _spread(rng, group, first, count, width) -> np.ndarray:
    """Per row, a distinct increasing offset in [0, width] within its group (count rows, count <=
    width + 1): order statistics of uniforms from exponential spacings, plus the row's rank."""
    if group.size == 0:
        return np.zeros(0, dtype=np.int64)
    rank = np.arange(group.size) - first[group]
    spacing = _group_cumsum(rng.exponential(size=group.size), group, first)
    total = spacing[np.where(count > 0, first + count - 1, 0)] + rng.exponential(size=first.size)
    u = np.minimum(spacing / np.where(count > 0, total, 1)[group], 1 - 1e-9)
    return np.floor(u * (width - count + 2)[group]).astype(np.int64) + rank


def draw_lines(rng, cat: Catalogue, events: int, joint_days: list[int]) -> Lines:
    """About events / 3 lines with a skewed number of events each (most 1 or 2, a few dozens),
    summing to exactly ``events``."""
    k = np.minimum(rng.zipf(2.1, size=events // 2 + 10), MAX_EVENTS_PER_LINE)
    if k.sum() < events:  # rare at small scales; every draw is at least 1, so this is enough
        k = np.concatenate([k, np.minimum(rng.zipf(2.1, size=events), MAX_EVENTS_PER_LINE)])
    n = int(np.searchsorted(np.cumsum(k), events)) + 1
    k = k[:n]
    k[-1] -= k.sum() - events
    donor = rng.choice(len(cat.donors), n, p=cat.donor_weight)
    system = rng.choice(len(cat.system_ids), n, p=cat.system_weight)
    unit = np.zeros(n, dtype=np.int8)
    money = rng.random(n) < 0.02
    unit[money], system[money] = rng.choice([1, 2], money.sum(), p=[0.7, 0.3]), -1
    joint = np.full(n, -1)
    takers = rng.permutation(np.flatnonzero((k <= 6) & ~money))
    for j, _ in enumerate(joint_days):
        share = takers[: min(int(rng.integers(2, 4)), takers.size)]
        takers = takers[share.size :]
        joint[share], system[share] = j, rng.choice(len(cat.system_ids), p=cat.system_weight)
        donor[share] = rng.choice(len(cat.donors), share.size, replace=False, p=cat.donor_weight)

    # donor-system pairs pledged more than once get .2, .3 ... (DEU-kestrel-155-a2.2)
    part = np.where(system >= 0, system + 2, unit - 1)
    key = donor.astype(np.int64) * (len(cat.system_ids) + 2) + part
    order = np.argsort(key, kind="stable")
    new = np.r_[True, key[order][1:] != key[order][:-1]]
    occurrence = np.empty(n, dtype=np.int64)
    occurrence[order] = np.arange(n) - np.flatnonzero(new)[np.cumsum(new) - 1]
    parts = pa.array(["funds-eur", "funds-usd"] + cat.system_ids)
    base = pc.binary_join_element_wise(pa.array(cat.donors).take(donor), parts.take(part), "-")
    numbered = pc.binary_join_element_wise(base, pa.array(occurrence + 1).cast(pa.string()), ".")
    ids = pc.if_else(pa.array(occurrence > 0), numbered, base)
    by_id = pc.sort_indices(ids).to_numpy().astype(np.int64)
    k = k[by_id]
    return Lines(
        ids.take(by_id),
        donor[by_id].astype(np.int32),
        system[by_id].astype(np.int32),
        unit[by_id],
        joint[by_id].astype(np.int32),
        rng.random(n) < 0.3,
        k,
        np.cumsum(k) - k,
    )


def draw_events(
    rng, lines: Lines, cat: Catalogue, meeting_of_day: np.ndarray, meeting_days: np.ndarray, joint_days: list[int], n_notes: int
) -> Events:
    n = int(lines.k.sum())
    line = np.repeat(np.arange(lines.k.size, dtype=np.int32), lines.k)
    pos = (np.arange(n) - lines.start[line]).astype(np.int32)
    day, meeting, precision = _event_dates(rng, lines, line, pos, meeting_of_day, meeting_days, joint_days)
    kind, committed, undisclosed = _event_totals(rng, lines, cat, line, pos)
    del pos
    # The least a line is committed to from each event on: a running minimum from its last event back.
    ahead = pd.Series(np.where(undisclosed, 0, committed)[::-1]).groupby(line[::-1]).cummin().to_numpy()[::-1]
    value, currency = _stated_values(rng, lines, cat, line, committed, undisclosed)
    kiel_package = np.zeros(n, dtype=np.int8)
    kiel = lines.kiel[line] & (lines.system[line] >= 0) & (rng.random(n, dtype=np.float32) < 0.7)
    kiel_package[kiel] = rng.integers(1, 80, int(kiel.sum()))
    return Events(
        line,
        day,
        precision,
        cal.latest(day, precision).astype(np.int16),
        kind,
        committed,
        undisclosed,
        meeting,
        value,
        currency,
        kiel_package,
        _notes(rng, n, 0.02, n_notes),
        ahead,
    )


def _event_dates(rng, lines: Lines, line, pos, meeting_of_day, meeting_days, joint_days):
    """A first day per line (earlier for long histories, some on a meeting day, a joint pledge's
    on its announcement), then distinct later days; a meeting for some events held on a meeting
    day; a precision per date."""
    k, first, n_lines = lines.k, lines.start, lines.k.size
    d0 = np.floor(rng.beta(1.2, 2.6, n_lines) * (cal.N_DAYS - k + 1)).astype(np.int64)
    at_meeting = meeting_days[rng.integers(0, meeting_days.size, n_lines)]
    d0 = np.where((rng.random(n_lines) < 0.08) & (at_meeting <= cal.N_DAYS - k), at_meeting, d0)
    is_joint = lines.joint >= 0
    d0[is_joint] = np.array(joint_days, dtype=np.int64)[lines.joint[is_joint]]
    horizon = np.round(rng.lognormal(np.log(240), 0.8, n_lines) * (1 + k / 8)).astype(np.int64)
    width = np.minimum(cal.N_DAYS - 1 - d0, np.maximum(k - 1, horizon))
    offset = _spread(rng, line, first, k, width)
    day = (d0[line] + offset - offset[first][line]).astype(np.int16)
    del offset
    meeting = np.where(rng.random(day.size, dtype=np.float32) < 0.6, meeting_of_day[day], -1).astype(np.int16)
    next_day = np.roll(day, -1)
    next_day[first + k - 1] = cal.N_DAYS + 1
    keep_day = meeting >= 0
    keep_day[first[is_joint]] = True
    return day, meeting, cal.coarsen(rng, day, next_day, (0.10, 0.05, 0.03), keep_day)


def _event_totals(rng, lines: Lines, cat: Catalogue, line, pos):
    """Totals after each event: a first pledge, increases, some reductions (never two in a row),
    rare cancellations (a line's last event) and refusals (a line of one event)."""
    k, first, n_lines, n = lines.k, lines.start, lines.k.size, line.size
    money = lines.system < 0
    category = cat.system_category[np.maximum(lines.system, 0)]
    first_total = np.where(
        money,
        np.round(rng.lognormal(np.log(2e7), 1.2, n_lines), -5),
        np.round(CATEGORY_UNITS[category] * rng.lognormal(0, 1.0, n_lines)),
    )
    first_total = np.maximum(first_total, np.where(money, 1e5, 1)).astype(np.int64)
    step = np.maximum(1, np.round(first_total[line] * rng.lognormal(-0.6, 0.8, n))).astype(np.int64)
    step[first] = first_total
    committed = _group_cumsum(step, line, first)
    del step
    kind = np.full(n, INCREASED, dtype=np.int8)
    kind[first] = ANNOUNCED
    # reductions at odd positions only, so that the event before one is never itself a reduction
    reduced = np.flatnonzero((pos % 2 == 1) & (rng.random(n, dtype=np.float32) < 0.07))
    reduced = reduced[committed[reduced - 1] >= 2]
    before = committed[reduced - 1]
    committed[reduced] = before - 1 - np.floor(rng.random(reduced.size) * 0.6 * (before - 1)).astype(np.int64)
    kind[reduced] = REDUCED
    last = first + k - 1
    cancelled = last[(k > 1) & (rng.random(n_lines) < 0.03)]
    committed[cancelled], kind[cancelled] = 0, CANCELLED
    single = (k == 1) & (lines.joint < 0)
    u = rng.random(n_lines)
    declined = first[single & (u < 0.015)]
    committed[declined], kind[declined] = 0, DECLINED
    undisclosed = np.zeros(n, dtype=bool)
    undisclosed[first[single & (u >= 0.015) & (u < 0.025)]] = True
    return kind, committed, undisclosed


def _stated_values(rng, lines: Lines, cat: Catalogue, line, committed, undisclosed):
    """Every event of a money line states its amount; a few percent of the others state a value,
    mostly in EUR."""
    money = lines.system < 0
    stated = np.flatnonzero((committed > 0) & ~undisclosed & (money[line] | (rng.random(line.size, dtype=np.float32) < 0.03)))
    of = line[stated]
    currency = np.where(money[of], lines.unit[of] - 1, rng.choice(3, stated.size, p=[0.75, 0.15, 0.1]))
    rate = np.array([PER_EUR[c] for c in CURRENCIES])[currency]
    priced = np.maximum(1000, np.round(committed[stated] * cat.price_eur[np.maximum(lines.system[of], 0)] * rate, -3))
    value = np.full(line.size, -1, dtype=np.int64)
    value[stated] = np.where(money[of], committed[stated], priced)
    currencies = np.full(line.size, -1, dtype=np.int8)
    currencies[stated] = currency
    return value, currencies


def _notes(rng, n: int, share: float, choices: int) -> np.ndarray:
    note = np.full(n, -1, dtype=np.int8)
    some = np.flatnonzero(rng.random(n, dtype=np.float32) < share)
    note[some] = rng.integers(0, choices, some.size)
    return note


def draw_deliveries(rng, lines: Lines, ev: Events, n_notes: int) -> Deliveries:
    """About 0.6 deliveries per event: most lines deliver in one or a few tranches after their
    first event, some in many; a few lines never deliver."""
    k, n_lines = lines.k, lines.k.size
    delivering = (ev.type[lines.start] != DECLINED) & ~ev.undisclosed[lines.start] & (rng.random(n_lines) < 0.78)
    first_day = ev.latest[lines.start].astype(np.int64)
    width = np.minimum(cal.N_DAYS - 1 - first_day, np.round(rng.lognormal(np.log(200), 0.9, n_lines) + 30 * k).astype(np.int64))
    count = np.minimum(np.where(delivering, 1 + rng.poisson(0.42 * k + 0.5), 0), width + 1)
    first = np.cumsum(count) - count
    line = np.repeat(np.arange(n_lines, dtype=np.int32), count)
    day = first_day[line] + _spread(rng, line, first, count, width)

    # Cumulative deliveries: a rising share of the least the line is committed to from that day on.
    event_key = ev.line.astype(np.int64) * 4096 + ev.latest
    cap = ev.max_ahead[np.searchsorted(event_key, line.astype(np.int64) * 4096 + day, side="right") - 1]
    rank = np.arange(line.size) - first[line]
    share = (rank + 1) / count[line]
    full = rng.random(n_lines) < 0.55
    share = np.where(full[line], share**0.8, rng.uniform(0.2, 0.95, n_lines)[line] * share)
    grain = np.where(lines.system < 0, 1000, 1)[line]
    delivered = (np.floor(cap * share / grain) * grain).astype(np.int64)
    del cap, share, grain
    quantity = delivered - np.where(rank > 0, np.roll(delivered, 1), 0)
    keep = quantity > 0
    line, day, quantity = line[keep], day[keep].astype(np.int16), quantity[keep]

    same_next = np.r_[line[1:] == line[:-1], False]
    next_day = np.where(same_next, np.roll(day, -1), cal.N_DAYS + 1)
    release = np.searchsorted(RELEASES, day)
    by = ~same_next & (release < RELEASES.size) & (rng.random(day.size, dtype=np.float32) < 0.12)
    precision = cal.coarsen(rng, day, next_day, (0.08, 0.04, 0.02), keep_day=by)
    precision[by] = cal.BY
    written = np.where(by, RELEASES[np.minimum(release, RELEASES.size - 1)], day).astype(np.int16)
    return Deliveries(
        line, written, precision, cal.latest(written, precision).astype(np.int16), quantity, _notes(rng, day.size, 0.02, n_notes)
    )
