-- The README's coverage statement (`tracker generate`): what the record holds, by kind of line, and
-- how far it reaches in time.
WITH kinds AS (
    SELECT
        count(*) FILTER (WHERE system_id IS NOT NULL AND unit = 'units') AS units_lines,
        count(*) FILTER (WHERE unit = 'items') AS items_lines,
        count(*) FILTER (WHERE unit = 'rounds') AS rounds_lines,
        count(*) FILTER (WHERE unit = 'missiles') AS missiles_lines,
        count(*) FILTER (WHERE system_id IS NULL) AS money_lines,
        count(DISTINCT unit) FILTER (WHERE system_id IS NULL) AS currencies,
        count(DISTINCT donor) AS donors
    FROM pledge_lines
), span AS (
    SELECT min(date_latest) AS first_day, max(date_latest) AS last_day,
        count(*) FILTER (WHERE date_latest > DATE '2023-12-31') AS events_after_2023,
        count(*) FILTER (WHERE date_latest > DATE '2023-12-31' AND l.system_id IS NULL) AS money_events_after_2023
    FROM commitment_events JOIN pledge_lines AS l USING (line_id)
), delivered AS (
    SELECT count(*) FILTER (WHERE date_latest > DATE '2023-12-31' AND origin = 'curated') AS deliveries_after_2023,
        max(date_latest) AS last_delivery
    FROM deliveries
)
SELECT kinds.*, span.* REPLACE ((SELECT last_day FROM record_span) AS last_day), delivered.deliveries_after_2023
FROM kinds, span, delivered
