-- Each donor's EUR value of military commitments as known at the end of year $1 (counted value:
-- a money package once, the items inside it not again), for `tracker compare kiel-totals`.
SELECT donor, coalesce(value_eur, 0) AS value_eur
FROM donor_values_as_of(make_date(CAST($1 AS INTEGER), 12, 31))
