-- One donor's pledge lines as known on $as_of: outstanding units and delivery lags (days from the
-- first announcement to the first delivery and to the day delivered reached committed). Lines of
-- weapon systems and vehicles (units) come first, largest first; then items, rounds, missiles and
-- money, each named by its description when it has no system. At most $limit lines, each carrying
-- `matching`, how many lines there are.
WITH lines AS (
    {filtered_lines}
), shown AS (
    SELECT * FROM lines
    ORDER BY unit <> 'units', unit, committed DESC, line_id
    LIMIT $limit
), milestones AS (
    SELECT h.line_id,
           min(h.valid_from) FILTER (WHERE h.delivered > 0) AS first_delivery,
           min(h.valid_from) FILTER (WHERE h.committed > 0 AND h.delivered >= h.committed) AS full_delivery
    FROM pledge_line_history AS h
    WHERE h.valid_from <= $as_of::DATE AND h.line_id IN (SELECT line_id FROM shown)
    GROUP BY h.line_id
)
SELECT l.line_id, l.donor_name, coalesce(l.system_name, p.description, l.line_id) AS system_name, l.unit, l.source_id, s.title AS source_title, l.category, l.committed, l.delivered, l.outstanding,
       l.first_announced, m.first_delivery, m.full_delivery,
       date_diff('day', l.first_announced, m.first_delivery) AS days_to_first_delivery,
       date_diff('day', l.first_announced, m.full_delivery) AS days_to_full_delivery,
       l.value_eur, l.value_basis, l.source_url, (SELECT count(*) FROM lines) AS matching
FROM shown AS l LEFT JOIN milestones AS m USING (line_id) JOIN pledge_lines AS p USING (line_id)
LEFT JOIN sources AS s ON s.source_id = l.source_id
ORDER BY l.unit <> 'units', l.unit, l.committed DESC, l.line_id
