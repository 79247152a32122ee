-- Committed and delivered units over time for the filtered lines, per donor, as known on $as_of:
-- one row per day on which one of the donor's lines changed, holding until the donor's next row,
-- plus a closing row on $as_of so that steps run to the as-of date. Computed as steps_total is, from
-- the changes summed per day at build time (line_changes_daily, lines in units only), accumulated per donor. The $top
-- donors with the most committed on $as_of are drawn one by one; the others are summed into one
-- series (donor '', "Other donors (n)").
--
-- At most about $points rows per donor, as in steps_total: when more days changed, the days are cut
-- into equal spans (the same for every donor, from the first change to $as_of) and each donor's
-- span keeps its last day, with `since`, the donor's first changed day in the span.
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
), series AS (
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
), span AS (
    SELECT min(date) AS first_day,
           CASE WHEN max(rows) <= $points::INTEGER THEN 1
                ELSE ceil((max(date) - min(date) + 1) / $points::INTEGER)::INTEGER END AS days
    FROM (SELECT date, count(*) OVER (PARTITION BY donor) AS rows FROM series)
), spans AS (
    SELECT s.*, (s.date - span.first_day) // span.days AS part FROM series AS s, span
)
SELECT date, donor, donor_name, committed, delivered, is_as_of_row,
       min(date) OVER (PARTITION BY donor, part) AS since
FROM spans
QUALIFY row_number() OVER (PARTITION BY donor, part ORDER BY date DESC) = 1
ORDER BY donor = '', donor, date
