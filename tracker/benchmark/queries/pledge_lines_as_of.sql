-- Every pledge line as known on one date (the as-of answer behind most pages and notebooks).
SELECT * FROM pledge_lines_as_of($as_of)
