"""When an owned task is due, and whether that date means anything.

Per owned task (one that names an owner, or shares its block's): ``missing`` (no deadline stated),
``vague`` (长期推进 / 适时推进: never due), ``overdue`` (a date before ``as_of`` and not reported done) and
``due_soon`` (due within ``within_days`` of ``as_of``, not done). A document that gives no owned task a
deadline at all is one ``missing_all`` finding on the document, not one per task.
"""
from __future__ import annotations

from datetime import date, timedelta

import numpy as np

from .columns import NO_DATE, NO_DEADLINE, ONGOING, TIMELY
from .view import Findings, finding, view


def deadlines(graph, as_of: date | str | None = None, within_days: int = 30) -> Findings:
    v = view(graph)
    c = v.columns
    today = _as_date(as_of)
    soon = today + timedelta(days=within_days)
    work = c.work  # in reading order, so grouped by document
    kind, day, doc = c.deadline_kind[work], c.deadline_day[work], c.doc[work]
    stated = np.bincount(doc, weights=kind != NO_DEADLINE, minlength=len(c.documents))
    first_of_doc = np.diff(doc, prepend=-1) != 0
    undated = (kind == NO_DEADLINE) | (kind == ONGOING) | (kind == TIMELY)  # missing or vague: always flagged
    due_by_then = ~undated & (day != NO_DATE) & ~c.done[work] & (day <= soon.toordinal())  # overdue or soon
    flagged = undated | due_by_then
    # A document giving no owned task a deadline is one finding on the document, reported where its
    # first task would be; its tasks are not reported one by one.
    silent = stated[doc] == 0
    rows = np.flatnonzero(np.where(silent, first_of_doc, flagged))
    is_document = silent[rows]

    def make(row: int, is_document: bool) -> dict:
        if is_document:
            document = c.documents[doc[row]]
            return missing_all_finding(v, document, len(v.work_by_doc[document]))
        return deadline_finding(v, c.ids[work[row]], today, soon)
    return Findings(list(zip(rows.tolist(), is_document.tolist())), lambda row: make(*row), doc[rows])


def missing_all_finding(v, document: str, tasks: int) -> dict:
    """A document that dates none of its ``tasks`` owned items of work: one finding on the document."""
    return finding("deadlines", v.document_ref(document), [], {"kind": "missing_all", "tasks": tasks},
                   [v.item_evidence(document) | {"what": "document"}])


def deadline_finding(v, item: str, today: date, soon: date) -> dict:
    name, due, proof = v.deadline(item)
    detail = _judge(name, due, v.data[item].get("status"), today, soon)
    units = [owner.name for owner in v.effective_owners(item)]
    return finding("deadlines", v.item_ref(item), units, detail, [v.item_evidence(item)] + ([proof] if proof else []))


def _judge(kind: str, due: str | None, status: str | None, today: date, soon: date) -> dict | None:
    """The finding's detail for one owned task's deadline, or None when the deadline is fine."""
    if kind == "none":
        return {"kind": "missing"}
    if kind in ("ongoing", "timely"):
        return {"kind": "vague", "deadline": kind}
    if not due or status == "done":
        return None
    due_date = date.fromisoformat(due)
    if due_date < today:
        return {"kind": "overdue", "date": due, "status": status, "days": (today - due_date).days}
    if due_date <= soon:
        return {"kind": "due_soon", "date": due, "status": status, "days": (due_date - today).days}
    return None


def _as_date(value: date | str | None) -> date:
    if value is None:
        return date.today()
    return value if isinstance(value, date) else date.fromisoformat(value)
