-- Each item of the Kiel crosswalk either names our system or says why it is left out, never both
-- and never neither.
SELECT 'kiel_items' AS table_name, kiel_item AS key, 'excluded_because' AS column_name,
    coalesce(excluded_because, '') AS value,
    CASE WHEN system_id IS NULL THEN 'is required when system_id is empty'
         ELSE 'must be empty when system_id is given' END AS message
FROM kiel_items
WHERE (system_id IS NULL) = (excluded_because IS NULL)
