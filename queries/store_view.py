"""A View read from the embedded store's column fragments, with no graph of everything in memory.

``View`` indexes a networkx graph of every node and edge: at 100,000 documents that graph alone took minutes
to read and most of ten GiB. ``StoreView`` answers the same questions from

- the columns (``queries.columns``), joined from each document's fragment (``graph/columnar.py``; the
  embedded store keeps them joined between readers, ``graph/column_cache.py``);
- the units and documents, read once (they are few, and every page lists them);
- everything else on demand: an item's properties, its owners' and deadline's evidence, a node's edges are
  read from the store when a finding, page or chain asks for them, and kept.

Every analysis gives the same answers over either (tests/test_store_view.py compares them).
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import cached_property

import numpy as np
import orjson

from graph.columnar import ITEM_NUMBER, NOT_STATED
from graph.schema import ITEM_TYPES
from graph.store import collector_paused

from .columns import DATED, KIND_CODE, ROLE_CODE, TYPE_CODE, Columns, distinct, status_code
from .view import Owner, View, evidence

OWNER_EDGE_TYPES = ("LEADS", "RESPONSIBLE_FOR")


def store_view(store) -> View:
    """The View the analyses read: from the store's column fragments where it keeps them (the embedded
    store, schema 3 on), else from its whole graph (Neo4j; an older store opened read-only)."""
    if hasattr(store, "keeps_columns") and store.keeps_columns():
        return StoreView(store)
    return View(store.to_networkx())


# How many nodes (and nodes' edges) read on demand a View keeps before it forgets them and reads again: a
# page shows hundreds; an export of a whole archive must not hold millions.
KEPT = 200_000


def _remember(cache: dict, found: dict) -> None:
    """Keep what was read in ``cache``, forgetting all of it first once it would pass ``KEPT``."""
    if len(cache) + len(found) > KEPT:
        cache.clear()
    cache.update(found)


class NodeData(Mapping):
    """Node id -> attributes, read from the store on first use and kept (``View.data``): the units and
    documents for as long as the View lives, other nodes up to ``KEPT`` at a time. Iterating reads no node:
    the pages ask for nodes by id, or for a type's nodes (``View.of_type``)."""

    def __init__(self, store):
        self._store = store
        self._always: dict[str, dict] = {}
        self._known: dict[str, dict | None] = {}

    def fetch(self, ids) -> None:
        """Read these nodes now, in batches (a page about to show a few hundred items)."""
        missing = [node for node in dict.fromkeys(ids) if node not in self._known and node not in self._always]
        if missing:
            found = self._store.node_data(missing)
            self.remember({node: found.get(node) for node in missing})

    def keep(self, pairs) -> None:
        """Nodes to hold for the View's life (the units, the documents)."""
        self._always.update(pairs)

    def remember(self, found: dict) -> None:
        _remember(self._known, found)

    def __getitem__(self, node: str) -> dict:
        found = self._always.get(node)
        if found is not None:
            return found
        if node not in self._known:
            self.fetch([node])
        found = self._known.get(node)
        if found is None:
            raise KeyError(node)
        return found

    def __contains__(self, node) -> bool:
        try:
            self[node]
        except (KeyError, TypeError):
            return False
        return True

    def __iter__(self):
        raise TypeError("the store's nodes are read by id (View.data[id]) or by type (View.of_type)")

    def __len__(self) -> int:
        return sum(self._store.stats()["nodes"].values())


class StoreGraph:
    """The few graph questions the chain pages ask (``in``, ``out_edges``, ``in_edges``), answered from the
    store for the one node asked about."""

    def __init__(self, store, data: NodeData):
        self._store, self._data = store, data
        self._edges: dict[str, list] = {}

    def __contains__(self, node) -> bool:
        return node in self._data

    def _at(self, node: str) -> list:
        found = self._edges.get(node)
        if found is None:
            found = self._store.edges_at(node)
            self.remember({node: found})
        return found

    def remember(self, found: dict) -> None:
        _remember(self._edges, found)

    def out_edges(self, node: str, keys: bool = False, data: bool = False):
        return [_edge(source, target, type_, props, keys, data)
                for source, target, type_, props in self._at(node) if source == node]

    def in_edges(self, node: str, keys: bool = False, data: bool = False):
        return [_edge(source, target, type_, props, keys, data)
                for source, target, type_, props in self._at(node) if target == node]


def _edge(source, target, type_, props, keys, data):
    return (source, target) + ((type_,) if keys else ()) + ((props,) if data else ())


class _PerItem(Mapping):
    """Item id -> what ``read(item)`` finds, read on first use; only items the columns say have one."""

    def __init__(self, view: "StoreView", has, read):
        self._view, self._has, self._read = view, has, read
        self._known: dict = {}

    def __getitem__(self, item: str):
        if item not in self._known:
            row = self._view.row(item)
            if row is None or not self._has(row):
                raise KeyError(item)
            _remember(self._known, {item: self._read(item)})
        return self._known[item]

    def __iter__(self):
        c = self._view.columns
        return (c.ids[row] for row in range(len(c.ids)) if self._has(row))

    def __len__(self) -> int:
        return sum(1 for _ in self)


class ItemIds(Sequence):
    """The items' ids in reading order, each made when read: millions of strings are never all needed."""

    def __init__(self, view: "StoreView"):
        self._view = view

    def __len__(self) -> int:
        return int(self._view._doc_start[-1])

    def __getitem__(self, row):
        if isinstance(row, slice):
            return [self._view.item_id(at) for at in range(*row.indices(len(self)))]
        if row < 0:
            row += len(self)
        if not 0 <= row < len(self):
            raise IndexError(row)
        return self._view.item_id(row)

    def __iter__(self):
        return map(self._view.item_id, range(len(self)))


class _Rows(Sequence):
    """The ids of some rows of the columns, each made when read."""

    def __init__(self, view: "StoreView", rows: np.ndarray):
        self._view, self._rows = view, rows

    def __len__(self) -> int:
        return len(self._rows)

    def __getitem__(self, at):
        if isinstance(at, slice):
            return [self._view.item_id(row) for row in self._rows[at].tolist()]
        return self._view.item_id(int(self._rows[at]))

    def __iter__(self):
        return map(self._view.item_id, self._rows.tolist())


def _run_of(keys: np.ndarray, key: int | None) -> tuple[int, int]:
    """Where ``key`` runs in the sorted ``keys`` (an empty run for None or a key not there)."""
    if key is None:
        return 0, 0
    return int(np.searchsorted(keys, key, "left")), int(np.searchsorted(keys, key, "right"))


class _WorkByDocument(Mapping):
    def __init__(self, view: "StoreView"):
        self._view = view
        self._docs = view.columns.doc[view.columns.work]      # ascending: work rows are in reading order

    def __getitem__(self, doc: str) -> list[str]:
        lo, hi = _run_of(self._docs, self._view._doc_index.get(doc))
        if lo == hi:
            raise KeyError(doc)
        return list(_Rows(self._view, self._view.columns.work[lo:hi]))

    def __iter__(self):
        return (self._view.documents[doc] for doc in np.unique(self._docs).tolist())

    def __len__(self) -> int:
        return len(np.unique(self._docs))


class _UnitWork(Mapping):
    def __init__(self, view: "StoreView"):
        self._view = view
        self._index = {unit: i for i, unit in enumerate(view.units)}

    def __getitem__(self, unit: str) -> list[str]:
        unit_of, item_of = self._view._unit_work
        lo, hi = _run_of(unit_of, self._index.get(unit))
        if lo == hi:
            raise KeyError(unit)
        return list(_Rows(self._view, item_of[lo:hi]))

    def __iter__(self):
        return iter(self._view.unit_work_counts)

    def __len__(self) -> int:
        return len(self._view.unit_work_counts)


class StoreView(View):
    def __init__(self, store):
        self.store = store
        self.data = NodeData(store)
        self.graph = StoreGraph(store, self.data)
        self._labels: dict[str, str] = {}
        self._fetched: set[str] = set()     # documents whose items' records ``prefetch`` has read
        with collector_paused(), store.snapshot():  # units, documents and columns of one state
            self._read()

    def warm(self) -> "StoreView":
        with collector_paused():
            self.unit_work_counts, self.problem_statements  # noqa: B018
        return self

    def _read(self) -> None:
        joined = self.store.joined_columns()    # first: the embedded store then lists its documents from it
        units = self.store.nodes_of_type("Unit")
        self.units = [unit for unit, _ in units]
        self.data.keep(units)
        self.data.keep(self.store.nodes_of_type("Document"))
        unit_index = {unit: i for i, unit in enumerate(self.units)}
        # what each document's strings say, kept as read (the strings themselves are not kept)
        doc_units: list[int] = []
        unit_counts: list[int] = []
        texts: list[tuple[int, int, str]] = []
        mentions: dict[str, set[str]] = {}
        self._local_ids: dict[int, list[str]] = {}
        named: dict[str, list[tuple[int, int, str]]] = {"statuses": [], "kinds": []}
        narrated: list[tuple[int, int]] = []

        def strings_of(index: int, part: dict) -> None:
            units_here = part["units"]
            doc_units.extend(unit_index[unit] for unit in units_here)
            unit_counts.append(len(units_here))
            texts.extend((index, local, text) for local, text in part["texts"])
            for unit, mention in part["mentions"]:
                mentions.setdefault(units_here[unit], set()).add(mention)
            if "ids" in part:
                self._local_ids[index] = part["ids"]
            narrated.extend((index, local) for local in part.get("narrated", ()))
            for key, found in named.items():
                found.extend((index, local, name) for local, name in part.get(key, ()))

        for index, text in enumerate(joined.each_text("strings")):
            strings_of(index, orjson.loads(text))
        found = joined.fields
        docs, items, owners = joined.docs, joined.items, joined.owners
        count = int(items.sum())
        starts = np.cumsum(items) - items
        self.documents = docs
        self._doc_start = np.append(starts, count)
        doc = np.repeat(np.arange(len(docs), dtype=np.int32), items)
        at = np.repeat(starts, items)              # each item's document's first row
        parent, owners_from = found["parent"], found["owners_from"]
        # an owner row's unit: its position among its document's units, at that document's offset among all
        unit_counts_ = np.asarray(unit_counts, np.int64)
        unit_start = np.cumsum(unit_counts_) - unit_counts_
        owner_item = found["owner_item"] + np.repeat(starts, owners)
        owner_unit = np.asarray(doc_units, np.int32)[found["owner_unit"] + np.repeat(unit_start, owners)] \
            if len(owner_item) else np.zeros(0, np.int32)
        status = found["status"].astype(np.int8)
        kind = found["due_kind"].astype(np.int8)
        self._item_num = found["item_num"]
        self._problem_texts = {int(starts[index]) + local: text for index, local, text in texts}
        self._mentions = mentions
        for index, local, name in named["statuses"]:      # what no code says, by name
            status[starts[index] + local] = status_code(name)
        for index, local, name in named["kinds"]:
            kind[starts[index] + local] = KIND_CODE.get(name, DATED)
        self._stated = kind != NOT_STATED
        narrated_rows = np.zeros(count, bool)
        narrated_rows[[int(starts[index]) + local for index, local in narrated]] = True
        self.items = ItemIds(self)
        self.columns = Columns.from_arrays(
            self.items, docs,
            type_=found["type"].astype(np.int8), doc=doc,
            parent=np.where(parent >= 0, parent + at, -1).astype(np.int32),
            owners_from=np.where(owners_from >= 0, owners_from + at, -1).astype(np.int32),
            status=status, each_leads=found["each_leads"].astype(bool), narrated=narrated_rows,
            own_deadline=(np.where(self._stated, kind, 0).astype(np.int8), found["due_day"].astype(np.int32),
                          self._stated),
            unit_names=[attrs["name"] for _, attrs in units],
            unit_collective=np.fromiter((bool(attrs.get("collective")) for _, attrs in units), bool, len(units)),
            owners=(owner_item.astype(np.int32), owner_unit.astype(np.int32), found["owner_role"].astype(np.int8),
                    found["owner_open"].astype(bool)))

    @property
    def mentions(self) -> dict[str, set[str]]:
        return self._mentions

    def item_id(self, row: int) -> str:
        return f"{self.documents[self.columns.doc[row]]}:{self._local_name(row)}"

    def _local_name(self, row: int) -> str:
        doc = int(self.columns.doc[row])
        local = self._local_ids.get(doc)
        return local[row - self._doc_start[doc]] if local else f"i{self._item_num[row]}"

    # -- what View built from the graph, here from the columns ------------------------------------------

    @cached_property
    def _doc_index(self) -> dict[str, int]:
        return {doc: i for i, doc in enumerate(self.documents)}

    def row(self, item) -> int | None:
        """The item's row in the columns, found from its id (its document, then its number there)."""
        doc_id, _, local = item.rpartition(":") if isinstance(item, str) else ("", "", "")
        doc = self._doc_index.get(doc_id)
        if doc is None:
            return None
        start, end = int(self._doc_start[doc]), int(self._doc_start[doc + 1])
        if doc in self._local_ids:
            names = self._local_ids[doc]
            return start + names.index(local) if local in names else None
        m = ITEM_NUMBER.fullmatch(local)
        if m is None:
            return None
        found = np.flatnonzero(self._item_num[start:end] == int(m.group(1)))
        return start + int(found[0]) if len(found) else None

    def of_type(self, type_: str) -> list[str]:
        return [node for node, _ in self.store.nodes_of_type(type_)]

    def items_with_text(self, needle: str, most: int) -> list[str]:
        """The first ``most`` Problems and Tasks, in reading order, whose text holds ``needle`` (white space
        in the text ignored): searched in the store."""
        return self.store.items_with_text(needle, most)

    def prefetch(self, items) -> None:
        """Read what pages and ledger rows show of these items (their nodes and their edges) a document at
        a time: one read per document, not several per item; then the shared nodes those edges reach that the
        View does not hold (deadlines, policies, persons), in one batch."""
        docs = dict.fromkeys(item.rpartition(":")[0] for item in items if isinstance(item, str))
        reached: dict[str, None] = {}     # the shared nodes their edges name, read together after
        for doc in docs:
            if doc not in self._doc_index or doc in self._fetched:
                continue
            if len(self._fetched) > KEPT // 20:    # (a document's items forgotten are read again one by one)
                self._fetched.clear()
            self._fetched.add(doc)
            nodes, edges = self.store.own_records(doc)
            self.data.remember(nodes)
            touching: dict[str, list] = {node: [] for node, attrs in nodes.items() if attrs["type"] in ITEM_TYPES}
            for edge in edges:
                for end in (edge[0], edge[1]):
                    if end in touching:
                        touching[end].append(edge)
                    elif end not in nodes:
                        reached[end] = None
            self.graph.remember(touching)
        self.data.fetch(reached)      # (the units, kept for the View's life, are not read again)

    def type(self, node: str) -> str:
        row = self.row(node)
        return ITEM_TYPES[self.columns.type[row]] if row is not None else self.data[node]["type"]

    @cached_property
    def owners_by_item(self) -> Mapping:
        c = self.columns
        return _PerItem(self, lambda row: c.owner_count[row] > 0, self._read_owners)

    def _read_owners(self, item: str) -> list[Owner]:
        """The item's owners, with their evidence, in the order its owner rows have in the columns."""
        c = self.columns
        row = self.row(item)
        rows = range(c.first_owner[row], c.first_owner[row] + c.owner_count[row])
        edges = {(source, type_): props for source, _, type_, props in self.graph.in_edges(item, keys=True, data=True)
                 if type_ in OWNER_EDGE_TYPES}
        found = []
        for at in rows:
            unit = self.units[c.owner_unit[at]]
            role = int(c.owner_role[at])
            props = edges[(unit, "LEADS" if role == ROLE_CODE["lead"] else "RESPONSIBLE_FOR")]
            name = "lead" if role == ROLE_CODE["lead"] else props.get("role") or "responsible"
            found.append(Owner(unit, self.data[unit]["name"], name, bool(c.owner_collective[at]),
                               bool(props.get("open_ended")), evidence(props, name, props.get("mention"))))
        return found

    @cached_property
    def due_by_item(self) -> Mapping:
        return _PerItem(self, self._stated.__getitem__, self._read_deadline)

    def _read_deadline(self, item: str) -> tuple[str, str | None, dict]:
        for _, target, key, props in self.graph.out_edges(item, keys=True, data=True):
            if key == "DUE":
                deadline = self.data[target]
                return deadline["kind"], deadline.get("date"), evidence(props, "deadline", props.get("raw"))
        raise KeyError(item)

    @cached_property
    def work_items(self) -> Sequence:
        return _Rows(self, self.columns.work)

    @cached_property
    def work_by_doc(self) -> Mapping:
        """Document id -> its work items in reading order, made when asked for."""
        return _WorkByDocument(self)

    @cached_property
    def unit_work_counts(self) -> dict[str, int]:
        unit_of, _ = self._unit_work
        counts = np.bincount(unit_of, minlength=len(self.units))
        return {self.units[unit]: int(counts[unit]) for unit in np.flatnonzero(counts).tolist()}

    @cached_property
    def unit_work_items(self) -> Mapping:
        """Unit id -> the work items it answers for, in reading order, made when asked for."""
        return _UnitWork(self)

    @cached_property
    def _unit_work(self) -> tuple[np.ndarray, np.ndarray]:
        """(unit, work item row) once each, by unit and then reading order."""
        c = self.columns
        work_of_row, owner_row = c.work_owner_rows()
        size = max(len(self.items), 1)
        key = distinct(c.owner_unit[owner_row].astype(np.int64) * size + work_of_row)
        return key // size, key % size

    @cached_property
    def problem_statements(self):
        from .recurring import statement_codes
        c = self.columns
        rows = np.flatnonzero(c.type == TYPE_CODE["Problem"])
        texts = self._problem_texts
        code, statements = statement_codes([texts.get(row) for row in rows.tolist()])
        # each problem's rank by item id ("doc:…:i12"), without making the ids: documents' ids have one
        # length, so the document decides first, then the id's number as text (i10 before i2)
        keys = list(zip(c.doc[rows].tolist(), (self._local_name(row) for row in rows.tolist())))
        id_rank = np.empty(len(keys), np.int64)
        id_rank[sorted(range(len(keys)), key=keys.__getitem__)] = np.arange(len(keys))
        return rows, code, statements, id_rank

    def doc_items(self, doc: str) -> list[str]:
        at = self._doc_index.get(doc)
        return [] if at is None else self.items[self._doc_start[at]:self._doc_start[at + 1]]

    @cached_property
    def _children_rows(self) -> tuple[np.ndarray, np.ndarray]:
        """Rows grouped by parent (stable: reading order within a parent), and where each parent's start."""
        parent = self.columns.parent
        order = np.argsort(parent, kind="stable")
        return order, parent[order]

    def _child_rows(self, row: int) -> list[int]:
        order, parents = self._children_rows
        lo, hi = _run_of(parents, row)
        return order[lo:hi].tolist()

    def children(self, node: str, type_: str | None = None) -> list[str]:
        row = self.row(node)
        if row is not None:
            found = [self.items[child] for child in self._child_rows(row)]
        else:
            found = [item for item in self.doc_items(node) if self._row_parent(self.row(item)) is None]
        return [child for child in found if self.type(child) == type_] if type_ else found

    def _row_parent(self, row: int) -> int | None:
        parent = int(self.columns.parent[row])
        return parent if parent >= 0 else None

    def parent(self, item: str) -> str | None:
        row = self.row(item)
        parent = None if row is None else self._row_parent(row)
        return None if parent is None else self.items[parent]

    def ancestors(self, item: str) -> list[str]:
        chain_, node = [], self.parent(item)
        while node is not None:
            chain_.append(node)
            node = self.parent(node)
        row = self.row(item)
        doc = self.documents[self.columns.doc[row]] if row is not None else None
        return ([doc] if doc else []) + chain_[::-1]

    def label(self, item: str) -> str:
        known = self._labels.get(item)
        if known is None:
            number = self.data[item].get("number")
            above = self.parent(item)
            row = self.row(item)
            if number is None and row is None:  # not an item (a document): as View, its own first
                number = "第1项"
            elif number is None:
                siblings = self._child_rows(self.row(above)) if above else [
                    self.row(sibling) for sibling in self.doc_items(self.data[item]["doc"])
                    if self._row_parent(self.row(sibling)) is None]
                number = f"第{siblings.index(row) + 1}项"
            known = self._labels[item] = (f"{self.label(above)} " if above else "") + number.strip()
        return known
