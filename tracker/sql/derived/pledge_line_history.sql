-- The state of every pledge line between the days it changed: the totals hold from valid_from
-- (inclusive) to valid_to (exclusive). A date with a precision is a window, and a line's state on a
-- day has two answers:
-- * certain (committed, delivered, outstanding): the rows whose window has ended, so a coarse date
--   counts from the end of its period ("by the end of March" from 31 March);
-- * possible (committed_possible, delivered_possible): the rows whose window has begun, so a coarse
--   date counts from its first day. A by-date (../2024-08-06) has no first day. A commitment event
--   dated so may have happened at any time since the record begins (the first day any event or
--   delivery can mean); a delivery dated so, at any time since its line may first have been
--   committed (the first day its first event can mean).
-- A line has rows from the first day anything on it is possible; committed is 0 until an event is
-- certain. An increase of undisclosed size leaves committed at the last disclosed total, which is
-- then certain but not all (committed_is_floor), and the largest possible total unknown.
-- Built once per database; pledge_lines_as_of, commitment_timeline and
-- claim_reconciliation all read it.
CREATE OR REPLACE TABLE pledge_line_history AS
WITH record_start AS (
    SELECT least((SELECT coalesce(min(date_earliest), min(date_latest)) FROM commitment_events),
                 (SELECT min(date_earliest) FROM deliveries)) AS day
), events AS (
    SELECT *, coalesce(date_earliest, (SELECT day FROM record_start)) AS opens
    FROM commitment_totals
), line_opens AS (
    SELECT line_id, min(opens) AS day FROM events GROUP BY ALL
), delivered_by_day AS (  -- each delivery counts as certain on its last day, as possible on its first
    SELECT line_id, day, sum(certain) AS certain, sum(possible) AS possible
    FROM (
        SELECT line_id, date_latest AS day, quantity AS certain, 0 AS possible FROM deliveries WHERE date_latest IS NOT NULL
        UNION ALL
        SELECT d.line_id, coalesce(d.date_earliest, least(o.day, d.date_latest), (SELECT day FROM record_start)), 0, d.quantity
        FROM deliveries AS d LEFT JOIN line_opens AS o USING (line_id)
        WHERE d.date_latest IS NOT NULL
    )
    GROUP BY ALL
), change_days AS (
    SELECT line_id, day FROM events
    UNION
    SELECT line_id, opens FROM events
    UNION
    SELECT line_id, day FROM delivered_by_day
), possible_events AS (  -- per change day, the largest total of an event whose window is open that day
    SELECT c.line_id, c.day, max(e.stated) AS committed, bool_or(e.stated IS NULL) AS undisclosed
    FROM change_days AS c
    JOIN events AS e ON e.line_id = c.line_id AND e.opens <= c.day AND c.day < e.day
    GROUP BY ALL
), announcements AS (
    SELECT line_id, min(day) FILTER (WHERE event_type = 'announced') AS first_announced
    FROM events
    GROUP BY ALL
), walked AS (  -- each change day with the latest event and the deliveries summed so far: one pass in day order
    SELECT line_id, day,
        coalesce(lead(day) OVER w, DATE '9999-12-31') AS valid_to,
        last_value(event IGNORE NULLS) OVER so_far AS e,
        sum(certain) OVER so_far AS delivered,
        sum(possible) OVER so_far AS delivered_possible
    FROM (  -- a line has one event a day (rule events_on_distinct_dates)
        SELECT c.line_id, c.day, d.certain, d.possible,
            CASE WHEN e.event_id IS NOT NULL THEN {'event_id': e.event_id, 'committed': e.committed, 'floor_only': e.floor_only,
                'event_type': e.event_type, 'day': e.day, 'source_id': e.source_id} END AS event
        FROM change_days AS c
        LEFT JOIN events AS e ON e.line_id = c.line_id AND e.day = c.day
        LEFT JOIN delivered_by_day AS d ON d.line_id = c.line_id AND d.day = c.day
    )
    WINDOW w AS (PARTITION BY line_id ORDER BY day),
        so_far AS (PARTITION BY line_id ORDER BY day ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)
), states AS (
    SELECT
        c.line_id,
        c.day AS valid_from,
        c.valid_to,
        CASE WHEN c.e IS NULL THEN 0 ELSE c.e.committed END AS committed,
        coalesce(c.e.floor_only, false) AS committed_is_floor,
        coalesce(c.delivered, 0) AS delivered,
        coalesce(c.delivered_possible, 0) AS delivered_possible,
        p.committed AS open_committed,
        coalesce(p.undisclosed, false) AS open_undisclosed,
        a.first_announced,
        c.e.event_id AS last_event_id,
        c.e.event_type AS last_event,
        c.e.day AS last_event_date,
        c.e.source_id AS last_event_source_id
    FROM walked AS c
    LEFT JOIN possible_events AS p ON p.line_id = c.line_id AND p.day = c.day
    LEFT JOIN announcements AS a ON a.line_id = c.line_id
)
SELECT
    line_id,
    valid_from,
    valid_to,
    committed,
    committed_is_floor,
    delivered,
    committed - delivered AS outstanding,
    -- an undisclosed total among the possible states makes the largest possible total unknown
    CASE WHEN committed IS NULL OR committed_is_floor OR open_undisclosed THEN NULL
         ELSE greatest(committed, coalesce(open_committed, committed)) END AS committed_possible,
    delivered_possible,
    first_announced,
    last_event_id,
    last_event,
    last_event_date,
    last_event_source_id
FROM states
ORDER BY line_id, valid_from;
