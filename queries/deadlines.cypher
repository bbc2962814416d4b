// deadlines (时限问题): for each owned item of work, a missing or vague (长期/适时) deadline, or a date before
// $as_of (overdue) or up to $due_by (due soon) while not reported done. Dates are ISO strings, compared as
// text (portable: some Bolt servers have no date type); in Neo4j Browser set
//   :param as_of => '2026-11-23'
//   :param due_by => '2026-12-23'     (as_of plus the days ahead to look)
// A document dating none of its work is one 'missing_all' row, with how many tasks it has. Each row has its
// document and place in it (reading order) and the names of the units the item answers to. Twin of queries/deadlines.py:deadlines.
MATCH (x:Task) WHERE x.owners_from IS NOT NULL
WITH collect(DISTINCT x.owners_from) AS blocks
MATCH (t) WHERE (t:Task OR t:Problem) AND NOT t.id IN blocks AND coalesce(t.convention, '') <> 'narrated'
OPTIONAL MATCH (b)-[:CONTAINS*1..8]->(t) WHERE b.id = t.owners_from
WITH t, coalesce(b, t) AS holder
MATCH (owner:Unit)-[:LEADS|RESPONSIBLE_FOR]->(holder)
WITH t, holder, collect(DISTINCT owner.name) AS units
OPTIONAL MATCH (t)-[:DUE]->(own:Deadline)
OPTIONAL MATCH (holder)-[:DUE]->(shared:Deadline)
WITH t, units, coalesce(own.kind, shared.kind, 'none') AS kind, coalesce(own.date, shared.date) AS date
WITH t.doc AS doc, collect({item: t.id, kind: kind, date: date, status: t.status, at: t.span[0], tasks: null,
                         units: units}) AS work
WITH doc, work, size([w IN work WHERE w.kind <> 'none']) AS dated
UNWIND CASE WHEN dated = 0 THEN [{item: doc, kind: 'missing_all', date: null, status: null, at: 0, tasks: size(work),
                                   units: []}]
            ELSE work END AS w
WITH doc, w, CASE
    WHEN w.kind = 'missing_all' THEN 'missing_all'
    WHEN w.kind = 'none' THEN 'missing'
    WHEN w.kind IN ['ongoing', 'timely'] THEN 'vague'
    WHEN w.date IS NULL OR coalesce(w.status, '') = 'done' THEN null
    WHEN w.date < $as_of THEN 'overdue'
    WHEN w.date <= $due_by THEN 'due_soon'
    ELSE null END AS finding
WHERE finding IS NOT NULL
RETURN 'deadlines' AS rule, finding AS kind, w.item AS item, w.date AS date, doc, w.at AS at, w.tasks AS tasks,
       w.units AS units
