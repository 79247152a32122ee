-- delivery_dating: how precisely delivered units are dated, per system category (see
-- schemas/views.yaml): units delivered, and of them the units whose delivery is dated to the day
-- or the month, to a quarter or year, only "by" the day a report gave a running total, or only by
-- Kiel's release (Kiel's undated counts, origin kiel).
-- heavy marks the categories of heavy weapons and air defence that the dating target counts.
-- Example: SELECT category, units, share_month_or_better FROM delivery_dating WHERE heavy;
CREATE OR REPLACE VIEW delivery_dating AS
SELECT
    s.category,
    s.category IN ('main_battle_tank', 'infantry_fighting_vehicle', 'armoured_personnel_carrier',
                   'towed_artillery', 'self_propelled_artillery', 'mortar', 'multiple_rocket_launcher',
                   'air_defence', 'combat_aircraft', 'helicopter') AS heavy,
    count(*) AS deliveries,
    sum(d.quantity) AS units,
    coalesce(sum(d.quantity) FILTER (WHERE d.date_precision IN ('day', 'month')), 0) AS units_month_or_better,
    coalesce(sum(d.quantity) FILTER (WHERE d.date_precision IN ('quarter', 'year')), 0) AS units_quarter_or_year,
    coalesce(sum(d.quantity) FILTER (WHERE d.date_precision = 'by' AND d.origin <> 'kiel'), 0) AS units_by_a_report,
    coalesce(sum(d.quantity) FILTER (WHERE d.date_precision = 'by' AND d.origin = 'kiel'), 0) AS units_by_kiel_release,
    CAST(coalesce(sum(d.quantity) FILTER (WHERE d.date_precision IN ('day', 'month')), 0) / sum(d.quantity) AS DOUBLE) AS share_month_or_better
FROM deliveries AS d
JOIN pledge_lines AS l USING (line_id)
JOIN systems AS s ON s.system_id = l.system_id
WHERE l.unit = 'units'
GROUP BY ALL
ORDER BY heavy DESC, units DESC;
