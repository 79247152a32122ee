-- A pledge line counts what its system is counted in: rounds for ammunition, missiles for a
-- missile, items for small arms, portable anti-tank and air-defence weapons and equipment, units
-- for every other system; a line without a system is money in a currency.
SELECT 'pledge_lines' AS table_name, l.line_id AS key, 'unit' AS column_name, l.unit AS value,
    CASE WHEN l.system_id IS NULL
        THEN 'must be a currency code (EUR, USD ...) for a money line; a line of equipment names its system_id'
        ELSE format('must be ''{}'' for a line of {} ({})', expected, coalesce(s.category, 'a system'), l.system_id)
    END AS message
FROM pledge_lines AS l
LEFT JOIN systems AS s USING (system_id),
LATERAL (SELECT CASE WHEN s.category = 'ammunition' THEN 'rounds' WHEN s.category = 'missile' THEN 'missiles'
                     WHEN s.category IN ('small_arms', 'anti_tank_weapon', 'manpads', 'equipment') THEN 'items'
                     ELSE 'units' END AS expected)
WHERE l.unit IS NOT NULL
  AND CASE WHEN l.system_id IS NULL THEN l.unit IN ('units', 'items', 'rounds', 'missiles')
           ELSE l.unit <> expected END
