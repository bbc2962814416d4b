"""The Neo4j store: the same interface and rules as the embedded store, on a Bolt server.

Connection settings come from the environment only (``NEO4J_URI``, ``NEO4J_USERNAME``, ``NEO4J_PASSWORD``,
``NEO4J_DATABASE``) and are never logged or put into an error message beyond the URI's host.

How it keeps the store's rules (see graph/store.py):

- Every node has ``id`` (the schema's global id) and ``docs``, the documents asserting it; a relationship
  has the ``doc`` that asserted it, and ``seq``, that document's load order (first asserter wins).
- A load is one write transaction: look up the content and the path, delete stale versions, then write
  the records in batched ``UNWIND $rows … MERGE/CREATE`` statements, one per node label and per edge
  type and end labels. Shared nodes keep the first non-null value of each property (``coalesce``).
- Labels and relationship types cannot be Cypher parameters, so each statement is made from the schema's
  constant names, never from data; ``statements()`` lists every one of them for the linter. Every value
  is a parameter.
- Neo4j gets uniqueness constraints on ``id`` per label; a server that does not speak Neo4j's DDL (the
  FalkorDB stand-in the tests use) gets plain indexes: ``dialect`` switches the two.
"""
from __future__ import annotations

import json
import os
import re
from contextlib import nullcontext
from datetime import datetime, timezone
from functools import lru_cache, wraps
from pathlib import Path
from urllib.parse import unquote

import networkx as nx

from graph import column_cache
from graph.columnar import as_text, fragment, from_text
from graph.schema import EDGE_TYPES, ITEM_TYPES, NODE_TYPES, Edge, Node, SharedValues, complete
from graph.store import LoadResult, Store, StoreError, collector_paused, load_status, stale_versions
from loaders.records import document_id, to_records
from loaders.source import SourceText

# Bytes per Bolt message a dialect's server accepts; FalkorDB 4.x closes the connection (and crashed, in
# tests) on a message over 4 KiB. Neo4j has no such limit.
MESSAGE_BUDGET = {"falkordb": 3500}
HEAD = 160  # bytes of a long string sent with its row when the row is over the budget
BATCH = 1000  # rows per UNWIND: large enough to amortise a round trip, small enough for the server's memory
STATE = "ZerenState"  # one node holding the load counter and the generation (cache invalidation)
# The store's bookkeeping, what the full-text search reads (an item's text without white space), and what
# analyses keep on nodes in the server (queries/on_server.py): not the graph's.
INTERNAL = ("id", "docs", "seq", "searched", "recurs_of", "recurs_score")
EDGE_INTERNAL = ("seq", "order")  # an edge's document's load order, and its place among that document's edges
SEARCHED = ("Problem", "Task")  # the items whose text the search reads (as the embedded store's item_text)
# kept on the Document node, not in the graph view: its text and meta, and its column fragment and record
# counts (graph/columnar.py), which the app reads instead of the graph
DOCUMENT_EXTRA = ("text", "meta", "format", "loaded_at", "columns", "n_nodes", "n_edges")
OWNED = ("Document", *ITEM_TYPES)  # the labels of a document's own nodes: their ids start with its id


def settings_from_env() -> dict:
    uri = os.environ.get("NEO4J_URI")
    if not uri:
        raise StoreError("NEO4J_URI is not set (e.g. neo4j://localhost:7687)")
    return {"uri": uri, "dialect": os.environ.get("ZEREN_CYPHER_DIALECT") or None,
            "user": os.environ.get("NEO4J_USERNAME") or None,
            "password": os.environ.get("NEO4J_PASSWORD") or None,
            "database": os.environ.get("NEO4J_DATABASE") or None}


SCHEMES = ("neo4j", "neo4j+s", "neo4j+ssc", "bolt", "bolt+s", "bolt+ssc")
URI_SHAPE = re.compile(r"^(?P<scheme>[A-Za-z][A-Za-z0-9+.-]*)://(?P<rest>.*)$", re.S)
HOST_PORT = re.compile(r"^(?P<host>\[[0-9A-Fa-f:.]+\]|[^\[\]:/?#@\s]+)(?::(?P<port>\d{1,5}))?$")


def _parse_uri(uri: str) -> tuple[str, str, int | None, str | None, str | None]:
    """(scheme, host, port, user, password) of NEO4J_URI, read by hand: a password may hold / # ? @, which a
    URL parser would take for the path, the fragment or the query (and then quote in its error)."""
    bad = StoreError("NEO4J_URI is not a neo4j://, neo4j+s://, bolt:// or bolt+s:// address of a host "
                     "(credentials, if any, written user:password@host)")
    shape = URI_SHAPE.match(uri.strip())
    if not shape or shape.group("scheme").lower() not in SCHEMES:
        raise bad
    rest = shape.group("rest")
    user = password = None
    if "@" in rest:
        userinfo, rest = rest.rsplit("@", 1)
        user, _, password = userinfo.partition(":")
        user, password = unquote(user) or None, unquote(password) or None
    hostport = re.split(r"[/?#]", rest, maxsplit=1)[0]
    where = HOST_PORT.match(hostport)
    if not where:
        raise bad
    port = int(where.group("port")) if where.group("port") else None
    if port is not None and not 0 < port < 65536:
        raise bad
    return shape.group("scheme").lower(), where.group("host"), port, user, password


def _without_userinfo(uri: str, user: str | None, password: str | None) -> tuple[str, str | None, str | None]:
    """Credentials written into the URI (bolt://user:pw@host) move to the auth, out of every message; the
    URI the driver sees is rebuilt from its checked parts."""
    scheme, host, port, uri_user, uri_password = _parse_uri(uri)
    clean = f"{scheme}://{host}" + (f":{port}" if port else "")
    return clean, user or uri_user, password or uri_password


def _where(uri: str) -> str:
    """The server, for messages: scheme and host only (a URI may carry credentials)."""
    scheme, host, port, _, _ = _parse_uri(uri)
    return f"{scheme}://{host}:{port}" if port else f"{scheme}://{host}"


# -- statements --------------------------------------------------------------------------------------------

def _written(label: str) -> tuple[str, ...]:
    return NODE_TYPES[label].properties + (("searched",) if label in SEARCHED else ())


def _node_write(label: str) -> str:
    props = _written(label)
    keep_first = ", ".join(f"n.{p} = coalesce(n.{p}, row.props.{p})" for p in props)
    return (f"UNWIND $rows AS row MERGE (n:{label} {{id: row.id}}) "
            f"ON CREATE SET n.docs = [$doc] ON MATCH SET n.docs = n.docs + $doc "
            f"SET {keep_first}")


def _edge_write(type_: str, source: str, target: str) -> str:
    return (f"UNWIND $rows AS row MATCH (a:{source} {{id: row.source}}) MATCH (b:{target} {{id: row.target}}) "
            f"CREATE (a)-[r:{type_}]->(b) SET r = row.props, r.doc = $doc, r.seq = $seq, r.order = row.order")


def _node_append(label: str, prop: str) -> str:
    return f"MATCH (n:{label} {{id: $id}}) SET n.{prop} = n.{prop} + $piece"


def _edge_append(type_: str, source: str, target: str, prop: str) -> str:
    return (f"MATCH (a:{source} {{id: $source}})-[r:{type_}]->(b:{target} {{id: $target}}) WHERE r.doc = $doc "
            f"SET r.{prop} = r.{prop} + $piece")


def _edge_read(type_: str) -> str:
    return f"MATCH (a)-[r:{type_}]->(b) RETURN a.id AS source, b.id AS target, r AS rel ORDER BY r.seq"


def _public(var: str, labels=NODE_TYPES) -> str:
    """A map of the public properties of node ``var`` of one of ``labels``: never a Document's text."""
    names = dict.fromkeys(name for label in labels for name in NODE_TYPES[label].properties)
    kept = {name: f"{var}.{name}" if name not in DOCUMENT_EXTRA else     # an item's text, never its document's
            f"CASE WHEN 'Document' IN labels({var}) THEN null ELSE {var}.{name} END" for name in names}
    return "{" + ", ".join(f"{name}: {value}" for name, value in kept.items()) + "}"


def _any_node(value: str) -> str:
    """Find the node whose id is ``value`` (an expression) whatever its label, each label's index used."""
    found = " ".join(f"OPTIONAL MATCH (n{i}:{label} {{id: {value}}})" for i, label in enumerate(NODE_TYPES))
    return f"{found} WITH coalesce({', '.join(f'n{i}' for i in range(len(NODE_TYPES)))}) AS n WHERE n IS NOT NULL"


EDGE_ROW = (f"RETURN a.id AS source, labels(a)[0] AS source_type, {_public('a')} AS source_props, "
            f"b.id AS target, labels(b)[0] AS target_type, {_public('b')} AS target_props, "
            f"type(r) AS type, properties(r) AS props")
OWN = "(x.id = $doc OR x.id STARTS WITH $prefix)"


def _reads() -> dict[str, str]:
    """What the app's View reads (queries/store_view.py): columns, nodes by id or type, a node's or a
    document's edges, a text search; never the whole graph."""
    found = {
        "without_columns": "MATCH (d:Document) WHERE d.columns IS NULL RETURN count(d) AS n",
        "columns": "MATCH (d:Document) RETURN d.id AS id, d.columns AS columns ORDER BY d.id",
        "node_data": f"UNWIND $ids AS id {_any_node('id')} RETURN n.id AS id, labels(n)[0] AS type, "
                     f"{_public('n')} AS props",
        "edges_out": f"{_any_node('$id')} MATCH (a)-[r]->(b) WHERE a = n {EDGE_ROW}",
        "edges_in": f"{_any_node('$id')} MATCH (a)-[r]->(b) WHERE b = n {EDGE_ROW}",
    }
    for label in NODE_TYPES:
        found[f"of_type:{label}"] = f"MATCH (n:{label}) RETURN n.id AS id, {_public('n', (label,))} AS props ORDER BY n.id"
        found[f"count:{label}"] = f"MATCH (n:{label}) RETURN count(n) AS n"
    for type_ in EDGE_TYPES:  # an edge several documents assert is one edge of the graph
        found[f"count_edges:{type_}"] = f"MATCH (a)-[:{type_}]->(b) WITH DISTINCT a, b RETURN count(*) AS n"
    for label in OWNED:
        found[f"records_out:{label}"] = f"MATCH (x:{label})-[r]->(b) WHERE {OWN} AND r.doc = $doc " \
                                        f"WITH x AS a, r, b {EDGE_ROW}"
        found[f"records_in:{label}"] = f"MATCH (a)-[r]->(x:{label}) WHERE {OWN} AND r.doc = $doc " \
                                       f"WITH a, r, x AS b {EDGE_ROW}"
    for type_, spec in EDGE_TYPES.items():  # edges between shared nodes: no own node to start from
        if not set(spec.source + spec.target) & set(OWNED):
            found[f"records_shared:{type_}"] = f"MATCH (a)-[r:{type_}]->(b) WHERE r.doc = $doc {EDGE_ROW}"
    for label in SEARCHED:
        found[f"search_text:{label}"] = f"UNWIND $rows AS row MATCH (n:{label} {{id: row.id}}) " \
                                        f"SET n.searched = row.props.searched"
        found[f"search:{label}"] = (f"MATCH (n:{label}) WHERE n.searched CONTAINS $needle "
                                    f"RETURN n.id AS id, n.doc AS doc, n.span[0] AS start "
                                    f"ORDER BY doc, start, id LIMIT $most")
    return found


STATIC = {
    "state": f"MERGE (s:{STATE} {{id: 'state'}}) ON CREATE SET s.seq = 0, s.generation = 0 RETURN s.seq AS seq",
    "next_seq": f"MATCH (s:{STATE} {{id: 'state'}}) SET s.seq = s.seq + 1, s.generation = s.generation + 1 "
                f"RETURN s.seq AS seq",
    "bump": f"MATCH (s:{STATE} {{id: 'state'}}) SET s.generation = s.generation + 1",
    "generation": f"MATCH (s:{STATE} {{id: 'state'}}) RETURN s.generation AS generation",
    "find_content": "MATCH (d:Document {id: $doc}) RETURN d.meta AS meta",
    "find_path": "MATCH (d:Document) WHERE d.path_key = $path AND d.id <> $doc RETURN d.id AS id",
    "document_extra": "MATCH (d:Document {id: $doc}) SET d.text = $text, d.meta = $meta, d.format = $format, "
                      "d.loaded_at = $loaded_at, d.path_key = $path, d.seq = $seq, d.columns = $columns, "
                      "d.n_nodes = $n_nodes, d.n_edges = $n_edges",
    "document_text_append": "MATCH (d:Document {id: $id}) SET d.text = d.text + $piece",
    "document_meta_append": "MATCH (d:Document {id: $id}) SET d.meta = d.meta + $piece",
    "document_columns_append": "MATCH (d:Document {id: $id}) SET d.columns = d.columns + $piece",
    "document_columns": "MATCH (d:Document {id: $doc}) SET d.columns = $columns, d.n_nodes = $n_nodes, "
                        "d.n_edges = $n_edges",
    "documents_without_columns": "MATCH (d:Document) WHERE d.columns IS NULL RETURN d.id AS id ORDER BY d.id",
    "documents": "MATCH (d:Document) RETURN d.id AS id, d.path_key AS path, d.sha256 AS sha256, "
                 "d.format AS format, d.loaded_at AS loaded_at, d.meta AS meta, d.n_nodes AS n_nodes, "
                 "d.n_edges AS n_edges ORDER BY d.seq",
    "document_text": "MATCH (d:Document {id: $doc}) RETURN d.text AS text",
    "document_count": "MATCH (d:Document) RETURN count(d) AS n",
    "count_edges": "MATCH ()-[r]->() WHERE r.doc = $doc RETURN count(r) AS n",
    "drop_edges": "MATCH ()-[r]->() WHERE r.doc = $doc DELETE r",
}


def _label_statements(label: str) -> dict[str, str]:
    return {
        f"write:{label}": _node_write(label),
        f"read:{label}": f"MATCH (n:{label}) RETURN n ORDER BY n.id",
        f"count_nodes:{label}": f"MATCH (n:{label}) WHERE $doc IN n.docs RETURN count(n) AS n",
        f"release:{label}": f"MATCH (n:{label}) WHERE $doc IN n.docs SET n.docs = [d IN n.docs WHERE d <> $doc]",
        f"drop_unreferenced:{label}": f"MATCH (n:{label}) WHERE size(n.docs) = 0 DETACH DELETE n",
    }


def _ddl(dialect: str, label: str) -> str:
    if dialect == "neo4j":
        return f"CREATE CONSTRAINT zeren_{label.lower()}_id IF NOT EXISTS FOR (n:{label}) REQUIRE n.id IS UNIQUE"
    return f"CREATE INDEX FOR (n:{label}) ON (n.id)"


@lru_cache(maxsize=None)
def statements() -> dict[str, str]:
    """Every Cypher statement this store sends, by name (the DDL of both dialects included)."""
    found = {**STATIC, **_reads()}
    for label in NODE_TYPES:
        found.update(_label_statements(label))
        if not NODE_TYPES[label].shared:
            for prop in _written(label):
                found[f"append:{label}:{prop}"] = _node_append(label, prop)
    for label in (*NODE_TYPES, STATE):
        found[f"clear:{label}"] = f"MATCH (n:{label}) DETACH DELETE n"
        for dialect in ("neo4j", "falkordb"):
            found[f"ddl:{dialect}:{label}"] = _ddl(dialect, label)
    for type_, spec in EDGE_TYPES.items():
        found[f"read_edges:{type_}"] = _edge_read(type_)
        for source in spec.source:
            for target in spec.target:
                found[f"write_edge:{type_}:{source}:{target}"] = _edge_write(type_, source, target)
                for prop in spec.properties:
                    found[f"append_edge:{type_}:{source}:{target}:{prop}"] = _edge_append(type_, source, target, prop)
    return found


# -- the store ---------------------------------------------------------------------------------------------

def _one_line(method):
    """The server gone or a statement refused reaches the caller as a StoreError: one line, no traceback."""
    @wraps(method)
    def guarded(self, *args, **kwargs):
        try:
            return method(self, *args, **kwargs)
        except self._errors as exc:
            raise StoreError(f"Neo4j at {self._where}: {type(exc).__name__}: {_first_line(exc)}") from exc
    return guarded


class Neo4jStore(Store):
    def __init__(self, uri: str, user: str | None = None, password: str | None = None,
                 database: str | None = None, dialect: str | None = None):
        from neo4j import GraphDatabase  # only the server backend needs the driver
        from neo4j.exceptions import Neo4jError, ServiceUnavailable
        self._errors = (Neo4jError, ServiceUnavailable, OSError)
        uri, user, password = _without_userinfo(uri, user, password)
        self._where, self._database = _where(uri), database
        self._graph: nx.MultiDiGraph | None = None
        self._graph_generation = -1
        try:
            # No credentials at all is a server without auth (the FalkorDB stand-in refuses any)
            auth = (user or "neo4j", password or "") if (user or password) else None
            self._driver = GraphDatabase.driver(uri, auth=auth)
            self._driver.verify_connectivity()
            # FalkorDB announces itself as "Neo4j/5.x", so the dialect is configuration, not detection
            self.dialect = dialect or os.environ.get("ZEREN_CYPHER_DIALECT", "neo4j")
            self.message_budget = MESSAGE_BUDGET.get(self.dialect)
            self._create_schema()
        except self._errors as exc:
            raise StoreError(f"cannot use Neo4j at {self._where}: {type(exc).__name__}: {_first_line(exc)}") from exc
        except ValueError:  # the driver's message repeats the URI: say what is wrong without it
            raise StoreError(f"cannot use Neo4j at {self._where}: NEO4J_URI is not a neo4j://, neo4j+s://, "
                             f"bolt:// or bolt+s:// address") from None

    def _session(self):
        session = self._driver.session(database=self._database) if self._database else self._driver.session()
        return _EscapingSession(session) if self.dialect == "falkordb" else session

    def _create_schema(self) -> None:
        with self._session() as session:
            for label in (*NODE_TYPES, STATE):
                try:
                    session.run(_ddl(self.dialect, label)).consume()
                except self._errors:
                    if self.dialect == "neo4j":
                        raise
                    # FalkorDB answers "already indexed" on the second run: the index is there, as wanted
            session.run(STATIC["state"]).consume()

    # -- writes -------------------------------------------------------------------------------------------

    @_one_line
    def load(self, src: SourceText, extraction: dict) -> LoadResult:
        nodes, edges = to_records(src, extraction)
        doc_id, path = document_id(src.sha256), str(Path(src.path).resolve())
        meta = {k: v for k, v in extraction["document"].items() if k not in ("path", "sha256", "format")}
        with self._session() as session:
            return session.execute_write(self._load, doc_id, path, src, meta, nodes, edges)

    def _load(self, tx, doc_id, path, src, meta, nodes, edges) -> LoadResult:
        stored = tx.run(STATIC["find_content"], doc=doc_id).single()
        same_path = [record["id"] for record in tx.run(STATIC["find_path"], path=path, doc=doc_id)]
        stale, present = stale_versions(json.loads(stored["meta"] or "{}") if stored else None, same_path,
                                        doc_id, meta.get("extractor"))
        for old in stale:
            _delete(tx, old)
        if not present:
            seq = tx.run(STATIC["next_seq"]).single()["seq"]  # also bumps the generation
            send = _Sender(tx, self.message_budget)
            _insert(send, doc_id, seq, nodes, edges)
            columns = fragment(doc_id, nodes, edges)
            send.text(STATIC["document_extra"], {"text": STATIC["document_text_append"],
                                                 "meta": STATIC["document_meta_append"],
                                                 "columns": STATIC["document_columns_append"]}, doc_id,
                      text=src.text, meta=json.dumps(meta, ensure_ascii=False), format=src.format,
                      loaded_at=datetime.now(timezone.utc).isoformat(timespec="seconds"), path=path, seq=seq,
                      columns=as_text(columns), n_nodes=columns["nodes"], n_edges=columns["edges"])
        elif stale:  # only deletions: the generation still has to change
            tx.run(STATIC["bump"]).consume()
        return LoadResult(load_status(stale, present), doc_id)

    @_one_line
    def remove(self, doc_id: str) -> bool:
        def work(tx):
            if tx.run(STATIC["find_content"], doc=doc_id).single() is None:
                return False
            _delete(tx, doc_id)
            tx.run(STATIC["bump"]).consume()
            return True
        with self._session() as session:
            return session.execute_write(work)

    # -- reads --------------------------------------------------------------------------------------------

    @_one_line
    def documents(self) -> list[dict]:
        with self._session() as session:
            rows = list(session.run(STATIC["documents"]))
            found = []
            for row in rows:
                nodes, edges = row["n_nodes"], row["n_edges"]
                if nodes is None:   # loaded before the counts were kept with the document: counted
                    nodes = sum(session.run(statements()[f"count_nodes:{label}"], doc=row["id"]).single()["n"]
                                for label in NODE_TYPES)
                    edges = session.run(STATIC["count_edges"], doc=row["id"]).single()["n"]
                found.append({**json.loads(row["meta"]), "doc_id": row["id"], "path": row["path"],
                              "sha256": row["sha256"], "format": row["format"], "loaded_at": row["loaded_at"],
                              "nodes": nodes, "edges": edges})
        return found

    @_one_line
    def document_count(self) -> int:
        with self._session() as session:
            return session.run(STATIC["document_count"]).single()["n"]

    @_one_line
    def document_text(self, doc_id: str) -> str:
        with self._session() as session:
            record = session.run(STATIC["document_text"], doc=doc_id).single()
        if record is None:
            raise KeyError(doc_id)
        return record["text"]

    @_one_line
    def to_networkx(self) -> nx.MultiDiGraph:
        with self._session() as session, collector_paused():
            generation = session.run(STATIC["generation"]).single()["generation"]
            if self._graph is not None and generation == self._graph_generation:
                return self._graph
            graph, shared = nx.MultiDiGraph(), SharedValues()
            for label in NODE_TYPES:
                for record in session.run(statements()[f"read:{label}"]):
                    props = dict(record["n"].items())
                    graph.add_node(shared(props["id"]), **shared.attributes(label, public_properties(props, label)))
            for type_ in EDGE_TYPES:
                for record in session.run(statements()[f"read_edges:{type_}"]):
                    source, target = shared(record["source"]), shared(record["target"])
                    if not graph.has_edge(source, target, key=type_):
                        props = {k: v for k, v in record["rel"].items() if k not in EDGE_INTERNAL}
                        graph.add_edge(source, target, key=type_, **shared.attributes(type_, props))
        self._graph, self._graph_generation = nx.freeze(graph), generation
        return self._graph

    @_one_line
    def generation(self) -> int:
        with self._session() as session:
            return session.run(STATIC["generation"]).single()["generation"]

    @_one_line
    def stats(self) -> dict:
        """Counted in the server."""
        with self._session() as session:
            nodes = {label: session.run(statements()[f"count:{label}"]).single()["n"] for label in NODE_TYPES}
            edges = {type_: session.run(statements()[f"count_edges:{type_}"]).single()["n"] for type_ in EDGE_TYPES}
        return {"documents": nodes["Document"], "nodes": nodes, "edges": edges}

    # -- what the app's View reads (queries/store_view.py): never the whole graph ------------------------

    def settle(self) -> None:
        """Documents stored before their column fragments and search texts were kept get them now, from
        their stored records: the app then reads this store's columns, not its whole graph."""
        for row in self._read("documents_without_columns"):
            nodes, edges = self.document_records(row["id"])
            self._keep_columns(row["id"], [Node(id_, attrs["type"], {k: v for k, v in attrs.items() if k != "type"})
                                           for id_, attrs in nodes.items()],
                               [Edge(source, type_, target, props) for source, target, type_, props in edges])

    @_one_line
    def _keep_columns(self, doc_id: str, nodes: list[Node], edges: list[Edge]) -> None:
        def work(tx):
            send = _Sender(tx, self.message_budget)
            for label in SEARCHED:
                rows = [{"id": node.id, "props": {"searched": "".join(node.props["text"].split())}}
                        for node in nodes if node.type == label and node.props.get("text")]
                send.rows(statements()[f"search_text:{label}"], rows,
                          lambda row, prop, label=label: (statements()[f"append:{label}:{prop}"], {"id": row["id"]}))
            columns = fragment(doc_id, nodes, edges)
            send.text(STATIC["document_columns"], {"columns": STATIC["document_columns_append"]}, doc_id,
                      columns=as_text(columns), n_nodes=columns["nodes"], n_edges=columns["edges"])
        with self._session() as session:
            session.execute_write(work)
        self._graph = None

    def keeps_columns(self) -> bool:
        """Whether every document has its column fragment (a store written before they were kept has not:
        its View is read from the whole graph)."""
        return self._read("without_columns")[0]["n"] == 0

    def joined_columns(self) -> column_cache.Joined:
        """Every document's column fragment joined, by doc_id (the list entries and nodes are the server's
        to give: ``documents``, ``nodes_of_type``)."""
        def rows():
            for row in self._read("columns"):
                items, owners, _, _, *fields, strings = from_text(row["columns"])
                yield (row["id"], 0, items, owners, *fields, strings, "", "")
        return column_cache.in_memory(rows())

    def snapshot(self):
        """The embedded store reads several statements in one transaction; here each reads the server's
        present state (the app keys its cache on ``generation``, read before them)."""
        return nullcontext()

    def nodes_of_type(self, type_: str) -> list[tuple[str, dict]]:
        return [(row["id"], complete(type_, _storable(row["props"]))) for row in self._read(f"of_type:{type_}")]

    def node_data(self, ids: list[str]) -> dict[str, dict]:
        statement = statements()["node_data"]
        return {row["id"]: complete(row["type"], _storable(row["props"]))
                for batch in id_batches(self.message_budget, statement, [i for i in ids if isinstance(i, str)])
                for row in self._read("node_data", ids=batch)}

    def edges_at(self, node: str) -> list[tuple[str, str, str, dict]]:
        """Every edge at ``node``, each once (with the first asserter's properties), in load order."""
        return _edges(self._read("edges_out", id=node) + self._read("edges_in", id=node))[1]

    def document_records(self, doc_id: str) -> tuple[dict[str, dict], list[tuple[str, str, str, dict]]]:
        """A document's nodes and the nodes its edges reach (id -> attributes), and its edges, in load order."""
        rows = [row for label in OWNED for way in ("out", "in")
                for row in self._read(f"records_{way}:{label}", doc=doc_id, prefix=doc_id + ":")]
        rows += [row for name in statements() if name.startswith("records_shared:")
                 for row in self._read(name, doc=doc_id)]
        nodes, edges = _edges(rows)
        return {**self.node_data([doc_id]), **nodes}, edges

    own_records = document_records   # the nodes its edges reach come with them, in the same statements

    def items_with_text(self, needle: str, most: int) -> list[str]:
        """The first ``most`` Problems and Tasks in reading order whose text, without white space, holds
        ``needle``: searched in the server."""
        found = sorted((row["doc"], row["start"], row["id"]) for label in SEARCHED
                       for row in self._read(f"search:{label}", needle=needle, most=most))
        return [item for _, _, item in found[:most]]

    def _read(self, name: str, **params) -> list[dict]:
        return self.query(statements()[name], **params)

    @_one_line
    def query(self, statement: str, **params) -> list[dict]:
        """Run one read statement (an analysis' Cypher twin) and return its rows as dicts."""
        with self._session() as session:
            return [record.data() for record in session.run(statement, **params)]

    @_one_line
    def write(self, steps: list[tuple[str, dict, list[dict] | None]]) -> None:
        """Write statements in one transaction, in order: (statement, parameters, rows). A step with rows is
        sent as ``UNWIND $rows`` batches within the server's message budget."""
        def work(tx):
            send = _Sender(tx, self.message_budget)
            for statement, params, rows in steps:
                if rows is None:
                    send.run(statement, **params)
                elif rows:
                    send.rows(statement, rows, None, **params)
        with self._session() as session:
            session.execute_write(work)

    @_one_line
    def clear(self) -> None:
        """Delete everything this store wrote (tests, and a user starting over)."""
        with self._session() as session:
            for label in (*NODE_TYPES, STATE):
                session.run(statements()[f"clear:{label}"]).consume()
            session.run(STATIC["state"]).consume()
        self._graph = None

    def close(self) -> None:
        if getattr(self, "_driver", None) is not None:
            self._driver.close()
            self._driver = None


def public_properties(props: dict, label: str) -> dict:
    """A node's properties as the graph shows them: without the store's bookkeeping (and a Document's text)."""
    hidden = INTERNAL + (DOCUMENT_EXTRA + ("path_key",) if label == "Document" else ())
    return {k: v for k, v in props.items() if k not in hidden}


def _edges(rows: list[dict]) -> tuple[dict[str, dict], list[tuple[str, str, str, dict]]]:
    """The nodes at the ends of these edge rows, and the edges each once: of several copies (documents
    asserting one edge) the first loaded, in load order."""
    nodes, first = {}, {}
    for row in sorted(rows, key=lambda row: (row["props"].get("seq", 0), row["props"].get("order", 0))):
        for end in ("source", "target"):
            nodes.setdefault(row[end], complete(row[f"{end}_type"], _storable(row[f"{end}_props"])))
        first.setdefault((row["source"], row["target"], row["type"]), row)
    return nodes, [(row["source"], row["target"], row["type"],
                    complete(row["type"], {k: v for k, v in row["props"].items() if k not in EDGE_INTERNAL}))
                   for row in first.values()]


def id_batches(budget: int | None, statement: str, ids: list[str]) -> list[list[str]]:
    """``ids`` in as few batches as the server's message budget allows (FalkorDB closes the connection on a
    Bolt message over 4 KiB; Neo4j has no budget): more statements, never more rows."""
    if not budget:
        return [ids] if ids else []
    room = max(budget - len(statement.encode()) - 64, 1)
    batches, size = [], room
    for id_ in ids:
        cost = len(id_.encode()) + 4
        if size + cost > room:
            batches.append([])
            size = 0
        batches[-1].append(id_)
        size += cost
    return batches


def _insert(send: "_Sender", doc_id: str, seq: int, nodes: list[Node], edges: list[Edge]) -> None:
    by_label: dict[str, list[dict]] = {}
    for node in nodes:
        props = node.props
        if node.type in SEARCHED and props.get("text"):
            props = {**props, "searched": "".join(props["text"].split())}
        by_label.setdefault(node.type, []).append({"id": node.id, "props": props})
    for label, rows in by_label.items():
        append = None if NODE_TYPES[label].shared else (lambda row, prop, label=label: (
            statements()[f"append:{label}:{prop}"], {"id": row["id"]}))
        send.rows(statements()[f"write:{label}"], rows, append, doc=doc_id)
    types = {node.id: node.type for node in nodes}
    by_shape: dict[tuple[str, str, str], list[dict]] = {}
    for order, edge in enumerate(edges):    # order: where the document asserts it, as the embedded rows are
        by_shape.setdefault((edge.type, types[edge.source], types[edge.target]), []).append(
            {"source": edge.source, "target": edge.target, "order": order, "props": _storable(edge.props)})
    for (type_, source, target), rows in by_shape.items():
        append = (lambda row, prop, shape=f"{type_}:{source}:{target}": (
            statements()[f"append_edge:{shape}:{prop}"], {"source": row["source"], "target": row["target"],
                                                           "doc": doc_id}))
        send.rows(statements()[f"write_edge:{type_}:{source}:{target}"], rows, append, doc=doc_id, seq=seq)


class _EscapingTransaction:
    """FalkorDB's Bolt server splices string parameters into the query text between single quotes, without
    escaping them: a value with ' fails (and could inject). Escaping \\ and ' before sending gives the value
    back exactly; Neo4j needs none of this. Every statement still takes its values as parameters."""

    def __init__(self, inner):
        self._inner = inner

    def run(self, statement: str, **params):
        return self._inner.run(statement, **_escape(params))


class _EscapingSession(_EscapingTransaction):
    def execute_write(self, work, *args):
        return self._inner.execute_write(lambda tx: work(_EscapingTransaction(tx), *args))

    def __enter__(self):
        self._inner.__enter__()
        return self

    def __exit__(self, *exc):
        return self._inner.__exit__(*exc)


def _escape(value):
    if isinstance(value, str):
        return value.replace("\\", "\\\\").replace("'", "\\'")
    if isinstance(value, dict):
        return {key: _escape(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_escape(item) for item in value]
    return value


class _Sender:
    """Runs UNWIND batches in one transaction. With a message budget (FalkorDB's Bolt server drops the
    connection on a message over 4 KiB) it keeps every message under it: few rows per batch, and a string
    too long for one message written as a head, then appended piece by piece (``SET n.p = n.p + $piece``)."""

    def __init__(self, tx, budget: int | None):
        self.tx, self.budget = tx, budget

    def run(self, statement: str, **params) -> None:
        self.tx.run(statement, **params).consume()

    def rows(self, statement: str, rows: list[dict], append, **params) -> None:
        if self.budget is None:
            for start in range(0, len(rows), BATCH):
                self.run(statement, rows=rows[start:start + BATCH], **params)
            return
        room = self.budget - _size(statement) - _size(params)
        batch, used, tails = [], 0, []
        for row in rows:
            row, cut = self._fit(row, room, append)
            tails += cut
            if batch and used + _size(row) > room:
                self.run(statement, rows=batch, **params)
                batch, used = [], 0
            batch.append(row)
            used += _size(row)
        if batch:
            self.run(statement, rows=batch, **params)
        for append_statement, keys, piece in tails:
            self.run(append_statement, **keys, piece=piece)

    def _fit(self, row: dict, room: int, append) -> tuple[dict, list]:
        """A row over the budget keeps a short head of each long string; the rest follows as appends."""
        if _size(row) <= room or append is None:
            return row, []
        props, tails = dict(row["props"]), []
        for prop, value in props.items():
            if not isinstance(value, str) or _size(value) <= HEAD:
                continue
            append_statement, keys = append(row, prop)
            head = _pieces(value, HEAD)[0]
            rest = value[len(head):]
            props[prop] = head
            tails += [(append_statement, keys, piece)
                      for piece in _pieces(rest, self.budget - _size(append_statement) - _size(keys) - 64)]
        return {**row, "props": props}, tails

    def text(self, statement: str, append_statement: str, doc_id: str, **params) -> None:
        """A statement setting long strings (document text, meta) on the Document node, in pieces if needed."""
        if self.budget is None:
            self.run(statement, doc=doc_id, **params)
            return
        tails = []
        for name in append_statement:
            pieces = _pieces(params[name], self.budget // (len(append_statement) + 1))
            params[name] = pieces[0]
            tails += [(append_statement[name], piece) for piece in pieces[1:]]
        self.run(statement, doc=doc_id, **params)
        for append, piece in tails:
            self.run(append, id=doc_id, piece=piece)


def _size(value) -> int:
    """Bytes a value takes in a Bolt message, from above (PackStream is more compact than JSON)."""
    return len(json.dumps(value, ensure_ascii=False).encode("utf-8")) + 16


def _pieces(text: str, limit: int) -> list[str]:
    pieces, current, used = [], [], 0
    for char in text:
        width = len(char.encode("utf-8")) + (1 if char in '"\\' else 0)
        if used + width > limit and current:
            pieces.append("".join(current))
            current, used = [], 0
        current.append(char)
        used += width
    pieces.append("".join(current))
    return pieces


def _delete(tx, doc_id: str) -> None:
    tx.run(STATIC["drop_edges"], doc=doc_id).consume()
    for label in NODE_TYPES:
        tx.run(statements()[f"release:{label}"], doc=doc_id).consume()
        tx.run(statements()[f"drop_unreferenced:{label}"]).consume()


def _storable(props: dict) -> dict:
    """Neo4j stores no nulls: a missing property reads back as None (``schema.complete``)."""
    return {key: value for key, value in props.items() if value is not None}


def _first_line(exc: Exception) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else ""
