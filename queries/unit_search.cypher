// unit_search (:param first => '住'): the candidate units for a search, each with its mentions and how much
// it carries. Twin of queries/unit_search.py:find_units, which keeps the candidates whose name, mention, alias
// form or abbreviation the query matches (the alias table lives client-side); a candidate's name or a mention
// holds the query's first character.
MATCH (u:Unit)
OPTIONAL MATCH (u)-[r:LEADS|RESPONSIBLE_FOR]->()
WITH u, collect(DISTINCT r.mention) AS mentions, count(r) AS carried
WHERE u.name CONTAINS $first OR any(m IN mentions WHERE m CONTAINS $first)
RETURN u.id AS id, u.name AS name, u.collective AS collective, mentions, carried
ORDER BY carried DESC, name
