-- commitment_timeline: cumulative units committed and delivered per donor and system family, one
-- row for every day on which one of the donor's lines of that family changed. Each row holds the
-- totals from that day until the next row of the same donor and family (draw it as steps).
-- Money lines (unit other than 'units') are left out: they have no system family.
CREATE OR REPLACE VIEW commitment_timeline AS
WITH unit_lines AS (
    SELECT l.line_id, l.donor, s.family_id
    FROM pledge_lines AS l
    JOIN systems AS s USING (system_id)
    WHERE l.unit = 'units'
), change_days AS (
    SELECT DISTINCT u.donor, u.family_id, h.valid_from AS day
    FROM pledge_line_history AS h
    JOIN unit_lines AS u USING (line_id)
)
SELECT
    c.day AS date,
    c.donor,
    c.family_id AS system_family,
    sum(h.committed) AS committed,
    sum(h.delivered) AS delivered,
    sum(h.outstanding) AS outstanding,
    count(*) AS pledge_lines
FROM change_days AS c
JOIN unit_lines AS u ON u.donor = c.donor AND u.family_id = c.family_id
JOIN pledge_line_history AS h ON h.line_id = u.line_id AND h.valid_from <= c.day AND c.day < h.valid_to
GROUP BY ALL
ORDER BY date, donor, system_family;
