-- Committed and delivered units over time for the filtered lines, per donor, as known on $as_of:
-- one row per day on which one of the donor's lines changed, holding until the donor's next row,
-- plus a closing row on $as_of so that steps run to the as-of date. Computed as steps_total is, from
-- the changes summed per day at build time (line_changes_daily, lines in units only), accumulated per donor. The $top
-- donors with the most committed on $as_of are drawn one by one; the others are summed into one
-- series (donor '', "Other donors (n)").
WITH changes AS (
    SELECT donor, day, committed, known, delivered
    FROM line_changes_daily
    WHERE day <= $as_of::DATE AND unit = 'units'
      AND (len($donors::VARCHAR[]) = 0 OR list_contains($donors::VARCHAR[], donor))
      AND ($category::VARCHAR IS NULL OR category = $category)
      AND ($family::VARCHAR IS NULL OR system_family = $family)
), ranked AS (
    SELECT donor, row_number() OVER (ORDER BY sum(committed) DESC, donor) AS rank
    FROM changes
    GROUP BY donor
), grouped AS (
    SELECT CASE WHEN r.rank <= $top::INTEGER THEN c.donor ELSE '' END AS donor, c.day, c.committed, c.known, c.delivered
    FROM changes AS c
    JOIN ranked AS r USING (donor)
), per_day AS (
    SELECT donor, day, sum(committed) AS committed, sum(delivered) AS delivered, sum(known) AS known
    FROM grouped
    GROUP BY ALL
    UNION ALL
    SELECT DISTINCT donor, $as_of::DATE, 0, 0, 0 FROM grouped
), names AS (
    SELECT r.donor, dn.name AS donor_name FROM ranked AS r JOIN donors AS dn ON dn.donor_id = r.donor
    UNION ALL
    SELECT '', 'Other donors (' || count(*) || ')' FROM ranked WHERE rank > $top::INTEGER
)
SELECT
    p.day AS date,
    p.donor,
    n.donor_name,
    CASE WHEN sum(sum(p.known)) OVER (PARTITION BY p.donor ORDER BY p.day) > 0
         THEN sum(sum(p.committed)) OVER (PARTITION BY p.donor ORDER BY p.day) END AS committed,
    sum(sum(p.delivered)) OVER (PARTITION BY p.donor ORDER BY p.day) AS delivered,
    p.day = $as_of::DATE AS is_as_of_row
FROM per_day AS p
JOIN names AS n USING (donor)
GROUP BY p.donor, n.donor_name, p.day
ORDER BY p.donor = '', p.donor, p.day
