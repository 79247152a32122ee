-- Committed, delivered and possibly delivered units over time summed over all filtered lines, as known on $as_of:
-- one row per day on which any of them changed, plus a closing row on $as_of. The lines' changes
-- (pledge_line_changes) are summed per day and accumulated over the days.
WITH lines AS (
    SELECT line_id FROM ({filtered_lines}) WHERE unit = 'units'
), per_day AS (
    SELECT c.day, sum(c.committed) AS committed, sum(c.delivered) AS delivered, sum(c.known) AS known,
        sum(c.new_line) AS new_lines, sum(c.delivered_possible) AS delivered_possible
    FROM pledge_line_changes AS c
    JOIN lines USING (line_id)
    WHERE c.day <= $as_of::DATE
    GROUP BY c.day
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
HAVING (SELECT count(*) FROM lines) > 0
ORDER BY day
