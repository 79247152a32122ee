"""Figure builders: rows in, plotly figure out. Pure functions, shared with notebooks and tested without a browser."""

from __future__ import annotations

from datetime import date
from typing import Any

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio

from dashboards.figure_draft import Draft, Figure

# Every figure of the app uses this template: set once here, not per figure (which costs about 10 ms each).
# It is plotly_white cut to the trace types and layout parts the app draws: the whole of it is written
# into every figure's JSON (7 kB each, and the time to write it).
_WHITE = pio.templates["plotly_white"].to_plotly_json()
pio.templates["tracker"] = go.layout.Template(
    data={kind: _WHITE["data"][kind] for kind in ("bar", "scatter", "choropleth")},
    layout={k: v for k, v in _WHITE["layout"].items() if k not in ("polar", "ternary", "scene", "coloraxis", "colorscale")},
)
pio.templates.default = "tracker"


# Colour-blind-safe qualitative palette (CARTO "Safe", as shipped in plotly), then marker shapes for more.
PALETTE = (
    "#88CCEE",
    "#CC6677",
    "#DDCC77",
    "#117733",
    "#332288",
    "#AA4499",
    "#44AA99",
    "#999933",
    "#882255",
    "#661100",
    "#6699CC",
)
COMMITTED, DELIVERED, TOTAL = "#332288", "#44AA99", "#222222"
POSSIBLE_FILL = "rgba(68, 170, 153, 0.18)"  # DELIVERED, light: the span between certain and possible
# Sequential, colour-blind-safe and legible in greyscale.
SEQUENTIAL = "Cividis"
MEASURES = {
    "units": ("units_committed", "Units committed", "units"),
    "eur": ("value_eur", "Value committed", "EUR"),
    "gdp": ("share_of_gdp", "Share of GDP committed", "% of GDP"),
}


OTHERS = "#888888"  # the series of the donors summed together (donor '')


SYMBOLS = ("circle", "square", "diamond", "triangle-up", "cross")


# The fixed donor-to-colour map: the donors with the most pledge lines each keep one colour of
# their own on every chart and at every as-of date (the Leopard 2 donors are all distinct here).
# Others take a palette colour from their place in the record's donor list, with a marker shape.
DONOR_COLOURS = {
    "USA": "#332288",
    "DEU": "#CC6677",
    "CAN": "#EE7733",
    "NLD": "#117733",
    "DNK": "#AA4499",
    "GBR": "#0077BB",
    "CZE": "#999933",
    "LTU": "#882255",
    "BEL": "#661100",
    "EST": "#6699CC",
    "SWE": "#DDCC77",
    "NOR": "#44AA99",
    "AUS": "#EE3377",
    "SVK": "#BBCC33",
    "FIN": "#77AADD",
    "POL": "#88CCEE",
    "PRT": "#994455",
    "ESP": "#EECC66",
    "FRA": "#004488",
    "ITA": "#997700",
}


def _dates(values) -> np.ndarray:
    """Days as a numpy datetime64[D] array, which plotly writes to JSON in one step (a Series of
    timestamps goes value by value: a third of a page's time at 10^6 events)."""
    return pd.to_datetime(pd.Series(values)).to_numpy().astype("datetime64[D]")


def _texts(frame: pd.DataFrame) -> np.ndarray:
    """A point's click data as one text per point, its columns joined by "|" (a date column as its
    ISO day); dashboards.safety.clicked splits it again. One string per point, not a list: writing
    the figure's JSON visits every list, and the Systems chart at 10^6 events had 25,000 of them."""
    columns = [
        np.datetime_as_string(_dates(frame[c]), unit="D") if c in DAY_COLUMNS else frame[c].to_numpy(dtype=str)
        for c in frame.columns
    ]
    joined = columns[0]
    for column in columns[1:]:
        joined = np.char.add(np.char.add(joined, "|"), column)
    return joined  # an array of str: written to JSON as one list, not value by value


DAY_COLUMNS = ("date", "since")
# Steps drawn per series at most (about): steps.sql and steps_total.sql keep one day per span of days
# beyond it. The plot of a 1280 px wide page is about 1,100 px wide, so a span is at most about 4 px;
# on a 390 px phone the plot has fewer pixels than points.
STEP_POINTS = 300


def _step_click(frame: pd.DataFrame, *first: str) -> np.ndarray:
    """A step's click data: `first` columns, the day and the first day of the span it stands for
    (`since`, the day itself where the query did not thin the series)."""
    days = frame[[*first, "date"]]
    return _texts(days.assign(since=frame["since"] if "since" in frame else frame["date"]))


def donor_style(donor: str, donors: list[str]) -> dict:
    """The same donor gets the same colour on every chart and at every as-of date; the other donors
    summed together (donor '') are grey.

    Donors of the fixed map (DONOR_COLOURS) keep their colour whatever the list; any other takes a
    palette colour from its place in `donors` (pages pass every donor in the record, not those of
    the view), with a marker shape telling apart two that share a colour (the line's dash is kept
    for committed against delivered).
    """
    if donor == "":
        return {"color": OTHERS, "symbol": "circle"}
    if donor in DONOR_COLOURS:
        return {"color": DONOR_COLOURS[donor], "symbol": "circle"}
    order = sorted(d for d in donors if d not in DONOR_COLOURS)
    index = order.index(donor) if donor in order else sum(map(ord, donor))
    return {"color": PALETTE[index % len(PALETTE)], "symbol": SYMBOLS[1 + (index // len(PALETTE)) % (len(SYMBOLS) - 1)]}


def wrap(text: str, width: int = 46) -> str:
    """Break a subtitle into lines of at most `width` characters, so that a phone shows all of it."""
    lines: list[str] = []
    for word in text.split(" "):
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return "<br>".join(lines)


TITLE_WIDTH = 34  # characters of a chart title that fit a 390 px phone


def _title_pad(title: str) -> int:
    """Plotly anchors a title of several lines by its first line's baseline: push it down by the others."""
    return 10 + 22 * wrap(title, TITLE_WIDTH).count("<br>")


def _top_margin(title: str, subtitle: str | None) -> int:
    """Room above the plot for the wrapped title and subtitle."""
    lines = wrap(title, TITLE_WIDTH).count("<br>") + 1
    return 32 + 22 * lines + 22 * (lines - 1) + (18 * (wrap(subtitle).count("<br>") + 1) if subtitle else 0)


def eur_text(value, currency: str = "EUR") -> str:
    """Money rounded for reading: EUR 1.2 bn, EUR 350 m, EUR 45 k (or USD ..., for another currency)."""
    if value is None or value != value:
        return ""
    if abs(value) >= 1e9:
        return f"{currency} {value / 1e9:,.1f} bn"
    if abs(value) >= 1e6:
        return f"{currency} {value / 1e6:,.0f} m"
    if value == 0:
        return f"{currency} 0"
    return f"{currency} {value / 1e3:,.0f} k"


def _layout(fig: Draft, title: str, y_title: str, x_title: str | None = None, subtitle: str | None = None) -> Draft:
    """Shared look: a left-aligned title with the as-of date as its subtitle, legend under the plot."""
    # from the top of the figure down, so that a wrapped title and subtitle never run into the plot
    title_spec = {
        "text": wrap(title, TITLE_WIDTH),
        "x": 0.01,
        "xanchor": "left",
        "y": 1,
        "yref": "container",
        "yanchor": "top",
        "pad": {"t": _title_pad(title)},
    }
    if subtitle:
        title_spec["subtitle"] = {"text": wrap(subtitle)}
    # one update (each costs plotly several milliseconds); the app's figures have one x and one y axis
    fig.update_layout(
        title=title_spec,
        margin={"l": 60, "r": 20, "t": _top_margin(title, subtitle), "b": 40},
        legend={"orientation": "h", "yanchor": "top", "y": -0.16, "x": 0},
        hovermode="closest",
        font={"family": "system-ui, sans-serif", "size": 13},
        yaxis={"title": {"text": y_title}, "rangemode": "tozero"},
        **({"xaxis": {"title": {"text": x_title}}} if x_title else {}),
    )
    return fig


def _window(fig: Draft, start: date | None, end: date | None) -> None:
    if start or end:
        fig.update_xaxes(range=[start.isoformat() if start else None, end.isoformat() if end else None])


def empty(title: str, message: str, subtitle: str | None = None) -> Figure:
    """A figure that says there is nothing to draw, instead of a blank frame."""
    fig = _layout(Draft(), title, "", None, subtitle)
    fig.add_annotation(text=message, showarrow=False, x=0.5, y=0.5, xref="paper", yref="paper", font={"size": 15})
    fig.update_xaxes(visible=False)
    fig.update_yaxes(visible=False)
    return fig.build()


LABELLED = 3  # days of deliveries known only as "by" a day that get a line and words on the cumulative chart


def cumulative(steps: pd.DataFrame, as_of: date, scope: str, start=None, end=None, undated: pd.DataFrame | None = None) -> Figure:
    """Committed and delivered units over time, summed over the lines in scope, drawn as steps.

    `undated` lists days on which deliveries known only as "by this day" take effect; each is marked
    on the chart so that its step is not read as one day's deliveries.
    """
    title = "Committed and delivered (units)"
    subtitle = f"as known on {as_of.isoformat()}; cumulative; {scope}"
    if steps.empty:
        return empty(title, "No pledge lines match these filters on this date.", subtitle)
    fig = Draft()
    custom = _step_click(steps)
    fig.add_trace(
        dict(
            type="scatter",
            x=_dates(steps["date"]),
            y=steps["committed"],
            name="Committed",
            mode="lines+markers",
            line={"shape": "hv", "color": COMMITTED, "width": 2.5},
            marker={"size": 6},
            customdata=custom,
            hovertemplate="%{x|%Y-%m-%d}<br>Committed: %{y:,.0f} units<extra></extra>",
        )
    )
    if "delivered_possible" in steps and (steps["delivered_possible"] > steps["delivered"]).any():
        # the band between what certainly arrived and what may have: dates known to a month or only "by" a day
        fig.add_trace(
            dict(
                type="scatter",
                x=_dates(steps["date"]),
                y=steps["delivered_possible"],
                name="May have been delivered (shaded)",
                mode="lines",
                line={"shape": "hv", "color": DELIVERED, "dash": "dot", "width": 1.5},
                customdata=custom,
                hovertemplate="%{x|%Y-%m-%d}<br>May have been delivered: %{y:,.0f} units<extra></extra>",
            )
        )
    fig.add_trace(
        dict(
            type="scatter",
            x=_dates(steps["date"]),
            y=steps["delivered"],
            name="Certainly delivered",
            mode="lines+markers",
            line={"shape": "hv", "color": DELIVERED, "dash": "dash", "width": 2.5},
            marker={"size": 6},
            customdata=custom,
            fill="tonexty" if len(fig.data) == 2 else None,
            fillcolor=POSSIBLE_FILL,
            hovertemplate="%{x|%Y-%m-%d}<br>Certainly delivered: %{y:,.0f} units<extra></extra>",
        )
    )
    rows = list(undated.itertuples()) if undated is not None else []
    # the LABELLED largest get a dotted line and words, stacked so that they do not overlap; the band
    # between certain and possible shows the others
    labelled = sorted(rows, key=lambda r: -r.quantity)[:LABELLED]
    fig.update_layout(
        shapes=[
            {
                "type": "line",
                "xref": "x",
                "yref": "paper",
                "x0": pd.Timestamp(r.date),
                "x1": pd.Timestamp(r.date),
                "y0": 0,
                "y1": 1,
                "line": {"color": TOTAL, "dash": "dot", "width": 1},
            }
            for r in labelled
        ],
        annotations=[
            {
                "x": pd.Timestamp(r.date),
                "y": 0.55 - 0.12 * i,
                "xref": "x",
                "yref": "paper",
                "xanchor": "right",
                "yanchor": "middle",
                "showarrow": False,
                "bgcolor": "rgba(255,255,255,0.55)",
                "font": {"size": 11},  # the steps stay visible through it
                "align": "right",
                "text": f"{r.quantity:,.0f} undated,<br>by {pd.Timestamp(r.date):%Y-%m-%d}",  # short: it sits on the curve at 390 px
            }
            for i, r in enumerate(labelled)
        ],
    )
    _window(fig, start, end)
    return _layout(fig, title, "Units (cumulative)", subtitle=subtitle).build()


def _words(x, y, text: str, colour: str, **placement) -> dict:
    """Words on a chart at data coordinates (x, y), 11 px in `colour`, placed by `placement`."""
    return {
        "x": x,
        "y": y,
        "xref": "x",
        "yref": "y",
        "showarrow": False,
        "font": {"size": 11, "color": colour},
        "text": text,
        **placement,
    }


def _value_at(frame: pd.DataFrame, column: str, day) -> float | None:
    """The step's value holding on `day`: the last row on or before it (in numpy: pandas' filtering
    of small frames cost a millisecond a call, and the Systems chart makes dozens)."""
    values = frame[column].to_numpy(dtype=float, na_value=np.nan)
    return _held(_dates(frame["date"]), values, np.datetime64(pd.Timestamp(day).date(), "D"))


def _held(days: np.ndarray, values: np.ndarray, day: np.datetime64) -> float | None:
    """The step's value holding on `day`: the last known value on or before it."""
    held = values[(days <= day) & ~np.isnan(values)]
    return float(held[-1]) if held.size else None


def _donor_series(steps: pd.DataFrame) -> dict[str, dict]:
    """Each donor's rows of a steps frame (sorted by donor, then day) as numpy arrays: its name, the
    days, committed and delivered (NaN where unknown) and each point's click data. Sliced from one
    conversion of the frame: pandas' grouping and filtering cost a millisecond or more per donor."""
    if steps.empty:
        return {}
    steps = steps.iloc[np.argsort(steps["donor"].to_numpy(dtype=str), kind="stable")]  # as the query sorts them
    donor = steps["donor"].to_numpy(dtype=str)
    columns = {
        "date": _dates(steps["date"]),
        "committed": steps["committed"].to_numpy(dtype=float, na_value=np.nan),
        "delivered": steps["delivered"].to_numpy(dtype=float, na_value=np.nan),
        "click": _step_click(steps, "donor"),
    }
    names = steps["donor_name"].to_numpy()
    starts = np.flatnonzero(np.r_[True, donor[1:] != donor[:-1]])
    ends = np.r_[starts[1:], len(donor)]
    return {
        str(donor[a]): {"name": names[a], **{key: values[a:b] for key, values in columns.items()}} for a, b in zip(starts, ends)
    }


def _ts(value: Any) -> pd.Timestamp:
    return pd.Timestamp(value)


def _event_range(dates: list, start=None, end=None) -> list[str | None] | None:
    """An x axis that fits the events (not the as-of date years later), with room on the right for
    the end-of-line labels; a chosen From/To wins."""
    if start or end:
        return [start.isoformat() if start else None, end.isoformat() if end else None]
    days = pd.to_datetime(pd.Series(dates)).dropna()
    if days.empty:
        return None
    first, last = days.min(), days.max()
    span = max(last - first, pd.Timedelta(days=30))
    return [(first - span * 0.05).strftime("%Y-%m-%d"), (last + span * 0.6).strftime("%Y-%m-%d")]


LABEL_INK = {
    "#88CCEE": "#2b7a99",
    "#DDCC77": "#8a7a1f",
    "#EECC66": "#8a7a1f",
    "#BBCC33": "#6b7a10",
    "#77AADD": "#2f6fa8",
}  # light colours, darker as text
LABEL_GAP = 17  # pixels between two end-of-line labels


def _spread(values: list[float], top: float, plot_height: float = 330) -> list[float]:
    """Vertical pixel shifts that keep labels of equal or close values apart (Germany's 14 and
    Poland's 14 each get their own line of text)."""
    order = sorted(range(len(values)), key=lambda i: (values[i], i))
    shifts = [0.0] * len(values)
    previous = None
    for i in order:
        y = values[i] / top * plot_height if top else 0
        placed = y if previous is None else max(y, previous + LABEL_GAP)
        shifts[i] = placed - y
        previous = placed
    return shifts


REFUSALS_WORDED = 12


def donor_steps(
    steps: pd.DataFrame,
    totals: pd.DataFrame,
    claims: pd.DataFrame,
    scope: str,
    as_of: date,
    start=None,
    end=None,
    refusals: pd.DataFrame | None = None,
    donor_order: list[str] | None = None,
) -> Figure:
    """Per donor, committed (solid) and delivered (dotted) units as steps, each line labelled at its
    end with the donor and the number; the sum of individual pledges; coalition claims as labelled
    diamonds beside it (never added); refusals and cancellations as marks, not lines at 0.

    `donor_order` is every donor of the record: colours come from it, so they do not change with
    the view or the as-of date.
    """
    title = f"{scope} per donor (units)"
    subtitle = f"as known on {as_of.isoformat()}; solid: committed, dotted: delivered"
    refusals = refusals if refusals is not None else pd.DataFrame(columns=["date", "donor", "donor_name", "event_type"])
    if steps.empty and refusals.empty:
        return empty(title, "No pledge lines match these filters on this date.", subtitle)
    fig = Draft()
    series = _donor_series(steps)
    donors = sorted(d for d in series if d)
    order = donor_order or donors
    events = steps[~steps["is_as_of_row"]] if "is_as_of_row" in steps else steps
    drawn = (events["committed"].fillna(0) > 0) | (events["delivered"].fillna(0) > 0)
    x_range = _event_range(
        list(events["date"][drawn]) + list(claims.get("reconciled_on", [])) + list(refusals["date"]), start, end
    )
    right_edge = pd.Timestamp(x_range[1]) if x_range and x_range[1] else pd.Timestamp(as_of)
    edge = np.datetime64(right_edge.date(), "D")
    labels: list[tuple[str, float, str]] = []  # text, value, colour
    finals = {donor: _held(one["date"], one["committed"], edge) for donor, one in series.items()}
    for donor in donors + ([""] if "" in series else []):
        one = series[donor]
        style = donor_style(donor, order)
        name = one["name"]
        committed = np.nan_to_num(one["committed"]) > 0
        if not committed.any():
            continue  # a donor whose line is only a refusal: marked below, not drawn as a line at 0
        shown = slice(int(committed.argmax()), None)  # from its first committed unit, not from 0
        x, custom = one["date"][shown], one["click"][shown]
        final = finals[donor]
        # a line with the same final value as a donor drawn after it is drawn wider, so it shows round that one
        later = donors[donors.index(donor) + 1 :] if donor in donors else []
        same_later = sum(1 for other in later if finals[other] == final)
        fig.add_trace(
            dict(
                type="scatter",
                x=x,
                y=one["committed"][shown],
                name=f"{name} committed",
                legendgroup=donor,
                showlegend=False,  # the label at the line's end names the donor; a legend of donors would squeeze the plot on a phone
                mode="lines+markers",
                line={"shape": "hv", "color": style["color"], "width": 2.5 + 4 * same_later},
                marker={"size": 7 + 4 * same_later, "symbol": style["symbol"]},
                customdata=custom,
                hovertemplate=f"{name}<br>%{{x|%Y-%m-%d}}: %{{y:,.0f}} committed<extra></extra>",
            )
        )
        if final is not None:
            labels.append((f"{name} {final:,.0f}", final, style["color"]))
        delivered = one["delivered"][shown]
        if np.nan_to_num(delivered).max() > 0:
            fig.add_trace(
                dict(
                    type="scatter",
                    x=x,
                    y=delivered,
                    name=f"{name} delivered",
                    legendgroup=donor,
                    showlegend=False,
                    mode="lines",
                    line={"shape": "hv", "color": style["color"], "dash": "dot", "width": 2},
                    customdata=custom,
                    hovertemplate=f"{name}<br>%{{x|%Y-%m-%d}}: %{{y:,.0f}} delivered<extra></extra>",
                )
            )
    if not totals.empty:
        fig.add_trace(
            dict(
                type="scatter",
                x=_dates(totals["date"]),
                y=totals["committed"],
                name="Sum of individual pledges",
                mode="lines",
                line={"shape": "hv", "color": TOTAL, "width": 1.5, "dash": "longdash"},
                customdata=_step_click(totals.assign(donor=""), "donor"),
                hovertemplate="Sum of individual pledges<br>%{x|%Y-%m-%d}: %{y:,.0f}<extra></extra>",
            )
        )
    annotations: list[dict] = []
    summed = _value_at(totals, "committed", right_edge) if not totals.empty else None
    if summed is not None:
        # above the end of its own line, which runs above every donor's: out of the donors' labels' way
        annotations.append(
            _words(
                min(right_edge, pd.Timestamp(as_of)),
                summed,
                f"<b>Sum of individual pledges {summed:,.0f}</b>",
                TOTAL,
                xanchor="right",
                yanchor="bottom",
                yshift=3,
                bgcolor="rgba(255,255,255,0.85)",
            )
        )
    if not claims.empty:
        fig.add_trace(
            dict(
                type="scatter",
                x=claims["reconciled_on"],
                y=claims["claimed"],
                name="Coalition claim (not added to any total)",
                mode="markers",
                marker={"symbol": "diamond", "size": 13, "color": "#DDCC77", "line": {"color": TOTAL, "width": 1.5}},
                customdata=claims[["claim_id"]].to_numpy(),
                text=[
                    f"{r.claimant}: {r.qualifier.replace('_', ' ')} {r.claimed:,.0f} {r.measure}; itemised then: {r.itemised:,.0f}"
                    for r in claims.itertuples()
                ],
                hovertemplate="%{text}<extra></extra>",
            )
        )
        middle = pd.Timestamp(x_range[0]) + (right_edge - pd.Timestamp(x_range[0])) / 2 if x_range and x_range[0] else None
        for r in claims.itertuples():
            # to the left of a diamond in the right half, so that the words stay inside a phone's chart
            left = middle is not None and _ts(r.reconciled_on) > middle
            annotations.append(
                _words(
                    _ts(r.reconciled_on),
                    r.claimed,
                    f"coalition claim:<br>{r.claimed:,.0f} {r.measure}, not added",
                    TOTAL,
                    xanchor="right" if left else "left",
                    xshift=-9 if left else 9,
                    bgcolor="rgba(255,255,255,0.75)",
                    align="right" if left else "left",
                )
            )
    if not refusals.empty:
        fig.add_trace(
            dict(
                type="scatter",
                x=refusals["date"],
                y=[0] * len(refusals),
                name="Declined or cancelled",
                mode="markers",
                marker={"symbol": "x-thin", "size": 13, "line": {"width": 2.5, "color": "#CC3311"}},
                customdata=_texts(refusals[["donor", "date"]]),
                text=[f"{r.donor_name} {r.event_type}" for r in refusals.itertuples()],
                hovertemplate="%{text}<br>%{x|%Y-%m-%d}<extra></extra>",
            )
        )
        # each worded where it happened; with more than REFUSALS_WORDED only the marks' hover names them
        # (the words of the first few would pile up on one another at the start of the axis)
        for r in refusals.itertuples() if len(refusals) <= REFUSALS_WORDED else ():
            annotations.append(_words(_ts(r.date), 0, f"{r.donor_name} {r.event_type}", "#CC3311", yanchor="bottom", yshift=8))
    top = max([v for _, v, _ in labels] + list(claims.get("claimed", [])) + ([summed] if summed else []) + [1]) * 1.12
    label_x = min(right_edge, pd.Timestamp(as_of))
    for (text, value, colour), shift in zip(labels, _spread([v for _, v, _ in labels], top)):
        annotations.append(
            _words(
                label_x,
                value,
                f"<b>{text}</b>",
                LABEL_INK.get(colour, colour),
                xshift=8 if label_x < right_edge else 0,
                xanchor="left" if label_x < right_edge else "right",
                yanchor="middle",
                yshift=shift,
                bgcolor="rgba(255,255,255,0.85)",
            )
        )
    fig.update_layout(annotations=annotations)
    if x_range:
        fig.update_xaxes(range=x_range)
    fig = _layout(fig, title, "Units", subtitle=subtitle)
    fig.update_yaxes(range=[0, top])
    fig.update_layout(height=540, margin={"r": 44})  # room for the longest end-of-line label
    return fig.build()


def category_counts(rows: pd.DataFrame, as_of: date, labels: dict | None = None) -> Figure:
    """Units committed and delivered per category (tanks with tanks): one bar each, never one sum.

    Delivered is drawn certain (solid) and possible (the lighter stretch beyond it)."""
    title = "Units per category"
    subtitle = f"committed, delivered (certain, then possible); as known on {as_of.isoformat()}"
    if rows.empty:
        return empty(title, "No line counted in units matches these filters on this date.", subtitle)
    labels = labels or {}
    data = rows.iloc[::-1]
    names = [labels.get(c, str(c).replace("_", " ").capitalize()) for c in data["category"]]
    fig = Draft()
    fig.add_trace(
        dict(
            type="bar",
            x=data["committed"],
            y=names,
            orientation="h",
            name="Committed",
            marker={"color": COMMITTED},
            text=[f"{v:,.0f}" for v in data["committed"]],
            textposition="outside",
            cliponaxis=False,
            hovertemplate="%{y}: %{x:,.0f} committed<extra></extra>",
            offsetgroup="committed",
        )
    )
    fig.add_trace(
        dict(
            type="bar",
            x=data["delivered"],
            y=names,
            orientation="h",
            name="Certainly delivered",
            marker={"color": DELIVERED},
            hovertemplate="%{y}: %{x:,.0f} certainly delivered<extra></extra>",
            offsetgroup="delivered",
        )
    )
    extra = (data["delivered_possible"] - data["delivered"]).clip(lower=0)
    if (extra > 0).any():
        fig.add_trace(
            dict(
                type="bar",
                x=extra,
                y=names,
                base=data["delivered"],
                orientation="h",
                name="May have been delivered",
                marker={"color": POSSIBLE_FILL, "line": {"color": DELIVERED, "width": 1}},
                hovertemplate="%{y}: up to %{customdata:,.0f} may have been delivered<extra></extra>",
                customdata=data["delivered_possible"],
                offsetgroup="delivered",
            )
        )
    fig = _layout(fig, title, "", "units", subtitle)
    fig.update_layout(barmode="group", height=max(380, 34 * len(data) + 180), bargap=0.25)
    fig.update_yaxes(rangemode=None, automargin=True)
    return fig.build()


def ranking(rows: pd.DataFrame, measure: str, as_of: date, top: int = 15) -> Figure:
    """Donors ranked by the chosen measure (units, EUR, share of GDP) as horizontal bars.

    EUR is drawn as two stacked parts, stated values and estimates from unit prices, so the reader
    sees how much of a donor's total is an estimate."""
    column, label, unit = MEASURES[measure]
    title = f"{label}, by donor"
    subtitle = f"top {top}; as known on {as_of.isoformat()}"
    data = rows.dropna(subset=[column]) if column in rows else rows.iloc[0:0]
    if data.empty:
        return empty(title, "No donor has a value for this measure on this date.", subtitle)
    data = data.sort_values(column, ascending=False).head(top).iloc[::-1]
    if measure == "eur" and "value_eur_stated" in data:
        fig = Draft()
        for part, name, colour in (
            ("value_eur_stated", "Stated", COMMITTED),
            ("value_eur_estimated", "Estimated from unit prices", "#88CCEE"),
        ):
            values = data[part].fillna(0)
            fig.add_trace(
                dict(
                    type="bar",
                    x=values,
                    y=data["donor_name"],
                    orientation="h",
                    name=name,
                    marker={"color": colour},
                    customdata=data[["donor"]].to_numpy(),
                    hovertext=[f"{n}: {eur_text(v)} {name.lower()}" for n, v in zip(data["donor_name"], values)],
                    hovertemplate="%{hovertext}<extra></extra>",
                )
            )
        fig.add_trace(
            dict(
                type="scatter",
                x=data[column],
                y=data["donor_name"],
                mode="text",
                text=[eur_text(v) for v in data[column]],
                textposition="middle right",
                showlegend=False,
                hoverinfo="skip",
                cliponaxis=False,
                textfont={"size": 11},
            )
        )
        fig.update_layout(barmode="stack")
        fig = _layout(fig, title, "", unit, subtitle)
        fig.update_xaxes(range=[0, float(data[column].max()) * 1.3])
        fig.update_layout(height=max(380, 28 * len(data) + 180))
        return fig.build()
    values = data[column] * (100 if measure == "gdp" else 1)
    fig = Draft()
    fig.add_trace(
        dict(
            type="bar",
            x=values,
            y=data["donor_name"],
            orientation="h",
            marker={"color": COMMITTED},
            customdata=data[["donor"]].to_numpy(),
            name=label,
            text=[f"{v:.2f} %" for v in values] if measure == "gdp" else None,
            textposition="outside",
            cliponaxis=False,
            hovertemplate="%{y}: %{x:,.2f} % of GDP<extra></extra>"
            if measure == "gdp"
            else "%{y}: %{x:,.0f} " + unit + "<extra></extra>",
        )
    )
    if measure == "gdp":
        fig.update_xaxes(ticksuffix=" %", range=[0, float(values.max()) * 1.2])
    if measure == "units" and "units_delivered" in data:
        fig.add_trace(
            dict(
                type="bar",
                x=data["units_delivered"],
                y=data["donor_name"],
                orientation="h",
                marker={"color": DELIVERED},
                customdata=data[["donor"]].to_numpy(),
                name="Units delivered",
                hovertemplate="%{y}: %{x:,.0f} delivered<extra></extra>",
            )
        )
        if "units_delivered_possible" in data and (data["units_delivered_possible"] > data["units_delivered"]).any():
            fig.add_trace(
                dict(
                    type="bar",
                    x=data["units_delivered_possible"],
                    y=data["donor_name"],
                    orientation="h",
                    marker={"color": POSSIBLE_FILL, "line": {"color": DELIVERED, "width": 1}},
                    customdata=data[["donor"]].to_numpy(),
                    name="May have been delivered",
                    hovertemplate="%{y}: up to %{x:,.0f} may have been delivered<extra></extra>",
                )
            )
        fig.data[0]["name"] = "Units committed"
        fig.update_layout(barmode="group")
    fig = _layout(fig, title, "", unit, subtitle)
    fig.update_layout(height=max(380, 28 * len(data) + 160))
    return fig.build()


def _log_ticks(low: float, high: float, percent: bool) -> tuple[list[float], list[str]]:
    """Tick positions (log10) and their labels in the measure's own terms."""
    import math

    ticks, labels = [], []
    for exponent in range(math.floor(math.log10(low)), math.ceil(math.log10(high)) + 1):
        for mantissa in (1, 3):
            value = mantissa * 10**exponent
            if low / 1.5 <= value <= high * 1.5:
                ticks.append(math.log10(value))
                labels.append(f"{value:g} %" if percent else eur_text(value) if value >= 1e3 else f"{value:,.0f}")
    return ticks, labels


def world_map(rows: pd.DataFrame, measure: str, as_of: date) -> Figure:
    """Countries coloured by the chosen measure on a log scale (the United States does not flatten
    the others); Europe large, the world beside it. Donors that are not countries are left off."""
    import numpy as np

    column, label, unit = MEASURES[measure]
    title = f"{label} ({unit})"
    subtitle = f"countries only; log colour scale; as known on {as_of.isoformat()}"
    data = rows[(rows.get("donor_type") == "country")] if "donor_type" in rows else rows
    data = data.dropna(subset=[column]) if column in data else data.iloc[0:0]
    data = data[data[column] > 0] if not data.empty else data
    if data.empty:
        return empty(title, "No country has a value for this measure on this date.", subtitle)
    values = data[column] * (100 if measure == "gdp" else 1)
    shown = [f"{v:.2f} % of GDP" if measure == "gdp" else eur_text(v) if measure == "eur" else f"{v:,.0f} units" for v in values]
    ticks, tick_labels = _log_ticks(float(values.min()), float(values.max()), measure == "gdp")
    common = {
        "locations": data["donor"],
        "z": np.log10(values),
        "zmin": float(np.log10(values.min())),
        "zmax": float(np.log10(values.max())),
        "locationmode": "ISO-3",
        "colorscale": SEQUENTIAL,
        "customdata": data[["donor"]].to_numpy(),
        "text": [f"{n}: {v}" for n, v in zip(data["donor_name"], shown)],
        "hovertemplate": "%{text}<extra></extra>",
        "marker": {"line": {"color": "#ffffff", "width": 0.6}},
    }
    fig = Draft()
    fig.data = [
        dict(
            type="choropleth",
            **common,
            geo="geo",
            # under the map, beside the world inset: the map keeps the full width of a phone
            colorbar={
                "title": {"text": unit, "side": "top"},
                "tickvals": ticks,
                "ticktext": tick_labels,
                "orientation": "h",
                "x": 0.75,
                "xanchor": "center",
                "y": 0.04,
                "yanchor": "bottom",
                "len": 0.48,
                "thickness": 12,
                "tickangle": -45,
                "tickfont": {"size": 10},
            },
        ),
        dict(type="choropleth", **common, geo="geo2", showscale=False),
    ]
    base = {
        "showframe": False,
        "showcoastlines": False,
        "showcountries": True,
        "countrycolor": "#bbbbbb",
        "showland": True,
        "landcolor": "#eeeeee",
    }
    fig.update_layout(
        geo={
            **base,
            # Europe fills the frame: a conic projection of 25 W to 45 E keeps the Baltic states legible
            "projection": {"type": "conic conformal", "parallels": [40, 65], "rotation": {"lon": 12}},
            "lonaxis": {"range": [-14, 40]},
            "lataxis": {"range": [35, 70]},
            "domain": {"x": [0, 1], "y": [0.28, 1]},
        },
        geo2={
            **base,
            "projection": {"type": "natural earth"},
            "lataxis": {"range": [-50, 80]},
            "domain": {"x": [0, 0.48], "y": [0, 0.26]},
        },
        title={
            "text": wrap(title, TITLE_WIDTH),
            "x": 0.01,
            "y": 1,
            "yref": "container",
            "yanchor": "top",
            "pad": {"t": _title_pad(title)},
            "subtitle": {"text": wrap(subtitle)},
        },
        margin={"l": 0, "r": 0, "t": _top_margin(title, subtitle), "b": 0},
        font={"family": "system-ui, sans-serif", "size": 13},
        height=560,
    )
    return fig.build()


def _segments(rows, start_col: str, end_col: str):
    """Bars from start to end: x is the duration in milliseconds, base the start (plotly's timeline form)."""
    starts = pd.to_datetime(rows[start_col])
    ends = pd.to_datetime(rows[end_col])
    return (ends - starts).dt.total_seconds() * 1000, starts.dt.strftime("%Y-%m-%d")


def short_labels(names: pd.Series, limit: int = 34) -> pd.Series:
    """Axis labels that fit a phone: a name without its parenthesis, cut at `limit` characters.

    The full name stays in the hover text; where shortening would make two labels equal, the
    full names are kept.
    """
    short = names.str.replace(r"\s*\(.*\)\s*$", "", regex=True)
    short = short.where(short.str.len() <= limit, short.str.slice(0, limit - 1).str.rstrip() + "…")
    return short if short.is_unique else names


def training_timeline(programmes: pd.DataFrame, as_of: date) -> Figure:
    """Each programme's planned span beside its actual span; the uncertain part of a coarse date is hatched."""
    title = "Training: planned and actual"
    subtitle = f"hatched: the span a coarse date can mean; as known on {as_of.isoformat()}"
    if programmes.empty:
        return empty(title, "No training programme matches these filters on this date.", subtitle)
    p = programmes.copy()
    as_of_ts = pd.Timestamp(as_of)
    for c in (
        "start_earliest",
        "start_latest",
        "planned_end_earliest",
        "planned_end_latest",
        "actual_end_earliest",
        "actual_end_latest",
    ):
        p[c] = pd.to_datetime(p[c])
    # Without a known end, a programme is drawn up to the as-of date if it was running then: reported
    # ongoing, or not yet past its planned end. One reported finished with no end date gets no bar.
    running = p["actual_end_earliest"].isna() & (
        (p["status"] == "ongoing") | (p["planned_end_latest"].notna() & (p["planned_end_latest"] >= as_of_ts))
    )
    p["actual_to"] = p["actual_end_earliest"].where(~running, as_of_ts)
    p["actual_to_latest"] = p["actual_end_latest"].where(~running, as_of_ts)
    p["planned_to"] = p["planned_end_earliest"]
    p["label"] = short_labels(p["name"])
    fig = Draft()
    label = p["label"]

    def bars(frame, start_col, end_col, name, colour, hatched, offset, show_legend, hover):
        frame = frame.dropna(subset=[start_col, end_col])
        frame = frame[frame[end_col] >= frame[start_col]]
        if frame.empty:
            return
        width, base = _segments(frame, start_col, end_col)
        fig.add_trace(
            dict(
                type="bar",
                y=frame["label"],
                x=width.clip(lower=86_400_000),
                base=base,
                orientation="h",
                name=name,
                offsetgroup=offset,
                legendgroup=name,
                showlegend=show_legend,
                marker={"color": colour, "pattern": {"shape": "/" if hatched else "", "fgcolor": "#ffffff", "solidity": 0.4}},
                customdata=frame[["programme_id"]].to_numpy(),
                hovertext=frame[hover].tolist(),
                hovertemplate="%{hovertext}<extra></extra>",
            )
        )

    def planned_text(r):
        return f"{r['name']}<br>planned: {r['start']} to {r['planned_end'] or 'not stated'}<br>status: {r['status']}"

    def actual_text(r):
        end = r["actual_end"] or (f"running on {as_of.isoformat()}" if r["status"] in ("ongoing", "planned") else "not recorded")
        return f"{r['name']}<br>actual: {r['start']} to {end}<br>status: {r['status']}"

    rows = p[["name", "start", "planned_end", "actual_end", "status"]].astype(object).where(p.notna(), None).to_dict("records")
    p["planned_hover"] = [planned_text(r) for r in rows]  # once per programme, not once per bar
    p["actual_hover"] = [actual_text(r) for r in rows]

    bars(p, "start_latest", "planned_to", "Planned", "#88CCEE", False, "planned", True, "planned_hover")
    bars(p, "start_latest", "actual_to", "Actual (to date if running)", COMMITTED, False, "actual", True, "actual_hover")
    # Coarse dates: the stretch in which the start or end falls, hatched.
    bars(
        p,
        "start_earliest",
        "start_latest",
        "Date known only to the month, quarter or year",
        "#999999",
        True,
        "actual",
        True,
        "actual_hover",
    )
    bars(
        p,
        "actual_to",
        "actual_to_latest",
        "Date known only to the month, quarter or year",
        "#999999",
        True,
        "actual",
        False,
        "actual_hover",
    )
    bars(
        p,
        "planned_end_earliest",
        "planned_end_latest",
        "Date known only to the month, quarter or year",
        "#999999",
        True,
        "planned",
        False,
        "planned_hover",
    )
    as_of_ms = as_of_ts.timestamp() * 1000
    fig.add_shape(
        type="line",
        xref="x",
        yref="paper",
        x0=as_of_ms,
        x1=as_of_ms,
        y0=0,
        y1=1,
        line={"color": TOTAL, "dash": "dot", "width": 1},
    )
    fig = _layout(fig, title, "", None, subtitle)
    # The names go above their bars, not on the y axis: on a phone an axis of names leaves the bars no room.
    fig.update_layout(
        barmode="overlay",
        bargap=0.5,
        height=max(380, 64 * len(label) + 190),
        legend={"y": -36 / max(200, 64 * len(label))},  # just under the date axis, however many programmes
        margin={"l": 12, "r": 12},
        annotations=fig.layout.get("annotations", [])
        + [
            {
                "x": 0,
                "xref": "paper",
                "y": name,
                "yref": "y",
                "yshift": 19,
                "xanchor": "left",
                "yanchor": "middle",
                "showarrow": False,
                "font": {"size": 12},
                "text": name,
            }
            for name in label.unique()
        ],
    )
    fig.update_xaxes(type="date")
    fig.update_yaxes(autorange="reversed", rangemode=None, showticklabels=False)
    return fig.build()


def _meeting_text(r: dict) -> str:
    linked = (
        f"{r['events']} commitment events linked, {r['units_added']:,.0f} units added"
        if r["events"]
        else "no linked commitment recorded"
    )
    return f"{r['meeting_id']} ({r['date']}, {r['place']})<br>{linked}"


def meetings_timeline(meetings: pd.DataFrame, as_of: date) -> Figure:
    """Meetings on a time axis, one row per series; a larger marker means more units announced at it,
    a hollow one that no outcome is linked to the meeting in the record."""
    title = "Donor meetings and their outcomes"
    subtitle = f"larger: more units announced; hollow: no linked commitment recorded; as known on {as_of.isoformat()}"
    if meetings.empty:
        return empty(title, "No meeting in this period.", subtitle)
    fig = Draft()
    series_names = {"udcg": "Contact Group", "nato_defence_ministers": "NATO ministers", "nato_summit": "NATO summits"}
    for i, (series, rows) in enumerate(meetings.groupby("series", sort=True)):
        size = 10 + 30 * (rows["units_added"].clip(lower=0) / max(1.0, meetings["units_added"].max())) ** 0.5
        name = series_names.get(series, series)
        colour = PALETTE[(4 + i) % len(PALETTE)]
        linked = rows["events"] > 0
        fig.add_trace(
            dict(
                type="scatter",
                x=rows["day"],
                y=[name] * len(rows),
                mode="markers",
                name=name,
                marker={
                    "size": size,
                    "color": [colour if k else "rgba(255,255,255,0)" for k in linked],
                    "line": {"color": [TOTAL if k else colour for k in linked], "width": [1 if k else 2 for k in linked]},
                },
                customdata=rows[["meeting_id"]].to_numpy(),
                text=[_meeting_text(r) for r in rows.to_dict("records")],
                hovertemplate="%{text}<extra></extra>",
            )
        )
    fig = _layout(fig, title, "", None, subtitle)
    fig.update_yaxes(rangemode=None, type="category", automargin=True)
    fig.update_layout(height=380, showlegend=False, margin={"l": 10})
    return fig.build()
