-- The whole commitment timeline: every donor and family, every day a total changed.
SELECT * FROM commitment_timeline
