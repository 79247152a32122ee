-- line_changes_daily: the changes of pledge_line_changes summed per day, donor, category and system
-- family, for lines counted in units (a money line's amount is never added to units). The
-- dashboard's step charts (steps, steps_total) read it: a filter on donor, category or family and a
-- running sum over a few thousand days, instead of the as-of state of every line on each request.
CREATE OR REPLACE TABLE line_changes_daily AS
SELECT
    c.day,
    l.donor,
    s.category,
    s.family_id AS system_family,
    sum(c.committed) AS committed,
    sum(c.known) AS known,
    sum(c.delivered) AS delivered,
    sum(c.delivered_possible) AS delivered_possible,
    sum(c.new_line) AS new_lines
FROM pledge_line_changes AS c
JOIN pledge_lines AS l USING (line_id)
LEFT JOIN systems AS s ON s.system_id = l.system_id
WHERE l.unit = 'units'
GROUP BY ALL
ORDER BY c.day, l.donor;
