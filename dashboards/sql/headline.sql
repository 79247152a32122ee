-- The headline figures of the filtered lines as known on $as_of, over `totals` (totals_as_of.sql):
-- donors and lines with something committed, units (lines counted in units only), and EUR
-- (stated and estimated apart; NULL when nothing could be valued).
-- over: totals = totals_as_of
SELECT
    count(DISTINCT donor) FILTER (WHERE committed_lines > 0) AS donors,
    CAST(coalesce(sum(committed_lines), 0) AS BIGINT) AS pledge_lines,
    coalesce(sum(committed) FILTER (WHERE unit = 'units'), 0) AS units_committed,
    coalesce(sum(delivered) FILTER (WHERE unit = 'units'), 0) AS units_delivered,
    coalesce(sum(delivered_possible) FILTER (WHERE unit = 'units'), 0) AS units_delivered_possible,
    sum(counted_eur) AS eur_committed,
    sum(stated_eur) AS eur_stated,
    sum(estimated_eur) AS eur_estimated,
    count(DISTINCT category) FILTER (WHERE unit = 'units' AND committed_lines > 0) AS unit_categories,
    CAST(coalesce(sum(unvalued_lines), 0) AS BIGINT) AS lines_unvalued,
    CAST(coalesce(sum(estimated_lines), 0) AS BIGINT) AS lines_estimated
FROM totals
