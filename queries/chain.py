"""Follow responsibility through the graph, from a unit or from an item.

- A unit: everything it leads, is responsible for or assists with, grouped by document and problem, with
  deadlines and status; its jurisdiction; and the units it shares work with.
- An item: document → sections → problem → tasks → units, deadlines and cited policies.
"""
from __future__ import annotations

from collections import Counter

from graph.schema import unit_id

from .view import View, evidence, view


class NotFound(LookupError):
    """Nothing in the graph matches; ``str()`` says what was looked for and any close names."""


def chain(graph, target: str) -> dict:
    v = view(graph)
    if target in v.graph and v.type(target) in ("Section", "Problem", "Task"):
        return item_chain(v, target)
    return unit_chain(v, find_unit(v, target))


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
    matches = exact or [unit for unit in v.units
                        if query in nodes[unit]["name"] or any(query in said for said in mentions.get(unit, ()))]
    if len(matches) == 1:
        return matches[0]
    if not matches:
        raise NotFound(f"no unit or item matches {query!r}")
    names = "、".join(nodes[unit]["name"] for unit in matches[:8])
    raise NotFound(f"{query!r} matches {len(matches)} units: {names}{'…' if len(matches) > 8 else ''}")


def unit_chain(v: View, unit: str) -> dict:
    data = v.data[unit]
    documents: dict[str, dict] = {}
    partners: Counter = Counter()
    for item in v.unit_work_items.get(unit, ()):
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
        partners.update({owner.name for owner in owners if owner.unit != unit})
    places = [v.data[target]["name"] for _, target, key in v.graph.out_edges(unit, keys=True)
              if key == "IN_JURISDICTION"]
    return {"unit": {"id": unit, "name": data["name"], "collective": bool(data.get("collective"))},
            "jurisdiction": data.get("jurisdiction") or (places[0] if places else None),
            "documents": [{**entry, "problems": list(entry["problems"].values())}
                          for _, entry in sorted(documents.items())],
            "shares_with": [{"unit": name, "items": n}
                            for name, n in sorted(partners.items(), key=lambda kv: (-kv[1], kv[0]))]}


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
