-- Committed, delivered and possibly delivered units over time summed over all filtered lines, as known on $as_of:
-- one row per day on which any of them changed, plus a closing row on $as_of. The lines' changes
-- are summed per day at build time (line_changes_daily, lines in units only); here they are
-- narrowed by the page filters (an empty donor list means all donors; a NULL category or family
-- means all) and accumulated over the days.
--
-- At most about $points rows: when more days changed, the days are cut into equal spans (from the
-- first change to $as_of) and each span keeps its last day, with the totals on that day and `since`,
-- the span's first changed day (a click on the point lists the changes from `since` to `date`).
-- A chart cannot draw more steps than it has pixels; the step a span hides is narrower than one.
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
), series AS (
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
), span AS (
    SELECT min(date) AS first_day,
           CASE WHEN count(*) <= $points::INTEGER THEN 1
                ELSE ceil((max(date) - min(date) + 1) / $points::INTEGER)::INTEGER END AS days
    FROM series
), spans AS (
    SELECT s.*, (s.date - span.first_day) // span.days AS part FROM series AS s, span
)
SELECT date, committed, delivered, delivered_possible, pledge_lines, min(date) OVER (PARTITION BY part) AS since
FROM spans
QUALIFY row_number() OVER (PARTITION BY part ORDER BY date DESC) = 1
ORDER BY date
