"""Reading article texts for `tracker propose`: a file or standard input, as UTF-8 text of a size an
article has, with a clear message for anything else; its language; and its sentences with their
character offsets."""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from tracker.problems import UserError
from tracker.propose.lexicon import LANGUAGES

MAX_BYTES = 1_000_000  # a long article is 50 kB; a megabyte of text is a book, or not an article


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str
    paragraph: int  # sentences of one paragraph share a number


def read_text(name: str, shown: str | None = None) -> str:
    """The text of file `name` (`-`: standard input)."""
    shown = shown or ("standard input" if name == "-" else name)
    try:
        data = sys.stdin.buffer.read(MAX_BYTES + 1) if name == "-" else _read_file(Path(name))
    except OSError as error:
        raise UserError(f"{shown}: cannot read it: {error.strerror or error}") from None
    if len(data) > MAX_BYTES:
        raise UserError(
            f"{shown}: more than {MAX_BYTES // 1_000_000} MB of text: an article is far shorter; split it or give its text only"
        )
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            data = data.decode("utf-16").encode("utf-8")
        except UnicodeDecodeError:
            raise UserError(f"{shown}: starts as UTF-16 text but is not: save it as UTF-8") from None
    if b"\x00" in data:
        raise UserError(f"{shown}: binary data (NUL bytes), not text: give the article as UTF-8 plain text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise UserError(
            f"{shown}:{line}: not UTF-8 text (byte 0x{data[error.start]:02x}): save the article as UTF-8 plain text"
        ) from None
    if not text.strip():
        raise UserError(f"{shown}: empty: there is no text to read")
    return text


def _read_file(path: Path) -> bytes:
    if path.is_dir():
        raise UserError(f"{path}: a directory, not an article: give the text files in it")
    with path.open("rb") as f:
        return f.read(MAX_BYTES + 1)


@cache
def _detector():
    from lingua import IsoCode639_1, Language, LanguageDetectorBuilder

    languages = [Language.from_iso_code_639_1(getattr(IsoCode639_1, code.upper())) for code in LANGUAGES]
    return LanguageDetectorBuilder.from_languages(*languages).build()


def _confidences(sample: str) -> list:
    """lingua's confidence in each language propose reads, best first; none for a text without words."""
    return _detector().compute_language_confidence_values(sample) if re.search(r"\w{2}", sample) else []


def language(text: str, asked: str, shown: str) -> str:
    """The language of `text`: `asked`, or detected (lingua) among the seven `propose` reads."""
    if asked != "auto":
        if asked not in LANGUAGES:
            raise UserError(f"--lang {asked}: not a language propose reads; use auto or one of {', '.join(LANGUAGES)}")
        return asked
    values = _confidences(text[:5000])
    if not values:
        raise UserError(f"{shown}: no words to read (only digits or signs)")
    best = values[0]
    if best.value < 0.5:
        found = ", ".join(f"{v.language.iso_code_639_1.name.lower()} {v.value:.0%}" for v in values[:3])
        raise UserError(
            f"{shown}: cannot tell which language this is ({found}); propose reads {', '.join(LANGUAGES)}: "
            "pass --lang if it is one of them"
        )
    return best.language.iso_code_639_1.name.lower()


def column_language(text: str, column: str) -> str:
    """The language of a feed's text_xx column: xx, unless the text is plainly another language propose reads
    (the feed's English column holds some Russian texts). Only a confident detection overrides the column."""
    values = _confidences(text[:2000])
    if not values or values[0].value < 0.9:
        return column
    return values[0].language.iso_code_639_1.name.lower()


# "... виробництва.1 червня 2022 року": a sentence's full stop run into a date, in a feed's pasted text
# "..., but Berlin hasn't relented on its refusal to provide Kyiv with Taurus": a clause of contrast is read on its own,
# so that its refusal or its doubt does not undo the decision before it
_BREAK = re.compile(
    r"(?<=[.!?。！？])[\"”»」』)]*\s+|(?<=[。！？])|\n\s*\n|\n(?=\S)|(?<=[^\W\d]{3}\.)(?=\d{1,2}\s)"
    r"|(?<=,)\s+(?=(?:but|however|але|проте|однак|но|однако|aber|jedoch|mais|ale)\s)"
)


def sentences(text: str) -> list[Sentence]:
    """The sentences of `text` with their offsets: split after . ! ? and their Japanese forms, and at
    line breaks (a headline, a dateline and each paragraph are apart); a paragraph ends at a blank line."""
    out: list[Sentence] = []
    paragraph, start = 0, 0
    for m in _BREAK.finditer(text):
        _add(out, text, start, m.start(), paragraph)
        introduces = text[start : m.start()].rstrip().endswith(":")  # "... military aid to Ukraine:" and its list
        # a first line without a full stop, then a line break, is a headline: a paragraph of its own
        headline = not out[:-1] and "\n" in m.group() and not re.search(r"[.!?。！？:;,]\W*$", text[start : m.start()])
        if ("\n\n" in m.group().replace("\r", "") or m.group().count("\n") >= 2 or headline) and not introduces:
            paragraph += 1
        start = m.end()
    _add(out, text, start, len(text), paragraph)
    return out


_ABBREVIATION = re.compile(
    r"(?:\b[A-Z]|\b(?:U\.S|U\.K|Mr|Ms|Dr|St|No|Gen|Lt|Col|approx|ca|bzw|z\.B|usw|vgl|Nr|ok|tys|mln|mld|ст|им|г|т\.е|т\.д|п|ул|тис|млн|млрд|грн"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|janv|févr|avr|juil|sept|oct|nov|déc|Febr|Okt|Dez|lip|sierp|wrz|paź|lis|gru))\.$"
)


def _add(out: list[Sentence], text: str, start: int, end: int, paragraph: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start >= end:
        return
    if out and out[-1].paragraph == paragraph and _ABBREVIATION.search(out[-1].text) and text[start : start + 1].strip():
        previous = out.pop()  # "U.S. Army": not a sentence end
        start = previous.start
    out.append(Sentence(start, end, text[start:end], paragraph))
