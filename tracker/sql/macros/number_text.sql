-- A number as an analyst wrote it: 18 rather than 18.0 (DOUBLE columns hold whole units too).
CREATE OR REPLACE MACRO number_text(x) AS CASE
    WHEN x IS NULL THEN NULL
    WHEN x = floor(x) AND abs(x) < 1e18 THEN CAST(CAST(x AS BIGINT) AS VARCHAR)
    ELSE CAST(x AS VARCHAR)
END;
