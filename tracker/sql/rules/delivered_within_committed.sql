-- At no date has more been delivered on a pledge line than was committed on it by then.
-- The first day it happens is reported, on the delivery made that day or else the event that
-- lowered the commitment.
WITH changes AS (  -- a line's events set its certain total, its deliveries add to what is certainly delivered (from date_latest)
    SELECT line_id, day, event_id, committed, NULL::DOUBLE AS quantity FROM commitment_totals
    UNION ALL
    SELECT line_id, date_latest, NULL, NULL, quantity FROM deliveries WHERE date_latest IS NOT NULL
), states AS (  -- each day's state, as pledge_line_history has it; before a line's first event it has none
    SELECT line_id, day,
        last_value(CASE WHEN event_id IS NOT NULL THEN {'event_id': event_id, 'committed': committed} END IGNORE NULLS) OVER w AS event,
        sum(quantity) OVER w AS delivered
    FROM changes
    WINDOW w AS (PARTITION BY line_id ORDER BY day RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)
), breaches AS (
    SELECT line_id, day AS valid_from, event.committed AS committed, delivered, event.event_id AS last_event_id
    FROM states
    WHERE event.committed IS NOT NULL AND delivered > event.committed
    QUALIFY row_number() OVER (PARTITION BY line_id ORDER BY day) = 1
), deliveries_that_day AS (  -- of the breaches' days only: on clean data, none to group
    SELECT d.line_id, d.date_latest, max(d.delivery_id) AS delivery_id
    FROM deliveries AS d
    JOIN breaches AS b ON b.line_id = d.line_id AND b.valid_from = d.date_latest
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
