// work_items: every owned unit of work with its effective owners, one row per (item, unit, role).
// A measure that names nobody shares the owners of the block above it (owners_from); such a block counts as
// its measures, not once more itself. Twin of queries/view.py:View.work_items and effective_owners.
MATCH (x:Task) WHERE x.owners_from IS NOT NULL
WITH collect(DISTINCT x.owners_from) AS blocks
MATCH (t) WHERE (t:Task OR t:Problem) AND NOT t.id IN blocks AND coalesce(t.convention, '') <> 'narrated'
OPTIONAL MATCH (b)-[:CONTAINS*1..8]->(t) WHERE b.id = t.owners_from
WITH t, coalesce(b, t) AS holder
MATCH (u:Unit)-[r:LEADS|RESPONSIBLE_FOR]->(holder)
RETURN t.id AS item, t.doc AS doc, u.name AS unit,
       CASE WHEN type(r) = 'LEADS' THEN 'lead' ELSE coalesce(r.role, 'responsible') END AS role,
       holder.id AS holder
