-- Every commitment event known on $as_of for the filtered lines, dated within the range.
SELECT e.event_id, e.date::VARCHAR AS date, l.donor, l.donor_name, l.system_name, l.category,
       e.event_type, e.committed, e.meeting_id, e.source_id, s.title AS source_title, s.url AS source_url, e.note
FROM commitment_events AS e
JOIN ({filtered_lines}) AS l USING (line_id)
LEFT JOIN sources AS s ON s.source_id = e.source_id
WHERE e.date_latest <= $as_of::DATE
  AND ($start::DATE IS NULL OR e.date_latest >= $start::DATE)
  AND ($end::DATE IS NULL OR e.date_latest <= $end::DATE)
ORDER BY e.date_latest, e.event_id
