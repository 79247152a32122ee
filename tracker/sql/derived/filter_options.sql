-- filter_options: the dashboard's filter choices (donors, categories and system families that have
-- pledge lines) and the span of dates in the record, one row per choice: the same on every page
-- view of one build, so computed once at build time (a scan of every pledge line at 10^6 events).
CREATE OR REPLACE TABLE filter_options AS
SELECT 'donor' AS kind, dn.donor_id AS value, dn.name AS label
FROM donors AS dn WHERE dn.donor_id IN (SELECT donor FROM pledge_lines)
UNION ALL
SELECT DISTINCT 'category', s.category, s.category
FROM pledge_lines AS l JOIN systems AS s USING (system_id)
UNION ALL
SELECT DISTINCT 'family', f.family_id, f.name
FROM pledge_lines AS l JOIN systems AS s USING (system_id) JOIN system_families AS f ON f.family_id = s.family_id
UNION ALL
SELECT 'first_day', first_day::VARCHAR, NULL FROM record_span
UNION ALL
SELECT 'last_day', last_day::VARCHAR, NULL FROM record_span
ORDER BY kind, label;
