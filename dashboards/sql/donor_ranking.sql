-- Each donor's filtered lines as known on $as_of, over `totals` (totals_as_of.sql): units, EUR value
-- (stated and estimated apart) and that value as a share of GDP (donor_gdp's convention).
-- over: totals = totals_as_of
SELECT
    donor,
    any_value(donor_name) AS donor_name,
    any_value(donor_type) AS donor_type,
    -- NULL when no line in units has a disclosed quantity
    CASE WHEN sum(known) FILTER (WHERE unit = 'units') > 0 THEN sum(committed) FILTER (WHERE unit = 'units') END AS units_committed,
    sum(delivered) FILTER (WHERE unit = 'units') AS units_delivered,
    sum(delivered_possible) FILTER (WHERE unit = 'units') AS units_delivered_possible,
    CAST(sum(committed_lines) AS BIGINT) AS pledge_lines,
    sum(counted_eur) AS value_eur,
    sum(stated_eur) AS value_eur_stated,
    sum(estimated_eur) AS value_eur_estimated,
    any_value(gdp_eur) AS gdp_eur,
    any_value(gdp_year) AS gdp_year,
    sum(counted_eur) / any_value(gdp_eur) AS share_of_gdp
FROM totals
GROUP BY donor
HAVING sum(committed_lines) > 0
ORDER BY value_eur DESC NULLS LAST, units_committed DESC NULLS LAST, donor
