"""`tracker propose` on the seed article (NHK's live blog of 2023-02-14), on bad input, and `tracker
accept` round-tripping through validate. The evaluation set's precision and recall are in
reports/propose_evaluation.md, checked for drift here, not asserted as timed or flaky tests."""

from __future__ import annotations

import csv
import json
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from tracker.cli import main
from tracker.propose import Reader
from tracker.propose import evaluate as evaluation

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "tests" / "propose" / "seed" / "nhk_2023-02-14_ukraine_updates.ja.txt"
DATA = ROOT / "data"


@pytest.fixture(scope="module")
def reader():
    return Reader(DATA)


@pytest.fixture(scope="module")
def seed(reader):
    return reader.propose(SEED.read_text(encoding="utf-8"), "ja", date(2023, 2, 14))


def test_the_seed_gives_germany_14_leopard_2_as_recorded(seed):
    # https://www.bundesregierung.de/breg-de/aktuelles/bundesregierung-kuendigt-lieferung-von-leopard-2-panzern-an-die-ukraine-an-2160236
    germany = [c for c in seed if c.kind == "announced" and c.donor == "DEU" and c.system_family == "leopard-2"]
    assert [(c.quantity, c.status, c.record_id) for c in germany] == [(14, "recorded", "DEU-leopard-2a6-2023-01-25")]
    text = SEED.read_text(encoding="utf-8")
    assert text[germany[0].start : germany[0].end] == germany[0].evidence and "14両" in germany[0].evidence


def test_the_seed_gives_the_62_as_a_claim_not_a_pledge(seed):
    assert [c.quantity for c in seed if c.kind == "claim" and c.system_family == "leopard-2"] == [62]
    assert not any(c.quantity == 62 and c.kind in ("announced", "increased", "delivered") for c in seed)


def test_the_seed_gives_the_leopard_2_training_from_2023_02_13(seed):
    # 「13日」 in an article of 2023-02-14 is 2023-02-13 (https://www3.nhk.or.jp/news/html/20230214/k10013979571000.html)
    training = [c for c in seed if c.kind == "training"]
    assert [(c.system_family, c.date, c.donor) for c in training] == [("leopard-2", date(2023, 2, 13), "DEU")]


def test_the_seed_gives_the_contact_group_meeting_at_nato_headquarters(seed):
    meetings = [c for c in seed if c.kind == "meeting"]
    assert [(c.date, c.status, c.record_id) for c in meetings] == [(date(2023, 2, 14), "recorded", "udcg-09")]


def test_made_in_is_not_donated_by(reader):
    found = reader.propose("ポーランドは14日、ドイツ製戦車「レオパルト2」14両を供与すると発表した。", "ja", date(2023, 2, 24))
    assert [(c.donor, c.quantity) for c in found if c.kind == "announced"] == [("POL", 14)]


@pytest.mark.parametrize(
    ("lang", "text", "day"),
    [
        ("de", "Deutschland hat am Montag vierzehn Leopard 2 zugesagt.", date(2023, 1, 23)),
        ("uk", "У понеділок Німеччина пообіцяла чотирнадцять танків Leopard 2.", date(2023, 1, 23)),
        ("en", "Germany pledged fourteen Leopard 2 tanks last Monday.", date(2023, 1, 23)),
        ("ru", "Германия в понедельник пообещала 14 танков Leopard 2.", date(2023, 1, 23)),
        ("fr", "L'Allemagne a promis lundi quatorze chars Leopard 2.", date(2023, 1, 23)),
        ("pl", "Niemcy w poniedziałek obiecały czternaście czołgów Leopard 2.", date(2023, 1, 23)),
    ],
)
def test_weekdays_number_words_and_names_in_each_language(reader, lang, text, day):
    # published Wednesday 2023-01-25: Monday is 2023-01-23
    (c,) = [c for c in reader.propose(text, lang, date(2023, 1, 25)) if c.kind == "announced"]
    assert (c.donor, c.system_family, c.quantity, c.date) == ("DEU", "leopard-2", 14, day)


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # https://www.telegraaf.nl/nieuws/928278313/nederland-gaat-munitie-voor-leopard-2-tanks-aan-oekraine-leveren
        # "20.000" written with a point, and a tank's rounds by its gun
        (
            "The Netherlands will supply Ukraine with 20.000 shells for the Leopards 2 main battle tanks.",
            date(2023, 2, 15),
            [("announced", "NLD", "ammunition-tank-120mm", None, 20000)],
        ),
        # https://www.defense.gov/News/Releases/Release/Article/3272866/biden-administration-announces-additional-security-assistance-for-ukraine/
        # ammunition support vehicles are armoured vehicles of their own kind, not trucks summed with the tow vehicles
        (
            "The Department of Defense announced a package that includes: 12 ammunition support vehicles; 6 command post "
            "vehicles; 22 tactical vehicles to tow weapons.",
            date(2023, 1, 19),
            [
                ("announced", "USA", "armoured-vehicle", None, 12),
                ("announced", "USA", "armoured-vehicle", None, 6),
                ("announced", "USA", "non-combat-vehicles", None, 22),
            ],
        ),
        # https://www.ukrinform.net/rubric-ato/3546708-armed-forces-receive-first-batch-of-50-kirpi-armored-vehicles-from-turkey.html
        # Kirpi, as news write the BMC Kirpi
        (
            "The Armed Forces of Ukraine have received 50 new Kirpi armored vehicles from Turkey.",
            date(2022, 8, 10),
            [("delivered", "TUR", "bmc-kirpi", None, 50)],
        ),
        # https://kam.lt/ukrainai-perduoti-sarvuociai-m577/
        # "with the delivery of": delivered
        (
            "Lithuania continues to provide military support to Ukraine, with the delivery of M577 armoured personnel "
            "carriers to the Ukrainian Armed Forces on 5 April.",
            date(2024, 4, 6),
            [("delivered", "LTU", "m113", None, None)],
        ),
        # https://defence-blog.com/france-to-supply-ukraine-with-upgraded-mirage-2000-fighters/
        # "between 12 and 20" is a range: no one number
        (
            "France plans to transfer between 12 and 20 Mirage 2000-5F jets to Ukraine.",
            date(2024, 10, 12),
            [("announced", "FRA", "mirage-2000", None, None)],
        ),
        # https://www.aa.com.tr/en/europe/uk-announces-new-military-aid-package-for-ukraine/3268904
        # one capitalised word before "missiles" is a model the catalog lacks
        (
            "Britain will supply Ukraine with nearly 100 precision Brimstone missiles.",
            date(2024, 7, 8),
            [("announced", "GBR", None, "Brimstone missiles", 100)],
        ),
        # https://news.sky.com/story/ukraines-president-volodymyr-zelenskyy-arrives-in-uk-for-substantive-negotiations-with-rishi-sunak-12881273
        # "further" earlier in the clause makes a row without a number an increase
        (
            "The UK will confirm today the further provision for Ukraine of hundreds of air defence missiles.",
            date(2023, 5, 15),
            [("increased", "GBR", "air-defence-missile", None, None)],
        ),
        # https://spectator.sme.sk/c/22984476/first-zuzana-howitzers-delivered-to-ukraine.html
        # the four are a part of the eight, of the same system, and delivered
        (
            "Ukraine has received the first four of a total of eight Slovak-made Zuzana 2 howitzers.",
            date(2022, 8, 15),
            [("delivered", None, "zuzana", None, 4), ("claim", None, "zuzana", None, 8)],
        ),
        # https://www.canada.ca/en/department-national-defence/news/2023/05/defence-minister-anita-anand-announces-military-aid-for-ukraine-at-the-twelfth-meeting-of-the-ukraine-defense-contact-group.html
        # Poland is where the trainers go, not who gives; the missile is a model the catalog lacks
        (
            "During the meeting Canada announced additional assistance to Ukraine: new military trainers for "
            "military medics and officers in Poland to train Ukrainians and 43 AIM-9 Sidewinder missiles.",
            date(2023, 5, 25),
            [("announced", "CAN", None, "AIM-9 Sidewinder missiles", 43)],
        ),
        # https://www.defense.gov/News/Releases/Release/Article/3272866/biden-administration-announces-additional-security-assistance-for-ukraine/
        # a calibre the catalog lacks is an unknown system; millions written as a word
        (
            "The United States will provide 295,000 rounds of 25mm ammunition and over 3 million rounds of small arms ammunition.",
            date(2023, 1, 19),
            [
                ("announced", "USA", None, "25 mm ammunition", 295000),
                ("announced", "USA", "ammunition-small-arms", None, 3000000),
            ],
        ),
        # https://www.reuters.com/world/europe/uk-provide-65-mln-support-package-ukraine-2023-07-11/
        # rounds for a tank are tank ammunition, and the tank itself is not given
        (
            "The UK government will provide Ukraine with thousands of rounds of ammunition for Challenger 2 tanks.",
            date(2023, 7, 11),
            [("announced", "GBR", "ammunition-tank-120mm", None, None)],
        ),
        # https://www.repubblica.it/esteri/2022/10/29/news/ucraina_kiev_armi_italia-372176795/
        # a range is no one number
        (
            "The Italian Government has approved the supply of 20 to 30 M109L 155mm self-propelled howitzers.",
            date(2022, 10, 30),
            [("announced", "ITA", "m109", None, None)],
        ),
        # https://www.aa.com.tr/en/russia-ukraine-war/poland-to-send-60-more-tanks-to-ukraine-in-addition-to-14-leopard-2/2799176
        # more tanks of a model not said, and the 14 Leopard 2 named after them
        (
            "Poland has agreed to send 60 more tanks to Ukraine in addition to the 14 German-made Leopard 2 tanks.",
            date(2023, 1, 27),
            [("increased", "POL", None, "tanks", 60), ("announced", "POL", "leopard-2", None, 14)],
        ),
        # https://edition.cnn.com/europe/live-news/russia-ukraine-war-news-06-10-23/index.html
        # one unit of a model the catalog lacks
        (
            "Canadian Prime Minister Justin Trudeau on Saturday promised to hand over a seized An-124 Russian cargo jet to Ukraine.",
            date(2023, 6, 10),
            [("announced", "CAN", None, "An-124", 1)],
        ),
        # https://www.defense.gov/News/Releases/Release/Article/3227217/400-million-in-additional-assistance-for-ukraine/
        # goods the catalog has no entry for
        (
            "The Department of Defense package will include over 200 generators.",
            date(2022, 11, 23),
            [("announced", "USA", None, "generators", 200)],
        ),
        # https://www.ctvnews.ca/politics/trudeau-accuses-tories-of-turning-their-backs-on-ukraine-s-needs-announces-more-aid-1.6659663
        # millions written as words
        (
            "Canada announced another $60-million contribution of military aid for Ukraine on Friday, "
            "including nine million rounds of ammunition and around 11,000 firearms.",
            date(2023, 11, 24),
            [("announced", "CAN", "ammunition", None, 9_000_000), ("announced", "CAN", "small-arms", None, 11_000)],
        ),
        # https://www.handelsblatt.com/unternehmen/industrie/ruestungsindustrie-rheinmetall-baut-neue-skynex-flugabwehr-fuer-die-ukraine/28859200.html
        # an order received is no delivery
        (
            "The German arms manufacturer Rheinmetall has received an order for two Skynex anti-aircraft missile systems for Ukraine.",
            date(2022, 12, 11),
            [("announced", None, "skynex", None, 2)],
        ),
        # https://censor.net/en/news/3406883/north_macedonia_confirmed_return_of_four_su25_aircraft_to_ukraine_mass_media
        # a delivery of what was promised before: the delivery, and the pledge named in passing
        (
            "North Macedonia confirmed sending of four previously promised SU-25 aircraft to Ukraine.",
            date(2023, 3, 20),
            [("announced", "MKD", "su-25", None, 4), ("delivered", "MKD", "su-25", None, 4)],
        ),
    ],
)
def test_readings_of_feed_sentences(reader, text, published, expected):
    found = reader.propose(text, "en", published)
    assert [(c.kind, c.donor, c.system_family, c.unknown_system, c.quantity) for c in found] == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # https://www.bundesregierung.de/breg-en/news/military-support-ukraine-2054992
        # a people word as the adjective of goods ("військових аптечок": military first-aid kits), trucks in the
        # genitive plural, summed with the patrol cars
        (
            "Німеччина доставила Україні новий пакет, який включає шість патрульних автомобілів і вісім вантажівок, "
            "а також 100 000 військових аптечок.",
            date(2023, 12, 7),
            [("delivered", "DEU", "non-combat-vehicles", 14), ("delivered", "DEU", "non-lethal-supplies", 100_000)],
        ),
        # https://media.defense.gov/2023/Jul/19/2003263170/-1/-1/1/UKRAINE-FACT-SHEET.PDF
        # the items of one list are summed per family, and a calibre the catalog lacks is named
        (
            "Пентагон оголосив про новий пакет допомоги Україні:\n- 300 тактичних автомобілів\n- 50 паливозаправників\n"
            "- 295 000 снарядів калібру 25 мм",
            date(2023, 7, 19),
            [("announced", "USA", "non-combat-vehicles", 350), ("announced", "USA", None, 295_000)],
        ),
        # https://www.defense.gov/News/Releases/Release/Article/3189571/725-million-in-additional-security-assistance-for-ukraine/
        # a Presidential Drawdown is the United States' (the Ukrainian text names the ministry only); "23-й" is an ordinal
        (
            "Міністерство оборони оголосило про 23-й дозвіл президентського скорочення безпекової допомоги Україні. "
            "Це скорочення включає 200 багатоцільових колісних транспортних засобів високої мобільності (HMMWV).",
            date(2022, 10, 14),
            [("announced", "USA", "hmmwv", 200)],
        ),
        # https://www.armyrecognition.com/defense_news_november_2022_global_security_army_industry/slovakia_delivers_the_7th_zuzana_2_155_mm_self-propelled_howitzers_to_ukraine.html
        # "7-му" is the seventh, not seven
        ("До Збройних Сил України передано 7-му самохідну 155-мм гаубицю Zuzana 2.", date(2022, 11, 18), []),
        # https://defence-blog.com/ukraine-receives-hundreds-of-senator-armored-vehicles-from-canada/
        # an adjective of nationality before a maker is no donor
        (
            "Канадський виробник бронетехніки Roshel поставив Збройним Силам України понад 100 автомобілів.",
            date(2023, 1, 2),
            [("delivered", None, "non-combat-vehicles", 100)],
        ),
        # https://spectator.sme.sk/c/22984476/first-zuzana-howitzers-delivered-to-ukraine.html
        # the name after a generic word and where it was made says which howitzer; the next sentence that reports the
        # delivery dates it
        (
            "Україна отримала перші чотири із загальної восьми гаубиць словацького виробництва Zuzana 2. "
            "Поставку артилерійської системи підтвердило в суботу Міноборони.",
            date(2022, 8, 15),
            [("delivered", None, "zuzana", 4), ("claim", None, "zuzana", 8)],
        ),
        # https://www.politico.com/newsletters/national-security-daily/2022/08/19/u-s-sending-new-drones-to-ukraine-ahead-of-southern-push-00052856
        # a model the catalog lacks, after a hyphened generic word
        (
            "США вперше надсилають 15 дронів-спостережників ScanEagle.",
            date(2022, 8, 19),
            [("announced", "USA", None, 15)],
        ),
        # https://x.com/deaidua/status/1791183185969135859
        # a number word in the instrumental case
        (
            "Литва посилить українську протиповітряну оборону шістьма радарами повітряного спостереження AMBER-1800.",
            date(2024, 5, 16),
            [("announced", "LTU", None, 6)],
        ),
        # https://www.aa.com.tr/en/russia-ukraine-war/poland-to-send-60-more-tanks-to-ukraine-in-addition-to-14-leopard-2/2799176
        # "ще 60 танків": more tanks, of a model not named
        (
            "Польща погодилася відправити в Україну ще 60 танків.",
            date(2023, 1, 27),
            [("increased", "POL", None, 60)],
        ),
        # https://www.tu.no/artikler/attende-vapendonasjon-fra-norge-denne-gang-er-det-hellfire-missiler/522074
        # "відправлено" (was sent) is a delivery; the model after its munition word, without the words after it
        (
            "В Україну відправлено 160 ракет Hellfire з відповідним обладнанням для запуску та управління вогнем.",
            date(2022, 9, 8),
            [("delivered", None, None, 160)],
        ),
        # https://twitter.com/BMVg_Bundeswehr/status/1580177624516947971
        # "буде передано більше": more of named systems, without a number
        (
            "Згідно з твіттером міністерства оборони Німеччини, «протягом наступних кількох тижнів Україні буде передано "
            "більше PzH2000 і MARSII».",
            date(2022, 10, 12),
            [("increased", "DEU", "pzh-2000", None), ("increased", "DEU", "m270", None)],
        ),
        # https://news.sky.com/story/ukraines-president-volodymyr-zelenskyy-arrives-in-uk-for-substantive-negotiations-with-rishi-sunak-12881273
        # "подальше надання ... сотень": a further provision of a vague number; the drones "including" names are the
        # same row as the unmanned systems before them
        (
            "Уряд Великої Британії сьогодні підтвердить подальше надання Україні сотень ракет протиповітряної оборони та "
            "інших безпілотних літальних комплексів, включаючи сотні нових ударних безпілотників дальньої дії.",
            date(2023, 5, 15),
            [("increased", "GBR", "air-defence-missile", None), ("increased", "GBR", "drones", None)],
        ),
        # https://www.aa.com.tr/en/europe/uk-announces-new-military-aid-package-for-ukraine/3268904
        # a quarter of a million; the "more" of the clause before is not this number's
        (
            'Пакет включатиме "більше артилерійських гармат, чверть мільйона боєприпасів", - йдеться у заяві уряду Великої Британії.',
            date(2024, 7, 8),
            [("announced", "GBR", "ammunition", 250_000)],
        ),
        # https://edition.cnn.com/europe/live-news/russia-ukraine-war-news-06-10-23/index.html
        # one craft of a model the catalog lacks, given: one unit, as "a seized An-124" is in English
        (
            "Прем'єр-міністр Канади Джастін Трюдо в суботу пообіцяв передати Україні захоплений російський вантажний "
            "літак Ан-124.",
            date(2023, 6, 10),
            [("announced", "CAN", None, 1)],
        ),
        # https://www.armyrecognition.com/defense_news_december_2022_global_security_army_industry/inkas_titan-s_4x4_armored_vehicles_are_now_in_service_with_ukrainian_army.html
        # a Cyrillic model name received, with no number
        (
            "Українські військові отримали нерозголошену кількість броньованого автомобіля Титан-С виробництва компанії "
            "Inkas Vehicles LLC",
            date(2022, 12, 11),
            [("delivered", None, None, None)],
        ),
        # https://www.lemonde.fr/international/article/2022/10/01/la-france-prepare-la-livraison-de-nouveaux-canons-caesar-a-l-ukraine_6143991_3210.html
        # "нову серію": more of the system
        (
            "Франція готується поставити в Україну нову серію гаубиць Caesar.",
            date(2022, 10, 1),
            [("increased", "FRA", "caesar", None)],
        ),
        # https://armenpress.am/en/article/1197946
        # "новий зенітно-ракетний комплекс IRIS-T SLS": one unit
        (
            "Німеччина поставила новий зенітно-ракетний комплекс IRIS-T SLS.",
            date(2024, 8, 19),
            [("delivered", "DEU", "iris-t", 1)],
        ),
        # https://www.bloomberg.com/news/articles/2023-05-24/swiss-back-sale-of-25-tanks-to-germany-to-support-ukraine-effort
        # a purchase for one's own stocks is no aid, though the sentence names Ukraine
        (
            "Заявка Німеччини на купівлю 25 законсервованих швейцарських танків Leopard 2 для компенсації запасів, які вона "
            "відправляє в Україну, отримала підтримку уряду Швейцарії.",
            date(2023, 5, 24),
            [],
        ),
    ],
)
def test_ukrainian_readings_of_feed_sentences(reader, text, published, expected):
    found = reader.propose(text, "uk", published)
    assert [(c.kind, c.donor, c.system_family, c.quantity) for c in found] == expected


@pytest.mark.parametrize(
    "lang, text, published, expected",
    [
        # https://www.wsws.org/en/articles/2022/07/26/pust-j26.html
        # a quoted "today" is the speaker's day, given by the sentence before; a total still to arrive is the pledge's
        (
            "en",
            "On Monday, Ukraine received its first Gepard anti-aircraft tanks from Germany. “Today, the first three Gepards "
            "officially arrived,” Defence Minister Olexiy Resnikov announced. A total of 15 Gepards were expected to arrive.",
            date(2022, 7, 26),
            [("delivered", "DEU", "gepard", 3, date(2022, 7, 25)), ("announced", "DEU", "gepard", 15, None)],
        ),
        (
            "uk",
            "У понеділок Україна отримала від Німеччини перші зенітні танки Gepard. «Сьогодні офіційно прибули перші три "
            "Гепарди», – повідомив міністр оборони. Всього очікується прибуття 15 Гепардів.",
            date(2022, 7, 26),
            [("delivered", "DEU", "gepard", 3, date(2022, 7, 25)), ("announced", "DEU", "gepard", 15, None)],
        ),
        # https://www.newsweek.com/us-ukraine-himars-missiles-equivalent-airstrike-pentagon-1732096
        # rounds for the mortars named after them; "Серед" (among) is no Wednesday; a weapon the catalog lacks by its name
        (
            "uk",
            "Серед іншого озброєння, яке буде надано Україні, США надсилають двадцять 120-мм мінометних систем і "
            "20 000 снарядів до 120-мм мінометів; і 1000 Javelin.",
            date(2022, 8, 9),
            [
                ("announced", "USA", "mortar-120mm", 20, None),
                ("announced", "USA", "ammunition-mortar", 20000, None),
                ("announced", "USA", None, 1000, None),
            ],
        ),
        # https://www.canada.ca/en/department-national-defence/news/2023/01/defence-minister-anita-anand-announces-air-defence-system-donation-to-ukraine.html
        # bought to be given is aid; "a" system is one
        (
            "en",
            "The Canadian government has announced it will buy a National Advanced Surface-to-Air Missile System (NASAMS) "
            "from the United States and donate it to Ukraine.",
            date(2023, 1, 10),
            [("announced", "CAN", "nasams", 1, None)],
        ),
        # https://www.rfi.fr/en/international/20230328-promised-german-and-british-tanks-arrive-in-ukraine
        # the nation between a number and the tanks it counts, when no giver is named before
        (
            "en",
            "Ukraine received 18 German Leopard tanks and 14 British Challenger tanks",
            date(2023, 3, 27),
            [("delivered", "DEU", "leopard-2", 18, None), ("delivered", "GBR", "challenger-2", 14, None)],
        ),
        (
            "uk",
            "Україна отримала 18 німецьких танків Leopard і 14 британських танків Challenger",
            date(2023, 3, 27),
            [("delivered", "DEU", "leopard-2", 18, None), ("delivered", "GBR", "challenger-2", 14, None)],
        ),
        # https://mil.in.ua/en/news/ukrainian-troops-received-18-bohdana-self-propelled-howitzers-financed-by-denmark/
        (
            "en",
            "The Armed Forces of Ukraine have received 18 new Bohdana self-propelled howitzers, which the Kingdom of "
            "Denmark financed.",
            date(2024, 9, 15),
            [("delivered", "DNK", "bohdana", 18, None)],
        ),
        # https://www.siasat.com/canada-announces-additional-military-aid-to-ukraine-2548113/
        # 155mm written without a space
        (
            "en",
            "Canada will donate nearly 8,000 rounds of 155mm ammunition.",
            date(2023, 3, 16),
            [("announced", "CAN", "ammunition-155mm", 8000, None)],
        ),
        # https://thedefensepost.com/2024/10/03/ukraine-produce-million-drones-2/
        # Ukraine's own production is no aid
        (
            "en",
            "Ukrainian President Volodymyr Zelensky announced that the country is now capable of manufacturing up to four "
            "million drones annually.",
            date(2024, 10, 3),
            [],
        ),
        # https://www.armyrecognition.com/defense_news_january_2023_global_security_army_industry/poland_will_equip_one_ukrainian_army_brigade_with_more_t-72_tanks_and_bwp-1_ifvs.html
        # systems without a number, though the sentence has one ("one brigade"); one row of a family named twice
        (
            "en",
            "Poland will provide more T-72 tanks and BWP-1 IFV, a Polish version of the Soviet-made BMP-1 to equip one "
            "brigade of the Ukrainian army.",
            date(2023, 1, 20),
            [("increased", "POL", "t-72", None, None), ("announced", "POL", "bmp-1", None, None)],
        ),
        # https://apnews.com/article/russia-ukraine-war-us-slovakia-jets-c13dbb2e63da577e1f0d0f77050822e1
        # "the first four of 13": four delivered of a pledge of 13
        (
            "en",
            "The first four of 13 Soviet-era MiG-29 fighter jets that Slovakia decided to give Ukraine have been safely "
            "handed over to the Ukrainian air force",
            date(2023, 3, 23),
            [("delivered", "SVK", "mig-29", 4, None), ("announced", "SVK", "mig-29", 13, None)],
        ),
        # https://www.latribune.fr/entreprises-finance/industrie/aeronautique-defense/la-france-va-fournir-des-vehicules-blindes-bastion-arquus-a-l-ukraine-935022.html
        # a maker's country in brackets is no donor
        (
            "en",
            "Arquus (France) will supply Ukraine with 20 Bastion armored vehicles.",
            date(2022, 10, 3),
            [("announced", None, "bastion", 20, None)],
        ),
        # https://www.globenewswire.com/news-release/2023/10/17/2761486/28124/en/UK-Ministry-of-Defense-s-Significant-Military-Aid-Package-for-Ukraine-Bolsters-Importance-of-Unmanned-Aerial-Systems-New-Report-Reveals.html
        # "доларів США" is a currency, not a donor
        (
            "uk",
            "Міністерство оборони Великобританії оголосило про пакет вартістю понад 100 мільйонів фунтів стерлінгів "
            "(122 мільйони доларів США), який включатиме близько 100 безпілотних літальних комплексів.",
            date(2023, 10, 17),
            [("announced", "GBR", "drones", 100, None)],
        ),
        # https://youtu.be/xP3QTufqxzo?si=xLsQdMamd21ysv6w
        # "by December 2024" is a plan's date, not the day of the announcement
        (
            "en",
            "Germany plans to deliver 30 Leopard 1A5 tanks to Ukraine by December 2024.",
            date(2024, 8, 15),
            [("announced", "DEU", "leopard-1", 30, None)],
        ),
        # https://wnl.tv/2023/02/09/minister-ollongren-tanks-die-nederland-van-duitsland-leaset-niet-naar-oekraine/
        # a refusal proposes nothing
        (
            "en",
            "The Netherlands will not ship their leased from Germany eighteen Leopard 2 tanks to Ukraine.",
            date(2023, 2, 11),
            [],
        ),
        # https://www.thedefensepost.com/2023/02/14/norway-leopard-tanks-ukraine-2/
        # a donor's own fleet is no aid
        (
            "en",
            "Norway’s government said Tuesday it would donate eight of its Leopard 2 tanks to Ukraine. The Norwegian army "
            "currently has 36 Leopard 2 tanks in service.",
            date(2023, 2, 14),
            [("announced", "NOR", "leopard-2", 8, date(2023, 2, 14))],
        ),
        # https://www.tu.no/artikler/attende-vapendonasjon-fra-norge-denne-gang-er-det-hellfire-missiler/522074
        # "sent" is a delivery
        ("en", "Norway sent 160 Hellfire missiles to Ukraine", date(2022, 9, 8), [("delivered", "NOR", None, 160, None)]),
        # https://closetheskyoverukraine.com/latest-news/albania-hands-over-22-maxx-pro-armored-vehicles-to-ukraine
        # a headline's present tense reports a delivery
        (
            "en",
            "Albania hands over 22 MaxxPro armored vehicles to Ukraine",
            date(2023, 9, 20),
            [("delivered", "ALB", "maxxpro", 22, None)],
        ),
        # https://www.cbc.ca/news/politics/anita-anand-ukraine-military-assistance-1.6726949
        # "these four tanks" restate the four already counted
        (
            "en",
            "Canada will give Ukraine four Leopard 2 A4 main battle tanks. These four tanks are combat-ready.",
            date(2023, 1, 26),
            [("announced", "CAN", "leopard-2", 4, None)],
        ),
        # https://www.politico.eu/article/eu-has-sent-two-thirds-of-promised-artillery-ammunition-to-ukraine/
        # "out of the 1 million it pledged": the whole is the pledge, made before the day of the delivery
        (
            "en",
            "The EU has sent Ukraine 650,000 shells out of the 1 million it pledged, Josep Borrell said Friday.",
            date(2024, 8, 30),
            [
                ("delivered", "XEU", "ammunition-artillery", 650000, date(2024, 8, 30)),
                ("announced", "XEU", "ammunition-artillery", 1000000, None),
            ],
        ),
        (
            "uk",
            "ЄС направив Україні 650 000 снарядів з 1 мільйона обіцяних, заявив у п'ятницю Жозеп Боррель.",
            date(2024, 8, 30),
            [
                ("delivered", "XEU", "ammunition-artillery", 650000, date(2024, 8, 30)),
                ("announced", "XEU", "ammunition-artillery", 1000000, None),
            ],
        ),
        # https://www.voanews.com/a/all-31-abrams-tanks-in-ukraine-us-military-confirms-to-voa/7313918.html
        # "all 31 ... promised ... have arrived": a pledge of 31 besides the delivery
        (
            "en",
            "All 31 U.S.-made M1A1 Abrams tanks promised to Kyiv by the Biden administration have arrived in Ukraine.",
            date(2023, 10, 16),
            [("announced", "USA", "m1-abrams", 31, None), ("delivered", "USA", "m1-abrams", 31, None)],
        ),
        # https://www.reuters.com/world/europe/ukraine-has-received-iris-t-air-defence-system-germany-spiegel-2022-10-11/
        # "the first of four": one delivered of four pledged
        (
            "uk",
            "Україна у вівторок отримала першу з чотирьох систем ППО IRIS-T, які Німеччина обіцяла поставити",
            date(2022, 10, 16),
            [("announced", "DEU", "iris-t", 4, None), ("delivered", "DEU", "iris-t", 1, date(2022, 10, 11))],
        ),
        # https://www.riksdagen.se/en/news/2023/feb/8/additional-amending-budget-support-to-ukraine-as-well-as-measures-aimed-at-businesses-and-households-in-response-to-high-energy-prices/
        # in a Cyrillic text a number after a Latin word is the model's name ("Robot 57")
        (
            "uk",
            "Пакет включає легку протитанкову зброю Robot 57 і Combat Vehicle 90 вартістю 4,3 мільярда шведських крон.",
            date(2023, 2, 8),
            [],
        ),
        # https://www.reuters.com/world/canada-announces-new-military-package-ukraine-after-russian-missile-attacks-2022-10-12/
        # kinds listed in a package given in money make no rows
        (
            "en",
            "Canadian Defence Minister Anita Anand announced a new military aid package over C$47 million to assist "
            "Ukraine, with the package including artillery rounds, satellite communications and winter clothing.",
            date(2022, 10, 12),
            [],
        ),
        # https://www.newsweek.com/biber-tanks-ukraine-western-weapons-1729233
        # "the first shipment of six vehicles" is part of the 16, not another row
        (
            "en",
            "Germany will deliver a package of 16 BIBER tanks to Ukraine, with the first shipment of six vehicles to begin "
            "in the fall.",
            date(2022, 7, 29),
            [("announced", "DEU", "biber", 16, None)],
        ),
        # https://english.nv.ua/nation/ukraine-bolsters-forces-with-58-leopard-tanks-from-germany-50477360.html
        # every named system of a list without numbers, after "including"
        (
            "en",
            "Germany allocated a new military aid package to Ukraine, including IRIS-T air defense systems, Patriot "
            "systems, Leopard 1A5 tanks, and Gepard self-propelled anti-aircraft guns.",
            date(2024, 12, 27),
            [
                ("announced", "DEU", "iris-t", None, None),
                ("announced", "DEU", "patriot", None, None),
                ("announced", "DEU", "leopard-1", None, None),
                ("announced", "DEU", "gepard", None, None),
            ],
        ),
        # https://www.reddit.com/r/UkrainianConflict/comments/yher1x/italy_and_france_will_supply_ukraine_with_sampt/
        # two donors joined by "and" without a number: each gives its own; SAMP/T written SAMP-T
        (
            "en",
            "Italy and France will supply Ukraine with SAMP-T Air Defense Systems.",
            date(2022, 10, 30),
            [("announced", "FRA", "samp-t", None, None), ("announced", "ITA", "samp-t", None, None)],
        ),
        # https://www.msn.com/en-us/news/world/germany-to-send-rocket-launchers-and-armored-vehicles-to-ukraine/ar-AA11RuSZ
        # "multiple rocket launchers" from Germany: the MLRS family (MARS II)
        (
            "en",
            "German Defense Minister Christine Lambrecht announced on Thursday that Germany will send two more multiple "
            "rocket launchers as well as 50 armored personnel carriers to Ukraine.",
            date(2022, 9, 15),
            [
                ("increased", "DEU", "m270", 2, date(2022, 9, 15)),
                ("announced", "DEU", "armoured-vehicle", 50, date(2022, 9, 15)),
            ],
        ),
        # https://en.trend.az/world/3751223.html
        # a demonym with "Foreign" before its ministry names the giver; rations are supplies
        (
            "en",
            "The Japanese Foreign Ministry said that the country will send 30 thousand food rations to Ukraine",
            date(2023, 5, 21),
            [("announced", "JPN", "non-lethal-supplies", 30000, None)],
        ),
        # https://bulgarianmilitary.com/2023/07/22/first-of-100-leopard-1-tanks-have-already-been-delivered-to-ukraine/
        # one donor's total still to be sent is its pledge, not a claim
        (
            "en",
            "This move is part of Germany's commitment to bolster Ukraine's defenses, with plans to send a total of 100 "
            "Leopard 1A5 tanks.",
            date(2023, 7, 20),
            [("announced", "DEU", "leopard-1", 100, None)],
        ),
        (
            "uk",
            "Цей крок є частиною зобов'язань Німеччини зміцнити обороноздатність України, загалом планується відправити "
            "100 танків Leopard 1A5.",
            date(2023, 7, 20),
            [("announced", "DEU", "leopard-1", 100, None)],
        ),
        # https://www.gov.uk/government/news/uk-military-support-for-ukraine-continues-with-delivery-of-counter-explosive-ordnance-equipment
        # bomb de-arming kits are military equipment; "50 calibre rounds" are small-arms ammunition
        (
            "en",
            "The UK has donated more than 1,000 VALLON metal detectors and 100 bomb de-arming kits to Ukraine.",
            date(2022, 12, 30),
            [("delivered", "GBR", None, 1000, None), ("delivered", "GBR", "military-equipment", 100, None)],
        ),
        (
            "uk",
            "Великобританія передала Україні понад 1000 металошукачів VALLON і 100 комплектів для знешкодження бомб.",
            date(2022, 12, 30),
            [("delivered", "GBR", None, 1000, None), ("delivered", "GBR", "military-equipment", 100, None)],
        ),
        # https://www.theguardian.com/politics/live/2024/jul/07/keir-starmer-labour-uk-general-election-scotland-wales-northern-ireland-visit-latest-news
        # a comma between adjectives before the weapon does not part them from the number
        (
            "en",
            "Britain will supply a quarter of a million large, 50 calibre rounds of ammunition, 10 of its AS-90 artillery "
            "guns and 90 Brimstone ground-attack, anti-tank missiles.",
            date(2024, 7, 6),
            [
                ("announced", "GBR", "ammunition-small-arms", 250000, None),
                ("announced", "GBR", "as90", 10, None),
                ("announced", "GBR", None, 90, None),
            ],
        ),
        # https://kam.lt/lietuva-perdave-ukrainos-kariuomenei-3-mln-soviniu-nuotolinio-detonavimo-sistemas-ir-ziemai-skirta-iranga/
        # a calibre written 7.62×51 mm is no number between a count and what it counts
        (
            "en",
            "Lithuanian army delivered and handed over 3 million units of 7.62×51 mm cartridges, remote detonation systems "
            "and winter equipment to the Ukrainian army.",
            date(2023, 11, 22),
            [("delivered", "LTU", "ammunition-small-arms", 3000000, None)],
        ),
        # https://www.armyrecognition.com/defense_news_march_2023_global_security_army_industry/excalibur_army_from_czech_republic_ready_to_deliver_ukraine_with_15_viktor_anti-aircraft_gun_systems.html
        # "Excalibur Army" is a company, not the Excalibur shell; mobile anti-aircraft systems of a type the catalog lacks
        (
            "uk",
            "Чеська компанія Excalibur Army завершила виробництво 15 мобільних зенітних систем «Віктор» для України.",
            date(2023, 3, 9),
            [("announced", None, None, 15, None)],
        ),
        # https://kam.lt/ukrainai-perduotos-antidronu-sistemos/ ("досягли країни": they reached the country)
        (
            "uk",
            "Міністерство оборони Литви повідомило, що комплекси протидії безпілотників ЗСУ успішно досягли країни.",
            date(2024, 3, 22),
            [("delivered", "LTU", "counter-drone-equipment", None, None)],
        ),
        # https://www.theguardian.com/world/live/2022/dec/01/russia-ukraine-war-live-us-hands-raytheon-12bn-ukraine-missile-systems-contract-6-million-without-power-as-winter-begin
        # a contract for systems "для України" is the US's aid, not a purchase for itself
        (
            "uk",
            "Армія США уклала контракт на 1,2 мільярда доларів з Raytheon Technologies Co на шість національних передових "
            "зенітно-ракетних систем (Nasam) для України за три роки",
            date(2022, 12, 1),
            [("announced", "USA", "nasams", 6, None)],
        ),
        # https://www.bundesregierung.de/breg-en/news/military-support-ukraine-2054992
        # the kinds a committed package includes, without numbers (not its ammunition)
        (
            "en",
            "Germany has committed a new batch of military aid to Ukraine, which includes unmanned surface vessels, "
            "bridge-laying tanks and border protection vehicles.",
            date(2022, 12, 1),
            [
                ("announced", "DEU", "unmanned-surface-vessel", None, None),
                ("announced", "DEU", "non-combat-vehicles", None, None),
            ],
        ),
        # https://en.trend.az/world/3751223.html (vehicles of the Self-Defense Forces)
        (
            "en",
            "The Japanese Foreign Ministry said that the country will send 100 vehicles of self-defense forces to Ukraine",
            date(2023, 5, 21),
            [("announced", "JPN", "jgsdf-vehicles", 100, None)],
        ),
        (
            "uk",
            "У МЗС Японії заявили, що країна надішле в Україну 100 одиниць техніки сил самооборони.",
            date(2023, 5, 21),
            [("announced", "JPN", "jgsdf-vehicles", 100, None)],
        ),
        # https://www.defense.gov/News/News-Stories/Article/Article/3451905/dod-announces-800m-security-assistance-package-for-ukraine/
        (
            "en",
            "The Defense Department announced an additional security assistance package of up to $800 million aimed to "
            "support Ukraine:\n\n- 17 recovery tactical vehicles",
            date(2023, 7, 7),
            [("announced", "USA", "recovery-vehicle", 17, None)],
        ),
        # https://www.repubblica.it/esteri/2022/10/29/news/ucraina_kiev_armi_italia-372176795/
        # "dozen of" is no number; "tracked APCs" describe the M113 named before them
        (
            "en",
            "The Italian Government has approved the supply of six PzH 2000 155mm self-propelled howitzers and dozen of "
            "M113 tracked APCs.",
            date(2022, 10, 30),
            [("announced", "ITA", "pzh-2000", 6, None), ("announced", "ITA", "m113", None, None)],
        ),
        # https://defence-blog.com/ukrainian-military-receives-tactical-vehicles-from-japan/
        # a demonym's embassy names its state; Mitsubishi vehicles are the Japanese Self-Defense Forces' vehicles
        (
            "en",
            "The Japanese Embassy in Ukraine confirmed the arrival of several tactical Mitsubishi vehicles to Ukraine's "
            "Defense Forces.",
            date(2023, 12, 26),
            [("delivered", "JPN", "jgsdf-vehicles", None, None)],
        ),
        # https://kyivindependent.com/military-aid-package-from-lithuania-arrives-in-ukraine/
        # anti-drone systems in English and Ukrainian, without a number; folding beds are non-lethal supplies, and
        # loaders a kind the catalog lacks
        (
            "en",
            "On August 28, Lithuania delivered loaders, anti-drone systems, and folding beds to Ukraine as part of a new "
            "military aid package.",
            date(2024, 8, 29),
            [
                ("delivered", "LTU", None, None, date(2024, 8, 28)),
                ("delivered", "LTU", "counter-drone-equipment", None, date(2024, 8, 28)),
                ("delivered", "LTU", "non-lethal-supplies", None, date(2024, 8, 28)),
            ],
        ),
        (
            "uk",
            "28 серпня Литва передала Україні навантажувачі, системи протидії безпілотникам та розкладні ліжка в рамках "
            "нового пакету військової допомоги.",
            date(2024, 8, 29),
            [
                ("delivered", "LTU", None, None, date(2024, 8, 28)),
                ("delivered", "LTU", "counter-drone-equipment", None, date(2024, 8, 28)),
                ("delivered", "LTU", "non-lethal-supplies", None, date(2024, 8, 28)),
            ],
        ),
        # https://www.defense.gov/News/News-Stories/Article/Article/3288155/air-defense-systems-long-range-fires-capability-to-be-sent-to-ukraine/
        # kinds of radar the catalog names "(generic)"; spare parts for radars are no radars
        (
            "en",
            "Under USAI, the DOD will provide Ukraine with: four air surveillance radars; 20 counter-mortar radars.",
            date(2023, 2, 3),
            [("announced", "USA", "air-surveillance-radar", 4, None), ("announced", "USA", "counter-battery-radar", 20, None)],
        ),
        # https://www.armyrecognition.com/defense_news_december_2022_global_security_army_industry/ukraine_to_receive_soon_new_dana_m2_8x8_152mm_howitzers_from_czech_republic.html
        # Ukraine "to receive" / "отримає" a named system from a named country: a pledge without a number
        (
            "en",
            "Ukraine to receive soon new DANA M2 8x8 152mm howitzers from Czech Republic",
            date(2022, 12, 15),
            [("announced", "CZE", "dana", None, None)],
        ),
        (
            "uk",
            "Невдовзі Україна отримає нові самохідні 155-мм артилерійські установки Дана М2 від Чехії",
            date(2022, 12, 15),
            [("announced", "CZE", "dana", None, None)],
        ),
        # https://www.armyrecognition.com/defense_news_may_2023_global_security_army_industry/ukrainian_soldiers_already_training_on_leopard_1a5_tanks_donated_by_denmark.amp.html
        # the giver named after its verb: "donated by Denmark", "подарованих Данією"
        (
            "en",
            "Ukrainian soldiers already training on Leopard 1A5 tanks donated by Denmark",
            date(2023, 5, 5),
            [("announced", "DNK", "leopard-1", None, None)],
        ),
        (
            "uk",
            "Українські військові вже тренуються на подарованих Данією танках Leopard 1A5",
            date(2023, 5, 5),
            [("announced", "DNK", "leopard-1", None, None)],
        ),
        # https://sofiaglobe.com/2023/09/27/bulgarias-parliament-votes-to-supply-unserviceable-s-300-missiles-to-ukraine/
        # a demonym's parliament as the subject gives; "approved the transfer" / "схвалив передачу"; С-300 in Cyrillic
        (
            "en",
            "The Bulgarian Parliament approved the transfer of S-300 missiles to Ukraine.",
            date(2023, 9, 27),
            [("announced", "BGR", "s-300", None, None)],
        ),
        (
            "uk",
            "Парламент Болгарії схвалив передачу Україні ракет С-300.",
            date(2023, 9, 27),
            [("announced", "BGR", "s-300", None, None)],
        ),
        # https://www.armyrecognition.com/defense_news_february_2023_global_security_army_industry/germany_announces_additional_delivery_of_gepard_anti-aircraft_tanks_to_ukraine.html
        (
            "en",
            "German federal government announced it will deliver an additional batch of Gepard anti-aircraft tanks to Ukraine.",
            date(2023, 2, 8),
            [("increased", "DEU", "gepard", None, None)],
        ),
        # https://mil.in.ua/en/news/spain-to-reinforce-ukraine-s-air-defense-with-hawk-air-defense-systems-in-september/
        # "strengthen ... with" / "посилить": giving words
        (
            "en",
            "Spain will strengthen Ukraine’s air defense with a battery of Hawk air defense systems.",
            date(2024, 7, 25),
            [("announced", "ESP", "mim-23-hawk", None, None)],
        ),
        (
            "uk",
            "Іспанія посилить протиповітряну оборону України батареєю зенітно-ракетних комплексів Hawk.",
            date(2024, 7, 25),
            [("announced", "ESP", "mim-23-hawk", None, None)],
        ),
        # https://nltimes.nl/2023/01/20/netherlands-consider-helping-ukraine-f-16-fighters-leopard-2-tanks
        # "will look into supplying": not a decision
        ("en", "The Dutch Cabinet will look into supplying F-16 fighter jets to Ukraine.", date(2023, 1, 20), []),
        # https://bulgarianmilitary.com/2024/09/20/australia-and-the-us-in-talks-to-deliver-59-abrams-tanks-to-ukraine/
        # "may soon receive": a possibility
        (
            "en",
            "Ukraine may soon receive M1A1 Abrams tanks decommissioned by the Australian army, as Canberra is "
            "collaborating with Washington on a plan according to sources.",
            date(2024, 9, 20),
            [],
        ),
        # https://www.pravda.com.ua/eng/news/2022/08/10/7362746/
        # "multiple-launch rocket systems" with its hyphen (a generic word whose pattern holds "[- ]")
        (
            "en",
            "Ben Wallace, the British Defence Secretary, confirmed on Wednesday that London would give Ukraine three "
            "additional multiple-launch rocket systems in addition to the three already in Kyiv.",
            date(2022, 8, 10),
            [("increased", "GBR", "m270", 3, date(2022, 8, 10))],
        ),
        # https://www.globenewswire.com/news-release/2023/10/17/2761486/28124/en/UK-Ministry-of-Defense-s-Significant-Military-Aid-Package-for-Ukraine-Bolsters-Importance-of-Unmanned-Aerial-Systems-New-Report-Reveals.html
        # "uncrewed aerial systems" are drones
        (
            "en",
            "The UK Ministry of Defense announced a robust military support package for Ukraine. Among the military aid "
            "to be sent to Ukraine will be around 100 uncrewed aerial systems.",
            date(2023, 10, 17),
            [("announced", "GBR", "drones", 100, None)],
        ),
        # https://english.defensie.nl/latest/news/2023/03/14/ollongren-promises-minehunters-for-ukraine-during-visit-to-bombed-port-cities
        # the Alkmaar class and міношукачі are mine countermeasure vessels
        (
            "en",
            "The Netherlands intends to provide Ukraine with two Alkmaar-class minehunters, starting in 2025.",
            date(2023, 3, 14),
            [("announced", "NLD", "mine-countermeasure-vessels", 2, None)],
        ),
        (
            "uk",
            "Нідерланди мають намір надати Україні два міношукачі типу Alkmaar, починаючи з 2025 року.",
            date(2023, 3, 14),
            [("announced", "NLD", "mine-countermeasure-vessels", 2, None)],
        ),
        # https://www.lrt.lt/naujienos/lietuvoje/2/1887198/lietuva-perduoda-ukrainai-oro-gynybos-pabuklu
        # L-70 alone is the Bofors gun
        (
            "uk",
            "Литва перебуває в процесі поставки Україні 36 гармат ППО L-70, про які було оголошено раніше в січні.",
            date(2023, 2, 10),
            [("announced", "LTU", "bofors-l70", 36, date(2023, 1, 1))],
        ),
        # https://www.defense.gov/News/News-Stories/Article/Article/3837709/us-announces-latest-security-package-for-ukraine/
        # "Адміністрація Байдена" is the United States; "одну" (one, accusative) is a number; Патріот spelt with і
        (
            "uk",
            "Адміністрація Байдена оголосила про 61-й пакет президентських повноважень щодо скорочення озброєнь, який "
            'оцінюється у 225 мільйонів доларів. Цей пакет включає одну батарею "Патріотів", боєприпаси для ракетних систем.',
            date(2024, 7, 12),
            [("announced", "USA", "patriot", 1, None)],
        ),
        # https://www.politico.com/news/2023/06/08/congress-biden-administration-long-range-weapons-ukraine-00100938
        # lawmakers insisting (наполягають) that it send: a demand, not aid
        (
            "uk",
            "Американські законодавці з обох політичних сторін знову наполягають на тому, щоб адміністрація Байдена "
            "надіслала Україні суперечливі боєприпаси великої дальності.",
            date(2023, 6, 8),
            [],
        ),
        # https://www.bundesregierung.de/breg-en/news/military-support-ukraine-2054992
        # the Biber bridge layer by its English name, Beaver
        (
            "en",
            "On Friday, the German government reported on the shipment of another package of military aid to Ukraine over "
            "the past week. It includes 3 anti-air Gepard tanks, 1 bridge-layer tank Beaver.",
            date(2023, 10, 20),
            [("delivered", "DEU", "gepard", 3, date(2023, 10, 20)), ("delivered", "DEU", "biber", 1, date(2023, 10, 20))],
        ),
        # https://mil.in.ua/en/news/germany-transferred-a-batch-of-armored-vehicles-with-air-defense-systems-to-ukraine/
        # Cheetah, the Dutch name of the Gepard
        (
            "uk",
            "Уряд Німеччини надав Україні новий великий пакет військової допомоги. Пакет включає 22 танки Leopard 1A5 та "
            "три самохідні зенітні установки Cheetah (Gepard).",
            date(2024, 9, 19),
            [("delivered", "DEU", "leopard-1", 22, None), ("delivered", "DEU", "gepard", 3, None)],
        ),
        # https://www.defense.gov/News/News-Stories/Article/Article/3451905/dod-announces-800m-security-assistance-package-for-ukraine/
        # "евакуаційно-тактичних машин": a recovery vehicle's word joined to another by a hyphen
        (
            "uk",
            "Міністерство оборони США оголосило про додатковий пакет безпекової допомоги на суму до 800 мільйонів доларів: "
            "17 евакуаційно-тактичних машин.",
            date(2023, 7, 7),
            [("announced", "USA", "recovery-vehicle", 17, None)],
        ),
        # https://www.defense.gov/News/News-Stories/Article/Article/3288155/air-defense-systems-long-range-fires-capability-to-be-sent-to-ukraine/
        # a mine-protected vehicle (MRAP) is armoured, not a truck
        (
            "uk",
            "Міноборони США анонсувало новий пакет безпекової допомоги для України: 181 протимінно-захисна машина.",
            date(2023, 2, 3),
            [("announced", "USA", "armoured-vehicle", 181, None)],
        ),
        # https://www.newsweek.com/ukraine-gets-leopard-tank-boost-nato-allies-1971237
        # "18 units" / "18 одиниць" count the one system named before them
        (
            "en",
            "Germany, the primary supplier of the Leopard 2A6 tanks, has confirmed the dispatch of 18 units in a federal "
            "announcement as part of a $1.5 billion arms package.",
            date(2024, 10, 18),
            [("delivered", "DEU", "leopard-2", 18, None)],
        ),
        (
            "uk",
            "Німеччина, основний постачальник танків Leopard 2A6, підтвердила відправку 18 одиниць у федеральній заяві в "
            "рамках пакету озброєнь вартістю 1,5 мільярда доларів.",
            date(2024, 10, 18),
            [("delivered", "DEU", "leopard-2", 18, None)],
        ),
        # https://www.bundesregierung.de/breg-en/news/military-support-ukraine-2054992
        # "IRIS-T з 12 пусковими установками": with 12 launchers, not 12 of the systems
        (
            "uk",
            "Німеччина значно розширила перелік військової допомоги Україні. Він включає 110 танків Leopard 1, 20 БМП Marder, "
            "4 системи ППО IRIS-T з 12 пусковими установками, 18 самохідних зенітних установок GEPARD.",
            date(2023, 5, 23),
            [
                ("announced", "DEU", "leopard-1", 110, None),
                ("announced", "DEU", "marder", 20, None),
                ("announced", "DEU", "iris-t", 4, None),
                ("announced", "DEU", "gepard", 18, None),
            ],
        ),
        # https://www.army-technology.com/news/finland-mine-clearing-leopard2-ukraine/
        # announcing the transfer of "3 додаткових" is more of the line, not a delivery
        (
            "uk",
            "Міністерство оборони Фінляндії оголосило про передачу Збройним силам України 3 додаткових бойових танків (ОБТ) "
            "Leopard 2 для розмінування.",
            date(2023, 3, 24),
            [("increased", "FIN", "leopard-2", 3, None)],
        ),
        # https://www.thedefensepost.com/2023/06/26/rheinmetall-marder-vehicles-ukraine/ (sending "20 додаткових")
        (
            "uk",
            "Rheinmetall відправляє в Україну 20 додаткових машин піхоти Marder",
            date(2023, 6, 26),
            [("increased", None, "marder", 20, None)],
        ),
        # https://www.armyrecognition.com/defense_news_january_2023_global_security_army_industry/norway_donates_additional_artillery_ammunition_to_ukraine.html
        # announcing a delivery (доставку) to Ukraine stays a delivery
        (
            "uk",
            "Уряд Норвегії оголосив про доставку в Україну ще 10 тисяч 155-мм снарядів.",
            date(2023, 1, 5),
            [("delivered", "NOR", "ammunition-155mm", 10000, None)],
        ),
        # https://twitter.com/BMVg_Bundeswehr/status/1580177624516947971
        # a demonym before its ministry names the state acting; "more ... will be handed over" is an increase to come
        (
            "en",
            "According to German Ministry of Defence's twitter, \"In the next few weeks, more PzH2000 and MARSII will be "
            'handed over to Ukraine".',
            date(2022, 10, 12),
            [("increased", "DEU", "pzh-2000", None, None), ("increased", "DEU", "m270", None, None)],
        ),
        # https://kam.lt/ukrainai-perduotos-antidronu-sistemos/
        # "reached the country" is a delivery; "Lithuanian ministry" is Lithuania
        (
            "en",
            "Lithuanian ministry of defense reported that counter-drone systems for the Ukrainian Defense Forces "
            "successfully reached the country.",
            date(2024, 3, 22),
            [("delivered", "LTU", "counter-drone-equipment", None, None)],
        ),
        # https://www.gov.si/en/news/2022-09-19-prime-minister-robert-golob-in-a-telephone-conversation-with-german-chancellor-olaf-scholz-about-current-european-affairs/
        # "German Chancellor" is Germany, but "28 Slovenian M-55S" names Slovenia, also named before, as the giver
        (
            "en",
            "Prime Minister of Slovenia Robert Golob and German Chancellor Scholz agreed in a telephone conference to a "
            "joint action, so that the Ukrainian side will receive 28 Slovenian M-55S tanks.",
            date(2022, 9, 19),
            [("announced", "SVN", "t-55", 28, None)],
        ),
        # https://www.welt.de/politik/ausland/article240131839/Ukraine-Krieg-Deutschland-hat-laut-Verteidigungsministerin-Mars-II-Mehrfachraketenwerfer-geliefert.html
        # "self-propelled howitzers 2000" is the PzH 2000: its 2000 counts nothing
        (
            "en",
            "Germany: The promised Mars II multiple rocket launchers and another three self-propelled howitzers 2000 "
            "have been delivered.",
            date(2022, 7, 26),
            [("delivered", "DEU", "pzh-2000", 3, None)],
        ),
        (
            "uk",
            "Німеччина: обіцяні реактивні системи залпового вогню Mars II і ще три самохідні гаубиці 2000 доставлені.",
            date(2022, 7, 26),
            [("delivered", "DEU", "pzh-2000", 3, None)],
        ),
        # https://english.nv.ua/nation/ukraine-bolsters-forces-with-58-leopard-tanks-from-germany-50477360.html
        # "виділила" (allocated) gives what the package includes
        (
            "uk",
            "Німеччина виділила Україні новий пакет військової допомоги, що включає системи протиповітряної оборони "
            "IRIS-T, системи Patriot, танки Leopard 1A5 та самохідні зенітні установки Gepard.",
            date(2024, 12, 27),
            [
                ("announced", "DEU", "iris-t", None, None),
                ("announced", "DEU", "patriot", None, None),
                ("announced", "DEU", "leopard-1", None, None),
                ("announced", "DEU", "gepard", None, None),
            ],
        ),
        # https://www.gov.uk/government/news/uk-to-give-more-multiple-launch-rocket-systems-and-guided-missiles-to-ukraine
        # more of a kind of system, without a number: an increase ("додаткові реактивні системи залпового вогню")
        (
            "uk",
            "Міністр оборони Бен Уоллес оголосив, що Велика Британія надішле Україні додаткові реактивні системи "
            "залпового вогню (РСЗВ).",
            date(2022, 8, 11),
            [("increased", "GBR", "m270", None, None)],
        ),
        # https://www.defense.gov/News/News-Stories/Article/Article/3216745/400-million-security-package-headed-to-ukraine/
        # "The Defence Department", spelt the British way, is the United States' as "the Defense Department" is
        (
            "en",
            "The Defence Department announced today $400 mln security assistance package which includes: 100 High "
            "Mobility Multipurpose Wheeled Vehicles (HUMVEE), 400 grenade launchers.",
            date(2022, 11, 10),
            [
                ("announced", "USA", "hmmwv", 100, date(2022, 11, 10)),
                ("announced", "USA", "grenade-launchers", 400, date(2022, 11, 10)),
            ],
        ),
        # https://www.gov.uk/government/news/uk-donating-undersea-minehunter-drones-to-help-ukraine-clear-coastline
        # "autonomous minehunting vehicles" are of a kind the catalog lacks, not trucks
        (
            "en",
            "Six autonomous minehunting vehicles will be sent to the UK's partner Ukraine by the UK.",
            date(2022, 8, 27),
            [("announced", "GBR", None, 6, None)],
        ),
        (
            "uk",
            "Велика Британія відправить в Україну шість автономних мінно-пошукових машин.",
            date(2022, 8, 27),
            [("announced", "GBR", None, 6, None)],
        ),
        # https://www.thedefensepost.com/2023/02/16/rheinmetall-gepard-rounds-ukraine/ ("снарядів Gepard": rounds, not the gun)
        (
            "uk",
            "Rheinmetall виготовить для України 300 тис. зенітно-танкових снарядів Gepard",
            date(2023, 2, 16),
            [("announced", None, "ammunition-anti-aircraft", 300000, None)],
        ),
        # https://www.theguardian.com/politics/live/2024/jul/07/keir-starmer-labour-uk-general-election-scotland-wales-northern-ireland-visit-latest-news
        (
            "uk",
            "Британія надасть чверть мільйона великих боєприпасів 50-го калібру.",
            date(2024, 7, 6),
            [("announced", "GBR", "ammunition-small-arms", 250000, None)],
        ),
        # https://www.bundesregierung.de/breg-en/news/military-support-ukraine-2054992 ("безпілотні надводні кораблі")
        (
            "uk",
            "Німеччина надала Україні нову партію військової допомоги, яка включає безпілотні надводні кораблі.",
            date(2022, 12, 1),
            [("delivered", "DEU", "unmanned-surface-vessel", None, None)],
        ),
        # https://www.defense.gov/News/Releases/Release/Article/3426389/biden-administration-announces-additional-security-assistance-for-ukraine/
        # "DoD" and the presidential drawdown ("президентське списання", not a write-off) are the United States'
        (
            "uk",
            "Міністерство оборони (DoD) оголосило про 40-е президентське списання обладнання. Він включає:\n"
            "15 бойових машин піхоти Bradley;\n10 бронетранспортерів Stryker;",
            date(2023, 6, 12),
            [("announced", "USA", "m2-bradley", 15, None), ("announced", "USA", "stryker", 10, None)],
        ),
        # https://www.armyrecognition.com/defense_news_november_2022_global_security_army_industry/slovakia_delivers_the_7th_zuzana_2_155_mm_self-propelled_howitzers_to_ukraine.htm
        # "7-му" is the seventh: one more delivered
        (
            "uk",
            "До Збройних Сил України передано 7-му самохідну 155-мм гаубицю Zuzana 2 8х8 словацького виробництва.",
            date(2022, 11, 18),
            [("delivered", "SVK", "zuzana", 1, None)],
        ),
        # https://www.gov.si/en/news/2022-09-19-prime-minister-robert-golob-in-a-telephone-conversation-with-german-chancellor-olaf-scholz-about-current-european-affairs/
        # "щоб ... отримала": so that it receives, not received
        (
            "uk",
            "Прем'єр-міністр Словенії Роберт Голоб і канцлер Німеччини Шольц на телефонній конференції домовилися про "
            "спільні дії, щоб українська сторона отримала 28 словенських танків М-55С.",
            date(2022, 9, 19),
            [("announced", "SVN", "t-55", 28, None)],
        ),
        # https://soldat-und-technik.de/2023/11/bewaffnung/35957/rheinmetall-soll-rund-100-000-patronen-120-mm-moersermunition-an-die-ukraine-liefern/
        # a maker's order from a government "to supply Ukraine with" is that government's aid
        (
            "en",
            "Rheinmetall has received an order from the German government to supply Ukraine with around 100,000 rounds "
            "of 120mm mortar ammunition.",
            date(2023, 11, 8),
            [("announced", "DEU", "ammunition-mortar", 100000, None)],
        ),
        # https://www.ukrinform.net/rubric-ato/3546708-armed-forces-receive-first-batch-of-50-kirpi-armored-vehicles-from-turkey.html
        # "150 units" are of the system named last; a batch "expected to be delivered" is still to come
        (
            "uk",
            "Збройні сили України отримали від Туреччини 50 нових броньованих автомобілів Kirpi. Незабаром очікується "
            "поставка ще однієї партії зі 150 одиниць.",
            date(2022, 8, 10),
            [("delivered", "TUR", "bmc-kirpi", 50, None), ("announced", "TUR", "bmc-kirpi", 150, None)],
        ),
        # https://kam.lt/en/latest-lithuanias-assistance-package-to-ukraine-radiolocation-equipment-sets-for-the-ukrainian-navy/
        (
            "uk",
            "Литва передала ВМС України радіолокаційні комплекси",
            date(2023, 9, 27),
            [("delivered", "LTU", "sensors-and-imaging", None, None)],
        ),
        # https://www.tv2.no/nyheter/innenriks/pakket-og-sendt-i-all-hemmelighet/15282815/
        # field rations and winter clothing of one sentence add up; "надсилається" is sent
        (
            "uk",
            "Крім того, Норвегія надсилає: надсилається 30 тис. польових пайків і 55 тис. одиниць зимового одягу.",
            date(2022, 11, 25),
            [("delivered", "NOR", "non-lethal-supplies", 85000, None)],
        ),
        # https://www.delfi.lt/en/politics/lithuania-transfers-to-ukraine-mortar-carriers-and-armoured-vehicles.d?id=91480615
        # "заявив про передачу": a transfer stated, as "оголосив про передачу"
        (
            "uk",
            "Міністр національної оборони Литви заявив про передачу Україні «бронетехніки, безпілотників та іншої техніки».",
            date(2022, 10, 13),
            [("delivered", "LTU", "armoured-vehicle", None, None), ("delivered", "LTU", "drones", None, None)],
        ),
        # https://www.businessinsider.com/us-to-rush-patriot-missiles-to-ukraine-amid-russian-airstrikes-2024-4
        (
            "uk",
            'США "поспішатимуть" з ракетами ППО Patriot в Україну в рамках пакету військової допомоги, заявив міністр '
            "оборони Ллойд Остін.",
            date(2024, 4, 27),
            [("announced", "USA", "patriot", None, None)],
        ),
        # https://soldat-und-technik.de/2023/11/bewaffnung/35957/rheinmetall-soll-rund-100-000-patronen-120-mm-moersermunition-an-die-ukraine-liefern/
        (
            "uk",
            "Компанія Rheinmetall отримала від уряду Німеччини замовлення на поставку в Україну близько 100 тис. "
            "боєприпасів до мінометів калібру 120 мм.",
            date(2023, 11, 8),
            [("announced", "DEU", "ammunition-mortar", 100000, None)],
        ),
        # https://www.bundesregierung.de/breg-en/news/military-support-ukraine-2054992
        # a shell's model before a known calibre: the calibre's family
        (
            "en",
            "Germany has delivered almost 3,900 DM125 155mm smoke artillery shells.",
            date(2023, 10, 20),
            [("delivered", "DEU", "ammunition-155mm", 3900, None)],
        ),
        # https://www.dw.com/en/russia-ukraine-updates-eu-vows-to-support-ukraine-for-as-long-as-it-takes/a-63128716
        # a ring exchange: what Greece receives is no aid to Ukraine
        (
            "en",
            "According to German Defense Minister Christine Lambrecht, Greece will soon send to Ukraine 40 infantry "
            "fighting vehicles -- Soviet-built BMP-1 IFVs -- on the completion of a deal in which Greece would receive 40 "
            "German infantry fighting vehicles -- Marder IFVs.",
            date(2022, 9, 15),
            [("announced", "GRC", "bmp-1", 40, None)],
        ),
        (
            "uk",
            "За словами міністра оборони Німеччини Крістін Ламбрехт, Греція незабаром надішле Україні 40 бойових машин "
            "піхоти радянського виробництва БМП-1 після завершення угоди, згідно з якою Греція отримає 40 німецьких БМП "
            "Marder.",
            date(2022, 9, 15),
            [("announced", "GRC", "bmp-1", 40, None)],
        ),
        # https://www.thelocal.es/20221014/spain-to-send-air-defence-systems-to-ukraine-nato-chief/
        # "air defence systems" of no named type: a row whose system the text does not name; "надсилає" is not yet
        # a delivery
        (
            "en",
            "NATO chief Jens Stoltenberg said Spain was sending 4 medium-range air defense systems to Ukraine.",
            date(2022, 10, 13),
            [("announced", "ESP", None, 4, None)],
        ),
        (
            "uk",
            "Глава НАТО Єнс Столтенберг заявив, що Іспанія надсилає в Україну 4 системи ППО середньої дальності.",
            date(2022, 10, 13),
            [("announced", "ESP", None, 4, None)],
        ),
        # https://www.euractiv.com/section/global-europe/news/ukraine-receives-advanced-us-air-defense-system/
        (
            "uk",
            "Президент Володимир Зеленський в інтерв'ю, яке транслювалося в неділю, 25 вересня, заявив, що Україна "
            "отримала від Сполучених Штатів сучасні системи ППО.",
            date(2022, 9, 25),
            [("delivered", "USA", None, None, date(2022, 9, 25))],
        ),
        # https://nationalpost.com/news/canada-purchasing-200-armoured-personnel-carriers-for-ukraine
        # "armored Senator APC vehicles" are Roshel Senators, not armoured vehicles of no named type
        (
            "en",
            "Minister of Defense of Canada Anita Anand anounced new military aid package for Ukraine. It will include 200 "
            "armored Senator APC vehicles.",
            date(2023, 1, 18),
            [("announced", "CAN", "roshel-senator", 200, None)],
        ),
        # https://www.politico.eu/article/germany-patriot-air-defense-military-ukraine/
        # a clause of contrast is read on its own: the refusal after "but" does not undo the decision before it;
        # "a Patriot air-defense system", "систему ... Patriot" is one
        (
            "en",
            "Germany agreed to send a Patriot air-defense system to Ukraine, Chancellor Olaf Scholz said on Saturday, but "
            "Berlin hasn't relented on its refusal to provide Kyiv with Taurus cruise missiles.",
            date(2024, 4, 13),
            [("announced", "DEU", "patriot", 1, date(2024, 4, 13))],
        ),
        (
            "uk",
            "Німеччина погодилася надіслати Україні систему протиповітряної оборони Patriot, заявив у суботу канцлер "
            "Олаф Шольц, але Берлін не відступився від своєї відмови надати Києву крилаті ракети Taurus.",
            date(2024, 4, 13),
            [("announced", "DEU", "patriot", 1, date(2024, 4, 13))],
        ),
        # https://www.plenglish.com/news/2023/06/28/german-arms-manufacturer-to-supply-military-aid-to-ukraine/
        # "confirmed the upcoming shipment" is not yet a delivery
        (
            "en",
            "The German arms manufacturer Rheinmetall confirmed the upcoming shipment of 14 Leopard 2A4 tanks to Ukraine.",
            date(2023, 6, 28),
            [("announced", None, "leopard-2", 14, None)],
        ),
        # https://www.aljazeera.com/news/2024/4/13/germany-to-send-new-missiles-to-ukraine-as-army-struggles-on-eastern-front
        # "United States-made" is where it was made: Germany gives one
        (
            "en",
            "Germany will deliver a United States-made Patriot air defence system and air defence missiles to Ukraine",
            date(2024, 4, 13),
            [("announced", "DEU", "patriot", 1, None)],
        ),
        # https://www.businessinsider.com/us-to-rush-patriot-missiles-to-ukraine-amid-russian-airstrikes-2024-4
        (
            "en",
            'The US will "rush" Patriot air defense missiles to Ukraine as part of a military aid package, Defense '
            "Secretary Lloyd Austin has said.",
            date(2024, 4, 27),
            [("announced", "USA", "patriot", None, None)],
        ),
        # https://www.delfi.lt/en/politics/lithuania-transfers-to-ukraine-mortar-carriers-and-armoured-vehicles.d?id=91480615
        # "announced transfer of", without "the", is a delivery, as "announced the transfer of" is
        (
            "en",
            'Minister of National Defence of Lithuania announced transfer of "M113 vehicles, armoured vehicles and '
            'drones" to Ukraine.',
            date(2022, 10, 13),
            [
                ("delivered", "LTU", "m113", None, None),
                ("delivered", "LTU", "armoured-vehicle", None, None),
                ("delivered", "LTU", "drones", None, None),
            ],
        ),
        # https://www.armyrecognition.com/ukraine_-_russia_conflict_war_2022/ukraine_army_uses_romanian-made_tab-71m_8x8_armored_personnel_carrier.html
        # Ukraine's army using a weapon says it was delivered; nobody is named as its giver
        (
            "en",
            "Ukraine's army uses Romanian-made TAB-71M 8x8 armored personnel carrier.",
            date(2022, 11, 19),
            [("delivered", None, None, None, None)],
        ),
        # https://www.australiandefence.com.au/news/news/australian-jdam-ers-sent-to-ukraine
        # "Australia donated several ...": a delivery of a weapon the catalog lacks
        (
            "en",
            "Australia donated several Joint Direct Attack Munition Extended-Range (JDAM-ER) glide bombs to Ukraine "
            "following their withdrawal from Royal Australian Air Force (RAAF) service.",
            date(2024, 11, 1),
            [("delivered", "AUS", None, None, None)],
        ),
        # https://www.armyrecognition.com/defense_news_october_2022_global_security_army_industry/czech_republic_delivers_t-72_avenger_tanks_to_ukraine_thanks_t
        # "T-72 Avenger" is a T-72, not the Avenger air defence system
        (
            "en",
            "Ukraine will receive new upgraded T-72M battle tanks called T-72 Avenger from Czech Republic.",
            date(2022, 10, 5),
            [("announced", "CZE", "t-72", None, None)],
        ),
        # https://www.bundesregierung.de/breg-en/news/military-support-ukraine-2054992
        # a list after a sentence ending in a colon belongs to it, blank line or not: its day and its delivery
        (
            "uk",
            "У п'ятницю уряд Німеччини повідомив про відправку чергового пакету військової допомоги Україні:\n\n"
            "- 3 зенітні танки Gepard\n- 1 мостоукладач Beaver\n\nта інше обладнання.",
            date(2023, 10, 20),
            [("delivered", "DEU", "gepard", 3, date(2023, 10, 20)), ("delivered", "DEU", "biber", 1, date(2023, 10, 20))],
        ),
        # https://www.euractiv.com/section/politics/news/bulgaria-sends-largest-military-aid-package-to-ukraine/
        # a demonym before its police or its stockpile names the giver
        (
            "en",
            "The largest one-time military aid package - which includes 100 armoured vehicles from the Bulgarian police "
            "stockpile, mostly infantry carrier vehicles - was sent to Ukraine.",
            date(2023, 7, 13),
            [("delivered", "BGR", "armoured-vehicle", 100, None)],
        ),
        (
            "uk",
            "Найбільший разовий пакет військової допомоги, який включає 100 одиниць бронетехніки зі складу болгарської "
            "поліції, в основному транспортні машини піхоти, відправлено в Україну.",
            date(2023, 7, 13),
            [("delivered", "BGR", "armoured-vehicle", 100, None)],
        ),
        # https://www.gov.uk/government/news/pm-call-with-president-zelenskyy-of-ukraine-9-december-2022
        (
            "en",
            "The Prime Minister of the UK said that more anti-air guns would arrive in Ukraine in the coming weeks.",
            date(2022, 12, 9),
            [("increased", "GBR", "anti-aircraft-gun", None, None)],
        ),
        # https://www.reuters.com/business/aerospace-defense/germany-send-skynex-air-defence-systems-ukraine-handelsblatt-2022-12-09/
        # the type named past where the systems go
        (
            "en",
            "Germany is to send two additional air defence systems to Ukraine of the type Skynex by Rheinmetall.",
            date(2022, 12, 9),
            [("increased", "DEU", "skynex", 2, None)],
        ),
        # https://www.theportugalnews.com/news/2022-10-13/portugal-to-send-broken-helicopters-to-ukraine/71186
        # Kamov helicopters are the catalog's Ka-32
        (
            "en",
            "Portugal Defense Minister Helena Carreiras announced transfer of 6 Russian Kamov helicopters to Ukraine.",
            date(2022, 10, 13),
            [("delivered", "PRT", "ka-32", 6, None)],
        ),
        (
            "uk",
            "Міністр оборони Португалії повідомила про передачу Україні 6 російських вертольотів Камов.",
            date(2022, 10, 13),
            [("delivered", "PRT", "ka-32", 6, None)],
        ),
        # https://www.bbc.com/news/world-europe-64975770: "Mig" without a number is the MiG-29 (not "міг", could)
        (
            "en",
            "Poland will send four Soviet-era Mig fighter jets to Ukraine.",
            date(2023, 3, 17),
            [("announced", "POL", "mig-29", 4, None)],
        ),
        (
            "uk",
            "Польща надішле в Україну чотири винищувачі радянських часів Міг, хоча ніхто не міг цього передбачити.",
            date(2023, 3, 17),
            [("announced", "POL", "mig-29", 4, None)],
        ),
        # https://youtu.be/xP3QTufqxzo: two of each range are two rows; units of two types are a kind the catalog lacks
        (
            "en",
            "Germany plans to deliver two short-range and two medium-range Iris-T air defense systems, 30 Leopard 1A5 "
            "tanks and 16 self-propelled artillery units of two types to Ukraine.",
            date(2024, 8, 15),
            [
                ("announced", "DEU", "iris-t", 2, None),
                ("announced", "DEU", "iris-t", 2, None),
                ("announced", "DEU", "leopard-1", 30, None),
                ("announced", "DEU", None, 16, None),
            ],
        ),
        (
            "uk",
            "Німеччина планує поставити Україні два зенітно-ракетні комплекси ближнього і два середнього радіусу дії "
            "Iris-T, 30 танків Leopard 1A5 та 16 самохідних артилерійських установок двох типів.",
            date(2024, 8, 15),
            [
                ("announced", "DEU", "iris-t", 2, None),
                ("announced", "DEU", "iris-t", 2, None),
                ("announced", "DEU", "leopard-1", 30, None),
                ("announced", "DEU", None, 16, None),
            ],
        ),
        # https://www.armyrecognition.com/defense_news_january_2023_global_security_army_industry/germany_to_supply_ukraine_with_70mm_rocket_launchers_mounted_on_pickup_trucks.html
        # 70 mm rocket launchers are no M270 (227 mm): a kind the catalog lacks
        (
            "en",
            "Germany to supply Ukraine with twenty 70mm rocket launchers mounted on pickup trucks.",
            date(2023, 1, 4),
            [("announced", "DEU", None, 20, None)],
        ),
        (
            "uk",
            "Німеччина поставить Україні двадцять 70-мм реактивних систем залпового вогню, встановлених на пікапах.",
            date(2023, 1, 4),
            [("announced", "DEU", None, 20, None)],
        ),
        # https://english.nv.ua/nation/portugal-to-donate-five-armoured-rescue-and-personnel-carriers-to-ukraine-50319556.html
        # armoured medical evacuation vehicles are ambulances, not recovery vehicles, and not added to the carriers
        (
            "en",
            "Portugal has committed to sending Ukraine three armored medical evacuation vehicles and two personnel carriers.",
            date(2023, 4, 22),
            [("announced", "PRT", "armoured-vehicle", 3, None), ("announced", "PRT", "armoured-vehicle", 2, None)],
        ),
        (
            "uk",
            "Португалія зобов’язалася надіслати Україні три броньовані медичні евакуаційні машини.",
            date(2023, 4, 22),
            [("announced", "PRT", "armoured-vehicle", 3, None)],
        ),
        # https://www.bundesregierung.de/breg-en/news/military-support-ukraine-2054992: launchers
        # "with" a system are its parts, no row of their own
        (
            "en",
            "It includes 20 Marder IFVs and 4 IRIS-T air defense systems with 12 launchers.",
            date(2023, 5, 23),
            [("announced", None, "marder", 20, None), ("announced", None, "iris-t", 4, None)],
        ),
        # https://en.mehrnews.com/news/195079/UK-sends-Brimstone-2-precision-guided-missiles-to-Ukraine: a model the
        # catalog lacks, sent without a number by the donor named before the verb
        (
            "en",
            "UK sends Brimstone 2 precision-guided missiles to Ukrainian Armed Forces",
            date(2022, 12, 18),
            [("delivered", "GBR", None, None, None)],
        ),
        (
            "uk",
            "Велика Британія відправляє ЗСУ високоточні ракети Brimstone 2",
            date(2022, 12, 18),
            [("delivered", "GBR", None, None, None)],
        ),
    ],
)
def test_readings_that_generalise_from_the_labelled_samples(reader, lang, text, published, expected):
    found = reader.propose(text, lang, published)
    assert [(c.kind, c.donor, c.system_family, c.quantity, c.date) for c in found] == expected


@pytest.mark.parametrize(
    "lang, text, published",
    [
        # https://www.ft.com/content/f33417b0-89a6-4212-a052-41da96f75234 (a veto)
        (
            "en",
            "Switzerland has vetoed a plan to export nearly 100 mothballed Leopard battle tanks to Ukraine.",
            date(2023, 6, 28),
        ),
        (
            "uk",
            "Швейцарія наклала вето на експорт в Україну майже 100 законсервованих бойових танків Leopard.",
            date(2023, 6, 28),
        ),
        # https://www.spiegel.de/politik/deutschland/ukraine-darf-100-panzerhaubitzen-kaufen-a-6e1c331d-0da2-4218-9653-2ee96560da9d (a sale)
        ("en", "Germany has approved sales of 100 self-propelled artillery systems PzH 2000", date(2022, 7, 27)),
        # https://www.welt.de/politik/ausland/article241106455/Waffenhilfe-Deutschland-liefert-weitere-Geschuetze-an-die-Ukraine.html
        (
            "en",
            "The German federal government finally gave green light to the Ukraine for the purchasing of 18 howitzers "
            "RCH-155 weapon system worth 216 million euros from the Krauss-Maffei Wegmann (KMW) armaments group.",
            date(2022, 9, 17),
        ),
        # https://www.rferl.org/a/ukraine-macedonia-helicopters-mi24/32334786.html (a recommendation, not the decision)
        (
            "en",
            "The General Staff of North Macedonia has backed the transfer to Ukraine of 12 Mi-24 military helicopters",
            date(2023, 3, 26),
        ),
        (
            "uk",
            "Генеральний штаб Північної Македонії підтримав передачу Україні 12 військових вертольотів Мі-24",
            date(2023, 3, 26),
        ),
        # https://www.thefirstnews.com/article/ukraine-orders-100-infantry-fighting-vehicles-from-poland-37569 (Ukraine buys)
        (
            "en",
            "Polish prime minister Mateusz Morawiecki has announced ordering by Ukraine 100 Rosomak infantry fighting vehicles "
            "(IFVs) from Poland.",
            date(2023, 4, 1),
        ),
        (
            "uk",
            "Прем'єр-міністр Польщі Матеуш Моравецький заявив про замовлення Україною 100 бойових машин піхоти (БМП) Росомак у Польщі.",
            date(2023, 4, 1),
        ),
        # https://www.armyrecognition.com/defense_news_january_2023_global_security_army_industry/finland_is_ready_to_supply_ukraine_with_leopard_2_mbts_main_battle_tanks.html
        (
            "uk",
            "Голова Комітету з питань оборони Фінляндії Антті Хаккянен заявив, що Фінляндія готова поставити Україні основні "
            "бойові танки Leopard 2.",
            date(2023, 1, 8),
        ),
        # https://www.armyrecognition.com/defense_news_january_2023_global_security_army_industry/sweden_could_follow_germany_with_the_delivery_of_stridsvagn_122_tanks_to_ukraine.htmll
        (
            "en",
            'Swedish Defense Minister Pål Jonson announced that Sweden does not exclude sending "Stridsvagn 122 Main Battle '
            'Tank" to Ukraine.',
            date(2023, 1, 25),
        ),
        (
            "uk",
            "Міністр оборони Швеції Пол Йонсон заявив, що Швеція не виключає відправлення в Україну «Основного бойового танка "
            "Stridsvagn 122».",
            date(2023, 1, 25),
        ),
        # https://www.politico.com/news/2023/03/14/senate-defense-department-ukraine-fighters-00087051
        (
            "en",
            "A group of senators from both parties is pressing the Pentagon for more information on what it would take "
            "to send F-16 jets to Ukraine.",
            date(2023, 3, 15),
        ),
        # https://www.france24.com/en/europe/20221119-live-more-than-200-ukrainians-detained-or-disappeared-during-occupation-of-kherson-report-says
        # "Iranian-supplied drones" are Russia's: no delivery; the package is given in money
        (
            "en",
            "Britain will provide a 50 million pound ($59.4 million) air defence package for Ukraine, including "
            "anti-aircraft guns and technology to counter Iranian-supplied drones, Prime Minister Rishi Sunak said on his "
            "first trip to Kyiv on Saturday.",
            date(2022, 11, 19),
        ),
        # https://www.euractiv.com/section/politics/news/slovak-president-halts-military-aid-to-ukraine-amid-coalition-talks/
        # preventing a shipment; "Zuzana" is the president's name here, not the howitzer
        (
            "en",
            "President of Slovakia Zuzana Čaputová moved to prevent the technocratic interim government from sending a "
            "shipment of weapons to Ukraine.",
            date(2023, 10, 6),
        ),
        (
            "uk",
            "Президент Словаччини Зузана Чапутова вжила заходів, щоб перешкодити технократичному тимчасовому уряду "
            "відправити партію зброї в Україну.",
            date(2023, 10, 6),
        ),
        # https://www.thedefensepost.com/2024/05/29/sweden-pauses-gripen-ukraine/
        (
            "en",
            "Sweden said it was suspending plans to send Gripen jets to Ukraine, as its partners want to prioritize the "
            "delivery of F-16s fighter jets to Kyiv.",
            date(2024, 5, 28),
        ),
        (
            "uk",
            "Швеція заявила, що призупиняє плани з постачання винищувачів Gripen в Україну, оскільки її партнери хочуть "
            "надати пріоритет постачанню винищувачів F-16 до Києва.",
            date(2024, 5, 28),
        ),
        # https://www.yahoo.com/news/netherlands-rutte-signs-security-deal-222454417.html (helping to fund a supply)
        (
            "en",
            "President Volodymyr Zelenskiy and Dutch Prime Minister Mark Rutte signed a 10-year security deal - with the "
            "Netherlands promising to help fund the supply of 800,000 artillery shells to hold back Russian forces.",
            date(2024, 3, 1),
        ),
        (
            "uk",
            "Президент Володимир Зеленський і прем'єр-міністр Нідерландів Марк Рютте підписали 10-річну угоду про безпеку "
            "– Нідерланди обіцяють допомогти профінансувати постачання 800 000 артилерійських снарядів для стримування "
            "російських військ.",
            date(2024, 3, 1),
        ),
        # https://www.armyrecognition.com/defense_news_april_2023_global_security_army_industry/greece_to_supply_ukraine_with_more_bmp-1_ifvs_and_artillery_ammunition.html
        ("en", "By 2006, there were 377 BMP-1A1 Ost IFVs in active service with the Hellenic Army.", date(2023, 4, 8)),
        # https://mil.in.ua/en/news/britain-to-dispose-of-80-warrior-infantry-fighting-vehicles-in-2025/ (disposal)
        (
            "en",
            "In addition, he noted that as the write-off process is already underway, more than 80 combat vehicles are "
            "planned to be disposed of in 2025.",
            date(2024, 5, 12),
        ),
        (
            "uk",
            "Крім того, він зазначив, що оскільки процес списання вже триває, у 2025 році планується утилізувати понад 80 "
            "бойових машин.",
            date(2024, 5, 12),
        ),
        # https://www.cbc.ca/news/politics/armoured-vehicles-armatec-ukraine-dnd-1.6973154 (to the scrapheap)
        (
            "en",
            "The Canadian Army has dozens of older armoured personnel carriers it plans to send to the scrapheap this year "
            "- even though a private company has offered to refurbish them for use in Ukraine.",
            date(2023, 10, 29),
        ),
        # https://www.defensenews.com/training-sim/2023/11/07/netherlands-sends-five-f-16s-to-romania-to-train-ukrainian-pilots/
        (
            "en",
            "The Dutch Defence Ministry has relocated five F-16 jets to Romania to start training Ukrainian pilots.",
            date(2023, 11, 7),
        ),
        # https://www.aa.com.tr/en/europe/bulgaria-preparing-new-tranche-of-military-aid-for-ukraine/2928215
        # joining the agreement of others: the million is theirs together, not Bulgaria's pledge
        (
            "en",
            "Defense Minister Todor Tagarev said Bulgaria will soon join an agreement on providing 1 million artillery "
            "rounds to Ukraine.",
            date(2023, 6, 22),
        ),
        (
            "uk",
            "Міністр оборони Тодор Тагарєв заявив, що Болгарія незабаром приєднається до угоди про надання Україні 1 млн "
            "артилерійських снарядів.",
            date(2023, 6, 22),
        ),
        # https://edition.cnn.com/2022/12/13/politics/us-patriot-missile-defense-system-ukraine/index.html (awaiting approval)
        (
            "uk",
            "План Пентагону щодо постачання Україні систем протиракетної оборони Patriot очікує затвердження Білого Дому.",
            date(2022, 12, 13),
        ),
        # https://kafkadesk.org/2022/07/26/no-deal-yet-on-slovakias-delivery-of-mig-29s-to-ukraine/ (closer to a decision)
        (
            "uk",
            "Словаччина наближається до рішення про поставку Україні свого парку винищувачів МіГ-29, але угода ще не завершена.",
            date(2022, 7, 26),
        ),
        # https://apnews.com/article/us-army-ukraine-russia-ammunition-war-75a9ca2e3be09578c65f1198ba5b72e5 (production)
        (
            "en",
            "The US Army is spending about $1.5 billion to ramp up production of 155 mm rounds from 14,000 a month before "
            "Russia invaded Ukraine to over 85,000 a month by 2028.",
            date(2023, 4, 22),
        ),
        (
            "uk",
            "Армія США витрачає близько 1,5 мільярда доларів на збільшення виробництва 155-мм снарядів з 14 000 на місяць "
            "до того, як Росія вторглася в Україну, до понад 85 000 на місяць до 2028 року",
            date(2023, 4, 22),
        ),
        # https://www.defensenews.com/training-sim/2023/11/07/netherlands-sends-five-f-16s-to-romania-to-train-ukrainian-pilots/
        (
            "uk",
            "Міністерство оборони Нідерландів перекинуло п'ять літаків F-16 до Румунії для початку підготовки українських пілотів.",
            date(2023, 11, 7),
        ),
        # https://x.com/Bjoern__M/status/1724444791935472127 (Ukraine as the maker's customer)
        ("uk", "Україна стала першим замовником KMW на RCH 155 із замовленням 18 одиниць.", date(2023, 11, 14)),
        # https://defence-blog.com/uk-denies-media-report-it-plans-to-supply-apache-helicopters-to-ukraine/ (a denial)
        (
            "en",
            "British Ministry of Defense denied media reports it plans to supply its AH-64 Apache attack helicopters to Ukraine.",
            date(2023, 1, 15),
        ),
        (
            "uk",
            "Міністерство оборони Великої Британії спростувало повідомлення ЗМІ про плани постачати Україні ударні вертольоти "
            "AH-64 Apache.",
            date(2023, 1, 15),
        ),
    ],
)
def test_a_veto_a_sale_a_purchase_or_a_possibility_is_no_aid(reader, lang, text, published):
    found = reader.propose(text, lang, published)
    assert [c for c in found if c.kind in ("announced", "increased", "delivered")] == [], found


@pytest.mark.parametrize(
    "lang, text",
    [
        # https://www.yahoo.com/news/polands-total-military-aid-ukraine-111427588.html
        (
            "en",
            "Poland has provided Ukraine with 300 tanks and combat vehicles, 14 fighter planes, plus helicopters, air "
            "defence systems and ammunition, military experts say.",
        ),
        (
            "uk",
            "Польща надала Україні 300 танків і бойових машин, 14 винищувачів, а також вертольоти, системи "
            "протиповітряної оборони і боєприпаси, кажуть військові експерти.",
        ),
    ],
)
def test_the_uncounted_items_of_a_counted_list_follow_its_counted_ones(reader, lang, text):
    """A list of two or more counted things gives no row for the things it names without a number: they
    share the list's reading (here a running total over two years), which its numbers carry."""
    found = reader.propose(text, lang, date(2024, 4, 25))
    assert [c for c in found if c.quantity is None and c.kind in ("announced", "increased", "delivered")] == []


def test_a_kind_of_the_catalog_with_more_words_inside_it_is_that_kind(reader):
    # https://theexpressnewstoday.com/uk-to-supply-225m-in-military-equipment-to-ukraine: "1,000 counter-drone
    # electronic warfare systems ... would be supplied to the Ukrainian army"
    found = reader.propose(
        "The UK will supply 1,000 counter-drone electronic warfare systems to Ukraine.", "en", date(2024, 12, 13)
    )
    assert [(c.kind, c.donor, c.system_family, c.quantity) for c in found] == [
        ("announced", "GBR", "counter-drone-equipment", 1000)
    ]
    # a kind the catalog has no words for is still a row, with what the text calls it
    found = reader.propose("The UK will supply 1,000 electronic warfare systems to Ukraine.", "en", date(2024, 12, 13))
    assert [(c.kind, c.donor, c.system_family, c.quantity, c.unknown_system) for c in found] == [
        ("announced", "GBR", None, 1000, "electronic warfare systems")
    ]


@pytest.mark.parametrize(
    "lang, text, expected",
    [
        # https://feeds.bbci.co.uk/news/uk-67843958: "three batteries of self-propelled AS90 guns" are more than three guns
        ("en", "The UK has now supplied three batteries of self-propelled AS90 guns.", [("delivered", "GBR", "as90", None)]),
        ("uk", "Велика Британія передала три батареї самохідних гаубиць AS90.", [("delivered", "GBR", "as90", None)]),
        # air defence is counted in batteries: "one Patriot battery" is one, as in
        # https://www.defense.gov/News/News-Stories/Article/Article/3837709/us-announces-latest-security-package-for-ukraine/
        ("en", "This package includes one Patriot battery.", [("announced", None, "patriot", 1)]),
    ],
)
def test_batteries_of_guns_are_not_a_count_of_guns(reader, lang, text, expected):
    found = reader.propose(text, lang, date(2023, 12, 29))
    assert [(c.kind, c.donor, c.system_family, c.quantity) for c in found] == expected


def test_a_first_line_without_a_full_stop_is_a_headline_its_story_restates(reader):
    # https://feeds.bbci.co.uk/news/uk-67843958: the headline's row is the first sentence's, given once
    text = (
        "UK sending more air defence missiles to Ukraine after Russia strikes\n"
        "The UK will send more air defence missiles to Ukraine after Russia launched a wave of air strikes overnight.\n"
    )
    found = reader.propose(text, "en", date(2023, 12, 29))
    assert [(c.kind, c.donor, c.system_family, c.start) for c in found] == [
        ("increased", "GBR", "air-defence-missile", text.index("The UK"))
    ]


@pytest.mark.parametrize(
    "lang, text",
    [
        # https://www3.nhk.or.jp/nhkworld/en/news/20220624_13/: "18 coastal and riverine patrol boats"
        ("en", "It also includes 2,000 machine guns, and 18 coastal and riverine patrol boats."),
        ("uk", "Він також включає 2000 кулеметів і 18 берегових і річкових патрульних катерів."),
    ],
)
def test_two_adjectives_joined_do_not_part_a_number_from_its_kind(reader, lang, text):
    found = reader.propose(text, lang, date(2022, 6, 24))
    assert [(c.system_family, c.quantity) for c in found] == [("small-arms", 2000), ("patrol-boat", 18)]


def test_a_row_an_earlier_sentence_gave_is_given_once(reader):
    # https://fin2me.com/politics/us-announces-additional-military-package-to-strengthen-ukraines-air-defenses/: the
    # summary and the list it sums up both give "over 28 million rounds of small-arms ammunition"
    text = (
        "The package also has several dozen armored personnel carriers and over 28 million rounds of small-arms "
        "ammunition. The capabilities in this package include: 32 Stryker Armored Personnel Carriers; Over 28 million "
        "rounds of small arms ammunition and grenades."
    )
    found = reader.propose(text, "en", date(2023, 4, 4))
    assert [(c.system_family, c.quantity) for c in found if c.quantity] == [
        ("ammunition-small-arms", 28_000_000),
        ("stryker", 32),
    ]


@pytest.mark.parametrize(
    "text, published, expected",
    [
        # https://www.wallstreet-online.de/nachricht/17252056-bundesregierung-staerkt-ukrainische-flugabwehr
        (
            "Deutschland hat der Ukraine weitere Militärgüter geliefert, darunter mehr als viertausend Nebelgranaten.",
            date(2023, 8, 10),
            [("delivered", "DEU", "ammunition-artillery", 4000)],
        ),
        (
            "Deutschland stärkt die ukrainische Logistik mit vier Schwerlastern sowie acht Wechselladersystemen.",
            date(2023, 8, 10),
            [("announced", "DEU", "non-combat-vehicles", 12)],
        ),
        # https://buzzclips.de/nachrichten/ukraine-deutschland-liefert-weitere-mars-und-panzerhaubitzen
        (
            "Außerdem seien der Ukraine zwei Überwasserdrohnen aus Deutschland übergeben worden.",
            date(2022, 11, 1),
            [("delivered", "DEU", "unmanned-surface-vessel", 2)],
        ),
    ],
)
def test_german_words_for_kinds_of_the_catalog(reader, text, published, expected):
    found = reader.propose(text, "de", published)
    assert [(c.kind, c.donor, c.system_family, c.quantity) for c in found] == expected


def test_a_made_in_adjective_is_no_model_the_catalog_lacks(reader):
    # https://ici.radio-canada.ca/rci/en/news/1949161/canada-announces-it-will-donate-200-armoured-vehicles-to-ukraine
    found = reader.propose(
        "Canada is donating 200 Canadian-made armoured personnel carriers to Ukraine.", "en", date(2023, 1, 18)
    )
    assert [(c.kind, c.donor, c.system_family, c.quantity, c.unknown_system) for c in found] == [
        ("announced", "CAN", "armoured-vehicle", 200, None)
    ]


def test_a_date_after_the_articles_is_a_delivery_to_come_not_the_rows_date(reader):
    # https://www.news9live.com/videos/world-videos/russia-war-netherlands-denmark-to-send-61-f-16-fighter-jets-to-ukraine-2257169
    # (21 August 2023): "eight F-16s will be delivered in 2024"
    text = (
        "Denmark agreed to deliver 19 F-16 jets in total. Next, eight F-16s will be delivered in 2024 and remaining five "
        "the following year."
    )
    found = reader.propose(text, "en", date(2023, 8, 21))
    assert [(c.kind, c.donor, c.system_family, c.quantity, c.date) for c in found] == [
        ("announced", "DNK", "f-16", 19, None),
        ("announced", "DNK", "f-16", 8, None),
    ]
    assert "2024 is still to come" in found[1].doubts


@pytest.mark.parametrize(
    "lang, text, published, expected",
    [
        # https://veritecachee.fr/2025/02/07/les-premiers-avions-de-combat-mirage-2000-francais-livres-a-lukraine: the
        # 5 of "Mirage 2000-5" is the variant, not a number of aircraft
        (
            "fr",
            "La France transférera à l'Ukraine six avions Mirage 2000-5.",
            date(2025, 2, 7),
            [("announced", "FRA", "mirage-2000", 6)],
        ),
        # https://europe1.fr/international/guerre-en-ukraine-les-canons-caesar-francais-officiellement-en-service-face-a-larmee-russe-4113826.amp
        # "6 obus par minute" is a rate of fire
        (
            "fr",
            "La France a livré 18 canons Caesar, qui peuvent tirer 6 obus par minute.",
            date(2022, 5, 25),
            [("delivered", "FRA", "caesar", 18)],
        ),
        # https://www.wnp.pl/przemysl-obronny/polska-dostarczyla-ukrainie-armatohaubice-krab,585818.html: "Krab" alone,
        # "otrzymało" (received) and "zostało przekazanych" (were handed over) are deliveries
        (
            "pl",
            "Ukraińskie wojsko otrzymało od Polski 18 sztuk nowoczesnych samobieżnych armatohaubic Krab.",
            date(2022, 5, 26),
            [("delivered", "POL", "ahs-krab", 18)],
        ),
        ("pl", "Sześć sztuk Caesar zostało przekazanych przez Francję.", date(2022, 5, 26), [("delivered", "FRA", "caesar", 6)]),
        # https://diamond.jp/articles/-/302695: 提供した (gave) is a delivery
        ("ja", "ポーランドはT-72をウクライナに240台提供した。", date(2022, 4, 29), [("delivered", "POL", "t-72", 240)]),
        # https://war.telegraf.com.ua/ukraina/2023-02-24/5780677: "as reported earlier" is no doubt about the decision
        (
            "ru",
            "Как уже ранее сообщалось, Польша передала Украине четыре танка Leopard 2.",
            date(2023, 2, 24),
            [("delivered", "POL", "leopard-2", 4)],
        ),
        # https://censor.net/ru/news/3337655/polsha_peredala_ukraine_bolee_200_tankov_t72_a_takje_gvozdiki_i_grady: 2S1 and
        # Grad are no 155 mm howitzer of the catalog; each is a row by its name
        (
            "ru",
            "Польша передала Украине самоходные гаубицы 2С1 «Гвоздика» и реактивные системы залпового огня «Град».",
            date(2022, 4, 29),
            [("delivered", "POL", None, None), ("delivered", "POL", None, None)],
        ),
        # https://mars.novosti-n.info/ua/news/V-Ukrayinu-prybula-persha-partiya-tankiv-Abrams-NYT-276783: "доправили" (brought)
        (
            "uk",
            "У суботу, 23 вересня, США доправили в Україну першу партію танків Abrams.",
            date(2023, 9, 25),
            [("delivered", "USA", "m1-abrams", None)],
        ),
        # https://newscast.com.ua/news/464289: the name in brackets after an abbreviation, spelt without its final e
        (
            "uk",
            "Німеччина передасть Україні дванадцять самохідних гаубиць (САУ Panzerhaubitz 2000).",
            date(2024, 9, 6),
            [("announced", "DEU", "pzh-2000", 12)],
        ),
        # https://delo.ua/ru/politics/germaniya-peredast-ukraine-eshhe-tri-artustanovki-gepard-cto-eshhe-v-novom-pakete-pomoshhi-425303/
        # Russian words for vehicles, and two adjectives joined before a calibre
        (
            "ru",
            "Также Германия передаст 13 машин пограничной охраны.",
            date(2023, 10, 20),
            [("announced", "DEU", "non-combat-vehicles", 13)],
        ),
        (
            "ru",
            "Германия передаст Украине 3872 дымовых и осветительных 155-миллиметровых боеприпасов.",
            date(2023, 10, 20),
            [("announced", "DEU", "ammunition-155mm", 3872)],
        ),
        # https://newsme.com.ua/ua/ukraine/politic/4431537/: 85 of the 90 promised were brought, the 85 not added to the 90
        (
            "uk",
            "США перевезли в Україну вже 85 із 90 гаубиць, які обіцяла адміністрація.",
            date(2022, 5, 10),
            [("delivered", "USA", "howitzer-155mm", 85), ("announced", "USA", "howitzer-155mm", 90)],
        ),
        # https://kresy.pl/wydarzenia/media-niemieckie-systemy-iris-t-sa-juz-na-ukrainie/: the first of four promised
        (
            "pl",
            "Niemcy przekazały Ukrainie pierwszy z czterech obiecanych systemów IRIS-T.",
            date(2022, 10, 12),
            [("announced", "DEU", "iris-t", 4), ("delivered", "DEU", "iris-t", 1)],
        ),
        # https://www.francetvinfo.fr/monde/europe/manifestations-en-ukraine/guerre-en-ukraine-le-ministere-de-la-defense-remercie-la-france-pour-ses-canons-dans-un-clip-tres-romantique_5412907.html
        # a head of state named for the country (tracker/propose/leaders.csv)
        (
            "fr",
            "Emmanuel Macron a promis l'envoi de six canons Caesar supplémentaires à Kiev.",
            date(2022, 10, 13),
            [("increased", "FRA", "caesar", 6)],
        ),
        # https://hromadske.radio/news/2023/11/21/pistorius-oholosyv-pro-novyy-paket-dopomohy-ukraini
        (
            "uk",
            "За словами Пісторіуса, до нового пакету військової допомоги увійдуть 4 системи IRIS-T, 20 тисяч снарядів "
            "155-мм калібру, протитанкові міни та інше озброєння.",
            date(2023, 11, 21),
            [("announced", "DEU", "iris-t", 4), ("announced", "DEU", "ammunition-155mm", 20000)],
        ),
        # https://www.oita-press.co.jp/1002000000/2025/08/01/NP2025080101002156?amp=true: 追加 after the counter is "more"
        (
            "ja",
            "ドイツ政府は1日、地対空ミサイルシステム「パトリオット」2基を追加供与すると発表した。",
            date(2025, 8, 1),
            [("increased", "DEU", "patriot", 2)],
        ),
        # https://diamond.jp/articles/-/302695: reconnaissance drones and infantry fighting vehicles, given without a number
        (
            "ja",
            "ポーランドは戦車のほかにも自国製の無人偵察機や歩兵戦闘車を供与した。",
            date(2022, 4, 29),
            [("delivered", "POL", "drones", None), ("delivered", "POL", "armoured-vehicle", None)],
        ),
        # https://novosti.dn.ua/news/411893-avstraliya-peredala-ukrayini-ostannyu-partiyu-tankiv-abrams: a handover said
        # with its noun ("завершила передачу", "передача ... відбулася") is a delivery
        (
            "uk",
            "Австралія завершила передачу Україні 49 танків Abrams.",
            date(2025, 12, 19),
            [("delivered", "AUS", "m1-abrams", 49)],
        ),
        (
            "ru",
            "Австралия завершила передачу Украине 49 танков Abrams.",
            date(2025, 12, 19),
            [("delivered", "AUS", "m1-abrams", 49)],
        ),
        # http://en.people.cn/n3/2023/0119/c90000-10198056.html: the catalog's name in the plural wins over a generic word
        # as long; "since February 2022" is when a running total began, not the day of the row
        (
            "en",
            "Canada's military assistance committed since February 2022 includes 39 armoured combat support vehicles.",
            date(2023, 1, 19),
            [("claim", "CAN", "acsv", 39)],
        ),
        # https://www.thetimes.co.uk/article/sunak-sends-zelensky-14-challenger-2-tanks-5khvlm8cm: a need is no aid
        (
            "en",
            "Ukraine needs 300 Western tanks, Zelensky said, as Britain will send 14 Challenger 2 tanks.",
            date(2023, 1, 15),
            [("announced", "GBR", "challenger-2", 14)],
        ),
        # https://www.aktiencheck.de/news/Artikel-Pistorius_kuendigt_1_3_Milliarden_Ruestungspaket_fuer_Ukraine-16332723
        ("de", "Die Ukraine hat einen täglichen Bedarf von mehr als 5000 Granaten.", date(2023, 11, 21), []),
        # https://www.cnbc.com/2023/03/28/ukraine-war-live-updates-latest-news-on-russia-and-the-war-in-ukraine.html:
        # "will also be delivered" is still to come
        ("en", "Leopard 1 A5 tanks will also be delivered to Ukraine by Germany in the near future.", date(2023, 3, 28), []),
        # https://www.lapresse.ca/actualites/national/2022-04-26/guerre-en-ukraine/ottawa-achete-des-vehicules-blindes-pour-kyiv.php:
        # "a envoyé" has sent
        (
            "fr",
            "La semaine dernière, le Canada a envoyé en Ukraine quatre obusiers M777.",
            date(2022, 4, 26),
            [("delivered", "CAN", "m777", 4)],
        ),
        # https://www.urdupoint.com/en/world/three-portuguese-leopard-2a6-tanks-arrive-in-1667058.html: tanks that arrive in
        # Ukraine are delivered; the adjective after a number word names the giver where the tanks are made elsewhere
        ("en", "Three Portuguese Leopard 2A6 Tanks Arrive In Ukraine", date(2023, 3, 28), [("delivered", "PRT", "leopard-2", 3)]),
        # https://war.hvylya.net/uk/288092-shveciya-obyavila-o-pakete-voennoy-pomoshchi-ukraine-na-680-millionov-chto-voydet:
        # the catalog's "Stridsbåt 90 (CB90)" is also written by either of its names
        (
            "uk",
            "Міністерство оборони Швеції оголосило про новий пакет військової допомоги. До пакету увійдуть:\n"
            "- 10 штурмових катерів Stridsbåt 90 (Strb 90 H; CB90),",
            date(2024, 2, 20),
            [("announced", "SWE", "cb90", 10)],
        ),
        # https://glavcom.ua/world/world-politics/artustanovki-i-refrizheratori-ukrajina-otrimala-cherhovu-partiju-dopomohi-vid-nimechchini-875347.html
        # the total in brackets is the bracket's, not the four's
        (
            "uk",
            "Україна отримала від Німеччини чотири установки Gepard (загалом – 24).",
            date(2022, 9, 14),
            [("delivered", "DEU", "gepard", 4)],
        ),
    ],
)
def test_readings_of_articles_outside_the_feed(reader, lang, text, published, expected):
    found = reader.propose(text, lang, published)
    assert [(c.kind, c.donor, c.system_family, c.quantity) for c in found] == expected
    assert all(c.date is None or c.date <= published for c in found)
    assert all(c.confidence >= 0.6 for c in found)


@pytest.mark.parametrize(
    "lang, text, expected",
    [
        # https://eubriefs.com/?p=8750: "1 000 armes antichars et 500 missiles sol-air Stinger"
        (
            "fr",
            "L'Allemagne a déclaré samedi qu'elle fournirait 1 000 armes antichars et 500 missiles sol-air Stinger à l'Ukraine.",
            [("announced", "DEU", "anti-tank-weapons-portable", 1000), ("announced", "DEU", None, 500)],
        ),
        # https://presse-augsburg.de/bundesregierung-liefert-waffen-aus-bundeswehr-bestaenden-an-die-ukraine/778694/
        (
            "de",
            "Die Bundesregierung hat heute entschieden, 1000 Panzerabwehrwaffen sowie 500 Boden-Luft-Raketen vom Typ „Stinger“ "
            "aus Beständen der Bundeswehr an die Ukraine zu liefern.",
            [("announced", "DEU", "anti-tank-weapons-portable", 1000), ("announced", "DEU", None, 500)],
        ),
    ],
)
def test_french_and_german_words_for_kinds_of_the_catalog(reader, lang, text, expected):
    assert [(c.kind, c.donor, c.system_family, c.quantity) for c in reader.propose(text, lang, date(2022, 2, 26))] == expected


def test_a_lede_is_no_headline_and_helicopters_offered_to_a_donor_are_no_aid(reader):
    # https://www.sunjournal.com/2023/03/23/slovakia-delivers-first-4-soviet-era-mig-29-jets-to-ukraine/
    text = (
        "BRATISLAVA, Slovakia — The first four of 13 Soviet-era MiG-29 fighter jets that Slovakia decided to give Ukraine "
        "have been safely handed over to the Ukrainian air force, the Slovak Defense Ministry said on Thursday.\n\n"
        "On Friday, the Slovak government approved a plan to give Ukraine its fleet of 13 Soviet-era MiG-29 fighter jets.\n\n"
        "The Slovak Defense Ministry said Wednesday the United States has offered Slovakia 12 new military helicopters as "
        "compensation for the fighter jets."
    )
    found = reader.propose(text, "en", date(2023, 3, 23))
    assert [(c.kind, c.donor, c.system_family, c.quantity, c.date) for c in found if c.kind != "claim"] == [
        ("delivered", "SVK", "mig-29", 4, date(2023, 3, 23)),
        ("announced", "SVK", "mig-29", 13, None),
        ("announced", "SVK", "mig-29", 13, date(2023, 3, 17)),
    ]


def test_later_paragraphs_take_the_ledes_day_but_not_an_earlier_decision(reader):
    # https://stripes.com/theaters/us/2023-01-19/ukraine-russia-military-aid-pentagon-8822705.html: "is being provided"
    # is no delivery; the paragraphs after the lede tell of the day it gives, but not "had already committed", which
    # "earlier this month" dates to the month
    text = (
        "The Pentagon will send another package of military aid to Ukraine, defense officials announced Thursday.\n\n"
        "The Pentagon said the new round of equipment is being provided through presidential drawdown authority and will "
        "include 59 more Bradley Fighting Vehicles and 90 Stryker armored personnel carriers.\n\n"
        "The Pentagon had already committed 50 Bradleys to Ukraine earlier this month."
    )
    found = reader.propose(text, "en", date(2023, 1, 19))
    assert [(c.kind, c.donor, c.system_family, c.quantity, c.date) for c in found] == [
        ("increased", "USA", "m2-bradley", 59, date(2023, 1, 19)),
        ("announced", "USA", "stryker", 90, date(2023, 1, 19)),
        ("announced", "USA", "m2-bradley", 50, date(2023, 1, 1)),
    ]
    assert "the date is given in another sentence of the first paragraph" in found[0].doubts
    assert found[2].date_precision == "month"


@pytest.mark.parametrize(
    "lang, text, published, expected",
    [
        # https://www.kn-online.de/politik/deutschland-und-die-niederlande-liefern-der-ukraine-sechs-weitere-panzerhaubitzen-GG3DRCQ6PJ6KEP2Y4NLDM2R4HE.html
        (
            "de",
            "Deutschland und die Niederlande werden der Ukraine zusammen sechs weitere Modelle der Panzerhaubitze 2000 liefern.",
            date(2022, 6, 28),
            [("claim", None, "pzh-2000", 6)],
        ),
        # https://www.voanews.com/a/ukrainian-defense-minister-expresses-thanks-for-support-amid-rumors-of-replacement/6951199.html
        (
            "en",
            "Germany, Denmark and the Netherlands said Tuesday they are planning to send at least 100 older, refurbished "
            "Leopard 1 tanks to Ukraine",
            date(2023, 2, 7),
            [("claim", None, "leopard-1", 100)],
        ),
    ],
)
def test_donors_joined_with_an_article_give_one_figure_together(reader, lang, text, published, expected):
    assert [(c.kind, c.donor, c.system_family, c.quantity) for c in reader.propose(text, lang, published)] == expected


def test_a_byline_lends_no_date_and_a_time_of_day_is_no_quantity(reader):
    # https://english.nv.ua/nation/croatia-preparing-mi-8-helicopters-for-sending-via-poland-to-ukraine-news-50306906.html
    # as pasted with its page's byline: the byline's day is the article's, and 02:40 counts nothing
    text = (
        "Published 26 February, 02:40 PM\n\n"
        "Croatia is preparing 14 Mi-8 helicopters to send to Ukraine via Poland, 40 km from the border."
    )
    found = reader.propose(text, "en", date(2023, 2, 26))
    assert [(c.kind, c.donor, c.system_family, c.quantity, c.date) for c in found] == [("announced", "HRV", "mi-8", 14, None)]


def test_a_calibre_without_millimetres_and_a_monthly_rate_are_no_quantities(reader):
    """https://uk.news.yahoo.com/france-double-munitions-supplies-ukraine-101423843.html: "155" is the calibre and
    2,000 shells a month a rate; the text gives no number of rounds."""
    for lang, text in (
        ("en", "France will double this month its supplies of 155 artillery rounds to Ukraine to about 2,000 shells a month."),
        (
            "uk",
            "Цього місяця Франція подвоїть постачання Україні 155 артилерійських снарядів до близько 2 тис. снарядів на місяць.",
        ),
    ):
        found = reader.propose(text, lang, date(2023, 3, 28))
        assert all(c.quantity is None for c in found), found


def test_a_feed_column_holding_another_language_is_read_in_that_language():
    """https://rus.delfi.lv/news/daily/latvia/v-latvii-nachali-sbor-sredstv-na-bespilotnik-bayraktar-dlya-ukrainy.d?id=54643226
    (the feed's English column holds this Russian text)"""
    from tracker.propose.reading import column_language

    text = "Латвия подарила Военно-воздушным силам (ВВС) Украины четыре вертолета, сообщили в Министерстве обороны Латвии."
    assert column_language(text, "en") == "ru"
    assert column_language("Latvia donated four helicopters to Ukraine's air force.", "en") == "en"


def test_a_space_inside_a_generic_words_character_class_stays_itself():
    """generic_systems.csv writes "multiple[- ]launch rocket systems?": the space in "[- ]" is not a word gap."""
    from tracker.propose import lexicon

    lex = lexicon.load("en", DATA)
    for text, key in (
        ("three additional multiple-launch rocket systems", "m270|m270"),
        ("four air-surveillance radars", "air-surveillance-radar|air-surveillance-radar-unspecified"),
        ("Guided Multiple Launch Rocket System (GMLRS)", "rockets-227mm|rockets-227mm"),
    ):
        assert [m.key for m in lex.find_systems(text)][:1] == [key], text


def test_generic_words_name_catalog_families_or_none():
    from tracker.csv_reader import read_rows
    from tracker.propose.lexicon import files_path

    families = {r["family_id"] for r in read_rows(DATA / "system_families.csv")}
    systems = {r["system_id"] for r in read_rows(DATA / "systems.csv")}
    for row in read_rows(files_path("generic_systems.csv")):
        assert row["family_id"] in families | {""}, row  # empty: goods the catalog has no entry for (generators)
        assert row["system_id"] in systems | {""}, row


def test_json_output_is_a_list_of_candidates(capsys):
    assert main(["propose", str(SEED), "--published", "2023-02-14", "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert isinstance(rows, list) and {
        "kind",
        "donor",
        "system_family",
        "system",
        "quantity",
        "date",
        "date_precision",
        "evidence",
        "status",
        "confidence",
    } <= set(rows[0])
    assert all(r["evidence"]["end"] > r["evidence"]["start"] for r in rows)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "empty"),
        (b"\x00\x01\x02binary\x00", "binary data"),
        (b"x" * 10_000_000, "more than 1 MB"),
        (b"\xff\xfe\x00\xd8", "UTF-16"),
        (b"caf\xe9 au lait", "not UTF-8"),
        (b"Habari za leo: serikali imetangaza msaada mpya kwa wakulima wa mahindi.", "cannot tell which language"),
    ],
    ids=["empty", "binary", "10 MB", "bad UTF-16", "latin-1", "Swahili"],
)
def test_bad_input_gets_one_clear_message(tmp_path, content, message):
    path = tmp_path / "article.txt"
    path.write_bytes(content)
    done = subprocess.run(
        [sys.executable, "-m", "tracker.cli", "propose", str(path)], capture_output=True, text=True, cwd=ROOT, timeout=120
    )
    assert done.returncode == 2 and message in done.stderr and "Traceback" not in done.stderr
    assert done.stderr.count("\n") == 1 and str(path) in done.stderr


def test_an_unknown_language_code_is_refused(capsys):
    assert main(["propose", str(SEED), "--lang", "sw"]) == 2
    assert "--lang sw: not a language propose reads" in capsys.readouterr().err


def _review(tmp_path: Path, data: Path, feed_rows: list[dict]) -> Path:
    feed = tmp_path / "feed.csv"
    with feed.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, ["date", "text_en", "source_url"])
        writer.writeheader()
        writer.writerows(feed_rows)
    review = tmp_path / "review.csv"
    assert main(["propose", "--data", str(data), "--feed", str(feed), "--out", str(review)]) == 0
    return review


def _decide(review: Path, decide) -> None:
    with review.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
        fields = list(rows[0])
    for row in rows:
        row["decision"] = decide(row)
    with review.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fields, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


# A made-up item (not a fact: the test works on a copy of data/) to take accept through validate.
ESTONIA = {
    "date": "2024-06-03",
    "text_en": "Estonia will send 7 Leopard 2A4 tanks to Ukraine, the defence ministry said on Monday.",
    "source_url": "https://example.org/estonia-leopards",
}


def test_accept_appends_the_accepted_rows_and_the_data_still_validates(tmp_path, capsys):
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    review = _review(tmp_path, data, [ESTONIA])
    _decide(review, lambda row: "accepted" if row["kind"] == "announced" else "rejected")
    assert main(["accept", "--data", str(data), str(review)]) == 0
    assert "added 1 to commitment_events.csv, 1 to pledge_lines.csv, 1 to sources.csv" in capsys.readouterr().out
    events = (data / "commitment_events.csv").read_text(encoding="utf-8")
    assert "EST-leopard-2a4-2024-06-03,EST-leopard-2a4,2024-06-03,announced,7," in events
    assert main(["validate", "--data", str(data)]) == 0
    # the same review again adds the same rows under new ids only if accepted again: here nothing is marked
    _decide(review, lambda row: "")
    assert main(["accept", "--data", str(data), str(review)]) == 0
    assert (data / "commitment_events.csv").read_text(encoding="utf-8") == events


def test_accept_refuses_a_row_that_would_fail_validation_and_changes_nothing(tmp_path, capsys):
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    review = _review(tmp_path, data, [ESTONIA])
    _decide(review, lambda row: "accepted")
    with review.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    rows[0]["date"] = "2024-02-30"  # no such day
    with review.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    before = {p.name: p.read_bytes() for p in data.glob("*.csv")}
    assert main(["accept", "--data", str(data), str(review)]) == 1
    captured = capsys.readouterr()
    assert "commitment_events.csv" in captured.out and "accept refused" in captured.err
    assert {p.name: p.read_bytes() for p in data.glob("*.csv")} == before


def test_two_labellers_agree_on_22_of_23_rows():
    """The second labeller of tests/propose/agreement/ against the first, scored as the reader is: the labels
    are consistent enough to measure a reader against (the held-out items' sources are in their feed_items.csv)."""
    from tracker.propose.evaluate import COUNTED, agreement

    result = agreement()
    assert result.rates(["en"], COUNTED)[:3] == (22, 22, 23)
    assert result.rates(["uk"], COUNTED)[:3] == (22, 22, 23)


@pytest.mark.parametrize(
    "k, n, low, high",
    # Newcombe, "Two-sided confidence intervals for the single proportion: comparison of seven methods",
    # Statistics in Medicine 17 (1998) 857-872, https://doi.org/10.1002/(SICI)1097-0258(19980430)17:8<857::AID-SIM777>3.0.CO;2-E,
    # Table II, method 3 (score interval without continuity correction)
    [(81, 263, 0.2553, 0.3662), (15, 148, 0.0624, 0.1605), (0, 20, 0.0, 0.1611), (1, 29, 0.0061, 0.1718)],
)
def test_the_held_out_interval_is_wilsons(k, n, low, high):
    assert evaluation.wilson(k, n) == (pytest.approx(low, abs=5e-5), pytest.approx(high, abs=5e-5))
    assert evaluation.wilson(0, 0) is None


def test_the_evaluation_report_is_up_to_date():
    assert evaluation.main(["--check"]) == 0, "run python -m tracker.propose.evaluate"


def test_one_article_to_a_review_file_that_accept_reads(tmp_path, capsys):
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    article = tmp_path / "article.txt"
    article.write_text(ESTONIA["text_en"], encoding="utf-8")
    url = ESTONIA["source_url"]
    assert (
        main(["propose", "--data", str(data), str(article), "--published", ESTONIA["date"], "--url", url, "--format", "csv"]) == 0
    )
    review = tmp_path / "review.csv"
    review.write_text(capsys.readouterr().out, encoding="utf-8")
    _decide(review, lambda row: "accepted")
    assert main(["accept", "--data", str(data), str(review)]) == 0
    assert f",{url},{ESTONIA['date']}," in (data / "sources.csv").read_text(encoding="utf-8")


def test_a_feed_of_plain_text_is_read_in_the_language_asked(tmp_path, capsys):
    feed = tmp_path / "feed.csv"
    feed.write_text(
        'date,text,url\n2023-01-25,"Deutschland hat am Montag vierzehn Leopard 2 zugesagt.",https://example.org/a\n',
        encoding="utf-8",
    )
    review = tmp_path / "review.csv"
    assert main(["propose", "--feed", str(feed), "--lang", "de", "--out", str(review)]) == 0
    with review.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert [(r["kind"], r["donor"], r["quantity"], r["date"], r["language"]) for r in rows] == [
        ("announced", "DEU", "14", "2023-01-23", "de")
    ]
    feed.write_bytes(b"date,text\n2023-01-25,caf\xe9\n")
    assert main(["propose", "--feed", str(feed), "--out", str(review)]) == 2
    assert "not a UTF-8 CSV file" in capsys.readouterr().err


def test_catalog_names_in_brackets_are_names_too():
    """data/systems.csv and system_families.csv: a bracket of names adds them; a bracket that describes names none."""
    from tracker.propose.lexicon import catalog_names

    assert catalog_names("Stridsbåt 90 (CB90)") == ["Stridsbåt 90", "CB90"]
    assert catalog_names("Saab 340 AEW&C (ASC 890 / S 100D Argus)") == ["Saab 340 AEW&C", "ASC 890", "S 100D Argus"]
    assert catalog_names("CVR(T)") == ["CVR(T)"]
    assert catalog_names("Mortar (generic)") == []
    assert catalog_names("122 mm rockets (Grad type)") == []
    assert catalog_names("Non-combat military vehicles (trucks, cars, ambulances)") == []


def test_donors_named_together_each_give_what_they_make(reader):
    """https://www.berliner-zeitung.de/news/daenemark-und-niederlande-spenden-der-ukraine-14-leopard-2-panzer-li.340109:
    two donors together buy one figure (a claim); two donors together with a system each, each made by one of them
    (system_families.csv, origin_country), give each their own, with a doubt; "lieferten" is a delivery."""
    text = (
        "Dänemark und die Niederlande wollen 14 Leopard-2-Panzer kaufen, um sie dann kostenlos der Ukraine zu "
        "überlassen. Deutschland und Großbritannien lieferten der Ukraine Ende März 18 moderne Leopard-2-Panzer und "
        "14 Panzer vom Typ Challenger 2."
    )
    found = reader.propose(text, "de", date(2023, 4, 13))
    assert [(c.kind, c.donor, c.system_family, c.quantity, c.date_precision) for c in found] == [
        ("claim", None, "leopard-2", 14, None),
        ("delivered", "DEU", "leopard-2", 18, "month"),
        ("delivered", "GBR", "challenger-2", 14, "month"),
    ]
    assert found[1].date == date(2023, 3, 1)
    assert any("what it makes" in why for why in found[2].doubts)


@pytest.mark.parametrize(
    "lang, text, published, day, precision",
    [
        # https://www.lapresse.ca/actualites/national/2022-04-26/guerre-en-ukraine/ottawa-achete-des-vehicules-blindes-pour-kyiv.php
        (
            "fr",
            "La semaine dernière, le Canada a envoyé en Ukraine quatre obusiers M777.",
            date(2022, 4, 26),
            date(2022, 4, 1),
            "month",
        ),
    ],
)
def test_this_week_or_month_and_the_one_before_are_dates_of_month_precision(reader, lang, text, published, day, precision):
    (found,) = reader.propose(text, lang, published)
    assert (found.date, found.date_precision) == (day, precision)


def test_a_week_across_two_months_is_known_to_its_year_and_one_across_two_years_not_at_all():
    from tracker.propose.dates import _period

    assert _period(date(2024, 10, 9), "week", -1) == (date(2024, 1, 1), "year")  # 30 September to 6 October
    assert _period(date(2022, 4, 26), "week", -1) == (date(2022, 4, 1), "month")  # 18 to 24 April
    assert _period(date(2023, 1, 3), "week", -1) is None  # 26 December 2022 to 1 January 2023
    assert _period(date(2023, 3, 2), "month", -1) == (date(2023, 2, 1), "month")
    assert _period(date(2023, 1, 5), "month", -1) == (date(2022, 12, 1), "month")


def test_a_sentence_dated_by_its_own_since_or_deadline_borrows_no_date(reader):
    """http://en.people.cn/n3/2023/0119/c90000-10198056.html: what Canada committed "since February 2022" is not of
    the lede's day."""
    text = (
        "OTTAWA, Jan. 18 (Xinhua) -- Canada will donate 200 Senator Armoured Personnel Carriers to Ukraine as a new "
        "package of military assistance, Defence Minister Anita Anand announced Wednesday.\n\n"
        "Canada's military assistance committed to Ukraine since February 2022 includes 39 armoured combat support "
        "vehicles, according to the release."
    )
    found = reader.propose(text, "en", date(2023, 1, 19))
    assert [(c.donor, c.system_family, c.quantity, c.date) for c in found] == [
        ("CAN", "roshel-senator", 200, date(2023, 1, 18)),
        ("CAN", "acsv", 39, None),
    ]


def test_what_is_being_prepared_for_dispatch_is_still_to_come(reader):
    """https://glavcom.ua/world/world-politics/artustanovki-i-refrizheratori-ukrajina-otrimala-cherhovu-partiju-dopomohi-vid-nimechchini-875347.html:
    six Gepards "готуються до відправлення" are a pledge of no date, not of the day the lede reports."""
    text = (
        "Україна отримала від Німеччини чергову партію самохідних зенітних систем Gepard. Про це повідомляє пресслужба "
        "уряду Німеччини у середу, 14 вересня.\n\n"
        "Відомо, що шість зенітних установок Gepard готуються до відправлення в Україну."
    )
    found = reader.propose(text, "uk", date(2022, 9, 14))
    assert [(c.kind, c.donor, c.system_family, c.quantity, c.date) for c in found] == [
        ("delivered", "DEU", "gepard", None, date(2022, 9, 14)),
        ("announced", "DEU", "gepard", 6, None),
    ]


def test_a_span_of_months_dates_no_row(reader):
    """https://deutsch.radio.cz/tschechien-lieferte-von-januar-bis-mai-24-panzer-und-17-schuetzenpanzer-der-8787125:
    deliveries "von Januar bis Mai" happened over five months, not in January."""
    text = "Tschechien hat von Januar bis Mai dieses Jahres 24 Panzer, 17 Schützenpanzer und 645 Panzerabwehrlenkraketen an die Ukraine geliefert."
    found = reader.propose(text, "de", date(2023, 6, 27))
    assert [(c.kind, c.donor, c.system_family, c.quantity, c.date) for c in found] == [
        ("delivered", "CZE", "armoured-vehicle", 17, None)
    ]
