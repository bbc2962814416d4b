"""Every Cypher statement zeren sends, linted by Neo4j's own Cypher front end (npm
``@neo4j-cypher/language-support``, installed by ``make test`` into tools/cypher_lint/node_modules).

The statements are the Neo4j store's (``graph.neo4j_store.statements()``, made from schema constants only) and
the analyses' twins (queries/*.cypher). test_bolt.py checks that nothing else is ever sent.
"""
from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

from graph.neo4j_store import statements
from queries import cypher, on_server

LINTER = Path(__file__).parent.parent / "tools" / "cypher_lint"


def all_statements() -> dict[str, str]:
    return {**statements(), **{f"twin:{name}": cypher.twin(name) for name in cypher.names()},
            **on_server.statements()}


def lint(named: dict[str, str]) -> dict[str, list[dict]]:
    node = shutil.which("node")
    assert node and (LINTER / "node_modules").is_dir(), "the linter is not installed: run `make test-deps`"
    payload = json.dumps([{"name": name, "query": query} for name, query in named.items()], ensure_ascii=False)
    result = subprocess.run([node, str(LINTER / "lint.mjs")], input=payload, capture_output=True, text=True,
                            timeout=600, check=True)
    return {entry["name"]: entry["diagnostics"] for entry in json.loads(result.stdout)}


def test_every_statement_passes_neo4js_linter():
    named = all_statements()
    # a statement known to be wrong proves the linter is looking (a broken install would say nothing)
    diagnostics = lint({**named, "canary:syntax": "MATCH (n RETURN n", "canary:undefined": "RETURN m.name"})
    assert diagnostics.pop("canary:syntax") and diagnostics.pop("canary:undefined")
    assert len(diagnostics) == len(named) > 200
    # The FalkorDB stand-in reads only the older subquery form, CALL { … }, which Neo4j 5 warns of; Neo4j gets
    # CALL () { … }. That warning, on those statements, is the one diagnostic allowed.
    older = "CALL subquery without a variable scope clause is deprecated"
    for name in [name for name in diagnostics if name.startswith(("page:falkordb:", "count:falkordb:"))]:
        assert [d["message"] for d in diagnostics[name]] == [f"{older}. Use CALL () {{ ... }}"], name
        del diagnostics[name]
    assert {name: found for name, found in diagnostics.items() if found} == {}
