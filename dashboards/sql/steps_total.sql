-- Committed and delivered units over time summed over all filtered lines, as known on $as_of:
-- one row per day on which any of them changed, plus a closing row on $as_of.
-- Each line's change on a day (its total minus its previous total) is summed per day and the sums
-- accumulated over the days: one pass over the history, however many days and lines there are.
WITH lines AS (
    SELECT line_id FROM ({filtered_lines}) WHERE unit = 'units'
), changes AS (
    SELECT
        h.valid_from AS day,
        coalesce(h.committed, 0) - coalesce(lag(h.committed) OVER w, 0) AS committed,
        -- lines whose committed quantity is known: all of a donor's undisclosed gives NULL, not 0
        (h.committed IS NOT NULL)::INTEGER - coalesce((lag(h.committed) OVER w IS NOT NULL)::INTEGER, 0) AS known,
        h.delivered - coalesce(lag(h.delivered) OVER w, 0) AS delivered,
        CASE WHEN lag(h.valid_from) OVER w IS NULL THEN 1 ELSE 0 END AS new_line
    FROM pledge_line_history AS h
    JOIN lines USING (line_id)
    WHERE h.valid_from <= $as_of::DATE
    WINDOW w AS (PARTITION BY h.line_id ORDER BY h.valid_from)
), per_day AS (
    SELECT day, sum(committed) AS committed, sum(delivered) AS delivered, sum(known) AS known, sum(new_line) AS new_lines
    FROM changes
    GROUP BY day
    UNION ALL
    SELECT $as_of::DATE, 0, 0, 0, 0
)
SELECT
    day AS date,
    CASE WHEN sum(sum(known)) OVER (ORDER BY day) > 0 THEN sum(sum(committed)) OVER (ORDER BY day) END AS committed,
    sum(sum(delivered)) OVER (ORDER BY day) AS delivered,
    CAST(sum(sum(new_lines)) OVER (ORDER BY day) AS BIGINT) AS pledge_lines
FROM per_day
GROUP BY day
HAVING (SELECT count(*) FROM lines) > 0
ORDER BY day
