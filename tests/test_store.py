"""The embedded store's guarantees: idempotent loads, replace-on-change, garbage collection of shared nodes,
atomic loads under SIGKILL, and writers in two processes.

The first tests build small extractions by hand (they test the store, not the extractor); the process
tests run the real ``zeren load`` on copies of the fixture corpus.
"""
from __future__ import annotations

import hashlib
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from graph.embedded import EmbeddedStore
from graph.schema import unit_id
from loaders.records import document_id, to_records
from loaders.source import SourceText

ZEREN = [sys.executable, "-m", "cli.main"]
CORPUS = Path(__file__).parent / "fixtures" / "corpus"


# -- hand-built documents ---------------------------------------------------------------------------------

def source(path: Path, text: str) -> SourceText:
    return SourceText(path=str(path), format="txt", encoding="utf-8",
                      sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(), text=text, folded=text)


def span_of(text: str, needle: str) -> list[int]:
    start = text.index(needle)
    return [start, start + len(needle)]


def owner(text: str, mention: str) -> dict:
    """A 市 unit of 盘锦: 市编委办 is named 盘锦市编委办 in the graph."""
    return {"mention": mention, "name": "盘锦" + mention, "collective": False,
            "span": span_of(text, mention), "jurisdiction": "盘锦市"}


def rectification(tasks: list[tuple[str, list[str], str]]) -> str:
    """A small 整改 document: one section, one task per (task text, lead mentions, deadline)."""
    lines = ["盘锦市人民政府办公室关于印发整改意见的通知", "盘政办发〔2017〕69号", "一、审批服务方面"]
    for n, (body, leads, deadline) in enumerate(tasks, 1):
        lines.append(f"{n}.{body}。(牵头部门:{'、'.join(leads)};完成时限:{deadline})")
    lines.append("盘锦市人民政府办公室")
    return "\n".join(lines) + "\n"


def extract_by_hand(text: str, tasks: list[tuple[str, list[str], str]]) -> dict:
    """The extraction contract for a text made by ``rectification``."""
    items = [{"id": "s1", "parent": None, "kind": "section", "number": "一", "text": "一、审批服务方面",
              "lead": [], "responsible": [], "deadline": None, "status": None, "cites": [],
              "span": span_of(text, "一、审批服务方面"), "level": 1}]
    for n, (body, leads, deadline) in enumerate(tasks, 1):
        line = next(line for line in text.splitlines() if line.startswith(f"{n}.{body}"))
        items.append({
            "id": f"t{n}", "parent": "s1", "kind": "task", "number": f"{n}.", "text": line,
            "lead": [owner(text, mention) for mention in leads], "responsible": [],
            "deadline": {"raw": deadline, "date": "2017-06-30" if "6月" in deadline else None,
                         "kind": "date" if "6月" in deadline else "ongoing", "span": span_of(text, deadline)},
            "status": None, "cites": [], "span": span_of(text, line), "level": 2})
    return {"document": {"title": "盘锦市人民政府办公室关于印发整改意见的通知", "issuer": "盘锦市人民政府办公室",
                         "doc_no": "盘政办发〔2017〕69号", "date": "2017-05-28", "jurisdiction": "盘锦市",
                         "kind": "整改意见", "claimed": {"problems": None, "done": None},
                         "cites": [{"title": None, "doc_no": "盘政办发〔2017〕69号",
                                    "span": span_of(text, "盘政办发〔2017〕69号")}]},
            "items": items}


def document(path: Path, tasks: list[tuple[str, list[str], str]]) -> tuple[SourceText, dict]:
    text = rectification(tasks)
    return source(path, text), extract_by_hand(text, tasks)


FIRST = [("精简审批前置要件", ["市编委办"], "2017年6月末前"),
         ("统一网上审批系统", ["市编委办", "市信息中心"], "长期坚持")]
REVISED = [("精简审批前置要件", ["市编委办"], "2017年6月末前"),
           ("规范中介服务收费", ["市物价局"], "2017年6月末前")]
OTHER = [("推行全程代办制度", ["市编委办"], "长期坚持")]


@pytest.fixture
def store(tmp_path):
    with EmbeddedStore(tmp_path / "store") as opened:
        yield opened


def node_ids(store: EmbeddedStore) -> set[str]:
    return set(store.to_networkx().nodes)


def test_records_carry_evidence_from_the_text():
    src, extraction = document(Path("a.txt"), FIRST)
    nodes, edges = to_records(src, extraction)
    for record in (*nodes, *edges):
        if "span" in record.props:
            start, end = record.props["span"]
            assert record.props["doc"] == document_id(src.sha256)
            assert record.props["sentence"] in src.text
            assert src.text[start:end] in record.props["sentence"] or end - start > 300
    leads = [edge for edge in edges if edge.type == "LEADS"]
    assert {edge.props["mention"] for edge in leads} == {"市编委办", "市信息中心"}
    assert all(edge.props["sentence"].startswith("(牵头部门:") for edge in leads)


def test_loading_the_same_content_twice_writes_nothing(store, tmp_path):
    src, extraction = document(tmp_path / "a.txt", FIRST)
    first = store.load(src, extraction)
    before = store.stats()
    again = store.load(src, extraction)
    assert (first.status, again.status) == ("added", "unchanged")
    assert again.doc_id == first.doc_id
    assert store.stats() == before
    assert before["documents"] == 1 and before["nodes"]["Task"] == 2 and before["edges"]["LEADS"] == 3


def test_changed_content_at_the_same_path_replaces_the_old_version(store, tmp_path):
    old = store.load(*document(tmp_path / "a.txt", FIRST))
    new = store.load(*document(tmp_path / "a.txt", REVISED))
    assert new.status == "replaced" and new.doc_id != old.doc_id
    assert [doc["doc_id"] for doc in store.documents()] == [new.doc_id]
    ids = node_ids(store)
    assert not any(node.startswith(old.doc_id) for node in ids)
    # 市信息中心 was named only by the old version; 市编委办 is still named by the new one.
    assert unit_id("盘锦市信息中心") not in ids
    assert {unit_id("盘锦市编委办"), unit_id("盘锦市物价局")} <= ids
    graph = store.to_networkx()
    assert "规范中介服务收费" in graph.nodes[f"{new.doc_id}:t2"]["text"]


def test_a_new_extractor_version_re_extracts_a_stored_document(store, tmp_path):
    src, extraction = document(tmp_path / "a.txt", FIRST)
    store.load(src, {**extraction, "document": {**extraction["document"], "extractor": 1}})
    src, extraction = document(tmp_path / "a.txt", FIRST)
    result = store.load(src, {**extraction, "document": {**extraction["document"], "extractor": 2}})
    assert result.status == "replaced"
    assert [doc["extractor"] for doc in store.documents()] == [2]
    assert store.stats()["nodes"]["Task"] == 2
    assert store.load(src, {**extraction, "document": {**extraction["document"], "extractor": 2}}).status \
        == "unchanged"


def test_a_relative_and_an_absolute_path_are_the_same_document(store, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    store.load(*document(Path("a.txt"), FIRST))
    assert store.load(*document(tmp_path / "a.txt", REVISED)).status == "replaced"
    assert store.stats()["documents"] == 1


def test_shared_nodes_live_while_any_document_refers_to_them(store, tmp_path):
    a = store.load(*document(tmp_path / "a.txt", FIRST))
    b = store.load(*document(tmp_path / "b.txt", OTHER))
    assert store.stats()["nodes"]["Unit"] == 3  # 编委办 (both), 信息中心 (a), the issuer (both)

    assert store.remove(a.doc_id)
    ids = node_ids(store)
    assert unit_id("盘锦市编委办") in ids and unit_id("盘锦市信息中心") not in ids
    assert store.to_networkx().nodes[unit_id("盘锦市编委办")]["jurisdiction"] == "盘锦市"

    assert store.remove(b.doc_id)
    assert not store.remove(b.doc_id)
    counts = store.stats()
    assert counts["documents"] == 0
    assert sum(counts["nodes"].values()) == 0 and sum(counts["edges"].values()) == 0
    with sqlite3.connect(store.location / "zeren.sqlite") as db:  # nothing left behind out of sight either
        assert db.execute("SELECT COUNT(*) FROM node_refs").fetchone()[0] == 0


def test_shared_properties_keep_the_first_non_null_value(store, tmp_path):
    src, extraction = document(tmp_path / "a.txt", OTHER)
    extraction["items"][1]["lead"][0]["jurisdiction"] = None
    store.load(src, extraction)
    unit = unit_id("盘锦市编委办")
    assert store.to_networkx().nodes[unit]["jurisdiction"] is None
    store.load(*document(tmp_path / "b.txt", FIRST))  # fills what was unknown
    assert store.to_networkx().nodes[unit]["jurisdiction"] == "盘锦市"
    src, extraction = document(tmp_path / "c.txt", REVISED)
    extraction["items"][1]["lead"][0]["jurisdiction"] = "辽宁省"
    store.load(src, extraction)  # does not overwrite what is known
    assert store.to_networkx().nodes[unit]["jurisdiction"] == "盘锦市"


def test_networkx_holds_what_stats_counts(store, tmp_path):
    store.load(*document(tmp_path / "a.txt", FIRST))
    store.load(*document(tmp_path / "b.txt", OTHER))
    graph, counts = store.to_networkx(), store.stats()
    by_type = lambda items: {name: sum(1 for kind in items if kind == name) for name in set(items)}
    nodes = by_type([attrs["type"] for _, attrs in graph.nodes(data=True)])
    edges = by_type([key for _, _, key in graph.edges(keys=True)])
    assert nodes == {name: n for name, n in counts["nodes"].items() if n}
    assert edges == {name: n for name, n in counts["edges"].items() if n}
    # 编委办's jurisdiction is asserted by both documents: one edge in the graph (and in stats).
    assert counts["edges"]["IN_JURISDICTION"] == 2  # 编委办 and 信息中心
    assert graph.number_of_edges(unit_id("盘锦市编委办"), "jurisdiction:盘锦市") == 1


def test_the_graph_is_cached_until_the_store_changes(store, tmp_path):
    store.load(*document(tmp_path / "a.txt", FIRST))
    graph = store.to_networkx()
    assert store.to_networkx() is graph
    store.load(*document(tmp_path / "a.txt", FIRST))  # unchanged: still the same graph
    assert store.to_networkx() is graph
    with EmbeddedStore(store.location) as other_process_view:  # a write through another connection
        other_process_view.load(*document(tmp_path / "b.txt", OTHER))
    assert store.to_networkx() is not graph
    assert store.to_networkx().number_of_nodes() > graph.number_of_nodes()


# Schema 1 as zeren 0.1 wrote it: edges and node refs keyed by source and node first.
SCHEMA_1_KEYED_TABLES = """
CREATE TABLE edges (
    source TEXT NOT NULL, type TEXT NOT NULL, target TEXT NOT NULL, doc_id TEXT NOT NULL, props TEXT NOT NULL,
    PRIMARY KEY (source, type, target, doc_id));
CREATE INDEX edges_doc ON edges(doc_id);
CREATE INDEX edges_target ON edges(target);
CREATE TABLE node_refs (node_id TEXT NOT NULL, doc_id TEXT NOT NULL, PRIMARY KEY (node_id, doc_id));
CREATE INDEX node_refs_doc ON node_refs(doc_id);
"""


def test_a_schema_1_store_is_migrated_whole(tmp_path):
    """A store written by schema 1 opens with its documents, graph and shared-node references intact, and
    removing a document still collects what only it referred to."""
    with EmbeddedStore(tmp_path / "store") as store:
        a = store.load(*document(tmp_path / "a.txt", FIRST))
        store.load(*document(tmp_path / "b.txt", OTHER))
        graph, documents, stats = store.to_networkx(), store.documents(), store.stats()
    with sqlite3.connect(tmp_path / "store" / "zeren.sqlite", isolation_level=None) as db:
        edges = db.execute("SELECT source, type, target, doc_id, props FROM edges ORDER BY rowid").fetchall()
        refs = db.execute("SELECT node_id, doc_id FROM node_refs").fetchall()
        db.executescript("BEGIN; DROP TABLE edges; DROP TABLE node_refs;" + SCHEMA_1_KEYED_TABLES + "COMMIT;")
        db.executemany("INSERT INTO edges VALUES (?, ?, ?, ?, ?)", edges)
        db.executemany("INSERT INTO node_refs VALUES (?, ?)", refs)
        db.execute("PRAGMA user_version = 1")
    with EmbeddedStore(tmp_path / "store") as store:
        assert store.documents() == documents and store.stats() == stats
        migrated = store.to_networkx()
        assert dict(migrated.nodes(data=True)) == dict(graph.nodes(data=True))
        assert list(migrated.edges(keys=True, data=True)) == list(graph.edges(keys=True, data=True))
        assert store.remove(a.doc_id)
        assert unit_id("盘锦市信息中心") not in node_ids(store) and unit_id("盘锦市编委办") in node_ids(store)
    with sqlite3.connect(tmp_path / "store" / "zeren.sqlite") as db:
        assert db.execute("PRAGMA user_version").fetchone()[0] == 4
        tables = {name for (name,) in db.execute("SELECT name FROM sqlite_master")}
        assert not {"edges_1", "node_refs_1", "edges_target", "edges_doc"} & tables
        assert db.execute("SELECT COUNT(*) FROM doc_columns").fetchone()[0] == 1  # b's, made in the migration


def test_a_schema_2_store_gets_each_documents_column_fragment(tmp_path):
    """A store written before the column fragments (schema 2) is given them when next opened for writing:
    each the same as a load writes, so the analyses read the same columns either way."""
    with EmbeddedStore(tmp_path / "store") as store:
        store.load(*document(tmp_path / "a.txt", FIRST))
        store.load(*document(tmp_path / "b.txt", OTHER))
    with sqlite3.connect(tmp_path / "store" / "zeren.sqlite", isolation_level=None) as db:
        written = db.execute("SELECT * FROM doc_columns ORDER BY doc_id").fetchall()
        assert len(written) == 2
        db.executescript("BEGIN; DROP TABLE doc_columns; PRAGMA user_version = 2; COMMIT;")
    with EmbeddedStore(tmp_path / "store") as store:
        assert list(store.column_fragments()) == written


def test_a_span_outside_the_text_is_rejected():
    src, extraction = document(Path("a.txt"), FIRST)
    extraction["items"][2]["span"] = [0, 10 ** 6]
    with pytest.raises(ValueError, match="outside a text"):
        to_records(src, extraction)


def test_a_replace_that_fails_half_way_leaves_the_previous_version(store, tmp_path):
    old = store.load(*document(tmp_path / "a.txt", FIRST))
    before, documents_before = store.stats(), store.documents()
    src, extraction = document(tmp_path / "a.txt", REVISED)
    # Not JSON: the store fails writing the new version's nodes, after it has deleted the old version's.
    extraction["items"][2]["status"] = {"not", "json"}
    with pytest.raises(TypeError):
        store.load(src, extraction)
    assert store.stats() == before and store.documents() == documents_before
    assert store.document_text(old.doc_id) == rectification(FIRST)


def test_document_text_is_the_shown_text(store, tmp_path):
    src, extraction = document(tmp_path / "a.txt", FIRST)
    loaded = store.load(src, extraction)
    assert store.document_text(loaded.doc_id) == src.text
    with pytest.raises(KeyError):
        store.document_text("doc:0000000000000000")


# -- real processes on the fixture corpus ------------------------------------------------------------------

# Copies of each corpus file (enough work for a kill to land mid-run) and kills: reduced in `make test`,
# 40 copies (200 documents) and 20 kills in `make fuzz`.
COPIES = int(os.environ.get("ZEREN_KILL_COPIES", "6"))
KILLS = int(os.environ.get("ZEREN_KILLS", "4"))


def write_corpus(folder: Path, version: int) -> Path:
    """Copies of the corpus, each with a distinct last line so each is a document of its own; a new
    ``version`` changes every file, so loading it replaces every stored document."""
    folder.mkdir(exist_ok=True)
    for copy in range(COPIES):
        for path in sorted(CORPUS.glob("*.txt")):
            text = path.read_text(encoding="utf-8")
            (folder / f"{path.stem}_{copy}.txt").write_text(text + f"\n(副本{copy}/{version})\n", encoding="utf-8")
    return folder


def clean_counts(folder: Path, store_dir: Path) -> tuple[dict, dict]:
    """What loading each file into an empty store gives: {doc_id: (path, nodes, edges)}, and the stats."""
    from loaders.extract import extract_file
    with EmbeddedStore(store_dir) as store:
        for path in sorted(folder.glob("*.txt")):
            store.load(*extract_file(str(path)))
        counts = {doc["doc_id"]: (doc["path"], doc["nodes"], doc["edges"]) for doc in store.documents()}
        return counts, store.stats()


def zeren_load(corpus: Path, store: Path) -> subprocess.Popen:
    return subprocess.Popen([*ZEREN, "load", str(corpus), "--store", str(store)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    return write_corpus(tmp_path_factory.mktemp("corpus") / "docs", version=0)


@pytest.fixture(scope="module")
def run_time(corpus, tmp_path_factory) -> float:
    """How long an uninterrupted ``zeren load`` of the corpus takes here, start-up included."""
    started = time.monotonic()
    proc = zeren_load(corpus, tmp_path_factory.mktemp("timed") / "store")
    _, stderr = proc.communicate(timeout=600)
    assert proc.returncode == 0, stderr
    return time.monotonic() - started


def assert_whole(store_dir: Path, clean: dict) -> int:
    """Every stored document is complete and stored once; nothing is left that no document asserts."""
    with EmbeddedStore(store_dir) as store:
        docs = store.documents()
        assert len({doc["doc_id"] for doc in docs}) == len({doc["path"] for doc in docs}) == len(docs)
        for doc in docs:
            assert (doc["path"], doc["nodes"], doc["edges"]) == clean[doc["doc_id"]]
        graph, counts = store.to_networkx(), store.stats()
        assert graph.number_of_nodes() == sum(counts["nodes"].values())
        assert graph.number_of_edges() == sum(counts["edges"].values())
        assert counts["nodes"]["Document"] == len(docs)
    with sqlite3.connect(store_dir / "zeren.sqlite") as db:
        orphans = db.execute("SELECT COUNT(*) FROM nodes WHERE id NOT IN (SELECT node_id FROM node_refs)")
        assert orphans.fetchone()[0] == 0
        strays = db.execute("SELECT COUNT(*) FROM edges WHERE doc_id NOT IN (SELECT doc_id FROM documents)")
        assert strays.fetchone()[0] == 0
    return len(docs)


def test_a_killed_load_leaves_whole_documents_and_a_rerun_completes(run_time, tmp_path):
    folder, store = tmp_path / "docs", tmp_path / "store"
    clean: dict = {}  # every version a killed run may have left in the store
    delays = random.Random(20170528)
    for version in range(KILLS):
        write_corpus(folder, version)  # after the first run, every load is a replace
        version_counts, version_stats = clean_counts(folder, tmp_path / f"clean{version}")
        clean.update(version_counts)
        proc = zeren_load(folder, store)
        # The delay only picks when to kill, somewhere inside a whole run; nothing is asserted about timing.
        time.sleep(delays.uniform(0.3, 0.95) * run_time)
        proc.send_signal(signal.SIGKILL)
        proc.communicate()
        assert assert_whole(store, clean) <= len(version_counts)
    rerun = zeren_load(folder, store)
    _, stderr = rerun.communicate(timeout=600)
    assert rerun.returncode == 0, stderr
    assert assert_whole(store, version_counts) == len(version_counts)
    with EmbeddedStore(store) as finished:
        assert finished.stats() == version_stats


def test_two_loads_at_once_serialise(corpus, tmp_path):
    clean, clean_stats = clean_counts(corpus, tmp_path / "clean")
    store = tmp_path / "store"
    procs = [zeren_load(corpus, store) for _ in range(2)]
    results = [proc.communicate(timeout=600) for proc in procs]
    assert [proc.returncode for proc in procs] == [0, 0], [stderr for _, stderr in results]
    assert assert_whole(store, clean) == len(clean)
    with EmbeddedStore(store) as loaded:
        assert loaded.stats() == clean_stats
    added = sum(int(stdout.split(" added")[0]) for stdout, _ in results)
    assert added == len(clean)  # each document was added by exactly one of the two


def test_the_graph_holds_each_repeated_value_once(store, tmp_path):
    """At 100k documents the graph's size is what decides whether the app can hold it: a document id, a
    node id or a span read on many rows is one object in the graph, not one per row."""
    store.load(*document(tmp_path / "a.txt", FIRST))
    graph = store.to_networkx()
    items = [attrs for _, attrs in graph.nodes(data=True) if attrs["type"] in ("Section", "Task")]
    assert len({id(attrs["doc"]) for attrs in items}) == 1
    ends = [node for edge in graph.edges for node in edge[:2]]
    nodes = {id(node) for node in graph.nodes}
    assert all(id(node) in nodes for node in ends)
    # Equal spans are one list (a CONTAINS edge's span is its item's, an owner edge's is its mention's).
    found = [attrs["span"] for *_, attrs in graph.edges(data=True) if attrs.get("span")]
    found += [attrs["span"] for attrs in items]
    assert len(found) > len({tuple(span) for span in found})  # some spans repeat: the test can fail
    assert len({id(span) for span in found}) == len({tuple(span) for span in found})


def test_reading_the_graph_leaves_the_garbage_collector_as_it_was(store, tmp_path):
    import gc

    from queries.view import View
    store.load(*document(tmp_path / "a.txt", FIRST))
    assert gc.isenabled()
    View(store.to_networkx()).warm()
    assert gc.isenabled()
    store.load(*document(tmp_path / "b.txt", OTHER))  # a new generation: read again
    gc.disable()
    try:
        View(store.to_networkx()).warm()
        assert not gc.isenabled()
    finally:
        gc.enable()
