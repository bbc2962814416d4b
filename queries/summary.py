"""Counts an inspector starts from: per document, unit, jurisdiction, deadline kind and status.

Counted over the View's columns (``View.columns``): a few array operations over every item and owner row,
and Python only per document and per unit.
"""
from __future__ import annotations

from collections import Counter

import numpy as np

from .columns import KIND_CODE, PROBLEM, STATUS_NAMES, TASK, distinct
from .view import view

# A deadline kind's name from its column code: the loaders' kinds (date | ongoing | timely | none); the
# columns count any other kind as dated, and so does this.
KIND_NAME = {code: name for name, code in KIND_CODE.items()}


def summary(graph) -> dict:
    v = view(graph)
    nodes = v.data
    c = v.columns
    documents_count = len(c.documents)
    problem_rows = np.flatnonzero(c.type == PROBLEM)
    problems, tasks = c.per_document(c.type == PROBLEM), c.per_document(c.type == TASK)
    owned = c.per_document(c.work)
    # (work item, unit) once per unit a work item answers to, however many roles the unit has there
    work_of_row, owner_row = c.work_owner_rows()
    unit_count = len(v.units)
    pairs = distinct(work_of_row.astype(np.int64) * unit_count + c.owner_unit[owner_row])
    pair_item, pair_unit = pairs // unit_count, pairs % unit_count
    pair_doc = c.doc[pair_item].astype(np.int64)
    doc_units = np.bincount(distinct(pair_doc * unit_count + pair_unit) // unit_count, minlength=documents_count)
    documents = []
    for doc, n_problems, n_tasks, n_owned, n_units in zip(c.documents, problems.tolist(), tasks.tolist(),
                                                           owned.tolist(), doc_units.tolist()):
        data = nodes[doc]
        documents.append({"doc": doc, "title": data.get("title"), "doc_no": data.get("doc_no"),
                          "kind": data.get("kind"), "jurisdiction": data.get("jurisdiction"),
                          "problems": n_problems, "tasks": n_tasks, "owned_tasks": n_owned, "units": n_units})
    items_per_unit = np.bincount(pair_unit, minlength=unit_count)
    counted = np.flatnonzero(items_per_unit)
    # by count, most first, then by name (c.unit_name ranks the names); units sharing a name and a count
    # give the same row, so their order among themselves does not show
    counted = counted[np.lexsort((c.unit_name[counted], -items_per_unit[counted]))]
    units = [{"unit": nodes[v.units[unit]]["name"], "items": n}
             for unit, n in zip(counted.tolist(), items_per_unit[counted].tolist())]
    jurisdictions = Counter(nodes[unit].get("jurisdiction") or "未知" for unit in v.units)
    kinds = np.bincount(c.deadline_kind[c.work], minlength=len(KIND_NAME))
    deadline_kinds = {KIND_NAME[code]: int(kinds[code]) for code in np.flatnonzero(kinds).tolist()}
    statuses = np.bincount(c.status[problem_rows], minlength=len(STATUS_NAMES))
    status = Counter()
    for code in np.flatnonzero(statuses).tolist():
        status[STATUS_NAMES[code] or "unknown"] += int(statuses[code])
    return {"totals": {"documents": documents_count, "problems": int(problems.sum()), "tasks": int(tasks.sum()),
                       "owned_tasks": len(c.work), "units": unit_count},
            "documents": documents,
            "units": units,
            "jurisdictions": [{"jurisdiction": name, "units": n} for name, n in sorted(jurisdictions.items())],
            "deadline_kinds": dict(sorted(deadline_kinds.items())),
            "status": dict(sorted(status.items()))}

