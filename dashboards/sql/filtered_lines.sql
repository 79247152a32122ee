-- Pledge lines as known on $as_of, narrowed by the page filters (an empty donor list means all
-- donors; a NULL category or family means all), with their value in EUR where one is known.
SELECT l.*, v.value_eur, v.counted_eur, v.value_basis, v.is_estimate, s.title AS source_title
FROM pledge_lines_as_of($as_of::DATE) AS l
LEFT JOIN line_values_as_of($as_of::DATE) AS v USING (line_id)
LEFT JOIN sources AS s USING (source_id)
WHERE (len($donors::VARCHAR[]) = 0 OR list_contains($donors::VARCHAR[], l.donor))
  AND ($category::VARCHAR IS NULL OR l.category = $category)
  AND ($family::VARCHAR IS NULL OR l.system_family = $family)
ORDER BY l.donor_name, l.system_name
