-- line_delivery_as_of(d): how each pledge line known on date d was being delivered, as known on d.
-- * committed, delivered, outstanding: the line's certain totals on d, and committed_possible,
--   delivered_possible what may have happened by d (as pledge_lines_as_of(d)). A line with nothing
--   certain yet (only possible) has committed 0 and first_announced NULL.
-- * first_announced: day of its first commitment event; first_delivery: day of its first delivery;
--   full_delivery: the day from which nothing was outstanding up to d (NULL while anything is, or
--   when nothing is committed). days_to_first_delivery, days_to_full_delivery: days from
--   first_announced. Germany's Leopard 2A6 (14 on 2023-01-25, raised to 18, all 18 delivered on
--   2023-03-27): full_delivery 2023-03-27, 61 days.
-- * mean_days_to_delivery: the average over delivered units of the days between the commitment
--   of a unit and its delivery, matched first in, first out (delivery_matches_as_of).
-- * due_90, delivered_within_90, share_within_90 (and 180, 365): units committed at least 90
--   days before d, how many of them were delivered within 90 days of being committed, and their
--   share (NULL when none is due). Units committed later are not yet judged.
-- * dates_exact: false when a date behind these numbers is coarser than a day (dates count from
--   the end of their period, so days are then approximate).
-- Lines whose unit is a currency are included (their quantities are amounts of money).
-- Example: SELECT line_id, days_to_full_delivery FROM line_delivery_as_of(DATE '2023-12-31') WHERE system_family = 'leopard-2';
CREATE OR REPLACE MACRO line_delivery_as_of(as_of) AS TABLE
WITH lines AS (
    SELECT * FROM pledge_lines_as_of(as_of)
), history AS (
    SELECT line_id, valid_from, outstanding
    FROM pledge_line_history
    WHERE valid_from <= CAST(as_of AS DATE)
), last_open AS (  -- the last day on which something was outstanding (or the quantity unknown)
    SELECT line_id, max(valid_from) FILTER (WHERE outstanding > 0 OR outstanding IS NULL) AS day
    FROM history
    GROUP BY ALL
), full_days AS (
    SELECT h.line_id, min(h.valid_from) AS full_delivery
    FROM history AS h
    LEFT JOIN last_open AS o USING (line_id)
    WHERE h.outstanding <= 0 AND (o.day IS NULL OR h.valid_from > o.day)
    GROUP BY ALL
), first_events AS (
    SELECT line_id, min(date_latest) AS first_event,
        bool_and(date_precision = 'day') FILTER (WHERE date_latest <= CAST(as_of AS DATE)) AS events_exact
    FROM commitment_events
    WHERE date_latest <= CAST(as_of AS DATE)
    GROUP BY ALL
), announced AS (  -- the first announcement, once one of the line's events is certain by d
    SELECT l.line_id, CASE WHEN l.last_event_id IS NOT NULL THEN coalesce(l.first_announced, f.first_event) END AS day
    FROM lines AS l
    LEFT JOIN first_events AS f USING (line_id)
), first_deliveries AS (
    SELECT line_id, min(date_latest) AS first_delivery, bool_and(date_precision = 'day') AS deliveries_exact
    FROM deliveries
    WHERE date_latest <= CAST(as_of AS DATE) AND quantity > 0
    GROUP BY ALL
), due AS (
    SELECT line_id,
        sum(units) FILTER (WHERE committed_on + 90 <= CAST(as_of AS DATE)) AS due_90,
        sum(units) FILTER (WHERE committed_on + 180 <= CAST(as_of AS DATE)) AS due_180,
        sum(units) FILTER (WHERE committed_on + 365 <= CAST(as_of AS DATE)) AS due_365
    FROM commitment_tranches_as_of(as_of)
    GROUP BY ALL
), matched AS (
    SELECT line_id,
        sum(units * days) / sum(units) AS mean_days,
        sum(units) FILTER (WHERE days <= 90 AND committed_on + 90 <= CAST(as_of AS DATE)) AS within_90,
        sum(units) FILTER (WHERE days <= 180 AND committed_on + 180 <= CAST(as_of AS DATE)) AS within_180,
        sum(units) FILTER (WHERE days <= 365 AND committed_on + 365 <= CAST(as_of AS DATE)) AS within_365
    FROM delivery_matches_as_of(as_of)
    GROUP BY ALL
)
SELECT
    l.line_id,
    l.donor,
    l.donor_name,
    l.system_family,
    l.system,
    l.system_name,
    l.category,
    l.unit,
    l.committed,
    l.delivered,
    l.outstanding,
    l.committed_possible,
    l.delivered_possible,
    an.day AS first_announced,
    fd.first_delivery,
    CASE WHEN l.committed > 0 AND l.outstanding <= 0 THEN fu.full_delivery END AS full_delivery,
    CAST(fd.first_delivery - an.day AS INTEGER) AS days_to_first_delivery,
    CAST(CASE WHEN l.committed > 0 AND l.outstanding <= 0 THEN fu.full_delivery END
         - an.day AS INTEGER) AS days_to_full_delivery,
    CAST(m.mean_days AS DOUBLE) AS mean_days_to_delivery,
    d.due_90,
    CASE WHEN d.due_90 > 0 THEN coalesce(m.within_90, 0) END AS delivered_within_90,
    CAST(coalesce(m.within_90, 0) / nullif(d.due_90, 0) AS DOUBLE) AS share_within_90,
    d.due_180,
    CASE WHEN d.due_180 > 0 THEN coalesce(m.within_180, 0) END AS delivered_within_180,
    CAST(coalesce(m.within_180, 0) / nullif(d.due_180, 0) AS DOUBLE) AS share_within_180,
    d.due_365,
    CASE WHEN d.due_365 > 0 THEN coalesce(m.within_365, 0) END AS delivered_within_365,
    CAST(coalesce(m.within_365, 0) / nullif(d.due_365, 0) AS DOUBLE) AS share_within_365,
    coalesce(f.events_exact, true) AND coalesce(fd.deliveries_exact, true) AS dates_exact
FROM lines AS l
LEFT JOIN first_events AS f USING (line_id)
LEFT JOIN announced AS an USING (line_id)
LEFT JOIN first_deliveries AS fd USING (line_id)
LEFT JOIN full_days AS fu USING (line_id)
LEFT JOIN due AS d USING (line_id)
LEFT JOIN matched AS m USING (line_id)
ORDER BY l.line_id;
