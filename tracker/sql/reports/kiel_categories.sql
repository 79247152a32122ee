-- Our heavy weapons per donor and Kiel website category (Tanks, IFV, Howitzers, MLRS, Air Defense)
-- as known on a date ($1): committed and delivered by then, and the systems behind the counts.
-- Delivered counts only deliveries dated by then, so Kiel-reported deliveries dated "by" a later
-- release are not in it; delivered_by_release ($2) counts them.
WITH at_date AS (
    SELECT * FROM pledge_lines_as_of(CAST($1 AS DATE)) WHERE last_event_id IS NOT NULL
), at_release AS (
    SELECT line_id, delivered FROM pledge_lines_as_of(CAST($2 AS DATE))
)
SELECT
    a.donor,
    s.kiel_category,
    sum(coalesce(a.committed, 0)) AS committed,
    sum(coalesce(a.delivered, 0)) AS delivered,
    sum(coalesce(r.delivered, 0)) AS delivered_by_release,
    string_agg(a.system_name || ' (' || coalesce(number_text(a.committed), 'undisclosed') || ')', '; '
               ORDER BY a.committed DESC NULLS LAST, a.system_name) AS systems
FROM at_date AS a
JOIN systems AS s ON s.system_id = a.system
LEFT JOIN at_release AS r USING (line_id)
WHERE s.kiel_category IS NOT NULL AND a.unit = 'units'
GROUP BY ALL
ORDER BY a.donor, s.kiel_category
