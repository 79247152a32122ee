-- donor_values_as_of(d [, gdp_year := 2021]): one row per donor with a pledge line known on date d:
-- units committed and delivered, the EUR value of its lines as line_values_as_of(d) gives it
-- (value_eur = stated_eur + estimated_eur, summed over the lines that could be valued, each line's
-- counted_eur: units inside a money package count in the package's amount, in_packages_eur says
-- how much was left out for that; NULL when
-- none could; lines_unvalued counts the others), and that value as a share of the donor's GDP.
-- GDP by the convention of donor_gdp (Kiel's: the World Bank GDP of 2021 at the ECB's 2021 average
-- USD rate); share_of_gdp is a fraction (0.0012 = 0.12 %). gdp_year := Y uses year Y's GDP at year
-- Y's average rate instead; both are NULL when gdp or exchange_rates lack that year.
-- Example: SELECT donor, value_eur, share_of_gdp FROM donor_values_as_of(DATE '2023-12-31') ORDER BY share_of_gdp DESC;
CREATE OR REPLACE MACRO donor_values_as_of(as_of, gdp_year := 2021) AS TABLE
WITH lines AS (
    SELECT * FROM line_values_as_of(as_of)
), totals AS (
    SELECT
        donor,
        coalesce(sum(committed) FILTER (WHERE unit = 'units'), 0) AS committed_units,
        coalesce(sum(delivered) FILTER (WHERE unit = 'units'), 0) AS delivered_units,
        sum(counted_eur) AS value_eur,
        coalesce(sum(value_eur - counted_eur), 0) AS in_packages_eur,
        sum(delivered_value_eur) AS delivered_value_eur,
        count(value_eur) AS lines_valued,
        count(*) - count(value_eur) AS lines_unvalued,
        coalesce(sum(counted_eur) FILTER (WHERE value_basis = 'unit_price'), 0) AS estimated_eur,
        coalesce(sum(counted_eur) FILTER (WHERE value_basis = 'stated'), 0) AS stated_eur
    FROM lines
    GROUP BY donor
)
SELECT
    t.donor,
    dn.name AS donor_name,
    dn.iso_alpha2,
    t.committed_units,
    t.delivered_units,
    CAST(t.value_eur AS DOUBLE) AS value_eur,
    CAST(CASE WHEN t.lines_valued > 0 THEN t.estimated_eur END AS DOUBLE) AS estimated_eur,
    CAST(CASE WHEN t.lines_valued > 0 THEN t.stated_eur END AS DOUBLE) AS stated_eur,
    CAST(t.delivered_value_eur AS DOUBLE) AS delivered_value_eur,
    CAST(t.in_packages_eur AS DOUBLE) AS in_packages_eur,
    t.lines_valued,
    t.lines_unvalued,
    CAST(gdp_year AS INTEGER) AS gdp_year,
    g.gdp_usd,
    g.gdp_eur,
    CAST(t.value_eur / g.gdp_eur AS DOUBLE) AS share_of_gdp
FROM totals AS t
JOIN donors AS dn ON dn.donor_id = t.donor
LEFT JOIN donor_gdp AS g ON g.donor = t.donor AND g.year = gdp_year
ORDER BY t.donor;
