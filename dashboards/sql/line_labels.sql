-- The pledge lines the page filters keep (an empty donor list means all donors; a NULL category or
-- family means all), with the names a row of events or deliveries shows beside it. A line's donor
-- and system never change, so this needs no as-of state: lists of events and deliveries join it
-- instead of the lines' states on $as_of.
SELECT l.line_id, l.donor, dn.name AS donor_name, s.family_id AS system_family, l.system_id AS system,
       s.name AS system_name, s.category, l.unit
FROM pledge_lines AS l
JOIN donors AS dn ON dn.donor_id = l.donor
LEFT JOIN systems AS s ON s.system_id = l.system_id
WHERE (len($donors::VARCHAR[]) = 0 OR list_contains($donors::VARCHAR[], l.donor))
  AND ($category::VARCHAR IS NULL OR s.category = $category)
  AND ($family::VARCHAR IS NULL OR s.family_id = $family)
