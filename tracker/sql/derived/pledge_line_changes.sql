-- pledge_line_changes: what each row of pledge_line_history changed, against the line's previous
-- row (see schemas/views.yaml). Summing the changes of some lines up to a day gives their totals on
-- that day; commitment_timeline and the dashboard's step charts are built that way, in one pass
-- over the history instead of a join of every day with every line.
CREATE OR REPLACE TABLE pledge_line_changes AS
SELECT
    line_id,
    valid_from AS day,
    coalesce(committed, 0) - coalesce(lag(committed) OVER w, 0) AS committed,
    (committed IS NOT NULL)::INTEGER - coalesce((lag(committed) OVER w IS NOT NULL)::INTEGER, 0) AS known,
    delivered - coalesce(lag(delivered) OVER w, 0) AS delivered,
    coalesce(outstanding, 0) - coalesce(lag(outstanding) OVER w, 0) AS outstanding,
    coalesce(committed_possible, 0) - coalesce(lag(committed_possible) OVER w, 0) AS committed_possible,
    delivered_possible - coalesce(lag(delivered_possible) OVER w, 0) AS delivered_possible,
    -- a line counts once its first event is certain (rows before it hold what is only possible)
    (last_event_id IS NOT NULL)::INTEGER - coalesce((lag(last_event_id) OVER w IS NOT NULL)::INTEGER, 0) AS new_line
FROM pledge_line_history
WINDOW w AS (PARTITION BY line_id ORDER BY valid_from)
ORDER BY day, line_id;
