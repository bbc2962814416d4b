"""Who answers for an item: nobody, nobody in particular, or too many at once.

- ``no_owner``: "多部门负责找不着负责部门": two or more responsible units and no lead; only 配合 units; or, in
  a document that assigns owners, a measure or problem that names no unit at all.
- ``vague_owner``: every owner the item answers to is collective (各县区政府, 相关部门), or the list of them is
  open-ended (…等部门).
- ``multi_lead``: more than one lead on one item (diffused leadership); "X、Y分别牵头", where each lead
  answers for its own part, is reported apart as ``split_lead``.

A document's declared convention (列第一位为牵头单位; 无牵头单位的,责任单位即为牵头单位) is applied by the
extractor, so an item it covers has its lead and is not reported; the finding says which convention.
"""
from __future__ import annotations

from .view import View, finding, view


def no_owner(graph) -> list[dict]:
    v = view(graph)
    owners_of, data = v.owners_by_item, v.data
    found = []
    for item in v.items:
        attrs = data[item]
        if attrs["type"] == "Section":
            continue
        owners = owners_of.get(item)
        if owners:
            found += _without_lead(v, item, owners)
        elif _unowned(v, item):
            found.append(finding("no_owner", v.item_ref(item), [], {"kind": "no_unit"}, [v.item_evidence(item)]))
    return found


def _without_lead(v: View, item: str, owners) -> list[dict]:
    if any(owner.role == "lead" for owner in owners):
        return []
    responsible = [owner for owner in owners if owner.role == "responsible"]
    if len(responsible) >= 2:
        kind = "no_lead"
    elif not responsible:
        kind = "assist_only"  # only 配合/协办 units: somebody helps, nobody answers
    else:
        return []
    return [finding("no_owner", v.item_ref(item), [owner.name for owner in owners],
                    {"kind": kind, "responsible": len(responsible)},
                    [v.item_evidence(item), *(owner.evidence for owner in owners)])]


def _unowned(v: View, item: str) -> bool:
    """An item naming no unit is a gap only where its document assigns owners, and only where an owner is
    expected: a measure of a problem, a task among owned siblings, a problem without measures."""
    data = v.data[item]
    if data["doc"] not in v.assigning_documents or v.is_owned(item):
        return False
    parent = v.parent(item)
    if v.type(item) == "Problem":
        tasks = v.children(item, "Task")
        return not tasks  # a problem with measures: its unowned measures are reported, not the problem again
    if parent is None:
        return False  # a top-level paragraph of the covering notice (一、严格做好整改落实), not a measure
    siblings = [child for child in v.children(parent, "Task") if child != item]
    return v.type(parent) == "Problem" or any(v.is_owned(sibling) for sibling in siblings)


def vague_owner(graph) -> list[dict]:
    v = view(graph)
    found = []
    for item, owners in v.owned_items:
        leads = [owner for owner in owners if owner.role == "lead"]
        answering = leads or [owner for owner in owners if owner.role == "responsible"]
        # "X、Y等部门": the list is open, so nobody can say who all answer; one open-ended owner opens it.
        if answering and (all(owner.collective for owner in answering) or any(o.open_ended for o in answering)):
            found.append(finding(
                "vague_owner", v.item_ref(item), [owner.name for owner in answering],
                {"role": answering[0].role, "collective": sum(owner.collective for owner in answering),
                 "open_ended": sum(owner.open_ended for owner in answering)},
                [v.item_evidence(item), *(owner.evidence for owner in answering)]))
    return found


def multi_lead(graph) -> list[dict]:
    v = view(graph)
    found = []
    for item, owners in v.owned_items:
        leads = [owner for owner in owners if owner.role == "lead"]
        if len(leads) < 2:
            continue
        each = bool(v.data[item].get("each_leads"))
        found.append(finding(
            "split_lead" if each else "multi_lead", v.item_ref(item), [lead.name for lead in leads],
            {"leads": len(leads), "each_leads": each,
             "collective": sum(lead.collective for lead in leads),
             "convention": v.data[item].get("convention")},
            [v.item_evidence(item), *(lead.evidence for lead in leads)]))
    return found
