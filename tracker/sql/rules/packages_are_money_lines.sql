-- An event that names a package adds to an item line what a money line of the same donor paid
-- for: the package is a line without a system, counted in a currency, and a money line's own
-- events are not inside another package.
SELECT 'commitment_events' AS table_name, e.event_id AS key, 'package_line_id' AS column_name, e.package_line_id AS value,
    CASE WHEN p.system_id IS NOT NULL THEN format('must name a money line (a line without a system); {} is a line of {}', p.line_id, p.system_id)
         WHEN p.donor <> l.donor THEN format('must name a line of the same donor ({}); {} is a line of {}', l.donor, p.line_id, p.donor)
         ELSE format('only an event of an item line can be inside a package; {} is a money line', l.line_id)
    END AS message
FROM commitment_events AS e
JOIN pledge_lines AS l USING (line_id)
JOIN pledge_lines AS p ON p.line_id = e.package_line_id
WHERE p.system_id IS NOT NULL OR p.donor <> l.donor OR l.system_id IS NULL
