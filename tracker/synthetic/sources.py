"""Sources: about one per four events, mostly web pages (on example.org) published on or soon after
the day of what they report, some known only by their address (no date), a few print citations
(a date, no address); plus the reference sources the catalogue tables cite."""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from tracker.synthetic import calendar as cal
from tracker.synthetic.catalogue import GDP_SOURCE, KIEL_SOURCE, MEMBERS_SOURCE, RATES_SOURCE, Catalogue
from tracker.synthetic.csvfiles import integers, join, pick, row_chunks

LANGUAGES = ["en", "de", "fr", "pl", "uk", "nl", "it", "es", "cs", "ja"]
LANGUAGE_SHARE = [0.6, 0.1, 0.06, 0.06, 0.06, 0.03, 0.03, 0.03, 0.02, 0.01]
# Titles without commas or quotes, so that rows need no quoting and Arrow writes them directly.
TOPICS = [
    "New military aid package announced",
    "Deliveries of armoured vehicles",
    "Air defence for Ukraine",
    "Artillery ammunition and spare parts",
    "Minister confirms handover",
    "Parliament approves aid",
    "Training of Ukrainian crews",
    "Contact Group meeting: new pledges",
]
REFERENCE = [  # source_id, publisher, title, published, reliability
    (RATES_SOURCE, "European Central Bank", "Euro foreign exchange reference rates (synthetic)", "2025-12-31", "official"),
    (GDP_SOURCE, "World Bank", "GDP (current US$) (synthetic)", "2025-07", "official"),
    (KIEL_SOURCE, "Kiel Institute for the World Economy", "Ukraine Support Tracker release (synthetic)", "2025-12", "specialist"),
    (MEMBERS_SOURCE, "NATO and European Union", "Member countries (synthetic)", "2025", "official"),
]


class Sources:
    """The pool of sources, in order of publication day; ``ids`` also holds the reference sources."""

    def __init__(self, rng: np.random.Generator, cat: Catalogue, n: int, event_days: np.ndarray):
        outlet_weight = 1 / (np.arange(len(cat.outlets)) + 2.0)
        self.n = n
        self.outlet = rng.choice(len(cat.outlets), n, p=outlet_weight / outlet_weight.sum())
        self.day = np.sort(np.minimum(rng.choice(event_days, n) + rng.integers(0, 4, n), cal.N_DAYS - 1))
        self.has_url = rng.random(n) < 0.96
        u = rng.random(n)
        precision = np.select([u < 0.80, u < 0.85, u < 0.87], [cal.DAY, cal.MONTH, cal.YEAR], -1)
        self.precision = np.where(self.has_url, precision, cal.DAY)  # a citation without address has a date
        self.language = rng.choice(len(LANGUAGES), n, p=LANGUAGE_SHARE)
        self.topic = rng.integers(0, len(TOPICS), n)
        self.slugs = pa.array([o["domain"].removesuffix(".example.org") for o in cat.outlets])
        self.publishers = pa.array([o["publisher"] for o in cat.outlets])
        self.grades = pa.array([o["reliability"] for o in cat.outlets])
        pool_ids = join(self.slugs.take(self.outlet), cal.ISO_TEXTS.take(self.day), integers(np.arange(n)), sep="-")
        self.ids = pa.concat_arrays([pool_ids, pa.array([r[0] for r in REFERENCE])])

    def cite(self, rng: np.random.Generator, days: np.ndarray) -> np.ndarray:
        """A source for each day: one published on it or shortly after."""
        first_on_day = np.searchsorted(self.day, np.arange(cal.N_DAYS))
        found = first_on_day[days] + rng.geometric(0.4, days.size) - 1
        return np.minimum(found, self.n - 1).astype(np.int32)

    def any(self, rng: np.random.Generator, size: int) -> np.ndarray:
        return rng.integers(0, self.n, size)

    def chunks(self) -> Iterator[dict[str, pa.Array]]:
        """The table's columns in source_id order, a chunk at a time."""
        order = pc.sort_indices(self.ids).to_numpy().astype(np.int64)
        for part in row_chunks(order.size):
            index = order[part]
            reference = index >= self.n
            i = np.where(reference, 0, index)
            day, precision, outlet = self.day[i], self.precision[i], self.outlet[i]
            url = join("https://example.org", self.slugs.take(outlet), cal.ISO_TEXTS.take(day), integers(i), sep="/")
            extra = [pa.array([r[c] for r in REFERENCE]) for c in range(1, 5)]
            ref = np.where(reference, index - self.n, -1)

            def either(own: pa.Array, column: int) -> pa.Array:
                return pc.if_else(pa.array(reference), pick(extra[column], ref), own)

            yield {
                "source_id": self.ids.take(index),
                "publisher": either(self.publishers.take(outlet), 0),
                "title": either(join(pick(pa.array(TOPICS), self.topic[i]), " (synthetic report ", integers(i), ")"), 1),
                "url": pc.if_else(
                    pa.array(reference),
                    join("https://example.org/reference", self.ids.take(index), sep="/"),
                    pick(url, np.arange(i.size), missing=~self.has_url[i]),
                ),
                "published": either(pick(cal.TEXTS, cal.code(day, np.maximum(precision, 0)), missing=precision < 0), 2),
                "language": pick(pa.array(LANGUAGES), self.language[i]),
                "reliability": either(self.grades.take(outlet), 3),
            }
