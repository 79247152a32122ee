-- Built once per database (a table): the dashboard and notebooks read it often and it sums history.
-- claim_reconciliation: each coalition claim beside the sum of the individual pledge lines in its
-- scope (its system families, and its donors when it names them) on the claim's date; a coarse
-- claim date is reconciled at the end of its period. The claim itself is never part of any total.
-- itemised compares like with like: delivered claims with deliveries, other claims with commitments.
-- itemised is what is certain on that day; itemised_possible adds what may have happened by then
-- (rows whose date window had begun).
CREATE OR REPLACE TABLE claim_reconciliation AS
WITH itemised AS (
    SELECT
        c.claim_id,
        sum(h.committed) AS committed,
        sum(h.delivered) AS delivered,
        sum(h.committed_possible) AS committed_possible,
        sum(h.delivered_possible) AS delivered_possible,
        count(*) FILTER (WHERE h.committed > 0) AS lines,
        list(DISTINCT l.donor ORDER BY l.donor) FILTER (WHERE h.committed > 0) AS donors
    FROM coalition_claims AS c
    JOIN pledge_line_history AS h ON h.valid_from <= c.date_latest AND c.date_latest < h.valid_to
    JOIN pledge_lines AS l USING (line_id)
    JOIN systems AS s ON s.system_id = l.system_id
    WHERE list_contains(c.system_families, s.family_id)
      AND (c.donors IS NULL OR len(c.donors) = 0 OR list_contains(c.donors, l.donor))
    GROUP BY c.claim_id
), compared AS (
    SELECT
        c.*,
        coalesce(CASE WHEN c.measure = 'delivered' THEN i.delivered ELSE i.committed END, 0) AS itemised,
        coalesce(CASE WHEN c.measure = 'delivered' THEN i.delivered_possible ELSE i.committed_possible END, 0) AS itemised_possible,
        coalesce(i.lines, 0) AS itemised_lines,
        coalesce(i.donors, []) AS itemised_donors
    FROM coalition_claims AS c
    LEFT JOIN itemised AS i USING (claim_id)
)
SELECT
    c.claim_id,
    c.date,
    c.date_latest AS reconciled_on,
    c.claimant,
    c.measure,
    c.qualifier,
    c.quantity AS claimed,
    c.itemised,
    c.itemised_possible,
    c.quantity - c.itemised AS difference,
    CASE c.qualifier
        WHEN 'exactly' THEN c.itemised = c.quantity
        WHEN 'at_least' THEN c.itemised >= c.quantity
        WHEN 'up_to' THEN c.itemised <= c.quantity
        WHEN 'about' THEN abs(c.itemised - c.quantity) <= 0.1 * c.quantity
    END AS itemised_agrees,
    c.itemised_lines,
    c.itemised_donors,
    c.system_families,
    c.donors AS claim_donors,
    c.source_id,
    src.url AS source_url
FROM compared AS c
LEFT JOIN sources AS src USING (source_id)
ORDER BY c.date_latest, c.claim_id;
