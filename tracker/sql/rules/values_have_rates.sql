-- A value can be put in euros: a stated value names its currency and a currency has a value; a
-- stated value in another currency than EUR has an ECB rate in exchange_rates within the week
-- before its event's date, and a unit price in another currency than EUR has one within the week
-- before the first commitment event of every line of its system.
WITH rates AS (
    SELECT currency, date FROM exchange_rates WHERE currency IS NOT NULL AND date IS NOT NULL
), first_events AS (
    SELECT line_id, min(date_latest) AS first_day, arg_min(date, date_latest) AS first_date
    FROM commitment_events
    WHERE date_latest IS NOT NULL
    GROUP BY ALL
), stated AS (
    SELECT e.event_id, e.value_currency, e.date, e.date_latest, r.date AS rate_date
    FROM commitment_events AS e
    ASOF LEFT JOIN rates AS r ON r.currency = e.value_currency AND e.date_latest >= r.date
    WHERE e.value IS NOT NULL AND e.value_currency IS NOT NULL AND e.value_currency <> 'EUR' AND e.date_latest IS NOT NULL
), priced_lines AS (
    SELECT p.system_id, p.currency, l.line_id, f.first_day, f.first_date, r.date AS rate_date
    FROM unit_prices AS p
    JOIN pledge_lines AS l ON l.system_id = p.system_id
    JOIN first_events AS f ON f.line_id = l.line_id
    ASOF LEFT JOIN rates AS r ON r.currency = p.currency AND f.first_day >= r.date
    WHERE p.currency IS NOT NULL AND p.currency <> 'EUR'
)
SELECT 'commitment_events' AS table_name, event_id AS key,
    CASE WHEN value IS NULL THEN 'value' ELSE 'value_currency' END AS column_name,
    CASE WHEN value IS NULL THEN '' ELSE number_text(value) END AS value,
    CASE WHEN value IS NULL THEN format('is empty, but value_currency is {}: give the value or clear the currency', value_currency)
         ELSE 'is required when value is given (the ISO 4217 code of the currency the source states it in)' END AS message
FROM commitment_events
WHERE (value IS NULL) <> (value_currency IS NULL)
UNION ALL
SELECT 'commitment_events', event_id, 'value_currency', value_currency,
    format('has no ECB rate in exchange_rates.csv within the week before {} (refresh it: python -m tracker.reference_tables)', date)
FROM stated
WHERE rate_date IS NULL OR date_latest - rate_date > 7
UNION ALL
SELECT 'unit_prices', system_id, 'currency', currency,
    format('has no ECB rate in exchange_rates.csv within the week before the first event of line {} ({}) (refresh it: python -m tracker.reference_tables)',
           arg_min(line_id, first_day), arg_min(first_date, first_day))
FROM priced_lines
WHERE rate_date IS NULL OR first_day - rate_date > 7
GROUP BY system_id, currency
