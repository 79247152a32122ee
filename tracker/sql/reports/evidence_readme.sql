-- The README's evidence line: delivered units on heavy-weapon and air-defence lines by how they are
-- dated, and the Contact Group meetings with at least one linked announcement.
SELECT
    (SELECT struct_pack(units := sum(units), month := sum(units_month_or_better),
                        by_report := sum(units_by_a_report), by_kiel := sum(units_by_kiel_release))
     FROM delivery_dating WHERE heavy) AS heavy,
    (SELECT count(DISTINCT e.meeting_id) FROM commitment_events AS e JOIN meetings AS m USING (meeting_id)
     WHERE m.series = 'udcg') AS linked,
    (SELECT count(*) FROM meetings WHERE series = 'udcg') AS udcg
