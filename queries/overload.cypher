// overload (多口归一): units ranked by the items of work they lead, are responsible for and assist with, and
// the share of those items whose deadline is vague (长期/适时) or missing.
// Twin of queries/overlap.py:overload (its "ranking"). One row per unit; $units: only these (null: all).
MATCH (x:Task) WHERE x.owners_from IS NOT NULL
WITH collect(DISTINCT x.owners_from) AS blocks
MATCH (t) WHERE (t:Task OR t:Problem) AND NOT t.id IN blocks AND coalesce(t.convention, '') <> 'narrated'
OPTIONAL MATCH (b)-[:CONTAINS*1..8]->(t) WHERE b.id = t.owners_from
WITH t, coalesce(b, t) AS holder
MATCH (u:Unit)-[r:LEADS|RESPONSIBLE_FOR]->(holder)
WHERE $units IS NULL OR u.name IN $units
WITH t, holder, u, collect(CASE WHEN type(r) = 'LEADS' THEN 'lead' ELSE coalesce(r.role, 'responsible') END) AS roles
OPTIONAL MATCH (t)-[:DUE]->(own:Deadline)
OPTIONAL MATCH (holder)-[:DUE]->(shared:Deadline)
WITH u, t, roles, coalesce(own.kind, shared.kind, 'none') AS deadline
WITH u.name AS unit,
     count(CASE WHEN 'lead' IN roles THEN 1 END) AS led,
     count(CASE WHEN 'responsible' IN roles THEN 1 END) AS responsible,
     count(CASE WHEN 'assist' IN roles THEN 1 END) AS assist,
     count(t) AS items,
     count(CASE WHEN deadline IN ['ongoing', 'timely', 'none'] THEN 1 END) AS vague_deadlines,
     count(DISTINCT t.doc) AS documents
RETURN unit, led, responsible, assist, items, vague_deadlines, documents
ORDER BY led DESC, items DESC, unit
