-- delivery_matches_as_of(d): which delivery carried which committed units, as known on date d.
-- Each line's units are numbered 1, 2, 3 ... in the order they were committed
-- (commitment_tranches_as_of) and in the order they were delivered, and unit k delivered is unit k
-- committed (first in, first out): the 4 Leopard 2A6 Germany added on 2023-02-24 count from that
-- day, the first 14 from 2023-01-25. One row per overlap of a commitment tranche (the units one
-- event added and still committed on d) and a delivery: units, and days from commitment to
-- delivery. Dates are the end of their period (date_latest), as everywhere in
-- as-of answers; dates_exact is false when either date is coarser than a day (days is then an
-- upper or lower bound). Lines whose committed quantity is undisclosed on d have no rows.
-- Example: SELECT event_id, sum(units), max(days) FROM delivery_matches_as_of(DATE '2023-12-31') WHERE line_id = 'DEU-leopard-2a6' GROUP BY ALL;
CREATE OR REPLACE MACRO delivery_matches_as_of(as_of) AS TABLE
WITH delivered AS (
    SELECT line_id, delivery_id, date_latest AS delivered_on, date_precision, quantity,
        sum(quantity) OVER (PARTITION BY line_id ORDER BY date_latest, delivery_id ROWS UNBOUNDED PRECEDING) AS unit_to
    FROM deliveries
    WHERE date_latest <= CAST(as_of AS DATE) AND quantity > 0
)
SELECT
    t.line_id,
    t.event_id,
    t.committed_on,
    d.delivery_id,
    d.delivered_on,
    least(t.unit_to, d.unit_to) - greatest(t.unit_from, d.unit_to - d.quantity) AS units,
    CAST(d.delivered_on - t.committed_on AS INTEGER) AS days,
    e.date_precision = 'day' AND d.date_precision = 'day' AS dates_exact
FROM commitment_tranches_as_of(as_of) AS t
JOIN delivered AS d
  ON d.line_id = t.line_id AND greatest(t.unit_from, d.unit_to - d.quantity) < least(t.unit_to, d.unit_to)
JOIN commitment_events AS e ON e.event_id = t.event_id
ORDER BY t.line_id, t.committed_on, d.delivered_on, d.delivery_id;
