// vague_owner (责任主体模糊): every owner an item answers to (its leads, else its responsible units) is a
// class of bodies (各县区政府, 相关部门), or the list is open-ended (…等部门).
// Twin of queries/ownership.py:vague_owner. One row per finding: rule, item id, unit names.
MATCH (u:Unit)-[r:LEADS|RESPONSIBLE_FOR]->(t)
WHERE type(r) = 'LEADS' OR r.role = 'responsible'
WITH t, collect({name: u.name, lead: type(r) = 'LEADS', collective: coalesce(u.collective, false),
                 open: coalesce(r.open_ended, false), at: r.span[0]}) AS owners
WITH t, CASE WHEN any(o IN owners WHERE o.lead) THEN [o IN owners WHERE o.lead] ELSE owners END AS answering
WHERE all(o IN answering WHERE o.collective) OR any(o IN answering WHERE o.open)
UNWIND answering AS o
WITH t, o ORDER BY o.at, o.name
RETURN 'vague_owner' AS rule, t.id AS item, collect(o.name) AS units, t.doc AS doc, t.span[0] AS at
