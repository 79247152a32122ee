"""A problem found in the data, and how it is printed for analysts and for machines."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass

FILE = "(file)"  # column given for problems that concern the whole file or row


@dataclass(frozen=True, order=True)
class Problem:
    file: str  # path as shown to the analyst, e.g. data/deliveries.csv
    line: int  # 1 is the header; 0 when the file itself is missing
    column: str
    message: str
    value: str | None = None
    rule: str = "schema"
    key: str | None = None  # the row's primary key, joined with "|" for composite keys

    def __str__(self) -> str:
        got = "" if self.value is None else f' (got "{_shorten(self.value)}")'
        return f"{self.file}:{self.line}: {self.column}: {self.message}{got}"


def _shorten(value: str, limit: int = 80) -> str:
    value = value.replace("\r", "\\r").replace("\n", "\\n")
    return value if len(value) <= limit else value[: limit - 1] + "…"


def render_text(problems: list[Problem]) -> str:
    lines = [str(p) for p in sorted(problems)]
    noun = "problem" if len(problems) == 1 else "problems"
    lines.append(f"{len(problems)} {noun} found" if problems else "no problems found")
    return "\n".join(lines)


def render_json(problems: list[Problem]) -> str:
    return json.dumps({"ok": not problems, "problems": [asdict(p) for p in sorted(problems)]}, ensure_ascii=False, indent=2)


class UserError(Exception):
    """Bad input or environment: printed as one line, never with a traceback."""
