"""Read the accountability graph the way the analyses need it: items, their owners, deadlines and evidence.

The graph is the frozen ``networkx.MultiDiGraph`` both stores give (``Store.to_networkx``): node attribute
``type`` and the schema's properties; edges keyed by their type. Nothing here writes.
"""
from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cached_property
from itertools import accumulate

import networkx as nx
import numpy as np

from graph.schema import ITEM_TYPES
from graph.store import collector_paused

VAGUE_DEADLINES = ("ongoing", "timely", "none")


@dataclass(frozen=True)
class Owner:
    unit: str            # the Unit node id
    name: str
    role: str            # lead | responsible | assist
    collective: bool
    open_ended: bool
    evidence: dict


class View:
    """Indexes built once per graph; every analysis takes one (or a graph, and builds it)."""

    def __init__(self, graph: nx.MultiDiGraph):
        self.graph = graph
        # node id -> attributes, as a plain dict: the analyses look nodes up millions of times, and a
        # networkx NodeView lookup costs several times a dict's.
        self.data: dict[str, dict] = dict(graph.nodes(data=True))
        self._labels: dict[str, str] = {}  # filled by label(): an item's label starts with its parent's

    def warm(self) -> "View":
        """Build every shared index now (once per graph), so no page or analysis pays for one later."""
        with collector_paused():
            self.items, self.work_items, self._edges, self._by_doc, self.assigning_documents  # noqa: B018
            self.unit_work_items, self.work_by_doc, self._parent, self.owned_items, self.columns  # noqa: B018
            self.problem_statements  # noqa: B018
        return self

    @cached_property
    def items(self) -> list[str]:
        """Every Section, Problem and Task, by document and then in reading order."""
        data = self.data
        return sorted((node for node, attrs in data.items() if attrs["type"] in ITEM_TYPES),
                      key=lambda node: (data[node]["doc"], data[node]["span"][0], node))

    @cached_property
    def documents(self) -> list[str]:
        return sorted(node for node, attrs in self.data.items() if attrs["type"] == "Document")

    @cached_property
    def units(self) -> list[str]:
        return sorted(node for node, attrs in self.data.items() if attrs["type"] == "Unit")

    @cached_property
    def _edges(self) -> tuple[dict, dict, dict, dict]:
        """One pass over the edges for what the analyses follow: owners and deadline of each item, the
        items each node contains (each in reading order), and the mentions of each unit."""
        nodes = self.data
        mentions: dict[str, set[str]] = {}
        owners: dict[str, list[Owner]] = {}
        due: dict[str, tuple[str, str | None, dict]] = {}
        children: dict[str, list[str]] = {}
        for source, target, key, data in self.graph.edges(keys=True, data=True):
            if key == "CONTAINS":
                children.setdefault(source, []).append(target)
            elif key == "LEADS" or key == "RESPONSIBLE_FOR":
                unit = nodes[source]
                role = "lead" if key == "LEADS" else data.get("role") or "responsible"
                owners.setdefault(target, []).append(Owner(
                    source, unit["name"], role, bool(unit.get("collective")), bool(data.get("open_ended")),
                    evidence(data, role, data.get("mention"))))
                if data.get("mention"):
                    mentions.setdefault(source, set()).add(data["mention"])
            elif key == "DUE" and source not in due:
                deadline = nodes[target]
                due[source] = (deadline["kind"], deadline.get("date"), evidence(data, "deadline", data.get("raw")))
        for found in owners.values():  # the order the document names them in
            found.sort(key=lambda owner: (owner.evidence["span"][0], owner.name))
        for found in children.values():
            found.sort(key=lambda node: nodes[node]["span"][0])
        return owners, due, children, mentions

    @property
    def owners_by_item(self) -> dict[str, list[Owner]]:
        """Item id -> the owners it names itself, in the order the document names them."""
        return self._edges[0]

    @cached_property
    def owned_items(self) -> list[tuple[str, list[Owner]]]:
        """(item, the owners it names itself) for every item naming some, in reading order: the rules about
        owners walk these, not every item, and read the list without a call per item."""
        owners = self.owners_by_item
        return [(item, owners[item]) for item in self.items if item in owners]

    def owners(self, item: str) -> list[Owner]:
        return list(self.owners_by_item.get(item, []))

    def persons(self, item: str) -> list[dict]:
        """The persons the document names as answering for ``item`` (责任领导), name order."""
        found = [{"name": self.data[person]["name"], "title": self.data[person].get("title"),
                  "label": data.get("label")}
                 for person, _, key, data in self.graph.in_edges(item, keys=True, data=True) if key == "ANSWERS_FOR"]
        return sorted(found, key=lambda p: p["name"])

    def effective_owners(self, item: str) -> list[Owner]:
        """The owners an item answers to: its own, else those of the block it is a measure of."""
        own = self.owners(item)
        if own:
            return own
        source = self.data[item].get("owners_from")
        return self.owners(source) if source in self.data else []

    @cached_property
    def work_items(self) -> list[str]:
        """The owned units of work: items with owners, where a block whose measures share its owners counts
        as those measures (not once more itself); picked by ``Columns.work``, in reading order."""
        return [self.items[row] for row in self.columns.work.tolist()]

    @cached_property
    def work_by_doc(self) -> dict[str, list[str]]:
        """Document id -> its work items in reading order (documents in the order of ``items``)."""
        found: dict[str, list[str]] = {}
        for item in self.work_items:
            found.setdefault(self.data[item]["doc"], []).append(item)
        return found

    @property
    def due_by_item(self) -> dict[str, tuple[str, str | None, dict]]:
        """Item id -> (kind, date, evidence) of the deadline it states itself."""
        return self._edges[1]

    @cached_property
    def columns(self):
        """The same indexes as numpy columns, for rules over every item at once (``queries.columns``)."""
        from .columns import Columns
        return Columns(self)

    @cached_property
    def problem_statements(self):
        """Each problem's statement, coded, for ``recurring`` (``queries.recurring.problem_statements``)."""
        from .recurring import problem_statements
        return problem_statements(self)

    @property
    def mentions(self) -> dict[str, set[str]]:
        """Unit id -> how documents name it on its owner edges: a unit is found by any of them."""
        return self._edges[3]

    @cached_property
    def unit_work_items(self) -> dict[str, list[str]]:
        """Unit id -> the work items it answers for (as an owner, or an owner of the block), in order."""
        found: dict[str, list[str]] = {}
        for item in self.work_items:
            for unit in dict.fromkeys(owner.unit for owner in self.effective_owners(item)):
                found.setdefault(unit, []).append(item)
        return found

    @cached_property
    def unit_work_counts(self) -> dict[str, int]:
        """Unit id -> how many work items it answers for."""
        return {unit: len(items) for unit, items in self.unit_work_items.items()}

    @property
    def _children(self) -> dict[str, list[str]]:
        return self._edges[2]

    def children(self, node: str, type_: str | None = None) -> list[str]:
        found = self._children.get(node, [])
        return [child for child in found if self.data[child]["type"] == type_] if type_ else list(found)

    @cached_property
    def _parent(self) -> dict[str, str]:
        return {child: parent for parent, children in self._children.items() for child in children}

    def parent(self, item: str) -> str | None:
        """The containing item; None for a top-level item (its parent is the Document)."""
        parent = self._parent.get(item)
        return parent if parent is not None and self.data[parent]["type"] in ITEM_TYPES else None

    def ancestors(self, item: str) -> list[str]:
        """Document first, then the enclosing items down to the item's parent."""
        chain, node = [], self._parent.get(item)
        while node is not None:
            chain.append(node)
            node = self._parent.get(node)
        return chain[::-1]

    def problem_of(self, item: str) -> str | None:
        node = item
        while node is not None:
            if self.data[node]["type"] == "Problem":
                return node
            node = self.parent(node)
        return None

    def deadline(self, item: str) -> tuple[str, str | None, dict | None]:
        """(kind, date, evidence) of the item's own deadline, else of the block whose owners it shares."""
        due = self.due_by_item
        found = due.get(item) or due.get(self.data[item].get("owners_from"))
        if found is None:
            return "none", None, None
        kind, date, proof = found
        return kind, date, dict(proof)

    def doc_items(self, doc: str) -> list[str]:
        return self._by_doc.get(doc, [])

    @cached_property
    def _by_doc(self) -> dict[str, list[str]]:
        by_doc: dict[str, list[str]] = {}
        for item in self.items:
            by_doc.setdefault(self.data[item]["doc"], []).append(item)  # items are in reading order
        return by_doc

    @cached_property
    def assigning_documents(self) -> set[str]:
        """Documents that name owners for some of their items: where a missing owner is a gap, not the genre
        (a 整改通报 that names nobody is reporting, not assigning, and so is one that only says who did what). Read
        from the columns, so a store-backed View answers the same way."""
        c = self.columns
        given = c.owner_item[~c.narrated[c.owner_item]]
        return {self.documents[doc] for doc in np.unique(c.doc[given]).tolist()}

    def type(self, node: str) -> str:
        return self.data[node]["type"]

    def row(self, item) -> int | None:
        """The item's row in the columns (its place in ``items``), None for a node that is no item."""
        return self._rows.get(item)

    @cached_property
    def _rows(self) -> dict[str, int]:
        return {item: row for row, item in enumerate(self.items)}

    def prefetch(self, items) -> None:
        """Read ahead what is shown of these items (a store-backed View reads them a document at a time);
        here everything is in memory already."""

    def of_type(self, type_: str) -> list[str]:
        """Every node of one type (Person, PolicyDocument), by id."""
        return sorted(node for node, attrs in self.data.items() if attrs["type"] == type_)

    def item_ref(self, item: str) -> dict:
        data = self.data[item]
        return {"id": item, "type": data["type"], "doc": data["doc"], "document": self._title(data["doc"]),
                "number": data.get("number"), "label": self.label(item), "text": data.get("text")}

    def _title(self, doc: str) -> str:
        data = self.data[doc]
        return data.get("title") or data.get("doc_no") or data.get("path") or doc

    def label(self, item: str) -> str:
        """Where a reader finds the item: the numbers down to it, "(二十一) 第1项" for an unnumbered measure."""
        known = self._labels.get(item)
        if known is None:
            number = self.data[item].get("number")
            if number is None:
                parent = self._parent.get(item)
                siblings = self._children.get(parent, [item]) if parent else [item]
                number = f"第{siblings.index(item) + 1}项"
            above = self.parent(item)
            known = self._labels[item] = (f"{self.label(above)} " if above else "") + number.strip()
        return known

    def document_ref(self, doc: str) -> dict:
        data = self.data[doc]
        return {"id": doc, "type": "Document", "doc": doc, "document": self._title(doc), "number": data.get("doc_no"),
                "label": data.get("doc_no") or "全文", "text": data.get("title")}

    def item_evidence(self, item: str) -> dict:
        data = self.data[item]
        return evidence(data, "item", data.get("number"))


def view(graph: nx.MultiDiGraph | View) -> View:
    return graph if isinstance(graph, View) else View(graph)


def evidence(data: dict, what: str, label: str | None = None) -> dict:
    """Where a finding's proof is: the document, the character span [start, end) of its shown text, the
    sentence around it, and what the span shows (item, lead, responsible, assist, deadline, document)."""
    return {"doc": data["doc"], "span": list(data["span"]), "what": what, "label": label,
            "sentence": data.get("sentence")}


def finding(rule: str, item: dict | None, units: list[str], detail: dict, proof: list[dict]) -> dict:
    """One gap, in the shape ``zeren gaps --json`` prints."""
    return {"rule": rule, "item": item, "units": units, "detail": detail, "evidence": proof}


class Findings(Sequence):
    """A rule's findings, each made when read: the rule picks its rows with array operations, and a finding's
    labels and evidence are built only for the rows a page, export or test reads (a page showing 50 of
    900,000 builds 50). Reads like the list it stands for: ``len``, index, slice, iterate, ``==``."""

    def __init__(self, rows: Sequence, make: Callable[..., dict], doc: np.ndarray | None = None):
        self._rows = rows  # a row key per finding, in the order the rule reports them
        self._make = make
        # per finding, the document of its item (a ``Columns.documents`` position), where the rule knows it
        # without making the finding: a page narrows to some documents without making every finding
        self.doc = doc

    def __len__(self) -> int:
        return len(self._rows)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return [self._make(row) for row in self._rows[index]]
        return self._make(self._rows[index])

    def __iter__(self):
        return map(self._make, self._rows)

    def __eq__(self, other) -> bool:
        return isinstance(other, (list, Findings)) and list(self) == list(other)

    def __repr__(self) -> str:
        return f"Findings({len(self)})"

    def in_documents(self, documents: np.ndarray) -> "Findings":
        """The findings whose item is in one of ``documents`` (a mask over ``Columns.documents``), in order.
        Needs ``doc``."""
        kept = np.flatnonzero(documents[self.doc]).tolist()
        rows = self._rows
        return Findings([rows[at] for at in kept], self._make, self.doc[kept])

    @classmethod
    def concat(cls, parts: list[Sequence]) -> "Findings":
        """The parts one after another, still each made when read."""
        ends = list(accumulate(len(part) for part in parts))

        def make(row: int) -> dict:
            part = bisect_right(ends, row)
            return parts[part][row - (ends[part - 1] if part else 0)]
        docs = [getattr(part, "doc", None) for part in parts]
        doc = np.concatenate(docs).astype(np.int64) if docs and all(d is not None for d in docs) else None
        return cls(range(ends[-1] if ends else 0), make, doc)
