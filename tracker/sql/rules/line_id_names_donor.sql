-- A pledge line's id starts with its donor's code, so that ids read as what they are.
SELECT 'pledge_lines' AS table_name, line_id AS key, 'line_id' AS column_name, line_id AS value,
    format('must start with the donor code {} (e.g. {}-leopard-2a6)', donor, donor) AS message
FROM pledge_lines
WHERE donor IS NOT NULL AND NOT starts_with(line_id, donor || '-')
