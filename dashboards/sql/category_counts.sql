-- Units committed and delivered per category as known on $as_of, for the filtered lines counted in
-- units: tanks are counted with tanks, never added to howitzers or Patriot batteries.
WITH lines AS (
    {filtered_lines}
)
SELECT
    category,
    sum(committed) AS committed,
    sum(delivered) AS delivered,
    sum(greatest(delivered_possible, delivered)) AS delivered_possible,
    count(DISTINCT donor) FILTER (WHERE committed > 0) AS donors
FROM lines
WHERE unit = 'units' AND category IS NOT NULL
GROUP BY category
HAVING sum(committed) > 0
ORDER BY committed DESC, category
