-- donor_delivery_as_of(d): delivery_summary_as_of(d) per donor, with the donor's name.
CREATE OR REPLACE MACRO donor_delivery_as_of(as_of) AS TABLE
SELECT s.key AS donor, d.name AS donor_name, s.* EXCLUDE (key)
FROM delivery_summary_as_of(as_of, per := 'donor') AS s
LEFT JOIN donors AS d ON d.donor_id = s.key
ORDER BY s.key;
