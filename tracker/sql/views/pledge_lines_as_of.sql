-- pledge_lines_as_of(d): one row per pledge line as known on date d, in no particular order (add
-- ORDER BY): the states of pledge_line_states that hold on d. Columns: schemas/views.yaml.
-- Example: SELECT donor, committed FROM pledge_lines_as_of(DATE '2023-02-14') WHERE system_family = 'leopard-2';
CREATE OR REPLACE MACRO pledge_lines_as_of(as_of) AS TABLE
SELECT * EXCLUDE (valid_from, valid_to, value_eur, counted_eur, value_basis, is_estimate)
FROM pledge_line_states
WHERE valid_from <= CAST(as_of AS DATE) AND CAST(as_of AS DATE) < valid_to;
