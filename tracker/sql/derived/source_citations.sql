-- source_citations: how many rows of the record cite each source (commitment events, deliveries,
-- coalition claims, meetings and training programmes), counted once per build for the dashboard's
-- list of sources instead of on every view (a scan of every event and delivery at 10^6 events).
-- Sources no row cites have no row here.
CREATE OR REPLACE TABLE source_citations AS
SELECT source_id, count(*) AS rows_citing
FROM (
    SELECT source_id FROM commitment_events UNION ALL SELECT source_id FROM deliveries
    UNION ALL SELECT source_id FROM coalition_claims UNION ALL SELECT source_id FROM meetings
    UNION ALL SELECT source_id FROM training_programmes
)
WHERE source_id IS NOT NULL
GROUP BY source_id
ORDER BY source_id;
