-- Refusals and cancellations of the filtered lines made by $as_of: the Systems chart marks them
-- where they happened instead of drawing a line at 0. Read from line_refusals (built with the
-- database), not from every commitment event of the filtered lines.
SELECT day AS date, donor, donor_name, system_name, event_type, event_id
FROM line_refusals
WHERE day <= $as_of::DATE
  AND (len($donors::VARCHAR[]) = 0 OR list_contains($donors::VARCHAR[], donor))
  AND ($category::VARCHAR IS NULL OR category = $category)
  AND ($family::VARCHAR IS NULL OR system_family = $family)
ORDER BY day, donor, event_id
