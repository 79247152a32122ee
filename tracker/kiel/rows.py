"""Kiel's rows as facts: one KielRow per item row, with the problems found reading it."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import pandas as pd

from tracker.kiel import values

SOURCE_FIELDS = ("source_1", "source_2", "source_3", "source_4")


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "item"


def item_key(text: str) -> str:
    """How item names are compared: case and spacing do not count."""
    return " ".join(text.lower().split())


@dataclass
class KielRow:
    row: int  # row in the file, the header counted as in a spreadsheet
    kiel_id: str
    donor_name: str
    date_text: str
    date: str | None  # our fuzzy date
    date_how: str
    aid_type: str
    item: str
    item_type: str
    sub_type: str
    units: float | None
    units_text: str
    delivered: float | None
    delivered_text: str
    sources: list[str]
    delivery_source: str | None
    retrieved: str
    unreadable: list[str] = field(default_factory=list)  # column: why
    unit_price_text: str = ""  # Kiel's "Unit Price in USD", read only for items the crosswalk maps
    value_text: str = ""  # Kiel's "Monetary Value as Given by Source": the value of the row's whole package
    currency: str = ""  # "Original Currency" of that value
    value_eur_text: str = ""  # Kiel's conversion of it to EUR (on the package's first row only)

    @property
    def when(self) -> str:
        """The row's date, for a row already known to have one."""
        if self.date is None:
            raise ValueError(f"row {self.row} has no date")
        return self.date

    @property
    def military(self) -> bool:
        return self.aid_type.lower().startswith("milit")

    @property
    def package_row(self) -> bool:
        """A row that names no item: it stands for its package as a whole."""
        return slug(self.item) == "item" and slug(self.item_type) == "item"

    @property
    def ref(self) -> str:
        """Stable reference to the row: package id, date as Kiel writes it (normalised), item."""
        return f"{self.kiel_id}@{(self.date or slug(self.date_text)).replace('../', 'by-')}#{slug(self.item)}"


def _num(rec: dict, name: str, unreadable: list[str]) -> float | None:
    text = rec.get(name, "")
    try:
        return values.number(text)
    except ValueError:
        unreadable.append(f"{name}: {text.strip()!r} is not a number")
        return None


def parse(frame: pd.DataFrame) -> list[KielRow]:
    rows = []
    for line, rec in zip(frame.index, frame.to_dict("records")):
        unreadable: list[str] = []
        date, how = values.fuzzy_date(rec.get("announced", ""))
        urls = [u for u in (values.url(rec.get(f, "")) for f in SOURCE_FIELDS) if u]
        rows.append(
            KielRow(
                row=int(line),
                kiel_id=rec["kiel_id"].strip(),
                donor_name=" ".join(rec["donor"].split()),
                date_text=rec.get("announced", "").strip(),
                date=date,
                date_how=how,
                aid_type=rec.get("aid_type", "").strip(),
                item=" ".join(rec.get("item", "").split()),
                item_type=" ".join(rec.get("item_type", "").split()),
                sub_type=" ".join(rec.get("sub_type", "").split()),
                units=_num(rec, "units", unreadable),
                units_text=rec.get("units", "").strip(),
                delivered=_num(rec, "delivered", unreadable),
                delivered_text=rec.get("delivered", "").strip(),
                sources=urls,
                delivery_source=values.url(rec.get("delivery_source", "")),
                retrieved=rec.get("retrieved", "").strip(),
                unreadable=unreadable,
                unit_price_text=rec.get("unit_price_usd", "").strip(),
                value_text=rec.get("value_given", "").strip(),
                currency=rec.get("currency", "").strip().upper(),
                value_eur_text=rec.get("value_eur", "").strip(),
            )
        )
    return rows
