"""`tracker propose`: news articles in Japanese, German, Ukrainian, Russian, English, French or
Polish turned into candidate rows for the record, each with the sentence it came from, its status
against data/ (recorded, increase, conflict or new) and a confidence with its reasons; and
`tracker accept`, which appends the rows an analyst accepted to data/."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from tracker.propose.extract import Candidate, candidates
from tracker.propose.lexicon import Lexicon, load
from tracker.propose.reading import sentences
from tracker.propose.record import Record

__all__ = ["Candidate", "Reader"]


class Reader:
    """Reads articles against the record of one data directory (lexicons and record read once)."""

    def __init__(self, data_dir: Path):
        self.data_dir = data_dir
        self.record = Record.read(data_dir)
        self._lexicons: dict[str, Lexicon] = {}

    def lexicon(self, lang: str) -> Lexicon:
        if lang not in self._lexicons:
            self._lexicons[lang] = load(lang, self.data_dir)
        return self._lexicons[lang]

    def propose(self, text: str, lang: str, published: date | None) -> list[Candidate]:
        found = candidates(text, sentences(text), self.lexicon(lang), published)
        for c in found:
            self.record.judge(c)
        return found
