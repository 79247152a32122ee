-- record_span: the first and the latest day of the record (see schemas/views.yaml): the first
-- commitment event, and the latest day of a commitment event, delivery, meeting or coalition claim.
-- The dashboard and the notebook answer "today" as of last_day.
-- Example: SELECT last_day FROM record_span;
CREATE OR REPLACE VIEW record_span AS
SELECT
    (SELECT min(date_latest) FROM commitment_events) AS first_day,
    greatest(
        (SELECT max(date_latest) FROM commitment_events),
        (SELECT max(date_latest) FROM deliveries),
        (SELECT max(date_latest) FROM meetings),
        (SELECT max(date_latest) FROM coalition_claims)
    ) AS last_day;
