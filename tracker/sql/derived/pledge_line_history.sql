-- The state of every pledge line between the days it changed: the committed and delivered
-- totals hold from valid_from (inclusive) to valid_to (exclusive). A coarse date takes effect at
-- the end of its period (date_latest): "by the end of March" counts from 31 March. Built once per
-- database; pledge_lines_as_of, commitment_timeline and claim_reconciliation all read it.
CREATE OR REPLACE TABLE pledge_line_history AS
WITH events AS (
    SELECT line_id, date_latest AS day, event_id, event_type, committed, source_id
    FROM commitment_events
    WHERE date_latest IS NOT NULL
), delivered_per_day AS (
    SELECT line_id, date_latest AS day, sum(quantity) AS quantity
    FROM deliveries
    WHERE date_latest IS NOT NULL
    GROUP BY ALL
), delivered_cumulative AS (
    SELECT line_id, day, sum(quantity) OVER (PARTITION BY line_id ORDER BY day) AS delivered
    FROM delivered_per_day
), change_days AS (
    SELECT line_id, day FROM events
    UNION
    SELECT line_id, day FROM delivered_per_day
), announcements AS (
    SELECT line_id, min(day) FILTER (WHERE event_type = 'announced') AS first_announced
    FROM events
    GROUP BY ALL
)
SELECT
    c.line_id,
    c.day AS valid_from,
    coalesce(lead(c.day) OVER (PARTITION BY c.line_id ORDER BY c.day), DATE '9999-12-31') AS valid_to,
    e.committed,
    coalesce(d.delivered, 0) AS delivered,
    e.committed - coalesce(d.delivered, 0) AS outstanding,
    a.first_announced,
    e.event_id AS last_event_id,
    e.event_type AS last_event,
    e.day AS last_event_date,
    e.source_id AS last_event_source_id
FROM change_days AS c
ASOF LEFT JOIN events AS e ON c.line_id = e.line_id AND c.day >= e.day
ASOF LEFT JOIN delivered_cumulative AS d ON c.line_id = d.line_id AND c.day >= d.day
LEFT JOIN announcements AS a ON a.line_id = c.line_id
ORDER BY c.line_id, c.day;
