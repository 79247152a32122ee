-- line_values_as_of(d): one row per pledge line with a commitment event certain by date d
-- with its value in EUR as known on d. value_basis is 'stated' when the line's latest commitment
-- event on or before d states a value (converted at the ECB rate of that event's day), 'unit_price'
-- when it is committed x the unit price of its system (converted at the ECB rate of the line's
-- first commitment event; is_estimate), NULL when it cannot be valued (value_eur NULL). See
-- pledge_line_values for the conventions. counted_eur is the part of value_eur that totals count
-- (the units inside a money package are counted by the package's line).
-- Example: SELECT donor, sum(value_eur) FROM line_values_as_of(DATE '2023-12-31') GROUP BY donor;
-- A money line whose event names another money line (commitment_events.package_line_id) is drawn
-- from that envelope (a year's budget, an appropriation): the envelope counts only what is not yet
-- drawn by the packages inside it, so a total holds max(envelope, its packages), never both
-- (computed at build time for every day: envelope_values).
CREATE OR REPLACE MACRO line_values_as_of(as_of) AS TABLE
WITH known AS (
    SELECT * FROM pledge_line_values
    WHERE valid_from <= CAST(as_of AS DATE) AND CAST(as_of AS DATE) < valid_to
), envelopes AS (
    SELECT line_id, counted_eur FROM envelope_values
    WHERE valid_from <= CAST(as_of AS DATE) AND CAST(as_of AS DATE) < valid_to
)
SELECT
    l.line_id,
    l.donor,
    dn.name AS donor_name,
    s.family_id AS system_family,
    l.system_id AS system,
    s.name AS system_name,
    s.category,
    l.unit,
    v.committed,
    v.delivered,
    v.value_eur,
    CAST(CASE WHEN ev.line_id IS NULL THEN v.counted_eur ELSE ev.counted_eur END AS DOUBLE) AS counted_eur,
    v.delivered_value_eur,
    v.value_basis,
    v.is_estimate,
    v.stated_value,
    v.stated_currency,
    v.stated_rate_date,
    v.unit_price,
    v.unit_price_currency,
    v.unit_price_eur,
    v.price_rate_date,
    v.price_source_id,
    v.value_source_id,
    v.last_event_id
FROM known AS v
JOIN pledge_lines AS l USING (line_id)
LEFT JOIN envelopes AS ev USING (line_id)
JOIN donors AS dn ON dn.donor_id = l.donor
LEFT JOIN systems AS s ON s.system_id = l.system_id
ORDER BY l.line_id;
