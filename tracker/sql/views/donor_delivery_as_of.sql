-- donor_delivery_as_of(d): delivery performance per donor as known on date d, over its pledge
-- lines counted in units (lines whose unit is a currency are left out: they do not add up with
-- units), from line_delivery_as_of(d):
-- * lines, lines_delivering (with a first delivery), lines_fully_delivered; committed, delivered
--   and outstanding units, share_delivered (delivered / committed).
-- * median_days_to_first_delivery, median_days_to_full_delivery: medians over its lines that have
--   one (days from the line's first announcement).
-- * mean_days_to_delivery: average days from commitment to delivery over all delivered units.
-- * due_90, delivered_within_90, share_within_90 (and 180, 365): sums over the lines, so the share
--   weighs lines by their units.
-- * dates_exact: false when any of its lines has a date coarser than a day.
-- Example: SELECT donor, share_within_180 FROM donor_delivery_as_of(DATE '2023-12-31') ORDER BY outstanding DESC;
CREATE OR REPLACE MACRO donor_delivery_as_of(as_of) AS TABLE
SELECT
    l.donor, any_value(l.donor_name) AS donor_name,
    count(*) AS lines,
    count(l.first_delivery) AS lines_delivering,
    count(l.full_delivery) AS lines_fully_delivered,
    sum(l.committed) AS committed,
    sum(l.delivered) AS delivered,
    sum(l.outstanding) AS outstanding,
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
GROUP BY l.donor
ORDER BY l.donor;
