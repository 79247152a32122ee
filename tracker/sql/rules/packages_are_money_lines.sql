-- A line that names a package is an item of a money line of the same donor: the package is a line
-- without a system, counted in a currency, and is not itself part of another package.
SELECT 'pledge_lines' AS table_name, l.line_id AS key, 'package_line_id' AS column_name, l.package_line_id AS value,
    CASE WHEN p.system_id IS NOT NULL THEN format('must name a money line (a line without a system); {} is a line of {}', p.line_id, p.system_id)
         WHEN p.donor <> l.donor THEN format('must name a line of the same donor ({}); {} is a line of {}', l.donor, p.line_id, p.donor)
         WHEN p.package_line_id IS NOT NULL THEN format('must name a package that is not itself inside a package ({} is inside {})', p.line_id, p.package_line_id)
         ELSE 'a money line cannot be inside a package; only item lines are'
    END AS message
FROM pledge_lines AS l
JOIN pledge_lines AS p ON p.line_id = l.package_line_id
WHERE p.system_id IS NOT NULL OR p.donor <> l.donor OR p.package_line_id IS NOT NULL OR l.system_id IS NULL
