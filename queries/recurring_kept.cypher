// recurring (问题反复出现), the findings half: the pairs the server keeps on its problems. After each change
// to the store, queries/on_server.py:keep_recurring reads the problems once (recurring.cypher), scores them as
// the embedded rule does (queries/recurring.py:similar_pairs) and writes each recurring problem's earlier
// problem and score onto it (recurs_of, recurs_score). Reading the findings then reads only them.
MATCH (p:Problem)
WHERE p.recurs_of IS NOT NULL
RETURN p.id AS item, p.recurs_of AS other, p.recurs_score AS score
