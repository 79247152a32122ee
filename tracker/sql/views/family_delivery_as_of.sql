-- family_delivery_as_of(d): delivery_summary_as_of(d) per system family, with the family's name.
CREATE OR REPLACE MACRO family_delivery_as_of(as_of) AS TABLE
SELECT s.key AS system_family, f.name AS system_family_name, s.* EXCLUDE (key)
FROM delivery_summary_as_of(as_of, per := 'system_family') AS s
LEFT JOIN system_families AS f ON f.family_id = s.key
ORDER BY s.key;
