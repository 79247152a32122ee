-- line_changes_daily: how the pledge lines' totals changed, summed per day, donor, category, system
-- family and unit. Summing the rows up to a day d (day <= d) gives the totals of pledge_lines_as_of(d)
-- joined with line_values_as_of(d) for any choice of donors, category and family: what every
-- dashboard figure counts (units, lines, EUR stated and estimated), in one scan of a table read in
-- day order, instead of the as-of state of every line on each request. Quantities are in the unit
-- of the row (filter unit = 'units' for weapon systems: never add rounds or money to them); EUR
-- is in cents-exact DECIMAL so that the changes of a line cancel to exactly 0. A line changes on
-- the days of pledge_line_history and, for an envelope, of envelope_values. The states come from
-- pledge_line_states (history and value of each interval, already joined), and a line and what it
-- is summed by are numbered first: the window, the sum and the sort key on integers, not text
-- (at 10^6 events this took 3.8 s against 7.6 s keyed on text).
CREATE OR REPLACE TABLE line_changes_daily AS
WITH envelopes AS (
    SELECT DISTINCT line_id FROM envelope_values
), groups AS (  -- what a line is summed by, numbered, with the ranks the table is stored in
    SELECT row_number() OVER () AS group_no, *,
        dense_rank() OVER (ORDER BY category, system_family) AS family_rank, dense_rank() OVER (ORDER BY donor) AS donor_rank
    FROM (SELECT DISTINCT l.donor, sy.category, sy.family_id AS system_family, l.unit
          FROM pledge_lines AS l LEFT JOIN systems AS sy USING (system_id))
), lines AS (
    SELECT l.line_id, row_number() OVER () AS line_no, g.group_no, e.line_id IS NOT NULL AS envelope
    FROM pledge_lines AS l
    LEFT JOIN systems AS sy USING (system_id)
    JOIN groups AS g ON g.donor = l.donor AND g.category IS NOT DISTINCT FROM sy.category
        AND g.system_family IS NOT DISTINCT FROM sy.family_id AND g.unit = l.unit
    LEFT JOIN envelopes AS e USING (line_id)
), own_days AS (  -- each line's state on the days of its history, with its value of the same interval
    SELECT line_id, valid_from AS day, committed, delivered, delivered_possible, last_event_id, value_eur, counted_eur, value_basis
    FROM pledge_line_states
), envelope_days AS (  -- an envelope also changes when a package enters it or changes: days its own history lacks
    -- (states run to 9999-12-31 without gaps, so the state of such a day is the last one begun)
    SELECT d.line_id, d.day, s.committed, s.delivered, s.delivered_possible, s.last_event_id, s.value_eur, s.counted_eur, s.value_basis
    FROM (SELECT line_id, valid_from AS day FROM envelope_values EXCEPT SELECT line_id, valid_from FROM pledge_line_history) AS d
    ASOF JOIN pledge_line_states AS s ON s.line_id = d.line_id AND d.day >= s.valid_from
), states AS (  -- an envelope counts what envelope_values says
    SELECT l.line_no, l.group_no, o.* EXCLUDE (line_id)
    FROM own_days AS o JOIN lines AS l USING (line_id)
    WHERE NOT l.envelope
    UNION ALL
    SELECT l.line_no, l.group_no, d.day, d.committed, d.delivered, d.delivered_possible, d.last_event_id, d.value_eur,
        CASE WHEN ev.line_id IS NULL THEN d.counted_eur ELSE ev.counted_eur END AS counted_eur, d.value_basis
    FROM (
        SELECT * FROM own_days WHERE line_id IN (SELECT line_id FROM envelopes)
        UNION ALL
        SELECT * FROM envelope_days
    ) AS d
    JOIN lines AS l USING (line_id)
    ASOF LEFT JOIN envelope_values AS ev ON ev.line_id = d.line_id AND d.day >= ev.valid_from
), measures AS (  -- what each line adds to the totals on that day (0 for what it lacks)
    SELECT
        line_no,
        group_no,
        day,
        coalesce(committed, 0) AS committed,
        (committed IS NOT NULL)::INTEGER AS known,
        coalesce(delivered, 0) AS delivered,
        coalesce(delivered_possible, 0) AS delivered_possible,
        coalesce(greatest(delivered_possible, delivered), 0) AS delivered_upper,
        (last_event_id IS NOT NULL)::INTEGER AS new_line,  -- counted once its first event is certain
        coalesce(committed > 0, false)::INTEGER AS committed_line,
        coalesce(committed > 0 AND value_eur IS NULL, false)::INTEGER AS unvalued_line,
        (counted_eur IS NOT NULL)::INTEGER AS counted_line,
        coalesce(CAST(counted_eur AS DECIMAL(38, 2)), 0) AS counted_eur,
        coalesce(value_basis = 'stated' AND counted_eur IS NOT NULL, false)::INTEGER AS stated_line,
        CASE WHEN value_basis = 'stated' THEN coalesce(CAST(counted_eur AS DECIMAL(38, 2)), 0) ELSE 0 END AS stated_eur,
        coalesce(value_basis = 'unit_price', false)::INTEGER AS estimated_line,
        CASE WHEN value_basis = 'unit_price' THEN coalesce(CAST(counted_eur AS DECIMAL(38, 2)), 0) ELSE 0 END AS estimated_eur
    FROM states
), changes AS (  -- each state against the line's previous one
    SELECT
        day,
        group_no,
        committed - coalesce(lag(committed) OVER w, 0) AS committed,
        known - coalesce(lag(known) OVER w, 0) AS known,
        delivered - coalesce(lag(delivered) OVER w, 0) AS delivered,
        delivered_possible - coalesce(lag(delivered_possible) OVER w, 0) AS delivered_possible,
        delivered_upper - coalesce(lag(delivered_upper) OVER w, 0) AS delivered_upper,
        new_line - coalesce(lag(new_line) OVER w, 0) AS new_lines,
        committed_line - coalesce(lag(committed_line) OVER w, 0) AS committed_lines,
        unvalued_line - coalesce(lag(unvalued_line) OVER w, 0) AS unvalued_lines,
        counted_line - coalesce(lag(counted_line) OVER w, 0) AS counted_lines,
        counted_eur - coalesce(lag(counted_eur) OVER w, 0) AS counted_eur,
        stated_line - coalesce(lag(stated_line) OVER w, 0) AS stated_lines,
        stated_eur - coalesce(lag(stated_eur) OVER w, 0) AS stated_eur,
        estimated_line - coalesce(lag(estimated_line) OVER w, 0) AS estimated_lines,
        estimated_eur - coalesce(lag(estimated_eur) OVER w, 0) AS estimated_eur
    FROM measures
    WINDOW w AS (PARTITION BY line_no ORDER BY day)
), summed AS (
    SELECT
        day,
        group_no,
        sum(committed) AS committed,
        CAST(sum(known) AS INTEGER) AS known,
        sum(delivered) AS delivered,
        sum(delivered_possible) AS delivered_possible,
        sum(delivered_upper) AS delivered_upper,
        CAST(sum(new_lines) AS INTEGER) AS new_lines,
        CAST(sum(committed_lines) AS INTEGER) AS committed_lines,
        CAST(sum(unvalued_lines) AS INTEGER) AS unvalued_lines,
        CAST(sum(counted_lines) AS INTEGER) AS counted_lines,
        CAST(sum(counted_eur) AS DECIMAL(38, 2)) AS counted_eur,
        CAST(sum(stated_lines) AS INTEGER) AS stated_lines,
        CAST(sum(stated_eur) AS DECIMAL(38, 2)) AS stated_eur,
        CAST(sum(estimated_lines) AS INTEGER) AS estimated_lines,
        CAST(sum(estimated_eur) AS DECIMAL(38, 2)) AS estimated_eur
    FROM changes
    GROUP BY ALL
)
SELECT s.day, g.donor, g.category, g.system_family, g.unit, s.* EXCLUDE (day, group_no)
FROM summed AS s
JOIN groups AS g USING (group_no)
ORDER BY g.family_rank, s.day, g.donor_rank;  -- category, family, day, donor: a category or family filter reads only its row groups
