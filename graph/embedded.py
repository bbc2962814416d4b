"""The embedded store: one directory holding a SQLite database (``zeren.sqlite``, WAL mode), a lock file, and
the readers' cache of the joined columns (``columns/``, graph/column_cache.py).

How it keeps the store's rules (see graph/store.py):

- Atomic: every load or removal is one SQLite transaction (BEGIN IMMEDIATE … COMMIT). A process killed
  half-way leaves an uncommitted transaction that SQLite rolls back when the store is next opened.
- Serialised writers: a writer first takes an exclusive ``flock`` on ``DIR/lock``, then BEGIN IMMEDIATE.
  The flock queues writers from any number of processes without SQLite's busy timeout running out during a
  long run, and the kernel drops it when its process dies, so a crash never leaves a stale lock. Readers
  take no lock: WAL gives them a consistent snapshot while a writer works.
- Idempotent: the "is this content already stored?" check runs inside the write transaction, so two
  processes loading the same file cannot both add it.
- Shared nodes live while a row of ``node_refs`` names them. Every node a document asserts gets a row
  (a document's own items have exactly one), so removing a document is: drop its edges, drop the nodes only
  it referred to, drop its refs.

Every SQL statement takes its values as parameters; the only SQL built in code is constant text and lists
of "?" placeholders.
"""
from __future__ import annotations

import fcntl
import os
import sqlite3
import threading
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

import networkx as nx
import numpy as np
import orjson

from graph import column_cache
from graph.columnar import COLUMNS, FIELDS, fragment
from graph.schema import EDGE_TYPES, NODE_TYPES, Edge, Node, SharedValues, complete
from graph.store import LoadResult, Store, StoreError, collector_paused, load_status, stale_versions
from loaders.records import document_id, to_records
from loaders.source import SourceText

SCHEMA_VERSION = 4
DATABASE, LOCK = "zeren.sqlite", "lock"
BUSY_TIMEOUT = 60.0  # seconds; writers queue on the flock, this only covers WAL checkpoints and recovery
# SQLite's default page cache is 2 MB; a bulk load inserts into indexes of id strings all over the file:
# 256 MB (negative: KiB). Pages in the WAL before SQLite copies them into the database (default 1000): a
# bulk load rewrites the same index pages again and again, and each checkpoint in between writes them to
# the file once more.
WRITER_PRAGMAS = ("PRAGMA cache_size = -262144", "PRAGMA wal_autocheckpoint = 16000")

SCHEMA = """
CREATE TABLE IF NOT EXISTS documents (
    doc_id TEXT PRIMARY KEY, path TEXT NOT NULL, sha256 TEXT NOT NULL, format TEXT,
    text TEXT NOT NULL, meta TEXT NOT NULL, loaded_at TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS documents_path ON documents(path);
CREATE TABLE IF NOT EXISTS nodes (id TEXT PRIMARY KEY, type TEXT NOT NULL, props TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS nodes_type ON nodes(type);
-- Keyed by document first: a document's rows sit together in every index, so loading one dirties a page
-- or two per index, where keys led by a shared unit's id land all over the file (the 100k load's cost).
CREATE TABLE IF NOT EXISTS edges (
    source TEXT NOT NULL, type TEXT NOT NULL, target TEXT NOT NULL, doc_id TEXT NOT NULL, props TEXT NOT NULL);
CREATE UNIQUE INDEX IF NOT EXISTS edges_key ON edges(doc_id, source, type, target);
CREATE TABLE IF NOT EXISTS node_refs (
    doc_id TEXT NOT NULL, node_id TEXT NOT NULL, PRIMARY KEY (doc_id, node_id)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS node_refs_node ON node_refs(node_id);
-- each document's share of the analyses' columns and its record counts (graph/columnar.py): written and
-- deleted with it
CREATE TABLE IF NOT EXISTS doc_columns (
    doc_id TEXT PRIMARY KEY, items INTEGER NOT NULL, owners INTEGER NOT NULL, nodes INTEGER NOT NULL,
    edges INTEGER NOT NULL, item_num BLOB, type BLOB, parent BLOB, owners_from BLOB, status BLOB, each_leads BLOB,
    due_kind BLOB, due_day BLOB, owner_item BLOB, owner_unit BLOB, owner_role BLOB, owner_open BLOB,
    owner_start BLOB, strings TEXT NOT NULL);
-- each Problem's and Task's text, white space taken out, for the full-text search: a trigram index answers
-- any substring of three characters or more; item_text_rows says whose each row is, and where it stands
CREATE VIRTUAL TABLE IF NOT EXISTS item_text USING fts5(text, tokenize='trigram case_sensitive 1');
CREATE TABLE IF NOT EXISTS item_text_rows (
    rowid INTEGER PRIMARY KEY, doc_id TEXT NOT NULL, item_id TEXT NOT NULL, start INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS item_text_rows_doc ON item_text_rows(doc_id, start, item_id);
-- generation: bumped by every write, so a cached graph knows when it is stale (also across processes)
CREATE TABLE IF NOT EXISTS state (key TEXT PRIMARY KEY, value INTEGER NOT NULL);
INSERT OR IGNORE INTO state (key, value) VALUES ('generation', 0);
"""

# Schema 1 keyed edges and node refs by source and node first; its rows move into schema 2's tables.
MIGRATE_FROM_1 = """
ALTER TABLE edges RENAME TO edges_1;
ALTER TABLE node_refs RENAME TO node_refs_1;
DROP INDEX IF EXISTS edges_doc; DROP INDEX IF EXISTS edges_target; DROP INDEX IF EXISTS node_refs_doc;
""" + SCHEMA + """
INSERT INTO edges (source, type, target, doc_id, props)
    SELECT source, type, target, doc_id, props FROM edges_1 ORDER BY rowid;
INSERT INTO node_refs (doc_id, node_id) SELECT doc_id, node_id FROM node_refs_1;
DROP TABLE edges_1; DROP TABLE node_refs_1;
"""

# Edges between shared nodes (a unit's jurisdiction): the only ones several documents can assert; any other
# edge has an endpoint one document owns.
SHARED_EDGE_TYPES = tuple(name for name, spec in EDGE_TYPES.items()
                          if all(NODE_TYPES[end].shared for end in (*spec.source, *spec.target)))

# Columns of their own in ``documents``; the rest of the extracted document goes into ``meta``.
DOCUMENT_COLUMNS = ("path", "sha256", "format")


@dataclass(frozen=True)
class PreparedDocument:
    """A document's rows, ready to insert. ``prepare_document`` may run in any process (``zeren load -j``
    runs it in the reading processes), so the one writer only writes."""
    src: SourceText
    fields: dict                              # the extraction's "document": the writer needs no items
    doc_id: str
    owned_nodes: list[tuple[str, str, str]]   # (id, type, props as JSON)
    shared_nodes: list[Node]                  # merged with what the store has, so only the writer can
    node_ids: list[str]
    edges: list[tuple[str, str, str, str]]    # (source, type, target, props as JSON)
    columns: tuple                            # its column fragment: the values of columnar.COLUMNS
    texts: list[tuple[str, int, str]]         # (item id, span start, text without white space) to search


def prepare_document(src: SourceText, extraction: dict) -> PreparedDocument:
    nodes, edges = to_records(src, extraction)
    # The folded twin is only for parsing: not stored, so not carried to the writer.
    shown = SourceText(src.path, src.format, src.encoding, src.sha256, src.text, src.text)
    return PreparedDocument(
        shown, extraction["document"], document_id(src.sha256),
        [(node.id, node.type, _json(node.props)) for node in nodes if not NODE_TYPES[node.type].shared],
        [node for node in nodes if NODE_TYPES[node.type].shared], [node.id for node in nodes],
        [(edge.source, edge.type, edge.target, _json(edge.props)) for edge in edges],
        _fragment_row(fragment(document_id(src.sha256), nodes, edges)), _searched_texts(nodes))


def _searched_texts(nodes: list[Node]) -> list[tuple[str, int, str]]:
    """What the full-text search reads of a document: each Problem's and Task's text without white space."""
    return [(node.id, node.props["span"][0], "".join(node.props["text"].split())) for node in nodes
            if node.type in ("Problem", "Task") and node.props.get("text")]


def _reported_damaged(method):
    """A read that reaches a damaged page says so in one line (StoreError), naming the store."""
    import functools

    @functools.wraps(method)
    def reading(self, *args, **kwargs):
        try:
            return method(self, *args, **kwargs)
        except sqlite3.DatabaseError as exc:
            if isinstance(exc, sqlite3.OperationalError) and "locked" in str(exc):
                raise
            raise self._damaged(exc) from None
    return reading


SQLITE_MAGIC = b"SQLite format 3\x00"
# PRAGMA quick_check reads every page: about a second per 200 MB. It runs once per version of the file in a
# process (the app opens the store on every page), and only up to this size; a bigger store's damaged pages
# are still reported, when a read or write reaches them.
QUICK_CHECK_MAX_BYTES = int(float(os.environ.get("ZEREN_QUICK_CHECK_MB", "1024")) * 2**20)
_checked: set[tuple] = set()


class EmbeddedStore(Store):
    def __init__(self, location: str | os.PathLike, read_only: bool = False):
        """``read_only``: for a reader (stats, gaps, the app's pages): the database is opened with SQLite's
        mode=ro and no lock file is opened, so a full disk or a read-only directory still reads. The database
        is never written; a reader may keep the joined columns beside it, a cache (graph/column_cache.py)."""
        self.location = Path(location)
        self.read_only = read_only
        self._graph: nx.MultiDiGraph | None = None
        self._graph_generation = -1
        self._joined: tuple[int, column_cache.Joined] | None = None   # (generation, joined_columns())
        self._db = self._lock = None
        self._read_lock = threading.RLock()
        database = self.location / DATABASE
        try:
            if read_only:
                self._refuse_damaged(database)
                self._db = self._connect_read_only(database)
                version = self._db.execute("PRAGMA user_version").fetchone()[0]
                if version > SCHEMA_VERSION:
                    raise StoreError(f"store {self.location} was written by a newer zeren (schema {version})")
            else:
                self.location.mkdir(parents=True, exist_ok=True)
                self._lock = os.open(self.location / LOCK, os.O_RDWR | os.O_CREAT, 0o644)
                # Under the writers' lock: a store another writer is creating is never seen half-made (an
                # empty file), and what is checked is what this writer then writes into.
                with self._exclusive():
                    self._refuse_damaged(database)
                    self._db = sqlite3.connect(database, timeout=BUSY_TIMEOUT, isolation_level=None)
                    self._quick_check(database)          # before the schema step writes anything
                    self._create_schema()
            if read_only:
                self._quick_check(database)
        except StoreError:
            self.close()
            raise
        except sqlite3.DatabaseError as exc:
            self.close()
            raise self._damaged(exc) from None
        except (OSError, sqlite3.Error) as exc:
            self.close()
            raise StoreError(f"cannot open store {self.location}: {exc}") from exc

    def _damaged(self, exc: BaseException) -> StoreError:
        return StoreError(f"store {self.location} is damaged ({' '.join(str(exc).split())}); "
                          f"restore it from a copy or load the documents into a new store")

    def _refuse_damaged(self, database: Path) -> None:
        try:
            with open(database, "rb") as fh:
                head = fh.read(len(SQLITE_MAGIC))
        except FileNotFoundError:
            if self.read_only:
                raise StoreError(f"no store at {self.location} (zeren load creates one)") from None
            return
        except OSError as exc:
            raise StoreError(f"cannot open store {self.location}: {exc.strerror or exc}") from None
        if head != SQLITE_MAGIC:
            raise self._damaged(ValueError("zeren.sqlite is empty" if not head else "zeren.sqlite is not a database"))

    def _connect_read_only(self, database: Path) -> sqlite3.Connection:
        uri = database.resolve().as_uri()
        try:
            # A reader may be kept open for an app's lazy reads, which run in its sessions' threads: SQLite
            # serialises the calls, and ``_read_lock`` keeps one read transaction at a time.
            db = sqlite3.connect(f"{uri}?mode=ro", uri=True, timeout=BUSY_TIMEOUT, isolation_level=None,
                                 check_same_thread=False)
            db.execute("PRAGMA user_version").fetchone()
            return db
        except sqlite3.OperationalError:
            # A read-only directory without the WAL's shared-memory file: read the database file as it stands.
            return sqlite3.connect(f"{uri}?immutable=1", uri=True, timeout=BUSY_TIMEOUT, isolation_level=None,
                                   check_same_thread=False)

    def _quick_check(self, database: Path) -> None:
        try:
            facts = database.stat()
        except OSError:
            return
        key = (str(database.resolve()), facts.st_size, facts.st_mtime_ns)
        if key in _checked or facts.st_size > QUICK_CHECK_MAX_BYTES:
            return
        verdict = self._db.execute("PRAGMA quick_check(1)").fetchone()[0]
        if verdict != "ok":
            raise self._damaged(ValueError(verdict))
        _checked.add(key)

    def _create_schema(self) -> None:
        with self._exclusive():
            version = self._db.execute("PRAGMA user_version").fetchone()[0]
            if version > SCHEMA_VERSION:
                raise StoreError(f"store {self.location} was written by a newer zeren (schema {version})")
            self._db.execute("PRAGMA journal_mode = WAL")  # persistent: recorded in the database file
            steps = MIGRATE_FROM_1 if version == 1 else SCHEMA  # one transaction: migrated whole or not at all
            # PRAGMA user_version cannot take a parameter; SCHEMA_VERSION is a constant of this module.
            # (executescript commits what is pending before it runs: what follows it uses execute)
            self._db.executescript(f"BEGIN IMMEDIATE; {steps} PRAGMA user_version = {SCHEMA_VERSION};")
            try:
                if 0 < version < SCHEMA_VERSION:     # (a new store has no documents to fill)
                    _fill_derived(self._db, columns=version < 3)
                if version < SCHEMA_VERSION:         # a new database here, or new fragments: a new cache
                    column_cache.forget(self.location)
                self._db.execute("COMMIT")
            except BaseException:
                if self._db.in_transaction:
                    self._db.execute("ROLLBACK")
                raise
        # NORMAL in WAL mode: a killed process loses nothing committed; a power cut may lose the last commits
        # but never leaves a half-written transaction.
        self._db.execute("PRAGMA synchronous = NORMAL")
        for pragma in WRITER_PRAGMAS:
            self._db.execute(pragma)

    @contextmanager
    def _exclusive(self):
        """The writers' lock; taken again inside itself (opening, then the schema step) it stays held."""
        self._held = getattr(self, "_held", 0) + 1
        if self._held == 1:
            fcntl.flock(self._lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            self._held -= 1
            if self._held == 0:
                fcntl.flock(self._lock, fcntl.LOCK_UN)

    @contextmanager
    def _writing(self):
        """One write transaction, with this process the only writer until it commits or rolls back."""
        with self._exclusive():
            try:
                self._db.execute("BEGIN IMMEDIATE")
                yield self._db
                self._db.execute("COMMIT")
            except BaseException as exc:
                if self._db.in_transaction:
                    self._db.execute("ROLLBACK")
                if isinstance(exc, sqlite3.Error):  # disk full, a damaged file: the store's fault, not the input's
                    raise StoreError(f"store {self.location}: {exc}") from exc
                raise

    @contextmanager
    def _reading(self):
        """One read transaction: every SELECT inside sees the same committed state. Inside another (a
        ``snapshot``), it is that one."""
        with self._read_lock:
            if self._db.in_transaction:
                yield self._db
                return
            try:
                self._db.execute("BEGIN")
                try:
                    yield self._db
                finally:
                    self._db.execute("COMMIT")
            except sqlite3.DatabaseError as exc:
                if isinstance(exc, sqlite3.OperationalError) and "locked" in str(exc):
                    raise
                raise self._damaged(exc) from None

    def snapshot(self):
        """A read transaction around several reads (``with store.snapshot():``): they see one state."""
        return self._reading()

    # -- writes -----------------------------------------------------------------------------------------

    prepare = staticmethod(prepare_document)

    def load(self, src: SourceText, extraction: dict) -> LoadResult:
        return self.load_many([(src, extraction)])[0]

    def load_many(self, batch: list[tuple[SourceText, dict] | PreparedDocument]) -> list[LoadResult]:
        """Several documents in one transaction: all of them or none after a crash, and one commit instead
        of one per document (a bulk load's main cost after extraction)."""
        prepared = [item if isinstance(item, PreparedDocument) else prepare_document(*item)
                    for item in batch]  # before the lock
        with self._writing() as db:
            results = [_load_one(db, document) for document in prepared]
            if any(result.status != "unchanged" for result in results):
                _bump_generation(db)
        return results

    def remove(self, doc_id: str) -> bool:
        with self._writing() as db:
            if db.execute("SELECT 1 FROM documents WHERE doc_id = ?", (doc_id,)).fetchone() is None:
                return False
            _delete_document(db, doc_id)
            _bump_generation(db)
        return True

    # -- reads ------------------------------------------------------------------------------------------

    @_reported_damaged
    def documents(self) -> list[dict]:
        joined = self._joined_now()
        if joined is not None:      # what the last joined_columns() read, still the store's state
            listed = sorted(orjson.loads(text) for text in joined.each_text("listed"))
            return [entry for _, entry in listed]
        if self.keeps_columns():    # in load order; the record counts kept with the document's columns
            rows = self._db.execute("SELECT d.doc_id, path, sha256, format, loaded_at, meta, c.nodes, c.edges"
                                    " FROM documents d JOIN doc_columns c ON c.doc_id = d.doc_id ORDER BY d.rowid")
        else:                       # an older store opened read-only: counted
            rows = self._db.execute(
                "SELECT doc_id, path, sha256, format, loaded_at, meta,"
                " (SELECT COUNT(*) FROM node_refs r WHERE r.doc_id = d.doc_id),"
                " (SELECT COUNT(*) FROM edges e WHERE e.doc_id = d.doc_id)"
                " FROM documents d ORDER BY d.rowid")
        return [_listed(*row) for row in rows.fetchall()]

    @_reported_damaged
    def document_count(self) -> int:
        return self._db.execute("SELECT COUNT(*) FROM documents").fetchone()[0]

    @_reported_damaged
    def document_text(self, doc_id: str) -> str:
        row = self._db.execute("SELECT text FROM documents WHERE doc_id = ?", (doc_id,)).fetchone()
        if row is None:
            raise KeyError(doc_id)
        return row[0]

    def to_networkx(self) -> nx.MultiDiGraph:
        with self._reading() as db, collector_paused():
            generation = _generation(db)
            if self._graph is not None and generation == self._graph_generation:
                return self._graph
            shared = SharedValues()
            graph = nx.MultiDiGraph()
            graph.add_nodes_from((shared(node_id), shared.attributes(type_, orjson.loads(props)))
                                 for node_id, type_, props in db.execute("SELECT id, type, props FROM nodes"))
            graph.add_edges_from(_distinct_edges(db, shared))
        self._graph, self._graph_generation = nx.freeze(graph), generation
        return self._graph

    @_reported_damaged
    def keeps_columns(self) -> bool:
        """Whether the store holds each document's column fragment: a store of an older schema opened read-only
        (nothing migrates it until a writer opens it) does not."""
        return self._has_table("doc_columns")

    def _has_table(self, name: str) -> bool:
        return self._db.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?",
                                (name,)).fetchone() is not None

    def column_fragments(self):
        """(doc_id, *columnar.COLUMNS) per document, by doc_id (graph/columnar.py), read as iterated."""
        with self._reading() as db:
            yield from db.execute(SELECT_COLUMNS)

    def settle(self) -> None:
        """The joined columns brought up to date (a bulk load's writer reads every row once, at its end)."""
        self.joined_columns()

    @_reported_damaged
    def joined_columns(self) -> column_cache.Joined:
        """Every document's fragment joined, with its list entry and Document node: the cache files of the
        last reader (graph/column_cache.py) brought up to date with the rows added or replaced since, and
        kept again for the next one."""
        with self._reading() as db:
            generation = _generation(db)
            if self._joined is not None and self._joined[0] == generation:
                return self._joined[1]
            current = db.execute("SELECT doc_id, rowid FROM doc_columns ORDER BY doc_id").fetchall()
            cached = column_cache.newest(self.location)
            joined = cached[1] if cached else None
            if joined is None or list(zip(joined.docs, joined.versions.tolist())) != current:
                joined = _brought_up_to_date(db, self.location, generation, joined, current)
        # kept: what ``documents`` and ``nodes_of_type`` read from it (from its files, if it has them: the
        # texts of every document are not held)
        self._joined = (generation, joined)
        return joined

    @_reported_damaged
    def nodes_of_type(self, type_: str) -> list[tuple[str, dict]]:
        """(id, attributes) of every node of one type, by id: the units, the documents."""
        shared = SharedValues()
        joined = self._joined_now() if type_ == "Document" else None
        if joined is not None:      # a document's node is its own: as the joined columns read it
            return [(doc, shared.attributes(type_, orjson.loads(text)))
                    for doc, text in zip(joined.docs, joined.each_text("node"))]
        with self._reading() as db:
            return [(node_id, shared.attributes(type_, orjson.loads(props))) for node_id, props in db.execute(
                "SELECT id, props FROM nodes WHERE type = ? ORDER BY id", (type_,))]

    def _joined_now(self) -> column_cache.Joined | None:
        if self._joined is None:
            return None
        with self._read_lock:
            return self._joined[1] if self._joined[0] == _generation(self._db) else None

    @_reported_damaged
    def node_data(self, ids: list[str]) -> dict[str, dict]:
        """Node id -> attributes (``type`` and its properties), for those of ``ids`` the store holds."""
        with self._read_lock:
            return self._node_data(ids)

    def _node_data(self, ids: list[str]) -> dict[str, dict]:
        found = {}
        for start in range(0, len(ids), 500):
            chunk = ids[start:start + 500]
            marks = ",".join("?" * len(chunk))  # placeholders only: the values are parameters
            for node_id, type_, props in self._db.execute(
                    f"SELECT id, type, props FROM nodes WHERE id IN ({marks})", chunk):
                found[node_id] = complete(type_, orjson.loads(props))
        return found

    @_reported_damaged
    def edges_at(self, node: str) -> list[tuple[str, str, str, dict]]:
        """Every edge (source, target, type, attributes) with ``node`` at either end, in load order, each
        once (an edge several documents assert, with the first one's properties). Found through the
        documents that refer to the node, whose rows lie together in the edges' index."""
        with self._read_lock:
            return self._edges_at(node)

    def _edges_at(self, node: str) -> list[tuple[str, str, str, dict]]:
        rows = self._db.execute(
            "SELECT e.source, e.target, e.type, e.props FROM node_refs r JOIN edges e ON e.doc_id = r.doc_id"
            " WHERE r.node_id = ? AND (e.source = ? OR e.target = ?) ORDER BY e.rowid", (node, node, node))
        found, seen = [], set()
        for source, target, type_, props in rows:
            if (source, target, type_) not in seen:
                seen.add((source, target, type_))
                found.append((source, target, type_, complete(type_, orjson.loads(props))))
        return found

    @_reported_damaged
    def document_records(self, doc_id: str) -> tuple[dict[str, dict], list[tuple[str, str, str, dict]]]:
        """A document's nodes (id -> attributes; shared ones as the store merged them) and its edges
        (source, target, type, attributes) in load order: everything its items' pages and ledger rows show."""
        with self._read_lock:
            nodes, edges = _stored_records(self._db, doc_id)
        return {node.id: complete(node.type, node.props) for node in nodes}, _edge_rows(edges)

    @_reported_damaged
    def own_records(self, doc_id: str) -> tuple[dict[str, dict], list[tuple[str, str, str, dict]]]:
        """A document's own nodes (itself and its items: their ids begin with its id, so they lie together
        in the table) and its edges, in load order: what a page shows of its items, without the shared
        nodes scattered over the file (units are known to every reader; others are read when asked for)."""
        with self._read_lock:
            nodes = {node_id: complete(type_, orjson.loads(props)) for node_id, type_, props in self._db.execute(
                "SELECT id, type, props FROM nodes WHERE id = ? OR (id > ? AND id < ?)",
                (doc_id, doc_id + ":", doc_id + ";"))}   # ";" follows ":": every id "doc…:…" lies between
            edges = _stored_edges(self._db, doc_id)
        return nodes, _edge_rows(edges)

    @_reported_damaged
    def items_with_text(self, needle: str, most: int) -> list[str]:
        """Ids of the Problems and Tasks whose text holds ``needle`` once white space is taken out of the
        text (as out of the needle), the first ``most`` in reading order (document, span start, id): the
        search runs in SQLite, over the text alone."""
        with self._read_lock:
            if self._has_table("item_text"):
                if len(needle) >= 3:     # the trigram index: a quoted phrase is the substring itself
                    found = self._db.execute(
                        "SELECT r.item_id FROM item_text JOIN item_text_rows r ON r.rowid = item_text.rowid"
                        " WHERE item_text MATCH ? ORDER BY r.doc_id, r.start, r.item_id LIMIT ?",
                        ('"' + needle.replace('"', '""') + '"', most))
                else:                    # one or two characters: each text read, not each item's JSON
                    found = self._db.execute(
                        "SELECT r.item_id FROM item_text_rows r JOIN item_text t ON t.rowid = r.rowid"
                        " WHERE instr(t.text, ?) > 0 ORDER BY r.doc_id, r.start, r.item_id LIMIT ?", (needle, most))
                return [item for (item,) in found]
            return [node_id for (node_id,) in self._db.execute(
                "SELECT id FROM nodes WHERE type IN ('Problem', 'Task')"
                " AND instr(replace(replace(replace(replace(replace(replace(json_extract(props, '$.text'), ' ', ''),"
                " char(10), ''), char(13), ''), char(9), ''), char(12288), ''), char(160), ''), ?) > 0"
                " ORDER BY json_extract(props, '$.doc'), json_extract(props, '$.span[0]'), id LIMIT ?",
                (needle, most))]

    @_reported_damaged
    def generation(self) -> int:
        return _generation(self._db)

    def stats(self) -> dict:
        with self._reading() as db:
            documents = self.document_count()  # same connection, so inside this read's snapshot
            nodes = dict(db.execute("SELECT type, COUNT(*) FROM nodes GROUP BY type").fetchall())
            edges = dict(db.execute("SELECT type, COUNT(*) FROM edges GROUP BY type").fetchall())
            for type_ in SHARED_EDGE_TYPES:  # only these can be asserted by several documents
                edges[type_] = db.execute("SELECT COUNT(*) FROM (SELECT DISTINCT source, target FROM edges"
                                          " WHERE type = ?)", (type_,)).fetchone()[0]
        return {"documents": documents,
                "nodes": {name: nodes.get(name, 0) for name in NODE_TYPES},
                "edges": {name: edges.get(name, 0) for name in EDGE_TYPES}}

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None
        if self._lock is not None:
            os.close(self._lock)
            self._lock = None


def _load_one(db: sqlite3.Connection, document: PreparedDocument) -> LoadResult:
    doc_id, path = document.doc_id, str(Path(document.src.path).resolve())
    stored = db.execute("SELECT meta FROM documents WHERE doc_id = ?", (doc_id,)).fetchone()
    same_path = [row[0] for row in db.execute("SELECT doc_id FROM documents WHERE path = ? AND doc_id <> ?",
                                              (path, doc_id))]
    stale, present = stale_versions(orjson.loads(stored[0]) if stored else None, same_path, doc_id,
                                    document.fields.get("extractor"))
    for old in stale:
        _delete_document(db, old)
    if not present:
        _insert_document(db, path, document)
    return LoadResult(load_status(stale, present), doc_id)


def _distinct_edges(db: sqlite3.Connection, shared: SharedValues):
    """Every edge once, in load order (rowid), so an edge several documents assert keeps the first one's
    properties. Only the shared edge types can repeat: only theirs are remembered, not millions of keys."""
    seen: set[tuple[str, str, str]] = set()
    for source, type_, target, props in db.execute("SELECT source, type, target, props FROM edges ORDER BY rowid"):
        if type_ in SHARED_EDGE_TYPES:
            if (source, target, type_) in seen:
                continue
            seen.add((source, target, type_))
        yield shared(source), shared(target), type_, shared.attributes(type_, orjson.loads(props))


def _generation(db: sqlite3.Connection) -> int:
    return db.execute("SELECT value FROM state WHERE key = 'generation'").fetchone()[0]


def _bump_generation(db: sqlite3.Connection) -> None:
    db.execute("UPDATE state SET value = value + 1 WHERE key = 'generation'")


def _insert_document(db: sqlite3.Connection, path: str, document: PreparedDocument) -> None:
    src, doc_id = document.src, document.doc_id
    meta = {key: value for key, value in document.fields.items() if key not in DOCUMENT_COLUMNS}
    db.execute("INSERT INTO documents (doc_id, path, sha256, format, text, meta, loaded_at)"
               " VALUES (?, ?, ?, ?, ?, ?, ?)",
               (doc_id, path, src.sha256, src.format, src.text, _json(meta),
                datetime.now(timezone.utc).isoformat(timespec="seconds")))
    db.executemany("INSERT INTO nodes (id, type, props) VALUES (?, ?, ?)", document.owned_nodes)
    _merge_shared_nodes(db, document.shared_nodes)
    db.executemany("INSERT INTO node_refs (node_id, doc_id) VALUES (?, ?)",
                   ((node_id, doc_id) for node_id in document.node_ids))
    db.executemany("INSERT INTO edges (source, type, target, doc_id, props) VALUES (?, ?, ?, ?, ?)",
                   ((source, type_, target, doc_id, props) for source, type_, target, props in document.edges))
    db.execute(INSERT_COLUMNS, (doc_id, *document.columns))
    _insert_texts(db, doc_id, document.texts)


def _insert_texts(db: sqlite3.Connection, doc_id: str, texts: list[tuple[str, int, str]]) -> None:
    for item_id, start, text in texts:
        row = db.execute("INSERT INTO item_text_rows (doc_id, item_id, start) VALUES (?, ?, ?)",
                         (doc_id, item_id, start)).lastrowid
        db.execute("INSERT INTO item_text (rowid, text) VALUES (?, ?)", (row, text))


def _fill_derived(db: sqlite3.Connection, columns: bool) -> None:
    """What a store written before schema 4 lacks, made from each document's stored rows, read once: its
    searched texts, and (``columns``, before schema 3) its column fragment."""
    for (doc_id,) in db.execute("SELECT doc_id FROM documents").fetchall():
        nodes, edges = _stored_records(db, doc_id)
        if columns:
            db.execute(INSERT_COLUMNS, (doc_id, *_fragment_row(fragment(doc_id, nodes, edges))))
        _insert_texts(db, doc_id, _searched_texts(nodes))


def _stored_records(db: sqlite3.Connection, doc_id: str) -> tuple[list[Node], list[Edge]]:
    """A document's nodes (shared ones as the store merged them) and its edges in load order, as stored."""
    nodes = [Node(node_id, type_, orjson.loads(props)) for node_id, type_, props in db.execute(
        "SELECT n.id, n.type, n.props FROM node_refs r JOIN nodes n ON n.id = r.node_id WHERE r.doc_id = ?",
        (doc_id,))]
    return nodes, _stored_edges(db, doc_id)


def _edge_rows(edges: list[Edge]) -> list[tuple[str, str, str, dict]]:
    """Edges as the stores' readers give them: (source, target, type, attributes)."""
    return [(edge.source, edge.target, edge.type, complete(edge.type, edge.props)) for edge in edges]


def _stored_edges(db: sqlite3.Connection, doc_id: str) -> list[Edge]:
    """A document's edges in load order, as stored (its rows lie together: edges are keyed by document)."""
    return [Edge(source, type_, target, orjson.loads(props)) for source, type_, target, props in db.execute(
        "SELECT source, type, target, props FROM edges WHERE doc_id = ? ORDER BY rowid", (doc_id,))]


# columnar.COLUMNS are constant names of this module's schema: only "?" placeholders carry values
INSERT_COLUMNS = (f"INSERT OR REPLACE INTO doc_columns (doc_id, {', '.join(COLUMNS)})"
                  f" VALUES ({', '.join('?' * (len(COLUMNS) + 1))})")
SELECT_COLUMNS = f"SELECT doc_id, {', '.join(COLUMNS)} FROM doc_columns ORDER BY doc_id"


# A document's joined-columns row (graph/column_cache.py, Builder.row): its fragment, its list entry's parts, its node
JOINED_ROWS = (f"SELECT c.doc_id, c.rowid, c.items, c.owners, {', '.join('c.' + name for name in FIELDS)}, c.strings,"
               f" d.rowid, d.path, d.sha256, d.format, d.loaded_at, d.meta, c.nodes, c.edges, n.props"
               f" FROM doc_columns c JOIN documents d ON d.doc_id = c.doc_id JOIN nodes n ON n.id = c.doc_id")
JOINED_EVERY = JOINED_ROWS + " ORDER BY c.doc_id"


def _brought_up_to_date(db: sqlite3.Connection, location: Path, generation: int,
                        cached: column_cache.Joined | None, current: list[tuple[str, int]]) -> column_cache.Joined:
    """The joined columns of the store's documents ``current`` ((doc_id, row version), by doc_id): the cached
    ones still stored unchanged, and the rows of the others read; every row when most changed."""
    stored = dict(current)
    keep = None if cached is None else np.fromiter(
        (stored.get(doc) == version for doc, version in zip(cached.docs, cached.versions.tolist())), bool,
        len(cached.docs))
    kept = set() if cached is None else {cached.docs[i] for i in np.flatnonzero(keep).tolist()}
    fresh = [doc for doc, _ in current if doc not in kept]
    if cached is None or len(fresh) > column_cache.REBUILD_SHARE * max(len(current), 1):
        return column_cache.joined(location, generation,
                                   lambda: map(_joined_row, db.execute(JOINED_EVERY)))

    def rows():
        for start in range(0, len(fresh), 500):
            chunk = fresh[start:start + 500]       # (fresh is in doc_id order, and so is each chunk's read)
            marks = ",".join("?" * len(chunk))     # placeholders only: the values are parameters
            yield from map(_joined_row, db.execute(f"{JOINED_ROWS} WHERE c.doc_id IN ({marks}) ORDER BY c.doc_id",
                                                   chunk))
    return column_cache.joined(location, generation, rows, cached, keep)


def _joined_row(row: tuple) -> tuple:
    """(doc_id, version, items, owners, *FIELDS, strings, listed, node): the list entry as ``documents`` gives
    it, after its load order."""
    doc_id, version, items, owners, *rest = row
    fields, (strings, order, path, sha256, format_, loaded_at, meta, n_nodes, n_edges, node) = \
        rest[:len(FIELDS)], rest[len(FIELDS):]
    listed = orjson.dumps([order, _listed(doc_id, path, sha256, format_, loaded_at, meta, n_nodes, n_edges)])
    return (doc_id, version, items, owners, *fields, strings, listed.decode(), node)


def _listed(doc_id, path, sha256, format_, loaded_at, meta, n_nodes, n_edges) -> dict:
    """A document's entry in ``documents``."""
    return {**orjson.loads(meta), "doc_id": doc_id, "path": path, "sha256": sha256, "format": format_,
            "loaded_at": loaded_at, "nodes": n_nodes, "edges": n_edges}


def _fragment_row(found: dict) -> tuple:
    return tuple(found[name] for name in COLUMNS)


def _merge_shared_nodes(db: sqlite3.Connection, nodes: list[Node]) -> None:
    """First writer wins for every non-null property; a later document only fills what is still unknown,
    so a unit's properties do not flap with the order documents are loaded and reloaded in."""
    known: dict[str, dict] = {}
    ids = [node.id for node in nodes]
    for start in range(0, len(ids), 500):  # one query per 500 nodes, not one per node
        chunk = ids[start:start + 500]
        marks = ",".join("?" * len(chunk))  # placeholders only: the values are parameters
        for node_id, props in db.execute(f"SELECT id, props FROM nodes WHERE id IN ({marks})", chunk):
            known[node_id] = orjson.loads(props)
    new, changed = [], []
    for node in nodes:
        if node.id not in known:
            new.append((node.id, node.type, _json(node.props)))
            continue
        merged = {**node.props, **{key: value for key, value in known[node.id].items() if value is not None}}
        if merged != known[node.id]:
            changed.append((_json(merged), node.id))
    db.executemany("INSERT INTO nodes (id, type, props) VALUES (?, ?, ?)", new)
    db.executemany("UPDATE nodes SET props = ? WHERE id = ?", changed)


def _delete_document(db: sqlite3.Connection, doc_id: str) -> None:
    db.execute("DELETE FROM edges WHERE doc_id = ?", (doc_id,))
    db.execute("DELETE FROM nodes WHERE id IN (SELECT node_id FROM node_refs WHERE doc_id = ?)"
               " AND NOT EXISTS (SELECT 1 FROM node_refs r WHERE r.node_id = nodes.id AND r.doc_id <> ?)",
               (doc_id, doc_id))
    db.execute("DELETE FROM node_refs WHERE doc_id = ?", (doc_id,))
    db.execute("DELETE FROM documents WHERE doc_id = ?", (doc_id,))
    db.execute("DELETE FROM doc_columns WHERE doc_id = ?", (doc_id,))
    db.execute("DELETE FROM item_text WHERE rowid IN (SELECT rowid FROM item_text_rows WHERE doc_id = ?)", (doc_id,))
    db.execute("DELETE FROM item_text_rows WHERE doc_id = ?", (doc_id,))


def _json(value) -> str:
    return orjson.dumps(value, option=orjson.OPT_SORT_KEYS).decode()
