-- What each pledge line is worth in EUR between the days it changed: one row per row of
-- pledge_line_history (same line_id, valid_from inclusive, valid_to exclusive), so that a value
-- "as of d" is the row whose interval holds d. line_values_as_of and donor_values_as_of read it.
--
-- Conventions (also in docs/sql.md, "Valuation conventions"):
-- * value_basis 'stated': the line's latest commitment event on or before the day carries a value
--   and value_currency (a money line, whose unit is a currency, states its committed amount).
--   It converts at the ECB reference rate of that event's day (date_latest: a coarse date
--   converts at the end of its period), i.e. the last rate in exchange_rates on or before it.
-- * value_basis 'unit_price': otherwise, when the committed quantity is known and unit_prices
--   prices the line's system: committed x price, the price converted at the ECB rate of the
--   line's first commitment event (the earliest date_latest of its events; the last rate on or
--   before it). One rate per line: units added by a later increase are valued at the same rate,
--   so a line's value moves only with its quantity. The value is an estimate (is_estimate).
-- * Neither: value_basis, value_eur and is_estimate are NULL.
-- * EUR needs no rate. A rate more than 7 days older than the day it is wanted for counts as
--   missing (exchange_rates does not reach that day); the rule values_have_rates reports it.
-- * counted_eur: the part of value_eur that totals count. Units an item line gained through an
--   event inside a money package (commitment_events.package_line_id) are paid for by that
--   package, whose amount is counted on its own line: their value is left out here (at the line's
--   unit price, or the stated value's share), so no total counts a package and its items twice.
-- * delivered_value_eur: delivered x the unit price in EUR; for a stated value, its share
--   delivered / committed (0 when nothing is delivered; NULL when some is delivered against an
--   undisclosed committed quantity).
CREATE OR REPLACE TABLE pledge_line_values AS
WITH rates AS (
    SELECT currency, date, per_eur FROM exchange_rates
    WHERE currency IS NOT NULL AND date IS NOT NULL AND per_eur > 0
), first_events AS (
    SELECT line_id, min(date_latest) AS first_day
    FROM commitment_events
    WHERE date_latest IS NOT NULL
    GROUP BY ALL
), increments AS (  -- only an item line's units can be inside a package (a money line's package is its envelope)
    SELECT e.line_id, e.event_id, e.date_latest, CASE WHEN l.system_id IS NOT NULL THEN e.package_line_id END AS package_line_id,
        e.committed - coalesce(lag(e.committed) OVER (PARTITION BY e.line_id ORDER BY e.date_latest, e.event_id), 0) AS added
    FROM commitment_events AS e
    JOIN pledge_lines AS l USING (line_id)
), packaged AS (  -- per event: the units the line gained inside packages up to and including it
    SELECT line_id, event_id,
        coalesce(sum(greatest(added, 0)) FILTER (WHERE package_line_id IS NOT NULL)
            OVER (PARTITION BY line_id ORDER BY date_latest, event_id ROWS UNBOUNDED PRECEDING), 0) AS packaged_units
    FROM increments
), states AS (
    SELECT
        h.line_id, h.valid_from, h.valid_to, h.committed, h.delivered, h.last_event_id, pk.packaged_units,
        l.system_id, l.unit, f.first_day, e.date_latest AS event_day, e.source_id AS event_source_id,
        CASE WHEN e.value IS NOT NULL AND e.value_currency IS NOT NULL THEN e.value
             WHEN l.system_id IS NULL THEN h.committed END AS stated_value,
        CASE WHEN e.value IS NOT NULL AND e.value_currency IS NOT NULL THEN e.value_currency
             WHEN l.system_id IS NULL AND h.committed IS NOT NULL THEN l.unit END AS stated_currency
    FROM pledge_line_history AS h
    JOIN pledge_lines AS l USING (line_id)
    LEFT JOIN commitment_events AS e ON e.event_id = h.last_event_id
    LEFT JOIN first_events AS f USING (line_id)
    LEFT JOIN packaged AS pk ON pk.event_id = h.last_event_id
    WHERE h.last_event_id IS NOT NULL  -- a line is valued once a commitment event on it is certain
), with_prices AS (
    SELECT s.*, p.price AS unit_price, p.currency AS unit_price_currency, p.source_id AS price_source_id
    FROM states AS s
    LEFT JOIN unit_prices AS p ON p.system_id = s.system_id
), rates_wanted AS (  -- the rate of each currency and day a value converts on: a few thousand, not one per state
    SELECT k.currency, k.day, r.date AS rate_date, r.per_eur
    FROM (
        SELECT stated_currency AS currency, event_day AS day FROM with_prices WHERE stated_currency IS NOT NULL
        UNION
        SELECT unit_price_currency, first_day FROM with_prices WHERE unit_price_currency IS NOT NULL
    ) AS k
    ASOF LEFT JOIN rates AS r ON r.currency = k.currency AND k.day >= r.date
), priced AS (
    SELECT s.*, sr.rate_date AS stated_rate_date, sr.per_eur AS stated_per_eur,
        pr.rate_date AS price_rate_date, pr.per_eur AS price_per_eur
    FROM with_prices AS s
    LEFT JOIN rates_wanted AS sr ON sr.currency = s.stated_currency AND sr.day = s.event_day
    LEFT JOIN rates_wanted AS pr ON pr.currency = s.unit_price_currency AND pr.day = s.first_day
), in_eur AS (
    SELECT *,
        stated_value * CASE WHEN stated_currency = 'EUR' THEN 1.0
                            WHEN event_day - stated_rate_date <= 7 THEN 1.0 / stated_per_eur END AS stated_eur,
        unit_price * CASE WHEN unit_price_currency = 'EUR' THEN 1.0
                          WHEN first_day - price_rate_date <= 7 THEN 1.0 / price_per_eur END AS unit_price_eur
    FROM priced
), valued AS (
    SELECT *,
        CASE WHEN stated_eur IS NOT NULL THEN 'stated'
             WHEN committed IS NOT NULL AND unit_price_eur IS NOT NULL THEN 'unit_price' END AS value_basis
    FROM in_eur
)
SELECT
    line_id,
    valid_from,
    valid_to,
    committed,
    delivered,
    CAST(CASE value_basis WHEN 'stated' THEN stated_eur WHEN 'unit_price' THEN committed * unit_price_eur END AS DOUBLE) AS value_eur,
    CAST(CASE value_basis
        WHEN 'unit_price' THEN (committed - least(coalesce(packaged_units, 0), committed)) * unit_price_eur
        WHEN 'stated' THEN CASE WHEN coalesce(packaged_units, 0) = 0 THEN stated_eur
                                WHEN committed > 0 THEN stated_eur * (1 - least(packaged_units / committed, 1)) END
    END AS DOUBLE) AS counted_eur,
    CAST(CASE value_basis
        WHEN 'unit_price' THEN delivered * unit_price_eur
        WHEN 'stated' THEN CASE WHEN delivered = 0 OR committed = 0 THEN 0
                                WHEN committed > 0 THEN stated_eur * least(delivered / committed, 1) END
    END AS DOUBLE) AS delivered_value_eur,
    value_basis,
    CASE value_basis WHEN 'unit_price' THEN true WHEN 'stated' THEN false END AS is_estimate,
    stated_value,
    stated_currency,
    CASE WHEN stated_currency <> 'EUR' THEN stated_rate_date END AS stated_rate_date,
    unit_price,
    unit_price_currency,
    CAST(unit_price_eur AS DOUBLE) AS unit_price_eur,
    CASE WHEN unit_price_currency <> 'EUR' THEN price_rate_date END AS price_rate_date,
    price_source_id,
    CASE value_basis WHEN 'stated' THEN event_source_id WHEN 'unit_price' THEN price_source_id END AS value_source_id,
    last_event_id
FROM valued
ORDER BY line_id, valid_from;
