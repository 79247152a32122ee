-- line_totals_monthly: the running sums of line_changes_daily at the start of every month, per donor,
-- category and unit (before that month's first day: day < month), from the first month of the
-- record to the month after its last change. The totals as of d are then one month's row plus the
-- few changes of d's own month (day >= date_trunc('month', d)), instead of every change since 2022:
-- dashboards/sql/totals_as_of.sql reads it that way. A month after the last one holds no change, so
-- the last month's sums hold for every later day.
CREATE OR REPLACE TABLE line_totals_monthly AS
WITH months AS (
    SELECT CAST(unnest(generate_series(date_trunc('month', min(day)), date_trunc('month', max(day)) + INTERVAL 1 MONTH, INTERVAL 1 MONTH)) AS DATE) AS month
    FROM line_changes_daily
), monthly AS (  -- each month's changes, per series
    SELECT CAST(date_trunc('month', day) + INTERVAL 1 MONTH AS DATE) AS month, donor, category, unit,
        sum(committed) AS committed, sum(known) AS known, sum(delivered) AS delivered,
        sum(delivered_possible) AS delivered_possible, sum(delivered_upper) AS delivered_upper,
        sum(new_lines) AS new_lines, sum(committed_lines) AS committed_lines, sum(unvalued_lines) AS unvalued_lines,
        sum(counted_lines) AS counted_lines, sum(counted_eur) AS counted_eur, sum(stated_lines) AS stated_lines,
        sum(stated_eur) AS stated_eur, sum(estimated_lines) AS estimated_lines, sum(estimated_eur) AS estimated_eur
    FROM line_changes_daily
    GROUP BY ALL
), series AS (  -- a series has rows from the month after its first change on
    SELECT donor, category, unit, min(month) AS first_month FROM monthly GROUP BY ALL
), grid AS (
    SELECT m.month, s.donor, s.category, s.unit FROM months AS m JOIN series AS s ON m.month >= s.first_month
)
SELECT
    g.month,
    g.donor,
    g.category,
    g.unit,
    sum(coalesce(c.committed, 0)) OVER w AS committed,
    CAST(sum(coalesce(c.known, 0)) OVER w AS INTEGER) AS known,
    sum(coalesce(c.delivered, 0)) OVER w AS delivered,
    sum(coalesce(c.delivered_possible, 0)) OVER w AS delivered_possible,
    sum(coalesce(c.delivered_upper, 0)) OVER w AS delivered_upper,
    CAST(sum(coalesce(c.new_lines, 0)) OVER w AS INTEGER) AS new_lines,
    CAST(sum(coalesce(c.committed_lines, 0)) OVER w AS INTEGER) AS committed_lines,
    CAST(sum(coalesce(c.unvalued_lines, 0)) OVER w AS INTEGER) AS unvalued_lines,
    CAST(sum(coalesce(c.counted_lines, 0)) OVER w AS INTEGER) AS counted_lines,
    CAST(sum(coalesce(c.counted_eur, 0)) OVER w AS DECIMAL(38, 2)) AS counted_eur,
    CAST(sum(coalesce(c.stated_lines, 0)) OVER w AS INTEGER) AS stated_lines,
    CAST(sum(coalesce(c.stated_eur, 0)) OVER w AS DECIMAL(38, 2)) AS stated_eur,
    CAST(sum(coalesce(c.estimated_lines, 0)) OVER w AS INTEGER) AS estimated_lines,
    CAST(sum(coalesce(c.estimated_eur, 0)) OVER w AS DECIMAL(38, 2)) AS estimated_eur
FROM grid AS g
LEFT JOIN monthly AS c ON c.month = g.month AND c.donor = g.donor AND c.category IS NOT DISTINCT FROM g.category AND c.unit = g.unit
WINDOW w AS (PARTITION BY g.donor, g.category, g.unit ORDER BY g.month)
ORDER BY g.month, g.donor;
