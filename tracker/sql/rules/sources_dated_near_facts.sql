-- A row's source (source_id) was published neither before the row's date nor more than 30 days
-- after it, unless source_lag_reason says why: an event is dated by its announcement, a delivery
-- by a report of it, not by a later article. Coarse dates count as their whole period, a by-date
-- (../2023-02-24) has no earliest day, and a source without a published date is not checked.
WITH cited AS (
    SELECT 'commitment_events' AS table_name, event_id AS key, date, date_earliest, date_latest, source_id, source_lag_reason
    FROM commitment_events
    UNION ALL
    SELECT 'deliveries', delivery_id, date, date_earliest, date_latest, source_id, source_lag_reason
    FROM deliveries
    UNION ALL
    SELECT 'coalition_claims', claim_id, date, date_earliest, date_latest, source_id, source_lag_reason
    FROM coalition_claims
)
SELECT c.table_name, c.key, 'source_id' AS column_name, c.source_id AS value,
    CASE WHEN s.published_latest < c.date_earliest
        THEN format('was published on {}, before this row''s date {}: cite a source from the day or after, or say why in source_lag_reason', s.published, c.date)
        ELSE format('was published on {}, {} days after this row''s date {}: cite the announcement or first report, or say why in source_lag_reason',
                    s.published, s.published_earliest - c.date_latest, c.date)
    END AS message
FROM cited AS c
JOIN sources AS s USING (source_id)
WHERE c.source_lag_reason IS NULL
  AND (s.published_latest < c.date_earliest OR s.published_earliest > c.date_latest + INTERVAL 30 DAY)
