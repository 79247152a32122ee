-- Every commitment event known on $as_of for the filtered lines, dated within the range.
-- $q is empty or the ILIKE pattern of dashboards.safety.like_pattern (`%` and `_` typed are literal):
-- it keeps the rows whose text contains the search (any column, any case). At most $limit rows come
-- back, in date order, each carrying `matching`, the number of rows that match. Names and sources
-- are joined to every row only when a filter or a search needs them; otherwise to the rows shown.
WITH dated AS NOT MATERIALIZED (
    SELECT e.event_id, e.line_id, e.date, e.event_type, e.committed, e.meeting_id, e.source_id, e.note, e.date_latest AS sort_day
    FROM commitment_events AS e
    WHERE e.date_latest <= $as_of::DATE
      AND ($start::DATE IS NULL OR e.date_latest >= $start::DATE)
      AND ($end::DATE IS NULL OR e.date_latest <= $end::DATE)
), matched AS NOT MATERIALIZED (
    SELECT d.* FROM dated AS d
    WHERE $q::VARCHAR = '' AND len($donors::VARCHAR[]) = 0 AND $category::VARCHAR IS NULL AND $family::VARCHAR IS NULL
    UNION ALL
    SELECT d.* FROM dated AS d
    JOIN ({line_labels}) AS l USING (line_id)
    LEFT JOIN sources AS s USING (source_id)
    WHERE NOT ($q::VARCHAR = '' AND len($donors::VARCHAR[]) = 0 AND $category::VARCHAR IS NULL AND $family::VARCHAR IS NULL)
      AND ($q::VARCHAR = '' OR concat_ws(' ', d.event_id, d.date::VARCHAR, l.donor, l.donor_name, l.system_name, l.category, d.event_type,
                                         d.committed, d.meeting_id, d.source_id, s.title, s.url, d.note) ILIKE $q::VARCHAR ESCAPE '\')
), shown AS (
    SELECT * FROM matched ORDER BY sort_day, event_id LIMIT $limit
)
SELECT m.event_id, m.date::VARCHAR AS date, l.donor, l.donor_name, l.system_name, l.category, m.event_type, m.committed,
       m.meeting_id, m.source_id, s.title AS source_title, s.url AS source_url, m.note,
       (SELECT count(*) FROM matched) AS matching
FROM shown AS m
JOIN ({line_labels}) AS l USING (line_id)
LEFT JOIN sources AS s USING (source_id)
ORDER BY m.sort_day, m.event_id
