-- What the database was built from, for the footer of every page.
SELECT git_commit, git_dirty, built_at_utc, schema_version FROM build_info
