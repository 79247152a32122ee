-- Units are whole: a line of a system commits and delivers whole numbers (a joint pledge is split
-- in whole units and recorded in joint_pledges, not as fractions).
SELECT 'commitment_events' AS table_name, e.event_id AS key, 'committed' AS column_name,
    number_text(e.committed) AS value, 'must be a whole number of units' AS message
FROM commitment_events AS e JOIN pledge_lines AS l USING (line_id)
WHERE l.unit IN ('units', 'items', 'rounds', 'missiles') AND e.committed <> floor(e.committed)
UNION ALL
SELECT 'deliveries', d.delivery_id, 'quantity', number_text(d.quantity), 'must be a whole number of units'
FROM deliveries AS d JOIN pledge_lines AS l USING (line_id)
WHERE l.unit IN ('units', 'items', 'rounds', 'missiles') AND d.quantity <> floor(d.quantity)
