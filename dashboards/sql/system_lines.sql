-- The Systems page's list of lines: the filtered lines with something committed, delivered or
-- possibly delivered on $as_of, largest committed first, at most $limit of them with their source's
-- title, each carrying `matching`, how many such lines there are.
WITH listed AS (
    SELECT * FROM ({filtered_lines})
    WHERE coalesce(committed, 0) <> 0 OR coalesce(delivered, 0) <> 0 OR coalesce(delivered_possible, 0) <> 0
), shown AS (
    SELECT * FROM listed
    ORDER BY coalesce(committed, 0) DESC, donor_name, system_name, line_id
    LIMIT $limit
)
SELECT l.*, s.title AS source_title, (SELECT count(*) FROM listed) AS matching
FROM shown AS l
LEFT JOIN sources AS s ON s.source_id = l.source_id
ORDER BY coalesce(l.committed, 0) DESC, l.donor_name, l.system_name, l.line_id
