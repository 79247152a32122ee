-- Every delivery known on $as_of for the filtered lines, dated within the range.
-- $q is empty or the ILIKE pattern of dashboards.safety.like_pattern (`%` and `_` typed are literal):
-- it keeps the rows whose text contains the search (any column, any case). At most $limit rows come
-- back, each carrying `matching`, the number of rows that match.
WITH rows AS (
    SELECT d.delivery_id, d.date::VARCHAR AS date, l.donor, l.donor_name, l.system_name, l.category,
           d.quantity, d.origin, d.source_id, s.title AS source_title, s.url AS source_url, d.note,
           d.date_latest AS sort_day
    FROM deliveries AS d
    JOIN ({filtered_lines}) AS l USING (line_id)
    LEFT JOIN sources AS s ON s.source_id = d.source_id
    WHERE d.date_latest <= $as_of::DATE
      AND ($start::DATE IS NULL OR d.date_latest >= $start::DATE)
      AND ($end::DATE IS NULL OR d.date_latest <= $end::DATE)
), matched AS (
    SELECT * FROM rows
    WHERE $q::VARCHAR = '' OR concat_ws(' ', delivery_id, date, donor, donor_name, system_name, category, quantity,
                                        origin, source_id, source_title, source_url, note) ILIKE $q::VARCHAR ESCAPE '\'
)
SELECT * EXCLUDE (sort_day), count(*) OVER () AS matching
FROM matched
ORDER BY sort_day, delivery_id
LIMIT $limit
