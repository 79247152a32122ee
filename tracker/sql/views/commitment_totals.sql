-- commitment_totals: each dated commitment event with the committed total of its line that it
-- makes certain from its day (date_latest) on. An increase of undisclosed size keeps the total
-- disclosed before it, which is then a floor (floor_only); any other event without a number has
-- none. pledge_line_history builds on it, and the rules that compare a line's commitment with its
-- deliveries or a joint total read it without the whole history.
CREATE OR REPLACE VIEW commitment_totals AS
WITH stated AS (
    SELECT line_id, date_latest AS day, date_earliest, event_id, event_type, committed AS stated, source_id,
        last_value(committed IGNORE NULLS) OVER (
            PARTITION BY line_id ORDER BY date_latest, event_id ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING
        ) AS disclosed_before
    FROM commitment_events
    WHERE date_latest IS NOT NULL
)
SELECT *,
    event_type = 'increased' AND stated IS NULL AND disclosed_before IS NOT NULL AS floor_only,
    CASE WHEN event_type = 'increased' AND stated IS NULL THEN disclosed_before ELSE stated END AS committed
FROM stated;
