"""What a report claims about itself against what its own text shows.

A 整改情况通报 says "26 problems, 24 rectified"; its problems each report an outcome. When the text shows
more problems not done than the claim admits (or a different number of problems), that is a finding, with
every not-done problem as evidence.
"""
from __future__ import annotations

from .view import finding, view


def claimed_vs_evidenced(graph) -> list[dict]:
    v = view(graph)
    found = []
    for doc in v.documents:
        data = v.data[doc]
        claimed_problems, claimed_done = data.get("claimed_problems"), data.get("claimed_done")
        if claimed_problems is None and claimed_done is None:
            continue
        problems = [item for item in v.doc_items(doc) if v.type(item) == "Problem"]
        reported = [item for item in problems if v.data[item].get("status")]
        not_done = [item for item in reported if v.data[item]["status"] != "done"]
        done = len(reported) - len(not_done)
        claimed_open = (claimed_problems - claimed_done) if None not in (claimed_problems, claimed_done) else None
        detail = {"claimed_problems": claimed_problems, "claimed_done": claimed_done, "problems": len(problems),
                  "reported": len(reported), "done": done, "not_done": len(not_done),
                  "not_done_numbers": [v.data[item].get("number") for item in not_done]}
        mismatch = ((claimed_problems is not None and claimed_problems != len(problems))
                    or (claimed_open is not None and len(not_done) > claimed_open)
                    or (claimed_done is not None and claimed_done > done and len(reported) == len(problems)))
        if mismatch:
            found.append(finding("claimed_vs_evidenced", v.document_ref(doc), [], detail,
                                 [v.item_evidence(doc) | {"what": "document"},
                                  *(v.item_evidence(item) | {"what": "not_done"} for item in not_done)]))
    return found
