"""The reference side of a synthetic data directory: donors (real ISO 3166-1 codes), system
families and systems with invented names, unit prices, aliases, Kiel items, outlets, meetings,
exchange rates and GDP. These tables are small (at most tens of thousands of rows) and are built
as plain rows."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pycountry

from tracker.synthetic import calendar as cal

# Real donors, roughly by the size of their military aid: the head of the donor list (and of its
# weights); the rest of the donors are other ISO 3166-1 countries drawn at random.
MAIN_DONORS = (
    "USA DEU GBR POL NLD DNK CAN NOR SWE FIN FRA ITA ESP BEL CZE LTU LVA EST AUS SVK PRT ROU "
    "BGR HRV SVN GRC AUT IRL LUX ISL JPN KOR NZL TUR CHE ALB MNE MKD HUN CYP MLT"
).split()
NOT_DONORS = {"UKR", "RUS", "BLR"}
ORGANISATIONS = [("XEU", "EU institutions"), ("XNT", "NATO trust funds")]
NATO_SINCE = {
    **dict.fromkeys("BEL CAN DNK FRA ISL ITA LUX NLD NOR PRT GBR USA".split(), "1949-08-24"),
    "GRC": "1952",
    "TUR": "1952",
    "DEU": "1955",
    "ESP": "1982",
    **dict.fromkeys("CZE HUN POL".split(), "1999"),
    **dict.fromkeys("BGR EST LVA LTU ROU SVK SVN".split(), "2004"),
    "ALB": "2009",
    "HRV": "2009",
    "MNE": "2017",
    "MKD": "2020",
    "FIN": "2023-04-04",
    "SWE": "2024-03-07",
}
EU_SINCE = {
    **dict.fromkeys("BEL DEU FRA ITA LUX NLD".split(), "1958"),
    "DNK": "1973",
    "IRL": "1973",
    "GRC": "1981",
    "PRT": "1986",
    "ESP": "1986",
    **dict.fromkeys("AUT FIN SWE".split(), "1995"),
    **dict.fromkeys("CYP CZE EST HUN LVA LTU MLT POL SVK SVN".split(), "2004"),
    "BGR": "2007",
    "ROU": "2007",
    "HRV": "2013",
}

# category: (weight, median price in EUR, median units first pledged, Kiel category, SIPRI category, Kiel type)
CATEGORIES = {
    "main_battle_tank": (8, 4e6, 10, "Tanks", "armoured_vehicles", "Heavy weapon"),
    "infantry_fighting_vehicle": (8, 3e6, 20, "IFV", "armoured_vehicles", "Heavy weapon"),
    "armoured_personnel_carrier": (12, 1e6, 30, "", "armoured_vehicles", "Heavy weapon"),
    "other_armoured_vehicle": (12, 5e5, 40, "", "armoured_vehicles", "Military equipment"),
    "engineering_vehicle": (4, 2e6, 5, "", "armoured_vehicles", "Heavy weapon"),
    "self_propelled_artillery": (6, 5e6, 8, "Howitzers", "artillery", "Heavy weapon"),
    "towed_artillery": (6, 1.5e6, 12, "Howitzers", "artillery", "Heavy weapon"),
    "mortar": (5, 1e5, 30, "", "artillery", "Heavy weapon"),
    "multiple_rocket_launcher": (4, 5e6, 4, "MLRS", "artillery", "Heavy weapon"),
    "air_defence": (6, 2e7, 3, "Air Defense", "air_defence_systems", "Heavy weapon"),
    "anti_ship": (2, 2e7, 4, "", "missiles", "Heavy weapon"),
    "radar": (4, 5e6, 5, "", "sensors", "Heavy weapon"),
    "combat_aircraft": (2, 3e7, 6, "", "aircraft", "Aviation and drones"),
    "helicopter": (3, 1e7, 5, "", "aircraft", "Aviation and drones"),
    "drone": (6, 2e5, 50, "", "aircraft", "Aviation and drones"),
    "ship": (2, 3e7, 2, "", "ships", "Heavy weapon"),
    "other": (4, 1e5, 100, "", "other", "Military equipment"),
}
CATEGORY_NAMES = list(CATEGORIES)
_C = np.array([v[:3] for v in CATEGORIES.values()])
CATEGORY_WEIGHT, CATEGORY_PRICE, CATEGORY_UNITS = _C[:, 0] / _C[:, 0].sum(), _C[:, 1], _C[:, 2]

WORDS = (
    "Kestrel Falcon Osprey Harrier Merlin Condor Heron Ibis Raven Lynx Ocelot Jaguar Puma Cougar Badger "
    "Wolverine Marten Bison Ibex Oryx Gazelle Mamba Viper Cobra Taipan Adder Krait Boa Granite Basalt Quartz "
    "Onyx Cobalt Argon Boron Zephyr Mistral Sirocco Bora Foehn Tundra Steppe Taiga Delta Fjord Glacier Comet "
    "Nova Quasar Pulsar Orion Vega Rigel Altair Sirius Lyra Draco Hydra Triton Nereus Aegir Borealis Aurora "
    "Cirrus"
).split()
VARIANTS = "A1 A2 A3 A4 A5 A6 A7 B C D E M NG ER 2M 3 4".split() + ["Mk 2", "Mk 3", "Mk 4"]
CYRILLIC = str.maketrans(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ", "абцдефгхийклмнопкрстуввхизАБЦДЕФГХИЙКЛМНОПКРСТУВВХИЗ"
)
OUTLET_WORDS = "Daily Evening Morning Weekly National Capital Northern Southern Eastern Western Central Coastal Metro Free Open Global Defence Strategic Frontline Border".split()
OUTLET_KINDS = (
    "Times Post Herald Monitor Review Wire Journal Dispatch Gazette Observer Courier Ledger Tribune Chronicle Bulletin".split()
)
SUMMITS = [
    ("2022-06-28", "2022-06-30", "Madrid", "ESP"),
    ("2023-07-11", "2023-07-12", "Vilnius", "LTU"),
    ("2024-07-09", "2024-07-11", "Washington", "USA"),
    ("2025-06-24", "2025-06-25", "The Hague", "NLD"),
]
RATE_CURRENCIES = {"USD": (1.12, 0.0035), "GBP": (0.86, 0.0025)}  # mean units per EUR, daily volatility
PER_EUR = {"EUR": 1.0, "USD": 1.09, "GBP": 0.86}  # for stated values and prices
RATES_SOURCE, GDP_SOURCE, KIEL_SOURCE, MEMBERS_SOURCE = (
    "ecb-euro-reference-rates",
    "worldbank-gdp-current-usd",
    "kiel-ust-release",
    "nato-eu-member-states",
)


def slug(text: str) -> str:
    return "-".join(text.lower().split())


@dataclass
class Catalogue:
    donors: list[str]  # codes; index = rank (donor weights fall with it)
    donor_names: list[str]
    donor_weight: np.ndarray
    family_ids: list[str]
    family_names: list[str]
    system_ids: list[str]
    system_names: list[str]
    system_family: np.ndarray  # family index per system
    system_category: np.ndarray  # index into CATEGORY_NAMES
    system_weight: np.ndarray
    price_eur: np.ndarray  # per system
    outlets: list[dict]
    meetings: list[dict]  # sorted by first day; with "first" and "last" day numbers


def build(rng: np.random.Generator, n_donors: int, n_systems: int, n_outlets: int) -> Catalogue:
    countries = {c.alpha_3: getattr(c, "common_name", None) or c.name for c in pycountry.countries}
    others = sorted(set(countries) - set(MAIN_DONORS) - NOT_DONORS)
    n_countries = min(n_donors - len(ORGANISATIONS), len(MAIN_DONORS) + len(others))
    codes = MAIN_DONORS[:n_countries] + list(rng.choice(others, max(0, n_countries - len(MAIN_DONORS)), replace=False))
    codes.insert(min(4, len(codes)), ORGANISATIONS[0][0])
    codes += [code for code, _ in ORGANISATIONS[1:]]
    names = [countries.get(c) or dict(ORGANISATIONS)[c] for c in codes]
    donor_weight = 1 / (np.arange(len(codes)) + 1.0) ** 1.1

    n_families = max(10, round(n_systems / 1.7))
    grid = rng.choice(len(WORDS) * 999, n_families, replace=False)
    family_names = [f"{WORDS[g % len(WORDS)]} {g // len(WORDS) + 1}" for g in grid]
    family_category = rng.choice(len(CATEGORY_NAMES), n_families, p=CATEGORY_WEIGHT)
    # Each family has one or more variants; the first systems cover every family once.
    system_family = np.concatenate([np.arange(n_families), rng.integers(0, n_families, max(0, n_systems - n_families))])
    system_family.sort(kind="stable")
    first_of_family = np.r_[True, system_family[1:] != system_family[:-1]]
    per_family = np.bincount(system_family, minlength=n_families)
    unspecified = (per_family[system_family] == 1) & (rng.random(system_family.size) < 0.5)
    variant_pick = [rng.permutation(len(VARIANTS)) for _ in range(n_families)]
    rank = np.arange(system_family.size) - np.flatnonzero(first_of_family)[np.cumsum(first_of_family) - 1]
    variants = ["" if unspecified[i] else VARIANTS[variant_pick[f][rank[i] % len(VARIANTS)]] for i, f in enumerate(system_family)]
    family_ids = [slug(n) for n in family_names]
    system_ids = [family_ids[f] + ("-" + slug(v) if v else "") for f, v in zip(system_family, variants)]
    system_names = [family_names[f] + (" " + v if v else "") for f, v in zip(system_family, variants)]
    system_category = family_category[system_family]
    price_eur = np.round(CATEGORY_PRICE[system_category] * rng.lognormal(0, 0.5, system_family.size), -3)
    system_weight = 1 / (rng.permutation(system_family.size) + 3.0) ** 0.9
    return Catalogue(
        codes,
        names,
        donor_weight / donor_weight.sum(),
        family_ids,
        family_names,
        system_ids,
        system_names,
        system_family,
        system_category,
        system_weight / system_weight.sum(),
        price_eur,
        _outlets(rng, codes, names, n_outlets),
        _meetings(rng, set(codes)),
    )


def _outlets(rng, codes, names, n: int) -> list[dict]:
    ministries = [
        {
            "domain": f"mod-{c.lower()}.example.org",
            "publisher": f"Ministry of Defence ({name.split(',')[0]})",
            "reliability": "official",
        }
        for c, name in zip(codes[: max(3, n // 4)], names)
    ]
    grades = rng.choice(["major_outlet", "specialist", "secondary", "weak"], n, p=[0.25, 0.25, 0.4, 0.1])
    press = []
    for i in range(n - len(ministries)):
        word, round_ = i % 20, (i // 20) % 15  # every word with every kind once per 300 outlets
        name = f"{OUTLET_WORDS[word]} {OUTLET_KINDS[(round_ + word) % 15]}" + (f" {i // 300 + 1}" if i >= 300 else "")
        press.append(
            {
                "domain": slug(name) + ".example.org",
                "publisher": name,
                "reliability": grades[i],
                "note": "Graded weak: repeats claims without attribution." if grades[i] == "weak" else None,
            }
        )
    return ministries + press


def _meetings(rng, donors: set[str]) -> list[dict]:
    """Contact Group meetings every one to two months from April 2022, NATO defence ministers
    three times a year and the yearly NATO summit."""
    rows, day, number = [], cal.day_of("2022-04-26"), 1
    while day < cal.N_DAYS - 20:
        where = rng.choice(["ramstein", "brussels", "virtual", "hybrid"], p=[0.3, 0.25, 0.35, 0.1])
        place, country = {"ramstein": ("Ramstein Air Base", "DEU"), "virtual": ("virtual", None)}.get(
            where, ("NATO headquarters, Brussels", "BEL")
        )
        rows.append(
            {
                "meeting_id": f"udcg-{number:02d}",
                "series": "udcg",
                "number": number,
                "first": day,
                "last": day,
                "place": place,
                "country": country,
                "format": {"ramstein": "in_person", "brussels": "in_person"}.get(where, where),
                "chair": "Chair of the Ukraine Defense Contact Group",
                "participants": f"About {int(rng.integers(40, 56))} countries",
                "participant_count": int(rng.integers(40, 56)),
            }
        )
        day, number = day + int(rng.integers(25, 62)), number + 1
    for year in range(2022, 2026):
        for month in (2, 6, 10):
            first = cal.day_of(f"{year}-{month:02d}-{int(rng.integers(10, 20)):02d}")
            rows.append(
                {
                    "meeting_id": f"nato-dm-{year}-{month:02d}",
                    "series": "nato_defence_ministers",
                    "first": first,
                    "last": first + 1,
                    "place": "NATO headquarters, Brussels",
                    "country": "BEL",
                    "format": "in_person",
                    "chair": "NATO Secretary General",
                    "participants": "NATO defence ministers",
                }
            )
    for first, last, city, country in SUMMITS:
        rows.append(
            {
                "meeting_id": f"nato-summit-{first[:4]}",
                "series": "nato_summit",
                "first": cal.day_of(first),
                "last": cal.day_of(last),
                "place": city,
                "country": country,
                "format": "in_person",
                "chair": "NATO Secretary General",
                "participants": "NATO heads of state and government",
            }
        )
    for row in rows:
        row["country"] = row["country"] if row["country"] in donors else None
        row["date"] = cal.ISO[row["first"]]
        row["last_day"] = cal.ISO[row["last"]] if row["last"] > row["first"] else None
        row["outcome"] = "New pledges and a review of earlier commitments (synthetic)."
    return sorted(rows, key=lambda r: (r["first"], r["meeting_id"]))


def meeting_of_day(meetings: list[dict]) -> np.ndarray:
    """Per day of the period, the index of a meeting held that day (-1 for none)."""
    of_day = np.full(cal.N_DAYS, -1, dtype=np.int32)
    for i, m in reversed(list(enumerate(meetings))):
        of_day[m["first"] : m["last"] + 1] = i
    return of_day


def donor_rows(cat: Catalogue) -> list[dict]:
    rows = []
    for code, name in zip(cat.donors, cat.donor_names):
        country = pycountry.countries.get(alpha_3=code)
        rows.append(
            {
                "donor_id": code,
                "name": name,
                "donor_type": "country" if country else "international_organisation",
                "iso_alpha2": country.alpha_2 if country else None,
                "nato_member_since": NATO_SINCE.get(code),
                "eu_member_since": EU_SINCE.get(code),
                "source_id": MEMBERS_SOURCE if code in NATO_SINCE or code in EU_SINCE else None,
            }
        )
    return rows


def system_rows(cat: Catalogue, rng) -> tuple[list[dict], list[dict]]:
    families = [
        {
            "family_id": f,
            "name": n,
            "origin_country": cat.donors[int(rng.integers(0, min(12, len(cat.donors))))] if rng.random() < 0.7 else None,
        }
        for f, n in zip(cat.family_ids, cat.family_names)
    ]
    systems = []
    for sid, name, fam, c in zip(cat.system_ids, cat.system_names, cat.system_family, cat.system_category):
        _, _, _, kiel, sipri, kiel_type = CATEGORIES[CATEGORY_NAMES[c]]
        variant = name[len(cat.family_names[fam]) + 1 :]
        systems.append(
            {
                "system_id": sid,
                "family_id": cat.family_ids[fam],
                "variant": variant or None,
                "name": name,
                "category": CATEGORY_NAMES[c],
                "kiel_item_type": kiel_type,
                "kiel_category": kiel or None,
                "sipri_category": sipri,
            }
        )
    return families, systems


def price_rows(cat: Catalogue, rng, sources: list[str]) -> list[dict]:
    """Unit prices for most systems: Kiel's in USD, some official in EUR, a few estimates in GBP."""
    rows = []
    priced = rng.random(len(cat.system_ids)) < 0.85
    currency = rng.choice(["USD", "EUR", "GBP"], len(cat.system_ids), p=[0.7, 0.2, 0.1])
    for i in np.flatnonzero(priced):
        cur = str(currency[i])
        basis = {"USD": "kiel_estimate", "EUR": "official", "GBP": "other_estimate"}[cur]
        rows.append(
            {
                "system_id": cat.system_ids[i],
                "price": int(round(cat.price_eur[i] * PER_EUR[cur], -3)),
                "currency": cur,
                "basis": basis,
                "source_id": KIEL_SOURCE if basis == "kiel_estimate" else sources[i],
            }
        )
    return rows


def alias_rows(cat: Catalogue, rng) -> list[dict]:
    """The family's name in English (and often German, Ukrainian and Russian spellings), plus some variants."""
    rows = {}
    for fid, name in zip(cat.family_ids, cat.family_names):
        rows[(name, "en")] = fid, None
        for language, share in (("de", 0.3), ("uk", 0.5), ("ru", 0.3)):
            if rng.random() < share:
                rows[(name if language == "de" else name.translate(CYRILLIC), language)] = fid, None
    for sid, name, fam in zip(cat.system_ids, cat.system_names, cat.system_family):
        if sid != cat.family_ids[fam] and rng.random() < 0.2:
            rows[(name, "en")] = cat.family_ids[fam], sid
    return [{"alias": a, "language": lang, "family_id": f, "system_id": s} for (a, lang), (f, s) in rows.items()]


def kiel_item_rows(cat: Catalogue, rng) -> list[dict]:
    rows = []
    for i in np.flatnonzero(rng.random(len(cat.system_ids)) < 0.4):
        category = CATEGORY_NAMES[cat.system_category[i]]
        rows.append(
            {
                "kiel_item": f"{cat.system_names[i]} {category.replace('_', ' ')}",
                "kiel_item_type": CATEGORIES[category][5],
                "kiel_sub_type": category.replace("_", " ").capitalize(),
                "system_id": cat.system_ids[i],
            }
        )
    for i in range(max(5, len(rows) // 5)):
        what = ("ammunition", "repair work", "spare parts", "fuel")[i % 4]
        rows.append(
            {
                "kiel_item": f"{what.capitalize()} package {i + 1}",
                "kiel_item_type": "Military equipment",
                "excluded_because": f"{what}, outside the heavy-weapon scope",
            }
        )
    return rows


def meeting_rows(cat: Catalogue, sources: np.ndarray) -> list[dict]:
    return [{**m, "source_id": str(s)} for m, s in zip(cat.meetings, sources)]


def rate_rows(rng) -> list[dict]:
    """ECB-like rates for every working day from 2021 (GDP is converted at the 2021 average) to the end."""
    days = cal.working_days("2021-01-01", "2025-12-31")
    rows = []
    for currency, (mean, volatility) in RATE_CURRENCIES.items():
        level, shocks = 0.0, rng.normal(0, volatility, days.size)
        for day, shock in zip(np.datetime_as_string(days), shocks):
            level = 0.995 * level + shock  # a random walk pulled back towards the mean
            rows.append({"currency": currency, "date": day, "per_eur": f"{mean * np.exp(level):.4f}", "source_id": RATES_SOURCE})
    return rows


def gdp_rows(cat: Catalogue, rng) -> list[dict]:
    rows = []
    for rank, code in enumerate(cat.donors):
        if pycountry.countries.get(alpha_3=code) is None:
            continue
        gdp = 2.3e13 / (rank + 1) ** 1.5 * rng.lognormal(0, 0.4)
        for year in (2021, 2022, 2023):
            rows.append({"donor": code, "year": year, "gdp_usd": int(round(gdp, -3)), "source_id": GDP_SOURCE})
            gdp *= rng.uniform(0.96, 1.12)
    return rows
