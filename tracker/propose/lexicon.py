"""What `tracker propose` recognises in each language: donors by their names (CLDR's, through babel,
plus the record's own names and a few short forms news use), systems from data/system_aliases.csv
(with the catalog's own names and the generic words of generic_systems.csv), and the cue words of
cues.yaml, each compiled once per language."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from importlib.resources import files
from pathlib import Path

import yaml
from babel import Locale

from tracker.csv_reader import read_rows

LANGUAGES = ("ja", "de", "uk", "ru", "en", "fr", "pl")
INFLECTING = {"uk", "ru", "pl"}  # names take case endings: Німеччина, Німеччини, Німеччиною
APOSTROPHES = str.maketrans({"ʼ": "'", "’": "'", "`": "'"})  # one length for one character: offsets stay right

# Short forms of donors' names in news that CLDR does not list (CLDR gives "Сполучені Штати", news
# write "США"). Japanese one-character forms count only before a word that makes them a country.
SHORT_NAMES = {
    "USA": {
        "en": [
            "US",
            "U.S.",
            "USA",
            "U.S.A.",
            "America",
            "Washington",
            "Pentagon",
            "the United States",
            "Department of Defense",
            "Defense Department",
            "Defence Department",
            "DoD",
            "White House",
            "Biden administration",
            "Biden's administration",
            "USAI",
            "Presidential Drawdown",  # the drawdown authority is the US President's
        ],
        "uk": [
            "США",
            "Америк",
            "Пентагон",
            "Вашингтон",
            "USAI",
            "DoD",
            "президентського скорочення",
            "президентськ\\w* списан\\w*",
            "адміністраці\\w* Байдена",
        ],
        "ru": ["США", "Америк", "Пентагон", "Вашингтон", "USAI", "DoD", "администраци\\w* Байдена"],
        "de": ["USA", "Amerika", "Pentagon", "Washington"],
        "fr": ["USA", "Amérique", "Pentagone", "Washington"],
        "pl": ["USA", "Ameryk", "Pentagon", "Waszyngton"],
        "ja": ["米国", "アメリカ", "米(?=[国政軍防側大])", "米(?=[・、])"],
    },
    "GBR": {
        "en": ["UK", "U.K.", "Britain", "Great Britain", "London"],
        "uk": ["Великобритані", "Британі", "Лондон"],
        "ru": ["Великобритани", "Британи", "Лондон"],
        "de": ["Großbritannien", "Britannien", "London"],
        "fr": ["Grande-Bretagne", "Londres"],
        "pl": ["Wielk\\w* Brytani", "Londyn"],
        "ja": ["英国", "イギリス", "英(?=[国政軍防側])"],
    },
    "DEU": {
        "de": ["Bundesregierung", "Berlin"],
        "en": ["Berlin"],
        "ja": ["独(?=[国政軍防側])"],
        "pl": ["Niemiec", "Niemcy"],
        "fr": ["Berlin"],
    },
    "FRA": {"en": ["Paris"], "de": ["Paris"], "ja": ["仏(?=[国政軍防側])"]},
    "XEU": {
        "en": ["EU", "European Union"],
        "uk": ["ЄС", "Євросоюз", "Європейськ\\w* Союз"],
        "ru": ["ЕС", "Евросоюз", "Европейск\\w* союз"],
        "de": ["EU", "Europäische\\w* Union"],
        "fr": ["UE", "Union européenne"],
        "pl": ["UE", "Uni\\w* Europejsk"],
        "ja": ["欧州連合", "EU", "ＥＵ"],
    },
    "NLD": {"en": ["Holland"], "de": ["Holland"], "ja": ["オランダ"]},
    "CZE": {"en": ["Czech Republic", "Czechia"], "uk": ["Чехі"], "ru": ["Чехи"], "pl": ["Czech"], "ja": ["チェコ"]},
    "CAN": {"ja": ["加(?=[国政軍])"], "en": ["Ottawa"]},
    "JPN": {"ja": ["日本政府", "防衛省", "陸上自衛隊"], "en": ["Tokyo"]},
    "AUS": {"ja": ["豪(?=[州国政軍])"], "en": ["Canberra"]},
}
# Adjectives of nationality in English news: a donor only before government, minister, army ...
DEMONYM_HEADS = (
    r"(?:government|ministry|minister|defen[cs]e|army|armed forces|military|prime minister|president|chancellor|navy"
    r"|air force|officials?|authorities|council|cabinet|parliament|police|embassy|(?:\w+ )?(?:stockpiles?|stocks|inventory|reserves))"
)
# Right after a number in digits or English words: one lookbehind each, as each must have one width
AFTER_NUMBER = (
    "(?:(?<=\\d )|"
    + "|".join(
        rf"(?<=(?<![\w-])(?i:{w}) )"
        for w in "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen "
        "eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred thousand dozen".split()
    )
    + ")"
)
DEMONYM_MODIFIERS = r"(?:foreign|federal|national|state|defen[cs]e|deputy|interior|finance)"
DEMONYMS = {
    "USA": "American|U\\.S\\.|US",
    "GBR": "British|UK",
    "DEU": "German",
    "FRA": "French",
    "POL": "Polish",
    "NLD": "Dutch",
    "NOR": "Norwegian",
    "DNK": "Danish",
    "SWE": "Swedish",
    "FIN": "Finnish",
    "CAN": "Canadian",
    "CZE": "Czech",
    "SVK": "Slovak",
    "ESP": "Spanish",
    "PRT": "Portuguese",
    "ITA": "Italian",
    "BEL": "Belgian",
    "EST": "Estonian",
    "LVA": "Latvian",
    "LTU": "Lithuanian",
    "AUS": "Australian",
    "JPN": "Japanese",
    "TUR": "Turkish",
    "GRC": "Greek",
    "ROU": "Romanian",
    "BGR": "Bulgarian",
    "HRV": "Croatian",
    "SVN": "Slovenian",
    "AUT": "Austrian",
    "CHE": "Swiss",
    "IRL": "Irish",
    "LUX": "Luxembourg",
    "NZL": "New Zealand",
    "KOR": "South Korean",
    "ISL": "Icelandic",
    "MKD": "North Macedonian",
    "ALB": "Albanian",
    "MNE": "Montenegrin",
    "HUN": "Hungarian",
}

NAME_VOWELS = "аяоеиіїєуюыьaąeęioóuy"


def _stem(word: str) -> str:
    """A name's stem for languages with case endings: Німеччина -> Німеччин (matches Німеччини)."""
    stem = word
    while len(stem) > 4 and stem[-1].lower() in NAME_VOWELS:
        stem = stem[:-1]
    return stem


# words that a weekday's stem would match but that are prepositions: серед (among) for середа, среди for среда
NOT_WEEKDAYS = {"uk": "(?i:серед)", "ru": "(?i:среди)"}


def catalog_names(name: str) -> list[str]:
    """The names a catalog entry is written by: "Stridsbåt 90 (CB90)" is also "Stridsbåt 90" and "CB90", "Saab 340 AEW&C
    (ASC 890 / S 100D Argus)" also "ASC 890" and "S 100D Argus"; "CVR(T)" is one name. None where the brackets describe
    ("Mortar (generic)", "122 mm rockets (Grad type)"): such an entry is a kind of system, which generic words name."""
    bracket = re.fullmatch(r"(.+?)\s+\((.+)\)", name)
    if bracket is None:
        return [name] if len(name) > 2 else []
    parts = [p.strip() for p in re.split(r"[/,;]", bracket.group(2))]
    if not all(p and all(w[0].isupper() or w[0].isdigit() for w in p.split()) for p in parts):
        return []
    return [n for n in (bracket.group(1), *parts) if len(n) > 2]


def name_pattern(name: str, lang: str, ending: str = r"\w*") -> str:
    """A regular expression for a name in running text of `lang` (`ending`: what may follow a stem
    in a language with case endings)."""
    name = name.translate(APOSTROPHES)
    if lang == "ja":
        return name if any(c in name for c in "(?[") else re.escape(name)
    if any(c in name for c in "\\(?["):
        return rf"(?<!\w){name}\w*"
    words = name.split()
    if lang in INFLECTING:
        return r"(?<!\w)" + r"\s+".join(re.escape(_stem(w)) + ending for w in words)
    tail = r"(?:'s|s)?" if lang in ("en", "de") else ""
    return r"(?<!\w)" + r"\s+".join(re.escape(w) for w in words) + tail + r"(?!\w)"


# Cyrillic letters that look like Latin ones, as model names are typed in Ukrainian and Russian text
# (М109, Т-72 with Cyrillic М and Т): one character for one, so offsets stay right.
LOOKALIKE = str.maketrans("АВЕКМНОРСТХІаеорсх", "ABEKMHOPCTXIaeopcx")
MODEL_TOKEN = re.compile(r"(?<!\w)[А-ЯІA-Z][\wА-Яа-яІі]*[-\s]?\d[\w-]*|(?<!\w)\d+[-\s]?[А-ЯІ]{1,3}\b")


def latin_models(text: str) -> str:
    """`text` with the Cyrillic lookalikes in model names (letters next to digits) made Latin."""
    return MODEL_TOKEN.sub(lambda m: m.group().translate(LOOKALIKE), text)


# The adjectives of nationality of Ukrainian and Russian, which neither CLDR nor a country's name stem gives
# ("німецьких" is not "Німеччин-"): a donor only before a word for its government or aid, or after a number
ADJECTIVE_STEMS = {
    "uk": {
        "DEU": "німецьк",
        "USA": "американськ",
        "GBR": "британськ",
        "FRA": "французьк",
        "POL": "польськ",
        "SWE": "шведськ",
        "NOR": "норвезьк",
        "DNK": "данськ",
        "NLD": "нідерландськ|голландськ",
        "CAN": "канадськ",
        "CZE": "чеськ",
        "SVK": "словацьк",
        "FIN": "фінськ",
        "ITA": "італійськ",
        "ESP": "іспанськ",
        "BEL": "бельгійськ",
        "LTU": "литовськ",
        "LVA": "латвійськ",
        "EST": "естонськ",
        "TUR": "турецьк",
        "AUS": "австралійськ",
        "JPN": "японськ",
        "SVN": "словенськ",
        "PRT": "португальськ",
        "GRC": "грецьк",
        "ROU": "румунськ",
        "BGR": "болгарськ",
        "HRV": "хорватськ",
        "AUT": "австрійськ",
        "NZL": "новозеландськ",
        "ISL": "ісландськ",
    },
    "ru": {
        "DEU": "немецк",
        "USA": "американск",
        "GBR": "британск",
        "FRA": "французск",
        "POL": "польск",
        "SWE": "шведск",
        "NOR": "норвежск",
        "DNK": "датск",
        "NLD": "нидерландск|голландск",
        "CAN": "канадск",
        "CZE": "чешск",
        "SVK": "словацк",
        "FIN": "финск",
        "ITA": "итальянск",
        "ESP": "испанск",
        "BEL": "бельгийск",
        "LTU": "литовск",
        "LVA": "латвийск",
        "EST": "эстонск",
        "TUR": "турецк",
        "AUS": "австралийск",
        "JPN": "японск",
        "SVN": "словенск",
        "PRT": "португальск",
        "GRC": "греческ",
        "ROU": "румынск",
        "BGR": "болгарск",
        "HRV": "хорватск",
        "AUT": "австрийск",
        "NZL": "новозеландск",
        "ISL": "исландск",
    },
}
# A name's stem read on into an adjective of nationality (Канадський, французьких, polskie): like the
# English demonyms, a donor only before a word for its government, ministry, army or aid.
ADJECTIVE_ENDING = {
    "uk": re.compile(r"(?:ськ|цьк|зьк)\w*$", re.IGNORECASE),
    "ru": re.compile(r"(?:ск|цк)(?:ий|ая|ое|ие|ого|ой|ому|ую|им|их|ими|ом)$", re.IGNORECASE),
    "pl": re.compile(r"(?:sk|ck)\w*$", re.IGNORECASE),
}
ADJECTIVE_HEADS = {
    "uk": re.compile(
        r"\s+(?:уряд|міністр|оборон|арм|збройн|поліц|військов\w*\s+(?:допомог|підтримк|пакет)|прем|президент|канцлер|парламент|влад|сторон|допомог|підтримк|пакет)",
        re.IGNORECASE,
    ),
    "ru": re.compile(
        r"\s+(?:правительств|министр|оборон|арм|вооруж|полиц|военн\w*\s+(?:помощ|поддержк|пакет)|прем|президент|канцлер|парламент|власт|сторон|помощ|поддержк|пакет)",
        re.IGNORECASE,
    ),
    "pl": re.compile(
        r"\s+(?:rz[aą]d|minist|obron|armi|sił\w*\s+zbrojn|wojsk\w*\s+(?:pomoc|wsparc|pakiet)|premier|prezydent|kanclerz|parlament|władz|stron|pomoc|wsparc|pakiet)",
        re.IGNORECASE,
    ),
}
# An adjective of nationality before its government, ministry, parliament or army names the state acting
# ("the German Ministry of Defence said", "Lithuanian ministry of defense reported"): a giver as strong as its name.
INSTITUTION_HEADS = {
    "en": re.compile(
        r"\s+(?:federal\s+|national\s+)?(?:government|ministry|minister|defen[cs]e\s+minist|parliament|cabinet|army|armed\s+forces|police|prime\s+minister|president|chancellor|(?:\w+\s+)?(?:stockpiles?|stocks|inventory|reserves))\b",
        re.IGNORECASE,
    ),
    "uk": re.compile(r"\s+(?:уряд|міністерств|міністр|парламент|поліц|прем|президент|канцлер)", re.IGNORECASE),
    "ru": re.compile(r"\s+(?:правительств|министерств|министр|парламент|полиц|прем|президент|канцлер)", re.IGNORECASE),
    "pl": re.compile(r"\s+(?:rz[aą]d|minist|parlament|premier|prezydent|kanclerz)", re.IGNORECASE),
}


@dataclass
class Mention:
    start: int
    end: int
    key: str  # a donor code, or a system id (family, system)
    text: str
    weak: bool = False  # an adjective of nationality: a donor only if nothing stronger is named
    generic: bool = False  # a generic word (drones, trucks) of generic_systems.csv, not a named system
    place: bool = False  # named as a place ("officers in Poland"): a donor only if no other is named


@dataclass
class Lexicon:
    lang: str
    donors: list[tuple[re.Pattern, str, bool]] = field(default_factory=list)  # pattern, donor code, weak
    systems: list[tuple[re.Pattern, str, str | None, bool]] = field(default_factory=list)  # pattern, family, system, generic
    cues: dict[str, re.Pattern] = field(default_factory=dict)
    relative_days: list[tuple[re.Pattern, int]] = field(default_factory=list)
    relative_periods: list[tuple[re.Pattern, str, int]] = field(default_factory=list)  # "last week": week, -1
    weekdays: list[tuple[re.Pattern, int]] = field(default_factory=list)  # 0 = Monday
    months: list[tuple[re.Pattern, int]] = field(default_factory=list)
    categories: dict[str, str] = field(default_factory=dict)  # family -> the catalog category of its systems
    origins: dict[str, str] = field(default_factory=dict)  # family -> the country that makes it (system_families.csv)
    category_words: list[tuple[re.Pattern, str]] = field(default_factory=list)  # "tanks" -> main_battle_tank

    def find_donors(self, text: str) -> list[Mention]:
        found: list[Mention] = []
        for pattern, code, weak in self.donors:
            for m in pattern.finditer(text):
                adjective = (
                    self.lang in ADJECTIVE_ENDING
                    and ADJECTIVE_ENDING[self.lang].search(m.group())
                    and (self.lang != "pl" or m.group()[0].islower())  # "z Polski" is the country, "polskie" its adjective
                )
                if (
                    adjective
                    and not ADJECTIVE_HEADS[self.lang].match(text, m.end())
                    and not re.search(r"\d\s$", text[max(0, m.start() - 2) : m.start()])
                ):
                    # "Канадський виробник": a maker's nation, not a giver; right after a number ("18 німецьких танків
                    # Leopard") it may be the giver, when the sentence names no other (tracker.propose.extract)
                    continue
                weak_here = (weak or bool(adjective)) and not (
                    self.lang in INSTITUTION_HEADS and INSTITUTION_HEADS[self.lang].match(text, m.end())
                )
                found.append(Mention(m.start(), m.end(), code, m.group(), weak_here))
        return _non_overlapping(found)

    def find_systems(self, text: str) -> list[Mention]:
        found = []
        text = latin_models(text)
        for pattern, family, system, generic in self.systems:
            for m in pattern.finditer(text):
                variant = m.groupdict().get("variant")  # T-72B for the family alias T-72: a variant the catalog may lack
                found.append(
                    Mention(m.start(), m.end(), f"{family}|{'' if variant else system or ''}", m.group(), generic=generic)
                )
        return _non_overlapping(found)

    def cue(self, kind: str, text: str) -> re.Match | None:
        pattern = self.cues.get(kind)
        return pattern.search(text) if pattern else None


def _non_overlapping(found: list[Mention]) -> list[Mention]:
    """The longest mention wins where two overlap (Leopard 2A6 over Leopard 2)."""
    kept: list[Mention] = []
    # of two as long: a named system over a generic word, then over a bare family
    for m in sorted(found, key=lambda m: (-(m.end - m.start), m.generic, m.key.endswith("|"), m.start)):
        if not any(m.start < k.end and k.start < m.end for k in kept):
            kept.append(m)
    return sorted(kept, key=lambda m: m.start)


WORD_START = r"(?<!\w)"


def _compile(patterns: list[str]) -> re.Pattern:
    """One pattern of a cue's alternatives; \\m in cues.yaml is the start of a word."""
    return re.compile("|".join("(?:" + p.replace("\\m", WORD_START) + ")" for p in patterns), re.IGNORECASE)


@cache
def cue_table() -> dict:
    return yaml.safe_load((files("tracker.propose") / "cues.yaml").read_text(encoding="utf-8"))


def load(lang: str, data_dir: Path) -> Lexicon:
    """The lexicon of `lang` over the record in `data_dir`."""
    lex = Lexicon(lang)
    locale = Locale.parse(lang)
    flags = re.IGNORECASE
    donors = read_rows(data_dir / "donors.csv")
    for donor in donors:
        code = donor["donor_id"]
        names = set()
        if donor.get("iso_alpha2"):
            names.add(locale.territories.get(donor["iso_alpha2"], ""))
        if lang == "en":
            names.add(donor["name"])
            names.update(n.strip() for n in (donor.get("other_names") or "").split(";") if n.strip())
        names.update(SHORT_NAMES.get(code, {}).get(lang, []))
        for name in sorted(n for n in names if n):
            # a short all-capital form (US, UK, EU) must be written so: "us" is a word
            case = 0 if (name.isupper() and len(name) <= 4) or lang == "ja" else flags
            lex.donors.append((re.compile(name_pattern(name, lang), case), code, False))
        if code in ADJECTIVE_STEMS.get(lang, {}):
            lex.donors.append(
                (re.compile(rf"(?<![\w-])(?:{ADJECTIVE_STEMS[lang][code]})\w*", flags), code, False)
            )  # not "Французько-німецький оборонний гігант"
        if lang == "en" and code in DEMONYMS:
            # not "the French-German defense giant": two nations joined are a company's, not a giver
            lex.donors.append(
                # "the Japanese Foreign Ministry", "German federal government": a word or two may come between
                (
                    re.compile(
                        rf"(?<![\w-])(?:{DEMONYMS[code]})(?![\w-])(?=\s+(?:{DEMONYM_MODIFIERS}\s+){{0,2}}{DEMONYM_HEADS}\b)",
                        flags,
                    ),
                    code,
                    True,
                )
            )
            # "18 German Leopard tanks and 14 British Challenger tanks": between a number and the name it counts
            # or a number word ("Three Portuguese Leopard 2A6 Tanks")
            lex.donors.append((re.compile(rf"{AFTER_NUMBER}(?:{DEMONYMS[code]})(?![\w-])(?=\s+[A-Z])"), code, True))
    # "Pistorius announced ...": a head of government or defence minister of a donor, a weak donor (the country, when
    # named, wins), by name as each language writes it (leaders.csv)
    column = lang if lang in ("uk", "ru", "ja") else "latin"
    ending = r"\w{0,3}" if lang in ("uk", "ru", "pl") else r"(?:'s|’s)?"
    for row in read_rows(files_path("leaders.csv")):
        for name in filter(None, (n.strip() for n in row[column].split(";"))):
            pattern = re.escape(name) if lang == "ja" else rf"(?<![\w-]){re.escape(name)}{ending}(?![\w-])"
            lex.donors.append((re.compile(pattern, 0 if lang == "ja" else flags), row["donor"], True))
    aliases = read_rows(data_dir / "system_aliases.csv")
    systems = {r["system_id"]: r for r in read_rows(data_dir / "systems.csv")}
    lex.categories = {r["family_id"]: r["category"] for r in systems.values()}
    families = {r["family_id"]: r for r in read_rows(data_dir / "system_families.csv")}
    lex.origins = {family: row["origin_country"] for family, row in families.items() if row.get("origin_country")}
    seen: set[tuple[str, str, str | None]] = set()

    def add(alias: str, family: str, system: str | None, pattern: bool = False, generic: bool = False) -> None:
        key = (alias.lower(), family, system)
        if not alias or key in seen:
            return
        seen.add(key)
        alias = latin_models(alias)  # as the text is searched: Т-72 and T-72 are one name
        if pattern:  # generic_systems.csv: words, or a regular expression for their inflected forms
            # a space between words is any space or a hyphen; one inside a character class ("[- ]") stays itself
            text = re.sub(r"\[[^\]]*\]| ", lambda m: r"[\s-]+" if m.group() == " " else m.group(), alias.translate(APOSTROPHES))
            text = re.sub(r"(?<=\d)\[\\s-\]\+(?=mm|мм)", r"[\\s-]?", text)  # "155 mm" is also written 155mm
        else:
            # SAMP/T is also written SAMP-T, IRIS-T also IRIS/T
            text = (
                re.escape(alias.translate(APOSTROPHES)).replace("/", r"\-").replace(r"\ ", r"[\s-]?").replace(r"\-", r"[\s/-]?")
            )
            if alias.isascii():  # M113 is also written M-113 or M 113
                text = re.sub(r"(?<=[A-Za-z])(?=\d)|(?<=\d)(?=[A-Za-z])", r"[\\s-]?", text)
            if lang == "en":  # "the Leopards 2": a plural on the name's first word
                text = re.sub(r"^([A-Za-z]{3,})(?=\[\\s/?-\]\?)", r"\1(?:s)?", text)
            if alias.isascii() and re.fullmatch(r"[A-Za-z]{5,}.*", alias):  # "Zuzanna-2": a letter of a long name doubled
                head = re.match(r"[A-Za-z]+", text)
                if head:
                    text = (
                        "".join(f"{ch}{ch}?" if i and ch.isalpha() else ch for i, ch in enumerate(head.group()))
                        + text[head.end() :]
                    )
        if lang == "ja":
            regex = text
        else:
            # a Latin name in a Cyrillic text takes Cyrillic endings only: "Hawkei" is no Hawk
            cyrillic = r"[а-яіїєґё]*" if lang in ("uk", "ru") and alias.isascii() and not pattern else r"\w*"
            ending = cyrillic if lang in INFLECTING and alias[-1].isalpha() else r"(?:s|es|'s)?" if alias[-1].isalpha() else ""
            if not pattern and system is None and alias.isascii() and alias[-1].isdigit():
                ending = r"(?P<variant>[A-Z][A-Z0-9]{0,3})?" + (
                    r"(?:s|'s)?" if lang == "en" else r"\w*" if lang in INFLECTING else ""
                )
            # a generic word may end a compound ("6x6-Ambulanzen"); a name may not ("MiG-29" is no "G-29")
            start = r"(?<!\w)" if pattern else r"(?<![\w-])"
            regex = rf"{start}{text}{ending}(?![\w])"
        lex.systems.append((re.compile(regex, 0 if lang == "ja" else flags), family, system, generic))

    for row in aliases:
        # a system's alias in any language of Latin script is how it is written everywhere (HIMARS, PzH 2000)
        if (
            row["language"] == lang
            or (row["alias"].isascii() and lang != "ja")
            or (lang == "ja" and row["alias"].isascii() and len(row["alias"]) > 3)
        ):
            add(row["alias"], row["family_id"], row["system_id"] or None)
    for system_id, row in systems.items():
        if not system_id.endswith("-unspecified"):
            for name in catalog_names(row["name"]):
                add(name, row["family_id"], system_id)
    for family_id, row in families.items():
        if family_names := catalog_names(row["name"]):
            for name in family_names:
                add(name, family_id, None)
        elif row["name"].endswith(" (generic)") and " " in row["name"].removesuffix(" (generic)"):
            # "Counter-battery radar (generic)": the kind of system it names is a generic word (not one word
            # alone: "helicopter", "mortar" are also said of what is no aid)
            add(row["name"].removesuffix(" (generic)"), family_id, None, generic=True)
    for row in read_rows(files_path("generic_systems.csv")):
        if row["language"] == lang:
            add(
                row["words"],
                row["family_id"],
                row["system_id"] or None,
                pattern=True,
                generic=row["generic"] == "yes",
            )
    for row in read_rows(files_path("category_words.csv")):
        if row["language"] == lang:
            ending = r"\w*" if lang in INFLECTING else ""
            start = "" if lang == "ja" else r"(?<!\w)"
            lex.category_words.append((re.compile(start + row["words"] + ending, 0 if lang == "ja" else flags), row["category"]))
    cues = cue_table().get(lang, {})
    lex.cues = {kind: _compile(patterns) for kind, patterns in cues.items()}
    relative = locale._data["date_fields"]["day"]["relative"]
    for offset, word in dict(relative).items():
        if offset <= 0:
            lex.relative_days.append((re.compile(name_pattern(word, "ja" if lang == "ja" else "en"), flags), offset))
    for kind in ("today_also",):
        if kind in lex.cues:
            lex.relative_days.append((lex.cues[kind], 0))
    for unit in ("week", "month"):  # "last week", "ce mois-ci", "минулого тижня": CLDR's words, this and the one before
        for offset, word in dict(locale._data["date_fields"][unit]["relative"]).items():
            if offset <= 0:
                pattern = re.escape(word) if lang == "ja" else name_pattern(word, "en")
                lex.relative_periods.append((re.compile(pattern, flags), unit, offset))
    for context in ("format", "stand-alone"):
        for width in ("wide", "abbreviated"):
            for index, name in locale.days[context][width].items():
                if width == "abbreviated" and (lang == "ja" or len(name.rstrip(".")) < 3):
                    continue
                # a weekday's case ending is short: середу, not середньої ("medium")
                pattern = name_pattern(name.rstrip("."), lang, r"\w{0,2}(?!\w)") if lang != "ja" else re.escape(name)
                if lang in NOT_WEEKDAYS:  # "Серед іншого озброєння" (among), not середа
                    pattern = rf"(?!{NOT_WEEKDAYS[lang]}(?!\w)){pattern}"
                lex.weekdays.append((re.compile(pattern, flags), index))
            for index, name in locale.months[context][width].items():
                if lang == "ja" or (width == "abbreviated" and len(name.rstrip(".")) < 3):
                    continue
                lex.months.append((re.compile(name_pattern(name.rstrip("."), lang, r"\w{0,3}(?!\w)"), flags), index))
    if lang == "en":  # "Sept. 28": an abbreviation CLDR does not give
        lex.months.append((re.compile(r"(?<!\w)Sept(?!\w)", flags), 9))
    return lex


def files_path(name: str) -> Path:
    return Path(str(files("tracker.propose") / name))
