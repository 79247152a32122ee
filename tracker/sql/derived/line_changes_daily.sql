-- line_changes_daily: how the pledge lines' totals changed, summed per day, donor, category, system
-- family and unit. Summing the rows up to a day d (day <= d) gives the totals of pledge_lines_as_of(d)
-- joined with line_values_as_of(d) for any choice of donors, category and family: what every
-- dashboard figure counts (units, lines, EUR stated and estimated), in one scan of a table read in
-- day order, instead of the as-of state of every line on each request. Quantities are in the unit
-- of the row (filter unit = 'units' for weapon systems: never add rounds or money to them); EUR
-- is in cents-exact DECIMAL so that the changes of a line cancel to exactly 0. A line changes on
-- the days of pledge_line_history and, for an envelope, of envelope_values. Each state and its
-- value come from pledge_line_states, where they are joined already (at 10^6 events 6.7 s against
-- 8.6 s joining history and values again). Keying the window and the sum on numbered lines and
-- groups instead of text was faster still at 10^6 (3.8 s) but ran out of memory at 10^7 under the
-- build's 1.2 GB cap.
CREATE OR REPLACE TABLE line_changes_daily AS
WITH envelopes AS (
    SELECT DISTINCT line_id FROM envelope_values
), own_days AS (  -- each line's state on the days of its history, with its value of the same interval
    SELECT line_id, valid_from AS day, committed, delivered, delivered_possible, last_event_id, value_eur, counted_eur, value_basis
    FROM pledge_line_states
), envelope_days AS (  -- an envelope also changes when a package enters it or changes: days its own history lacks
    -- (states run to 9999-12-31 without gaps, so the state of such a day is the last one begun)
    SELECT d.line_id, d.day, s.committed, s.delivered, s.delivered_possible, s.last_event_id, s.value_eur, s.counted_eur, s.value_basis
    FROM (SELECT line_id, valid_from AS day FROM envelope_values EXCEPT SELECT line_id, valid_from FROM pledge_line_history) AS d
    ASOF JOIN pledge_line_states AS s ON s.line_id = d.line_id AND d.day >= s.valid_from
), states AS (  -- an envelope counts what envelope_values says
    SELECT * FROM own_days WHERE line_id NOT IN (SELECT line_id FROM envelopes)
    UNION ALL
    SELECT d.line_id, d.day, d.committed, d.delivered, d.delivered_possible, d.last_event_id, d.value_eur,
        CASE WHEN ev.line_id IS NULL THEN d.counted_eur ELSE ev.counted_eur END AS counted_eur, d.value_basis
    FROM (
        SELECT * FROM own_days WHERE line_id IN (SELECT line_id FROM envelopes)
        UNION ALL
        SELECT * FROM envelope_days
    ) AS d
    ASOF LEFT JOIN envelope_values AS ev ON ev.line_id = d.line_id AND d.day >= ev.valid_from
), measures AS (  -- what each line adds to the totals on that day (0 for what it lacks), with what it is summed by
    SELECT
        line_id,
        day,
        l.donor,
        sy.category,
        sy.family_id AS system_family,
        l.unit,
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
    JOIN pledge_lines AS l USING (line_id)
    LEFT JOIN systems AS sy ON sy.system_id = l.system_id
), changes AS (  -- the line attributes ride along: the sum below has no join under it to push a (line, day) grouping into
    SELECT
        day,
        donor,
        category,
        system_family,
        unit,
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
    WINDOW w AS (PARTITION BY line_id ORDER BY day)
)
SELECT
    c.day,
    c.donor,
    c.category,
    c.system_family,
    c.unit,
    sum(c.committed) AS committed,
    CAST(sum(c.known) AS INTEGER) AS known,
    sum(c.delivered) AS delivered,
    sum(c.delivered_possible) AS delivered_possible,
    sum(c.delivered_upper) AS delivered_upper,
    CAST(sum(c.new_lines) AS INTEGER) AS new_lines,
    CAST(sum(c.committed_lines) AS INTEGER) AS committed_lines,
    CAST(sum(c.unvalued_lines) AS INTEGER) AS unvalued_lines,
    CAST(sum(c.counted_lines) AS INTEGER) AS counted_lines,
    CAST(sum(c.counted_eur) AS DECIMAL(38, 2)) AS counted_eur,
    CAST(sum(c.stated_lines) AS INTEGER) AS stated_lines,
    CAST(sum(c.stated_eur) AS DECIMAL(38, 2)) AS stated_eur,
    CAST(sum(c.estimated_lines) AS INTEGER) AS estimated_lines,
    CAST(sum(c.estimated_eur) AS DECIMAL(38, 2)) AS estimated_eur
FROM changes AS c
GROUP BY ALL
ORDER BY c.category, c.system_family, c.day, c.donor;  -- a category or family filter reads only its row groups
