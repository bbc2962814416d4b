"""What a report claims about itself against what its own text shows.

A 整改情况通报 says "26 problems, 24 rectified"; its problems each report an outcome. When the text shows
more problems not done than the claim admits (or a different number of problems), that is a finding, with
every not-done problem as evidence.
"""
from __future__ import annotations

import numpy as np

from .columns import PROBLEM
from .view import Findings, finding, view


def claimed_vs_evidenced(graph) -> Findings:
    v = view(graph)
    c = v.columns
    problem = c.type == PROBLEM
    problems, reported = c.per_document(problem), c.per_document(problem & c.reported)
    not_done = c.per_document(problem & c.reported & ~c.done)
    found, at = [], []
    for index, doc in enumerate(c.documents):
        claimed_problems, claimed_done = v.data[doc].get("claimed_problems"), v.data[doc].get("claimed_done")
        if claimed_problems is None and claimed_done is None:
            continue
        claimed_open = (claimed_problems - claimed_done) if None not in (claimed_problems, claimed_done) else None
        done = reported[index] - not_done[index]
        if ((claimed_problems is not None and claimed_problems != problems[index])
                or (claimed_open is not None and not_done[index] > claimed_open)
                or (claimed_done is not None and claimed_done > done and reported[index] == problems[index])):
            found.append(doc)
            at.append(index)
    return Findings(found, lambda doc: _finding(v, doc), np.array(at, np.int64))


def _finding(v, doc: str) -> dict:
    problems = [item for item in v.doc_items(doc) if v.type(item) == "Problem"]
    reported = [item for item in problems if v.data[item].get("status")]
    not_done = [item for item in reported if v.data[item]["status"] != "done"]
    return claim_finding(v, doc, len(problems), len(reported), not_done)


def claim_finding(v, doc: str, problems: int, reported: int, not_done: list[str]) -> dict:
    """The claim, the counts the text shows, and every not-done problem (in reading order) as evidence."""
    data = v.data[doc]
    detail = {"claimed_problems": data.get("claimed_problems"), "claimed_done": data.get("claimed_done"),
              "problems": problems, "reported": reported, "done": reported - len(not_done),
              "not_done": len(not_done), "not_done_numbers": [v.data[item].get("number") for item in not_done]}
    return finding("claimed_vs_evidenced", v.document_ref(doc), [], detail,
                   [v.item_evidence(doc) | {"what": "document"},
                    *(v.item_evidence(item) | {"what": "not_done"} for item in not_done)])
