-- The donors' shares of a joint pledge are lines of the jointly pledged system, and on the joint
-- announcement's date they add up to the joint total.
WITH shares AS (
    SELECT j.joint_pledge_id, sum(h.committed) AS committed, count(l.line_id) AS lines,
        bool_and(l.system_id = j.system_id) AS same_system
    FROM joint_pledges AS j
    LEFT JOIN pledge_lines AS l USING (joint_pledge_id)
    ASOF LEFT JOIN commitment_totals AS h ON h.line_id = l.line_id AND j.date_latest >= h.day
    GROUP BY ALL
)
SELECT 'joint_pledges' AS table_name, j.joint_pledge_id AS key, 'total' AS column_name,
    number_text(j.total) AS value,
    CASE
        WHEN s.lines = 0 THEN 'has no pledge lines (give each donor''s share a line with this joint_pledge_id)'
        WHEN NOT s.same_system THEN format('has share lines of another system than {}', j.system_id)
        ELSE format('differs from the sum of its donors'' lines on {} ({})', j.date, number_text(coalesce(s.committed, 0)))
    END AS message
FROM joint_pledges AS j JOIN shares AS s USING (joint_pledge_id)
WHERE s.lines = 0 OR NOT s.same_system OR coalesce(s.committed, 0) <> j.total
