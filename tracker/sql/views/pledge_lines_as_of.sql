-- pledge_lines_as_of(d): one row per pledge line as known on date d: what was committed and
-- delivered by then, with the source of the latest commitment event. Lines first announced after d
-- are absent. A coarse-dated event counts from the end of its period.
-- Example: SELECT donor, committed FROM pledge_lines_as_of(DATE '2023-02-14') WHERE system_family = 'leopard-2';
CREATE OR REPLACE MACRO pledge_lines_as_of(as_of) AS TABLE
SELECT
    l.line_id,
    l.donor,
    dn.name AS donor_name,
    s.family_id AS system_family,
    f.name AS system_family_name,
    l.system_id AS system,
    s.name AS system_name,
    s.category,
    l.unit,
    h.committed,
    h.delivered,
    h.outstanding,
    h.first_announced,
    h.last_event,
    h.last_event_date,
    h.last_event_id,
    src.url AS source_url,
    h.last_event_source_id AS source_id,
    l.joint_pledge_id
FROM pledge_line_history AS h
JOIN pledge_lines AS l USING (line_id)
JOIN donors AS dn ON dn.donor_id = l.donor
LEFT JOIN systems AS s ON s.system_id = l.system_id
LEFT JOIN system_families AS f ON f.family_id = s.family_id
LEFT JOIN sources AS src ON src.source_id = h.last_event_source_id
WHERE h.valid_from <= CAST(as_of AS DATE) AND CAST(as_of AS DATE) < h.valid_to
ORDER BY l.line_id;
