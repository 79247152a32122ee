-- training_slippage: each training programme's planned end beside its actual end.
-- * slip_days: actual end minus planned end, each taken at the end of its period (the as-of rule:
--   "by the end of March" is 2023-03-31); positive means it ended late, negative early. NULL
--   unless both ends are recorded.
-- * slip_days_min, slip_days_max: the range the dates allow when either is coarser than a day
--   (earliest actual minus latest planned, latest actual minus earliest planned); equal to
--   slip_days when both are days. A planned end of 2023-03 and an actual end of 2023-03-20 give
--   slip_days -11, slip_days_min -11 and slip_days_max 19.
-- * planned_days, actual_days: the longest duration the dates allow, from the first day the start
--   can mean to the last day the planned or actual end can mean.
-- * trainee_shortfall: trainees_planned minus trainees_trained when both are known (negative when
--   more were trained than planned).
-- * overdue: a programme neither completed nor cancelled, with no actual end, whose planned end lies
--   before the last day anything in the database is dated.
-- Example: SELECT programme_id, planned_end, actual_end, slip_days FROM training_slippage WHERE slip_days IS NOT NULL;
CREATE OR REPLACE VIEW training_slippage AS
WITH last_day AS (
    SELECT max(day) AS day FROM (
        SELECT max(date_latest) AS day FROM commitment_events
        UNION ALL SELECT max(date_latest) FROM deliveries
        UNION ALL SELECT max(actual_end_latest) FROM training_programmes
    )
)
SELECT
    t.programme_id,
    t.name,
    t.system_family,
    t.lead,
    t.host_country,
    t.status,
    t.start,
    t.planned_end,
    t.actual_end,
    t.planned_end_latest,
    t.actual_end_latest,
    CAST(t.actual_end_latest - t.planned_end_latest AS INTEGER) AS slip_days,
    CAST(coalesce(t.actual_end_earliest, t.actual_end_latest) - t.planned_end_latest AS INTEGER) AS slip_days_min,
    CAST(t.actual_end_latest - coalesce(t.planned_end_earliest, t.planned_end_latest) AS INTEGER) AS slip_days_max,
    CAST(t.planned_end_latest - coalesce(t.start_earliest, t.start_latest) AS INTEGER) AS planned_days,
    CAST(t.actual_end_latest - coalesce(t.start_earliest, t.start_latest) AS INTEGER) AS actual_days,
    t.trainees_planned,
    t.trainees_trained,
    t.trainees_planned - t.trainees_trained AS trainee_shortfall,
    t.status NOT IN ('completed', 'cancelled') AND t.actual_end IS NULL AND t.planned_end_latest < l.day AS overdue,
    t.pledge_lines,
    t.source_id,
    src.url AS source_url
FROM training_programmes AS t
CROSS JOIN last_day AS l
LEFT JOIN sources AS src USING (source_id)
ORDER BY t.start_latest, t.programme_id;
