// multi_lead (多头牵头): more than one lead on one item; "X、Y分别牵头" is reported apart as split_lead.
// Twin of queries/ownership.py:multi_lead. One row per finding: rule, item id, number of leads, lead names.
MATCH (u:Unit)-[l:LEADS]->(t)
WITH t, u, l ORDER BY l.span[0], u.name
WITH t, collect(u.name) AS units
WHERE size(units) >= 2
RETURN CASE WHEN coalesce(t.each_leads, false) THEN 'split_lead' ELSE 'multi_lead' END AS rule,
       t.id AS item, size(units) AS leads, units, t.doc AS doc, t.span[0] AS at
