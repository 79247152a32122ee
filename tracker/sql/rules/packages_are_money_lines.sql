-- An event that names a package draws on a money line of the same donor: an item line's event
-- adds units that package paid for; a money line's event is a package drawn from an envelope (a
-- year's budget, an appropriation). The package is a line without a system, counted in a
-- currency, that is neither the line itself nor drawn from another envelope.
SELECT 'commitment_events' AS table_name, e.event_id AS key, 'package_line_id' AS column_name, e.package_line_id AS value,
    CASE WHEN p.system_id IS NOT NULL THEN format('must name a money line (a line without a system); {} is a line of {}', p.line_id, p.system_id)
         WHEN p.donor <> l.donor THEN format('must name a line of the same donor ({}); {} is a line of {}', l.donor, p.line_id, p.donor)
         WHEN p.line_id = l.line_id THEN 'must name another line, not the event''s own'
         ELSE format('must name an envelope that is not itself drawn from another ({} is)', p.line_id)
    END AS message
FROM commitment_events AS e
JOIN pledge_lines AS l USING (line_id)
JOIN pledge_lines AS p ON p.line_id = e.package_line_id
WHERE p.system_id IS NOT NULL OR p.donor <> l.donor OR p.line_id = l.line_id
   OR (l.system_id IS NULL AND EXISTS (
        SELECT 1 FROM commitment_events AS pe WHERE pe.line_id = p.line_id AND pe.package_line_id IS NOT NULL))
