"""Follow responsibility through the graph, from a unit or from an item.

- A unit: everything it leads, is responsible for or assists with, grouped by document and problem, with
  deadlines and status; its jurisdiction; and the units it shares work with.
- An item: document → sections → problem → tasks → units, deadlines and cited policies.
"""
from __future__ import annotations

from collections import Counter

import numpy as np

from graph.schema import DEADLINE_KIND_ZH, unit_id
from loaders.structure import LEADING_MARKER

from .unit_search import find_units
from .view import View, evidence, view


class NotFound(LookupError):
    """Nothing in the graph matches; ``str()`` says what was looked for and any close names."""


def chain(graph, target: str, most: int | None = None) -> dict:
    """An item's chain, or a unit's (listing at most ``most`` of its tasks)."""
    v = view(graph)
    if target in v.graph and v.type(target) in ("Section", "Problem", "Task"):
        return item_chain(v, target)
    return unit_chain(v, find_unit(v, target), most)


def find_unit(graph, query: str) -> str:
    """A Unit node id from its id, its canonical name, a mention, or a substring matching one unit."""
    v = view(graph)
    nodes = v.data
    if query in v.graph and nodes[query]["type"] == "Unit":
        return query
    if unit_id(query) in v.graph:
        return unit_id(query)
    mentions = v.mentions
    exact = sorted(unit for unit, said in mentions.items() if query in said)
    matches = exact or find_units(v, query)     # the app's search: names, mentions, aliases, abbreviations
    if len(matches) == 1:
        return matches[0]
    if not matches:
        raise NotFound(f"no unit or item matches {query!r}")
    names = "、".join(nodes[unit]["name"] for unit in matches[:8])
    raise NotFound(f"{query!r} matches {len(matches)} units: {names}{'…' if len(matches) > 8 else ''}")


def unit_chain(v: View, unit: str, most: int | None = None) -> dict:
    """``most``: list at most that many of the unit's tasks (the first in reading order); ``tasks`` counts
    them all, and ``shares_with`` counts over all of them."""
    data = v.data[unit]
    documents: dict[str, dict] = {}
    carried = v.unit_work_items.get(unit, ())
    listed = carried[:most] if most is not None else carried
    v.prefetch(listed)
    for item in listed:
        owners = v.effective_owners(item)
        roles = sorted({owner.role for owner in owners if owner.unit == unit})
        doc = v.data[item]["doc"]
        entry = documents.setdefault(doc, {"document": v.document_ref(doc), "problems": {}})
        problem = v.problem_of(item)
        group = entry["problems"].setdefault(problem, {"problem": v.item_ref(problem) if problem else None,
                                                       "tasks": []})
        kind, due, proof = v.deadline(item)
        group["tasks"].append({"item": v.item_ref(item), "roles": roles, "deadline": {"kind": kind, "date": due},
                               "status": v.data[item].get("status"),
                               "with": [owner.name for owner in owners if owner.unit != unit],
                               "persons": v.persons(item),
                               "evidence": [v.item_evidence(item), *(owner.evidence for owner in owners
                                                                     if owner.unit == unit)]})
    # (the unit's edges, every document's naming it, are read only when its own property says nothing)
    places = [] if data.get("jurisdiction") else [v.data[target]["name"] for _, target, key
                                                  in v.graph.out_edges(unit, keys=True) if key == "IN_JURISDICTION"]
    return {"unit": {"id": unit, "name": data["name"], "collective": bool(data.get("collective"))},
            "jurisdiction": data.get("jurisdiction") or (places[0] if places else None),
            "documents": [{**entry, "problems": list(entry["problems"].values())}
                          for _, entry in sorted(documents.items())],
            "tasks": len(carried),
            "shares_with": [{"unit": name, "items": n}
                            for name, n in sorted(_partners(v, unit).items(), key=lambda kv: (-kv[1], kv[0]))]}


def _partners(v: View, unit: str) -> Counter:
    """Unit name -> how many of ``unit``'s work items it is named on too (from the columns)."""
    c = v.columns
    at = v.units.index(unit) if unit in v.units else -1
    work_of_row, owner_row = c.work_owner_rows()
    units = c.owner_unit[owner_row]
    mine = np.unique(work_of_row[units == at])
    shared = np.isin(work_of_row, mine) & (units != at)
    size = len(v.units) or 1
    pairs = np.unique(work_of_row[shared].astype(np.int64) * size + units[shared])   # (item, unit) once
    counts = np.bincount(pairs % size, minlength=size)
    return Counter({c.names[c.unit_name[other]]: int(counts[other]) for other in np.flatnonzero(counts).tolist()})


def item_chain(v: View, item: str) -> dict:
    path = v.ancestors(item)
    doc = v.data[item]["doc"]
    problem = v.problem_of(item)
    top = problem or item
    tasks = [top] if v.type(top) == "Task" else [t for t in _descendants(v, top) if v.type(t) == "Task"]
    return {"document": v.document_ref(doc),
            "path": [v.item_ref(node) for node in path if node != doc],
            "item": v.item_ref(item),
            "problem": v.item_ref(problem) if problem else None,
            "tasks": [_task(v, task) for task in tasks or [item]],
            "policies": _policies(v, [doc, *path, item, *tasks])}


def _descendants(v: View, item: str) -> list[str]:
    found = []
    for child in v.children(item):
        found += [child, *_descendants(v, child)]
    return found


def _task(v: View, task: str) -> dict:
    kind, due, proof = v.deadline(task)
    return {"item": v.item_ref(task), "status": v.data[task].get("status"),
            "owners": [{"unit": owner.name, "role": owner.role, "collective": owner.collective,
                        "inherited": not v.owners(task), "evidence": owner.evidence}
                       for owner in v.effective_owners(task)],
            "persons": v.persons(task), "deadline": {"kind": kind, "date": due, "evidence": proof}}


def _policies(v: View, nodes: list[str]) -> list[dict]:
    found, seen = [], set()
    for node in nodes:
        for _, target, key, data in v.graph.out_edges(node, keys=True, data=True):
            if key == "CITES" and target not in seen:
                seen.add(target)
                policy = v.data[target]
                found.append({"id": target, "title": policy.get("title"), "doc_no": policy.get("doc_no"),
                              "evidence": evidence(data, "cites", data.get("raw"))})
    return found


# Edges as a reader names them, from the node the edge leaves.
EDGE_WORDS = {"CONTAINS": "包含", "LEADS": "牵头", "RESPONSIBLE_FOR": "责任", "DUE": "时限", "CITES": "引用",
              "ISSUED_BY": "发文", "COVERS": "辖区", "IN_JURISDICTION": "辖区", "WITHIN": "上级", "ANSWERS_FOR": "责任领导"}


def node_ref(v: View, node: str) -> dict:
    """What a browser shows of any node: its type, a short label and its full text."""
    data = v.data[node]
    kind = data["type"]
    if kind in ("Section", "Problem", "Task"):
        text = data.get("text") or ""
        own = " ".join(LEADING_MARKER.sub("", text, count=1).split())    # "一、指导思想…" without its number
        return {"id": node, "type": kind, "label": f"{v.label(node)} {own[:16]}".strip(), "text": text,
                "doc": data.get("doc")}
    if kind == "Document":
        title = data.get("title") or data.get("doc_no") or (data.get("path") or node).rsplit("/", 1)[-1]
        return {"id": node, "type": kind, "label": title, "text": title, "doc": node}
    if kind == "Deadline":
        label = data.get("date") or DEADLINE_KIND_ZH.get(data.get("kind"), "未明确")
        return {"id": node, "type": kind, "label": label, "text": label}
    name = data.get("name") or data.get("title") or data.get("doc_no") or node
    return {"id": node, "type": kind, "label": name, "text": name}


def neighbourhood(graph, node: str, most: int = 40) -> dict:
    """A node and its neighbours, each with the edge's word (牵头, 责任, 配合, 包含, 时限…) and direction; past
    ``most`` neighbours of one type, the rest are counted, not listed (a unit with 300 tasks shows 40)."""
    v = view(graph)
    found: dict[str, list[dict]] = {}
    seen = set()
    edges = [(target, key, data, "out") for _, target, key, data in v.graph.out_edges(node, keys=True, data=True)]
    edges += [(source, key, data, "in") for source, _, key, data in v.graph.in_edges(node, keys=True, data=True)]
    for other, key, data, direction in edges:
        if other in seen or other == node:
            continue
        seen.add(other)
        word = EDGE_WORDS.get(key, "")
        if key == "RESPONSIBLE_FOR" and data.get("role") == "assist":
            word = "配合"
        found.setdefault(v.data[other]["type"], []).append({**node_ref(v, other), "edge": word, "direction": direction})
    return {"node": node_ref(v, node),
            "neighbours": {kind: refs[:most] for kind, refs in found.items()},
            "more": {kind: len(refs) - most for kind, refs in found.items() if len(refs) > most}}


def search_text(graph, query: str, most: int = 200) -> list[dict]:
    """Problems and tasks whose text holds ``query`` (营商环境, 执行难), in document order; white space in the
    query and the text is ignored."""
    v = view(graph)
    query = "".join((query or "").split())
    if not query:
        return []
    if hasattr(v, "items_with_text"):     # a store-backed View: the store searches, and only hits are read
        hits = v.items_with_text(query, most)
        v.prefetch(hits)
        return [node_ref(v, item) for item in hits]
    found = []
    for item in v.items:
        if v.type(item) in ("Problem", "Task") and query in "".join((v.data[item].get("text") or "").split()):
            found.append(node_ref(v, item))
            if len(found) >= most:
                break
    return found
