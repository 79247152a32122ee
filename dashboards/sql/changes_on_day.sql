-- What changed for the filtered lines (as known on $as_of) from $since to $day (one day when they
-- are equal): the commitment events and deliveries that take effect then (a coarse date takes
-- effect on the last day of its period), with their sources. This is what a click on a point of a
-- step chart shows (a point of a thinned chart stands for the days since the one before it); the
-- charts count lines of units, so only those are listed.
WITH lines AS (
    SELECT line_id, donor, donor_name, system_name FROM ({line_labels}) WHERE unit = 'units'
)
SELECT 'commitment event' AS kind, e.event_id AS row_id, l.donor_name AS donor, l.system_name AS system,
       e.date::VARCHAR AS date, e.event_type AS what, e.committed AS quantity,
       s.title AS source_title, s.url AS source_url, e.source_id
FROM commitment_events AS e JOIN lines AS l USING (line_id) LEFT JOIN sources AS s USING (source_id)
WHERE e.date_latest BETWEEN $since::DATE AND $day::DATE AND e.date_latest <= $as_of::DATE
UNION ALL
SELECT 'delivery', d.delivery_id, l.donor_name, l.system_name, d.date::VARCHAR, 'delivered', d.quantity,
       s.title, s.url, d.source_id
FROM deliveries AS d JOIN lines AS l USING (line_id) LEFT JOIN sources AS s USING (source_id)
WHERE d.date_latest BETWEEN $since::DATE AND $day::DATE AND d.date_latest <= $as_of::DATE
ORDER BY kind, donor, system
