"""Named analyses over the accountability graph: ``queries.<name>(graph, **params)`` → plain records.

``graph`` is what ``Store.to_networkx()`` returns (or a ``queries.view.View`` of it, to share its indexes
across several analyses). Gap findings all have one shape (``queries.view.finding``):
``{"rule", "item": {"id","doc","number","label","text"}, "units", "detail", "evidence": [{"doc","span",…}]}``.
"""
from __future__ import annotations

from .chain import NotFound, chain, find_unit, neighbourhood, node_ref, search_text
from .claims import claimed_vs_evidenced
from .deadlines import deadlines
from .overlap import dual_role, overlap, overload
from .ownership import multi_lead, no_owner, vague_owner
from .recurring import THRESHOLD, recurring
from .summary import summary
from .unit_search import find_units, unit_names
from .store_view import StoreView, store_view
from .view import Findings, View, view

__all__ = ["Findings", "NotFound", "StoreView", "View", "store_view", "chain", "claimed_vs_evidenced", "deadlines", "dual_role", "find_unit", "gaps", "gaps_by_rule",
           "multi_lead", "no_owner", "overlap", "overload", "quote", "recurring", "summary", "vague_owner",
           "view", "GAP_RULES", "after_writing", "find_units", "unit_names", "for_units", "neighbourhood", "node_ref", "search_text"]

# Every rule ``gaps`` reports, in the order an inspector reads them, with its Chinese name for the app.
GAP_RULES = {
    "no_owner": "无人负责", "vague_owner": "责任主体模糊", "multi_lead": "多头牵头", "split_lead": "分别牵头",
    "dual_role": "既牵头又负责", "overload": "多口归一", "deadlines": "时限问题",
    "claimed_vs_evidenced": "报告与原文不符", "recurring": "问题反复出现",
}


def gaps(graph, as_of=None, within_days: int = 30, recurring_threshold: float = THRESHOLD) -> Findings:
    """Every gap analysis over one graph, as one sequence of findings (each made when read)."""
    v = view(graph)
    return Findings.concat([no_owner(v), vague_owner(v), multi_lead(v), dual_role(v), overload(v)["findings"],
                            deadlines(v, as_of=as_of, within_days=within_days), claimed_vs_evidenced(v),
                            recurring(v, threshold=recurring_threshold)])


def gaps_by_rule(graph, as_of=None, within_days: int = 30, recurring_threshold: float = THRESHOLD) -> dict:
    """Rule -> its findings (``GAP_RULES`` order), each made when read: a page counts or shows one rule
    without making the others."""
    v = view(graph)
    return {"no_owner": no_owner(v), "vague_owner": vague_owner(v), "multi_lead": multi_lead(v, each=False),
            "split_lead": multi_lead(v, each=True), "dual_role": dual_role(v), "overload": overload(v)["findings"],
            "deadlines": deadlines(v, as_of=as_of, within_days=within_days),
            "claimed_vs_evidenced": claimed_vs_evidenced(v), "recurring": recurring(v, threshold=recurring_threshold)}


def after_writing(store) -> None:
    """What a writer does when it has written (``zeren load``/``remove``, the 导入 page): the store settles
    what it keeps for its readers (the embedded store's joined columns), and a Neo4j server's kept findings
    (recurring's pairs) are made again, now rather than by the next reader. A failure here is left to the
    next reader, which does the same: what was written stays written."""
    from graph.store import StoreError

    from . import on_server
    try:
        store.settle()
        if on_server.serves(store):
            on_server.keep_recurring(store)
    except StoreError:
        pass


def for_units(findings, names: set[str]) -> list[dict]:
    """The findings that name one of these units (a unit search's ``unit_names``): the app's unit filter and
    ``zeren gaps --unit`` are this one function."""
    return [found for found in findings if names.intersection(found["units"])]


def quote(findings, text_of) -> list[dict]:
    """The findings, made, with each evidence's exact source characters added as ``quote``; ``text_of(doc_id)``
    gives a document's shown text (``Store.document_text``)."""
    findings = list(findings)
    texts: dict[str, str] = {}
    for found in findings:
        for proof in found["evidence"]:
            if proof["doc"] not in texts:
                texts[proof["doc"]] = text_of(proof["doc"])
            start, end = proof["span"]
            proof["quote"] = texts[proof["doc"]][start:end]
    return findings
