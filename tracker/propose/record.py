"""A candidate against the record in data/: `recorded` (the event, delivery, claim, meeting or
programme it matches), `increase` (of which line, from what to what), `conflict` (what the record
says instead) or `new`."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from tracker.csv_reader import read_rows
from tracker.fuzzy_dates import bounds
from tracker.propose.extract import Candidate

NEAR = timedelta(days=7)  # an announcement reported within a week of the record's date is the same one
SAME_DAY = timedelta(days=2)


def _window(text: str) -> tuple[date, date] | None:
    try:
        return bounds(text) if text else None
    except ValueError:
        return None


def _near(day: date | None, window: tuple[date, date] | None, slack: timedelta = NEAR) -> bool:
    if day is None or window is None:
        return True
    first = window[0] - slack if window[0] > date.min + slack else date.min
    last = window[1] + slack if window[1] < date.max - slack else date.max
    return first <= day <= last


def _int(text: str) -> int | None:
    try:
        return int(float(text)) if text else None
    except ValueError:
        return None


def _recorded(c: Candidate, row_id: str, detail: str) -> None:
    c.status, c.record_id, c.status_detail = "recorded", row_id, detail


@dataclass
class Event:
    row_id: str
    line_id: str
    window: tuple[date, date] | None
    committed: int | None
    increment: int | None


@dataclass
class Record:
    lines: dict[str, dict] = field(default_factory=dict)  # line_id -> donor, system, family
    events: dict[str, list[Event]] = field(default_factory=dict)  # line_id -> events in date order
    deliveries: dict[str, list[Event]] = field(default_factory=dict)
    claims: list[dict] = field(default_factory=list)
    meetings: list[dict] = field(default_factory=list)
    training: list[dict] = field(default_factory=list)

    @classmethod
    def read(cls, data_dir: Path) -> Record:
        rec = cls()
        family = {r["system_id"]: r["family_id"] for r in read_rows(data_dir / "systems.csv")}
        for r in read_rows(data_dir / "pledge_lines.csv"):
            rec.lines[r["line_id"]] = {
                "donor": r["donor"],
                "system": r["system_id"],
                "family": family.get(r["system_id"]),
                "unit": r["unit"],
            }
        events = sorted(
            read_rows(data_dir / "commitment_events.csv"), key=lambda r: (_window(r["date"]) or (date.min, date.min))[1]
        )
        for r in events:
            line = rec.events.setdefault(r["line_id"], [])
            committed = _int(r["committed"])
            before = next((e.committed for e in reversed(line) if e.committed is not None), 0)
            increment = committed - before if committed is not None and r["event_type"] == "increased" else None
            line.append(Event(r["event_id"], r["line_id"], _window(r["date"]), committed, increment))
        for r in read_rows(data_dir / "deliveries.csv"):
            rec.deliveries.setdefault(r["line_id"], []).append(
                Event(r["delivery_id"], r["line_id"], _window(r["date"]), _int(r["quantity"]), None)
            )
        rec.claims = read_rows(data_dir / "coalition_claims.csv")
        rec.meetings = read_rows(data_dir / "meetings.csv")
        rec.training = read_rows(data_dir / "training_programmes.csv")
        return rec

    def _lines_of(self, c: Candidate) -> list[str]:
        """The donor's lines of the candidate's system, else of its family (an article's "Leopard 2"
        is the record's Leopard 2A6 line)."""
        family = [
            line_id for line_id, line in self.lines.items() if line["donor"] == c.donor and line["family"] == c.system_family
        ]
        same = [line_id for line_id in family if self.lines[line_id]["system"] == c.system]
        return same or family

    @staticmethod
    def _against(rows: list[Event], c: Candidate, day: date | None, slack: timedelta, noun: str, verb: str) -> bool:
        """`recorded` when a row has the candidate's number (or, for an increase, its increment) near its
        day; `conflict` when a row of the same days says another number. False when neither."""
        for r in rows:
            if c.quantity in (r.committed, r.increment) and _near(day, r.window, slack):
                _recorded(c, r.row_id, f"{noun} {r.row_id}")
                return True
        clash = next(((r, r.window) for r in rows if day and r.window and _near(day, r.window, SAME_DAY)), None)
        if clash:
            r, window = clash
            c.status, c.record_id = "conflict", r.row_id
            c.status_detail = f"the record has {r.committed} {verb} {window[1]} ({r.row_id})"
            return True
        return False

    @staticmethod
    def _same_programme(c: Candidate, p: dict, day: date) -> bool:
        return (
            _near(day, _window(p["start"]))
            and (c.system_family in (None, p["system_family"]) or not p["system_family"])
            and c.donor in (None, p["lead"], p["host_country"])
        )

    def judge(self, c: Candidate) -> None:
        """Set the candidate's status against the record (a date borrowed from another sentence is
        not used to match: the sentence itself did not date the event)."""
        day = None if c.date_borrowed else c.date
        if c.kind == "meeting":
            # the Contact Group's meetings first: a NATO ministers' meeting can be the same day
            meeting = next(
                (
                    m
                    for m in sorted(self.meetings, key=lambda m: m["series"] != "udcg")
                    if day and _near(day, _window(m["date"]), timedelta(days=1))
                ),
                None,
            )
            if meeting:
                _recorded(c, meeting["meeting_id"], f"meeting {meeting['meeting_id']} of {meeting['date']}")
            return
        if c.kind == "training":
            programme = next((p for p in self.training if day and self._same_programme(c, p, day)), None)
            if programme:
                _recorded(c, programme["programme_id"], f"programme {programme['programme_id']} from {programme['start']}")
            return
        if c.kind == "claim":
            for cl in self.claims:
                if _int(cl["quantity"]) == c.quantity and c.system_family in cl["system_families"].split(";"):
                    _recorded(c, cl["claim_id"], f"claim {cl['claim_id']} of {cl['date']}")
                    return
            return
        if c.donor is None or c.system_family is None or c.quantity is None:
            return
        lines = self._lines_of(c)
        if c.kind == "delivered":
            self._against(
                [d for line in lines for d in self.deliveries.get(line, [])],
                c,
                day,
                timedelta(days=14),
                "delivery",
                "delivered by",
            )
            return
        if self._against([e for line in lines for e in self.events.get(line, [])], c, day, NEAR, "event", "committed on"):
            return
        if lines:
            line = lines[0]
            history = self.events.get(line, [])
            total = next((e.committed for e in reversed(history) if e.committed is not None), 0)
            last = history[-1].window[1] if history and history[-1].window else None
            if day is None or last is None or day >= last:
                after = total + c.quantity if c.kind == "increased" else c.quantity
                if after > total:
                    c.status, c.record_id = "increase", line
                    c.status_detail = f"line {line} from {total} to {after}"
