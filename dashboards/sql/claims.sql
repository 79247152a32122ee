-- Coalition claims about a system family made by $as_of, beside the itemised sum on their date.
SELECT claim_id, reconciled_on, date::VARCHAR AS date, claimant, measure, qualifier, claimed, itemised,
       difference, itemised_agrees, source_id, source_url
FROM claim_reconciliation
WHERE list_contains(system_families, $family::VARCHAR) AND reconciled_on <= $as_of::DATE
ORDER BY reconciled_on, claim_id
