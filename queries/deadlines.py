"""When an owned task is due, and whether that date means anything.

Per owned task (one that names an owner, or shares its block's): ``missing`` (no deadline stated),
``vague`` (长期推进 / 适时推进: never due), ``overdue`` (a date before ``as_of`` and not reported done) and
``due_soon`` (due within ``within_days`` of ``as_of``, not done). A document that gives no owned task a
deadline at all is one ``missing_all`` finding on the document, not one per task.
"""
from __future__ import annotations

from datetime import date, timedelta

from .view import finding, view


def deadlines(graph, as_of: date | str | None = None, within_days: int = 30) -> list[dict]:
    v = view(graph)
    today = _as_date(as_of)
    soon = today + timedelta(days=within_days)
    found = []
    for doc, work in v.work_by_doc.items():
        tasks = [(item, *v.deadline(item)) for item in work]
        if all(kind == "none" for _, kind, _, _ in tasks):
            found.append(finding("deadlines", v.document_ref(doc), [], {"kind": "missing_all", "tasks": len(tasks)},
                                 [v.item_evidence(doc) | {"what": "document"}]))
            continue
        for item, kind, due, proof in tasks:
            detail = _judge(kind, due, v.data[item].get("status"), today, soon)
            if detail is None:
                continue
            units = [owner.name for owner in v.effective_owners(item)]
            where = [v.item_evidence(item)] + ([proof] if proof else [])
            found.append(finding("deadlines", v.item_ref(item), units, detail, where))
    return found


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
