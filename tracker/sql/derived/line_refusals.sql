-- line_refusals: the refusals and cancellations of lines counted in units, with the names they are
-- shown under. The Systems chart marks them where they happened; they are a few in a thousand
-- commitment events, so reading them from here instead of every event of the filtered lines is
-- what keeps the chart's first view fast at 10^6 events.
CREATE OR REPLACE TABLE line_refusals AS
SELECT e.event_id, e.line_id, e.date_latest AS day, e.event_type, l.donor, dn.name AS donor_name,
       s.category, s.family_id AS system_family, s.name AS system_name
FROM commitment_events AS e
JOIN pledge_lines AS l USING (line_id)
JOIN donors AS dn ON dn.donor_id = l.donor
LEFT JOIN systems AS s ON s.system_id = l.system_id
WHERE e.event_type IN ('declined', 'cancelled') AND l.unit = 'units'
ORDER BY system_family, day, l.donor, e.event_id;
