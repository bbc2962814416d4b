"""The accountability graph's schema, defined once.

Loaders build records of these types, both stores persist them, queries read them and the app labels
them. Like FollowTheMoney's schema: a node type names its key and its properties; an edge type names the
node types it joins. Every node and edge that comes from a document carries evidence: the document id, a
character span ``[start, end)`` into the text shown to the user, and the sentence around it.
"""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class NodeType:
    name: str          # label in Neo4j, ``type`` column in the embedded store
    label_zh: str      # what the app calls it
    properties: tuple[str, ...]
    shared: bool = False  # one node across documents (keyed by a canonical id), not owned by one document


@dataclass(frozen=True)
class EdgeType:
    name: str
    label_zh: str
    source: tuple[str, ...]
    target: tuple[str, ...]
    properties: tuple[str, ...] = ()


EVIDENCE = ("doc", "span", "sentence")
# convention: how the document's own rule assigned the owners (first_is_lead, responsible_is_lead,
# before_semicolon_is_lead, 下同,
# heading: a heading such as "一、X牵头工作" names them for everything below it; narrated: a report says these
# bodies did the work, which gives nobody work, so it makes no document one that assigns owners);
# owners_from: the id of the enclosing item whose owners this measure shares; each_leads: "X、Y分别牵头".
ITEM_PROPS = ("doc", "number", "text", "span", "sentence", "status", "level", "convention", "owners_from",
              "each_leads")

DOCUMENT = NodeType("Document", "文件", ("doc", "title", "issuer", "doc_no", "date", "jurisdiction", "kind",
                                       "path", "sha256", "claimed_problems", "claimed_done", "span", "sentence",
                                       "ocr_confidence"))
SECTION = NodeType("Section", "章节", ITEM_PROPS)
PROBLEM = NodeType("Problem", "问题", ITEM_PROPS)
TASK = NodeType("Task", "任务", ITEM_PROPS)
UNIT = NodeType("Unit", "单位", ("name", "jurisdiction", "collective"), shared=True)
DEADLINE = NodeType("Deadline", "时限", ("kind", "date"), shared=True)
POLICY = NodeType("PolicyDocument", "政策文件", ("title", "doc_no"), shared=True)
JURISDICTION = NodeType("Jurisdiction", "辖区", ("name", "level"), shared=True)

# A person named as answering for an item (责任领导:张三, 牵头负责领导, 责任人). One node per name within a
# jurisdiction: 金力 in two 滁州 documents is one person; title is the first one a document gives.
PERSON = NodeType("Person", "人员", ("name", "title", "jurisdiction"), shared=True)

NODE_TYPES: dict[str, NodeType] = {t.name: t for t in
                                   (DOCUMENT, SECTION, PROBLEM, TASK, UNIT, DEADLINE, POLICY, JURISDICTION, PERSON)}
ITEM_TYPES = ("Section", "Problem", "Task")
ITEM_KIND_TO_TYPE = {"section": "Section", "problem": "Problem", "task": "Task"}

CONTAINS = EdgeType("CONTAINS", "包含", ("Document", *ITEM_TYPES), ITEM_TYPES, EVIDENCE)
# open_ended: the list ended in "…等部门", so more owners are meant than are named
LEADS = EdgeType("LEADS", "牵头", ("Unit",), ITEM_TYPES, ("mention", "open_ended", *EVIDENCE))
RESPONSIBLE_FOR = EdgeType("RESPONSIBLE_FOR", "负责/配合", ("Unit",), ITEM_TYPES,
                           ("mention", "role", "open_ended", *EVIDENCE))
DUE = EdgeType("DUE", "完成时限", ITEM_TYPES, ("Deadline",), ("raw", *EVIDENCE))
CITES = EdgeType("CITES", "引用", ("Document", *ITEM_TYPES), ("PolicyDocument",), ("raw", *EVIDENCE))
ISSUED_BY = EdgeType("ISSUED_BY", "发文单位", ("Document",), ("Unit",), ("mention", *EVIDENCE))
COVERS = EdgeType("COVERS", "适用辖区", ("Document",), ("Jurisdiction",), EVIDENCE)
IN_JURISDICTION = EdgeType("IN_JURISDICTION", "所属辖区", ("Unit",), ("Jurisdiction",), ("doc",))
WITHIN = EdgeType("WITHIN", "上级辖区", ("Jurisdiction",), ("Jurisdiction",), ("doc",))

# label: how the document named the person's part (责任领导, 牵头负责领导, 分管领导, 责任人 …), as printed.
ANSWERS_FOR = EdgeType("ANSWERS_FOR", "责任领导", ("Person",), ITEM_TYPES, ("mention", "title", "label", *EVIDENCE))

EDGE_TYPES: dict[str, EdgeType] = {t.name: t for t in
                                   (CONTAINS, LEADS, RESPONSIBLE_FOR, DUE, CITES, ISSUED_BY, COVERS,
                                    IN_JURISDICTION, WITHIN, ANSWERS_FOR)}

# The Chinese labels of every enumerated value, so pages and exports render from one place.
ROLE_ZH = {"lead": "牵头", "responsible": "责任", "assist": "配合", "person": "责任领导"}
DEADLINE_KIND_ZH = {"date": "具体日期", "ongoing": "长期推进", "timely": "适时推进", "none": "未明确"}
NARRATED = "narrated"
CONVENTION_ZH = {"first_is_lead": "列第一位为牵头", "responsible_is_lead": "责任单位即牵头",
                 "before_semicolon_is_lead": "分号前为牵头", "下同": "下同",
                 "heading": "标题指定", NARRATED: "报告所述实施单位", None: ""}
STATUS_ZH = {"done": "已完成", "in_progress": "推进中", "pending": "未完成", None: "未报告", "unknown": "未报告"}


@dataclass
class Node:
    """One node record. ``id`` is global: document-owned nodes are prefixed with their document id."""
    id: str
    type: str
    props: dict = field(default_factory=dict)


@dataclass
class Edge:
    source: str
    type: str
    target: str
    props: dict = field(default_factory=dict)

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.source, self.type, self.target)


def validate(node_or_edge: Node | Edge) -> None:
    """Reject a record whose type or properties the schema does not know (a loader bug, not user input)."""
    if isinstance(node_or_edge, Node):
        spec = NODE_TYPES.get(node_or_edge.type)
        allowed = spec.properties if spec else None
    else:
        spec = EDGE_TYPES.get(node_or_edge.type)
        allowed = spec.properties if spec else None
    if spec is None:
        raise ValueError(f"unknown type {node_or_edge.type!r}")
    unknown = set(node_or_edge.props) - set(allowed)
    if unknown:
        raise ValueError(f"{node_or_edge.type} has no properties {sorted(unknown)}")


def complete(type_name: str, props: dict) -> dict:
    """A node's or edge's attributes as both stores show them: ``type``, then every property of its type
    (None where the record has none: Neo4j stores no nulls, so an absent property and None are one)."""
    empty = _EMPTY[type_name]
    completed = dict(empty)  # every property in schema order, so update() keeps that order
    completed.update(props)
    if len(completed) != len(empty) or completed["type"] != type_name:  # keys the schema does not know
        completed = {key: props.get(key) for key in empty} | {"type": type_name}
    return completed


_EMPTY = {name: {"type": name, **dict.fromkeys(spec.properties)}
          for name, spec in (*NODE_TYPES.items(), *EDGE_TYPES.items())}


class SharedValues:
    """Equal values read for one graph held once. A store's rows repeat the same strings and spans many
    times over (node ids at both ends of every edge, a document id on each of its nodes and edges, an item's
    sentence on its node and on the edges naming its owners and deadline); parsed row by row, each is a new
    object. Shared, a 3,000-document graph read into networkx takes 355 MiB instead of 539, and the 100k
    bench store's 6.7 GB (~18 GB unshared). The graph is read-only, so one list standing for several
    equal spans is never changed through one of them."""

    def __init__(self):
        self._values: dict = {}

    def __call__(self, value):
        return self._values.setdefault(value, value)

    def attributes(self, type_name: str, props: dict) -> dict:
        """``complete(type_name, props)``, its strings and its evidence span shared."""
        completed = complete(type_name, props)
        values = self._values
        for key, value in completed.items():
            if value.__class__ is str:
                completed[key] = values.setdefault(value, value)
        span = completed.get("span")
        if span:
            completed["span"] = values.setdefault(tuple(span), span)
        return completed


def unit_id(canonical_name: str) -> str:
    return f"unit:{canonical_name}"


def deadline_id(kind: str, date: str | None) -> str:
    return f"deadline:{kind}:{date}" if date else f"deadline:{kind}"


def policy_id(title: str | None, doc_no: str | None) -> str:
    return f"policy:{doc_no}" if doc_no else f"policy:{title}"


def person_id(name: str, jurisdiction: str | None) -> str:
    return f"person:{jurisdiction or ''}:{name}"


def jurisdiction_id(name: str) -> str:
    return f"jurisdiction:{name}"
