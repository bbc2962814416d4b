"""The 台账 (one row per task) and the graph, written for Excel/LibreOffice and graph tools.

- ``ledger(graph)``: one row per owned unit of work, plus every other Task, with problem, lead, responsible,
  assist, the persons named as answering (责任领导), deadline, status and evidence (document, span, and the source sentence naming the owners).
- ``write_xlsx`` / ``write_csv``: the ledger as a sheet. A cell that a spreadsheet would run as a formula
  (text starting with = + - @) is written with a leading apostrophe: document text is data.
- ``write_graphml``: the whole graph; list values become JSON strings and nulls are left out, as GraphML
  holds only scalars.
"""
from __future__ import annotations

import csv
import json

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


def _cell(value):
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def write_xlsx(rows: list[dict], target) -> None:
    from openpyxl import Workbook  # only exports need it
    book = Workbook()
    sheet = book.active
    sheet.title = "台账"
    sheet.append(list(COLUMNS.values()))
    for row in rows:
        sheet.append([_cell(row.get(key)) for key in COLUMNS])
    sheet.freeze_panes = "A2"
    book.save(target)


def write_csv(rows: list[dict], target) -> None:
    """UTF-8 with a byte-order mark: Excel on a Chinese Windows reads it as UTF-8, not GBK."""
    with open(target, "w", encoding="utf-8-sig", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(COLUMNS.values())
        for row in rows:
            writer.writerow(["" if row.get(key) is None else _cell(row.get(key)) for key in COLUMNS])


def write_graphml(graph: nx.MultiDiGraph, target) -> None:
    plain = nx.MultiDiGraph()
    for node, data in graph.nodes(data=True):
        plain.add_node(node, **_scalars(data))
    for source, target_, key, data in graph.edges(keys=True, data=True):
        plain.add_edge(source, target_, key=key, **_scalars(data))
    nx.write_graphml(plain, target)


def _scalars(data: dict) -> dict:
    return {key: json.dumps(value, ensure_ascii=False) if isinstance(value, (list, dict)) else value
            for key, value in data.items() if value is not None}
