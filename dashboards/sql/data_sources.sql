-- Every source, with how many rows of the record cite it (source_citations, counted at build time).
-- $q is empty or the ILIKE pattern of dashboards.safety.like_pattern (`%` and `_` typed are literal):
-- it keeps the rows whose text contains the search (any column, any case). At most $limit rows come
-- back, each carrying `matching`, the number of rows that match.
WITH rows AS (
    SELECT s.source_id, s.publisher, s.title AS source_title, s.published::VARCHAR AS published, s.language, s.reliability,
           coalesce(c.rows_citing, 0) AS rows_citing, s.url AS source_url
    FROM sources AS s LEFT JOIN source_citations AS c USING (source_id)
), matched AS (
    SELECT * FROM rows
    WHERE $q::VARCHAR = '' OR concat_ws(' ', source_id, publisher, source_title, published, language, reliability,
                                        source_url) ILIKE $q::VARCHAR ESCAPE '\'
)
SELECT *, count(*) OVER () AS matching
FROM matched
ORDER BY source_id
LIMIT $limit
