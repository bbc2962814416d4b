#!/usr/bin/env node
// Lint Cypher statements with Neo4j's own front end (parser + semantic analysis).
//
// stdin:  JSON list of {"name": str, "query": str}
// stdout: JSON list of {"name", "diagnostics": [{message, severity, offsets, line, column}]}
//         severity is "error" or "warning" (deprecations come as warnings);
//         offsets are 0-based character offsets, line/column are 1-based.
// Exits 0 whenever it could lint; the caller decides what counts as a failure.
import { readFileSync } from 'node:fs';
import { lintCypherQuery, parseParameters } from '@neo4j-cypher/language-support';

const SEVERITY = { 1: 'error', 2: 'warning', 3: 'info', 4: 'hint' };

function lint(query) {
  // Without a declaration every $param is an error ("Parameter $x is not
  // defined."); the value's type is not checked, so declare each one as null.
  const parameters = Object.fromEntries(parseParameters(query, false).map((p) => [p, null]));
  // No labels/types/functions in the schema: unknown names are not reported,
  // since there is no database to ask what exists.
  const { diagnostics } = lintCypherQuery(query, { parameters });
  return diagnostics.map((d) => ({
    message: d.message,
    severity: SEVERITY[d.severity] ?? String(d.severity),
    offsets: d.offsets,
    line: d.range.start.line + 1,
    column: d.range.start.character + 1,
  }));
}

const statements = JSON.parse(readFileSync(0, 'utf8'));
const results = statements.map(({ name, query }) => ({ name, diagnostics: lint(query) }));
process.stdout.write(JSON.stringify(results, null, 2) + '\n');
