-- Refusals and cancellations of the filtered lines made by $as_of: the Systems chart marks them
-- where they happened instead of drawing a line at 0.
WITH lines AS (
    SELECT line_id, donor, donor_name, system_name FROM ({line_labels}) WHERE unit = 'units'
)
SELECT e.date_latest AS date, l.donor, l.donor_name, l.system_name, e.event_type, e.event_id
FROM commitment_events AS e
JOIN lines AS l USING (line_id)
WHERE e.event_type IN ('declined', 'cancelled') AND e.date_latest <= $as_of::DATE
ORDER BY e.date_latest, l.donor
