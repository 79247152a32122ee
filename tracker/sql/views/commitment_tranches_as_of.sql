-- commitment_tranches_as_of(d): the units each commitment event added and that are still committed
-- on d (see schemas/views.yaml). A line's units are numbered in the order they were committed; a
-- reduction takes back the most recent ones, so unit k counts as committed from the first day from
-- which the line's committed total stayed at k or more up to d. Lines whose committed quantity is
-- undisclosed on d have no tranches.
CREATE OR REPLACE MACRO commitment_tranches_as_of(as_of) AS TABLE
WITH history AS (
    SELECT line_id, valid_from, last_event_id,
        -- the lowest committed total from this row to d: units up to it stay committed from here on
        min(committed) OVER (PARTITION BY line_id ORDER BY valid_from DESC
                             ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS kept
    FROM pledge_line_history
    WHERE valid_from <= CAST(as_of AS DATE)
      AND line_id NOT IN (SELECT line_id FROM pledge_line_history
                          WHERE valid_from <= CAST(as_of AS DATE) AND CAST(as_of AS DATE) < valid_to AND committed IS NULL)
), tranches AS (
    SELECT line_id, last_event_id AS event_id, valid_from AS committed_on,
        coalesce(lag(kept) OVER (PARTITION BY line_id ORDER BY valid_from), 0) AS unit_from,
        kept AS unit_to
    FROM history
)
SELECT line_id, event_id, committed_on, unit_from, unit_to, unit_to - unit_from AS units
FROM tranches
WHERE unit_to > unit_from;
