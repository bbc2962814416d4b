"""Each document's share of the analyses' columns, kept by the embedded store beside the document's rows.

The analyses read every item, owner edge and deadline as numpy columns (``queries.columns``). Built from a
graph of everything, that cost a networkx graph of every node and edge: at 100,000 documents five minutes and
ten GiB after each change. Built from these fragments it is one read of one row per document, and adding or
removing a document adds or removes its row: nothing else is rebuilt.

A fragment is made from the document's own records (``fragment``) when it is loaded (in the reading
processes) or when an older store is migrated. Its numeric columns are little-endian arrays, so the columns of
every document are joined as bytes and read by numpy in one call each (graph/column_cache.py):

- per item, in reading order (span start, then id): its number n (its id is ``doc:…:i<n>``), type, parent and
  ``owners_from`` (positions in this document's items, -1 for none), status, ``each_leads``, and its own
  deadline (the kind of its first DUE edge, -1 for none stated, and its date as a day number, -1 for none);
- per owner row (LEADS and RESPONSIBLE_FOR edges) in the order the document names them (span start, then unit
  name, then the records' order): its item's position, its unit (a position in ``strings["units"]``), role,
  whether the list is open-ended, and span start;
- ``strings``, JSON: the units named, each (unit, mention) once, each Problem's text, the items whose owners a
  report narrates (convention ``narrated``), and what no code says (an item id not of the form i<n>, a status
  or deadline kind the codes do not name).

Shared nodes' properties (a unit's jurisdiction, whether it is collective) are not copied here: the store
merges them across documents, so they are read from its nodes when the columns are built.
"""
from __future__ import annotations

import base64
import re
from datetime import date

import numpy as np
import orjson

from graph.schema import ITEM_TYPES, NARRATED, Edge, Node

TYPE_CODE = {name: code for code, name in enumerate(ITEM_TYPES)}          # Section, Problem, Task
ROLE_CODE = {"lead": 0, "responsible": 1, "assist": 2}
STATUS_CODE = {None: 0, "done": 1, "in_progress": 2, "pending": 3}       # another status: -1, named in strings
KIND_CODE = {"none": 0, "date": 1, "ongoing": 2, "timely": 3}            # another kind: -2, named in strings
NOT_STATED, OTHER = -1, -2
NO_DATE = -1
OWNER_EDGES = ("LEADS", "RESPONSIBLE_FOR")

ITEM_FIELDS = {"item_num": "<i4", "type": "i1", "parent": "<i4", "owners_from": "<i4", "status": "i1",
               "each_leads": "i1", "due_kind": "i1", "due_day": "<i4"}
OWNER_FIELDS = {"owner_item": "<i4", "owner_unit": "<i4", "owner_role": "i1", "owner_open": "i1",
                "owner_start": "<i4"}
FIELDS = {**ITEM_FIELDS, **OWNER_FIELDS}
# The columns of the store's doc_columns table after doc_id, in order.
COLUMNS = ("items", "owners", "nodes", "edges", *FIELDS, "strings")
ITEM_NUMBER = re.compile(r"i(\d+)")


def fragment(doc_id: str, nodes: list[Node], edges: list[Edge]) -> dict:
    """The document's column fragment (the module's docstring), as the values of ``COLUMNS``."""
    prefix = doc_id + ":"
    items = sorted((node for node in nodes if node.type in ITEM_TYPES),
                   key=lambda node: (node.props["span"][0], node.id))
    at = {node.id: index for index, node in enumerate(items)}
    deadlines = {node.id: node.props for node in nodes if node.type == "Deadline"}
    strings: dict = {"units": []}
    parent = [-1] * len(items)
    due_kind, due_day = [NOT_STATED] * len(items), [NO_DATE] * len(items)
    owners, mentions, unit_at = [], {}, {}
    for order, edge in enumerate(edges):
        kind = edge.type
        if kind == "CONTAINS" and edge.target in at:
            parent[at[edge.target]] = at.get(edge.source, -1)
        elif kind in OWNER_EDGES and edge.target in at:
            props = edge.props
            role = "lead" if kind == "LEADS" else props.get("role") or "responsible"
            if edge.source not in unit_at:
                unit_at[edge.source] = len(strings["units"])
                strings["units"].append(edge.source)
            # the order a View lists an item's owners in: where the document names them, then by name
            owners.append((at[edge.target], props["span"][0], edge.source, order, unit_at[edge.source],
                           ROLE_CODE[role], bool(props.get("open_ended"))))
            if props.get("mention"):
                mentions[(unit_at[edge.source], props["mention"])] = None
        elif kind == "DUE" and edge.source in at and due_kind[at[edge.source]] == NOT_STATED:
            deadline = deadlines.get(edge.target) or {}
            index = at[edge.source]
            due_kind[index] = KIND_CODE.get(deadline.get("kind"), OTHER)
            if due_kind[index] == OTHER:
                strings.setdefault("kinds", []).append([index, deadline.get("kind")])
            due_day[index] = date.fromisoformat(deadline["date"]).toordinal() if deadline.get("date") else NO_DATE
    owners.sort()
    numbers = [ITEM_NUMBER.fullmatch(node.id.removeprefix(prefix)) for node in items]
    if not all(numbers):
        strings["ids"] = [node.id.removeprefix(prefix) for node in items]
    status = [STATUS_CODE.get(node.props.get("status"), -1) for node in items]
    if -1 in status:
        strings["statuses"] = [[i, node.props.get("status")] for i, node in enumerate(items) if status[i] == -1]
    if narrated := [i for i, node in enumerate(items) if node.props.get("convention") == NARRATED]:
        strings["narrated"] = narrated
    strings["texts"] = [[i, node.props["text"]] for i, node in enumerate(items)
                        if node.type == "Problem" and node.props.get("text") is not None]
    strings["mentions"] = [list(pair) for pair in mentions]
    values = {
        "item_num": [int(m.group(1)) if m else 0 for m in numbers],
        "type": [TYPE_CODE[node.type] for node in items],
        "parent": parent,
        "owners_from": [at.get(node.props.get("owners_from"), -1) for node in items],
        "status": status,
        "each_leads": [bool(node.props.get("each_leads")) for node in items],
        "due_kind": due_kind, "due_day": due_day,
        "owner_item": [row[0] for row in owners], "owner_unit": [row[4] for row in owners],
        "owner_role": [row[5] for row in owners], "owner_open": [row[6] for row in owners],
        "owner_start": [row[1] for row in owners],
    }
    return {"items": len(items), "owners": len(owners), "nodes": len({node.id for node in nodes}),
            "edges": len(edges), **{name: np.array(values[name], kind).tobytes() for name, kind in FIELDS.items()},
            "strings": orjson.dumps(strings).decode()}


def as_text(found: dict) -> str:
    """A fragment as one string, for a store that keeps it as a property (Neo4j): its arrays in base64."""
    return orjson.dumps({name: base64.b64encode(value).decode("ascii") if name in FIELDS else value
                         for name, value in found.items()}).decode()


def from_text(text: str) -> tuple:
    """``as_text`` read back, as the values of ``COLUMNS``."""
    found = orjson.loads(text)
    return tuple(base64.b64decode(found[name]) if name in FIELDS else found[name] for name in COLUMNS)
