-- A pledge line of a system counts units; a line without a system is money in a currency.
SELECT 'pledge_lines' AS table_name, line_id AS key, 'unit' AS column_name, unit AS value,
    CASE WHEN system_id IS NOT NULL
        THEN format('must be ''units'' for a line of a system ({})', system_id)
        ELSE 'must be a currency code (EUR, USD ...) for a money line; a line of equipment names its system_id'
    END AS message
FROM pledge_lines
WHERE unit IS NOT NULL AND ((system_id IS NOT NULL) <> (unit = 'units'))
