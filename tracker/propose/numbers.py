"""Quantities in a sentence: digits (with each language's thousands separator), Japanese counters
(14両, 1万発) and number words (fourteen, vierzehn, quatorze through text2num; чотирнадцять,
четырнадцать, czternaście and 十四 from the small tables below, which no maintained library covers
for these languages). Each found number keeps its character span, so that the caller can tell what
stands next to it."""

from __future__ import annotations

import re
from dataclasses import dataclass

from text_to_num import text2num


@dataclass(frozen=True)
class Number:
    start: int
    end: int
    value: int
    words: bool = False  # written in words, not digits
    approximate: bool = False  # "about", "more than", 約 ...
    up_to: int | None = None  # a range ("20 to 30", "10-12"): its upper end; value is its lower one


FULL_WIDTH = str.maketrans("０１２３４５６７８９，．", "0123456789,.")

# Digits, with the thousands separators each language writes (a decimal part is kept only to be refused).
_SPACE = "[ \u00a0\u202f]"
DIGITS = {
    # "20.000 shells": a writer of another language's thousands, read as such only with a group of three
    "en": r"\d{1,3}(?:,\d{3})+(?!\d)|\d{1,3}(?:\.\d{3})+(?![\d.,])|\d+(?:\.\d+)?",
    "ja": r"\d{1,3}(?:,\d{3})+(?!\d)|\d+(?:\.\d+)?",
    "de": rf"\d{{1,3}}(?:\.\d{{3}})+(?!\d)|\d{{1,3}}(?:{_SPACE}\d{{3}})+(?!\d)|\d+(?:,\d+)?",
}
# "16 155-мм гаубиць" is 16 howitzers of 155 mm, not 16,155: a space-separated group is no thousands when a calibre follows
_NOT_CALIBRE = r"(?![\s-]?(?:мм|mm|millim|міліметр|миллиметр))"
for _lang in ("fr", "pl", "uk", "ru"):
    DIGITS[_lang] = rf"\d{{1,3}}(?:{_SPACE}\d{{3}})+(?!\d){_NOT_CALIBRE}|\d{{1,3}}(?:\.\d{{3}})+(?!\d)|\d+(?:,\d+)?"

# an ordinal's ending after a hyphen (7-му, 18-й, 23-го); not a cardinal's (2-х, 5-ти) nor a calibre (155-мм)
CYRILLIC_ORDINAL = re.compile(r"-(?:й|го|му|ий|ій|ї|ої|ого|ому|ою|ым|им|ая|ое|ой|ый|ом|ую)(?![а-яіїєё])", re.IGNORECASE)

THOUSANDS = {
    "en": r"\s+thousand\b",
    "uk": r"\s+тис(?:яч[аіи]?|\.)",
    "ru": r"\s+тыс(?:яч[аиу]?|\.)",
    "de": r"\s+tausend\b",
    "fr": r"\s+mille\b",
    "pl": r"\s+tys(?:i[ąę]c[ey]?|\.)",
}

MILLIONS = {
    "en": r"\s+million\b",
    "uk": r"\s+(?:млн\.?|мільйон\w*)",
    "ru": r"\s+(?:млн\.?|миллион\w*)",
    "de": r"\s+(?:Mio\.|Million(?:en)?\b)",
    "fr": r"\s+millions?\b",
    "pl": r"\s+(?:mln\.?|milion\w*)",
}

APPROXIMATE = {
    "en": r"\b(about|around|approximately|nearly|almost|some|over|more than|up to|roughly)\s+$",
    "de": r"\b(rund|etwa|ca\.|circa|fast|knapp|über|mehr als|bis zu|zirka)\s+$",
    "fr": r"\b(environ|près de|presque|plus de|jusqu.à|quelque)\s+$",
    "uk": r"\b(близько|майже|понад|більше ніж|до|приблизно|щонайменше)\s+$",
    "ru": r"\b(около|почти|более|больше|свыше|до|примерно|порядка)\s+$",
    "pl": r"\b(około|blisko|prawie|ponad|ok\.|do|niemal)\s+$",
    "ja": r"(約|およそ|おおよそ|最大)$",
}
APPROXIMATE_AFTER = {"ja": r"^(以上|余り|あまり|近く|超)"}

# Number words of languages text2num does not read: a stem (matched at the start of a word, any
# ending after it: inflected forms) and its value. Hundreds and thousands multiply what precedes.
_WORDS = {
    "uk": [
        ("одинадцят", 11),
        ("дванадцят", 12),
        ("тринадцят", 13),
        ("чотирнадцят", 14),
        ("п.ятнадцят", 15),
        ("шістнадцят", 16),
        ("сімнадцят", 17),
        ("вісімнадцят", 18),
        ("дев.ятнадцят", 19),
        ("двадцят", 20),
        ("тридцят", 30),
        ("сорок", 40),
        ("п.ятдесят", 50),
        ("шістдесят", 60),
        ("сімдесят", 70),
        ("вісімдесят", 80),
        ("дев.яност", 90),
        ("двісті", 200),
        ("двохсот", 200),
        ("триста", 300),
        ("трьохсот", 300),
        ("чотириста", 400),
        ("п.ятсот", 500),
        ("сто\\b", 100),
        ("ста\\b", 100),
        ("тисяч", 1000),
        ("один\\b", 1),
        ("одна\\b", 1),
        ("одного\\b", 1),
        ("одну\\b", 1),
        ("одне\\b", 1),
        ("дв(а|і|ох|ома)\\b", 2),
        ("три\\b", 3),
        ("трьох\\b", 3),
        ("чотир(и|ьох|ьма)\\b", 4),
        ("п.ят(ь|и|ьма)\\b", 5),
        ("шіст(ь|и|ьох|ьма)\\b", 6),
        ("шест(и|ьох|ьма)\\b", 6),
        ("сім\\b", 7),
        ("сьом(и|ома)\\b", 7),
        ("сімох\\b", 7),
        ("семи\\b", 7),
        ("вісім\\b", 8),
        ("восьми\\b", 8),
        ("вісьм(ох|ома)\\b", 8),
        ("дев.ят(ь|и|ьох|ьма)\\b", 9),
        ("десят(ь|и|ьма)\\b", 10),
        ("дюжин", 12),
    ],
    "ru": [
        ("одиннадцат", 11),
        ("двенадцат", 12),
        ("тринадцат", 13),
        ("четырнадцат", 14),
        ("пятнадцат", 15),
        ("шестнадцат", 16),
        ("семнадцат", 17),
        ("восемнадцат", 18),
        ("девятнадцат", 19),
        ("двадцат", 20),
        ("тридцат", 30),
        ("сорок", 40),
        ("пятьдесят", 50),
        ("пятидесят", 50),
        ("шестьдесят", 60),
        ("семьдесят", 70),
        ("восемьдесят", 80),
        ("девяност", 90),
        ("двест", 200),
        ("двухсот", 200),
        ("тр[её]хсот", 300),
        ("триста", 300),
        ("четыреста", 400),
        ("пятьсот", 500),
        ("сто\\b", 100),
        ("ста\\b", 100),
        ("тысяч", 1000),
        ("один\\b", 1),
        ("одна\\b", 1),
        ("одного\\b", 1),
        ("одну\\b", 1),
        ("одно\\b", 1),
        ("дв(а|е|ух|умя)\\b", 2),
        ("три\\b", 3),
        ("тр[её]х\\b", 3),
        ("четыр(е|[её]х|ьмя)\\b", 4),
        ("пят(ь|и|ью)\\b", 5),
        ("шест(ь|и)\\b", 6),
        ("сем(ь|и)\\b", 7),
        ("восем(ь|и)\\b", 8),
        ("восьми\\b", 8),
        ("девят(ь|и)\\b", 9),
        ("десят(ь|и|ью)\\b", 10),
        ("дюжин", 12),
    ],
    "pl": [
        ("jedenaści", 11),
        ("dwanaści", 12),
        ("trzynaści", 13),
        ("czternaści", 14),
        ("piętnaści", 15),
        ("szesnaści", 16),
        ("siedemnaści", 17),
        ("osiemnaści", 18),
        ("dziewiętnaści", 19),
        ("jedenast", 11),
        ("dwunast", 12),
        ("trzynast", 13),
        ("czternast", 14),
        ("piętnast", 15),
        ("szesnast", 16),
        ("siedemnast", 17),
        ("osiemnast", 18),
        ("dziewiętnast", 19),
        ("dwadzieści", 20),
        ("dwudziest", 20),
        ("trzydzie", 30),
        ("czterdzie", 40),
        ("pięćdziesi", 50),
        ("pięćdziesięci", 50),
        ("sześćdziesi", 60),
        ("siedemdziesi", 70),
        ("osiemdziesi", 80),
        ("dziewięćdziesi", 90),
        ("dwieście", 200),
        ("dwustu", 200),
        ("trzysta", 300),
        ("czterysta", 400),
        ("pięćset", 500),
        ("sto\\b", 100),
        ("stu\\b", 100),
        ("tysi", 1000),
        ("jeden\\b", 1),
        ("jedna\\b", 1),
        ("dw(a|ie|óch|oma)\\b", 2),
        ("trz(y|ech)\\b", 3),
        ("czter(y|ech)\\b", 4),
        ("pię(ć|ciu)\\b", 5),
        ("sze(ść|ściu)\\b", 6),
        ("siedm?(iu)?\\b", 7),
        ("siedem\\b", 7),
        ("osiem\\b", 8),
        ("ośmiu\\b", 8),
        ("dziewię(ć|ciu)\\b", 9),
        ("dziesię(ć|ciu)\\b", 10),
        ("tuzin", 12),
    ],
}
_WORD_TOKEN = {
    lang: [(re.compile(r"(?<!\w)" + stem, re.IGNORECASE), value) for stem, value in table] for lang, table in _WORDS.items()
}

TEXT2NUM = {"en": "en", "de": "de", "fr": "fr"}
_T2N_WORDS = {
    "en": r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|"
    r"seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|and|a)",
    "de": r"(?:ein|eine|einen|einem|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|elf|zwölf|dreizehn|vierzehn|"
    r"fünfzehn|sechzehn|siebzehn|achtzehn|neunzehn|zwanzig|dreißig|vierzig|fünfzig|sechzig|siebzig|achtzig|neunzig|"
    r"hundert|tausend|und)+",
    "fr": r"(?:un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|treize|quatorze|quinze|seize|vingt|"
    r"trente|quarante|cinquante|soixante|cent|cents|mille|et)",
}
_T2N_SPAN = {
    lang: re.compile(rf"(?<!\w){w}(?:[\s-]+{w})*(?!\w)", re.IGNORECASE) for lang, w in _T2N_WORDS.items() if lang != "de"
}
_T2N_SPAN["de"] = re.compile(rf"(?<!\w){_T2N_WORDS['de']}(?!\w)", re.IGNORECASE)
# phrases that are one number, read before the number words ("a quarter of a million", "чверть мільйона")
_SPECIAL = {
    "en": {"a dozen": 12, "a hundred": 100, "a thousand": 1000, "a quarter of a million": 250_000},
    "uk": {"чверть мільйона": 250_000},
    "ru": {"четверть миллиона": 250_000},
    "pl": {"ćwierć miliona": 250_000},
}

_KANJI = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_KANJI_UNITS = {"十": 10, "百": 100, "千": 1000}
_KANJI_SPAN = re.compile(r"[一二三四五六七八九十百千]+(?=[両基門機台発隻丁人個輌])")


def _kanji(text: str) -> int | None:
    total, digit = 0, 0
    for char in text:
        if char in _KANJI:
            digit = _KANJI[char]
        elif char in _KANJI_UNITS:
            total += (digit or 1) * _KANJI_UNITS[char]
            digit = 0
    return total + digit or None


def _millions(text: str, end: int, lang: str) -> re.Match | None:
    """The word for millions right after a number ending at ``end`` ("30 million", "дев'ять мільйонів")."""
    return re.match(MILLIONS[lang], text[end:], re.IGNORECASE) if lang in MILLIONS else None


def _range_dash(text: str, start: int) -> bool:
    """The "-" before ``start`` joins two numbers as a range ("10-12"), not a name ("TRLG-230-230", "F-16")."""
    if text[start - 1 : start] != "-" or not text[start - 2 : start - 1].isdigit():
        return False
    j = start - 2
    while j >= 0 and text[j].isdigit():
        j -= 1
    return j < 0 or not (text[j].isalpha() or text[j] in "-/")


def _digits(text: str, lang: str) -> int | None:
    """A run of digits as an integer; None for a decimal (an amount, a calibre, a share)."""
    if lang in ("en", "ja"):
        if lang == "en" and re.fullmatch(r"\d{1,3}(?:\.\d{3})+", text):
            return int(text.replace(".", ""))  # "20.000 shells"
        if "." in text:
            return None
        return int(text.replace(",", ""))
    if "," in text:
        return None
    return int(re.sub(r"[ .\u00a0\u202f]", "", text))


def _word_run(text: str, lang: str) -> list[tuple[int, int, int]]:
    """Spans of number words of uk, ru or pl with their values: "сто двадцять" -> 120."""
    tokens: list[tuple[int, int, int]] = []
    for pattern, value in _WORD_TOKEN[lang]:
        for m in pattern.finditer(text):
            end = m.end()
            while end < len(text) and (text[end].isalpha() or text[end] in "'’"):
                end += 1  # the word's ending
            if not any(s <= m.start() < e for s, e, _ in tokens):
                tokens.append((m.start(), end, value))
    tokens.sort()
    runs: list[tuple[int, int, int]] = []
    for start, end, value in tokens:
        if value == 1000 and not (runs and text[runs[-1][1] : start].strip() == ""):
            continue  # "тисячі снарядів": thousands of, a vague number, not 1,000
        if runs and text[runs[-1][1] : start].strip() == "":
            s, _, total = runs[-1]
            if value == 1000:
                total = (total or 1) * 1000
            elif value == 100 and total % 100 and total < 10:
                total *= 100
            else:
                total += value
            runs[-1] = (s, end, total)
        else:
            runs.append((start, end, value))
    return runs


def find(text: str, lang: str) -> list[Number]:
    """Every number of `text` (a sentence), in order, with its span in `text`."""
    text = text.translate(FULL_WIDTH)
    found: list[Number] = []
    for m in re.finditer(DIGITS.get(lang, DIGITS["en"]), text):
        previous = text[m.start() - 1] if m.start() else " "
        following = text[m.end()] if m.end() < len(text) else " "
        letter = (lambda c: c.isascii() and c.isalpha()) if lang == "ja" else str.isalpha  # kana and kanji are no part of a name
        joined = previous in "-/" and not _range_dash(text, m.start())
        if letter(previous) or joined or (letter(following) and lang != "ja"):
            continue  # part of a name: Leopard 2A4, M109A6, F-16, 2K12
        if lang in ("uk", "ru") and CYRILLIC_ORDINAL.match(text, m.end()):
            continue  # "7-му самохідну гаубицю", "18-й пакет": an ordinal counts nothing
        end = m.end()
        million = _millions(text, end, lang)
        if million:  # "30 million rounds", "1,5 млн патронів": a decimal part counts here
            whole = m.group().replace(",", ".") if lang != "en" else m.group().replace(",", "")
            if lang != "en" and re.fullmatch(r"\d{1,3}(?:[ .\u00a0\u202f]\d{3})+", m.group()):
                continue  # "1.000 Millionen" is no count of things
            found.append(
                Number(
                    m.start(),
                    end + million.end(),
                    round(float(whole) * 1_000_000),
                    approximate=_approximate(text, m.start(), end, lang),
                )
            )
            continue
        value = _digits(m.group(), lang)
        if value is None:
            continue
        scale = THOUSANDS.get(lang) and re.match(THOUSANDS[lang], text[end:], re.IGNORECASE)
        if scale:  # "75 тисяч", "20 тис.", "15 Tausend": thousands written as a word
            value, end = value * 1000, end + scale.end()
        elif lang == "ja" and text[end : end + 1] == "万":
            value, end = value * 10000, end + 1
        elif lang == "ja" and text[end : end + 1] == "千":
            value, end = value * 1000, end + 1
        found.append(Number(m.start(), end, value, approximate=_approximate(text, m.start(), end, lang)))
    for phrase, value in _SPECIAL.get(lang, {}).items():
        for m in re.finditer(r"(?<!\w)" + phrase.replace(" ", r"\s+") + r"(?!\w)", text, re.IGNORECASE):
            found.append(Number(m.start(), m.end(), value, words=True, approximate=_approximate(text, m.start(), m.end(), lang)))
    if lang in TEXT2NUM:
        for m in _T2N_SPAN[lang].finditer(text):
            # "and two": the joining word before a number is not part of it
            lead = re.match(r"(?:(?:and|a|et|und)[\s-]+)+", m.group(), re.IGNORECASE)
            start = m.start() + (lead.end() if lead else 0)
            span = text[start : m.end()].strip(" -")
            if (
                not span
                or span.lower() in ("a", "and", "et", "und", "ein", "eine", "einen", "einem", "un", "une")
                or any(n.start <= start < n.end for n in found)
            ):
                continue
            try:
                value = text2num(span.lower(), TEXT2NUM[lang])
            except ValueError:
                continue
            end = start + len(span)
            million = _millions(text, end, lang)
            if million:  # "nine million rounds"
                value, end = value * 1_000_000, end + million.end()
            found.append(Number(start, end, value, words=True, approximate=_approximate(text, start, m.end(), lang)))
    elif lang in _WORD_TOKEN:
        for start, end, value in _word_run(text, lang):
            million = _millions(text, end, lang)
            if million:  # "дев'ять мільйонів боєприпасів"
                value, end = value * 1_000_000, end + million.end()
            found.append(Number(start, end, value, words=True, approximate=_approximate(text, start, end, lang)))
    elif lang == "ja":
        for m in _KANJI_SPAN.finditer(text):
            value = _kanji(m.group())
            if value:
                found.append(
                    Number(m.start(), m.end(), value, words=True, approximate=_approximate(text, m.start(), m.end(), lang))
                )
    found.sort(key=lambda n: n.start)
    return _ranges([n for i, n in enumerate(found) if not any(o.start <= n.start < o.end for o in found[:i])], text, lang)


# between the two ends of a range: "20 to 30", "10-12", "від 10 до 12", "zwischen 10 und 12"
RANGE = {
    "en": r"\s*(?:to|-|–|—|or)\s*",
    "uk": r"\s*(?:-|–|—|до|або|чи)\s*",
    "ru": r"\s*(?:-|–|—|до|или)\s*",
    "de": r"\s*(?:-|–|—|bis|oder|und)\s*",
    "fr": r"\s*(?:-|–|—|à|ou)\s*",
    "pl": r"\s*(?:-|–|—|do|lub)\s*",
}


def _ranges(found: list[Number], text: str, lang: str) -> list[Number]:
    """Two numbers joined as a range become one, whose quantity is not known exactly."""
    pattern = RANGE.get(lang)
    if not pattern:
        return found
    out: list[Number] = []
    for n in found:
        last = out[-1] if out else None
        if (
            last is not None
            and last.up_to is None
            and last.value < n.value
            and not (1900 <= last.value <= 2100 and 1900 <= n.value <= 2100)  # years: "2022-2023"
            and (
                re.fullmatch(pattern, text[last.end : n.start], re.IGNORECASE)
                or (  # "between 12 and 20", "entre 12 et 20", "між 12 і 20"
                    re.search(r"(?:between|entre|між|между|między)\s+$", text[: last.start], re.IGNORECASE)
                    and re.fullmatch(r"\s*(?:and|et|і|та|и|a|i)\s*", text[last.end : n.start], re.IGNORECASE)
                )
            )
        ):
            out[-1] = Number(last.start, n.end, last.value, last.words or n.words, last.approximate, up_to=n.value)
            continue
        out.append(n)
    return out


def _approximate(text: str, start: int, end: int, lang: str) -> bool:
    before = re.search(APPROXIMATE.get(lang, APPROXIMATE["en"]), text[max(0, start - 20) : start], re.IGNORECASE)
    after = APPROXIMATE_AFTER.get(lang)
    return bool(before) or bool(after and re.match(after, text[end : end + 4]))
