"""A problem found in the data, and how it is printed for analysts and for machines."""

from __future__ import annotations

import json
import re
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
    more: int = 0  # further rows with the same problem that this one stands for (see collapse)

    def __str__(self) -> str:
        return f"{printable(self.file)}:{self.line}: {self.words()}"

    def words(self, keep: str = "") -> str:
        """``<column>: <message> (got "<value>")``, control characters escaped (but those in ``keep``)."""
        got = "" if self.value is None else f' (got "{_shorten(self.value)}")'
        return f"{printable(self.column)}: {printable(self.message, keep)}{got}"


# C0 and C1 control characters (terminal escape sequences among them), shown escaped: never sent raw to a terminal
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def printable(text: str, keep: str = "") -> str:
    r"""``text`` with each control character escaped (\n, \t, \x1b ...), but those in ``keep``."""
    return _CONTROL.sub(lambda m: m.group() if m.group() in keep else m.group().encode("unicode_escape").decode("ascii"), text)


def _shorten(value: str, limit: int = 80) -> str:
    value = printable(value)
    return value if len(value) <= limit else value[: limit - 1] + "…"


KEEP = 20  # problems of one kind in one file and column shown before the rest are counted
BUDGET = 40  # lines a report of repeated problems may take: several repeated kinds keep fewer each


def collapse(problems: list[Problem], keep: int = KEEP, budget: int = BUDGET) -> list[Problem]:
    """The first problems of each kind (file, column and check, in line order) and, for the rest, one
    problem saying how many more rows have it: one mistake repeated on every row, and the rules it
    sets off, stay short at any scale. A kind keeps ``keep`` problems, or fewer when several kinds
    repeat, so that the repeated kinds together take about ``budget`` lines."""
    kinds: dict[tuple, list[Problem]] = {}
    for p in sorted(problems):
        kind = (p.file, p.column, p.rule, p.message if p.rule == "schema" else "")  # a rule's words may name the row
        kinds.setdefault(kind, []).append(p)
    repeated = sum(1 for found in kinds.values() if len(found) > keep)
    single = sum(len(found) for found in kinds.values() if len(found) <= keep)  # shown in full
    each = max(1, min(keep, max(0, budget - single) // max(1, repeated) - 1))
    out: list[Problem] = []
    for (file, column, rule, _), found in kinds.items():
        if len(found) <= keep:
            out += found
            continue
        out += found[:each]
        more = found[each:]
        lines = f"lines {more[0].line}–{more[-1].line}" if len(more) > 1 else f"line {more[0].line}"
        noun = "row" if len(more) == 1 else "rows"
        words = f"... and {len(more):,} more {noun} with the same problem ({rule}; {lines})"
        out.append(Problem(file, more[0].line, column, words, rule=rule, more=len(more)))
    return sorted(out)


def count(problems: list[Problem]) -> int:
    """How many problems ``problems`` stands for, the collapsed ones included."""
    return sum(1 + p.more for p in problems)


def render_text(problems: list[Problem]) -> str:
    lines = [str(p) for p in sorted(problems)]
    total = count(problems)
    noun = "problem" if total == 1 else "problems"
    lines.append(f"{total:,} {noun} found" if problems else "no problems found")
    return "\n".join(lines)


def render_json(problems: list[Problem]) -> str:
    return json.dumps({"ok": not problems, "problems": [asdict(p) for p in sorted(problems)]}, ensure_ascii=False, indent=2)


class UserError(Exception):
    """Bad input or environment: printed as one line, never with a traceback."""
