// summary: per document, its problems and tasks. Twin of queries/summary.py:summary ("documents").
MATCH (d:Document)
OPTIONAL MATCH (i) WHERE (i:Problem OR i:Task) AND i.doc = d.id
WITH d, count(CASE WHEN i:Problem THEN 1 END) AS problems, count(CASE WHEN i:Task THEN 1 END) AS tasks
RETURN d.id AS doc, d.title AS title, d.kind AS kind, d.jurisdiction AS jurisdiction, problems, tasks
ORDER BY doc
