// dual_role (既牵头又负责): one unit both lead and responsible (or assisting) on one item.
// Twin of queries/overlap.py:dual_role. One row per finding: rule, item id, unit names, and where the item
// and the second role's owner are named (reading order).
MATCH (u:Unit)-[:LEADS]->(t)<-[r:RESPONSIBLE_FOR]-(u)
RETURN 'dual_role' AS rule, t.id AS item, [u.name] AS units, t.doc AS doc, t.span[0] AS at,
       r.span[0] AS owner_at
