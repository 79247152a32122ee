-- Taken by date, a pledge line's first event is 'announced' (or 'declined', for a refusal) and
-- no 'announced' event follows another event.
WITH ordered AS (
    SELECT
        event_id, line_id, date, event_type,
        row_number() OVER w AS position,
        lag(event_id) OVER w AS previous_event,
        lag(date) OVER w AS previous_date
    FROM commitment_events
    WHERE date_latest IS NOT NULL AND event_type IS NOT NULL
    WINDOW w AS (PARTITION BY line_id ORDER BY date_latest, date_earliest, event_id)
)
SELECT 'commitment_events' AS table_name, event_id AS key, 'event_type' AS column_name, event_type AS value,
    CASE WHEN position = 1
        THEN format('is the first event of line {} by date, but a line must start with ''announced'' or ''declined'' (events out of order, or the announcement is missing)', line_id)
        ELSE format('is out of order: event {} of the same line is dated earlier ({}), but ''{}'' must be the line''s first event', previous_event, previous_date, event_type)
    END AS message
FROM ordered
WHERE (position = 1 AND event_type NOT IN ('announced', 'declined'))
   OR (position > 1 AND event_type IN ('announced', 'declined'))
