"""Figure builders: rows in, plotly figure out. Pure functions, shared with notebooks and tested without a browser."""

from __future__ import annotations

from datetime import date

import pandas as pd
import plotly.graph_objects as go

# Colour-blind-safe qualitative palette (CARTO "Safe", as shipped in plotly), then dashes for more.
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
DASHES = ("solid", "dot", "dash", "longdash", "dashdot")
COMMITTED, DELIVERED, TOTAL = "#332288", "#44AA99", "#222222"
POSSIBLE_FILL = "rgba(68, 170, 153, 0.18)"  # DELIVERED, light: the span between certain and possible
# Sequential, colour-blind-safe and legible in greyscale.
SEQUENTIAL = "Cividis"
MEASURES = {
    "units": ("units_committed", "Units committed", "units"),
    "eur": ("value_eur", "Value committed", "EUR"),
    "gdp": ("share_of_gdp", "Value committed as a share of GDP", "% of GDP"),
}


OTHERS = "#888888"  # the series of the donors summed together (donor '')


def donor_style(donor: str, donors: list[str]) -> dict:
    """The same donor gets the same colour and dash on every chart drawn from the same donor list;
    the other donors summed together (donor '') are grey."""
    if donor == "":
        return {"color": OTHERS, "dash": "solid"}
    index = sorted(donors).index(donor) if donor in donors else 0
    return {"color": PALETTE[index % len(PALETTE)], "dash": DASHES[(index // len(PALETTE)) % len(DASHES)]}


def _layout(fig: go.Figure, title: str, y_title: str, x_title: str | None = None, subtitle: str | None = None) -> go.Figure:
    """Shared look: a left-aligned title with the as-of date as its subtitle, legend under the plot."""
    title_spec = {"text": title, "x": 0.01, "xanchor": "left"}
    if subtitle:
        title_spec["subtitle"] = {"text": subtitle}
    fig.update_layout(
        title=title_spec,
        template="plotly_white",
        margin={"l": 60, "r": 20, "t": 80, "b": 40},
        legend={"orientation": "h", "yanchor": "top", "y": -0.16, "x": 0},
        hovermode="closest",
        font={"family": "system-ui, sans-serif", "size": 13},
    )
    fig.update_yaxes(title_text=y_title, rangemode="tozero")
    if x_title:
        fig.update_xaxes(title_text=x_title)
    return fig


def _window(fig: go.Figure, start: date | None, end: date | None) -> None:
    if start or end:
        fig.update_xaxes(range=[start.isoformat() if start else None, end.isoformat() if end else None])


def empty(title: str, message: str, subtitle: str | None = None) -> go.Figure:
    """A figure that says there is nothing to draw, instead of a blank frame."""
    fig = _layout(go.Figure(), title, "", None, subtitle)
    fig.add_annotation(text=message, showarrow=False, x=0.5, y=0.5, xref="paper", yref="paper", font={"size": 15})
    fig.update_xaxes(visible=False)
    fig.update_yaxes(visible=False)
    return fig


LABELLED = 3  # days of deliveries known only as "by" a day that get a line and words on the cumulative chart


def cumulative(
    steps: pd.DataFrame, as_of: date, scope: str, start=None, end=None, undated: pd.DataFrame | None = None
) -> go.Figure:
    """Committed and delivered units over time, summed over the lines in scope, drawn as steps.

    `undated` lists days on which deliveries known only as "by this day" take effect; each is marked
    on the chart so that its step is not read as one day's deliveries.
    """
    title = "Committed and delivered (units)"
    subtitle = f"as known on {as_of.isoformat()}; cumulative; {scope}"
    if steps.empty:
        return empty(title, "No pledge lines match these filters on this date.", subtitle)
    fig = go.Figure()
    custom = steps[["date"]].astype(str).to_numpy()
    fig.add_trace(
        go.Scatter(
            x=steps["date"],
            y=steps["committed"],
            name="Committed",
            mode="lines+markers",
            line_shape="hv",
            line={"color": COMMITTED, "width": 2.5},
            marker={"size": 6},
            customdata=custom,
            hovertemplate="%{x|%Y-%m-%d}<br>Committed: %{y:,.0f} units<extra></extra>",
        )
    )
    if "delivered_possible" in steps and (steps["delivered_possible"] > steps["delivered"]).any():
        # the band between what certainly arrived and what may have: dates known to a month or only "by" a day
        fig.add_trace(
            go.Scatter(
                x=steps["date"],
                y=steps["delivered_possible"],
                name="May have been delivered (shaded)",
                mode="lines",
                line_shape="hv",
                line={"color": DELIVERED, "dash": "dot", "width": 1.5},
                customdata=custom,
                hovertemplate="%{x|%Y-%m-%d}<br>May have been delivered: %{y:,.0f} units<extra></extra>",
            )
        )
    fig.add_trace(
        go.Scatter(
            x=steps["date"],
            y=steps["delivered"],
            name="Certainly delivered",
            mode="lines+markers",
            line_shape="hv",
            line={"color": DELIVERED, "dash": "dash", "width": 2.5},
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
                "text": f"{r.quantity:,.0f} units reported delivered<br>by {pd.Timestamp(r.date):%Y-%m-%d}, undated",
            }
            for i, r in enumerate(labelled)
        ],
    )
    _window(fig, start, end)
    return _layout(fig, title, "Units (cumulative)", subtitle=subtitle)


def donor_steps(
    steps: pd.DataFrame, totals: pd.DataFrame, claims: pd.DataFrame, scope: str, as_of: date, start=None, end=None
) -> go.Figure:
    """Per donor, committed (solid) and delivered (dotted) units as steps; the itemised total; claims as markers."""
    title = f"{scope} per donor (units)"
    subtitle = f"as known on {as_of.isoformat()}; solid: committed, dotted: delivered"
    if steps.empty:
        return empty(title, "No pledge lines match these filters on this date.", subtitle)
    fig = go.Figure()
    donors = sorted(d for d in steps["donor"].unique() if d)
    for donor in donors + ([""] if (steps["donor"] == "").any() else []):
        rows = steps[steps["donor"] == donor]
        style = donor_style(donor, donors)
        name = rows["donor_name"].iloc[0]
        custom = rows[["donor", "date"]].astype(str).to_numpy()
        fig.add_trace(
            go.Scatter(
                x=rows["date"],
                y=rows["committed"],
                name=f"{name} committed",
                legendgroup=donor,
                mode="lines+markers",
                line_shape="hv",
                line={"color": style["color"], "width": 2.5},
                marker={"size": 7},
                customdata=custom,
                hovertemplate=f"{name}<br>%{{x|%Y-%m-%d}}: %{{y:,.0f}} committed<extra></extra>",
            )
        )
        if rows["delivered"].max() > 0:
            fig.add_trace(
                go.Scatter(
                    x=rows["date"],
                    y=rows["delivered"],
                    name=f"{name} delivered",
                    legendgroup=donor,
                    mode="lines",
                    line_shape="hv",
                    line={"color": style["color"], "dash": "dot", "width": 2},
                    customdata=custom,
                    hovertemplate=f"{name}<br>%{{x|%Y-%m-%d}}: %{{y:,.0f}} delivered<extra></extra>",
                )
            )
    if not totals.empty:
        fig.add_trace(
            go.Scatter(
                x=totals["date"],
                y=totals["committed"],
                name="Sum of individual pledges",
                mode="lines",
                line_shape="hv",
                line={"color": TOTAL, "width": 1.5, "dash": "longdash"},
                customdata=[["", str(d)] for d in totals["date"]],
                hovertemplate="Sum of individual pledges<br>%{x|%Y-%m-%d}: %{y:,.0f}<extra></extra>",
            )
        )
    if not claims.empty:
        fig.add_trace(
            go.Scatter(
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
    _window(fig, start, end)
    return _layout(fig, title, "Units", subtitle=subtitle)


def ranking(rows: pd.DataFrame, measure: str, as_of: date, top: int = 15) -> go.Figure:
    """Donors ranked by the chosen measure (units, EUR, share of GDP) as horizontal bars."""
    column, label, unit = MEASURES[measure]
    title = f"{label} by donor ({unit})"
    subtitle = f"top {top}; as known on {as_of.isoformat()}"
    data = rows.dropna(subset=[column]) if column in rows else rows.iloc[0:0]
    if data.empty:
        return empty(title, "No donor has a value for this measure on this date.", subtitle)
    data = data.sort_values(column, ascending=False).head(top).iloc[::-1]
    values = data[column] * (100 if measure == "gdp" else 1)
    fig = go.Figure(
        go.Bar(
            x=values,
            y=data["donor_name"],
            orientation="h",
            marker={"color": COMMITTED},
            customdata=data[["donor"]].to_numpy(),
            name=label,
            hovertemplate="%{y}: %{x:,.3f}" + (" %" if measure == "gdp" else "") + "<extra></extra>"
            if measure == "gdp"
            else "%{y}: %{x:,.0f} " + unit + "<extra></extra>",
        )
    )
    if measure == "units" and "units_delivered" in data:
        fig.add_trace(
            go.Bar(
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
                go.Bar(
                    x=data["units_delivered_possible"],
                    y=data["donor_name"],
                    orientation="h",
                    marker={"color": POSSIBLE_FILL, "line": {"color": DELIVERED, "width": 1}},
                    customdata=data[["donor"]].to_numpy(),
                    name="May have been delivered",
                    hovertemplate="%{y}: up to %{x:,.0f} may have been delivered<extra></extra>",
                )
            )
        fig.data[0].name = "Units committed"
        fig.update_layout(barmode="group")
    fig = _layout(fig, title, "", unit, subtitle)
    fig.update_layout(height=max(380, 28 * len(data) + 160))
    return fig


def world_map(rows: pd.DataFrame, measure: str, as_of: date) -> go.Figure:
    """Countries coloured by the chosen measure; donors that are not countries are left off the map."""
    column, label, unit = MEASURES[measure]
    title = f"{label} ({unit})"
    subtitle = f"countries only; as known on {as_of.isoformat()}"
    data = rows[(rows.get("donor_type") == "country")] if "donor_type" in rows else rows
    data = data.dropna(subset=[column]) if column in data else data.iloc[0:0]
    if data.empty:
        return empty(title, "No country has a value for this measure on this date.", subtitle)
    values = data[column] * (100 if measure == "gdp" else 1)
    fig = go.Figure(
        go.Choropleth(
            locations=data["donor"],
            z=values,
            locationmode="ISO-3",
            colorscale=SEQUENTIAL,
            customdata=data[["donor"]].to_numpy(),
            text=data["donor_name"],
            colorbar={"title": {"text": unit}},
            hovertemplate="%{text}: %{z:,.3f}<extra></extra>" if measure == "gdp" else "%{text}: %{z:,.0f}<extra></extra>",
        )
    )
    fig.update_geos(
        projection_type="natural earth",
        showframe=False,
        showcoastlines=False,
        lataxis_range=[-50, 80],
        showcountries=True,
        countrycolor="#bbbbbb",
    )
    fig.update_layout(
        title={"text": title, "x": 0.01, "subtitle": {"text": subtitle}},
        margin={"l": 0, "r": 0, "t": 70, "b": 0},
        font={"family": "system-ui, sans-serif", "size": 13},
        height=420,
    )
    return fig


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


def training_timeline(programmes: pd.DataFrame, as_of: date) -> go.Figure:
    """Each programme's planned span beside its actual span; the uncertain part of a coarse date is hatched."""
    title = "Training programmes: planned and actual duration"
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
    fig = go.Figure()
    label = p["label"]

    def bars(frame, start_col, end_col, name, colour, hatched, offset, show_legend, hover):
        frame = frame.dropna(subset=[start_col, end_col])
        frame = frame[frame[end_col] >= frame[start_col]]
        if frame.empty:
            return
        width, base = _segments(frame, start_col, end_col)
        fig.add_trace(
            go.Bar(
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
                hovertext=[hover(r) for r in frame.itertuples()],
                hovertemplate="%{hovertext}<extra></extra>",
            )
        )

    def planned_text(r):
        return f"{r.name}<br>planned: {r.start} to {r.planned_end or 'not stated'}<br>status: {r.status}"

    def actual_text(r):
        end = r.actual_end or (f"running on {as_of.isoformat()}" if r.status in ("ongoing", "planned") else "not recorded")
        return f"{r.name}<br>actual: {r.start} to {end}<br>status: {r.status}"

    bars(p, "start_latest", "planned_to", "Planned", "#88CCEE", False, "planned", True, planned_text)
    bars(p, "start_latest", "actual_to", "Actual (to date if running)", COMMITTED, False, "actual", True, actual_text)
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
        actual_text,
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
        actual_text,
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
        planned_text,
    )
    fig.add_vline(x=as_of_ts.timestamp() * 1000, line={"color": TOTAL, "dash": "dot", "width": 1})
    fig = _layout(fig, title, "", None, subtitle)
    fig.update_layout(barmode="overlay", height=max(360, 48 * len(label) + 160))
    fig.update_xaxes(type="date")
    fig.update_yaxes(autorange="reversed", rangemode=None)
    return fig


def meetings_timeline(meetings: pd.DataFrame, as_of: date) -> go.Figure:
    """Meetings on a time axis, one row per series; a larger marker means more units announced at it."""
    title = "Donor meetings and the units announced at them"
    subtitle = f"larger marker: more units; as known on {as_of.isoformat()}"
    if meetings.empty:
        return empty(title, "No meeting in this period.", subtitle)
    fig = go.Figure()
    series_names = {"udcg": "Contact Group (UDCG)", "nato_defence_ministers": "NATO defence ministers"}
    for i, (series, rows) in enumerate(meetings.groupby("series", sort=True)):
        size = 10 + 30 * (rows["units_added"].clip(lower=0) / max(1.0, meetings["units_added"].max())) ** 0.5
        name = series_names.get(series, series)
        fig.add_trace(
            go.Scatter(
                x=rows["day"],
                y=[name] * len(rows),
                mode="markers",
                name=name,
                marker={"size": size, "color": PALETTE[(4 + i) % len(PALETTE)], "line": {"color": TOTAL, "width": 1}},
                customdata=rows[["meeting_id"]].to_numpy(),
                text=[
                    f"{r.meeting_id} ({r.date}, {r.place})<br>{r.events} commitment events linked, {r.units_added:,.0f} units added"
                    for r in rows.itertuples()
                ],
                hovertemplate="%{text}<extra></extra>",
            )
        )
    fig = _layout(fig, title, "", None, subtitle)
    fig.update_yaxes(rangemode=None, type="category")
    fig.update_layout(height=320, showlegend=False)
    return fig
