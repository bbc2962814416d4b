"""The View the app and the CLI read from the embedded store's column fragments (queries.store_view) gives
every analysis the same answer as the View over the whole networkx graph, on real documents (and generated
rounds of one archive, where problems recur); and the
fragments follow the store: a document added, replaced or removed changes only its own."""
from __future__ import annotations

from pathlib import Path

import pytest

import queries
from bench.generate import write_corpus
from graph.embedded import EmbeddedStore
from loaders.extract import extract_file
from queries.store_view import StoreView
from queries.view import View
from support.parity import assert_same_ledger_and_chains, dump, made

FIXTURES = Path(__file__).parent / "fixtures"
SETS = ("corpus", "dev/corpus", "real/corpus", "unseen30/corpus", "unseen32/corpus")


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    folder = tmp_path_factory.mktemp("store-view")
    location = folder / "store"
    # and the bench's generated rounds of one archive: problems raised again, units both leading and responsible
    generated = write_corpus(folder / "generated", 80)
    with EmbeddedStore(location) as opened:
        for found in SETS:
            opened.load_many([extract_file(str(path)) for path in sorted((FIXTURES / found).glob("*.txt"))])
        opened.load_many([extract_file(str(path)) for path in generated])
    with EmbeddedStore(location, read_only=True) as opened:
        yield opened


@pytest.fixture(scope="module")
def views(store):
    return View(store.to_networkx()).warm(), StoreView(store).warm()


def test_the_store_view_holds_every_item_owner_and_deadline_of_the_graph(views):
    graph, columns = views
    assert list(graph.items) == list(columns.items) and len(columns.items) > 500
    a, b = graph.columns, columns.columns
    for name in ("type", "doc", "parent", "owners_from", "status", "each_leads", "deadline_kind", "deadline_day",
                 "owner_item", "owner_unit", "owner_role", "owner_collective", "owner_open_ended", "work"):
        assert getattr(a, name).tolist() == getattr(b, name).tolist(), name
    assert graph.mentions == columns.mentions and graph.unit_work_counts == columns.unit_work_counts


@pytest.mark.parametrize("rule", ["no_owner", "vague_owner", "dual_role", "claimed_vs_evidenced", "recurring",
                                  "summary", "overlap", "overload"])
def test_every_analysis_answers_the_same_from_the_store(views, rule):
    graph, columns = views
    found = [made(getattr(queries, rule)(view)) for view in views]
    assert dump(found[0]) == dump(found[1])
    assert found[0], rule      # on these documents every rule finds something: the comparison means something


def test_deadlines_leads_ledger_and_chains_answer_the_same_from_the_store(views):
    graph, columns = views
    for each in (True, False, None):
        assert dump(list(queries.multi_lead(graph, each=each))) == dump(list(queries.multi_lead(columns, each=each)))
    assert dump(list(queries.deadlines(graph, as_of="2024-01-01"))) == \
        dump(list(queries.deadlines(columns, as_of="2024-01-01")))
    items = list(graph.items)[::23]
    assert_same_ledger_and_chains(graph, columns, graph.units[::7], items)
    for item in items:
        assert graph.label(item) == columns.label(item) and graph.ancestors(item) == columns.ancestors(item)
    assert queries.find_units(graph, "住建") == queries.find_units(columns, "住建")


def test_a_document_added_replaced_or_removed_changes_only_its_own_fragment(tmp_path):
    seeds = sorted((FIXTURES / "corpus").glob("*.txt"))
    with EmbeddedStore(tmp_path / "store") as store:
        first = store.load(*extract_file(str(seeds[0])))
        before = {row[0]: row for row in store.column_fragments()}
        second = store.load(*extract_file(str(seeds[1])))
        after = {row[0]: row for row in store.column_fragments()}
        assert set(after) == {first.doc_id, second.doc_id} and after[first.doc_id] == before[first.doc_id]
        assert store.remove(second.doc_id)
        assert {row[0]: row for row in store.column_fragments()} == before
        graph, columns = View(store.to_networkx()), StoreView(store)
        assert dump(queries.summary(graph)) == dump(queries.summary(columns))


def test_a_store_of_the_schema_before_columns_opened_read_only_answers_from_its_graph(tmp_path):
    """Nothing migrates a store opened read-only (the app on a store no writer has opened since the
    upgrade): its documents are listed and its analyses read from its whole graph, as before."""
    import sqlite3
    seeds = sorted((FIXTURES / "corpus").glob("*.txt"))[:2]
    with EmbeddedStore(tmp_path / "store") as store:
        store.load_many([extract_file(str(path)) for path in seeds])
        documents, summary = store.documents(), queries.summary(StoreView(store))
    with sqlite3.connect(tmp_path / "store" / "zeren.sqlite", isolation_level=None) as db:
        db.executescript("BEGIN; DROP TABLE doc_columns; PRAGMA user_version = 2; COMMIT;")
    with EmbeddedStore(tmp_path / "store", read_only=True) as old:
        assert not old.keeps_columns() and old.documents() == documents
        view = queries.store_view(old)
        assert not isinstance(view, StoreView) and dump(queries.summary(view)) == dump(summary)


def test_the_full_text_search_runs_in_the_store_and_finds_what_the_graph_finds(views):
    graph, columns = views
    for query in ("营商环境", "整改", "牵 头", "住建", "不存在的词语"):
        assert queries.search_text(graph, query) == queries.search_text(columns, query), query
    assert queries.search_text(columns, "整改") and len(queries.search_text(columns, "整改", most=3)) == 3


def test_the_full_text_index_follows_the_store_and_older_stores_get_it(tmp_path):
    """A document's items are found while it is stored and not after it is removed; a store written before
    the index (schema 3) gets it when a writer next opens it, and finds the same."""
    import sqlite3
    seeds = sorted((FIXTURES / "corpus").glob("*.txt"))
    with EmbeddedStore(tmp_path / "store") as store:
        kept = store.load(*extract_file(str(seeds[0])))
        gone = store.load(*extract_file(str(seeds[1])))
        found = {phrase: queries.search_text(StoreView(store), phrase) for phrase in ("整改", "营商环境", "住建")}
        assert all(found.values())
        assert store.remove(gone.doc_id)
        after = {phrase: queries.search_text(StoreView(store), phrase) for phrase in found}
        graph = {phrase: queries.search_text(View(store.to_networkx()), phrase) for phrase in found}
        assert after == graph and all(hit["doc"] == kept.doc_id for hits in after.values() for hit in hits)
    with sqlite3.connect(tmp_path / "store" / "zeren.sqlite", isolation_level=None) as db:
        db.executescript("BEGIN; DROP TABLE item_text; DROP TABLE item_text_rows; PRAGMA user_version = 3; COMMIT;")
    with EmbeddedStore(tmp_path / "store") as store:
        assert {phrase: queries.search_text(StoreView(store), phrase) for phrase in found} == after


# -- the joined columns a reader keeps for the next (graph/column_cache.py) ----------------------------------

def joined_afresh(store) -> dict:
    """What joining every row again gives: the reference the cache is held to."""
    from graph import column_cache
    from graph.embedded import JOINED_EVERY, _joined_row
    with store._reading() as db:
        joined = column_cache.in_memory(map(_joined_row, db.execute(JOINED_EVERY)))
    return as_lists(joined)


def as_lists(joined) -> dict:
    return {"docs": list(joined.docs), "versions": joined.versions.tolist(), "items": joined.items.tolist(),
            "owners": joined.owners.tolist(), **{name: values.tolist() for name, values in joined.fields.items()},
            **{name: joined.texts(name) for name in ("strings", "listed", "node")}}


def reads_of(store) -> list[str]:
    """The statements a reader's connection runs from now on."""
    sent: list[str] = []
    store._db.set_trace_callback(sent.append)
    return sent


def test_a_reader_brings_the_kept_columns_up_to_date_reading_only_the_changed_rows(tmp_path):
    """Each reader reads what changed since the last one kept the joined columns: an added, a replaced and
    a removed document, one row each, never every row; and what it joins is what joining every row gives,
    as are the document list and the documents' nodes it answers from them."""
    seeds = sorted((FIXTURES / "corpus").glob("*.txt"))
    location = tmp_path / "store"
    with EmbeddedStore(location) as writer:
        writer.load_many([extract_file(str(path)) for path in seeds[:4]])
        listed, nodes = writer.documents(), writer.nodes_of_type("Document")
    with EmbeddedStore(location, read_only=True) as reader:          # the first reader joins every row
        assert as_lists(reader.joined_columns()) == joined_afresh(reader)
        assert reader.documents() == listed and reader.nodes_of_type("Document") == nodes
    assert [entry.name for entry in (location / "columns").iterdir()] == [str(reader_generation(location))]
    changed = tmp_path / "changed.txt"
    changed.write_text(seeds[1].read_text(encoding="utf-8") + "\n附：本文件另行印发。\n", encoding="utf-8")
    steps = [lambda w: w.load(*extract_file(str(seeds[4]))),                      # added
             lambda w: w.remove(w.documents()[0]["doc_id"]),                       # removed
             lambda w: (w.load(*extract_file(str(changed))), changed.write_text(  # a path loaded, then changed
                 changed.read_text(encoding="utf-8") + "又及。\n", encoding="utf-8"),
                 w.load(*extract_file(str(changed))))]
    for step in steps:
        with EmbeddedStore(location) as writer:
            step(writer)
            listed, nodes = writer.documents(), writer.nodes_of_type("Document")
        with EmbeddedStore(location, read_only=True) as reader:
            sent = reads_of(reader)
            joined = reader.joined_columns()
            assert not any("JOIN" in statement and "IN (" not in statement for statement in sent)   # not every row
            assert all(statement.count("?") <= 1 for statement in sent if "IN (" in statement)
            assert as_lists(joined) == joined_afresh(reader)
            assert reader.documents() == listed and reader.nodes_of_type("Document") == nodes
            view, graph = StoreView(reader), View(reader.to_networkx())
            assert dump(queries.summary(view)) == dump(queries.summary(graph))
            assert dump(list(queries.no_owner(view))) == dump(list(queries.no_owner(graph)))


def reader_generation(location) -> int:
    with EmbeddedStore(location, read_only=True) as reader:
        return reader.generation()


def test_kept_columns_that_are_damaged_or_cannot_be_written_are_read_again_from_the_rows(tmp_path):
    """The kept files are a cache: a damaged one is read around (every row joined again), and a store whose
    directory cannot be written still reads, joining in memory."""
    import shutil
    seeds = sorted((FIXTURES / "corpus").glob("*.txt"))
    location = tmp_path / "store"
    with EmbeddedStore(location) as writer:
        writer.load_many([extract_file(str(path)) for path in seeds])
    with EmbeddedStore(location, read_only=True) as reader:
        expected = as_lists(reader.joined_columns())
    (kept,) = (location / "columns").iterdir()
    (kept / "items.npy").write_bytes(b"not an array")
    with EmbeddedStore(location, read_only=True) as reader:
        assert as_lists(reader.joined_columns()) == expected
    shutil.rmtree(location / "columns")
    (location / "columns").write_text("where the cache would go: a file, so nothing can be kept there")
    with EmbeddedStore(location, read_only=True) as reader:
        assert as_lists(reader.joined_columns()) == expected
        assert dump(queries.summary(StoreView(reader))) == dump(queries.summary(View(reader.to_networkx())))
