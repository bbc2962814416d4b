// overlap (交叉重叠): unit pairs named on the same items of work, with how many they share and the Jaccard
// index over the items each is named on. Twin of queries/overlap.py:overlap (its "pairs").
MATCH (x:Task) WHERE x.owners_from IS NOT NULL
WITH collect(DISTINCT x.owners_from) AS blocks
MATCH (t) WHERE (t:Task OR t:Problem) AND NOT t.id IN blocks AND coalesce(t.convention, '') <> 'narrated'
OPTIONAL MATCH (b)-[:CONTAINS*1..8]->(t) WHERE b.id = t.owners_from
WITH t, coalesce(b, t) AS holder
MATCH (u:Unit)-[:LEADS|RESPONSIBLE_FOR]->(holder)
WITH t, collect(DISTINCT u.name) AS units
UNWIND units AS unit
// an item naming more than $max_units units is a roll call: counted for its units, paired for none
WITH unit, t, size(units) <= $max_units AS pairable
WITH unit, collect(DISTINCT t.id) AS items, collect(DISTINCT CASE WHEN pairable THEN t.id END) AS paired
WITH collect({unit: unit, items: items, paired: paired}) AS named
UNWIND named AS a
UNWIND named AS b
WITH a, b, size([i IN a.paired WHERE i IN b.paired]) AS shared
WHERE a.unit < b.unit AND shared >= $min_shared
RETURN a.unit AS a, b.unit AS b, shared,
       round(10000.0 * shared / (size(a.items) + size(b.items) - shared)) / 10000.0 AS jaccard
ORDER BY shared DESC, jaccard DESC, a, b
