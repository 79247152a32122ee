-- A training programme's planned and actual ends are not before its start.
SELECT 'training_programmes' AS table_name, programme_id AS key, column_name, value,
    format('is before the programme''s start ({})', start) AS message
FROM (
    SELECT programme_id, start, start_earliest, 'planned_end' AS column_name, planned_end AS value, planned_end_latest AS ends
    FROM training_programmes
    UNION ALL
    SELECT programme_id, start, start_earliest, 'actual_end', actual_end, actual_end_latest
    FROM training_programmes
)
WHERE ends < start_earliest
