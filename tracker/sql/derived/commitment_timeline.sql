-- commitment_timeline: cumulative units committed and delivered per donor and system family, one
-- row for every day on which one of the donor's lines of that family changed (see schemas/views.yaml).
-- Built once per database. Each line's change on a day (its totals minus its previous totals) is
-- summed per donor, family and day, and the sums are accumulated over the days: one sort of the
-- history rather than a join of every day with every line. Money lines have no family: left out.
CREATE OR REPLACE TABLE commitment_timeline AS
WITH unit_lines AS (
    SELECT l.line_id, l.donor, s.family_id
    FROM pledge_lines AS l
    JOIN systems AS s USING (system_id)
    WHERE l.unit = 'units'
), changes AS (
    SELECT
        u.donor,
        u.family_id,
        h.valid_from AS day,
        coalesce(h.committed, 0) - coalesce(lag(h.committed) OVER w, 0) AS committed,
        -- lines whose committed quantity is known: when none is, committed is NULL, not 0
        (h.committed IS NOT NULL)::INTEGER - coalesce((lag(h.committed) OVER w IS NOT NULL)::INTEGER, 0) AS known,
        h.delivered - coalesce(lag(h.delivered) OVER w, 0) AS delivered,
        coalesce(h.outstanding, 0) - coalesce(lag(h.outstanding) OVER w, 0) AS outstanding,
        (lag(h.valid_from) OVER w IS NULL)::INTEGER AS new_line
    FROM pledge_line_history AS h
    JOIN unit_lines AS u USING (line_id)
    WINDOW w AS (PARTITION BY h.line_id ORDER BY h.valid_from)
), per_day AS (
    SELECT donor, family_id, day, sum(committed) AS committed, sum(known) AS known, sum(delivered) AS delivered,
        sum(outstanding) AS outstanding, sum(new_line) AS new_lines
    FROM changes
    GROUP BY ALL
), running AS (
    SELECT
        day, donor, family_id,
        sum(committed) OVER w AS committed,
        sum(known) OVER w AS known,
        sum(delivered) OVER w AS delivered,
        sum(outstanding) OVER w AS outstanding,
        sum(new_lines) OVER w AS pledge_lines
    FROM per_day
    WINDOW w AS (PARTITION BY donor, family_id ORDER BY day)
)
SELECT
    day AS date,
    donor,
    family_id AS system_family,
    CASE WHEN known > 0 THEN committed END AS committed,
    delivered,
    CASE WHEN known > 0 THEN outstanding END AS outstanding,
    CAST(pledge_lines AS BIGINT) AS pledge_lines
FROM running
ORDER BY date, donor, system_family;
