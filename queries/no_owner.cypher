// no_owner (无人负责): items with two or more responsible units, not all classes, and no lead, or only 配合 units;
// and, in documents that assign owners, measures that name no unit. Twin of queries/ownership.py:no_owner.
// One row per finding: rule, kind, item id, unit names; its document and place in it (reading order).
MATCH (u:Unit)-[r:RESPONSIBLE_FOR]->(t)
WHERE (t:Task OR t:Problem) AND coalesce(t.convention, '') <> 'narrated'
WITH t, collect(r.role) AS roles, collect(u.name) AS units,
     collect(CASE WHEN r.role = 'responsible' AND coalesce(u.collective, false) THEN 1 END) AS classes
OPTIONAL MATCH (:Unit)-[l:LEADS]->(t)
WITH t, units, classes, count(l) AS leads, size([role IN roles WHERE role = 'responsible']) AS responsible
// (classes told the work together each do their own part: vague_owner reports an item all classes)
WHERE leads = 0 AND ((responsible >= 2 AND size(classes) < responsible) OR responsible = 0)
RETURN 'no_owner' AS rule, CASE WHEN responsible >= 2 THEN 'no_lead' ELSE 'assist_only' END AS kind,
       t.id AS item, units, t.doc AS doc, t.span[0] AS at
UNION ALL
// A measure naming nobody, where its document assigns owners to other items. Owned or not is asked of each
// item's own edges (and its block's), never of a list of every owned item: that list made the rule quadratic.
// (owners a report narrates, bodies that did the work, give nobody work: they make no document assigning)
MATCH (:Unit)-[:LEADS|RESPONSIBLE_FOR]->(owned)
WHERE coalesce(owned.convention, '') <> 'narrated'
WITH DISTINCT owned.doc AS assigning
MATCH (:Document {id: assigning})-[:CONTAINS*1..8]->(t)
WHERE (t:Task OR t:Problem) AND NOT (t)<-[:LEADS|RESPONSIBLE_FOR]-(:Unit)
OPTIONAL MATCH (block)-[:CONTAINS*1..8]->(t) WHERE block.id = t.owners_from
OPTIONAL MATCH (block_owner:Unit)-[:LEADS|RESPONSIBLE_FOR]->(block)
WITH t, count(block_owner) AS block_owners
WHERE block_owners = 0
MATCH (parent)-[:CONTAINS]->(t)
OPTIONAL MATCH (t)-[:CONTAINS]->(measure:Task)
WITH parent, t, count(measure) AS measures
OPTIONAL MATCH (parent)-[:CONTAINS]->(sibling:Task)
OPTIONAL MATCH (sibling_owner:Unit)-[:LEADS|RESPONSIBLE_FOR]->(sibling)
OPTIONAL MATCH (sibling_block)-[:CONTAINS*1..8]->(sibling) WHERE sibling_block.id = sibling.owners_from
OPTIONAL MATCH (sibling_block_owner:Unit)-[:LEADS|RESPONSIBLE_FOR]->(sibling_block)
WITH parent, t, measures,
     count(DISTINCT CASE WHEN sibling.id <> t.id AND coalesce(sibling.convention, '') <> 'narrated'
                              AND (sibling_owner IS NOT NULL OR sibling_block_owner IS NOT NULL)
                         THEN sibling.id END) AS owned_siblings
WHERE (t:Problem AND measures = 0)
   OR (t:Task AND NOT parent:Document AND (parent:Problem OR owned_siblings > 0))
RETURN 'no_owner' AS rule, 'no_unit' AS kind, t.id AS item, [] AS units, t.doc AS doc, t.span[0] AS at
