-- commitment_timeline: cumulative units committed and delivered per donor and system family, one
-- row for every day on which one of the donor's lines of that family changed (see
-- schemas/views.yaml). Built once per database from pledge_line_changes: the changes summed per
-- donor, family and day, then accumulated over the days. Money lines have no family: left out.
CREATE OR REPLACE TABLE commitment_timeline AS
WITH per_day AS (
    SELECT l.donor, s.family_id, c.day,
        sum(c.committed) AS committed, sum(c.known) AS known, sum(c.delivered) AS delivered,
        sum(c.outstanding) AS outstanding, sum(c.new_line) AS new_lines,
        sum(c.committed_possible) AS committed_possible, sum(c.delivered_possible) AS delivered_possible
    FROM pledge_line_changes AS c
    JOIN pledge_lines AS l USING (line_id)
    JOIN systems AS s USING (system_id)
    WHERE l.unit = 'units'
    GROUP BY ALL
), running AS (
    SELECT
        day, donor, family_id,
        sum(committed) OVER w AS committed,
        sum(known) OVER w AS known,  -- lines whose committed quantity is known: none known gives NULL, not 0
        sum(delivered) OVER w AS delivered,
        sum(outstanding) OVER w AS outstanding,
        sum(new_lines) OVER w AS pledge_lines,
        sum(committed_possible) OVER w AS committed_possible,
        sum(delivered_possible) OVER w AS delivered_possible
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
    CAST(pledge_lines AS BIGINT) AS pledge_lines,
    CASE WHEN known > 0 THEN committed_possible END AS committed_possible,
    delivered_possible
FROM running
ORDER BY date, donor, system_family;
