"""Candidate rows from one article's text: per sentence, the systems, donors, numbers and dates it
names, each number paired with the system it counts and the donor that gives it, and the kind of
row its words make (announced, increased, delivered, claim, training, meeting)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date

from tracker.propose import dates as dates_found
from tracker.propose import numbers as numbers_found
from tracker.propose.lexicon import APOSTROPHES, Lexicon, Mention
from tracker.propose.reading import Sentence

KINDS = ("announced", "increased", "delivered", "claim", "training", "meeting")
COUNTED_KINDS = KINDS[:3]  # the kinds that commit or deliver a quantity
COUNTERS = "両輌基門機台発隻丁個セット"  # Japanese counters of equipment (人/名 count people)


@dataclass
class Candidate:
    kind: str
    donor: str | None
    system_family: str | None
    system: str | None
    quantity: int | None
    date: date | None
    date_precision: str | None
    evidence: str
    start: int  # character offsets of the evidence sentence in the input
    end: int
    unknown_system: str | None = None
    language: str = ""
    confidence: float = 0.9
    doubts: list[str] = field(default_factory=list)
    status: str = "new"
    record_id: str | None = None
    status_detail: str | None = None
    date_borrowed: bool = False  # the date is another sentence's: the record is matched without it
    number_at: int = 0  # where its number is in the sentence
    donors: list[str] = field(default_factory=list)  # a claim's donors, when several are named

    def doubt(self, amount: float, why: str) -> None:
        self.confidence = round(max(0.05, self.confidence - amount), 2)
        self.doubts.append(why)


def _after(text: str, end: int, width: int = 48) -> str:
    return text[end : end + width]


# a number of things per month, week or day (a rate of supply or production, not a quantity given)
RATE = {
    "fr": r"(?:[\w-]+\s+){1,3}?(?:par|chaque)\s+(?:minute|jour|semaine|mois)\b",
    "de": r"(?:[\w-]+\s+){1,3}?(?:pro|je|jeden|jede)\s+(?:Minute|Tag|Woche|Monat)\b",
    "ru": r"(?:[\w-]+\s+){1,3}?(?:в\s+(?:минуту|день|сутки|неделю|месяц)|ежедневно|еженедельно|ежемесячно)(?!\w)",
    "pl": r"(?:[\w-]+\s+){1,3}?(?:na\s+(?:minutę|dzień|dobę|tydzień|miesiąc)|dziennie|tygodniowo|miesięcznie)(?!\w)",
    "en": r"(?:[\w-]+\s+){1,3}?(?:a|per|each|every)\s+(?:month|week|day)\b",
    "uk": r"(?:[\w-]+\s+){1,3}?(?:на\s+(?:місяць|тиждень|день|добу)|щодня|щотижня|щомісяця)(?!\w)",
}


def _eligible_number(text: str, n: numbers_found.Number, lex: Lexicon) -> str | None:
    """What a number counts: "units", "people", or None when it is money, time, a share, a calibre,
    a number of countries ... (then it makes no candidate)."""
    after = _after(text, n.end).lstrip(" \u00a0-")
    before = text[max(0, n.start - 12) : n.start]
    money = lex.cues.get("money")
    if money and (money.match(after) or re.search(r"[$€£]\s*$", before) or money.search(before[-5:] if lex.lang != "ja" else "")):
        return None
    if lex.lang == "ja":
        if after[:1] and after[0] in COUNTERS and not after.startswith("個大隊"):
            return None if after[1:].startswith(("のうち", "の中から")) else "units"  # "36両のうち": what the part is of
        if after[:1] in ("人", "名"):
            return "people"
        if money and money.match(after):
            return None
        return None  # a bare number in Japanese counts nothing we know
    not_units = lex.cues.get("not_units")
    if not_units and not_units.match(after):
        return None
    if n.value in (105, 122, 152, 155) and re.match(r"(?:artillery|calib(?:er|re)|артилерійськ|калібр)", after, re.IGNORECASE):
        return None  # "its supplies of 155 artillery rounds": a calibre written without its millimetres
    if re.match(RATE.get(lex.lang, "(?!)"), after, re.IGNORECASE):
        return None  # "about 2,000 shells a month": a rate, not a number given
    if re.match(r":\d{2}(?!\d)", text[n.end :]) or re.search(r"(?<!\d)\d{1,2}:$", text[: n.start]):
        return None  # a time of day: "02:40 PM", "о 14:30"
    if NEEDED.search(text[max(0, n.start - 40) : n.start]):
        return None  # "Ukraine needs 300 Western tanks", "täglichen Bedarf von mehr als 5000 Granaten": a need, not aid
    if lex.cue("these", text[max(0, n.start - 48) : n.start]):  # "These four tanks", "the first shipment of six": counted
        return None
    people = lex.cues.get("people")
    match = people and re.match(rf"(?:\w+\s+){{0,2}}?(?:{people.pattern})", after, re.IGNORECASE)
    if match and not re.match(
        r"\w*\s+(?:carrier|vehicle|carrier)", after[match.end() :], re.IGNORECASE
    ):  # not "personnel carriers"
        return "people"
    return "units"


BYLINE = re.compile(
    r"\s*(?:Published|Updated|Posted|Опубліковано|Оновлено|Опубликовано|Обновлено|Veröffentlicht|Aktualisiert|Publié|"
    r"Mis à jour|Opublikowano|Zaktualizowano)\b",
    re.IGNORECASE,
)
NEEDED = re.compile(
    r"(?:\b(?:needs?|needed|requires?|required|requested|asked for)|(?<!\w)(?:потребу\w*|потрібн\w*|нужн\w*|нуждается в|потребност\w*)"
    r"|\b(?:braucht|benötigt|Bedarf\s+(?:von|an))|\b(?:a besoin de|besoin de))"
    r"\s+(?:(?:at least|about|some|more than|over|around|up to|mindestens|etwa|mehr als|über|понад|близько|щонайменше|"
    r"более|около|не менее|au moins|plus de|environ)\s+)?$",
    re.IGNORECASE,
)
# a word after a number that counts units of whatever was named before it
UNITS_AFTER = {"en": r"\s+(?:units|pieces)\b", "uk": r"\s+(?:одиниц|штук)\w*", "ru": r"\s+(?:единиц|штук)\w*"}
# "units" that end their clause ("150 units is expected", "зі 150 одиниць."), not "55,000 units of winter clothing"
BARE_UNITS = re.compile(
    r"\s*(?:[.,;:!?)]|$|\s(?:is|are|was|were|will|to|буде|будуть|має|мають|було|очікується|ожидается)\b)", re.IGNORECASE
)


def _nearest_system(
    systems: list[Mention], n: numbers_found.Number, text: str, lang: str, others: Sequence[numbers_found.Number] = ()
) -> Mention | None:
    """The system a number counts: in Japanese the one named before it ("レオパルト2を14両"); elsewhere
    the one named right after it ("14 Leopard 2", "vierzehn Leopard-2-Panzer"), or right before
    ("Leopard 2: 14") when none follows."""
    if lang == "ja":
        before = [s for s in systems if s.end <= n.start and "。" not in text[s.end : n.start]]
        return before[-1] if before else None
    # "two short-range and two medium-range Iris-T", "два зенітно-ракетні комплекси ближнього і два середнього радіусу
    # дії Iris-T": a number before a range and "and" counts the system the next number counts
    following = next((o for o in others if o.start >= n.end), None)
    if following is not None and RANGE_AND.fullmatch(text[n.end : following.start]):
        return _nearest_system(systems, following, text, lang, others)
    for i, s in enumerate(systems):
        if s.start >= n.end:
            whole = next((o for o in others if n.end <= o.start < s.start and PART_OF.fullmatch(text[n.end : o.start])), None)
            # "10,000 120mm mortar rounds": a calibre is no other number; "the first four of 13 MiG-29": past the whole
            gap = CALIBRE.sub(" ", text[whole.end if whole else n.end : s.start])
            gap = re.sub(r"\([^()]{1,12}\)|\(\s*$", " ", gap)  # "3 танків (ОБТ) Leopard 2", "4 systems (HIMARS)"
            # "90 Brimstone ground-attack, anti-tank missiles", "100 older, refurbished Leopard 1": adjectives in a row
            gap = re.sub(r"(?<=[a-z]),\s*$", " ", gap)
            gap = re.sub(
                r"(?<=[a-z](?:ed|er|al|ic|ve|us|ry|ng|rn|an|ul|ss|le)),(?=\s+[a-z]+(?:ed|er|al|ic|ve|us|ry|ng|rn|an)\b)", " ", gap
            )
            gap = ADJECTIVES_JOINED.sub(" ", gap)  # "18 coastal and riverine patrol boats": two adjectives joined
            if any(n.end <= o.start < s.start and not PART_OF.fullmatch(text[n.end : o.start]) for o in others):
                break  # "four howitzers and eight Zuzana": the system is the other number's
            if (
                len(gap) <= 60  # "4 артилерійські ракетні системи високої мобільності (HIMARS)"
                and len(gap.split()) <= 6
                and not re.search(r"[;:(),]|(?<![\w-])\d+(?![\w-])|\band\b|\bund\b|\bet\b|\bi\b|\bта\b|\bі\b|\bи\b|\bz\b", gap)
                and not (
                    lang == "en" and re.search(r"\b(?:mounted on|on|for|with|from)\b", gap)
                )  # "20 launchers mounted on pickup trucks"
            ):
                # "чотири броньовані машини Gepard", "16 Panzerhaubitzen vom Typ PzH 2000": the name after the generic
                # word ("90 бронетранспортерів (БТР) «Страйкер»": past a generic abbreviation in brackets)
                named = next((m for m in systems[i + 1 :] if not m.generic), None)
                if s.generic and named and TYPE_NAMED.fullmatch(text[s.end : named.start]):
                    return named
                return s
            break
    before = [s for s in systems if s.end <= n.start]
    # "Leopard 2: 14"; "650,000 shells out of the 1 million it pledged": the whole counts what its part does
    # not "4 системи ППО IRIS-T з 12 пусковими установками": з before an instrumental is "with", not "of"
    with_word = lang in ("uk", "ru") and re.match(r"\s+\w+(?:ими|ами|ями)\b", text[n.end :])
    if before and (
        re.fullmatch(r"\s*[:–—-]?\s*", text[before[-1].end : n.start])
        or (PART_OF.fullmatch(text[before[-1].end : n.start]) and not with_word)
    ):
        return before[-1]
    return None


RANGE_AND = re.compile(
    r"\s+(?:[\w-]+\s+){0,2}?(?:short|medium|long|ближн\w*|середн\w*|дальн\w*|малої|великої)(?:[\s-]range)?\s+(?:and|і|та|й)\s+",
    re.IGNORECASE,
)
ADJ_EN = r"[a-z-]+(?:al|ine|ic|ed|ing|ive|ary|ern|ian|ous|ar)"
ADJ_UK = r"[а-яіїєґёы'’-]+(?:их|ых|ими|ыми|ні|ві|кі)"  # Ukrainian and Russian
ADJECTIVES_JOINED = re.compile(  # not "бойових і матеріально-технічних машин": combat and other vehicles are two kinds
    rf"(?<![\w-])(?!бойов|combat|armou?red|броньов)(?:{ADJ_EN}\s+and\s+(?={ADJ_EN}\s)|{ADJ_UK}\s+(?:і|та|й|и)\s+(?={ADJ_UK}\s))",
    re.IGNORECASE,
)
# "the first four of a total of eight Zuzana", "перші чотири з восьми": a part of the number after it, of the same system
PART_OF = re.compile(
    r"\s+(?:out\s+of|of|з|із|из|von|sur|z)\s+(?:a\s+total\s+of\s+|the\s+|its\s+(?:promised\s+|pledged\s+)?|insgesamt\s+|загальн\w*\s+)?",
    re.IGNORECASE,
)


# "650,000 shells out of the", "650 000 снарядів з": a number and what it counts, then the whole it is part of
WHOLE_AFTER_PART = re.compile(rf"\d[\d,.]*(?:\s+[\w'’-]+){{0,3}}(?:{PART_OF.pattern})$", re.IGNORECASE)


# "the second of four promised", "другий із чотирьох обіцяних", "2 of the 14": a number that the one before it
# is part of (not "the sending of four previously promised")
PART_BEFORE = re.compile(r"(\S+)\s+(?:of|з|із|из|von|sur|z)\s+(?:the\s+)?$", re.IGNORECASE)
ORDINAL_WORD = re.compile(
    r"\d+|first|last|перш\w*|перв\w*|pierwsz\w*|premi(?:er|ère)|erst\w*|\w+(?:nd|rd|th|ий|ій|ой|ый|ого|ої|te|ten|ter|ème|gi|ci)",
    re.IGNORECASE,
)


def _part_before(before: str, lex: Lexicon) -> bool:
    if WHOLE_AFTER_PART.search(before):
        return True  # "650,000 shells out of the 1 million", "650 000 снарядів з 1 мільйона обіцяних"
    m = PART_BEFORE.search(before)
    return bool(m and (ORDINAL_WORD.fullmatch(m.group(1)) or numbers_found.find(m.group(1), lex.lang)))


# between a generic word and the name that says which: quotes, "of the type" in each language, or where it was
# made ("гаубиць словацького виробництва Zuzana 2")
TYPE_WORDS = re.compile(
    r"(?:\s*\([^()]{1,12}\))?(?:\s+\w+\s+(?:виробництва|производства|produkcji))?(?:\s+(?!(?:для|від|проти|против)\b)[а-яіїєґё'’]{4,})?[\s«»\"'„“”-]{0,3}(?:(?:vom )?Typ|type|типу|типа|typu|de type)?[\s«»\"'„“”-]{0,3}(?-i:[A-Z0-9][\w-]*\s)?",
    re.IGNORECASE,
)
# "two additional air defence systems to Ukraine of the type Skynex": the type named past where they go
# "дванадцять самохідних гаубиць (САУ Panzerhaubitz 2000)": the name in brackets, after an abbreviation
TYPE_NAMED = re.compile(
    rf"(?:\s+to\s+(?:Ukraine|Kyiv)\s+of\s+the(?=\s+type\b))?(?:{TYPE_WORDS.pattern})|\s*\((?:[А-ЯІЇЄҐA-Z]{{2,5}}\s+)?",
    re.IGNORECASE,
)
CALIBRE_FAMILY = re.compile(r"(?<!\d)(155|152|105)\s?-?(?:mm|мм|millimet|міліметр|миллиметр|ミリ)", re.IGNORECASE)
CALIBRE_NUMBER = re.compile(r"(?<![\d.,])(\d{2,3})\s?-?(?:mm|мм|millimet|міліметр|миллиметр|ミリ)", re.IGNORECASE)
UNKNOWN_CALIBRE = re.compile(
    r"\s+(?:rounds\s+of\s+|shells\s+of\s+)?(\d+)\s?-?mm\s+(?:[\w-]+\s+)?(?:ammunition|rounds|shells|cartridges)\b"
)
CALIBRE = re.compile(
    r"\d+(?:[.,]\d+)?(?:\s?[×xх]\s?\d+)?\s?-?(?:mm|мм|millimet\w*|міліметров\w*|миллиметров\w*|ミリ)", re.IGNORECASE
)


def _made_in(text: str, donor: Mention, lex: Lexicon) -> bool:
    cue = lex.cues.get("made_in")
    if not cue:
        return False
    around = text[max(0, donor.start - 14) : donor.start] + "\x00" + text[donor.end : donor.end + 14]
    after = text[donor.end : donor.end + (2 if lex.lang == "ja" else 16)]
    before = text[max(0, donor.start - 16) : donor.start]
    return bool(
        cue.match(after) or cue.match(after.lstrip("-")) or re.search(rf"(?:{cue.pattern})\s*$", before, re.IGNORECASE)
    ) or (lex.lang == "ja" and "製" in around.split("\x00")[1][:1])


JOINED = re.compile(
    r"\s*(?:,|、|と|and|und|et|і|та|и|i|oraz|y)\s*(?:(?:the|die|der|das|den|les|la|le|l')\s*)?", re.IGNORECASE
)  # "Deutschland und die Niederlande", "la France et les Pays-Bas"


def _countries_before(text: str, n: numbers_found.Number, numbers: list[numbers_found.Number], lex: Lexicon) -> bool:
    """ "Nine countries have pledged more than 150 Leopard tanks": a number of countries before a number
    makes it a claim of several donors."""
    countries = lex.cues.get("countries")
    if countries is None:
        return False
    return any(o.end <= n.start and countries.match(text[o.end : o.end + 20].lstrip()) for o in numbers)


def _joint_subject(text: str, before: list[Mention]) -> bool:
    """Two or more donors named one after the other ("Germany, Denmark and Norway", "Нідерланди та
    Данія") before a number: they give it together."""
    return len(_joined_run(text, before)) >= 2


def _joined_run(text: str, before: list[Mention]) -> list[Mention]:
    """The last donors of ``before`` named one after the other ("Italy and France"), or the last one alone."""
    run = before[:1]
    for a, b in zip(before, before[1:]):
        run = run + [b] if a.key != b.key and JOINED.fullmatch(text[a.end : b.start]) else [b]
    return run


def _respectively(
    text: str, numbers: list[numbers_found.Number], systems: list[Mention], donors: list[Mention], lex: Lexicon
) -> dict[int, str]:
    """ "Deutschland und Großbritannien lieferten 18 Leopard-2-Panzer und 14 Panzer vom Typ Challenger 2": donors joined
    as the subject, and as many numbered systems, each made by a different one of them, are each that maker's own
    (by the number's start). Empty when any number counts no named system, or the makers are not those donors."""
    counted = [n for n in numbers if _eligible_number(text, n, lex) == "units"]
    if not counted:
        return {}
    subject = _joined_run(text, [d for d in donors if not d.weak and not d.place and d.end <= counted[0].start])
    if len(subject) < 2 or len(counted) != len(subject):
        return {}
    makers: dict[int, str | None] = {}
    for n in counted:
        system = _nearest_system(systems, n, text, lex.lang, counted)
        makers[n.start] = lex.origins.get(system.key.split("|")[0]) if system is not None and not system.generic else None
    if sorted(makers.values(), key=str) != sorted(d.key for d in subject):
        return {}
    return {start: maker for start, maker in makers.items() if maker is not None}


# The ammunition of a kind of system, by the catalog's category of that system.
AMMUNITION_OF = {
    "mortar": "ammunition-mortar",
    "air_defence": "air-defence-missile",
    "self_propelled_artillery": "ammunition-artillery",
    "towed_artillery": "ammunition-artillery",
    "multiple_rocket_launcher": "rockets-227mm",
}
# A tank's gun decides its rounds: "20,000 shells for the Leopards 2" are 120 mm tank ammunition.
TANK_AMMUNITION = {
    "leopard-2": "ammunition-tank-120mm",
    "m1-abrams": "ammunition-tank-120mm",
    "challenger-2": "ammunition-tank-120mm",
    "leopard-1": "ammunition-tank-105mm",
}


def _served_system(text: str, n: numbers_found.Number, ammunition: Mention, systems: list[Mention], lex: Lexicon) -> str | None:
    """The ammunition family of the system that generic rounds or missiles serve: named just after
    them ("missiles for Patriot") or as what they come with ("20 mortars with 20,000 rounds")."""
    after = next((m for m in systems if m.start >= ammunition.end and m.start - ammunition.end <= 40), None)
    before = next((m for m in reversed(systems) if m.end <= n.start and n.start - m.end <= 25), None)
    for other, link in ((after, r"^\s*(for|to|of|для|до|für|pour|do)\b"), (before, r"\b(with|з|із|с|mit|avec|z)\s*$")):
        if other is None or other.generic and other.key.startswith("ammunition"):
            continue
        between = text[ammunition.end : other.start] if other is after else text[other.end : n.start]
        if re.search(link, between, re.IGNORECASE):
            family = other.key.split("|")[0]
            return TANK_AMMUNITION.get(family) or AMMUNITION_OF.get(lex.categories.get(family, ""))
    return None


def _named_before(
    text: str, n: numbers_found.Number, lex: Lexicon, systems: list[Mention], seen: list[Mention]
) -> Mention | None:
    """The system a bare kind word after a number stands for ("14 tanks", "чотирнадцять танків"):
    the last system of that kind named before it in the text."""
    in_sentence = [x for x in reversed(systems) if x.end <= n.start and not x.generic]
    earlier = in_sentence + seen
    units = lex.lang in UNITS_AFTER and re.match(UNITS_AFTER[lex.lang], text[n.end :], re.IGNORECASE)
    if units and (len({x.key for x in in_sentence}) == 1 or (earlier and BARE_UNITS.match(text, n.end + units.end()))):
        # "the Leopard 2A6 tanks ... the dispatch of 18 units": units of the one system the sentence named before;
        # "... 50 new Kirpi armored vehicles. Another batch of 150 units ...": of the last one named
        return earlier[0]
    word = _category_word(text, n, lex)
    if word is None:
        return None
    return next((x for x in earlier if lex.categories.get(x.key.split("|")[0]) == word[1]), None)


def _category_word(text: str, n: numbers_found.Number, lex: Lexicon) -> tuple[str, str] | None:
    """The kind word a number counts ("60 more tanks": ("tanks", "main_battle_tank")), or None."""
    if lex.lang == "ja":
        return None
    after = text[n.end : n.end + 40]
    starts = [m.end() for m in (re.match(rf"\s+(?:[\w-]+\s+){{{k}}}", after) for k in range(3)) if m]  # "60 more tanks"
    for start in starts:
        for pattern, category in lex.category_words:
            m = pattern.match(after, start)
            if m:
                return m.group().strip(), category
    return None


def _promised(lex: Lexicon, gap: str) -> bool:
    """ "four promised IRIS-T", "чотирьох обіцяних зенітно-ракетних комплексів": a pledge named in passing."""
    return any(lex.cue("promised", " ".join(gap.split()[: i + 1]) + " ") for i in range(len(gap.split())))


def _in_model_name(text: str, n: numbers_found.Number, donors: list[Mention]) -> bool:
    previous = re.search(r"(?<![\w.])([A-Z][\w-]*)\s+$", text[: n.start])
    if not previous or previous.start(1) == 0 or any(d.start <= previous.start(1) < d.end for d in donors):
        return False
    return not NOT_MODELS.match(previous.group(1)) and not re.match(r"(?:Ukrain|Kyiv|Kiev|Kij[oó]w)", previous.group(1))


def _names_digit(text: str, n: numbers_found.Number, donors: list[Mention], lang: str) -> bool:
    """Whether a number is part of a model's name: after a capitalised word in English ("Primoco One 150 UAVs",
    "Panther KF 51"; not in German, which capitalises every noun, nor where a place's name comes before a count),
    after a Latin word in a Cyrillic text ("Robot 57", "Wisent 1 MC"; not "у Delair 100 дистанційно керованих
    дронів", where a word of the text follows)."""
    if n.start == 0 or n.words:
        return False
    if re.search(r"\d-$", text[: n.start]):
        return True  # "Mirage 2000-5": the variant after the model's number
    if lang in ("en", "fr", "pl"):  # languages that write a common noun in lower case
        return _in_model_name(text, n, donors)
    return (
        lang in ("uk", "ru") and bool(LATIN_BEFORE.search(text[: n.start])) and not re.match(r"\s+[а-яіїєґё]{3,}", text[n.end :])
    )


def _around(text: str, n: numbers_found.Number, system: Mention) -> str:
    """A number's own words: three words before it, it and its system, two words after ("another ten
    M113", "1,000 more Javelin", "douze canons Caesar supplémentaires"), not a "more" of another number."""
    before = re.split(r"[,;:]", " ".join(text[: n.start].split()[-3:]))[-1]  # not past a clause break ("більше гармат, чверть")
    end = max(system.end, n.end)
    # Japanese writes no spaces: its counter and what follows it ("2基を追加供与")
    after = re.match(r"[\u3040-\u30ff\u4e00-\u9fff][^\s、。，]{0,7}|(?:\s+[\w-]+){0,2}", text[end:])
    return f"{before} {text[n.start : end]}{after.group() if after else ''}"


# a munition named for the system it serves, just before that system's name
SERVED_BY = re.compile(
    r"\b(?:rockets?|missiles?|ammunition|rounds|shells|munitions|ракет\w*|боєприпас\w*|снаряд\w*|набо\w*)\s+"
    r"(?:for|to|для|до)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}$",
    re.IGNORECASE,
)


# a donor that receives: "Greece would receive 40 German ...", "Греція отримає 40 німецьких БМП Marder"
RECEIVES = re.compile(
    r"^\s*(?:(?:would|will|is to|to|is going to)\s+)?(?:receive[sd]?|get|gets|obtain[s]?|отрима\w*|получ\w*|erhält|erhalten)\s+$",
    re.IGNORECASE,
)


def _received_by_donor(text: str, n: numbers_found.Number, donors: list[Mention]) -> bool:
    """Whether the number follows a donor's name and a verb of receiving, with nothing between: the country
    named receives what is counted (a ring exchange), so it is not aid to Ukraine."""
    return any(
        d.end <= n.start
        and (
            RECEIVES.match(text[d.end : n.start])
            # "the United States has offered Slovakia 12 new military helicopters": the country given to, right after
            or (GIVES_TO.search(text[max(0, d.start - 40) : d.start]) and re.fullmatch(r"\s+(?:with\s+)?", text[d.end : n.start]))
        )
        for d in donors
    )


GIVES_TO = re.compile(
    r"\b(?:offer(?:s|ed)?|give[sn]?|gave|sen[dt]s?|suppl(?:y|ies|ied)|provide[sd]?|promise[sd]?|donate[sd]?|sell[s]?|sold)"
    r"\s+(?:the\s+)?$",
    re.IGNORECASE,
)


# "..., which includes unmanned surface vessels, bridge-laying tanks": the kinds a package includes, in its clause
INCLUDES = re.compile(r"\b(?:includ\w*|включа\w*|містить)\b[^.;:]*$", re.IGNORECASE)


def _describes_named(text: str, system: Mention, systems: list[Mention]) -> bool:
    """Whether a generic word describes the named system just before it ("dozen of M113 tracked APCs"): at most
    two lower-case words between them, so it is no second system."""
    return system.generic and any(
        not x.generic and x.end <= system.start and re.fullmatch(r"\s+(?:[a-zа-яіїєґ-]+\s+){0,2}", text[x.end : system.start])
        for x in systems
    )


def _kind_of_unnumbered(lex: Lexicon, delivered: re.Match | None, before: str) -> str:
    """The kind of a row without a number: delivered, or increased where "more" comes before the system
    (also when the delivery word only announces or sends), else announced."""
    more = lex.cue("increased", before)
    if delivered and not (more and _announcing(lex, delivered)):
        return "delivered"
    return "increased" if more else "announced"


def _announcing(lex: Lexicon, match: re.Match) -> bool:
    """A delivery word that announces or sends rather than says it arrived ("оголосило про передачу",
    "відправляє"): with "additional" next to the number, more of what was given before."""
    return lex.cue("announces", match.group()) is not None


def _future(lex: Lexicon, text: str, match: re.Match) -> bool:
    """A delivery word in the future or the conditional: "will be handed over", "would be delivered"."""
    future = lex.cues.get("future")
    if not future:
        return False
    if lex.lang == "ja":
        return bool(future.search(text[match.end() : match.end() + 12]))
    return bool(future.search(text[max(0, match.start() - 50) : match.start()]))


def _donor_for(donors: list[Mention], position: int) -> Mention | None:
    """The donor named before a number (a country's name over an adjective: "the Danish government ...
    19 Caesar ... it is buying from France" is Denmark's), else the first named after it; a country
    named as a place ("trainers in Poland") only when no other is named."""
    givers = [d for d in donors if not d.place]
    before = [d for d in givers if d.end <= position]
    strong = [d for d in before if not d.weak]
    if strong or before:
        return (strong or before)[-1]
    after = [d for d in givers if d.start >= position]
    chosen = next((d for d in after if not d.weak), after[0] if after else None)
    places = [d for d in donors if d.place and d.end <= position]
    return chosen or (places[-1] if places else None)


# before a country named as a place, not as a giver
PLACE = {
    "en": r"\b(?:in|into|at|via|across)\s+(?:the\s+)?$",
    "de": r"\b(?:in|nach)\s+(?:der\s+|die\s+)?$",
    "fr": r"\b(?:en|au|aux|à)\s+$",
    "pl": r"\b(?:w|we)\s+$",
    "uk": r"(?<!\w)[ву]\s+$",
    "ru": r"(?<!\w)(?:в|во)\s+$",
}


def _currency_of(text: str, donor: Mention, lex: Lexicon) -> bool:
    """A country named as its currency's: a money word right before or after it ("доларів США", "US dollars")."""
    word_before = re.search(r"(\S+)\s+$", text[max(0, donor.start - 16) : donor.start])
    word_after = re.match(r"\s+(\S+)", text[donor.end : donor.end + 16])
    return any(w is not None and lex.cue("money", w.group(1)) for w in (word_before, word_after))


def _as_place(text: str, donor: Mention, lang: str) -> Mention:
    if lang in PLACE and re.search(PLACE[lang], text[max(0, donor.start - 12) : donor.start], re.IGNORECASE):
        return replace(donor, place=True)
    return donor


def _local(text: str, start: int, end: int, marks: Sequence[int] = ()) -> str:
    """The words of a number and its system: from the last clause break, or the end of the number or
    system named before it, to the system's end ("two more launchers as well as 50 carriers": the
    50 is not "more")."""
    cut = max([text.rfind(c, 0, start) + 1 for c in ";,、，:"] + [m for m in marks if m <= start])
    return text[cut:end]


MODEL = re.compile(r"(?<![\w-])[A-Z][\w-]*(?:\s+[A-Z0-9][\w-]*)*")
NOT_MODELS = re.compile(
    r"(?:[A-Z][a-z]+(?:an|ish|ese|ch|ic)|Israeli|Iraqi|Soviet|Western|NATO|New|Old|Heavy|Light|More|Additional|Further"
    r"|Over|About|Around|Approximately|Nearly|Almost|Some|Roughly|Up|Another|Only|Just|All|The|A|An|And|With|Including"
    r"|[\w-]+-type|[\w.-]+-(?:made|built|produced|manufactured|supplied|origin|era))$"
)


# in a Cyrillic text, a number right after a Latin word is part of a model's name ("Robot 57", "Wisent 1 MC")
LATIN_BEFORE = re.compile(r"(?<![\w-])[A-Z][A-Za-z-]+\s$")


# "a seized An-124": one unit of a model named with a digit, the article and at most one word before it; in
# Ukrainian, with no article, a singular craft's noun after a giving verb ("передати ... вантажний літак Ан-124")
ONE_UNKNOWN = {
    "en": re.compile(r"\b(?:a|an)\s+(?:[a-z]+\s+)?((?=[\w-]*\d)[A-Z][A-Za-z]*-?\d[\w-]*)(?![\w-])"),
    "uk": re.compile(
        r"(?<!\w)(?:переда|нада|відправ)\w*\s+(?:[\w'’-]+\s+){0,4}?(?:літак|гелікоптер|вертоліт|корабель|катер)\s+"
        r"((?=[\w-]*\d)[А-ЯІA-Z][\w]*-?\d[\w-]*)(?![\w-])"
    ),
}
# a model's name with a digit and a capital in one word (M60CMA, M93P1, AGS-17), not a calibre (60-mm)
UNKNOWN_MODEL = re.compile(r"(?<![\w-])(?=[\w-]*\d)(?=[\w-]*[A-Z])[A-Z][A-Za-z0-9-]*[A-Za-z0-9](?![\w-])")
CYRILLIC_MODEL = re.compile(
    r"(?<![\w-])[А-ЯІЇЄҐ][а-яіїєґ]+-[А-ЯІЇЄҐ0-9][\w-]*(?![\w-])"
)  # "Титан-С", not "Ан-124" (digits: above)
STRONG_MODEL = re.compile(r"[A-Z][\w-]*(?:\s+[A-Z0-9][\w-]*)*")
# a munition's word before its model, as Ukrainian and Russian write it ("ракет Brimstone", "ракет «Брімстоун»")
MUNITION_BEFORE = r"(?:ракет|дрон|безпілотник|беспилотник|бомб|радар)\w*"


def _unknown_after(text: str, n: numbers_found.Number, donors: list[Mention]) -> str | None:
    """A model the catalog lacks, named right after a number ("8 Oshkosh M1070 tank transport
    tractors", "34 RQ-35 Heidrun drones"): its name must have a digit or two capitals in a word, or be
    followed by a munition's word ("Brimstone missiles"), and be no donor's name."""
    m = re.match(
        r"\s+(?:[a-zа-яіїєґё'’-]+\s+){0,3}(" + STRONG_MODEL.pattern + r")((?:\s+[a-zа-яіїєґё][\w-]*){0,3})",
        text[n.end : n.end + 80],
    )  # "2000 ракет TOW": lower-case words of any script before the model
    if not m:  # "100 високоточних ракет «Брімстоун»": a munition's model quoted in Cyrillic
        quoted = re.match(
            r"\s+(?:[а-яіїєґё'’-]+\s+){0,3}?" + MUNITION_BEFORE + r"\s+[«\"“„]([А-ЯІЇЄҐЁ][\w-]+)[»\"”“]",
            text[n.end : n.end + 80],
        )
        return quoted.group(1) if quoted else None
    if any(d.start <= n.end + m.start(1) < d.end for d in donors):
        return None
    name = m.group(1)
    munition = re.match(r"\s+(?:missiles?|rockets?|drones?|bombs?|munitions|interceptors?|radars?)\b", m.group(2)) or re.search(
        MUNITION_BEFORE + r"\s+$", m.group()[: m.start(1)]
    )  # "90 протитанкових ракет Brimstone"
    if not (re.search(r"\d|[A-Z][a-z]*[A-Z]", name) or munition) or NOT_MODELS.match(name.split()[0]):
        return None  # "100 precision Brimstone missiles": one capitalised word names a munition's model
    tail = (
        m.group(2) if re.match(r"\s+[a-z]", m.group(2)) else ""
    )  # "M1070 tank transport tractors", not "Hellfire з обладнанням"
    tail = re.sub(r"(?:\s+(?:to|for|from|with|and|of|in|on|the|by|до|для|з|та|і|й))+$", "", tail)  # not "... missiles to"
    return (name + tail).strip()


# a kind of equipment the catalog has no entry for, in lower case right after its number ("twenty 70mm rocket
# launchers mounted on pickup trucks", "14 trailers", "16 self-propelled artillery units of two types")
UNKNOWN_KIND = {
    "en": re.compile(
        r"\s+((?:\d+\s?mm\s+(?:multiple\s+)?)?(?:(?!(?:for|with|of|the|to|and|or|from|on|in)\s)[a-z][a-z-]+\s+){0,3}?(?:(?:rocket\s+)?launchers|trailers|systems|vehicles|radars|boats|vessels|stations|kits|sets"
        r"|(?:units|systems|vehicles)\s+of\s+(?:two|three|four|several|different|various)\s+types))\b"
    ),
    "uk": re.compile(
        r"\s+((?:\d+-?\s?мм\s+реактивн\w*\s+систем\w*\s+залпового\s+вогню)|(?:[а-яіїєґ'’-]+\s+){0,3}?(?:причеп\w*|причіп\w*|(?:установ|систем|машин)\w*\s+(?:двох|трьох|чотирьох|кількох|різних)\s+типів))(?!\w)",
        re.IGNORECASE,
    ),
}


def _unknown_kind_match(text: str, n: numbers_found.Number, lang: str) -> re.Match | None:
    pattern = UNKNOWN_KIND.get(lang)
    if re.search(r"(?:(?<!ukraine\s)(?<!kyiv\s)\bwith|(?<!\w)з|(?<!\w)із)\s+$", text[: n.start], re.IGNORECASE):
        return None  # "4 IRIS-T air defense systems with 12 launchers": parts of what was named
    return pattern.match(text, n.end) if pattern else None


def _generic_within(m: re.Match, lex: Lexicon) -> Mention | None:
    """A generic kind of the catalog with more words inside the kind matched by UNKNOWN_KIND ("1,000 counter-drone
    electronic warfare systems" are counter-drone systems): one word of the phrase with its last one names the kind."""
    words = m.group(1).split()
    for word in words[:-1]:
        for found in lex.find_systems(f"{word} {words[-1]}"):
            if found.generic and found.start == 0 and found.end == len(word) + 1 + len(words[-1]):
                return Mention(m.start(1), m.end(1), found.key, m.group(1), generic=True)
    return None


BATTERIES = re.compile(r"\s+(?:batter(?:y|ies)|батаре\w*)\s+(?:of\s+)?", re.IGNORECASE)
ARTILLERY = ("self_propelled_artillery", "towed_artillery", "multiple_rocket_launcher", "mortar")
# who receives, between the verb and what is given: "to Ukraine", "Ukraine with", "Україні"
RECIPIENT = re.compile(
    r"(?:\s+(?:to\s+)?(?:the\s+)?(?:Ukraine|Kyiv|AFU|ЗСУ|Україн[іу]|Києву)(?:'s|’s)?(?:\s+with)?(?=\s))?", re.IGNORECASE
)


def _unknown_model(gap: str) -> str | None:
    """A model name between a number and a generic word ("1,100 Phoenix Ghost drones", "15 ScanEagle
    surveillance drones"): the catalog does not know it, so the row names it instead of a family.
    An adjective of nationality ("Ukrainian", "Swedish") is not a model."""
    for m in MODEL.finditer(gap):
        if not NOT_MODELS.match(m.group().split()[0]):
            return m.group().strip()
    return None


def candidates(text: str, sentences: list[Sentence], lex: Lexicon, published: date | None) -> list[Candidate]:
    """The candidate rows of an article."""
    out: list[Candidate] = []
    carried: tuple[int, Mention] | None = None  # the last donor named, and in which paragraph
    read = _systems_and_dates(sentences, lex, published)
    text_dates = [
        None if BYLINE.match(x.text) else next((d for d in found if d.value is not None and not d.planned), None)
        for x, (_, _, found) in zip(sentences, read)
    ]  # a byline's date ("Published 26 February, 02:40 PM") is the article's, no event's
    delivered_before, delivered_before_match = -1, None  # the paragraph of the last sentence that said "delivered"
    seen_systems: list[Mention] = []  # named systems of the sentences before, last first
    not_aid_in = -1  # the paragraph of the last sentence about something other than aid
    for index, sentence in enumerate(sentences):
        s, systems, found_dates = read[index]
        donors = [d for d in lex.find_donors(s) if not _made_in(s, d, lex)]
        donors = [_as_place(s, d, lex.lang) for d in donors if not any(sy.start <= d.start < sy.end for sy in systems)]
        donors = [d for d in donors if not (s[: d.start].endswith("(") and s[d.end : d.end + 1] == ")")]  # "Arquus (France)"
        donors = [d for d in donors if not _currency_of(s, d, lex)]  # "122 мільйони доларів США", "Canadian dollars"
        taken = [(m.start, m.end) for m in systems]
        dated = text_dates[index]
        # a sentence whose own date is a deadline or a start ("by March", "since February 2022") borrows none either
        own_dates = dated or any(d.planned for d in found_dates)
        borrowed = None if own_dates or lex.cue("to_come", s) else _borrowed_date(text_dates, index, sentences, lex)
        from_lede = borrowed is not None and not any(
            text_dates[i] is borrowed for i, x in enumerate(sentences) if x.paragraph == sentence.paragraph
        )
        numbers = [
            n
            for n in numbers_found.find(s, lex.lang)
            if not any(a <= n.start < b for a, b in taken) and not any(d.start <= n.start < d.end for d in found_dates)
        ]
        cue = {kind: lex.cue(kind, s) for kind in ("delivered", "increased", "claim", "training", "meeting", "not_aid", "unsure")}
        planned = bool(cue["delivered"] and _future(lex, s, cue["delivered"])) or bool(lex.cue("to_come", s))
        if planned:
            cue["delivered"] = None  # "would be handed over", "wird ... übergeben": not yet delivered
        if (
            cue["delivered"] is None
            and not planned  # "Another batch of 150 units is expected to be delivered soon": still to come
            and delivered_before == sentence.paragraph
            and (lex.cue("package", s) or LIST_ITEM.match(s))
        ):  # "Germany has delivered a package. ... The package included 10 ...", "... reported the shipment: - 3 Gepard"
            cue["delivered"] = delivered_before_match
        if cue["delivered"]:
            delivered_before, delivered_before_match = sentence.paragraph, cue["delivered"]
        own_donor = _donor_for(donors, len(s))
        if own_donor:
            carried = (sentence.paragraph, own_donor)

        def make(kind: str, system: Mention | None, quantity: int | None, anchor: int) -> Candidate:
            family, system_id = (system.key.split("|") + [""])[:2] if system else (None, None)
            # "Ukraine received 18 German Leopard tanks and 14 British Challenger tanks": the adjective between a
            # number and its system, where no country is named before as the giver ("The United States ... 45 Czech T-72B")
            between = [
                d
                for d in donors
                if system
                and d.weak
                and anchor <= d.start
                and d.end <= system.start
                and re.fullmatch(r"[\w.,]+ ", s[anchor : d.start])  # right after the number, in digits or words
            ]
            strong_before = {d.key for d in donors if not d.weak and not d.place and d.end <= anchor}
            if strong_before:  # unless it names one of them: "Slovenia ... German Chancellor ... 28 Slovenian M-55S"
                between = [d for d in between if d.key in strong_before]
            donor = between[-1] if between else _donor_for(donors, anchor)
            c = Candidate(
                kind=kind,
                donor=donor.key if donor else None,
                system_family=family or None,
                system=system_id or None,
                quantity=quantity,
                date=dated.value if dated else None,
                date_precision=dated.precision if dated else None,
                evidence=sentence.text,
                start=sentence.start,
                end=sentence.end,
                language=lex.lang,
            )
            if system and not family:  # "hundreds of AT4": a weapon the catalog lacks, by its name
                c.unknown_system = system.text
            if donor is None and kind in COUNTED_KINDS and carried:
                c.donor = carried[1].key
                c.doubt(0.2 if carried[0] == sentence.paragraph else 0.3, "the donor is named in an earlier sentence")
            if borrowed and kind in (*COUNTED_KINDS, "claim"):
                c.date, c.date_precision, c.date_borrowed = borrowed.value, borrowed.precision, True
                c.doubt(
                    0.15, f"the date is given in another sentence of {'the first paragraph' if from_lede else 'the paragraph'}"
                )
            elif donor is not None and donor.weak:
                c.doubt(0.1, f"the donor is read from the adjective '{donor.text}'")
            if kind in COUNTED_KINDS and c.date and published and c.date > published:
                # "eight F-16s will be delivered in 2024", in an article of 2023: the date of a delivery to come
                c.doubt(0.05, f"{c.date.isoformat()[: {'year': 4, 'month': 7}.get(c.date_precision or '', 10)]} is still to come")
                c.date = c.date_precision = None
                c.date_borrowed = False
            elif dated and dated.doubt:
                c.doubt(0.2, dated.doubt)
            if dated and dated.precision != "day":
                c.doubt(0.05, f"the date is known to the {dated.precision}")
            if cue["unsure"]:
                c.doubt(0.25, f"'{cue['unsure'].group().strip()}': a possibility, not a decision")
            return c

        if cue["meeting"]:
            c = make("meeting", None, None, cue["meeting"].start())
            c.donor = None
            if not dated:
                c.doubt(0.3, "no date in the sentence")
            out.append(c)
        if cue["not_aid"]:
            not_aid_in = sentence.paragraph
        elif not_aid_in == sentence.paragraph and lex.cue("package", s) and not cue["delivered"]:
            cue["not_aid"] = lex.cue("package", s)  # "Poland will buy tanks from South Korea. The deal includes 180 K2 ..."
        if (cue["not_aid"] or lex.cue("hypothetical", s)) and not cue["meeting"]:
            continue  # not aid, or only a possibility ("is considering the transfer of 12 Mi-24")
        used: set[int] = set()
        countable = [o for o in numbers if _eligible_number(s, o, lex) is not None]  # not calibres, years, money
        own_make = _respectively(s, countable, systems, donors, lex)
        numbers = [o for o in numbers if not _names_digit(s, o, donors, lex.lang)]
        for n in numbers:
            counts = _eligible_number(s, n, lex)
            if counts is None:
                continue
            if _received_by_donor(s, n, donors):
                continue  # "... in which Greece would receive 40 German infantry fighting vehicles": not aid to Ukraine
            right_after = next((m for m in systems if 0 <= m.start - n.end <= 2), None)
            if counts == "people" and right_after is not None:
                counts = "units"  # "100 000 військових аптечок": the people word is the name's adjective
            if counts == "people":
                if cue["training"]:
                    system = systems[0] if systems else None
                    c = make("training", system, n.value, n.start)
                    out.append(c)
                continue
            system = _nearest_system(systems, n, s, lex.lang, countable)
            named_before = None
            kind_words = _unknown_kind_match(s, n, lex.lang) if system is None else None
            if kind_words:
                system = _generic_within(kind_words, lex)
            if system is None:
                # "A squadron of 14 tanks": the kind of system the text named before (Challenger 2)
                system = named_before = _named_before(s, n, lex, systems, seen_systems)
            if system is None:
                unknown = _unknown_after(s, n, donors) if lex.lang != "ja" else None
                unknown = unknown or (kind_words.group(1) if kind_words else None)
                calibre = UNKNOWN_CALIBRE.match(s, n.end) if lex.lang == "en" else None
                if calibre and f"ammunition-{calibre.group(1)}mm" not in lex.categories:
                    unknown = (
                        f"{calibre.group(1)} mm ammunition"  # "295,000 rounds of 25mm ammunition": a calibre the catalog lacks
                    )
                running_total = lex.cue("total", _local(s, n.start, n.end))
                # "trainers ... to train Ukrainians and 43 AIM-9 Sidewinder missiles": the training is another clause's
                trained = lex.cue("training", s[max(0, n.start - 15) : n.end + len(unknown or "") + 20])
                # a delivery without a giver named ("a dozen Pantera T6 4x4 APC delivered to Ukraine") is still news
                kind_word = _category_word(s, n, lex) if not unknown else None
                more = kind_word and lex.cue("increased", " ".join(s[: n.start].split()[-2:]) + " " + s[n.start : n.end + 12])
                if kind_word and more and (own_donor or carried) and not trained and not running_total:
                    unknown = kind_word[0]  # "60 more tanks", none named before: more tanks of a model not said
                if unknown and (own_donor or carried or cue["delivered"]) and not trained and not running_total:
                    words = " ".join(s[: n.start].split()[-3:]) + " " + s[n.start : n.end + len(unknown) + 12]
                    kind = "delivered" if cue["delivered"] else "increased" if lex.cue("increased", words) else "announced"
                    c = make(kind, None, None if n.up_to else n.value, n.start)
                    c.unknown_system = unknown
                    c.doubt(0.25, f"'{unknown}' is not in the catalog")
                    out.append(c)
                continue
            used.add(id(system))
            marks = [m.end for m in systems if m.end <= n.start and m is not system] + [
                o.end for o in countable if o.end <= n.start
            ]
            # to two words after the system: "douze canons Caesar supplémentaires", "zwölf weitere"
            tail = re.match(r"(?:\s+[\w-]+){0,2}", s[max(system.end, n.end) :])
            local = _local(s, n.start, max(system.end, n.end) + (tail.end() if tail else 0), marks)
            part = next((o for o in countable if o.start >= n.end and PART_OF.fullmatch(s[n.end : o.start])), None)
            if part is not None:  # "the first four of a total of eight": the four's own words, not the total's
                local = _local(s, n.start, n.end, marks) + " " + system.text
            named = {d.key for d in donors if not d.weak}
            clause_end = re.search(r"[,;.:、。，]|$", s[system.end :])
            following = [o.start - system.end for o in numbers if o.start > max(system.end, n.end)]
            if clause_end and following and min(following) < clause_end.start():  # up to the next number, too
                clause_end = re.search(r"$", s[system.end : system.end + min(following)])
            # a total may trail its system: "12,000 anti-tank weapons to Ukraine since the onset of the war"
            trailing = s[system.end : system.end + (clause_end.start() if clause_end else 0)]
            trailing = re.sub(r"\([^()]*(?:\)|$)", " ", trailing)  # "чотири установки Gepard (загалом – 24)": the bracket's total
            total = lex.cue("total", local) or (part is None and lex.cue("total", trailing))
            # several donors together, or a total with others ("with other European countries ... 62 in all"),
            # or several donors as the subject of one number ("Germany, Denmark and Norway will buy 16 Zuzana")
            joint = _joint_subject(s, [d for d in donors if not d.weak and d.end <= n.start]) or _countries_before(
                s, n, numbers, lex
            )
            maker = own_make.get(n.start)
            if maker:  # each of the donors named together gives what it makes
                joint, named = False, {maker}
            # one donor's running total ("over 12,000 anti-tank weapons since the onset") is a claim of that donor
            claim = lex.cue("claim", local) or joint or (cue["claim"] and (len(named) >= 2 or total)) or total
            give = lex.cue("give", s[: n.start])
            to_give = planned or (give is not None and _future(lex, s, give))
            if total and to_give and not (lex.cue("claim", local) or joint or cue["claim"]) and len(named) <= 1:
                # "A total of 15 Gepards were expected to arrive", "with plans to send a total of 100 Leopard 1A5 tanks":
                # one donor's line, still to come
                claim = None
            if lex.cue("training", local) and not cue["delivered"]:
                kind = "training"
            elif claim:
                kind = "claim"
            elif (
                cue["delivered"]
                and not _part_before(s[: n.start], lex)
                and not (_announcing(lex, cue["delivered"]) and lex.cue("increased", _around(s, n, system)))
            ):
                kind = "delivered"  # not "... second of four promised IRIS-T": the four are a pledge
                all_promised = lex.cue("all_promised", s[max(0, n.start - 60) : max(system.end, n.end) + 30])
                if (system.start > n.end and _promised(lex, s[n.end : system.start])) or all_promised:
                    # "sending of four previously promised"; "All 31 ... Abrams tanks promised to Kyiv ... have arrived"
                    pledge = make("announced", system, n.value, n.start)
                    pledge.date = pledge.date_precision = None  # promised before the day of the delivery
                    pledge.doubt(0.2, "the pledge is named in passing, in a delivery's sentence")
                    pledge.number_at = n.start
                    out.append(pledge)
            elif lex.cue("increased", _around(s, n, system)):
                kind = "increased"
            else:
                kind = "announced"
            # "three batteries of self-propelled AS90 guns": batteries, not guns (air defence is counted in batteries)
            batteries = BATTERIES.match(s, n.end)
            if system.start <= n.end or lex.categories.get(system.key.split("|")[0]) not in ARTILLERY:
                batteries = None
            c = make(kind, system, None if n.up_to or batteries else n.value, n.start)
            if maker:
                c.donor = maker
                c.doubt(0.1, "each donor named together is read as giving what it makes")
            if batteries:
                c.doubt(0.2, f"{s[n.start : batteries.end()].strip()}: the guns in them are not counted")
            if kind == "announced" and cue["delivered"] and _part_before(s[: n.start], lex):
                c.date = c.date_precision = None  # "the first four of 13 ... handed over today": the 13 were pledged before
            c.number_at = n.start
            if n.up_to:  # "20 to 30 M109L": the text gives no one number
                c.doubt(0.1, f"a range: {n.value} to {n.up_to}")
            if named_before:
                c.doubt(0.2, f"the system is the {system.text} named before")
            family, system_id = system.key.split("|")
            model = None
            if system.generic and system.start > n.end:
                model = _unknown_model(s[n.end : system.start])
            if system.generic and not model and lex.lang != "ja":  # "1100 безпілотників Phoenix Ghost": the model after the word
                after = re.match(  # past a hyphened or lower-case word: "15 дронів-спостережників ScanEagle"
                    r"(?:-[а-яіїєґё]+)?(?:\s+[а-яіїєґё'’-]+){0,2}?[\s«»\"'„“”]{1,3}([A-Z][\w-]*(?:\s+[A-Z0-9][\w-]*)*)",
                    s[system.end : system.end + 60],
                )
                if after and not any(m.start == system.end + after.start(1) for m in systems) and MODEL.fullmatch(after.group(1)):
                    model = after.group(1)
            calibre = (
                (
                    CALIBRE_FAMILY.search(s[n.end : system.end])
                    or CALIBRE_FAMILY.search(s[max(0, system.start - 30) : system.end + 30])
                )
                if system.generic
                else None
            )
            served = (
                _served_system(s, n, system, systems, lex)
                if family in ("ammunition", "ammunition-artillery", "missiles")
                else None
            )
            other_calibre = (
                CALIBRE_NUMBER.search(s[n.end : system.end + 30])
                if system.generic and not calibre and not served and family in ("ammunition", "ammunition-artillery")
                else None
            )  # not "20 000 снарядів до 120-мм мінометів": the mortars say which
            if other_calibre and f"ammunition-{other_calibre.group(1)}mm" not in lex.categories and not model:
                model = f"{other_calibre.group(1)} mm"  # "295 000 снарядів калібру 25 мм": a calibre the catalog lacks
            elif other_calibre and not model:
                family = system_id = f"ammunition-{other_calibre.group(1)}mm"  # "снарядів калібру 122 мм"
                c.system_family, c.system = family, system_id
            if (
                calibre
                and family in ("ammunition", "ammunition-artillery", "ammunition-small-arms")
                and f"ammunition-{calibre.group(1)}mm" in lex.categories
            ):  # "8500 патронів калібру 155 мм"; "3,900 DM125 155mm smoke artillery shells": the calibre's family, the model its name
                family = system_id = f"ammunition-{calibre.group(1)}mm"
                c.system_family, c.system = family, system_id
            elif calibre and not model and family.startswith("howitzer-") and calibre.group(1) in ("105", "155"):
                family, system_id = (
                    f"howitzer-{calibre.group(1)}mm",
                    f"howitzer-{calibre.group(1)}mm-unspecified",
                )  # "36 105 mm towed howitzers"
                c.system_family, c.system = family, system_id
            if served and not calibre and not model:  # "20,000 rounds" for the mortars just named; "missiles for Patriot"
                c.system_family = c.system = served
            if not family and not model:  # "over 200 generators": goods the catalog has no entry for
                c.unknown_system = system.text
                c.doubt(0.2, f"'{system.text}' is not in the catalog")
            if model and c.system_family and c.system_family.startswith("ammunition-") and calibre:
                c.doubt(0.1, f"'{model}' is read as {c.system_family}, by its calibre")  # a shell's model, of a known calibre
            elif model:
                c.system_family, c.system, c.unknown_system = None, None, f"{model} {system.text}".strip()
                c.doubt(0.2, f"'{c.unknown_system}' is not in the catalog")
            if kind == "claim":
                givers = sorted({d.key for d in donors if not d.weak})
                c.donor = givers[0] if total and len(givers) == 1 and not joint else None  # several together: no one donor
                c.donors = givers
            if n.words:
                c.doubt(0.05, "the number is written in words")
            if n.approximate:
                c.doubt(0.1, "an approximate number")
            if not system_id and not model:
                c.doubt(0.05, "the family is named, not the system")
            out.append(c)
        for system in systems:  # "a new IRIS-T SLS", "ще один комплекс IRIS-T": one unit
            one = (
                not system.generic and id(system) not in used and lex.cue("one_unit", s[max(0, system.start - 45) : system.start])
            )
            if one and (own_donor or carried) and not cue["training"]:
                kind = "delivered" if cue["delivered"] else "increased" if lex.cue("increased", one.group()) else "announced"
                c = make(kind, system, 1, system.start)
                c.doubt(0.15, f"one unit read from '{one.group().strip()}'")
                used.add(id(system))
                out.append(c)
        for system in systems:  # "the second of four IRIS-T", "7th Zuzana 2 ... was delivered": one more unit
            # "the second of four IRIS-T", not "the 14th package ... NASAMS"
            words = " ".join(s[: system.start].split()[-6:]) + " "
            ordinal = lex.cue("ordinal", words)
            if ordinal and lex.cue("package", words[ordinal.start() :]):
                ordinal = None
            if ordinal and (own_donor or carried) and not cue["training"]:  # the second one is one more
                c = make("delivered" if cue["delivered"] else "increased", system, 1, system.start)
                c.doubt(0.15, f"one unit read from '{ordinal.group().strip()}'")
                used.add(id(system))
                out.append(c)
        vague_before: Mention | None = None
        for system in systems:  # "hundreds more anti-tank weapons", "a number of ATACMS": a row without a number
            words = " ".join(s[: system.start].split()[-6:]) + " "
            vague = id(system) not in used and lex.cue("vague", words)
            if not vague and vague_before and JOINED.fullmatch(s[vague_before.end : system.start]) and id(system) not in used:
                vague = lex.cue("vague", " ".join(s[: vague_before.start].split()[-6:]) + " ")  # "... of MIM-23 Hawk and IRIS-T"
            vague_before = system if vague else None
            if _describes_named(s, system, systems):
                continue
            served_by = next(
                (
                    a
                    for a in systems
                    if a.generic and a.end <= system.start and a.key.startswith(("ammunition", "missiles", "air-defence-missile"))
                ),
                None,
            )
            if (
                vague
                and served_by
                and id(served_by) in used
                and re.fullmatch(
                    r"\s*(?:for|für|pour|для|do|до)\s+(?:[\w-]+\s+){0,3}", s[served_by.end : system.start], re.IGNORECASE
                )
            ):
                used.add(id(system))
                continue  # "thousands of rounds of ammunition for Challenger 2 tanks": the tanks are what the rounds serve
            again = any(  # "... unmanned aerial systems, including hundreds of new drones": one row of a family without a number
                c.start == sentence.start and c.quantity is None and c.system_family == system.key.split("|")[0] for c in out
            )
            if vague and lex.cue("money", s) and lex.cue("package", vague.group()):
                vague = None  # "a package over C$47 million ..., including artillery rounds": kinds given in money
            if vague and (own_donor or carried) and not cue["training"] and not again:
                before = _local(s, system.start, system.start)[-80:]  # "the further provision ... of hundreds of"
                kind = _kind_of_unnumbered(lex, cue["delivered"], before)
                c = make(kind, system, None, system.start)
                if system.generic and system.key.startswith(("ammunition", "missiles")):
                    served = _served_system(s, numbers_found.Number(system.start, system.start, 0), system, systems, lex)
                    if served:  # "rounds of ammunition for Challenger 2 tanks"
                        c.system_family = c.system = served
                c.doubt(0.2, f"no number: '{vague.group().strip()}'")
                used.add(id(system))
                out.append(c)
        if cue["training"] and systems and dated and not any(c.kind == "training" and c.start == sentence.start for c in out):
            # a programme without a number of trainees only where the sentence dates it ("began training on the 13th"):
            # "funding for training", "crews trained in Sweden" are no programme to record
            out.append(make("training", systems[0], None, systems[0].start))
        elif len(countable) < 2 and not any(
            c.start == sentence.start and c.kind != "meeting" and c.quantity is not None for c in out
        ):  # nor in a list of counted things ("300 tanks ..., 14 fighter planes, plus helicopters"): its numbers read it
            # a system given without a number: a named one by a donor named as such ("Lithuania will deliver Bofors L70",
            # "more PzH2000 and MARSII will be handed over"), or any one handed over ("Latvia handed over its Stingers")
            strong_donor = (
                own_donor is not None
                and not own_donor.place
                and (not own_donor.weak or re.match(r"\W*(?:the\s+)?$", s[: own_donor.start], re.IGNORECASE) is not None)
            )  # "German federal government announced ...": an adjective before its government, as the subject
            # not in a package given in money ("$550 million ..., including ammunition for HIMARS"): its kinds are no rows
            given = (
                bool(lex.cue("give", s) or cue["delivered"]) and strong_donor and not cue["training"] and not lex.cue("money", s)
            )
            # "Leopard 1A5 tanks donated by Denmark", "подарованих Данією танках": the giver named after its verb
            given = given or any(
                not d.weak and not d.place and lex.cue("given_by", s[max(0, d.start - 40) : d.start]) for d in donors
            )
            for system in systems:
                again = any(c.start == sentence.start and c.system_family == system.key.split("|")[0] for c in out)
                handed = cue["delivered"] and donors
                before = " ".join(s[: system.start].split()[-3:]) + " "
                # a kind of system given without a number, not its ammunition ("more ammunition" is no pledge a
                # record counts): more of it ("will send Ukraine additional multiple launch rocket systems"), or a kind
                # a package includes ("a new batch of military aid ..., which includes unmanned surface vessels")
                kind_given = (
                    system.generic
                    and not system.key.startswith("ammunition")
                    and (
                        lex.cue("increased", " ".join(s[: system.start].split()[-2:]) + " ") is not None
                        or INCLUDES.search(s[: system.start]) is not None
                    )
                )
                if (
                    id(system) in used
                    or again
                    or _describes_named(s, system, systems)
                    or not ((given and (not system.generic or kind_given)) or handed)
                ):
                    continue  # "BWP-1 IFV, a Polish version of the Soviet-made BMP-1": one row of the family
                if not system.generic and SERVED_BY.search(s[: system.start]):
                    continue  # "rockets for the HIMARS launchers", "ракети для пускових установок HIMARS": not the launcher
                kind = _kind_of_unnumbered(lex, cue["delivered"], before)
                c = make(kind, system, None, system.start)
                c.doubt(0.25 if kind != "delivered" else 0.2, "no number given")
                used.add(id(system))
                out.append(c)
                # "Italy and France will supply Ukraine with SAMP-T": without a number, each gives its own
                run = _joined_run(s, [d for d in donors if not d.weak and not d.place and d.end <= system.start])
                if len(run) >= 2 and c.donor == run[-1].key:
                    out += [replace(c, donor=other.key) for other in run if other.key != c.donor]
        named_systems = [x for x in systems if not x.generic]
        single = (
            ONE_UNKNOWN[lex.lang].search(s)
            if lex.lang in ONE_UNKNOWN and (own_donor or carried) and not named_systems and not countable and not cue["training"]
            else None
        )
        if single and not any(d.start <= single.start(1) < d.end for d in donors):
            # "promised to hand over a seized An-124 Russian cargo jet": one unit of a model the catalog lacks
            kind = "delivered" if cue["delivered"] and not _future(lex, s, cue["delivered"]) else "announced"
            c = make(kind, None, 1, single.start(1))
            c.unknown_system = single.group(1)
            c.doubt(0.3, f"one unit of '{single.group(1)}', which is not in the catalog")
            out.append(c)
        if (
            cue["delivered"]
            and not named_systems
            and not countable
            and not _future(lex, s, cue["delivered"])
            and lex.lang != "ja"
        ):
            # "The Ukrainian servicemen received Bulgarian 60-mm M60CMA mortars", "received an undisclosed number of
            # Titan-S": a model the catalog lacks, no number
            vague = lex.cue("vague", s[cue["delivered"].end() :])
            after_vague = vague and re.match(
                r"\s*(?:of\s+)?(?:the\s+)?([A-Z][\w-]+(?:\s+[A-Z0-9][\w-]*)*)", s[cue["delivered"].end() + vague.end() :]
            )
            unnamed = (
                UNKNOWN_MODEL.search(s, cue["delivered"].end())
                or CYRILLIC_MODEL.search(s, cue["delivered"].end())
                or (
                    re.search(re.escape(after_vague.group(1)), s)
                    if after_vague and not NOT_MODELS.match(after_vague.group(1))
                    else None
                )
            )
            if unnamed and not any(d.start <= unnamed.start() < d.end for d in donors):
                c = make("delivered", None, None, unnamed.start())
                c.unknown_system = unnamed.group()
                c.doubt(0.3, f"'{unnamed.group()}' is not in the catalog, and no number is given")
                out.append(c)
        give = lex.cue("give", s) if lex.lang in ("en", "uk") else None
        if (
            give
            and not named_systems
            and not [o for o in countable if not _names_digit(s, o, donors, lex.lang)]
            and not cue["training"]
            and own_donor is not None
            and not own_donor.weak
            and not own_donor.place
            and own_donor.end <= give.start()
            and not re.search(r"(?:\bfrom|(?<!\w)з|(?<!\w)із)\s+$", s[: own_donor.start], re.IGNORECASE)
            and not lex.cue("money", s)
            and not any(c.start == sentence.start and c.kind in COUNTED_KINDS for c in out)
        ):
            # "UK sends Brimstone 2 precision-guided missiles to Ukrainian Armed Forces": a model the catalog lacks,
            # given without a number by the donor named before the verb
            to = RECIPIENT.match(s, give.end())
            model = _unknown_after(s, numbers_found.Number(give.end(), to.end() if to else give.end(), 0), donors)
            if model:
                delivered = cue["delivered"] and not _future(lex, s, cue["delivered"])
                c = make("delivered" if delivered else "announced", None, None, give.end())
                c.unknown_system = model
                c.doubt(0.35, f"'{model}' is not in the catalog, and no number is given")
                out.append(c)
        seen_systems[:0] = [m for m in reversed(systems) if not m.generic]

    def kind_of(family: str | None) -> str | None:  # a family's catalog category
        return lex.categories.get(family or "", family)

    found = _said_again(_numbered_first(_merge_meetings(_summed(_without_headlines(out, sentences, kind_of), sentences))))
    _increases_by_totals(found, sentences, lex)
    return found


def _increases_by_totals(found: list[Candidate], sentences: list[Sentence], lex: Lexicon) -> None:
    """An announced number is an increase where a later sentence of its paragraph gives the new total
    of the same system ("... трёх бронетранспортёров M113. С учётом новой партии общее число ... M113
    достигнет 31"; "Damit erhöht sich die Zahl der Stryker auf 125")."""
    for c in found:
        if c.kind != "announced" or not c.system_family:
            continue
        here = next(i for i, x in enumerate(sentences) if x.start == c.start)
        for later in sentences[here + 1 :]:
            if later.paragraph != sentences[here].paragraph:
                break
            text = later.text.translate(APOSTROPHES)
            named = [m.key.split("|") for m in lex.find_systems(text)]
            same = any(f == c.system_family and (not c.system or not sy or sy == c.system) for f, sy in named)  # M577 is no M113
            if lex.cue("total", text) and same:
                c.kind = "increased"
                c.doubt(0.1, "a later sentence gives the new total")
                break


def _said_again(found: list[Candidate]) -> list[Candidate]:
    """A row that an earlier sentence gave already, the same in every field, is that row said again (a summary, then
    the list it sums up: "over 28 million rounds of small-arms ammunition" in both): given once."""
    seen: dict[tuple, int] = {}
    kept = []
    for c in found:
        key = (c.kind, c.donor, c.system_family, c.system, c.unknown_system, c.quantity, c.date)
        if c.quantity is not None and c.kind in COUNTED_KINDS and seen.get(key, c.start) != c.start:
            continue
        seen.setdefault(key, c.start)
        kept.append(c)
    return kept


def _numbered_first(found: list[Candidate]) -> list[Candidate]:
    """A row without a number is dropped where the text gives the same donor's same system with one
    ("Luxembourg handed over armoured ambulances. ... four Mercedes ambulances were handed over")."""
    numbered = {(c.kind, c.donor, c.system_family, c.unknown_system) for c in found if c.quantity is not None}
    return [
        c
        for c in found
        if c.quantity is not None
        or c.kind in ("meeting", "training")
        or (c.kind, c.donor, c.system_family, c.unknown_system) not in numbered
    ]


def _without_headlines(found: list[Candidate], sentences: list[Sentence], kind_of) -> list[Candidate]:
    """A headline (the text's first paragraph, when others follow) says again what its story says:
    its candidate is dropped where a later sentence gives the same kind of system (`kind_of`: its catalog
    category; "Panzerhaubitzen" in the headline, "Panzerhaubitze 2000" below) and number (a headline's
    donor is often a short form: 豪 for Australia)."""
    if not sentences or sentences[-1].paragraph == sentences[0].paragraph:
        return found
    head = [x for x in sentences if x.paragraph == sentences[0].paragraph]
    if len(head) > 1 or (re.search(r"[.!?。！？][\"”»」』)]*\s*$", head[0].text) and len(head[0].text) > 100):
        return found  # a lede of full sentences, not a headline: "The first four of 13 ... have been handed over ..."
    head_end = max(x.end for x in head)
    body = {(kind_of(c.system_family), c.quantity) for c in found if c.start > head_end}
    givers = {c.donor for c in found if c.start > head_end and c.kind in COUNTED_KINDS}
    return [
        c
        for c in found
        if c.start > head_end
        # a headline sums up its story ("пять бронемашин" over 3 M113 and 2 M577): its donor's rows below stand for it
        or (
            (kind_of(c.system_family), c.quantity) not in body
            and c.kind != "meeting"
            and c.donor not in givers
            and not (c.donor is None and givers)
        )
    ]


LIST_ITEM = re.compile(r"\s*[-•*–—]\s")


def _list_blocks(sentences: list[Sentence]) -> dict[int, int]:
    """Each sentence's block: the start of the first item of the list it is an item of ("- 300
    tactical vehicles", "- 50 heavy fuel tankers"), else its own start."""
    block: dict[int, int] = {}
    previous: Sentence | None = None
    for x in sentences:
        item = LIST_ITEM.match(x.text) is not None
        joined = item and previous is not None and previous.paragraph == x.paragraph and LIST_ITEM.match(previous.text)
        block[x.start] = block[previous.start] if joined and previous is not None else x.start
        previous = x
    return block


def _summed(found: list[Candidate], sentences: Sequence[Sentence] = ()) -> list[Candidate]:
    """One row per kind, donor and system in a sentence, or in one list: "six patrol cars and eight
    trucks" are 14 vehicles of one catalog entry, as the record would file them."""
    kept: list[Candidate] = []
    index: dict[tuple, Candidate] = {}
    block = _list_blocks(list(sentences))
    for c in found:
        group = block.get(c.start, c.start)
        key = (group, c.kind, c.donor, c.system_family, c.system, c.unknown_system)
        first = index.get(key)
        if (
            (group != c.start or abs(c.number_at - first.number_at if first is not None else 0) <= 80)  # items of one list
            and first is not None
            and c.kind in COUNTED_KINDS
            and first.quantity is not None
            and c.quantity is not None
            # "two short-range and two medium-range Iris-T": two kinds of the system, each its own row;
            # "85 із 90 гаубиць": the first is part of the second, not added to it
            and not any(p.fullmatch(re.sub(r"^\S+", "", c.evidence[first.number_at : c.number_at])) for p in (RANGE_AND, PART_OF))
        ):
            first.quantity += c.quantity
            first.doubt(0.05, "two numbers of one sentence added up")
            continue
        index[key] = c
        kept.append(c)
    return kept


def _named_over_generic(text: str, systems: list[Mention]) -> list[Mention]:
    """A generic word next to the name that says which ("десятки гусеничних БТРів М113", "гаубиць
    словацького виробництва Zuzana 2", "машин піхоти Marder", "M577 armoured personnel carriers") is that name
    alone."""
    padded: list[Mention | None] = [None, *systems, None]
    return [
        m
        for previous, m, following in zip(padded, systems, padded[2:])
        if not (
            m.generic
            and (
                (following and not following.generic and TYPE_WORDS.fullmatch(text[m.end : following.start]))
                or (previous and not previous.generic and re.fullmatch(r"[\s-]*", text[previous.end : m.start]))
            )
        )
    ]


def _systems_and_dates(
    sentences: list[Sentence], lex: Lexicon, published: date | None
) -> list[tuple[str, list[Mention], list[dates_found.FoundDate]]]:
    """Each sentence's text (apostrophes made one), the systems it names and its dates, outside those
    names ("PzH 2000" is no year); "the same day" is the day of the last sentence that gave one."""
    out = []
    last = published
    said: tuple[int, dates_found.FoundDate] | None = None  # the last date the text gave, and its paragraph
    for sentence in sentences:
        text = sentence.text.translate(APOSTROPHES)
        systems = _named_over_generic(text, lex.find_systems(text))
        found = [
            d
            for d in dates_found.find(text, lex, published, last)
            if not any(m.start < d.end and d.start < m.end for m in systems)
        ]
        if said and said[0] == sentence.paragraph:
            # «Сьогодні прибули перші три Гепарди» after "On Monday, Ukraine received ...": the speaker's today
            found = [replace(d, value=said[1].value, precision=said[1].precision) if d.quoted else d for d in found]
        last = next((d.value for d in found if d.value is not None), last)
        first = next((d for d in found if d.value is not None and not d.quoted), None)
        if first:
            said = (sentence.paragraph, first)
        out.append((text, systems, found))
    return out


EARLIER = re.compile(
    r"\b(?:had|earlier|previously|already|last (?:week|month|year)|in the past)\b|(?<!\w)(?:раніше|вже|ранее|уже|минулого|прошл\w+)(?!\w)"
    r"|\b(?:bereits|zuvor|schon|déjà|auparavant|wcześniej|już)\b",
    re.IGNORECASE,
)


def _borrowed_date(text_dates: list, index: int, sentences: list[Sentence], lex: Lexicon) -> dates_found.FoundDate | None:
    """A sentence without a date takes the nearest dated sentence's of its paragraph: the one before
    it, else the next one when that one reports this ("Ukraine received four howitzers. This was confirmed on
    Saturday"): a later date of another kind is a plan ("set to arrive on June 19")."""
    paragraph = sentences[index].paragraph
    same = [i for i in range(len(sentences)) if sentences[i].paragraph == paragraph and text_dates[i] is not None]
    before = [i for i in same if i < index]
    if before:
        return text_dates[before[-1]]
    follows = index + 1 in same and lex.cue("says_so", sentences[index + 1].text)
    if follows:
        return text_dates[index + 1]  # only a sentence that reports this one: "Об этом в среду заявил ..."
    # a paragraph with no date at all takes the day of the lede (the first paragraph with a date, or the one after a
    # headline: "... defense officials announced Thursday"), whose story the paragraphs after it tell more of
    firsts = sorted({x.paragraph for x in sentences})[:2]
    dated_firsts = [p for p in firsts if any(text_dates[i] is not None for i, x in enumerate(sentences) if x.paragraph == p)]
    lede = [i for i, x in enumerate(sentences) if dated_firsts and x.paragraph == dated_firsts[0] and text_dates[i] is not None]
    earlier = EARLIER.search(sentences[index].text)  # "The Pentagon had already committed 50 Bradleys": another, earlier day
    if (
        not same
        and not earlier
        and lede
        and paragraph > sentences[lede[-1]].paragraph
        and text_dates[lede[-1]].precision == "day"
    ):
        return text_dates[lede[-1]]
    return None


def _merge_meetings(found: list[Candidate]) -> list[Candidate]:
    """One meeting candidate per day, and one training candidate per system family and day: the
    sentence that dates it, or the first (a headline and its story name the same event)."""
    kept: list[Candidate] = []
    seen: dict[tuple, Candidate] = {}
    for c in found:
        if c.kind not in ("meeting", "training") or c.quantity is not None:
            kept.append(c)
            continue
        subject = (c.kind, c.system_family)
        undated = seen.get((*subject, None))
        if c.date is None and any(key[:2] == subject for key in seen):
            continue
        if (*subject, c.date) in seen:
            continue
        if c.date is not None and undated is not None:
            kept.remove(seen.pop((*subject, None)))
        seen[(*subject, c.date)] = c
        kept.append(c)
    return kept
