"""Where responsibility is shared or piled up.

- ``overlap``: unit pairs named on the same items of work (a measure sharing its block's owners
  counts for them) (how many, and their Jaccard index over the items each is
  named on), a unit × unit matrix of shared items, and ``dual_role`` findings: one unit both lead and
  responsible on one item.
- ``overload``: units ranked by items led and items responsible for, with the share of those items whose
  deadline is vague or missing; ``overloaded`` findings for units carrying an outsized share (多口归一).

All three work on the View's numpy columns (``View.columns``): units are name codes (names sort as their
codes do, and a unit's id and name go one to one), and grouping is a sort, not a dict filled per item.
"""
from __future__ import annotations

import numpy as np

from .columns import ASSIST, KIND_CODE, LEAD, RESPONSIBLE, distinct, runs
from .view import VAGUE_DEADLINES, Findings, finding, view

VAGUE_KINDS = [KIND_CODE[kind] for kind in VAGUE_DEADLINES]


def _named(c) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(work item row, name code, roles as bits 1 << role) for each unit named on each work item, by work
    item in reading order and then by name: a unit named twice on one item (lead and responsible) is one
    row with the union of its roles."""
    work_of_row, owner = c.work_owner_rows()
    names = len(c.names)
    key = work_of_row.astype(np.int64) * names + c.owner_name[owner]
    # already in work item order, so sorting is nearly free; a stable sort (timsort) makes use of that
    order = np.argsort(key, kind="stable")
    starts, _ = runs(key[order])
    roles = np.bitwise_or.reduceat(np.left_shift(1, c.owner_role[owner][order].astype(np.int16)), starts)
    first = order[starts]
    return work_of_row[first], c.owner_name[owner[first]], roles


# An item naming more units than this is a roll call ("全市各单位"), not a pairing: its units are counted as
# named on it, but it makes no pairs. Pairs grow with the square of the units on an item: 3,000 units on
# two tasks were 9 million pairs and 3.5 GB.
MAX_PAIRED_UNITS = 60


def overlap(graph, min_shared: int = 1, top: int | None = 30, max_units: int = MAX_PAIRED_UNITS) -> dict:
    """``pairs``: [{"a","b","shared","jaccard","items"}] by shared desc; ``matrix``: {"units", "counts"} for the
    ``top`` units most often shared; ``dual_role``: findings. Items naming more than ``max_units`` units
    make no pairs."""
    v = view(graph)
    c = v.columns
    item, name, _ = _named(c)
    starts, size = runs(item)
    pairable = np.repeat(size <= max_units, size)
    first, second = _pairs_within(item[pairable])
    first, second = np.flatnonzero(pairable)[first], np.flatnonzero(pairable)[second]
    names = len(c.names)
    key = name[first].astype(np.int64) * names + name[second]  # names ascend within an item: a < b
    order = _stable_order(key, names * names)  # stable: a pair's items stay in reading order
    key, pair_item = key[order], item[first][order]
    starts, shared = runs(key)
    a, b = key[starts] // names, key[starts] % names
    named = np.bincount(name, minlength=names)  # work items each unit is named on
    union = named[a] + named[b] - shared
    kept = np.flatnonzero(shared >= min_shared)
    jaccard = _round4(shared[kept] / union[kept])
    order = np.lexsort((b[kept], a[kept], -jaccard, -shared[kept]))
    kept, jaccard = kept[order], jaccard[order]
    # Each pair's items: a slice of these, read as a list when read (like findings). Listed up front they
    # were half the rule's time at a million tasks, for ids only an export reads.
    id_of = c.ids.__getitem__        # an id made from its row when read (a store's View makes no others)
    item_doc = c.doc[pair_item]
    unit = c.names
    pairs = [{"a": unit[x], "b": unit[y], "shared": n, "jaccard": j, "items": Findings(pair_item[s:s + n], id_of, item_doc[s:s + n])}
             for x, y, n, j, s in zip(a[kept].tolist(), b[kept].tolist(), shared[kept].tolist(), jaccard.tolist(),
                                      starts[kept].tolist())]
    return {"pairs": pairs, "matrix": _matrix(c.names, a, b, shared, top), "dual_role": dual_role(v)}


def _stable_order(key: np.ndarray, span: int) -> np.ndarray:
    """``np.argsort(key, kind="stable")`` for keys in [0, span): sorting the keys with each one's position
    folded in is about twice as fast on keys in no particular order (when key × count fits in 63 bits)."""
    count = len(key)
    if span * max(count, 1) >= 2 ** 63:
        return np.argsort(key, kind="stable")
    return np.sort(key * count + np.arange(count)) % count


def _pairs_within(item: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(i, j), i < j, for every two rows of the same run of ``item`` (each work item's units taken two at a
    time, as ``itertools.combinations`` would), by item and then i, j."""
    starts, size = runs(item)
    local = np.arange(len(item)) - np.repeat(starts, size)
    partners = np.repeat(size, size) - 1 - local  # the rows after this one in its item
    first = np.repeat(np.arange(len(item)), partners)
    step = np.arange(len(first)) - np.repeat(np.cumsum(partners) - partners, partners)
    return first, first + step + 1


def _round4(values: np.ndarray) -> np.ndarray:
    """Each value to four decimals, a tie rounded up (1/32 → 0.0313), computed as the Cypher twin computes it
    (round(10000.0 * x) / 10000.0): Python's round() takes a tie to the even digit (0.0312), and both must agree."""
    return np.floor(values * 10_000.0 + 0.5) / 10_000.0


def _matrix(names: list[str], a: np.ndarray, b: np.ndarray, shared: np.ndarray, top: int | None) -> dict:
    """The ``top`` units by items shared with others in all (then by name), and the counts between them."""
    weight = (np.bincount(a, shared, len(names)) + np.bincount(b, shared, len(names))).astype(np.int64)
    units = np.flatnonzero(weight)
    units = units[np.lexsort((units, -weight[units]))][:top]
    at = np.full(len(names), -1)
    at[units] = np.arange(len(units))
    both = (at[a] >= 0) & (at[b] >= 0)
    counts = np.zeros((len(units), len(units)), np.int64)
    counts[at[a][both], at[b][both]] = counts[at[b][both], at[a][both]] = shared[both]
    return {"units": [names[unit] for unit in units.tolist()], "counts": counts.tolist()}


def dual_role(graph) -> Findings:
    """An owner row not a lead whose unit also leads the same item, in reading and then owner order."""
    v = view(graph)
    c = v.columns
    lead = c.owner_role == LEAD
    key = c.owner_item.astype(np.int64) * len(c.names) + c.owner_name  # one unit on one item
    order = np.argsort(key, kind="stable")  # rows are in item order already: see _named
    starts, length = runs(key[order])
    also_leads = np.empty(len(key), bool)
    also_leads[order] = np.repeat(np.logical_or.reduceat(lead[order], starts), length)
    rows = np.flatnonzero(also_leads & ~lead)

    def make(row: int) -> dict:
        at = c.owner_item[row]
        item = c.ids[at]
        return dual_role_finding(v, item, v.owners_by_item[item][row - c.first_owner[at]])
    return Findings(rows.tolist(), make, c.doc[c.owner_item[rows]])


def dual_role_finding(v, item: str, owner) -> dict:
    """``owner`` (an ``Owner`` of ``item``, not its lead) is the unit that also leads it."""
    leading = next(o for o in v.owners_by_item[item] if o.role == "lead" and o.name == owner.name)
    return finding("dual_role", v.item_ref(item), [owner.name], {"also": owner.role},
                   [v.item_evidence(item), leading.evidence, owner.evidence])


# One office receiving every delegated power: a unit leading at least this many of one document's owned items,
# and at least this share of them.
MIN_ITEMS, MIN_SHARE = 10, 0.2


def overload(graph, min_items: int = MIN_ITEMS, min_share: float = MIN_SHARE) -> dict:
    """``ranking``: every unit with led / responsible / assist counts, documents and vague-deadline share;
    ``findings``: units leading at least ``min_items`` items that make up at least ``min_share`` of the
    owned items of a document (one office receiving every delegated power). Being named responsible on every
    item ("各开发园区、镇区") is a blanket, not a load: only leads count here."""
    v = view(graph)
    c = v.columns
    item, name, roles = _named(c)
    ranking = _ranking(c, item, name, roles)
    return {"ranking": ranking, "findings": _overloaded(v, item, name, roles, ranking, min_items, min_share)}


def _overloaded(v, item, name, roles, ranking, min_items: int, min_share: float) -> Findings:
    """The (unit, document) groups of led items over both thresholds, in (name, doc id) order (documents
    are coded in id order); a group's items stay in reading order."""
    c = v.columns
    led = (roles & (1 << LEAD)) > 0
    documents = len(c.documents)
    key = name[led].astype(np.int64) * documents + c.doc[item[led]]
    order = _stable_order(key, len(c.names) * documents)
    key, led_items = key[order], item[led][order]
    starts, count = runs(key)
    unit, doc = key[starts] // documents, key[starts] % documents
    owned_per_doc = c.per_document(c.work)
    groups = np.flatnonzero((count >= min_items) & (count / owned_per_doc[doc] >= min_share))
    # the unit's totals, copied: a finding made later must not see a caller's edits to the ranking
    totals = {row["unit"]: (row["led"], row["vague_share"]) for row in ranking}

    def make(group: int) -> dict:
        name = c.names[unit[group]]
        items = [c.ids[row] for row in led_items[starts[group]:starts[group] + count[group]].tolist()]
        return overload_finding(v, name, c.documents[doc[group]], items, int(owned_per_doc[doc[group]]),
                                *totals[name])
    return Findings(groups.tolist(), make, doc[groups])


def overload_finding(v, unit: str, doc: str, items: list[str], owned: int, led_all: int, vague_share: float) -> dict:
    """``unit`` leads ``items`` of the ``owned`` items of work of ``doc``; ``led_all`` and ``vague_share`` are
    its ranking's totals over every document."""
    share = len(items) / owned  # of the document's owned items this unit leads
    return finding("overload", v.document_ref(doc), [unit],
                   {"items": len(items), "share": round(share, 4), "led": led_all, "vague_share": vague_share},
                   [v.item_evidence(item) for item in items])


def _ranking(c, item, name, roles) -> list[dict]:
    """One row per unit named on some work item, by items led, then items named on, then name."""
    names = len(c.names)

    def per_unit(mask) -> np.ndarray:
        return np.bincount(name[mask], minlength=names)
    led, responsible, assist = (per_unit((roles & (1 << role)) > 0) for role in (LEAD, RESPONSIBLE, ASSIST))
    items = np.bincount(name, minlength=names)
    vague = per_unit(np.isin(c.deadline_kind[item], VAGUE_KINDS))
    documents = len(c.documents)
    named_in = distinct(name.astype(np.int64) * documents + c.doc[item])  # (unit, document) pairs
    docs = np.bincount(named_in // documents, minlength=names)
    units = np.flatnonzero(items)
    units = units[np.lexsort((units, -items[units], -led[units]))]
    return [{"unit": c.names[unit], "led": n_led, "responsible": n_resp, "assist": n_assist, "items": n,
             "vague_deadlines": n_vague, "documents": n_docs, "vague_share": round(n_vague / n, 4)}
            for unit, n_led, n_resp, n_assist, n, n_vague, n_docs in
            zip(units.tolist(), *(column[units].tolist() for column in (led, responsible, assist, items, vague, docs)))]
