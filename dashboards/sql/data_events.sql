-- Every commitment event known on $as_of for the filtered lines, dated within the range.
-- $q is empty or the ILIKE pattern of dashboards.safety.like_pattern (`%` and `_` typed are literal):
-- it keeps the rows whose text contains the search (any column, any case). At most $limit rows come
-- back, each carrying `matching`, the number of rows that match.
WITH rows AS (
    SELECT e.event_id, e.date::VARCHAR AS date, l.donor, l.donor_name, l.system_name, l.category,
           e.event_type, e.committed, e.meeting_id, e.source_id, s.title AS source_title, s.url AS source_url, e.note,
           e.date_latest AS sort_day
    FROM commitment_events AS e
    JOIN ({filtered_lines}) AS l USING (line_id)
    LEFT JOIN sources AS s ON s.source_id = e.source_id
    WHERE e.date_latest <= $as_of::DATE
      AND ($start::DATE IS NULL OR e.date_latest >= $start::DATE)
      AND ($end::DATE IS NULL OR e.date_latest <= $end::DATE)
), matched AS (
    SELECT * FROM rows
    WHERE $q::VARCHAR = '' OR concat_ws(' ', event_id, date, donor, donor_name, system_name, category, event_type,
                                        committed, meeting_id, source_id, source_title, source_url, note) ILIKE $q::VARCHAR ESCAPE '\'
)
SELECT * EXCLUDE (sort_day), count(*) OVER () AS matching
FROM matched
ORDER BY sort_day, event_id
LIMIT $limit
