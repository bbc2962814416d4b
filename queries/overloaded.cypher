// overloaded (多口归一, the findings): a unit leading at least $min_items of one document's owned items of work,
// and at least $min_share of them (one office receiving every delegated power). Twin of
// queries/overlap.py:overload (its "findings"). One row per (unit, document), by unit and then document: the
// items it leads there in reading order, and how many owned items the document has.
MATCH (x:Task) WHERE x.owners_from IS NOT NULL
WITH collect(DISTINCT x.owners_from) AS blocks
MATCH (t) WHERE (t:Task OR t:Problem) AND NOT t.id IN blocks AND coalesce(t.convention, '') <> 'narrated'
OPTIONAL MATCH (b)-[:CONTAINS*1..8]->(t) WHERE b.id = t.owners_from
WITH t, coalesce(b, t) AS holder
MATCH (:Unit)-[:LEADS|RESPONSIBLE_FOR]->(holder)
WITH DISTINCT t, holder
WITH t.doc AS doc, collect({item: t, holder: holder}) AS work
UNWIND work AS w
WITH doc, size(work) AS owned, w.item AS t, w.holder AS holder
MATCH (u:Unit)-[:LEADS]->(holder)
WITH DISTINCT doc, owned, u, t
ORDER BY t.span[0], t.id
WITH doc, owned, u.name AS unit, collect(t.id) AS items
WHERE size(items) >= $min_items AND toFloat(size(items)) / owned >= $min_share
RETURN 'overload' AS rule, unit, [unit] AS units, doc, items, owned
