-- Units are whole: a line of a system commits and delivers whole numbers (a joint pledge is split
-- in whole units and recorded in joint_pledges, not as fractions).
SELECT 'commitment_events' AS table_name, e.event_id AS key, 'committed' AS column_name,
    CAST(e.committed AS VARCHAR) AS value, 'must be a whole number of units' AS message
FROM commitment_events AS e JOIN pledge_lines AS l USING (line_id)
WHERE l.unit = 'units' AND e.committed <> floor(e.committed)
UNION ALL
SELECT 'deliveries', d.delivery_id, 'quantity', CAST(d.quantity AS VARCHAR), 'must be a whole number of units'
FROM deliveries AS d JOIN pledge_lines AS l USING (line_id)
WHERE l.unit = 'units' AND d.quantity <> floor(d.quantity)
