-- Days on which deliveries known only as "delivered by this day" (a release of another tracker
-- with no delivery dates) take effect for the filtered lines, with how many units: the Overview
-- marks them, so that a reader does not take the step for one day's deliveries.
SELECT d.date_latest AS date, sum(d.quantity) AS quantity, count(*) AS deliveries
FROM deliveries AS d
JOIN ({line_labels}) AS l USING (line_id)
WHERE d.date_precision = 'by' AND d.date_latest <= $as_of::DATE AND l.unit = 'units'
GROUP BY d.date_latest
ORDER BY d.date_latest
