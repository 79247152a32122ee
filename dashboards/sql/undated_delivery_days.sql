-- Days on which deliveries known only as "delivered by this day" (a release of another tracker
-- with no delivery dates) take effect for the filtered lines, with how many units
-- (undated_deliveries_daily, summed at build time): the Overview marks them, so that a reader does
-- not take the step for one day's deliveries.
SELECT day AS date, sum(quantity) AS quantity, CAST(sum(deliveries) AS BIGINT) AS deliveries
FROM undated_deliveries_daily
WHERE day <= $as_of::DATE
  AND (len($donors::VARCHAR[]) = 0 OR list_contains($donors::VARCHAR[], donor))
  AND ($category::VARCHAR IS NULL OR category = $category)
  AND ($family::VARCHAR IS NULL OR system_family = $family)
GROUP BY day
ORDER BY day
