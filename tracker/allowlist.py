"""Accepted exceptions to the cross-table rules: data with a reason, in data/exceptions.yaml.

Each entry names a rule, a table and a row key, and says why the finding is accepted. An entry
that no longer matches any finding is itself a problem, so the list cannot go stale.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from tracker.problems import Problem

FILENAME = "exceptions.yaml"
REQUIRED = ("rule", "table", "key", "reason")


@dataclass(frozen=True)
class Exception_:
    rule: str
    table: str
    key: str
    reason: str
    line: int


def read(data_dir: Path, shown_dir: str, rule_names: set[str]) -> tuple[list[Exception_], list[Problem]]:
    path, shown = data_dir / FILENAME, f"{shown_dir}/{FILENAME}"
    if not path.exists():
        return [], []
    try:
        node = yaml.compose(path.read_text(encoding="utf-8"))
        entries = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (yaml.YAMLError, UnicodeDecodeError) as error:
        line = getattr(getattr(error, "problem_mark", None), "line", 0) + 1
        return [], [Problem(shown, line, "(file)", f"is not valid YAML: {getattr(error, 'problem', error)}")]
    if entries is None:
        return [], []
    if not isinstance(entries, list):
        return [], [Problem(shown, 1, "(file)", "must be a list of entries, each with rule, table, key and reason")]
    accepted, problems = [], []
    for entry, item_node in zip(entries, node.value):
        line = item_node.start_mark.line + 1
        if not isinstance(entry, dict):
            problems.append(Problem(shown, line, "(entry)", "must be a mapping with rule, table, key and reason"))
            continue
        missing = [k for k in REQUIRED if not str(entry.get(k) or "").strip()]
        for k in missing:
            problems.append(Problem(shown, line, k, "is required: every accepted exception says which finding and why"))
        if missing:
            continue
        if entry["rule"] not in rule_names:
            problems.append(
                Problem(shown, line, "rule", f"is not a rule (rules: {', '.join(sorted(rule_names))})", str(entry["rule"]))
            )
            continue
        accepted.append(Exception_(str(entry["rule"]), str(entry["table"]), str(entry["key"]), str(entry["reason"]), line))
    return accepted, problems


def apply(problems: list[Problem], accepted: list[Exception_], shown_dir: str) -> list[Problem]:
    """Drop the findings an exception accepts; add a problem for each exception matching nothing."""
    used, kept = set(), []
    index = {(e.rule, e.table, e.key): e for e in accepted}
    for p in problems:
        table = Path(p.file).stem
        match = index.get((p.rule, table, p.key))
        if match is None:
            kept.append(p)
        else:
            used.add(match)
    for e in accepted:
        if e not in used:
            kept.append(
                Problem(
                    f"{shown_dir}/{FILENAME}",
                    e.line,
                    "key",
                    f"accepted exception matches no finding of rule {e.rule} in {e.table} (the data changed: remove the entry)",
                    e.key,
                )
            )
    return kept
