"""What the dashboard refuses to pass on: links that are not http(s), spreadsheet formulas in CSV downloads."""

from __future__ import annotations

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
