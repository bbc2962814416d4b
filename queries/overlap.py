"""Where responsibility is shared or piled up.

- ``overlap``: unit pairs named on the same items of work (a measure sharing its block's owners
  counts for them) (how many, and their Jaccard index over the items each is
  named on), a unit × unit matrix of shared items, and ``dual_role`` findings: one unit both lead and
  responsible on one item.
- ``overload``: units ranked by items led and items responsible for, with the share of those items whose
  deadline is vague or missing; ``overloaded`` findings for units carrying an outsized share (多口归一).
"""
from __future__ import annotations

from collections import Counter
from itertools import combinations

from .view import VAGUE_DEADLINES, finding, view


def _unit_items(v) -> dict[str, set[str]]:
    """Unit name -> the work items it is named on (a unit's id and name go one to one)."""
    return {v.data[unit]["name"]: set(items) for unit, items in v.unit_work_items.items()}


def overlap(graph, min_shared: int = 1, top: int | None = 30) -> dict:
    """``pairs``: [{"a","b","shared","jaccard","items"}] by shared desc; ``matrix``: {"units", "counts"} for the
    ``top`` units most often shared; ``dual_role``: findings."""
    v = view(graph)
    named = _unit_items(v)
    shared: Counter = Counter()
    items_of_pair: dict[tuple[str, str], list[str]] = {}
    for item in v.work_items:
        names = sorted({owner.name for owner in v.effective_owners(item)})
        for pair in combinations(names, 2):
            shared[pair] += 1
            items_of_pair.setdefault(pair, []).append(item)
    pairs = [{"a": a, "b": b, "shared": n, "jaccard": round(n / len(named[a] | named[b]), 4),
              "items": items_of_pair[(a, b)]}
             for (a, b), n in shared.items() if n >= min_shared]
    pairs.sort(key=lambda pair: (-pair["shared"], -pair["jaccard"], pair["a"], pair["b"]))
    return {"pairs": pairs, "matrix": _matrix(shared, top), "dual_role": dual_role(v)}


def _matrix(shared: Counter, top: int | None) -> dict:
    weight: Counter = Counter()
    for (a, b), n in shared.items():
        weight[a] += n
        weight[b] += n
    units = sorted(weight, key=lambda unit: (-weight[unit], unit))[:top]
    index = {unit: i for i, unit in enumerate(units)}
    counts = [[0] * len(units) for _ in units]
    for (a, b), n in shared.items():
        if a in index and b in index:
            counts[index[a]][index[b]] = counts[index[b]][index[a]] = n
    return {"units": units, "counts": counts}


def dual_role(graph) -> list[dict]:
    v = view(graph)
    found = []
    for item, owners in v.owned_items:
        leads = {owner.name for owner in owners if owner.role == "lead"}
        for owner in owners:
            if owner.role != "lead" and owner.name in leads:
                lead = next(o for o in owners if o.role == "lead" and o.name == owner.name)
                found.append(finding("dual_role", v.item_ref(item), [owner.name], {"also": owner.role},
                                     [v.item_evidence(item), lead.evidence, owner.evidence]))
    return found


def overload(graph, min_items: int = 10, min_share: float = 0.2) -> dict:
    """``ranking``: every unit with led / responsible / assist counts, documents and vague-deadline share;
    ``findings``: units leading at least ``min_items`` items that make up at least ``min_share`` of the
    owned items of a document (one office receiving every delegated power). Being named responsible on every
    item ("各开发园区、镇区") is a blanket, not a load: only leads count here."""
    v = view(graph)
    rows: dict[str, dict] = {}
    owned_per_doc: Counter = Counter()
    per_doc: dict[tuple[str, str], list[str]] = {}
    for item in v.work_items:
        doc = v.data[item]["doc"]
        owned_per_doc[doc] += 1
        vague = v.deadline(item)[0] in VAGUE_DEADLINES
        roles_of: dict[str, set[str]] = {}  # a unit named twice on one item (lead and responsible) counts once
        for owner in v.effective_owners(item):
            roles_of.setdefault(owner.name, set()).add(owner.role)
        for name, roles in roles_of.items():
            row = rows.get(name)
            if row is None:
                row = rows[name] = {"unit": name, "led": 0, "responsible": 0, "assist": 0, "items": 0,
                                    "vague_deadlines": 0, "documents": set()}
            row["items"] += 1
            row["vague_deadlines"] += vague
            row["documents"].add(doc)
            row["responsible"] += "responsible" in roles
            row["assist"] += "assist" in roles
            if "lead" in roles:
                row["led"] += 1
                per_doc.setdefault((name, doc), []).append(item)
    ranking = []
    for row in rows.values():
        row["vague_share"] = round(row["vague_deadlines"] / row["items"], 4)
        row["documents"] = len(row["documents"])
        ranking.append(row)
    ranking.sort(key=lambda row: (-row["led"], -row["items"], row["unit"]))
    findings = []
    for (name, doc), items in sorted(per_doc.items()):
        share = len(items) / owned_per_doc[doc]  # of the document's owned items this unit leads
        if len(items) >= min_items and share >= min_share:
            row = rows[name]
            findings.append(finding(
                "overload", v.document_ref(doc), [name],
                {"items": len(items), "share": round(share, 4), "led": row["led"], "vague_share": row["vague_share"]},
                [v.item_evidence(item) for item in items]))
    return {"ranking": ranking, "findings": findings}
