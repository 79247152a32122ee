-- Dates with a precision, written 2023-02-14 (day), 2023-02 (month), 2023-Q1 (quarter) or 2023
-- (year), or open at the start: ../2023-02-24 ("by" that date: on or before the end of the date
-- written; its earliest day is unknown and NULL). Values were validated before loading; TRY_CAST keeps a malformed one NULL instead of
-- failing, so that `tracker validate` can still report every problem in one pass.
CREATE OR REPLACE MACRO fuzzy_date_precision(s) AS CASE
    WHEN starts_with(s, '../') THEN 'by'
    WHEN length(s) = 10 THEN 'day'
    WHEN length(s) = 7 AND s[6] = 'Q' THEN 'quarter'
    WHEN length(s) = 7 THEN 'month'
    WHEN length(s) = 4 THEN 'year'
END;

CREATE OR REPLACE MACRO fuzzy_date_earliest(s) AS CASE fuzzy_date_precision(s)
    WHEN 'day' THEN TRY_CAST(s AS DATE)
    WHEN 'month' THEN TRY_CAST(s || '-01' AS DATE)
    WHEN 'quarter' THEN TRY_CAST(s[1:4] || '-' || lpad(CAST(TRY_CAST(s[7] AS INTEGER) * 3 - 2 AS VARCHAR), 2, '0') || '-01' AS DATE)
    WHEN 'year' THEN TRY_CAST(s || '-01-01' AS DATE)
END;

CREATE OR REPLACE MACRO fuzzy_date_closed_latest(s) AS CASE fuzzy_date_precision(s)
    WHEN 'day' THEN TRY_CAST(s AS DATE)
    WHEN 'month' THEN last_day(TRY_CAST(s || '-01' AS DATE))
    WHEN 'quarter' THEN last_day(TRY_CAST(s[1:4] || '-' || lpad(CAST(TRY_CAST(s[7] AS INTEGER) * 3 AS VARCHAR), 2, '0') || '-01' AS DATE))
    WHEN 'year' THEN TRY_CAST(s || '-12-31' AS DATE)
END;

CREATE OR REPLACE MACRO fuzzy_date_latest(s) AS
    CASE WHEN starts_with(s, '../') THEN fuzzy_date_closed_latest(s[4:]) ELSE fuzzy_date_closed_latest(s) END;
