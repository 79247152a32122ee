-- undated_deliveries_daily: deliveries known only as "delivered by this day" (a running total, or a
-- release of another tracker with no delivery dates), summed per day, donor, category and system
-- family, for lines counted in units. The Overview marks the largest of these days on its chart so
-- that a step there is not read as one day's deliveries; summed at build time, the chart reads a
-- few hundred rows instead of filtering every delivery of every line on each view.
CREATE OR REPLACE TABLE undated_deliveries_daily AS
SELECT d.date_latest AS day, l.donor, s.category, s.family_id AS system_family,
       sum(d.quantity) AS quantity, count(*) AS deliveries
FROM deliveries AS d
JOIN pledge_lines AS l USING (line_id)
LEFT JOIN systems AS s ON s.system_id = l.system_id
WHERE d.date_precision = 'by' AND l.unit = 'units' AND d.date_latest IS NOT NULL
GROUP BY ALL
ORDER BY day, l.donor;
