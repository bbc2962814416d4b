"""Read the accountability graph the way the analyses need it: items, their owners, deadlines and evidence.

The graph is the frozen ``networkx.MultiDiGraph`` both stores give (``Store.to_networkx``): node attribute
``type`` and the schema's properties; edges keyed by their type. Nothing here writes.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

import networkx as nx

from graph.schema import ITEM_TYPES

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

    @cached_property
    def items(self) -> list[str]:
        """Every Section, Problem and Task, by document and then in reading order."""
        nodes = self.graph.nodes
        return sorted((node for node, data in nodes(data=True) if data["type"] in ITEM_TYPES),
                      key=lambda node: (nodes[node]["doc"], nodes[node]["span"][0], node))

    @cached_property
    def documents(self) -> list[str]:
        return sorted(node for node, data in self.graph.nodes(data=True) if data["type"] == "Document")

    @cached_property
    def units(self) -> list[str]:
        return sorted(node for node, data in self.graph.nodes(data=True) if data["type"] == "Unit")

    @cached_property
    def _owners(self) -> dict[str, list[Owner]]:
        owners: dict[str, list[Owner]] = {}
        for source, target, data in self.graph.edges(data=True):
            if data["type"] not in ("LEADS", "RESPONSIBLE_FOR"):
                continue
            unit = self.graph.nodes[source]
            role = "lead" if data["type"] == "LEADS" else data.get("role") or "responsible"
            owners.setdefault(target, []).append(Owner(
                source, unit["name"], role, bool(unit.get("collective")), bool(data.get("open_ended")),
                evidence(data, role, data.get("mention"))))
        for found in owners.values():  # the order the document names them in
            found.sort(key=lambda owner: (owner.evidence["span"][0], owner.name))
        return owners

    def owners(self, item: str, role: str | None = None) -> list[Owner]:
        found = self._owners.get(item, [])
        return [owner for owner in found if owner.role == role] if role else list(found)

    def effective_owners(self, item: str) -> list[Owner]:
        """The owners an item answers to: its own, else those of the block it is a measure of."""
        own = self.owners(item)
        if own:
            return own
        source = self.graph.nodes[item].get("owners_from")
        return self.owners(source) if source in self.graph else []

    def is_owned(self, item: str) -> bool:
        return bool(self.effective_owners(item))

    @cached_property
    def work_items(self) -> list[str]:
        """The owned units of work: items with owners, where a block whose measures share its owners counts
        as those measures (not once more itself)."""
        sharing = {self.graph.nodes[item].get("owners_from") for item in self.items}
        return [item for item in self.items
                if self.type(item) != "Section" and item not in sharing and self.is_owned(item)]

    @cached_property
    def _children(self) -> dict[str, list[str]]:
        children: dict[str, list[str]] = {}
        for source, target, key in self.graph.edges(keys=True):
            if key == "CONTAINS":
                children.setdefault(source, []).append(target)
        for found in children.values():
            found.sort(key=lambda node: self.graph.nodes[node]["span"][0])
        return children

    def children(self, node: str, type_: str | None = None) -> list[str]:
        found = self._children.get(node, [])
        return [child for child in found if self.graph.nodes[child]["type"] == type_] if type_ else list(found)

    @cached_property
    def _parent(self) -> dict[str, str]:
        return {child: parent for parent, children in self._children.items() for child in children}

    def parent(self, item: str) -> str | None:
        """The containing item; None for a top-level item (its parent is the Document)."""
        parent = self._parent.get(item)
        return parent if parent is not None and self.graph.nodes[parent]["type"] in ITEM_TYPES else None

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
            if self.graph.nodes[node]["type"] == "Problem":
                return node
            node = self.parent(node)
        return None

    def deadline(self, item: str) -> tuple[str, str | None, dict | None]:
        """(kind, date, evidence) of the item's own deadline, else of the block whose owners it shares."""
        for node in (item, self.graph.nodes[item].get("owners_from")):
            if node not in self.graph:
                continue
            for _, target, key, data in self.graph.out_edges(node, keys=True, data=True):
                if key == "DUE":
                    deadline = self.graph.nodes[target]
                    return deadline["kind"], deadline.get("date"), evidence(data, "deadline", data.get("raw"))
        return "none", None, None

    def doc_items(self, doc: str) -> list[str]:
        return self._by_doc.get(doc, [])

    @cached_property
    def _by_doc(self) -> dict[str, list[str]]:
        by_doc: dict[str, list[str]] = {}
        for item in self.items:
            by_doc.setdefault(self.graph.nodes[item]["doc"], []).append(item)
        for found in by_doc.values():
            found.sort(key=lambda node: self.graph.nodes[node]["span"][0])
        return by_doc

    @cached_property
    def assigning_documents(self) -> set[str]:
        """Documents that name owners for some of their items: where a missing owner is a gap, not the genre
        (a 整改通报 that names nobody is reporting, not assigning)."""
        return {self.graph.nodes[item]["doc"] for item in self._owners}

    def type(self, node: str) -> str:
        return self.graph.nodes[node]["type"]

    def item_ref(self, item: str) -> dict:
        data = self.graph.nodes[item]
        return {"id": item, "type": data["type"], "doc": data["doc"], "document": self._title(data["doc"]),
                "number": data.get("number"), "label": self.label(item), "text": data.get("text")}

    def _title(self, doc: str) -> str:
        data = self.graph.nodes[doc]
        return data.get("title") or data.get("doc_no") or data.get("path") or doc

    def label(self, item: str) -> str:
        """Where a reader finds the item: the numbers down to it, "(二十一) 第1项" for an unnumbered measure."""
        parts = []
        for node in [*self.ancestors(item)[1:], item]:
            number = self.graph.nodes[node].get("number")
            if number is None:
                parent = self._parent.get(node)
                siblings = self.children(parent) if parent else [node]
                number = f"第{siblings.index(node) + 1}项"
            parts.append(number.strip())
        return " ".join(parts)

    def document_ref(self, doc: str) -> dict:
        data = self.graph.nodes[doc]
        return {"id": doc, "type": "Document", "doc": doc, "document": self._title(doc), "number": data.get("doc_no"),
                "label": data.get("doc_no") or "全文", "text": data.get("title")}

    def item_evidence(self, item: str) -> dict:
        return evidence(self.graph.nodes[item], "item", self.graph.nodes[item].get("number"))


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
