// chain, for a unit (:param unit => '盘锦市住房和城乡建设委员会'): every item of work it leads, is responsible
// for or assists with, by document and problem, with deadline and status. Twin of queries/chain.py:unit_chain.
MATCH (x:Task) WHERE x.owners_from IS NOT NULL
WITH collect(DISTINCT x.owners_from) AS blocks
MATCH (u:Unit {name: $unit})-[r:LEADS|RESPONSIBLE_FOR]->(holder)
MATCH (t) WHERE (t:Task OR t:Problem) AND NOT t.id IN blocks AND coalesce(t.convention, '') <> 'narrated'
  AND (t.id = holder.id OR (t.owners_from = holder.id AND NOT holder.id = t.id))
OPTIONAL MATCH (problem:Problem)-[:CONTAINS*0..8]->(t)
OPTIONAL MATCH (t)-[:DUE]->(own:Deadline)
OPTIONAL MATCH (holder)-[:DUE]->(shared:Deadline)
WITH t, problem, own, shared,
     collect(DISTINCT CASE WHEN type(r) = 'LEADS' THEN 'lead' ELSE coalesce(r.role, 'responsible') END) AS roles
RETURN t.doc AS doc, problem.id AS problem, t.id AS item, roles,
       coalesce(own.kind, shared.kind, 'none') AS deadline, coalesce(own.date, shared.date) AS date,
       t.status AS status
ORDER BY doc, t.span[0]
