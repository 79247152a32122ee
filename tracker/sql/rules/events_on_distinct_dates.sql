-- No two events of one pledge line take effect on the same day, or "committed as of" that day
-- would be ambiguous.
SELECT 'commitment_events' AS table_name, event_id AS key, 'date' AS column_name, date AS value,
    format('takes effect on the same day ({}) as event {} of the same line; merge them into one event', date_latest, first_event) AS message
FROM (
    SELECT event_id, date, date_latest,
        first_value(event_id) OVER (PARTITION BY line_id, date_latest ORDER BY event_id) AS first_event
    FROM commitment_events
    WHERE date_latest IS NOT NULL
)
WHERE event_id <> first_event
