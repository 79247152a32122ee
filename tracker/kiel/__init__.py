"""Import a Kiel Ukraine Support Tracker release (its xlsx, or the CSV of its main sheet)."""
