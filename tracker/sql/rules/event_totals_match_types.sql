-- An event's committed total agrees with its type: announced is above 0, increased is above the
-- previous total, reduced below it, and cancelled or declined leave 0.
WITH ordered AS (
    SELECT event_id, line_id, event_type, committed,
        lag(committed) OVER (PARTITION BY line_id ORDER BY date_latest, date_earliest, event_id) AS previous
    FROM commitment_events
    WHERE date_latest IS NOT NULL AND committed IS NOT NULL
)
SELECT 'commitment_events' AS table_name, event_id AS key, 'committed' AS column_name,
    number_text(committed) AS value,
    CASE event_type
        WHEN 'announced' THEN 'must be above 0 for an ''announced'' event (the total committed after it)'
        WHEN 'increased' THEN format('must be above the line''s previous total of {} for an ''increased'' event (committed is the total after the event, not the change)', number_text(previous))
        WHEN 'reduced' THEN format('must be below the line''s previous total of {} for a ''reduced'' event', number_text(previous))
        ELSE format('must be 0 for a ''{}'' event', event_type)
    END AS message
FROM ordered
WHERE (event_type = 'announced' AND committed <= 0)
   OR (event_type = 'increased' AND previous IS NOT NULL AND committed <= previous)
   OR (event_type = 'reduced' AND previous IS NOT NULL AND committed >= previous)
   OR (event_type IN ('cancelled', 'declined') AND committed <> 0)
