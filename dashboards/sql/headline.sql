-- The Overview's headline figures as known on $as_of for the filtered lines.
WITH lines AS (
    {filtered_lines}
)
SELECT
    count(DISTINCT donor) FILTER (WHERE committed > 0) AS donors,
    count(*) FILTER (WHERE committed > 0) AS pledge_lines,
    coalesce(sum(committed) FILTER (WHERE unit = 'units'), 0) AS units_committed,
    coalesce(sum(delivered) FILTER (WHERE unit = 'units'), 0) AS units_delivered,
    coalesce(sum(delivered_possible) FILTER (WHERE unit = 'units'), 0) AS units_delivered_possible,
    sum(counted_eur) AS eur_committed,
    sum(counted_eur) FILTER (WHERE value_basis = 'stated') AS eur_stated,
    sum(counted_eur) FILTER (WHERE value_basis = 'unit_price') AS eur_estimated,
    count(DISTINCT category) FILTER (WHERE unit = 'units' AND committed > 0) AS unit_categories,
    count(*) FILTER (WHERE committed > 0 AND value_eur IS NULL) AS lines_unvalued,
    count(*) FILTER (WHERE is_estimate) AS lines_estimated
FROM lines
