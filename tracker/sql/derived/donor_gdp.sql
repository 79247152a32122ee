-- donor_gdp (a table, computed once per build): each donor's GDP per year, in US$ and in EUR, as Kiel's shares of GDP take it: the World
-- Bank GDP in current US$, converted at that year's average ECB USD rate (the mean of the daily
-- reference rates in exchange_rates, only for a year they cover: at least 240 days; gdp_eur is NULL
-- otherwise). Kiel's convention, and the default of donor_values_as_of(d) and of the dashboard's
-- ranking, is 2021, the last year before the invasion.
-- Example: SELECT donor, gdp_eur FROM donor_gdp WHERE year = 2021 ORDER BY gdp_eur DESC;
CREATE OR REPLACE TABLE donor_gdp AS
WITH usd AS (
    SELECT CAST(year(date) AS INTEGER) AS year, avg(per_eur) AS per_eur
    FROM exchange_rates
    WHERE currency = 'USD'
    GROUP BY ALL
    HAVING count(*) >= 240
)
SELECT g.donor, CAST(g.year AS INTEGER) AS year, g.gdp_usd, CAST(g.gdp_usd / u.per_eur AS DOUBLE) AS gdp_eur
FROM gdp AS g
LEFT JOIN usd AS u ON u.year = g.year
ORDER BY g.donor, g.year;
