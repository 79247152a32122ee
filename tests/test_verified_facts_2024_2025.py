"""Facts of 2024 and 2025 verified against their sources by reading them (issue 14): the shipped data
must keep saying them. Each is (table, row key, column, value) with the address of the source that
states it; a change to one of these cells must come with a source that says otherwise. Among them
at least 30 facts dated in 2024 or 2025, and at least 15 money commitments (the amount of a
package, a budget or a contribution on a money line)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tracker.load import read_rows
from tracker.schema import load_package

DATA = Path(__file__).resolve().parent.parent / "data"

FACTS = [  # table, key, column, value, source
    (
        "coalition_claims",
        "air-defence-5-strategic-2024-07-09",
        "quantity",
        "5",
        "https://www.agenziagiornalisticaopinione.it/lancio-dagenzia/the-white-house-joint-statement-on-strengthening-ukraines-air-defenses-by-u-s-president-biden-dutch-prime-minister-schoof-german-chancellor-scholz-italian-prime-minister-meloni/",
    ),
    (
        "coalition_claims",
        "caesar-78-lecornu-2024-01-18",
        "quantity",
        "78",
        "https://euromaidanpress.com/2024/01/18/artillery-coalition-for-ukraine-launches-in-paris-without-ukrainian-defense-minister/",
    ),
    (
        "coalition_claims",
        "patriot-17-trump-2025-07-14",
        "quantity",
        "17",
        "https://unn.ua/en/news/17-patriot-systems-are-already-being-prepared-for-shipment-to-ukraine-trump",
    ),
    (
        "coalition_claims",
        "patriot-3-deu-nor-2025-07-14",
        "quantity",
        "3",
        "https://www.overtdefense.com/2025/07/17/nato-allies-to-buy-patriot-missile-systems-from-us-for-ukraine",
    ),
    (
        "commitment_events",
        "AUS-package-2024-07-2024-07-11",
        "committed",
        "250000000",
        "https://www.dailymail.co.uk/wires/aap/article-13626099/Missiles-anti-tank-weapons-new-Ukraine-aid-measures.html",
    ),
    ("commitment_events", "BEL-f-16-2024-05-28", "committed", "30", "https://nordot.app/1168152329195537082"),
    (
        "commitment_events",
        "CAN-lav-iii-2025-10-21",
        "committed",
        "0",
        "https://www.aa.com.tr/en/americas/canada-scraps-armored-vehicle-rebuild-deal-for-ukraine-report/3724294",
    ),
    (
        "commitment_events",
        "CAN-military-aid-2025-2025-06-17",
        "committed",
        "2000000000",
        "https://www.castanet.net/news/Canada/556695/Canada-pledges-4-3B-in-support-for-Ukraine-as-Carney-Zelenskyy-meet-at-G7",
    ),
    ("commitment_events", "DEU-budget-2025-2025-03-21", "committed", "7000000000", "https://taz.de/!6077366"),
    (
        "commitment_events",
        "DEU-deep-strike-2025-09-09-2025-09-09",
        "committed",
        "300000000",
        "https://www.pravda.com.ua/eng/news/2025/09/9/7530050/",
    ),
    (
        "commitment_events",
        "DEU-m142-himars-2024-05-09",
        "committed",
        "3",
        "https://www.bnnbloomberg.ca/ukraine-to-receive-us-made-mobile-rocket-systems-paid-by-germany-1.2071183",
    ),
    (
        "commitment_events",
        "DEU-patriot-2025-08-01",
        "committed",
        "5",
        "https://www.irishtimes.com/world/europe/2025/08/01/germany-to-deliver-two-patriot-systems-to-ukraine-in-deal-with-us/",
    ),
    (
        "commitment_events",
        "DEU-purl-2025-08-13-2025-08-13",
        "committed",
        "500000000",
        "https://www.uawire.org/germany-to-fund-500-million-aid-package-for-ukraine",
    ),
    (
        "commitment_events",
        "DEU-pzh-2000-2024-02-16",
        "committed",
        "32",
        "https://bmvg.de/de/aktuelles/msc-24-ukraine-unterstuetzung-5742576",
    ),
    (
        "commitment_events",
        "DEU-pzh-2000-2024-09-06",
        "committed",
        "44",
        "https://suv.report/zwoelf-weitere-pzh-2000-fuer-die-ukraine/",
    ),
    (
        "commitment_events",
        "DEU-rch-155-2024-02-16",
        "committed",
        "36",
        "https://www.hartpunkt.de/deutschland-schliesst-sicherheitsabkommen-mit-ukraine-und-liefert-zusaetzliche-waffen-in-milliardenhoehe/",
    ),
    (
        "commitment_events",
        "DEU-support-package-2024-02-16-2024-02-16",
        "committed",
        "1130000000",
        "https://www.hartpunkt.de/deutschland-schliesst-sicherheitsabkommen-mit-ukraine-und-liefert-zusaetzliche-waffen-in-milliardenhoehe/",
    ),
    (
        "commitment_events",
        "DEU-support-package-2024-05-30-2024-05-30",
        "committed",
        "500000000",
        "https://hirado.hu/kulfold/cikk/2024/05/30/ujabb-katonai-segelycsomagot-jelentett-be-a-nemet-vedelmi-miniszter",
    ),
    (
        "commitment_events",
        "DEU-support-package-2024-12-02-2024-12-02",
        "committed",
        "650000000",
        "https://www.koreaherald.com/view.php?ud=20241202050120",
    ),
    (
        "commitment_events",
        "DEU-support-package-2025-10-15-2025-10-15",
        "committed",
        "2000000000",
        "https://menafn.com/1110202079/Germany-Provides-EUR-400M-For-Ukrainian-Long-Range-Drones-Pistorius",
    ),
    (
        "commitment_events",
        "DEU-taurus-2024-02-26",
        "event_type",
        "declined",
        "https://www.mdr.de/nachrichten/welt/osteuropa/politik/ukraine-krieg-russland-scholz-absage-taunus-marschflugkoerper100.html",
    ),
    (
        "commitment_events",
        "DNK-donation-package-18-2024-05-16",
        "committed",
        "5600000000",
        "https://newsukraine.rbc.ua/news/denmark-allocates-750m-in-military-aid-to-1715870812.html",
    ),
    (
        "commitment_events",
        "DNK-donation-package-27-2025-09-26",
        "committed",
        "2700000000",
        "https://en.interfax.com.ua/news/general/1107872.html",
    ),
    (
        "commitment_events",
        "ESP-military-aid-2024-2024-05-27",
        "committed",
        "1000000000",
        "https://president.gov.ua/en/news/ukrayina-uklala-dvostoronnyu-bezpekovu-ugodu-z-ispaniyeyu-91153",
    ),
    (
        "commitment_events",
        "EST-military-aid-2024-03-21-2024-03-21",
        "committed",
        "20000000",
        "https://kaitseministeerium.ee/en/news/pevkur-kyiv-estonia-send-ukraine-artillery-ammunition-and-other-military-aid-worth-20-million",
    ),
    (
        "commitment_events",
        "FIN-defence-package-27-2025-01-31",
        "committed",
        "198000000",
        "https://en.interfax.com.ua/news/general/1044667.html",
    ),
    (
        "commitment_events",
        "FRA-military-aid-2024-2024-02-16",
        "committed",
        "3000000000",
        "https://english.alarabiya.net/News/world/2024/02/16/France-signs-security-agreement-with-Ukraine-pledges-up-to-3-bln-eur-in-military-aid",
    ),
    ("commitment_events", "GBR-lmm-2025-03-02", "committed", "5650", "https://feeds.bbci.co.uk/news/articles/c74knzk9x8zo"),
    (
        "commitment_events",
        "GBR-military-aid-fy2024-25-2024-01-12",
        "committed",
        "2500000000",
        "https://www.scmp.com/news/world/europe/article/3248291/ukraine-war-uks-sunak-gives-strong-signal-kyiv-extra-us32-billion-military-aid",
    ),
    (
        "commitment_events",
        "GBR-military-aid-fy2024-25-2024-04-23",
        "committed",
        "3000000000",
        "https://kyivindependent.com/pm-sunak-to-announce-largest-ever-military-aid-package-to-ukraine-during-visit-to-poland/",
    ),
    (
        "commitment_events",
        "HRV-m-84-2024-10-28",
        "committed",
        "30",
        "https://www.24ur.com/novice/tujina/hrvaska-bo-ukrajini-poslala-tanke-v-zameno-za-nemske-leoparde.html",
    ),
    (
        "commitment_events",
        "JPN-jgsdf-vehicles-2024-10",
        "committed",
        "131",
        "https://ukrinform.jp/rubric-defense/3956715-ri-ben-fang-wei-shengukurainanisarani-yuetaino-zi-wei-dui-che-liangwo-ti-gonghe.html",
    ),
    (
        "commitment_events",
        "LVA-patria-6x6-2025-07-01",
        "committed",
        "42",
        "https://censor.net/en/news/3561008/ukraine-to-receive-patria-armored-personnel-carriers-from-latvia",
    ),
    (
        "commitment_events",
        "NLD-dita-2024-02-27",
        "committed",
        "9",
        "https://kyivindependent.com/netherlands-requested-9-howitzers-for-ukraine-from-czechia/",
    ),
    (
        "commitment_events",
        "NLD-military-aid-2024-2024-04-12",
        "committed",
        "3000000000",
        "https://japannews.yomiuri.co.jp/news-services/reuters/20240413-180256/",
    ),
    (
        "commitment_events",
        "POL-package-46-2025-01-15",
        "committed",
        "200000000",
        "https://en.lb.ua/news/2025/01/15/34574_tusk_poland_prepares_46th_aid.html",
    ),
    (
        "commitment_events",
        "SWE-asc-890-2024-05-29",
        "committed",
        "2",
        "https://oafnation.com/blogs/news/sweden-gives-radar-surveillance-planes-to-ukraine-air-force",
    ),
    (
        "commitment_events",
        "SWE-cv90-2024-12-06",
        "committed",
        "90",
        "https://www.einpresswire.com/article/766809477/joint-infantry-fighting-vehicle-procurement-worth-sek-25-billion-signed",
    ),
    (
        "commitment_events",
        "SWE-support-package-16-2024-05-29",
        "committed",
        "13300000000",
        "https://oafnation.com/blogs/news/sweden-gives-radar-surveillance-planes-to-ukraine-air-force",
    ),
    (
        "commitment_events",
        "SWE-support-package-2025-03-31-2025-03-31",
        "committed",
        "16000000000",
        "https://www.telegraphindia.com/world/sweden-announces-record-1-59-billion-military-aid-package-for-ukraine/cid/2091739",
    ),
    (
        "commitment_events",
        "USA-atacms-2024-03-12",
        "date",
        "2024-03-12",
        "https://kyivindependent.com/reuters-us-secretly-send-long-range-atacms-missiles-to-ukraine",
    ),
    (
        "commitment_events",
        "USA-patriot-2024-09-26",
        "committed",
        "3",
        "https://www.anews.com.tr/world/2024/09/26/biden-announces-79-billion-in-security-assistance-to-ukraine",
    ),
    (
        "commitment_events",
        "USA-pda-2024-05-10-2024-05-10",
        "committed",
        "400000000",
        "https://www.pravda.com.ua/eng/news/2024/05/10/7455224/",
    ),
    (
        "commitment_events",
        "USA-pda-2024-06-07-2024-06-07",
        "committed",
        "225000000",
        "https://www.bnnbloomberg.ca/biden-gives-zelenskiy-225-million-in-aid-apologizes-for-delay-1.2082460",
    ),
    (
        "commitment_events",
        "USA-pda-2024-07-03-2024-07-03",
        "committed",
        "150000000",
        "https://kyivindependent.com/us-announces-new-defense-aid-package/",
    ),
    (
        "commitment_events",
        "USA-pda-2024-08-09-2024-08-09",
        "committed",
        "125000000",
        "https://kyivindependent.com/us-provides-ukraine-with-new-aid-package-worth-125-million/",
    ),
    (
        "commitment_events",
        "USA-pda-2024-09-06-2024-09-06",
        "committed",
        "250000000",
        "https://kyivindependent.com/us-pledges-250-million-military-aid-package-for-ukraine/",
    ),
    (
        "commitment_events",
        "USA-pda-2024-10-21-2024-10-21",
        "committed",
        "400000000",
        "https://dailysabah.com/world/europe/pentagon-chief-unveils-400m-military-aid-during-kyiv-solidarity-trip/amp",
    ),
    (
        "commitment_events",
        "USA-pda-2024-11-01-2024-11-01",
        "committed",
        "425000000",
        "https://www.business-standard.com/amp/world-news/us-is-sending-usd-425-million-in-military-assistance-to-ukraine-124110100973_1.html",
    ),
    (
        "commitment_events",
        "USA-pda-2024-12-30-2024-12-30",
        "committed",
        "1250000000",
        "https://kyivindependent.com/biden-announces-nearly-2-5-billion-in-security-assistance-for-ukraine/",
    ),
    (
        "commitment_events",
        "USA-usai-2024-07-29-2024-07-29",
        "committed",
        "1500000000",
        "https://euromaidanpress.com/2024/07/29/us-announces-1-7-billion-security-package-for-ukraine",
    ),
    (
        "commitment_events",
        "USA-usai-2024-09-26-2024-09-26",
        "committed",
        "2400000000",
        "https://kyivindependent.com/us-pledges-nearly-8-billion-military-aid-package-for-ukraine-zelensky-says/",
    ),
    (
        "commitment_events",
        "USA-usai-2024-12-30-2024-12-30",
        "committed",
        "1220000000",
        "https://abcnews.go.com/International/biden-announces-25-billion-ukraine-defense-assistance/story?id=117193404",
    ),
    ("deliveries", "CAN-coyote-2024-12", "quantity", "64", "https://www.pravda.com.ua/eng/news/2025/06/7/7516093/"),
    (
        "deliveries",
        "DEU-gepard-2024-12",
        "quantity",
        "2",
        "https://www.uawire.org/germany-announces-new-extensive-arms-package-for-ukraine",
    ),
    (
        "deliveries",
        "DEU-marder-1a3-2024-01",
        "quantity",
        "10",
        "https://prod.berliner-zeitung.de/news/krieg-deutschland-liefert-ukraine-neues-luftverteidigungssystem-skynex-panzer-und-munition-li.2173948",
    ),
    (
        "deliveries",
        "DEU-skynex-2024-01",
        "quantity",
        "1",
        "https://prod.berliner-zeitung.de/news/krieg-deutschland-liefert-ukraine-neues-luftverteidigungssystem-skynex-panzer-und-munition-li.2173948",
    ),
    (
        "deliveries",
        "DNK-bohdana-by-2024-09-15",
        "quantity",
        "18",
        "https://menafn.com/1108675330/Ukraine-Receives-18-New-Bohdana-Howitzers-Purchased-By-Denmark",
    ),
    (
        "deliveries",
        "FRA-mirage-2000-5-by-2025-10-24",
        "quantity",
        "3",
        "https://www.imolaoggi.it/2025/10/25/macron-invieremo-a-kiev-altri-missili-e-caccia-mirage/",
    ),
    (
        "deliveries",
        "GBR-military-aid-2025-2025-04-14",
        "quantity",
        "752000000",
        "https://gdnonline.com/Details/1350430/UK-sends-Ukraine-second-part-of-$3bn-loan",
    ),
    ("deliveries", "JPN-jgsdf-vehicles-2026-01-12", "quantity", "14", "https://news.livedoor.com/article/detail/30386601/"),
    ("deliveries", "LVA-patria-6x6-2025-11-06", "quantity", "21", "https://en.interfax.com.ua/news/general/1118454.html"),
    ("deliveries", "NLD-f-16-2025-05-26", "quantity", "1", "https://www.pravda.com.ua/eng/news/2025/05/26/7514170/"),
    ("deliveries", "PRT-ka-32-2024-09", "quantity", "6", "https://www.pravda.com.ua/eng/news/2024/09/8/7473984/"),
    (
        "deliveries",
        "ROU-patriot-by-2024-10-03",
        "quantity",
        "1",
        "https://menafn.com/1108743862/Romania-Confirms-Patriot-System-Delivered-To-Ukraine",
    ),
    (
        "meetings",
        "nato-dm-2024-10",
        "chair",
        "Mark Rutte, NATO Secretary General (his first ministerial)",
        "https://nato.int/cps/uk/natohq/news_229541.htm?selectedLocale=en",
    ),
    ("meetings", "nato-summit-2024", "date", "2024-07-09", "https://trendfeed.dev/fact-sheet-the-2024-nato-summit-in-washington"),
    (
        "meetings",
        "udcg-27",
        "chair",
        "John Healey, UK Defence Secretary, and Boris Pistorius, German Defence Minister (co-chairs)",
        "https://www.eurasiareview.com/12042025-nato-secretary-general-urges-continued-support-at-ukraine-defence-contact-group-meeting/",
    ),
    ("meetings", "udcg-27", "date", "2025-04-11", "https://en.interfax.com.ua/news/general/1063136.html"),
    (
        "meetings",
        "udcg-28",
        "date",
        "2025-06-04",
        "https://unn.ua/en/news/the-ramstein-format-meeting-has-started-zelenskyy-joined-online",
    ),
    (
        "meetings",
        "udcg-29",
        "participant_count",
        "52",
        "https://censor.net/en/news/3564424/fifty-two-countries-attend-ramstein-to-discuss-ukraine-s-defense",
    ),
    ("meetings", "udcg-30", "place", "London", "https://en.interfax.com.ua/news/general/1103293.html"),
    (
        "meetings",
        "udcg-31",
        "date",
        "2025-10-15",
        "https://www.radiosvoboda.org/a/news-nato-data-nastupnoho-ramshtainu/33546969.html",
    ),
    (
        "meetings",
        "udcg-32",
        "format",
        "virtual",
        "https://aus-city.com/cgi-bin/dada/mail.cgi?flavor=archive_bare&id=20251215071436&list=MILITARY_REPORTS",
    ),
    (
        "training_programmes",
        "fra-anne-of-kyiv-brigade",
        "actual_end",
        "2024-11",
        "https://euromaidanpress.com/2024/11/15/france-completes-training-and-equips-ukraines-newly-formed-anna-of-kyiv-brigade/",
    ),
    (
        "training_programmes",
        "gbr-interflex",
        "planned_end",
        "2026-12",
        "https://www.finanznachrichten.de/nachrichten-2025-08/66263320-british-training-of-ukrainian-troops-extended-through-2026-020.htm",
    ),
    (
        "training_programmes",
        "rou-european-f-16-training-centre",
        "start",
        "2024-09",
        "https://ansa.it/amp/nuova_europa/en/news/countries/romania/2024/09/13/ukrainian-pilots-begin-f-16-training-in-romania_332b2569-c434-40c9-baa5-7e1880019c02.html",
    ),
    (
        "training_programmes",
        "xeu-eumam-ukraine",
        "planned_end",
        "2026-11",
        "https://www.pravda.com.ua/eng/news/2024/11/8/7483563/",
    ),
    (
        "training_programmes",
        "xeu-eumam-ukraine",
        "trainees_trained",
        "63000",
        "https://www.pravda.com.ua/eng/news/2024/11/8/7483563/",
    ),
]


@pytest.fixture(scope="module")
def rows():
    package = load_package()
    out = {}
    for table in {f[0] for f in FACTS}:
        spec = package.table(table)
        out[table] = {"|".join(r[k] for k in spec.primary_key): r for r in read_rows(DATA / spec.filename)}
    return out


def test_there_are_at_least_thirty():
    assert len(FACTS) >= 30 and len({f[:3] for f in FACTS}) == len(FACTS)


def test_thirty_are_dated_2024_or_2025_and_fifteen_are_money_commitments(rows):
    lines = {r["line_id"]: r for r in read_rows(DATA / "pledge_lines.csv")}
    dated = [
        f
        for f in FACTS
        if "2024" <= (rows[f[0]][f[1]].get("date") or rows[f[0]][f[1]].get("start") or "").lstrip("./")[:4] <= "2025"
    ]
    money = [
        f
        for f in FACTS
        if f[0] == "commitment_events" and f[2] == "committed" and not lines[rows[f[0]][f[1]]["line_id"]]["system_id"]
    ]
    assert len(dated) >= 30 and len(money) >= 15


@pytest.mark.parametrize("table, key, column, value, source", FACTS, ids=[f"{f[1]}.{f[2]}" for f in FACTS])
def test_verified_fact(rows, table, key, column, value, source):
    row = rows[table][key]
    if column == "corroborated_by":
        assert set(value.split(";")) <= set(row[column].split(";")), source
    else:
        assert row[column] == value, source
