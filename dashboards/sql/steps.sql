-- Committed and delivered units over time for the filtered lines, per donor, as known on $as_of:
-- one row per day on which one of the donor's lines changed, holding until the donor's next row,
-- plus a closing row on $as_of so that steps run to the as-of date.
WITH lines AS (
    SELECT line_id, donor, donor_name FROM ({filtered_lines}) WHERE unit = 'units'
), days AS (
    SELECT DISTINCT l.donor, h.valid_from AS day
    FROM pledge_line_history AS h JOIN lines AS l USING (line_id)
    WHERE h.valid_from <= $as_of::DATE
    UNION
    SELECT DISTINCT donor, $as_of::DATE FROM lines
)
SELECT
    d.day AS date,
    d.donor,
    any_value(l.donor_name) AS donor_name,
    sum(h.committed) AS committed,
    sum(h.delivered) AS delivered,
    d.day = $as_of::DATE AS is_as_of_row
FROM days AS d
JOIN lines AS l ON l.donor = d.donor
JOIN pledge_line_history AS h ON h.line_id = l.line_id AND h.valid_from <= d.day AND d.day < h.valid_to
GROUP BY d.day, d.donor
ORDER BY d.donor, d.day
