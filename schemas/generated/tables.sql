-- Generated from schemas/ by `tracker generate`; do not edit by hand.
CREATE TABLE outlets (
    domain VARCHAR NOT NULL,
    publisher VARCHAR NOT NULL,
    reliability VARCHAR NOT NULL,
    note VARCHAR
);
COMMENT ON TABLE outlets IS 'Publishers we know by their web address, with how far we trust them. `tracker import kiel` names and grades the pages Kiel cites from this table (an address not listed is graded secondary under its domain name); a source row can still be graded by hand. Primary key: domain.';
COMMENT ON COLUMN outlets.domain IS 'Registered domain of the publisher''s site, without www (defense.gov, reuters.com).';
COMMENT ON COLUMN outlets.publisher IS 'The publisher''s name as we write it in sources.publisher.';
COMMENT ON COLUMN outlets.reliability IS 'Grade given to its documents (see sources.reliability).';
COMMENT ON COLUMN outlets.note IS 'Our own remarks (why an outlet is graded weak).';

CREATE TABLE sources (
    source_id VARCHAR NOT NULL,
    publisher VARCHAR NOT NULL,
    title VARCHAR NOT NULL,
    url VARCHAR,
    published VARCHAR,
    published_earliest DATE,
    published_latest DATE,
    published_precision VARCHAR,
    language VARCHAR,
    reliability VARCHAR NOT NULL,
    note VARCHAR
);
COMMENT ON TABLE sources IS 'Every publication a row cites: official releases, news reports, datasets. One row per document; other tables point here with source_id. Primary key: source_id.';
COMMENT ON COLUMN sources.source_id IS 'Our identifier for the document, e.g. reuters-2023-02-08-portugal-leopard.';
COMMENT ON COLUMN sources.publisher IS 'Who published it (ministry, outlet, institute), e.g. Reuters, Bundesregierung.';
COMMENT ON COLUMN sources.title IS 'Title of the document as published (in its own language).';
COMMENT ON COLUMN sources.url IS 'Address of the document; empty only for print or offline material.';
COMMENT ON COLUMN sources.published IS 'Publication date, at day, month, quarter or year precision (2023-02-14, 2023-02, 2023-Q1, 2023). Empty only for a web page we know by its address alone (such as the pages Kiel cites); a source without a url must have one.';
COMMENT ON COLUMN sources.published_earliest IS 'First day that published can mean (the date itself at day precision; NULL for a by-date such as ../2023-02-24).';
COMMENT ON COLUMN sources.published_latest IS 'Last day that published can mean; as-of answers count the row from this day.';
COMMENT ON COLUMN sources.published_precision IS 'Precision of published: day, month, quarter, year, or by (on or before the date written).';
COMMENT ON COLUMN sources.language IS 'Language of the document, ISO 639-1 code (en, de, ja, uk, ru ...); empty when not known.';
COMMENT ON COLUMN sources.reliability IS 'official (government, armed forces, international body); major_outlet (wire services, national broadcasters and papers of record); specialist (defence press, research institutes); secondary (aggregators and smaller outlets quoting others); weak (outlets with a record of propaganda or errors, used only when they quote an official).';
COMMENT ON COLUMN sources.note IS 'Our own remarks on the document (never text copied from it).';

CREATE TABLE donors (
    donor_id VARCHAR NOT NULL,
    name VARCHAR NOT NULL,
    other_names VARCHAR[],
    donor_type VARCHAR NOT NULL,
    iso_alpha2 VARCHAR,
    nato_member_since VARCHAR,
    nato_member_since_earliest DATE,
    nato_member_since_latest DATE,
    nato_member_since_precision VARCHAR,
    eu_member_since VARCHAR,
    eu_member_since_earliest DATE,
    eu_member_since_latest DATE,
    eu_member_since_precision VARCHAR,
    source_id VARCHAR,
    note VARCHAR
);
COMMENT ON TABLE donors IS 'Governments and institutions that give aid. Countries are keyed by ISO 3166-1 alpha-3; donors that are not countries use a code from ISO''s user-assigned range (X..). Primary key: donor_id. References: source_id -> sources.source_id.';
COMMENT ON COLUMN donors.donor_id IS 'ISO 3166-1 alpha-3 code (DEU, POL, NAM) or a user-assigned X-code for an institution (XEU = EU institutions).';
COMMENT ON COLUMN donors.name IS 'Short English name.';
COMMENT ON COLUMN donors.other_names IS 'Other names the donor goes by in the sources and trackers we read (Kiel''s "European Peace Facility" for XEU), separated by semicolons; importers match them case-insensitively.';
COMMENT ON COLUMN donors.donor_type IS 'country, or international_organisation (EU institutions, NATO funds ...).';
COMMENT ON COLUMN donors.iso_alpha2 IS 'ISO 3166-1 alpha-2 code for countries (DE, PL; NA is Namibia, not a missing value).';
COMMENT ON COLUMN donors.nato_member_since IS 'When the country joined NATO (a day, or a year where only the year is sourced); empty if not a member.';
COMMENT ON COLUMN donors.nato_member_since_earliest IS 'First day that nato_member_since can mean (the date itself at day precision; NULL for a by-date such as ../2023-02-24).';
COMMENT ON COLUMN donors.nato_member_since_latest IS 'Last day that nato_member_since can mean; as-of answers count the row from this day.';
COMMENT ON COLUMN donors.nato_member_since_precision IS 'Precision of nato_member_since: day, month, quarter, year, or by (on or before the date written).';
COMMENT ON COLUMN donors.eu_member_since IS 'When the country joined the EU or its predecessor communities (year precision as sourced); empty if not a member.';
COMMENT ON COLUMN donors.eu_member_since_earliest IS 'First day that eu_member_since can mean (the date itself at day precision; NULL for a by-date such as ../2023-02-24).';
COMMENT ON COLUMN donors.eu_member_since_latest IS 'Last day that eu_member_since can mean; as-of answers count the row from this day.';
COMMENT ON COLUMN donors.eu_member_since_precision IS 'Precision of eu_member_since: day, month, quarter, year, or by (on or before the date written).';
COMMENT ON COLUMN donors.source_id IS 'Source of the membership dates.';
COMMENT ON COLUMN donors.note IS 'Our own remarks.';

CREATE TABLE system_families (
    family_id VARCHAR NOT NULL,
    name VARCHAR NOT NULL,
    origin_country VARCHAR,
    note VARCHAR
);
COMMENT ON TABLE system_families IS 'Families of weapon systems (Leopard 2, M1 Abrams, Patriot). Coalition claims and training programmes refer to a family; pledge lines refer to a variant in systems. Primary key: family_id.';
COMMENT ON COLUMN system_families.family_id IS 'Our identifier, e.g. leopard-2.';
COMMENT ON COLUMN system_families.name IS 'English name of the family, e.g. Leopard 2.';
COMMENT ON COLUMN system_families.origin_country IS 'Country that designed the family (ISO 3166-1 alpha-3).';
COMMENT ON COLUMN system_families.note IS 'Our own remarks.';

CREATE TABLE systems (
    system_id VARCHAR NOT NULL,
    family_id VARCHAR NOT NULL,
    variant VARCHAR,
    name VARCHAR NOT NULL,
    category VARCHAR NOT NULL,
    kiel_item_type VARCHAR,
    kiel_category VARCHAR,
    sipri_category VARCHAR,
    note VARCHAR
);
COMMENT ON TABLE systems IS 'The systems catalog: one row per variant that appears in a pledge line, with its family, category and the categories Kiel and SIPRI would file it under. Primary key: system_id. References: family_id -> system_families.family_id.';
COMMENT ON COLUMN systems.system_id IS 'Our identifier, e.g. leopard-2a6.';
COMMENT ON COLUMN systems.family_id IS 'The family this variant belongs to.';
COMMENT ON COLUMN systems.variant IS 'Variant designation within the family (2A4, 2A6, Strv 122); empty when unspecified.';
COMMENT ON COLUMN systems.name IS 'Display name, e.g. Leopard 2A6.';
COMMENT ON COLUMN systems.category IS 'What kind of system it is. A line of an ammunition system counts rounds, of a missile missiles, of small arms, portable anti-tank or air-defence weapons or equipment items; every other system counts units.';
COMMENT ON COLUMN systems.kiel_item_type IS 'Kiel Ukraine Support Tracker "Type of Item" for this system (e.g. Heavy weapon).';
COMMENT ON COLUMN systems.kiel_category IS 'The category the Kiel website''s per-donor weapons counts file it under (Tanks, IFV, Howitzers, MLRS, Air Defense); empty for what those counts leave out (anti-aircraft guns, mortars, other vehicles).';
COMMENT ON COLUMN systems.sipri_category IS 'SIPRI Arms Transfers Database weapon category.';
COMMENT ON COLUMN systems.note IS 'Our own remarks.';

CREATE TABLE unit_prices (
    system_id VARCHAR NOT NULL,
    price DOUBLE NOT NULL,
    currency VARCHAR NOT NULL,
    basis VARCHAR NOT NULL,
    source_id VARCHAR NOT NULL,
    note VARCHAR
);
COMMENT ON TABLE unit_prices IS 'Estimated price of one unit of a system, for valuing pledge lines that state no value of their own (line_values_as_of flags such values as estimates). One price per system; `tracker import kiel` writes the rows with basis kiel_estimate from the release''s "Unit Price in USD" column and rewrites them on every import; rows with another basis are kept by hand and take precedence over Kiel''s price for their system. Primary key: system_id. References: system_id -> systems.system_id; source_id -> sources.source_id.';
COMMENT ON COLUMN unit_prices.system_id IS 'The system priced (systems.system_id).';
COMMENT ON COLUMN unit_prices.price IS 'Price of one unit, in currency, as the source estimates it (Kiel''s prices are rounded to the whole dollar).';
COMMENT ON COLUMN unit_prices.currency IS 'ISO 4217 currency of price (USD for Kiel''s prices).';
COMMENT ON COLUMN unit_prices.basis IS 'kiel_estimate (the Kiel Institute''s per-item price, written by the importer), official (a price a government or manufacturer states for this system) or other_estimate (another published estimate, named in source_id).';
COMMENT ON COLUMN unit_prices.source_id IS 'The source of the price (for Kiel''s, the release read).';
COMMENT ON COLUMN unit_prices.note IS 'Our own remarks (for Kiel''s, which price we took when its rows price the item differently).';

CREATE TABLE system_aliases (
    alias VARCHAR NOT NULL,
    language VARCHAR NOT NULL,
    family_id VARCHAR NOT NULL,
    system_id VARCHAR
);
COMMENT ON TABLE system_aliases IS 'Names of systems in several languages and spellings (Leopard 2, レオパルト2, Леопард 2), so that a search in any of them finds the family or variant. Primary key: alias, language. References: family_id -> system_families.family_id; system_id -> systems.system_id.';
COMMENT ON COLUMN system_aliases.alias IS 'The name as written in the language.';
COMMENT ON COLUMN system_aliases.language IS 'ISO 639-1 code of the language.';
COMMENT ON COLUMN system_aliases.family_id IS 'The family the alias names.';
COMMENT ON COLUMN system_aliases.system_id IS 'The variant the alias names, when it names one variant rather than the family.';

CREATE TABLE kiel_items (
    kiel_item VARCHAR NOT NULL,
    kiel_item_type VARCHAR NOT NULL,
    kiel_sub_type VARCHAR,
    system_id VARCHAR,
    excluded_because VARCHAR,
    note VARCHAR
);
COMMENT ON TABLE kiel_items IS 'Crosswalk from the item names in the Kiel Ukraine Support Tracker''s main sheet to our systems catalog. `tracker import kiel` reads it: an item with a system_id becomes a pledge line on that system; an item with an exclusion reason is left out on purpose; an item not listed is reported for review. Names match case-insensitively with surrounding spaces ignored. Primary key: kiel_item. References: system_id -> systems.system_id.';
COMMENT ON COLUMN kiel_items.kiel_item IS 'The item as Kiel writes it in its Items column.';
COMMENT ON COLUMN kiel_items.kiel_item_type IS 'Kiel''s "Type of Item" for the rows where the item appears (Heavy weapon, Aviation and drones).';
COMMENT ON COLUMN kiel_items.kiel_sub_type IS 'Kiel''s "Sub-type of item" (155mm howitzer, Main Battle Tank (MBT) ...).';
COMMENT ON COLUMN kiel_items.system_id IS 'The system in our catalog; empty when the item is excluded.';
COMMENT ON COLUMN kiel_items.excluded_because IS 'Why an item without a system is left out (ammunition, repair work, drone ...); empty when mapped.';
COMMENT ON COLUMN kiel_items.note IS 'Our own remarks (e.g. how an unspecified Kiel item was resolved).';

CREATE TABLE kiel_sub_types (
    kiel_item_type VARCHAR NOT NULL,
    kiel_sub_type VARCHAR NOT NULL,
    system_id VARCHAR,
    excluded_because VARCHAR,
    note VARCHAR
);
COMMENT ON TABLE kiel_sub_types IS 'Crosswalk from Kiel''s kinds of aid to our catalog, for items that data/kiel_items.csv does not name: an item is matched by its own name first, then by its "Type of Item" and "Sub-type of item" here (a sub-type such as "155mm howitzer ammunition" maps to a generic system such as ammunition-155mm). Names match case-insensitively with surrounding spaces ignored. Primary key: kiel_item_type, kiel_sub_type. References: system_id -> systems.system_id.';
COMMENT ON COLUMN kiel_sub_types.kiel_item_type IS 'Kiel''s "Type of Item" (Ammunition for heavy weapon, Military equipment ...), lower case.';
COMMENT ON COLUMN kiel_sub_types.kiel_sub_type IS 'Kiel''s "Sub-type of item" (155mm howitzer ammunition, MANPADS ...), lower case.';
COMMENT ON COLUMN kiel_sub_types.system_id IS 'The generic system in our catalog; empty when rows of this kind are left out.';
COMMENT ON COLUMN kiel_sub_types.excluded_because IS 'Why rows of this kind have no system; empty when mapped.';
COMMENT ON COLUMN kiel_sub_types.note IS 'Our own remarks.';

CREATE TABLE kiel_packages (
    kiel_id VARCHAR NOT NULL,
    donor VARCHAR NOT NULL,
    counted_by VARCHAR NOT NULL,
    line_pattern VARCHAR,
    note VARCHAR
);
COMMENT ON TABLE kiel_packages IS 'Kiel packages whose amount our own money lines count instead, so that `tracker import kiel` writes no money line for them: Kiel counts US military aid by the appropriation acts of Congress, we count the packages announced from them. One row per Kiel package id. Primary key: kiel_id. References: donor -> donors.donor_id.';
COMMENT ON COLUMN kiel_packages.kiel_id IS 'Kiel''s package id (the ID column), e.g. USM1.';
COMMENT ON COLUMN kiel_packages.donor IS 'The donor (donors.donor_id).';
COMMENT ON COLUMN kiel_packages.counted_by IS 'Which of our lines count the money instead, in words or as a line id pattern (USA-pda-*).';
COMMENT ON COLUMN kiel_packages.line_pattern IS 'Our money lines that count it, as patterns separated by semicolons (USA-pda-*;USA-usai-*): an item row of the package dated the day of exactly one of those lines'' events is inside that line, so its units are not valued twice.';
COMMENT ON COLUMN kiel_packages.note IS 'Our own remarks.';

CREATE TABLE meetings (
    meeting_id VARCHAR NOT NULL,
    series VARCHAR NOT NULL,
    number BIGINT,
    date VARCHAR NOT NULL,
    date_earliest DATE,
    date_latest DATE,
    date_precision VARCHAR,
    last_day DATE,
    place VARCHAR NOT NULL,
    country VARCHAR,
    format VARCHAR NOT NULL,
    chair VARCHAR,
    participants VARCHAR,
    participant_count BIGINT,
    outcome VARCHAR,
    source_id VARCHAR NOT NULL,
    corroborated_by VARCHAR[],
    note VARCHAR
);
COMMENT ON TABLE meetings IS 'Donor meetings: Ukraine Defense Contact Group ("Ramstein format"), NATO defence ministers and others. Commitment events announced at a meeting point here with meeting_id. Primary key: meeting_id. References: country -> donors.donor_id; source_id -> sources.source_id; corroborated_by -> sources.source_id.';
COMMENT ON COLUMN meetings.meeting_id IS 'Our identifier, e.g. udcg-09.';
COMMENT ON COLUMN meetings.series IS 'udcg (Ukraine Defense Contact Group), nato_defence_ministers, nato_summit or other.';
COMMENT ON COLUMN meetings.number IS 'Number of the meeting within its series (UDCG 9), when the series numbers them.';
COMMENT ON COLUMN meetings.date IS 'First day of the meeting.';
COMMENT ON COLUMN meetings.date_earliest IS 'First day that date can mean (the date itself at day precision; NULL for a by-date such as ../2023-02-24).';
COMMENT ON COLUMN meetings.date_latest IS 'Last day that date can mean; as-of answers count the row from this day.';
COMMENT ON COLUMN meetings.date_precision IS 'Precision of date: day, month, quarter, year, or by (on or before the date written).';
COMMENT ON COLUMN meetings.last_day IS 'Last day, for meetings over several days; empty for one-day meetings.';
COMMENT ON COLUMN meetings.place IS 'Where it was held (NATO headquarters, Brussels), or "virtual".';
COMMENT ON COLUMN meetings.country IS 'Host country (ISO 3166-1 alpha-3); empty for virtual meetings.';
COMMENT ON COLUMN meetings.format IS 'in_person, virtual or hybrid.';
COMMENT ON COLUMN meetings.chair IS 'Who chaired it.';
COMMENT ON COLUMN meetings.participants IS 'Who took part, in our words (e.g. about 50 countries plus Ukraine''s defence minister).';
COMMENT ON COLUMN meetings.participant_count IS 'Number of participating countries where a source states it (approximate counts as stated).';
COMMENT ON COLUMN meetings.outcome IS 'What came out of it, in our own words.';
COMMENT ON COLUMN meetings.source_id IS 'Source for the meeting''s date, place and participants.';
COMMENT ON COLUMN meetings.corroborated_by IS 'Other sources, independent of source_id (another publisher, not relaying the same report), that state the same fact, separated by semicolons. Empty when none was found.';
COMMENT ON COLUMN meetings.note IS 'Our own remarks (conflicting dates, renamings).';

CREATE TABLE joint_pledges (
    joint_pledge_id VARCHAR NOT NULL,
    name VARCHAR NOT NULL,
    system_id VARCHAR NOT NULL,
    date VARCHAR NOT NULL,
    date_earliest DATE,
    date_latest DATE,
    date_precision VARCHAR,
    total DOUBLE NOT NULL,
    split_basis VARCHAR NOT NULL,
    source_id VARCHAR NOT NULL,
    note VARCHAR
);
COMMENT ON TABLE joint_pledges IS 'Pledges made by several donors together (Denmark and the Netherlands: 14 Leopard 2A4). The joint total is split into one pledge line per donor (pledge_lines.joint_pledge_id); only the lines are counted, so the joint total is never added a second time. Primary key: joint_pledge_id. References: system_id -> systems.system_id; source_id -> sources.source_id.';
COMMENT ON COLUMN joint_pledges.joint_pledge_id IS 'Our identifier, e.g. dnk-nld-leopard-2a4.';
COMMENT ON COLUMN joint_pledges.name IS 'Short description, e.g. Denmark and Netherlands Leopard 2A4.';
COMMENT ON COLUMN joint_pledges.system_id IS 'The system pledged jointly.';
COMMENT ON COLUMN joint_pledges.date IS 'Date the joint total was announced.';
COMMENT ON COLUMN joint_pledges.date_earliest IS 'First day that date can mean (the date itself at day precision; NULL for a by-date such as ../2023-02-24).';
COMMENT ON COLUMN joint_pledges.date_latest IS 'Last day that date can mean; as-of answers count the row from this day.';
COMMENT ON COLUMN joint_pledges.date_precision IS 'Precision of date: day, month, quarter, year, or by (on or before the date written).';
COMMENT ON COLUMN joint_pledges.total IS 'Joint total as announced (units).';
COMMENT ON COLUMN joint_pledges.split_basis IS 'How the total is split across donors: equal_shares (no split stated; divided evenly), stated_shares (the donors stated their shares), funding_shares (in proportion to money paid), estimated (our estimate, explained in note).';
COMMENT ON COLUMN joint_pledges.source_id IS 'Source of the joint announcement.';
COMMENT ON COLUMN joint_pledges.note IS 'Our own remarks (who says what about the split).';

CREATE TABLE pledge_lines (
    line_id VARCHAR NOT NULL,
    donor VARCHAR NOT NULL,
    system_id VARCHAR,
    unit VARCHAR NOT NULL,
    joint_pledge_id VARCHAR,
    description VARCHAR,
    origin VARCHAR NOT NULL,
    note VARCHAR
);
COMMENT ON TABLE pledge_lines IS 'One donor''s commitment of one kind of aid: a system (counted in units) or a sum of money (in the currency announced). What was committed when is the line''s history in commitment_events; increases are new events on the same line, not new lines. Primary key: line_id. References: donor -> donors.donor_id; system_id -> systems.system_id; joint_pledge_id -> joint_pledges.joint_pledge_id.';
COMMENT ON COLUMN pledge_lines.line_id IS 'Our identifier, donor code then system, e.g. DEU-leopard-2a6.';
COMMENT ON COLUMN pledge_lines.donor IS 'The donor (donors.donor_id).';
COMMENT ON COLUMN pledge_lines.system_id IS 'The system committed; empty for a money line.';
COMMENT ON COLUMN pledge_lines.unit IS 'What committed counts: units (weapon systems, vehicles, aircraft, vessels) for most systems, items for small arms, portable anti-tank and air-defence weapons and equipment, rounds for ammunition, missiles for a missile, or an ISO 4217 currency code for money (EUR, USD). Totals never add lines of different units.';
COMMENT ON COLUMN pledge_lines.joint_pledge_id IS 'The joint pledge this line is one donor''s share of, if any.';
COMMENT ON COLUMN pledge_lines.description IS 'Short description in our words, e.g. Leopard 2A6 from Bundeswehr stocks.';
COMMENT ON COLUMN pledge_lines.origin IS 'curated (kept by hand) or kiel (written by `tracker import kiel`, which rewrites the line, its events and its Kiel-reported delivery on every import, keeping an event''s meeting_id, value, value_currency and note). Set a line to curated to take it over by hand; the importer then only compares it.';
COMMENT ON COLUMN pledge_lines.note IS 'Our own remarks.';

CREATE TABLE commitment_events (
    event_id VARCHAR NOT NULL,
    line_id VARCHAR NOT NULL,
    date VARCHAR NOT NULL,
    date_earliest DATE,
    date_latest DATE,
    date_precision VARCHAR,
    event_type VARCHAR NOT NULL,
    committed DOUBLE,
    value DOUBLE,
    value_currency VARCHAR,
    package_line_id VARCHAR,
    meeting_id VARCHAR,
    source_id VARCHAR NOT NULL,
    corroborated_by VARCHAR[],
    source_lag_reason VARCHAR,
    kiel_ref VARCHAR[],
    note VARCHAR
);
COMMENT ON TABLE commitment_events IS 'The history of each pledge line: one row per dated announcement, increase, reduction, cancellation or refusal, with the line''s committed total after the event. "Committed as of date D" is the total after the last event that counts by D. Primary key: event_id. References: line_id -> pledge_lines.line_id; package_line_id -> pledge_lines.line_id; meeting_id -> meetings.meeting_id; source_id -> sources.source_id; corroborated_by -> sources.source_id.';
COMMENT ON COLUMN commitment_events.event_id IS 'Our identifier, e.g. DEU-leopard-2a6-2023-02-24.';
COMMENT ON COLUMN commitment_events.line_id IS 'The pledge line this event changes.';
COMMENT ON COLUMN commitment_events.date IS 'Date of the announcement (day, month, quarter or year precision, or ../2023-02-24 for "by that date"; a coarse date counts from the end of its period).';
COMMENT ON COLUMN commitment_events.date_earliest IS 'First day that date can mean (the date itself at day precision; NULL for a by-date such as ../2023-02-24).';
COMMENT ON COLUMN commitment_events.date_latest IS 'Last day that date can mean; as-of answers count the row from this day.';
COMMENT ON COLUMN commitment_events.date_precision IS 'Precision of date: day, month, quarter, year, or by (on or before the date written).';
COMMENT ON COLUMN commitment_events.event_type IS 'announced (first commitment), increased, reduced, cancelled (committed falls to 0), declined (a request or possibility publicly turned down; committed 0).';
COMMENT ON COLUMN commitment_events.committed IS 'The line''s committed total after this event, in the line''s unit (not the change); empty when the quantity is undisclosed.';
COMMENT ON COLUMN commitment_events.value IS 'Announced value of the committed total, when a source states one.';
COMMENT ON COLUMN commitment_events.value_currency IS 'ISO 4217 currency of value (EUR, USD, GBP ...).';
COMMENT ON COLUMN commitment_events.package_line_id IS 'The money line (a package announced as an amount, e.g. USA-pda-2023-01-06 for that day''s US drawdown) whose amount includes what this event added to an item line. Money totals count the package once and leave out the value of the units it includes.';
COMMENT ON COLUMN commitment_events.meeting_id IS 'The meeting at which it was announced, if any.';
COMMENT ON COLUMN commitment_events.source_id IS 'The source that reports this event.';
COMMENT ON COLUMN commitment_events.corroborated_by IS 'Other sources, independent of source_id (another publisher, not relaying the same report), that state the same fact, separated by semicolons. Empty when none was found.';
COMMENT ON COLUMN commitment_events.source_lag_reason IS 'Why the source (source_id) was published before this row''s date or more than 30 days after it, when it was (a later list that is the first to report it, an announcement before the decision); rule sources_dated_near_facts requires it then.';
COMMENT ON COLUMN commitment_events.kiel_ref IS 'The Kiel main-sheet rows this event stands for, each as ID@date#item (DEM2@2024-02-24#leopard-2a6). On a curated line it tells the importer that these rows are already covered.';
COMMENT ON COLUMN commitment_events.note IS 'Our own remarks (what sources disagree on, qualifiers such as "up to").';

CREATE TABLE deliveries (
    delivery_id VARCHAR NOT NULL,
    line_id VARCHAR NOT NULL,
    date VARCHAR NOT NULL,
    date_earliest DATE,
    date_latest DATE,
    date_precision VARCHAR,
    quantity DOUBLE NOT NULL,
    source_id VARCHAR NOT NULL,
    corroborated_by VARCHAR[],
    source_lag_reason VARCHAR,
    origin VARCHAR NOT NULL,
    note VARCHAR
);
COMMENT ON TABLE deliveries IS 'Units (or money) handed over against a pledge line: one row per reported delivery, partial deliveries being normal (Poland''s first 4 of 14). Quantities are per delivery, not cumulative. Primary key: delivery_id. References: line_id -> pledge_lines.line_id; source_id -> sources.source_id; corroborated_by -> sources.source_id.';
COMMENT ON COLUMN deliveries.delivery_id IS 'Our identifier, e.g. POL-leopard-2a4-2023-02-24.';
COMMENT ON COLUMN deliveries.line_id IS 'The pledge line delivered against.';
COMMENT ON COLUMN deliveries.date IS 'Date of arrival in Ukraine or handover (day, month, quarter or year precision, or ../2024-08-06 for "by that date", as when a release reports a count delivered without dating it).';
COMMENT ON COLUMN deliveries.date_earliest IS 'First day that date can mean (the date itself at day precision; NULL for a by-date such as ../2023-02-24).';
COMMENT ON COLUMN deliveries.date_latest IS 'Last day that date can mean; as-of answers count the row from this day.';
COMMENT ON COLUMN deliveries.date_precision IS 'Precision of date: day, month, quarter, year, or by (on or before the date written).';
COMMENT ON COLUMN deliveries.quantity IS 'Units (or money) delivered in this delivery, in the line''s unit.';
COMMENT ON COLUMN deliveries.source_id IS 'The source that reports the delivery.';
COMMENT ON COLUMN deliveries.corroborated_by IS 'Other sources, independent of source_id (another publisher, not relaying the same report), that state the same fact, separated by semicolons. Empty when none was found.';
COMMENT ON COLUMN deliveries.source_lag_reason IS 'Why the source (source_id) was published before this row''s date or more than 30 days after it, when it was (a later list that is the first to report it, an announcement before the decision); rule sources_dated_near_facts requires it then.';
COMMENT ON COLUMN deliveries.origin IS 'curated (dated by hand from a source) or kiel (the part of Kiel''s delivered count that no curated delivery accounts for, dated "by" the release it was read from). The importer rewrites the kiel row of a kiel line; on a curated line the row is kept by hand (reduced as parts get dated, capped where Kiel''s count is wrong).';
COMMENT ON COLUMN deliveries.note IS 'Our own remarks.';

CREATE TABLE coalition_claims (
    claim_id VARCHAR NOT NULL,
    date VARCHAR NOT NULL,
    date_earliest DATE,
    date_latest DATE,
    date_precision VARCHAR,
    claimant VARCHAR NOT NULL,
    measure VARCHAR NOT NULL,
    quantity DOUBLE NOT NULL,
    qualifier VARCHAR NOT NULL,
    system_families VARCHAR[] NOT NULL,
    donors VARCHAR[],
    source_id VARCHAR NOT NULL,
    corroborated_by VARCHAR[],
    source_lag_reason VARCHAR,
    note VARCHAR
);
COMMENT ON TABLE coalition_claims IS 'Aggregate statements about several donors'' aid ("62 Leopard 2 for two battalions", "more than 150 Leopards from nine countries"). Recorded with their own source and scope and reconciled against the sum of the individual pledge lines (view claim_reconciliation); never added to totals. Primary key: claim_id. References: system_families -> system_families.family_id; donors -> donors.donor_id; source_id -> sources.source_id; corroborated_by -> sources.source_id.';
COMMENT ON COLUMN coalition_claims.claim_id IS 'Our identifier, e.g. leopard-2-62-2023-02-14.';
COMMENT ON COLUMN coalition_claims.date IS 'Date the claim was made (a coarse date is reconciled at the end of its period).';
COMMENT ON COLUMN coalition_claims.date_earliest IS 'First day that date can mean (the date itself at day precision; NULL for a by-date such as ../2023-02-24).';
COMMENT ON COLUMN coalition_claims.date_latest IS 'Last day that date can mean; as-of answers count the row from this day.';
COMMENT ON COLUMN coalition_claims.date_precision IS 'Precision of date: day, month, quarter, year, or by (on or before the date written).';
COMMENT ON COLUMN coalition_claims.claimant IS 'Who made the claim (a minister, a government, a newspaper citing officials).';
COMMENT ON COLUMN coalition_claims.measure IS 'What the number counts: committed (promised so far), delivered, or planned (a goal not yet backed by pledges, such as "two battalions").';
COMMENT ON COLUMN coalition_claims.quantity IS 'The number claimed, in units.';
COMMENT ON COLUMN coalition_claims.qualifier IS 'exactly, about, at_least ("more than") or up_to, as the claim words it.';
COMMENT ON COLUMN coalition_claims.system_families IS 'Families the claim covers, separated by semicolons (leopard-2;leopard-1).';
COMMENT ON COLUMN coalition_claims.donors IS 'Donors the claim covers, separated by semicolons; empty means every donor.';
COMMENT ON COLUMN coalition_claims.source_id IS 'The source that reports the claim.';
COMMENT ON COLUMN coalition_claims.corroborated_by IS 'Other sources, independent of source_id (another publisher, not relaying the same report), that state the same fact, separated by semicolons. Empty when none was found.';
COMMENT ON COLUMN coalition_claims.source_lag_reason IS 'Why the source (source_id) was published before this row''s date or more than 30 days after it, when it was (a later list that is the first to report it, an announcement before the decision); rule sources_dated_near_facts requires it then.';
COMMENT ON COLUMN coalition_claims.note IS 'Our own remarks (what the claim includes, how others report it).';

CREATE TABLE training_programmes (
    programme_id VARCHAR NOT NULL,
    name VARCHAR NOT NULL,
    purpose VARCHAR,
    system_family VARCHAR,
    host_country VARCHAR,
    location VARCHAR,
    lead VARCHAR NOT NULL,
    start VARCHAR NOT NULL,
    start_earliest DATE,
    start_latest DATE,
    start_precision VARCHAR,
    planned_end VARCHAR,
    planned_end_earliest DATE,
    planned_end_latest DATE,
    planned_end_precision VARCHAR,
    actual_end VARCHAR,
    actual_end_earliest DATE,
    actual_end_latest DATE,
    actual_end_precision VARCHAR,
    trainees_planned BIGINT,
    trainees_trained BIGINT,
    status VARCHAR NOT NULL,
    pledge_lines VARCHAR[],
    source_id VARCHAR NOT NULL,
    corroborated_by VARCHAR[],
    note VARCHAR
);
COMMENT ON TABLE training_programmes IS 'Programmes that train Ukrainian personnel: for a system (Leopard 2 crews) or a purpose (basic infantry training), with planned and actual timelines and the pledge lines they prepare. Primary key: programme_id. References: system_family -> system_families.family_id; host_country -> donors.donor_id; lead -> donors.donor_id; pledge_lines -> pledge_lines.line_id; source_id -> sources.source_id; corroborated_by -> sources.source_id.';
COMMENT ON COLUMN training_programmes.programme_id IS 'Our identifier, e.g. deu-leopard-2a6-crews.';
COMMENT ON COLUMN training_programmes.name IS 'Name of the programme, in our words or its official name.';
COMMENT ON COLUMN training_programmes.purpose IS 'What it trains for, in our words.';
COMMENT ON COLUMN training_programmes.system_family IS 'The system family trained on, if it is system training.';
COMMENT ON COLUMN training_programmes.host_country IS 'Country where training takes place (ISO 3166-1 alpha-3).';
COMMENT ON COLUMN training_programmes.location IS 'Training site(s).';
COMMENT ON COLUMN training_programmes.lead IS 'Who runs it (a donor code such as DEU, or XEU for the EU).';
COMMENT ON COLUMN training_programmes.start IS 'When training began (or is to begin).';
COMMENT ON COLUMN training_programmes.start_earliest IS 'First day that start can mean (the date itself at day precision; NULL for a by-date such as ../2023-02-24).';
COMMENT ON COLUMN training_programmes.start_latest IS 'Last day that start can mean; as-of answers count the row from this day.';
COMMENT ON COLUMN training_programmes.start_precision IS 'Precision of start: day, month, quarter, year, or by (on or before the date written).';
COMMENT ON COLUMN training_programmes.planned_end IS 'When it was planned to end, as announced ("by the end of March" is 2023-03).';
COMMENT ON COLUMN training_programmes.planned_end_earliest IS 'First day that planned_end can mean (the date itself at day precision; NULL for a by-date such as ../2023-02-24).';
COMMENT ON COLUMN training_programmes.planned_end_latest IS 'Last day that planned_end can mean; as-of answers count the row from this day.';
COMMENT ON COLUMN training_programmes.planned_end_precision IS 'Precision of planned_end: day, month, quarter, year, or by (on or before the date written).';
COMMENT ON COLUMN training_programmes.actual_end IS 'When it actually ended; empty while ongoing or unknown.';
COMMENT ON COLUMN training_programmes.actual_end_earliest IS 'First day that actual_end can mean (the date itself at day precision; NULL for a by-date such as ../2023-02-24).';
COMMENT ON COLUMN training_programmes.actual_end_latest IS 'Last day that actual_end can mean; as-of answers count the row from this day.';
COMMENT ON COLUMN training_programmes.actual_end_precision IS 'Precision of actual_end: day, month, quarter, year, or by (on or before the date written).';
COMMENT ON COLUMN training_programmes.trainees_planned IS 'Number of trainees planned.';
COMMENT ON COLUMN training_programmes.trainees_trained IS 'Number trained, as last reported.';
COMMENT ON COLUMN training_programmes.status IS 'planned, ongoing, completed, suspended or cancelled (as last reported).';
COMMENT ON COLUMN training_programmes.pledge_lines IS 'Pledge lines whose equipment the trainees will operate, separated by semicolons.';
COMMENT ON COLUMN training_programmes.source_id IS 'The source for the programme''s dates and scale.';
COMMENT ON COLUMN training_programmes.corroborated_by IS 'Other sources, independent of source_id (another publisher, not relaying the same report), that state the same fact, separated by semicolons. Empty when none was found.';
COMMENT ON COLUMN training_programmes.note IS 'Our own remarks (disagreeing start dates, course length).';

CREATE TABLE kiel_comparison_notes (
    donor VARCHAR NOT NULL,
    kiel_category VARCHAR NOT NULL,
    explanation VARCHAR NOT NULL,
    source_id VARCHAR
);
COMMENT ON TABLE kiel_comparison_notes IS 'Why our counts differ from the Kiel Institute''s published per-donor heavy-weapon counts (weapons.csv of the Kiel website): one explanation per donor and category, in our words. `tracker compare kiel` puts them beside each difference and fails on a difference without one. Primary key: donor, kiel_category. References: donor -> donors.donor_id; source_id -> sources.source_id.';
COMMENT ON COLUMN kiel_comparison_notes.donor IS 'The donor (donors.donor_id).';
COMMENT ON COLUMN kiel_comparison_notes.kiel_category IS 'Kiel''s website category.';
COMMENT ON COLUMN kiel_comparison_notes.explanation IS 'Why the counts differ, in our words.';
COMMENT ON COLUMN kiel_comparison_notes.source_id IS 'A source that supports the explanation, if one is needed beyond the rows already cited.';

CREATE TABLE kiel_totals_notes (
    note_id VARCHAR NOT NULL,
    year BIGINT NOT NULL,
    donor VARCHAR,
    explanation VARCHAR NOT NULL,
    source_id VARCHAR
);
COMMENT ON TABLE kiel_totals_notes IS 'Why our EUR totals per donor and year differ by more than 10 % from the Kiel Institute''s website figures (data_explorer.csv: military aid per donor and month), in our words. A note with no donor covers every donor in its year. `tracker compare kiel-totals` puts them beside each difference and fails on a difference without one. Primary key: note_id. References: donor -> donors.donor_id; source_id -> sources.source_id.';
COMMENT ON COLUMN kiel_totals_notes.note_id IS 'Our identifier, the year then the donor or "all", e.g. 2022-DEU, 2025-all.';
COMMENT ON COLUMN kiel_totals_notes.year IS 'The calendar year the note explains.';
COMMENT ON COLUMN kiel_totals_notes.donor IS 'The donor (donors.donor_id); empty for a note that covers every donor of the year.';
COMMENT ON COLUMN kiel_totals_notes.explanation IS 'Why the totals differ, in our words.';
COMMENT ON COLUMN kiel_totals_notes.source_id IS 'A source that supports the explanation, if one is needed beyond the rows already cited.';

CREATE TABLE exchange_rates (
    currency VARCHAR NOT NULL,
    date DATE NOT NULL,
    per_eur DOUBLE NOT NULL,
    source_id VARCHAR NOT NULL
);
COMMENT ON TABLE exchange_rates IS 'European Central Bank euro reference rates: units of a currency per 1 EUR on a day, 2021 to 2023. Used to convert stated values to EUR at their announcement date, unit prices at the first announcement of the line they value, and 2021 GDP at the 2021 average USD rate. Primary key: currency, date. References: source_id -> sources.source_id.';
COMMENT ON COLUMN exchange_rates.currency IS 'ISO 4217 code (USD, GBP, NOK ...).';
COMMENT ON COLUMN exchange_rates.date IS 'The day of the reference rate (ECB working days).';
COMMENT ON COLUMN exchange_rates.per_eur IS 'Units of the currency per 1 EUR.';
COMMENT ON COLUMN exchange_rates.source_id IS 'Source of the rate.';

CREATE TABLE gdp (
    donor VARCHAR NOT NULL,
    year BIGINT NOT NULL,
    gdp_usd DOUBLE NOT NULL,
    source_id VARCHAR NOT NULL
);
COMMENT ON TABLE gdp IS 'Gross domestic product per donor and year in current US dollars (World Bank), for totals as a share of GDP. Primary key: donor, year. References: donor -> donors.donor_id; source_id -> sources.source_id.';
COMMENT ON COLUMN gdp.donor IS 'The donor (donors.donor_id).';
COMMENT ON COLUMN gdp.year IS 'Calendar year.';
COMMENT ON COLUMN gdp.gdp_usd IS 'GDP in current US dollars.';
COMMENT ON COLUMN gdp.source_id IS 'Source of the figure.';
