-- envelope_values: what an envelope counts between the days it changed. An envelope is a money line
-- that other money lines' events name in commitment_events.package_line_id (a year's budget, an
-- appropriation): from the day of such an event the naming line is a package drawn from it, and the
-- envelope counts only what its packages have not drawn, greatest(its counted_eur - theirs, 0), so
-- that a total holds max(envelope, its packages), never both. A package inside two envelopes counts
-- against the greatest id named so far. One row per envelope and interval [valid_from, valid_to)
-- from the first day a package is inside it; line_values_as_of(d) and line_changes_daily take an
-- envelope's counted_eur from here, every other line's from pledge_line_values.
CREATE OR REPLACE TABLE envelope_values AS
WITH named AS (
    SELECT e.line_id, e.date_latest AS day, e.package_line_id
    FROM commitment_events AS e
    JOIN pledge_lines AS l USING (line_id)
    WHERE l.system_id IS NULL AND e.package_line_id IS NOT NULL AND e.date_latest IS NOT NULL
), membership AS (  -- from each such day on, the package is inside the greatest envelope named so far
    SELECT DISTINCT line_id, day, max(package_line_id) OVER (PARTITION BY line_id ORDER BY day) AS envelope
    FROM named
), spans AS (
    SELECT line_id, envelope, day AS inside_from,
        coalesce(lead(day) OVER (PARTITION BY line_id ORDER BY day), DATE '9999-12-31') AS inside_to
    FROM membership
), days AS (  -- the days an envelope's counted amount can change: its own, a package's entry or change
    SELECT v.line_id AS envelope, v.valid_from AS day
    FROM pledge_line_values AS v
    WHERE v.line_id IN (SELECT envelope FROM spans) AND v.valid_to > (SELECT min(inside_from) FROM spans AS s WHERE s.envelope = v.line_id)
    UNION
    SELECT envelope, inside_from FROM spans
    UNION
    SELECT sp.envelope, v.valid_from
    FROM spans AS sp JOIN pledge_line_values AS v USING (line_id)
    WHERE v.valid_from > sp.inside_from AND v.valid_from < sp.inside_to
), drawn AS (  -- NULL when no package inside it has a value on that day
    SELECT d.envelope, d.day, sum(v.counted_eur) AS drawn_eur
    FROM days AS d
    JOIN spans AS sp ON sp.envelope = d.envelope AND sp.inside_from <= d.day AND d.day < sp.inside_to
    JOIN pledge_line_values AS v ON v.line_id = sp.line_id AND v.valid_from <= d.day AND d.day < v.valid_to
    GROUP BY ALL
), first_inside AS (
    SELECT envelope, min(inside_from) AS day FROM spans GROUP BY ALL
), counted AS (
    SELECT
        d.envelope AS line_id,
        d.day AS valid_from,
        least(coalesce(lead(d.day) OVER (PARTITION BY d.envelope ORDER BY d.day), DATE '9999-12-31'), own.valid_to) AS valid_to,
        CAST(CASE WHEN dr.drawn_eur IS NULL THEN own.counted_eur ELSE greatest(own.counted_eur - dr.drawn_eur, 0) END AS DOUBLE) AS counted_eur,
        CAST(dr.drawn_eur AS DOUBLE) AS drawn_eur
    FROM days AS d
    JOIN first_inside AS fi ON fi.envelope = d.envelope AND d.day >= fi.day
    JOIN pledge_line_values AS own ON own.line_id = d.envelope AND own.valid_from <= d.day AND d.day < own.valid_to
    LEFT JOIN drawn AS dr ON dr.envelope = d.envelope AND dr.day = d.day
)
SELECT line_id, valid_from, valid_to, counted_eur, drawn_eur
FROM counted
WHERE valid_from < valid_to
ORDER BY line_id, valid_from;
