// claimed_vs_evidenced (报告与原文不符): a report's own counts ("26 problems, 24 rectified") against the
// outcomes its problems report. Twin of queries/claims.py:claimed_vs_evidenced. One row per document, with
// its problems not done in reading order.
MATCH (d:Document)
WHERE d.claimed_problems IS NOT NULL OR d.claimed_done IS NOT NULL
OPTIONAL MATCH (p:Problem) WHERE p.doc = d.id
WITH d, p ORDER BY p.span[0], p.id
WITH d, collect(p) AS problems
WITH d, size(problems) AS total, [p IN problems WHERE p.status IS NOT NULL] AS reported
WITH d, total, size(reported) AS reported, [p IN reported WHERE p.status <> 'done'] AS not_done
WITH d, total, reported, size(not_done) AS open, reported - size(not_done) AS done,
     [p IN not_done | p.number] AS not_done_numbers, [p IN not_done | p.id] AS not_done_items
WHERE (d.claimed_problems IS NOT NULL AND d.claimed_problems <> total)
   OR (d.claimed_problems IS NOT NULL AND d.claimed_done IS NOT NULL
       AND open > d.claimed_problems - d.claimed_done)
   OR (d.claimed_done IS NOT NULL AND d.claimed_done > done AND reported = total)
RETURN 'claimed_vs_evidenced' AS rule, d.id AS item, d.claimed_problems AS claimed_problems,
       d.claimed_done AS claimed_done, total AS problems, reported, done, open AS not_done, not_done_numbers,
       not_done_items, d.id AS doc, 0 AS at, [] AS units
