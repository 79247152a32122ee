-- evidence_summary: how well each sourced table is evidenced, one row per table (see
-- schemas/views.yaml). A row is corroborated when one of its corroborated_by sources comes from
-- another publisher than its best source (source_id); its best source is official when that
-- source's reliability is official. Dates are those of the row (a training programme's start).
-- Example: SELECT table_name, rows, corroborated, share_corroborated FROM evidence_summary;
CREATE OR REPLACE VIEW evidence_summary AS
WITH cited AS (
    SELECT 'commitment_events' AS table_name, event_id AS key, source_id, corroborated_by, date_precision FROM commitment_events
    UNION ALL SELECT 'deliveries', delivery_id, source_id, corroborated_by, date_precision FROM deliveries
    UNION ALL SELECT 'coalition_claims', claim_id, source_id, corroborated_by, date_precision FROM coalition_claims
    UNION ALL SELECT 'meetings', meeting_id, source_id, corroborated_by, date_precision FROM meetings
    UNION ALL SELECT 'training_programmes', programme_id, source_id, corroborated_by, start_precision FROM training_programmes
), independent AS (
    SELECT c.table_name, c.key, count(DISTINCT o.publisher) AS publishers
    FROM cited AS c
    JOIN sources AS best ON best.source_id = c.source_id
    JOIN sources AS o ON list_contains(c.corroborated_by, o.source_id) AND o.publisher <> best.publisher
    GROUP BY ALL
)
SELECT
    c.table_name,
    count(*) AS rows,
    count(*) FILTER (WHERE s.reliability = 'official') AS official_source,
    count(i.key) AS corroborated,
    count(*) FILTER (WHERE c.date_precision IN ('day', 'month')) AS dated_month_or_better,
    CAST(count(*) FILTER (WHERE s.reliability = 'official') / count(*) AS DOUBLE) AS share_official,
    CAST(count(i.key) / count(*) AS DOUBLE) AS share_corroborated,
    CAST(count(*) FILTER (WHERE c.date_precision IN ('day', 'month')) / count(*) AS DOUBLE) AS share_dated_month_or_better
FROM cited AS c
LEFT JOIN sources AS s USING (source_id)
LEFT JOIN independent AS i USING (table_name, key)
GROUP BY c.table_name
ORDER BY array_position(['commitment_events', 'deliveries', 'coalition_claims', 'meetings', 'training_programmes'], c.table_name);
