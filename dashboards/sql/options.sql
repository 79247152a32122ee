-- Choices for the filters: donors, categories and system families that have pledge lines, and
-- the span of dates in the record (computed at build time: filter_options).
SELECT kind, value, label FROM filter_options ORDER BY kind, label
