-- A source is either a web page with its address or a full citation: a source without a url
-- names its publication date, so that a reader can find it in print or in an archive.
SELECT 'sources' AS table_name, source_id AS key, 'published' AS column_name, '' AS value,
    'is required when url is empty (a citation without an address needs its date)' AS message
FROM sources
WHERE url IS NULL AND published IS NULL
