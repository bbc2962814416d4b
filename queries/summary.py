"""Counts an inspector starts from: per document, unit, jurisdiction, deadline kind and status."""
from __future__ import annotations

from collections import Counter

from .view import view


def summary(graph) -> dict:
    v = view(graph)
    nodes = v.data
    documents = []
    for doc in v.documents:
        items = v.doc_items(doc)
        kinds = Counter(v.type(item) for item in items)
        work = v.work_by_doc.get(doc, [])
        documents.append({"doc": doc, "title": nodes[doc].get("title"), "doc_no": nodes[doc].get("doc_no"),
                          "kind": nodes[doc].get("kind"), "jurisdiction": nodes[doc].get("jurisdiction"),
                          "problems": kinds["Problem"], "tasks": kinds["Task"], "owned_tasks": len(work),
                          "units": len({o.unit for item in work for o in v.effective_owners(item)})})
    units = Counter()
    jurisdictions = Counter()
    deadline_kinds = Counter()
    for item in v.work_items:
        for unit in {owner.unit for owner in v.effective_owners(item)}:
            units[unit] += 1
        deadline_kinds[v.deadline(item)[0]] += 1
    for unit in v.units:
        jurisdictions[nodes[unit].get("jurisdiction") or "未知"] += 1
    status = Counter(nodes[item].get("status") or "unknown" for item in v.items if v.type(item) == "Problem")
    return {"totals": {"documents": len(v.documents), "problems": sum(d["problems"] for d in documents),
                       "tasks": sum(d["tasks"] for d in documents), "owned_tasks": len(v.work_items),
                       "units": len(v.units)},
            "documents": documents,
            "units": [{"unit": nodes[unit]["name"], "items": n}
                      for unit, n in sorted(units.items(), key=lambda kv: (-kv[1], nodes[kv[0]]["name"]))],
            "jurisdictions": [{"jurisdiction": name, "units": n} for name, n in sorted(jurisdictions.items())],
            "deadline_kinds": dict(sorted(deadline_kinds.items())),
            "status": dict(sorted(status.items()))}
