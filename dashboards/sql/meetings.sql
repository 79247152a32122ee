-- Donor meetings held by $as_of within the date range, with what was announced at them (view
-- meeting_outcomes): the commitment events linked to each meeting, the pledge lines they touch,
-- the units they added (lines counted in units only: never rounds, items or money) and their EUR.
WITH linked AS (
    SELECT meeting_id, events, lines, units_announced AS units_added, value_eur_announced
    FROM meeting_outcomes
)
SELECT m.meeting_id, m.series, m.number, m.date::VARCHAR AS date, m.date_latest AS day, m.last_day,
       m.place, m.country, m.format, m.chair, m.participant_count, m.outcome,
       coalesce(k.events, 0) AS events, coalesce(k.lines, 0) AS lines, coalesce(k.units_added, 0) AS units_added,
       k.value_eur_announced,
       s.title AS source_title, s.url AS source_url, m.source_id, m.note
FROM meetings AS m
LEFT JOIN linked AS k USING (meeting_id)
LEFT JOIN sources AS s USING (source_id)
WHERE m.date_latest <= $as_of::DATE
  AND ($start::DATE IS NULL OR m.date_latest >= $start::DATE)
  AND ($end::DATE IS NULL OR m.date_earliest <= $end::DATE)
ORDER BY m.date_latest, m.meeting_id
