-- Each donor's filtered lines as known on $as_of: units, EUR value, and value as a share of GDP.
WITH lines AS (
    {filtered_lines}
)
SELECT
    l.donor,
    any_value(l.donor_name) AS donor_name,
    any_value(dn.donor_type) AS donor_type,
    sum(l.committed) FILTER (WHERE l.unit = 'units') AS units_committed,
    sum(l.delivered) FILTER (WHERE l.unit = 'units') AS units_delivered,
    sum(l.delivered_possible) FILTER (WHERE l.unit = 'units') AS units_delivered_possible,
    count(*) FILTER (WHERE l.committed > 0) AS pledge_lines,
    sum(l.counted_eur) AS value_eur,
    sum(l.counted_eur) FILTER (WHERE l.value_basis = 'stated') AS value_eur_stated,
    sum(l.counted_eur) FILTER (WHERE l.value_basis = 'unit_price') AS value_eur_estimated,
    any_value(g.gdp_eur) AS gdp_eur,
    any_value(g.gdp_year) AS gdp_year,
    sum(l.counted_eur) / any_value(g.gdp_eur) AS share_of_gdp
FROM lines AS l
JOIN donors AS dn ON dn.donor_id = l.donor
LEFT JOIN donor_values_as_of($as_of::DATE) AS g USING (donor)
GROUP BY l.donor
HAVING sum(l.committed) > 0
ORDER BY value_eur DESC NULLS LAST, units_committed DESC NULLS LAST, l.donor
