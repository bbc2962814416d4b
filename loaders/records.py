"""Turn one document's extraction (the JSON contract of gold/README.md) into graph records.

Document-owned nodes (the Document and its Section/Problem/Task items) get ids prefixed with the document
id, so two documents never share them. Units, deadlines, cited policies and jurisdictions are shared
nodes keyed by the schema's id helpers, so the same unit named in two documents is one node.
Every record a document asserts carries evidence: the document id, a span into ``src.text`` and the
sentence around it.
"""
from __future__ import annotations

from functools import lru_cache

from graph.schema import (ITEM_KIND_TO_TYPE, Edge, Node, deadline_id, jurisdiction_id, person_id, policy_id,
                          unit_id, validate)
from loaders.evidence import Sentences, check_span, locate
from loaders.textfold import fold
from loaders.source import SourceText
from loaders.units import LEVEL as PLACE_SUFFIXES

# The place suffixes the unit parser knows, longer before shorter (自治区 before 区): 盘锦市 -> 市.
JURISDICTION_LEVELS = PLACE_SUFFIXES.split("|")


def document_id(sha256: str) -> str:
    return "doc:" + sha256[:16]


@lru_cache(maxsize=65536)   # pure; asked for every unit a document names
def jurisdiction_level(name: str) -> str | None:
    return next((level for level in JURISDICTION_LEVELS if name.endswith(level) and len(name) > len(level)),
                None)


class _Records:
    """Collects one document's records: a node seen twice is merged, an edge seen twice is kept once."""

    def __init__(self, src: SourceText, doc_id: str):
        self.text, self.doc_id = src.text, doc_id
        self.place: str | None = None      # the document's jurisdiction: a person is named within it
        self.sentences = Sentences(src.text)
        self.nodes: dict[str, Node] = {}
        self.edges: dict[tuple[str, str, str], Edge] = {}

    def evidence(self, span) -> dict:
        span = check_span(self.text, span)
        return {"doc": self.doc_id, "span": list(span), "sentence": self.sentences.of_checked(span)}

    def node(self, node_id: str, type_: str, **props) -> str:
        known = self.nodes.get(node_id)
        if known is None:
            self.nodes[node_id] = Node(node_id, type_, props)
        else:  # the first non-null value wins, the same rule the stores use across documents
            for key, value in props.items():
                if known.props.get(key) is None:
                    known.props[key] = value
        return node_id

    def edge(self, source: str, type_: str, target: str, **props) -> None:
        self.edges.setdefault((source, type_, target), Edge(source, type_, target, props))

    def jurisdiction(self, name: str | None) -> str | None:
        if not name:
            return None
        return self.node(jurisdiction_id(name), "Jurisdiction", name=name, level=jurisdiction_level(name))

    def unit(self, name: str, jurisdiction: str | None, collective: bool) -> str:
        node = self.node(unit_id(name), "Unit", name=name, jurisdiction=jurisdiction, collective=collective)
        place = self.jurisdiction(jurisdiction)
        if place:
            self.edge(node, "IN_JURISDICTION", place, doc=self.doc_id)
        return node

    def cites(self, source: str, cites: list[dict], fallback_span) -> None:
        for cite in cites or ():
            # (one node per policy, in the script every document keys on: 國發〔2022〕18號 is 国发〔2022〕18号)
            title, doc_no = fold(cite.get("title") or "") or None, fold(cite.get("doc_no") or "") or None
            if not (title or doc_no):
                continue
            policy = self.node(policy_id(title, doc_no), "PolicyDocument", title=title, doc_no=doc_no)
            span = cite.get("span") or fallback_span
            raw = self.text[span[0]:span[1]] if cite.get("span") else (doc_no or title)
            self.edge(source, "CITES", policy, raw=raw, **self.evidence(span))

    def result(self) -> tuple[list[Node], list[Edge]]:
        nodes, edges = list(self.nodes.values()), list(self.edges.values())
        for record in (*nodes, *edges):
            _validate(record)
        for edge in edges:  # a store keeps a node while a document refers to it: every endpoint must be here
            if edge.source in self.nodes and edge.target in self.nodes:
                continue
            missing = {edge.source, edge.target} - self.nodes.keys()
            raise ValueError(f"{edge.type} edge refers to nodes not in the document: {sorted(missing)}")
        return nodes, edges


# validate() looks only at a record's class, type and property names, and a loader makes the same few
# shapes over and over: each shape that passed once is not checked again.
_VALID_SHAPES: set[tuple] = set()


def _validate(record: Node | Edge) -> None:
    shape = (type(record), record.type, tuple(record.props))
    if shape not in _VALID_SHAPES:
        validate(record)
        _VALID_SHAPES.add(shape)


def to_records(src: SourceText, extraction: dict) -> tuple[list[Node], list[Edge]]:
    doc_id = document_id(src.sha256)
    records = _Records(src, doc_id)
    document_records(records, src, extraction["document"])
    for item in extraction["items"]:
        item_records(records, item)
    return records.result()


def document_records(records: _Records, src: SourceText, meta: dict) -> None:
    text, doc = src.text, records.doc_id
    # The title stands for the document; the extractor may say where it is (title_span), else look for it.
    span = meta.get("title_span") or locate(text, meta.get("title")) or _first_line(text)
    claimed = meta.get("claimed") or {}
    # (a place, like a unit, is one node in the script every document keys on: 廣州市 is 广州市)
    records.place = fold(meta.get("jurisdiction") or "") or None
    records.node(doc, "Document", title=meta.get("title"), issuer=meta.get("issuer"), doc_no=meta.get("doc_no"),
                 date=meta.get("date"), jurisdiction=records.place, kind=meta.get("kind"),
                 path=src.path, sha256=src.sha256, claimed_problems=claimed.get("problems"),
                 claimed_done=claimed.get("done"), ocr_confidence=src.ocr_confidence,
                 **records.evidence(span))
    # The issuer's jurisdiction is not stated, only guessable; left for a lead/responsible mention to fill. A joint
    # document's bodies ("中共X区委办公室 X区人民政府办公室") each issue it.
    joint = (meta.get("issuer") or "").split()
    for name in joint:
        issuer = records.unit(fold(name), None, False)     # (the node in the script every document keys on)
        records.edge(doc, "ISSUED_BY", issuer, mention=name,
                     **records.evidence((meta.get("issuer_span") if len(joint) == 1 else None)
                                        or locate(text, name) or span))
    place = records.jurisdiction(records.place)
    if place:
        records.edge(doc, "COVERS", place, **records.evidence(locate(text, meta["jurisdiction"]) or span))
    records.cites(doc, meta.get("cites"), span)


def item_records(records: _Records, item: dict) -> None:
    doc = records.doc_id
    owners_from = f"{doc}:{item['owners_from']}" if item.get("owners_from") else None
    node = records.node(f"{doc}:{item['id']}", ITEM_KIND_TO_TYPE[item["kind"]], number=item.get("number"),
                        text=item.get("text"), status=item.get("status"), level=item.get("level"),
                        convention=item.get("convention"), owners_from=owners_from,
                        each_leads=bool(item.get("each_leads")), **records.evidence(item["span"]))
    parent = f"{doc}:{item['parent']}" if item.get("parent") else doc
    records.edge(parent, "CONTAINS", node, **records.evidence(item["span"]))
    for role, edge_type in (("lead", "LEADS"), ("responsible", "RESPONSIBLE_FOR")):
        for owner in item.get(role) or ():
            if owner.get("inherited"):
                continue            # the block holds it; the measure points there (owners_from)
            name = owner.get("name") or owner["mention"]  # an owner the extractor could not canonicalise
            unit = records.unit(name, owner.get("jurisdiction"), bool(owner.get("collective")))
            extra = {"role": owner.get("role") or "responsible"} if edge_type == "RESPONSIBLE_FOR" else {}
            records.edge(unit, edge_type, node, mention=owner.get("mention"),
                         open_ended=bool(owner.get("open_ended")), **extra,
                         **records.evidence(owner.get("span") or item["span"]))
    for person in item.get("persons") or ():
        place = records.place
        who = records.node(person_id(person["name"], place), "Person", name=person["name"],
                           title=person.get("title"), jurisdiction=place)
        records.edge(who, "ANSWERS_FOR", node, mention=person["name"], title=person.get("title"),
                     label=person.get("label"), **records.evidence(person.get("span") or item["span"]))
    deadline = item.get("deadline")
    # No DUE edge for "none": nothing stated is the absence of an edge, and there is no span to cite.
    if deadline and deadline.get("kind", "none") != "none":
        target = records.node(deadline_id(deadline["kind"], deadline.get("date")), "Deadline",
                              kind=deadline["kind"], date=deadline.get("date"))
        records.edge(node, "DUE", target, raw=deadline.get("raw"),
                     **records.evidence(deadline.get("span") or item["span"]))
    records.cites(node, item.get("cites"), item["span"])


def _first_line(text: str) -> tuple[int, int]:
    start = len(text) - len(text.lstrip())
    end = text.find("\n", start)
    return start, (len(text) if end < 0 else end)
