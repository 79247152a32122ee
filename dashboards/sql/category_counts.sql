-- Units committed and delivered per category as known on $as_of, over `totals` (totals_as_of.sql),
-- for the lines counted in units: tanks are counted with tanks, never added to howitzers or Patriot
-- batteries. delivered_possible is the upper end of delivered (certain or possible, per line).
-- over: totals = totals_as_of
SELECT
    category,
    sum(committed) AS committed,
    sum(delivered) AS delivered,
    sum(delivered_upper) AS delivered_possible,
    count(DISTINCT donor) FILTER (WHERE committed_lines > 0) AS donors
FROM totals
WHERE unit = 'units' AND category IS NOT NULL
GROUP BY category
HAVING sum(committed) > 0
ORDER BY committed DESC, category
