-- At no date has more been delivered on a pledge line than was committed on it by then.
-- The first day it happens is reported, on the delivery made that day or else the event that
-- lowered the commitment.
WITH breaches AS (
    SELECT line_id, valid_from, committed, delivered, last_event_id
    FROM pledge_line_history
    WHERE committed IS NOT NULL AND delivered > committed AND last_event_id IS NOT NULL  -- a line whose events are all still possible is not yet committed
    QUALIFY row_number() OVER (PARTITION BY line_id ORDER BY valid_from) = 1
), deliveries_that_day AS (
    SELECT line_id, date_latest, max(delivery_id) AS delivery_id, any_value(date) AS date
    FROM deliveries
    GROUP BY ALL
)
SELECT
    CASE WHEN d.delivery_id IS NULL THEN 'commitment_events' ELSE 'deliveries' END AS table_name,
    coalesce(d.delivery_id, b.last_event_id) AS key,
    CASE WHEN d.delivery_id IS NULL THEN 'committed' ELSE 'quantity' END AS column_name,
    NULL AS value,
    format('brings line {} to {} delivered, above the {} committed on {} (delivered can never exceed committed)',
           b.line_id, number_text(b.delivered), number_text(b.committed), b.valid_from) AS message
FROM breaches AS b
LEFT JOIN deliveries_that_day AS d ON d.line_id = b.line_id AND d.date_latest = b.valid_from
