-- A commitment event linked to a meeting is dated within the meeting's days.
SELECT 'commitment_events' AS table_name, e.event_id AS key, 'date' AS column_name, e.date AS value,
    format('is outside the days of meeting {} ({} to {})', m.meeting_id, m.date_earliest,
           coalesce(m.last_day, m.date_latest)) AS message
FROM commitment_events AS e
JOIN meetings AS m USING (meeting_id)
WHERE e.date_latest < m.date_earliest OR e.date_earliest > coalesce(m.last_day, m.date_latest)
