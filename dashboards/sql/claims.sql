-- Coalition claims about a system family made by $as_of (or the one claim $claim), beside the
-- itemised sum on their date.
SELECT c.claim_id, c.reconciled_on, c.date::VARCHAR AS date, c.claimant, c.measure, c.qualifier, c.claimed,
       c.itemised, c.difference, c.itemised_agrees, c.source_id, s.title AS source_title, c.source_url
FROM claim_reconciliation AS c
LEFT JOIN sources AS s USING (source_id)
WHERE ($claim::VARCHAR IS NULL OR c.claim_id = $claim)
  AND list_contains(c.system_families, $family::VARCHAR)
  AND c.reconciled_on <= $as_of::DATE
ORDER BY reconciled_on, claim_id
