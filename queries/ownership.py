"""Who answers for an item: nobody, nobody in particular, or too many at once.

- ``no_owner``: "多部门负责找不着负责部门": two or more responsible units and no lead (not all of them classes,
  which each do their own part); only 配合 units; or, in a document that assigns owners, a measure or problem
  that names no unit at all.
- ``vague_owner``: every owner the item answers to is collective (各县区政府, 相关部门), or the list of them is
  open-ended (…等部门).
- ``multi_lead``: more than one lead on one item (diffused leadership); "X、Y分别牵头", where each lead
  answers for its own part, is reported apart as ``split_lead``.

A document's declared convention (列第一位为牵头单位; 无牵头单位的,责任单位即为牵头单位) is applied by the
extractor, so an item it covers has its lead and is not reported; the finding says which convention.
"""
from __future__ import annotations

import numpy as np

from .columns import LEAD, PROBLEM, RESPONSIBLE, SECTION, TASK
from .view import Findings, View, finding, view


def no_owner(graph) -> Findings:
    v = view(graph)
    c = v.columns
    leads, responsible = c.per_item(c.owner_role == LEAD), c.per_item(c.owner_role == RESPONSIBLE)
    # (classes told the work together, "各区县政府、市政府各部门要…", each do their own part of it: no one task is
    # shared with nobody leading; every owner being a class, vague_owner reports it)
    classes_only = c.per_item(c.owner_collective, c.owner_role == RESPONSIBLE) == responsible
    own = c.owner_count > 0
    without_lead = own & (leads == 0) & (((responsible >= 2) & ~classes_only) | (responsible == 0))
    # (a report narrating that bodies did the work together gives none of them work: no lead is missing)
    rows = np.flatnonzero((c.type != SECTION) & ((without_lead & ~c.narrated) | (~own & _unowned(v))))

    return Findings(rows.tolist(), lambda row: no_owner_finding(v, c.ids[row]), c.doc[rows])


def no_owner_finding(v: View, item: str) -> dict:
    owners = v.owners_by_item.get(item)
    if owners:
        return _without_lead(v, item, owners)
    return finding("no_owner", v.item_ref(item), [], {"kind": "no_unit"}, [v.item_evidence(item)])


def _without_lead(v: View, item: str, owners) -> dict:
    """The finding on an item whose owners include no lead and two or more responsible units, or only
    配合/协办 units (somebody helps, nobody answers)."""
    responsible = [owner for owner in owners if owner.role == "responsible"]
    return finding("no_owner", v.item_ref(item), [owner.name for owner in owners],
                   {"kind": "assist_only" if not responsible else "no_lead", "responsible": len(responsible)},
                   [v.item_evidence(item), *(owner.evidence for owner in owners)])


def _unowned(v: View) -> np.ndarray:
    """Per item: naming no unit is a gap here. Only where its document assigns owners, and only where an
    owner is expected: a measure of a problem, a task among owned siblings, a problem without measures."""
    c = v.columns
    assigning = np.fromiter((doc in v.assigning_documents for doc in c.documents), bool, len(c.documents))
    has_parent = c.parent >= 0
    parent = np.where(has_parent, c.parent, 0)
    tasks = c.type == TASK
    task_children = np.bincount(c.parent[tasks & has_parent], minlength=len(c.ids))
    owned_task_children = np.bincount(c.parent[tasks & has_parent & c.owned & ~c.narrated], minlength=len(c.ids))
    # A problem with measures: its unowned measures are reported, not the problem again. A top-level
    # paragraph of the covering notice (一、严格做好整改落实) is not a measure.
    expected = np.where(c.type == PROBLEM, task_children == 0,
                        has_parent & ((c.type[parent] == PROBLEM) | (owned_task_children[parent] > 0)))
    return assigning[c.doc] & ~c.owned & expected


def vague_owner(graph) -> Findings:
    """Items whose answering owners (the leads, else the responsible units) are all collective, or open."""
    v = view(graph)
    c = v.columns
    led = c.per_item(c.owner_role == LEAD)[c.owner_item] > 0
    answering = np.where(led, c.owner_role == LEAD, c.owner_role == RESPONSIBLE)
    count = c.per_item(answering)
    # "X、Y等部门": the list is open, so nobody can say who all answer; one open-ended owner opens it.
    vague = (c.per_item(c.owner_collective, answering) == count) | (c.per_item(c.owner_open_ended, answering) > 0)
    rows = np.flatnonzero((count > 0) & vague)
    return Findings(rows.tolist(), lambda row: vague_finding(v, c.ids[row]), c.doc[rows])


def vague_finding(v: View, item: str) -> dict:
    owners = v.owners_by_item[item]
    answering = [owner for owner in owners if owner.role == "lead"] or [o for o in owners if o.role == "responsible"]
    return finding("vague_owner", v.item_ref(item), [owner.name for owner in answering],
                   {"role": answering[0].role, "collective": sum(owner.collective for owner in answering),
                    "open_ended": sum(owner.open_ended for owner in answering)},
                   [v.item_evidence(item), *(owner.evidence for owner in answering)])


def multi_lead(graph, each: bool | None = None) -> Findings:
    """Items with two or more leads, in reading order: ``multi_lead`` findings, or ``split_lead`` where the
    text says each leads its own part. ``each`` True or False keeps only the one rule."""
    v = view(graph)
    c = v.columns
    led = c.per_item(c.owner_role == LEAD) >= 2
    rows = np.flatnonzero(led if each is None else led & (c.each_leads == each))
    return Findings(rows.tolist(), lambda row: multi_lead_finding(v, c.ids[row]), c.doc[rows])


def multi_lead_finding(v: View, item: str) -> dict:
    leads = [owner for owner in v.owners_by_item[item] if owner.role == "lead"]
    each = bool(v.data[item].get("each_leads"))
    return finding("split_lead" if each else "multi_lead", v.item_ref(item), [lead.name for lead in leads],
                   {"leads": len(leads), "each_leads": each, "collective": sum(lead.collective for lead in leads),
                    "convention": v.data[item].get("convention")},
                   [v.item_evidence(item), *(lead.evidence for lead in leads)])
