-- The pledge lines one training programme prepares crews for, as known on $as_of.
SELECT l.line_id, l.donor_name, l.system_name, l.committed, l.delivered, l.source_id, s.title AS source_title,
       l.source_url
FROM training_programmes AS p, unnest(p.pledge_lines) AS u(line_id)
JOIN pledge_lines_as_of($as_of::DATE) AS l ON l.line_id = u.line_id
LEFT JOIN sources AS s ON s.source_id = l.source_id
WHERE p.programme_id = $programme
ORDER BY l.donor_name, l.system_name
