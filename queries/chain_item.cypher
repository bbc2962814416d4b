// chain, for an item (:param item => 'doc:…:i7'): document → sections → problem → the item, then each task of
// its problem (or the task itself) with its owners (a measure's come from its block) and deadline.
// Twin of queries/chain.py:item_chain. One row per task and owner; trail is the path down to the item.
MATCH path = (d:Document)-[:CONTAINS*1..8]->(i {id: $item})
WITH d, i, [n IN nodes(path) WHERE NOT n:Document | n.id] AS trail
OPTIONAL MATCH (problem:Problem)-[:CONTAINS*0..8]->(i)
WITH d, i, trail, coalesce(problem, i) AS top
MATCH (top)-[:CONTAINS*0..8]->(task:Task)
WHERE NOT top:Task OR task.id = top.id
OPTIONAL MATCH (b)-[:CONTAINS*1..8]->(task) WHERE b.id = task.owners_from
WITH d, trail, task, coalesce(b, task) AS holder
OPTIONAL MATCH (u:Unit)-[r:LEADS|RESPONSIBLE_FOR]->(holder)
OPTIONAL MATCH (task)-[:DUE]->(own:Deadline)
OPTIONAL MATCH (holder)-[:DUE]->(shared:Deadline)
WITH d, trail, task, u, coalesce(own.kind, shared.kind, 'none') AS deadline,
     CASE WHEN r IS NULL THEN null WHEN type(r) = 'LEADS' THEN 'lead' ELSE coalesce(r.role, 'responsible') END AS role
RETURN d.id AS document, trail, task.id AS task, u.name AS unit, role, deadline, task.span[0] AS at
ORDER BY at, unit
