-- Each kind of aid in the Kiel sub-type crosswalk either names our system or says why its rows
-- are left out, never both and never neither.
SELECT 'kiel_sub_types' AS table_name, concat_ws('|', kiel_item_type, kiel_sub_type) AS key, 'excluded_because' AS column_name,
    coalesce(excluded_because, '') AS value,
    CASE WHEN system_id IS NULL THEN 'is required when system_id is empty'
         ELSE 'must be empty when system_id is given' END AS message
FROM kiel_sub_types
WHERE (system_id IS NULL) = (excluded_because IS NULL)
