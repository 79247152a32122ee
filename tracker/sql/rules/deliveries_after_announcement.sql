-- A delivery is not dated before its pledge line's first commitment event, and a line with
-- deliveries has commitment events.
WITH first_event AS (
    SELECT line_id, min(date_latest) AS first_day, arg_min(date, date_latest) AS first_date
    FROM commitment_events
    GROUP BY ALL
)
SELECT 'deliveries' AS table_name, d.delivery_id AS key, 'date' AS column_name, d.date AS value,
    CASE WHEN f.first_day IS NULL
        THEN format('delivers on line {}, which has no commitment events (add its announcement)', d.line_id)
        ELSE format('is before the first commitment event of line {} ({})', d.line_id, f.first_date)
    END AS message
FROM deliveries AS d
LEFT JOIN first_event AS f USING (line_id)
WHERE d.date_latest IS NOT NULL AND d.line_id IS NOT NULL
  AND (f.first_day IS NULL OR d.date_latest < f.first_day)
  AND d.line_id IN (SELECT line_id FROM pledge_lines)
