-- The filtered lines' totals as known on $as_of, one row per donor, category and unit: the sums of
-- line_changes_daily up to that day (the month's running sums of line_totals_monthly and the days
-- since), which are the totals of pledge_lines_as_of($as_of) with
-- line_values_as_of($as_of) line by line (an empty donor list means all donors; a NULL category or
-- family means all). A page reads this once per view and derives its headline, category counts and
-- ranking from it (headline.sql, category_counts.sql, donor_ranking.sql run over it as `totals`).
-- EUR sums are NULL when no line of the row has such a value.
WITH month_start AS (  -- the running sums at the start of $as_of's month (the last month's for a later day)
    SELECT donor, category, unit, committed, known, delivered, delivered_possible, delivered_upper, new_lines, committed_lines, unvalued_lines,
        counted_lines, counted_eur, stated_lines, stated_eur, estimated_lines, estimated_eur
    FROM line_totals_monthly
    WHERE $family::VARCHAR IS NULL  -- the monthly sums are not per family: a family sums its days
      AND month = (SELECT max(month) FROM line_totals_monthly WHERE month <= $as_of::DATE)
      AND (len($donors::VARCHAR[]) = 0 OR list_contains($donors::VARCHAR[], donor))
      AND ($category::VARCHAR IS NULL OR category = $category)
), days AS (  -- and the changes since (every change up to $as_of for a family)
    SELECT donor, category, unit, committed, known, delivered, delivered_possible, delivered_upper, new_lines, committed_lines, unvalued_lines,
        counted_lines, counted_eur, stated_lines, stated_eur, estimated_lines, estimated_eur
    FROM line_changes_daily
    WHERE day <= $as_of::DATE
      AND ($family::VARCHAR IS NOT NULL OR day >= date_trunc('month', $as_of::DATE))
      AND (len($donors::VARCHAR[]) = 0 OR list_contains($donors::VARCHAR[], donor))
      AND ($category::VARCHAR IS NULL OR category = $category)
      AND ($family::VARCHAR IS NULL OR system_family = $family)
), totals AS (
    SELECT
        donor,
        category,
        unit,
        sum(committed) AS committed,
        CAST(sum(known) AS BIGINT) AS known,
        sum(delivered) AS delivered,
        sum(delivered_possible) AS delivered_possible,
        sum(delivered_upper) AS delivered_upper,
        CAST(sum(new_lines) AS BIGINT) AS lines,
        CAST(sum(committed_lines) AS BIGINT) AS committed_lines,
        CAST(sum(unvalued_lines) AS BIGINT) AS unvalued_lines,
        CAST(sum(estimated_lines) AS BIGINT) AS estimated_lines,
        CAST(CASE WHEN sum(counted_lines) > 0 THEN sum(counted_eur) END AS DOUBLE) AS counted_eur,
        CAST(CASE WHEN sum(stated_lines) > 0 THEN sum(stated_eur) END AS DOUBLE) AS stated_eur,
        CAST(CASE WHEN sum(estimated_lines) > 0 THEN sum(estimated_eur) END AS DOUBLE) AS estimated_eur
    FROM (SELECT * FROM month_start UNION ALL SELECT * FROM days)
    GROUP BY ALL
)
SELECT t.*, dn.name AS donor_name, dn.donor_type, g.gdp_eur, 2021 AS gdp_year
FROM totals AS t
JOIN donors AS dn ON dn.donor_id = t.donor
LEFT JOIN donor_gdp AS g ON g.donor = t.donor AND g.year = 2021  -- Kiel's convention, as donor_values_as_of
ORDER BY t.donor, t.category, t.unit
