-- delivery_summary_as_of(d, per := 'donor'): line_delivery_as_of(d) summed per donor, system_family,
-- category or system (per), over the lines counted in units. Columns and conventions: schemas/views.yaml.
-- donor_delivery_as_of and family_delivery_as_of are this with names beside the key.
CREATE OR REPLACE MACRO delivery_summary_as_of(as_of, per := 'donor') AS TABLE
SELECT
    CASE per WHEN 'donor' THEN l.donor WHEN 'system_family' THEN l.system_family
            WHEN 'category' THEN l.category WHEN 'system' THEN l.system
            ELSE error('delivery_summary_as_of: per must be donor, system_family, category or system, not ' || per) END AS key,
    count(l.first_announced) AS lines,  -- lines with a certain commitment event by d
    count(l.first_delivery) AS lines_delivering,
    count(l.full_delivery) AS lines_fully_delivered,
    sum(l.committed) AS committed,
    sum(l.delivered) AS delivered,
    sum(l.outstanding) AS outstanding,
    sum(l.committed_possible) AS committed_possible,
    sum(l.delivered_possible) AS delivered_possible,
    CAST(sum(l.delivered) / nullif(sum(l.committed), 0) AS DOUBLE) AS share_delivered,
    CAST(median(l.days_to_first_delivery) AS DOUBLE) AS median_days_to_first_delivery,
    CAST(median(l.days_to_full_delivery) AS DOUBLE) AS median_days_to_full_delivery,
    CAST(sum(l.mean_days_to_delivery * l.delivered) FILTER (WHERE l.mean_days_to_delivery IS NOT NULL)
         / nullif(sum(l.delivered) FILTER (WHERE l.mean_days_to_delivery IS NOT NULL), 0) AS DOUBLE) AS mean_days_to_delivery,
    sum(l.due_90) AS due_90,
    sum(l.delivered_within_90) AS delivered_within_90,
    CAST(sum(l.delivered_within_90) / nullif(sum(l.due_90), 0) AS DOUBLE) AS share_within_90,
    sum(l.due_180) AS due_180,
    sum(l.delivered_within_180) AS delivered_within_180,
    CAST(sum(l.delivered_within_180) / nullif(sum(l.due_180), 0) AS DOUBLE) AS share_within_180,
    sum(l.due_365) AS due_365,
    sum(l.delivered_within_365) AS delivered_within_365,
    CAST(sum(l.delivered_within_365) / nullif(sum(l.due_365), 0) AS DOUBLE) AS share_within_365,
    bool_and(l.dates_exact) AS dates_exact
FROM line_delivery_as_of(as_of) AS l
WHERE l.unit = 'units'
GROUP BY ALL
ORDER BY key;
