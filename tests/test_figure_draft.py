"""Charts built as plain dicts (dashboards/figure_draft.py): plotly's update rules, no magic
underscores, and the figure the server sends (built without plotly's checks) has exactly the
properties of the checked one, for every chart of every page on the shipped data."""

from __future__ import annotations

import json
from datetime import date

import plotly.graph_objects as go
import plotly.io as pio
import pytest

from dashboards import figure_draft, figures
from dashboards.db import Database
from dashboards.figure_draft import Draft, merge

ALL = {"donors": [], "category": None, "family": None, "start": None, "end": None}


def test_merge_updates_as_plotly_does():
    layout = {"margin": {"l": 60, "t": 80}, "yaxis": {"rangemode": "tozero", "title": {"text": "Units"}}}
    merge(layout, {"margin": {"l": 12}, "yaxis": {"rangemode": None}, "annotations": [{"text": "a"}]})
    assert layout == {"margin": {"l": 12, "t": 80}, "yaxis": {"title": {"text": "Units"}}, "annotations": [{"text": "a"}]}
    merge(layout, {"annotations": [{"text": "b"}]})  # a list replaces
    assert layout["annotations"] == [{"text": "b"}]


def test_a_magic_underscore_is_refused():
    with pytest.raises(ValueError, match="line_shape"):
        Draft().update_layout(line_shape="hv")
    draft = Draft()
    draft.add_trace({"type": "scatter", "line_shape": "hv", "fill": None})
    assert "fill" not in draft.data[0]  # None means not set
    with pytest.raises(ValueError, match="line_shape"):
        figure_draft._check_keys(draft.data)


def _paths(value, path="") -> set[str]:
    """Every property path of a figure's JSON (list positions of dicts kept, arrays of values not; an
    array plotly wrote as base64, {"dtype", "bdata"}, is an array of values)."""
    found = set()
    if isinstance(value, dict) and "bdata" not in value:
        for key, item in value.items():
            found |= {f"{path}{key}"} | _paths(item, f"{path}{key}.")
    elif isinstance(value, list):
        for i, item in enumerate(value):
            if isinstance(item, dict):
                found |= _paths(item, f"{path}{i}.")
    return found


def _charts(db: Database) -> dict[str, go.Figure]:
    day, leopard = date(2026, 2, 12), date(2023, 2, 14)
    view = {**ALL, "as_of": day.isoformat()}
    tanks = {**view, "category": "main_battle_tank"}
    family = {**ALL, "as_of": leopard.isoformat(), "family": "leopard-2"}
    ranking = db.frame("donor_ranking", **view)
    training = db.frame("training", programme=None, **view)
    return {
        "cumulative": figures.cumulative(
            db.frame("steps_total", points=figures.STEP_POINTS, **tanks),
            day,
            "tanks",
            undated=db.frame("undated_delivery_days", **tanks),
        ),
        "donor steps": figures.donor_steps(
            db.frame("steps", top=10, points=figures.STEP_POINTS, **family),
            db.frame("steps_total", points=figures.STEP_POINTS, **family),
            db.frame("claims", claim=None, **family),
            "Leopard 2",
            leopard,
            refusals=db.frame("refusals", **family),
        ),
        "category counts": figures.category_counts(db.frame("category_counts", **view), day),
        **{f"ranking {m}": figures.ranking(ranking, m, day) for m in ("eur", "gdp")},
        **{f"map {m}": figures.world_map(ranking, m, day) for m in ("eur", "gdp")},
        "training": figures.training_timeline(training, day),
        "meetings": figures.meetings_timeline(db.frame("meetings", **view), day),
        "empty": figures.empty("Nothing", "No pledge lines match these filters on this date."),
    }


def test_the_unchecked_figure_has_the_properties_of_the_checked_one(shipped_db, monkeypatch):
    db = Database(shipped_db)
    monkeypatch.setitem(figure_draft.CHECKED, "_validate", False)
    sent = _charts(db)  # as the server builds them
    for name, fig in sent.items():
        assert isinstance(fig, dict), name  # the server sends the dict itself, never a go.Figure
        raw = json.loads(pio.to_json(fig, validate=False))
        figure_draft._check_keys(raw["data"])
        figure_draft._check_keys(raw["layout"])
        checked = json.loads(pio.to_json(go.Figure(fig)))  # plotly's checks and conversions
        raw["layout"].pop("template", None), checked["layout"].pop("template", None)
        assert _paths(raw) == _paths(checked), name
        assert len(raw["data"]) > 0 or name in ("empty",), name
