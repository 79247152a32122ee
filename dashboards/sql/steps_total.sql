-- Committed, delivered and possibly delivered units over time summed over all filtered lines, as known on $as_of:
-- one row per day on which any of them changed, plus a closing row on $as_of. The lines' changes
-- are summed per day at build time (line_changes_daily, lines in units only); here they are
-- narrowed by the page filters (an empty donor list means all donors; a NULL category or family
-- means all) and accumulated over the days.
WITH changes AS (
    SELECT day, committed, delivered, known, new_lines, delivered_possible
    FROM line_changes_daily
    WHERE day <= $as_of::DATE AND unit = 'units'
      AND (len($donors::VARCHAR[]) = 0 OR list_contains($donors::VARCHAR[], donor))
      AND ($category::VARCHAR IS NULL OR category = $category)
      AND ($family::VARCHAR IS NULL OR system_family = $family)
), per_day AS (
    SELECT day, sum(committed) AS committed, sum(delivered) AS delivered, sum(known) AS known,
        sum(new_lines) AS new_lines, sum(delivered_possible) AS delivered_possible
    FROM changes
    GROUP BY day
    UNION ALL
    SELECT $as_of::DATE, 0, 0, 0, 0, 0
)
SELECT
    day AS date,
    -- lines whose committed quantity is known: when none is, committed is NULL, not 0
    CASE WHEN sum(sum(known)) OVER (ORDER BY day) > 0 THEN sum(sum(committed)) OVER (ORDER BY day) END AS committed,
    sum(sum(delivered)) OVER (ORDER BY day) AS delivered,
    -- deliveries whose date window has begun: a month or a by-date is possible before it is certain
    sum(sum(delivered_possible)) OVER (ORDER BY day) AS delivered_possible,
    CAST(sum(sum(new_lines)) OVER (ORDER BY day) AS BIGINT) AS pledge_lines
FROM per_day
GROUP BY day
HAVING EXISTS (SELECT 1 FROM changes)
ORDER BY day
