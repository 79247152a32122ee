-- pledge_line_states: pledge_line_history with each line's donor, system and source attached,
-- stored in valid_to order. pledge_lines_as_of(d) is a filter of it: no join at query time, and
-- DuckDB skips the row groups whose states ended before d (see schemas/views.yaml). The state's
-- value (pledge_line_values of the same interval) rides along for the dashboard's line lists;
-- pledge_lines_as_of leaves it out (line_values_as_of gives values, with the envelope rule).
CREATE OR REPLACE TABLE pledge_line_states AS
SELECT
    h.line_id,
    h.valid_from,
    h.valid_to,
    l.donor,
    dn.name AS donor_name,
    s.family_id AS system_family,
    f.name AS system_family_name,
    l.system_id AS system,
    s.name AS system_name,
    s.category,
    l.unit,
    h.committed,
    h.committed_is_floor,
    h.delivered,
    h.outstanding,
    h.committed_possible,
    h.delivered_possible,
    h.first_announced,
    h.last_event,
    h.last_event_date,
    h.last_event_id,
    src.url AS source_url,
    h.last_event_source_id AS source_id,
    l.joint_pledge_id,
    v.value_eur,
    v.counted_eur,
    v.value_basis,
    v.is_estimate
FROM pledge_line_history AS h
JOIN pledge_lines AS l USING (line_id)
JOIN donors AS dn ON dn.donor_id = l.donor
LEFT JOIN systems AS s ON s.system_id = l.system_id
LEFT JOIN system_families AS f ON f.family_id = s.family_id
LEFT JOIN sources AS src ON src.source_id = h.last_event_source_id
LEFT JOIN pledge_line_values AS v ON v.line_id = h.line_id AND v.valid_from = h.valid_from
ORDER BY h.valid_to, h.line_id;
