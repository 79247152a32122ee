-- Training programmes that had started by $as_of (by the end of their start's period), with every
-- date as written and as the first and last day it can mean, and the pledge lines they prepare
-- crews for. Narrowed by system family, by donor (host country or lead) and by the date range.
SELECT p.programme_id, p.name, p.purpose, p.system_family, f.name AS system_family_name,
       p.host_country, p.location, p.lead, p.status,
       p.start::VARCHAR AS start, p.start_earliest, p.start_latest, p.start_precision,
       p.planned_end::VARCHAR AS planned_end, p.planned_end_earliest, p.planned_end_latest, p.planned_end_precision,
       -- An end that lies after the as-of date was not yet known on it.
       CASE WHEN p.actual_end_latest <= $as_of::DATE THEN p.actual_end::VARCHAR END AS actual_end,
       CASE WHEN p.actual_end_latest <= $as_of::DATE THEN p.actual_end_earliest END AS actual_end_earliest,
       CASE WHEN p.actual_end_latest <= $as_of::DATE THEN p.actual_end_latest END AS actual_end_latest,
       p.trainees_planned, p.trainees_trained, p.pledge_lines,
       s.title AS source_title, s.url AS source_url, p.source_id, p.note
FROM training_programmes AS p
LEFT JOIN system_families AS f ON f.family_id = p.system_family
LEFT JOIN sources AS s USING (source_id)
WHERE p.start_earliest <= $as_of::DATE
  AND ($programme::VARCHAR IS NULL OR p.programme_id = $programme)
  AND ($family::VARCHAR IS NULL OR p.system_family = $family)
  AND (len($donors::VARCHAR[]) = 0 OR list_contains($donors::VARCHAR[], p.host_country)
       OR list_contains($donors::VARCHAR[], p.lead))
  AND ($end::DATE IS NULL OR p.start_earliest <= $end::DATE)
  AND ($start::DATE IS NULL OR coalesce(p.actual_end_latest, p.planned_end_latest, DATE '9999-12-31') >= $start::DATE)
ORDER BY p.start_earliest, p.programme_id
