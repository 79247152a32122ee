-- No two events of one pledge line take effect on the same day, or "committed as of" that day
-- would be ambiguous.
WITH shared AS (  -- the days of a line with more than one event, and the first of them
    SELECT line_id, date_latest, min(event_id) AS first_event
    FROM commitment_events
    WHERE date_latest IS NOT NULL
    GROUP BY ALL
    HAVING count(*) > 1
)
SELECT 'commitment_events' AS table_name, e.event_id AS key, 'date' AS column_name, e.date AS value,
    format('takes effect on the same day ({}) as event {} of the same line; merge them into one event', e.date_latest, s.first_event) AS message
FROM commitment_events AS e
JOIN shared AS s USING (line_id, date_latest)
WHERE e.event_id <> s.first_event
