"""What the dashboard refuses to pass on: links that are not http(s), spreadsheet formulas in CSV downloads,
search wildcards, malformed clicks, unsafe file names."""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import quote, urlsplit

# A spreadsheet reads a cell starting with one of these as a formula (OWASP "CSV injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_url(url) -> str | None:
    """The URL if it is an absolute http(s) address, else None (so `javascript:` never becomes a link)."""
    if not isinstance(url, str):
        return None
    url = url.strip()
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return url


def markdown_link(text, url) -> str:
    """A Markdown link for a table cell, or the text alone when the URL is not safe."""
    label = escape_markdown(text if text not in (None, "") else url or "")
    target = safe_url(url)
    if target is None:
        return label
    # Brackets, spaces and parentheses would end the Markdown link early.
    return f"[{label}]({quote(target, safe=':/?#[]@!$&*+,;=%~._-')})"


def escape_markdown(text) -> str:
    text = "" if text is None else str(text)
    for ch in "\\`*_{}[]()#+!<>|":
        text = text.replace(ch, "\\" + ch)
    return text


def neutralise_cell(value):
    """A text cell that a spreadsheet would run as a formula, prefixed with ' so it stays text."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def like_pattern(text) -> str:
    """An ILIKE pattern (with ESCAPE '\\') finding `text` anywhere, its `%` and `_` taken literally."""
    text = "" if text is None else str(text)
    for ch in ("\\", "%", "_"):
        text = text.replace(ch, "\\" + ch)
    return f"%{text}%"


def clicked(click, count: int = 1, empty_first: bool = False) -> tuple[str, ...] | None:
    """The first `count` values of a clicked point's customdata as text, or None when the click is not
    one a chart of this app sends (a crafted or stale payload): a callback then says so, never fails.
    `empty_first` accepts an empty first value (the Systems chart's total line has no donor)."""
    try:
        custom = click["points"][0]["customdata"]
    except (KeyError, IndexError, TypeError):
        return None
    if isinstance(custom, str) and "|" in custom:
        custom = custom.split("|")  # the charts' click data: one text per point, its values joined by "|"
    if not isinstance(custom, (list, tuple)):
        custom = [custom]
    values = tuple(custom[:count])
    if len(values) < count or not all(isinstance(v, (str, int, float)) and not isinstance(v, bool) for v in values):
        return None
    texts = tuple(str(v) for v in values)
    shortest = [0 if empty_first and i == 0 else 1 for i in range(len(texts))]
    return texts if all(low <= len(t) <= 200 for low, t in zip(shortest, texts)) else None


FILE_NAME_PART = re.compile(r"[^\w.]+")
MAX_FILE_NAME = 180  # bytes of a name most file systems take is 255; leave room for a browser's " (1)"


def file_name(*parts, extension: str | None = "csv") -> str:
    """A download's name from words and values (page, as-of date, filters), safe on every file system:
    letters, digits, dots and single hyphens only, no leading dot, cut to a length every system accepts.
    `extension=None` leaves it off (Plotly's image button adds its own)."""
    words = []
    for part in parts:
        if part in (None, "", (), []):
            continue
        text = ",".join(map(str, part)) if isinstance(part, (list, tuple)) else str(part)
        text = FILE_NAME_PART.sub("-", unicodedata.normalize("NFC", text)).strip("-.")
        if text:
            words.append(text)
    stem = "-".join(words) or "download"
    while len(stem.encode("utf-8")) > MAX_FILE_NAME:
        stem = stem[:-1]
    stem = stem.rstrip("-.")
    return f"{stem}.{extension}" if extension else stem


# What Dash needs beside 'self': its inline scripts (the renderer's start and the clientside callbacks)
# by hash, inline styles (Plotly and the grid set style attributes), and data:/blob: images and fonts
# (the grid's icon font, Plotly's image export). Nothing is loaded from another origin.
CSP = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self' 'unsafe-inline'",
    "img-src": "'self' data: blob:",
    "font-src": "'self' data:",
    "connect-src": "'self'",
    "object-src": "'none'",
    "base-uri": "'self'",
    "form-action": "'self'",
    "frame-ancestors": "'none'",
}


def content_security_policy(script_hashes) -> str:
    policy = dict(CSP, **{"script-src": " ".join([CSP["script-src"], *script_hashes])})
    return "; ".join(f"{k} {v}" for k, v in policy.items())


def add_security_headers(app) -> None:
    """Every response of `app` (a Dash app) carries a Content-Security-Policy, nosniff and no framing.

    The script hashes are those of Dash's inline scripts, which are complete only once the first
    request has registered the page router's clientside callback: they are taken on each response
    (a few hashes of short strings, microseconds).
    """

    def headers(response):
        response.headers["Content-Security-Policy"] = content_security_policy(app.csp_hashes())
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["X-Frame-Options"] = "DENY"
        response.headers["Referrer-Policy"] = "same-origin"
        return response

    app.server.after_request(headers)


# Each page shows a callback's message in its details panel; the Data page under its download button.
MESSAGE_TARGETS = {
    "overview": "overview-details",
    "systems": "systems-details",
    "donors": "donors-details",
    "training": "training-details",
    "meetings": "meetings-details",
    "data": "data-message",
}


def callback_error(error: Exception):
    """Dash's `on_error`: a callback that fails (a crafted click, a parameter no page expects) answers
    with a message where the page shows details, never an HTTP 500; the error goes to the server log."""
    import logging

    import dash
    from dash import dcc, html

    logging.getLogger("dashboards").warning("callback failed: %r", error, exc_info=error)
    ctx = dash.callback_context
    message = html.Div(
        [
            html.P(
                "This could not be shown: the click or the address did not describe anything on this page, "
                "or the data could not be read. Click a point of a chart, or change a filter.",
                className="hint error",
            ),
        ]
        + ([dcc.Link("Open this page with no filters", href=_pathname(ctx))] if _pathname(ctx) else []),
        className="callback-error",
    )
    outputs = ctx.outputs_list
    single = isinstance(outputs, dict)
    values = [
        message if isinstance(o, dict) and o.get("property") == "children" else dash.no_update
        for o in ([outputs] if single else outputs)
    ]
    if all(v is dash.no_update for v in values):
        triggered = dash.ctx.triggered_id
        page = triggered.split("-")[0] if isinstance(triggered, str) else None
        if page in MESSAGE_TARGETS:
            dash.set_props(MESSAGE_TARGETS[page], {"children": message})
    return values[0] if single else values


def _pathname(ctx) -> str | None:
    """The page's own path when the failed callback was given it (the page router is)."""
    try:
        path = ctx.inputs.get("_pages_location.pathname")
    except AttributeError:
        return None
    return path if isinstance(path, str) and path.startswith("/") and not path.startswith("//") else None


def answer_malformed_requests(app) -> None:
    """A request to Dash's callback endpoint that no page of the app sends (not JSON, no such output,
    inputs of the wrong shape) fails inside Dash before any callback runs: it is answered 400 with a
    one-line message, not 500. Errors of callbacks themselves are `callback_error`'s."""
    import logging

    from flask import request
    from werkzeug.exceptions import BadRequest, HTTPException, InternalServerError

    dispatch = app.config.requests_pathname_prefix + "_dash-update-component"

    def handle(error):
        if isinstance(error, HTTPException):
            return error
        logging.getLogger("dashboards").warning("request failed: %s %r", request.path, error, exc_info=error)
        if request.path == dispatch:
            return BadRequest("This request is not one that a page of this app sends.")
        return InternalServerError()

    app.server.register_error_handler(Exception, handle)
