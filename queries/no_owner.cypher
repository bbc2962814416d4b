// no_owner (无人负责): items with two or more responsible units and no lead, or only 配合 units;
// and, in documents that assign owners, measures that name no unit. Twin of queries/ownership.py:no_owner.
// One row per finding: rule, kind, item id, unit names; its document and place in it (reading order).
MATCH (u:Unit)-[r:RESPONSIBLE_FOR]->(t)
WHERE t:Task OR t:Problem
WITH t, collect(r.role) AS roles, collect(u.name) AS units
OPTIONAL MATCH (:Unit)-[l:LEADS]->(t)
WITH t, units, count(l) AS leads, size([role IN roles WHERE role = 'responsible']) AS responsible
WHERE leads = 0 AND (responsible >= 2 OR responsible = 0)
RETURN 'no_owner' AS rule, CASE WHEN responsible >= 2 THEN 'no_lead' ELSE 'assist_only' END AS kind,
       t.id AS item, units, t.doc AS doc, t.span[0] AS at
UNION ALL
// A measure naming nobody, where its document assigns owners to other items
MATCH (:Unit)-[:LEADS|RESPONSIBLE_FOR]->(owned)
WITH collect(DISTINCT owned.doc) AS assigning, collect(DISTINCT owned.id) AS owned_ids
MATCH (parent)-[:CONTAINS]->(t)
WHERE (t:Task OR t:Problem) AND t.doc IN assigning AND NOT t.id IN owned_ids
  AND (t.owners_from IS NULL OR NOT t.owners_from IN owned_ids)
OPTIONAL MATCH (t)-[:CONTAINS]->(measure:Task)
WITH parent, t, owned_ids, count(measure) AS measures
OPTIONAL MATCH (parent)-[:CONTAINS]->(sibling:Task)
WHERE sibling.id <> t.id AND (sibling.id IN owned_ids OR sibling.owners_from IN owned_ids)
WITH parent, t, measures, count(sibling) AS owned_siblings
WHERE (t:Problem AND measures = 0)
   OR (t:Task AND NOT parent:Document AND (parent:Problem OR owned_siblings > 0))
RETURN 'no_owner' AS rule, 'no_unit' AS kind, t.id AS item, [] AS units, t.doc AS doc, t.span[0] AS at
