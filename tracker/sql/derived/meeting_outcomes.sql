-- meeting_outcomes: one row per donor meeting (Contact Group, NATO) with the commitments announced
-- at it, as everything recorded has it. A commitment event counts for a meeting when its meeting_id
-- names it (the source says it was announced there).
-- * events, lines, donors, donor_codes: the events announced at the meeting, their pledge lines
--   and donors.
-- * units_announced: what those events added to their lines, in units (an increase from 14 to 18
--   adds 4; money lines and reductions are left out).
-- * value_eur_announced: what they added to their lines' EUR value (line_values conventions:
--   stated value, else units x unit price); value_is_estimate when any part of it comes from a
--   unit price; lines_unvalued counts the lines that could not be valued.
-- * delivered_within_6_months: of the units announced there (and still committed today), how many
--   were delivered within six months of the day they were announced (first in, first out, as
--   delivery_matches_as_of pairs them), and share_delivered_within_6_months of units_announced.
--   delivered_to_date: how many were delivered at all. Deliveries count at the end of their date's
--   period, so a delivery known only as "by 2024-08-06" is not within six months of a 2023
--   meeting; dates_exact is false when such a date is involved.
-- Example: SELECT meeting_id, units_announced, delivered_within_6_months FROM meeting_outcomes WHERE events > 0;
CREATE OR REPLACE TABLE meeting_outcomes AS
WITH steps AS (  -- what each change of a line added: committed and EUR value against the row before
    SELECT v.line_id, v.valid_from, v.last_event_id, v.value_basis,
        v.committed - coalesce(lag(v.committed) OVER w, 0) AS units_added,
        v.value_eur - coalesce(lag(v.value_eur) OVER w, 0) AS eur_added,
        v.value_eur IS NULL AS unvalued
    FROM pledge_line_values AS v
    WHERE v.line_id IN (SELECT line_id FROM commitment_events WHERE meeting_id IS NOT NULL)  -- a line's steps are its own
    WINDOW w AS (PARTITION BY v.line_id ORDER BY v.valid_from)
), announced AS (
    SELECT e.meeting_id, e.event_id, e.line_id, l.donor, l.unit, s.units_added, s.eur_added, s.value_basis, s.unvalued
    FROM commitment_events AS e
    JOIN pledge_lines AS l USING (line_id)
    JOIN steps AS s ON s.line_id = e.line_id AND s.valid_from = e.date_latest AND s.last_event_id = e.event_id
    WHERE e.meeting_id IS NOT NULL
), matched AS (
    SELECT a.meeting_id,
        sum(m.units) FILTER (WHERE m.delivered_on <= m.committed_on + INTERVAL 6 MONTH) AS within_6_months,
        sum(m.units) AS to_date,
        bool_and(m.dates_exact) AS dates_exact
    FROM announced AS a
    JOIN delivery_matches_as_of(DATE '9999-12-30') AS m USING (event_id)
    WHERE a.unit = 'units'
    GROUP BY ALL
), per_meeting AS (
    SELECT meeting_id,
        count(*) AS events,
        count(DISTINCT line_id) AS lines,
        count(DISTINCT donor) AS donors,
        list(DISTINCT donor ORDER BY donor) AS donor_codes,
        coalesce(sum(units_added) FILTER (WHERE unit = 'units' AND units_added > 0), 0) AS units_announced,
        sum(eur_added) FILTER (WHERE NOT unvalued) AS value_eur_announced,
        bool_or(value_basis = 'unit_price') AS value_is_estimate,
        count(*) FILTER (WHERE unvalued) AS lines_unvalued
    FROM announced
    GROUP BY ALL
)
SELECT
    m.meeting_id,
    m.series,
    m.number,
    m.date,
    m.last_day,
    m.place,
    coalesce(p.events, 0) AS events,
    coalesce(p.lines, 0) AS lines,
    coalesce(p.donors, 0) AS donors,
    coalesce(p.donor_codes, []) AS donor_codes,
    coalesce(p.units_announced, 0) AS units_announced,
    CAST(p.value_eur_announced AS DOUBLE) AS value_eur_announced,
    p.value_is_estimate,
    coalesce(p.lines_unvalued, 0) AS lines_unvalued,
    CAST(m.date_latest + INTERVAL 6 MONTH AS DATE) AS six_months_after,
    CASE WHEN p.units_announced > 0 THEN coalesce(x.within_6_months, 0) END AS delivered_within_6_months,
    CAST(coalesce(x.within_6_months, 0) / nullif(p.units_announced, 0) AS DOUBLE) AS share_delivered_within_6_months,
    CASE WHEN p.units_announced > 0 THEN coalesce(x.to_date, 0) END AS delivered_to_date,
    coalesce(x.dates_exact, true) AS dates_exact,
    m.outcome,
    m.source_id,
    src.url AS source_url
FROM meetings AS m
LEFT JOIN per_meeting AS p USING (meeting_id)
LEFT JOIN matched AS x USING (meeting_id)
LEFT JOIN sources AS src ON src.source_id = m.source_id
ORDER BY m.date_latest, m.meeting_id;
