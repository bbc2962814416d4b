// finding_facts: what a finding shows of the items (or documents) it names, read where they are stored, one row
// per item: its properties and type; the parts of its label (from the top of the document down to it: its
// number, or its place among its parent's items); the units it names, each with its edge; its deadline; the
// block it shares owners with, with that block's units and deadline; its document's facts (not its text);
// and each span's quote, cut from the document's text in the server (a span that is null cuts nothing: a
// Bolt server may evaluate both branches of a CASE). `zeren gaps --neo4j` reads these for the
// findings it shows, never the graph. Twin of queries/view.py (View.item_ref, label, owners_by_item,
// due_by_item, effective_owners) and queries.quote, for the nodes $ids.
UNWIND $ids AS id
OPTIONAL MATCH (task:Task {id: id})
OPTIONAL MATCH (problem:Problem {id: id})
OPTIONAL MATCH (section:Section {id: id})
OPTIONAL MATCH (document:Document {id: id})
WITH DISTINCT coalesce(task, problem, section, document) AS n
WHERE n IS NOT NULL
MATCH (d:Document {id: n.doc})
OPTIONAL MATCH path = (:Document)-[:CONTAINS*1..8]->(n)
WITH d, n, CASE WHEN path IS NULL THEN [] ELSE nodes(path) END AS trail
UNWIND CASE WHEN size(trail) < 2 THEN [0] ELSE range(1, size(trail) - 1) END AS depth
WITH d, n, depth, CASE WHEN depth = 0 THEN null ELSE trail[depth - 1] END AS above,
     CASE WHEN depth = 0 THEN null ELSE trail[depth] END AS here
OPTIONAL MATCH (above)-[:CONTAINS]->(before)
WHERE here.number IS NULL AND before.span[0] < here.span[0]
WITH d, n, depth, here, count(before) AS earlier
ORDER BY depth
WITH d, n, [part IN collect({depth: depth, number: here.number, place: earlier + 1}) WHERE part.depth > 0] AS label
OPTIONAL MATCH (u:Unit)-[r:LEADS|RESPONSIBLE_FOR]->(n)
WITH d, n, label,
     collect(CASE WHEN u IS NULL THEN null
                  ELSE {unit: properties(u), type: type(r), edge: properties(r),
                        quote: substring(d.text, coalesce(r.span[0], 0), coalesce(r.span[1] - r.span[0], 0))} END) AS owners
OPTIONAL MATCH (n)-[due:DUE]->(deadline:Deadline)
WITH d, n, label, owners,
     collect(CASE WHEN deadline IS NULL THEN null
                  ELSE {deadline: properties(deadline), edge: properties(due),
                        quote: substring(d.text, coalesce(due.span[0], 0), coalesce(due.span[1] - due.span[0], 0))} END) AS dues
OPTIONAL MATCH (holder)-[:CONTAINS*1..8]->(n) WHERE holder.id = n.owners_from
OPTIONAL MATCH (hu:Unit)-[hr:LEADS|RESPONSIBLE_FOR]->(holder)
WITH d, n, label, owners, dues, holder,
     collect(CASE WHEN hu IS NULL THEN null
                  ELSE {unit: properties(hu), type: type(hr), edge: properties(hr),
                        quote: substring(d.text, coalesce(hr.span[0], 0), coalesce(hr.span[1] - hr.span[0], 0))} END) AS holder_owners
OPTIONAL MATCH (holder)-[hdue:DUE]->(hdeadline:Deadline)
WITH d, n, label, owners, dues, holder, holder_owners,
     collect(CASE WHEN hdeadline IS NULL THEN null
                  ELSE {deadline: properties(hdeadline), edge: properties(hdue),
                        quote: substring(d.text, coalesce(hdue.span[0], 0), coalesce(hdue.span[1] - hdue.span[0], 0))} END) AS holder_dues
RETURN labels(n)[0] AS type, label, owners, dues, holder_owners, holder_dues,
       CASE WHEN labels(n)[0] = 'Document' THEN null ELSE properties(n) END AS node,
       substring(d.text, n.span[0], n.span[1] - n.span[0]) AS quote,
       d {.id, .doc, .title, .issuer, .doc_no, .date, .jurisdiction, .kind, .path, .sha256, .claimed_problems,
          .claimed_done, .span, .sentence, .ocr_confidence} AS document,
       CASE WHEN holder IS NULL THEN null ELSE properties(holder) END AS holder,
       CASE WHEN holder IS NULL THEN null ELSE labels(holder)[0] END AS holder_type
