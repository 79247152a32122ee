-- The commitment events announced at one meeting, with the line's total before and after.
WITH events AS (
    SELECT e.*, lag(e.committed, 1, 0) OVER (PARTITION BY e.line_id ORDER BY e.date_latest) AS committed_before
    FROM commitment_events AS e
)
SELECT e.event_id, dn.name AS donor, coalesce(sy.name, l.description, l.line_id) AS system, l.unit, e.date::VARCHAR AS date, e.event_type,
       e.committed_before, e.committed AS committed_after, s.title AS source_title, s.url AS source_url, e.source_id
FROM events AS e
JOIN pledge_lines AS l USING (line_id)
JOIN donors AS dn ON dn.donor_id = l.donor
LEFT JOIN systems AS sy ON sy.system_id = l.system_id
LEFT JOIN sources AS s ON s.source_id = e.source_id
WHERE e.meeting_id = $meeting
ORDER BY dn.name, sy.name
