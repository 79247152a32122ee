-- Every delivery known on $as_of for the filtered lines, dated within the range.
SELECT d.delivery_id, d.date::VARCHAR AS date, l.donor, l.donor_name, l.system_name, l.category,
       d.quantity, d.origin, d.source_id, s.title AS source_title, s.url AS source_url, d.note
FROM deliveries AS d
JOIN ({filtered_lines}) AS l USING (line_id)
LEFT JOIN sources AS s ON s.source_id = d.source_id
WHERE d.date_latest <= $as_of::DATE
  AND ($start::DATE IS NULL OR d.date_latest >= $start::DATE)
  AND ($end::DATE IS NULL OR d.date_latest <= $end::DATE)
ORDER BY d.date_latest, d.delivery_id
