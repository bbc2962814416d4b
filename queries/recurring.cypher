// recurring (问题反复出现), the fetch half: every problem with its document and text. Similarity is scored
// outside Cypher (queries/recurring.py: first sentence, trigram sketches, rapidfuzz ratio >= threshold), as
// neither Neo4j's Cypher nor its portable subset has a string-similarity function without plugins.
MATCH (p:Problem)
RETURN p.id AS item, p.doc AS doc, p.text AS text, p.span[0] AS start
ORDER BY doc, start
