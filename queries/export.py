"""The 台账 (one row per task) and the graph, written for Excel/LibreOffice and graph tools.

- ``ledger(graph)``: one row per owned unit of work, plus every other Task, with problem, lead, responsible,
  assist, the persons named as answering (责任领导), deadline, status and evidence (document, span, and the source sentence naming the owners).
- ``write_xlsx`` / ``write_csv``: the ledger as a sheet. A cell that a spreadsheet would run as a formula
  (text starting with = + - @) is written with a leading apostrophe: document text is data.
- ``write_graphml``: the whole graph; list values become JSON strings and nulls are left out, as GraphML
  holds only scalars.
Characters XML and Excel forbid (control characters such as ESC or a vertical tab, which real documents carry)
are dropped from every written string, and a file is written beside its target and renamed over it, so a
failed export never leaves a truncated file.
"""
from __future__ import annotations

import csv
import json
import os
import re
import tempfile
from pathlib import Path

import networkx as nx

from .view import view

COLUMNS = {  # key → header, in sheet order
    "document": "文件", "doc_no": "文号", "problem_number": "问题编号", "problem": "问题", "label": "任务位置",
    "task": "任务", "lead": "牵头单位", "responsible": "责任单位", "assist": "配合单位",
    "owners_inherited": "责任单位来自上级条目", "persons": "责任领导", "deadline": "完成时限", "deadline_kind": "时限类型",
    "deadline_date": "截止日期", "status": "状态", "doc": "文件编号", "span": "原文位置", "evidence": "原文依据",
}
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def ledger(graph) -> list[dict]:
    v = view(graph)
    work = set(v.work_items)
    rows = []
    for item in v.items:
        if item not in work and v.type(item) != "Task":
            continue
        data = v.data[item]
        doc = v.data[data["doc"]]
        problem = v.problem_of(item)
        owners = v.effective_owners(item)
        kind, due, proof = v.deadline(item)
        named = [owner.evidence["sentence"] for owner in owners if owner.evidence.get("sentence")]
        rows.append({
            "document": doc.get("title") or doc.get("path"), "doc_no": doc.get("doc_no"),
            "problem_number": v.data[problem].get("number") if problem else None,
            "problem": v.data[problem].get("text") if problem and problem != item else None,
            "label": v.label(item), "task": data.get("text"),
            "lead": "、".join(o.name for o in owners if o.role == "lead"),
            "responsible": "、".join(o.name for o in owners if o.role == "responsible"),
            "assist": "、".join(o.name for o in owners if o.role == "assist"),
            "owners_inherited": bool(owners) and not v.owners(item),
            "persons": "、".join(f"{p['name']}（{p['title']}）" if p["title"] else p["name"]
                                for p in v.persons(item)) or None,
            "deadline": proof["label"] if proof else None, "deadline_kind": kind, "deadline_date": due,
            "status": data.get("status"), "doc": data["doc"], "span": f"{data['span'][0]}-{data['span'][1]}",
            "evidence": named[0] if named else data.get("sentence"),
        })
    return rows


# XML 1.0 (and so xlsx and GraphML) allows tab, newline and carriage return among the control characters, no other
XML_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _safe(value):
    return XML_FORBIDDEN.sub("", value) if isinstance(value, str) else value


def _cell(value):
    value = _safe(value)
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def _atomically(target, write) -> None:
    """``write(path)`` to a temporary file beside ``target``, renamed over it once complete; a file-like
    target is written directly."""
    if not isinstance(target, (str, os.PathLike)):
        write(target)
        return
    target = Path(target)
    handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent or ".")
    os.close(handle)
    try:
        write(temporary)
        os.replace(temporary, target)
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)


def write_xlsx(rows: list[dict], target) -> None:
    from openpyxl import Workbook  # only exports need it
    book = Workbook()
    sheet = book.active
    sheet.title = "台账"
    sheet.append(list(COLUMNS.values()))
    for row in rows:
        sheet.append([_cell(row.get(key)) for key in COLUMNS])
    sheet.freeze_panes = "A2"
    _atomically(target, book.save)


def write_csv(rows: list[dict], target) -> None:
    """UTF-8 with a byte-order mark: Excel on a Chinese Windows reads it as UTF-8, not GBK."""
    def write(path):
        with open(path, "w", encoding="utf-8-sig", newline="") as out:
            writer = csv.writer(out)
            writer.writerow(COLUMNS.values())
            for row in rows:
                writer.writerow(["" if row.get(key) is None else _cell(row.get(key)) for key in COLUMNS])
    _atomically(target, write)


def write_graphml(graph: nx.MultiDiGraph, target) -> None:
    plain = nx.MultiDiGraph()
    for node, data in graph.nodes(data=True):
        plain.add_node(_safe(node), **_scalars(data))        # a unit's id holds its name, as written
    for source, target_, key, data in graph.edges(keys=True, data=True):
        plain.add_edge(_safe(source), _safe(target_), key=_safe(key), **_scalars(data))
    _atomically(target, lambda path: nx.write_graphml(plain, path))


def _scalars(data: dict) -> dict:
    return {key: _safe(json.dumps(value, ensure_ascii=False) if isinstance(value, (list, dict)) else value)
            for key, value in data.items() if value is not None}
