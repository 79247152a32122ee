-- Committed and delivered units over time summed over all filtered lines, as known on $as_of:
-- one row per day on which any of them changed, plus a closing row on $as_of.
WITH lines AS (
    SELECT line_id FROM ({filtered_lines}) WHERE unit = 'units'
), days AS (
    SELECT DISTINCT h.valid_from AS day
    FROM pledge_line_history AS h JOIN lines USING (line_id)
    WHERE h.valid_from <= $as_of::DATE
    UNION
    SELECT $as_of::DATE
)
SELECT d.day AS date, sum(h.committed) AS committed, sum(h.delivered) AS delivered, count(h.line_id) AS pledge_lines
FROM days AS d
JOIN pledge_line_history AS h ON h.valid_from <= d.day AND d.day < h.valid_to
JOIN lines USING (line_id)
GROUP BY d.day
ORDER BY d.day
