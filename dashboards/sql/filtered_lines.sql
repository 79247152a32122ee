-- Pledge lines as known on $as_of (the states of pledge_lines_as_of), narrowed by the page filters
-- (an empty donor list means all donors; a NULL category or family means all), with their value in
-- EUR where one is known (pledge_line_states carries each state's value; an envelope's counted
-- part is that of envelope_values, as in line_values_as_of). In no order: a list sorts and cuts
-- it first, then joins what it shows to sources.
SELECT l.* EXCLUDE (valid_from, valid_to, counted_eur),
       CASE WHEN ev.line_id IS NULL THEN l.counted_eur ELSE ev.counted_eur END AS counted_eur
FROM pledge_line_states AS l
LEFT JOIN envelope_values AS ev ON ev.line_id = l.line_id AND ev.valid_from <= $as_of::DATE AND $as_of::DATE < ev.valid_to
WHERE l.valid_from <= $as_of::DATE AND $as_of::DATE < l.valid_to
  AND (len($donors::VARCHAR[]) = 0 OR list_contains($donors::VARCHAR[], l.donor))
  AND ($category::VARCHAR IS NULL OR l.category = $category)
  AND ($family::VARCHAR IS NULL OR l.system_family = $family)
