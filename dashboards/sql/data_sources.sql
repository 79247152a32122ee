-- Every source, with how many rows of the record cite it.
WITH cited AS (
    SELECT source_id, count(*) AS n FROM (
        SELECT source_id FROM commitment_events UNION ALL SELECT source_id FROM deliveries
        UNION ALL SELECT source_id FROM coalition_claims UNION ALL SELECT source_id FROM meetings
        UNION ALL SELECT source_id FROM training_programmes
    ) GROUP BY source_id
)
SELECT s.source_id, s.publisher, s.title AS source_title, s.published::VARCHAR AS published, s.language, s.reliability,
       coalesce(c.n, 0) AS rows_citing, s.url AS source_url
FROM sources AS s LEFT JOIN cited AS c USING (source_id)
ORDER BY s.source_id
