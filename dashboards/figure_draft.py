"""A chart built as plain dicts and handed to plotly once.

plotly's `go.Figure` checks and converts every property on each `add_trace` or `update_layout`: a
chart of the Overview cost 12–15 ms that way, and building the same figure from its finished dict
costs under 1 ms. `Draft` offers the few building calls the app's charts use, on dicts. `build` gives
the server the finished dict itself, with the default template written in, for `dcc.Graph` to send as
it is; a `go.Figure` would copy every array twice more (when made and when written: 80 ms for the
Systems chart at 10^6 events). The tests ask for checked figures (TRACKER_CHECK_FIGURES=1) and get a
`go.Figure` made with plotly's checks.

Properties are written nested (`line={"shape": "hv"}`), never with plotly's "magic underscores"
(`line_shape`): plotly.js reads the dict as it is, so a key plotly would have split is an error here.
"""

from __future__ import annotations

import functools
import os
from typing import Any, TypeAlias

import plotly.graph_objects as go
import plotly.io as pio

# What a chart function returns: the plain figure dict on the server, a checked go.Figure in the tests.
Figure: TypeAlias = go.Figure | dict

# Checked figures (the tests) are built with plotly's property checks; the server builds without.
CHECKED = {"_validate": os.environ.get("TRACKER_CHECK_FIGURES") == "1"}
# plotly.js attribute names with an underscore of their own (every one in plotly's graph objects)
UNDERSCORED = frozenset({"copy_ystyle", "copy_zstyle", "error_x", "error_y", "error_z", "paper_bgcolor", "plot_bgcolor"})


def _refuse_underscored(key: str, path: str = "") -> None:
    if "_" in key and key not in UNDERSCORED:
        raise ValueError(f"{path}{key}: write it nested ({key.replace('_', '={')}...}}), plotly.js does not split underscores")


def merge(target: dict, changes: dict) -> dict:
    """Update `target` in place as plotly's update does: nested dicts merge, a list or a value
    replaces, None removes the property."""
    for key, value in changes.items():
        _refuse_underscored(key)
        if value is None:
            target.pop(key, None)
        elif isinstance(value, dict) and isinstance(target.get(key), dict):
            merge(target[key], value)
        else:
            target[key] = value
    return target


def _check_keys(value: Any, path: str = "") -> None:
    if isinstance(value, dict):
        for key, item in value.items():
            _refuse_underscored(key, path)
            _check_keys(item, f"{path}{key}.")
    elif isinstance(value, list) and value and isinstance(value[0], dict):
        for item in value:
            _check_keys(item, path)


class Draft:
    """A figure being built: `data` is the list of trace dicts, `layout` the layout dict."""

    def __init__(self) -> None:
        self.data: list[dict] = []
        self.layout: dict = {}

    def add_trace(self, trace: dict) -> None:
        self.data.append({k: v for k, v in trace.items() if v is not None})  # None: not set, as in plotly

    def update_layout(self, **changes) -> None:
        merge(self.layout, changes)

    def update_xaxes(self, **changes) -> None:
        merge(self.layout.setdefault("xaxis", {}), changes)

    def update_yaxes(self, **changes) -> None:
        merge(self.layout.setdefault("yaxis", {}), changes)

    def add_annotation(self, **annotation) -> None:
        self.layout.setdefault("annotations", []).append(annotation)

    def add_shape(self, **shape) -> None:
        self.layout.setdefault("shapes", []).append(shape)

    def build(self) -> Figure:
        if not CHECKED["_validate"]:
            layout = self.layout if "template" in self.layout else {**self.layout, "template": _default_template()}
            return {"data": self.data, "layout": layout}
        _check_keys(self.data)
        _check_keys(self.layout)
        return go.Figure({"data": self.data, "layout": self.layout})


@functools.cache
def _default_template() -> dict:
    """plotly's default template as the dict a figure's JSON carries (set by dashboards.figures)."""
    return pio.templates[pio.templates.default].to_plotly_json()
