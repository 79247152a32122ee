-- The timeline of the largest system family, as the Systems page asks for it.
SELECT * FROM commitment_timeline WHERE system_family = $family
