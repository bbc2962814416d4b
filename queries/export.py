"""The 台账 (one row per task) and the graph, written for Excel/LibreOffice and graph tools.

- ``ledger(graph, text_of)``: one row per owned unit of work, plus every other Task outside a plan's preamble, with
  problem, lead, responsible, assist, the persons named as answering (责任领导), deadline, status, a readable
  出处 (文件·第12段) and the source sentence naming the owners.
- ``write_xlsx`` / ``write_csv``: the ledger as an inspector keeps it: 序号, Chinese values, real dates, an empty
  核查意见 column; in Excel a bold frozen header, widths, an auto-filter and wrapped text. A cell that a
  spreadsheet would run as a formula (text starting with = + - @) is written with a leading apostrophe.
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
from bisect import bisect_right
from datetime import date
from pathlib import Path

import networkx as nx
import numpy as np

from graph.schema import DEADLINE_KIND_ZH, STATUS_ZH

from .view import view

COLUMNS = {  # key → header, in sheet order: what an inspector keeps, in Chinese, nothing internal
    "number": "序号", "document": "文件", "doc_no": "文号", "problem_number": "问题编号", "problem": "问题",
    "label": "任务位置", "task": "任务", "lead": "牵头单位", "responsible": "责任单位", "assist": "配合单位",
    "owners_inherited": "责任来自上级条目", "persons": "责任领导", "deadline": "完成时限", "deadline_kind": "时限类型",
    "deadline_date": "截止日期", "status": "状态", "where": "出处", "evidence": "原文依据", "review": "核查意见",
}
WIDTHS = {"序号": 6, "文件": 28, "文号": 18, "问题编号": 8, "问题": 40, "任务位置": 12, "任务": 60, "牵头单位": 22,
          "责任单位": 28, "配合单位": 22, "责任来自上级条目": 10, "责任领导": 14, "完成时限": 16, "时限类型": 10,
          "截止日期": 12, "状态": 8, "出处": 26, "原文依据": 50, "核查意见": 30}
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# Sections that frame a plan rather than assign work: never rows of the 台账 unless they name owners.
PREAMBLE = re.compile(r"指导思想|总体要求|基本原则|工作目标|主要目标|总体目标|目标任务|工作原则|适用范围|编制依据")


def ledger(graph, text_of=None, documents=None) -> list[dict]:
    """One row per owned unit of work, and per other Task outside a plan's preamble (指导思想, 工作目标).
    ``text_of(doc)`` (a store's ``document_text``) makes 出处 a paragraph number; without it, the item's
    position in its document's list. ``documents``: only these documents' rows (all when None)."""
    v = view(graph)
    c = v.columns
    work = np.zeros(len(c.ids), bool)
    work[c.work] = True
    rows = []
    paragraphs: dict[str, list[int]] = {}
    chosen = range(len(c.documents)) if documents is None else \
        sorted(at for at, doc in enumerate(c.documents) if doc in set(documents))
    for doc_at in chosen:
        doc_items = v.doc_items(c.documents[doc_at])
        v.prefetch(doc_items)
        rows += _ledger_rows(v, doc_items, work, text_of, paragraphs)
    return rows


def _ledger_rows(v, items, work, text_of, paragraphs) -> list[dict]:
    rows = []
    for item in items:
        if not work[v.row(item)] and (v.type(item) != "Task" or _in_preamble(v, item)):
            continue
        data = v.data[item]
        doc = v.data[data["doc"]]
        problem = v.problem_of(item)
        owners = v.effective_owners(item)
        kind, due, proof = v.deadline(item)
        named = [owner.evidence["sentence"] for owner in owners if owner.evidence.get("sentence")]
        title = doc.get("title") or os.path.basename(doc.get("path") or "") or doc.get("doc_no")
        rows.append({
            "document": title, "doc_no": doc.get("doc_no"),
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
            "status": data.get("status"), "doc": data["doc"], "span": data["span"],
            "where": f"{_short(title, 20)}·{_paragraph(text_of, data['doc'], data['span'][0], paragraphs)}",
            "evidence": named[0] if named else data.get("sentence"),
        })
    return rows


def _in_preamble(v, item: str) -> bool:
    return any(PREAMBLE.search(v.label(node) + (v.data[node].get("text") or "")[:12])
               for node in (item, *v.ancestors(item)))


def paragraph_starts(text: str) -> list[int]:
    """Where each paragraph (non-empty line) of a shown text starts: read once per document."""
    return [m.start() for m in re.finditer(r"[^\n]*\S[^\n]*", text)]


def paragraph_number(starts: list[int], offset: int) -> int:
    """The paragraph an offset falls in (1 for text before the first), from ``paragraph_starts``."""
    return max(1, bisect_right(starts, offset))


def _paragraph(text_of, doc: str, offset: int, cache: dict) -> str:
    """"第12段": the paragraph (non-empty line) of the shown text the offset falls in."""
    if text_of is None:
        return "原文"
    if doc not in cache:
        cache[doc] = paragraph_starts(text_of(doc) or "")
    return f"第{paragraph_number(cache[doc], offset)}段"


def _short(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[:limit] + "…"


def sheet_values(row: dict, number: int) -> list:
    """A ledger row as the sheet shows it: Chinese values (no TRUE/FALSE, no English kinds), a real date."""
    shown = dict(row, number=number,
                 owners_inherited="是" if row.get("owners_inherited") else None,
                 deadline_kind=DEADLINE_KIND_ZH.get(row.get("deadline_kind"), row.get("deadline_kind")),
                 status=STATUS_ZH.get(row.get("status"), "未报告"),
                 deadline_date=_date(row.get("deadline_date")), review=None)
    return [shown.get(key) for key in COLUMNS]


def _date(value):
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return value


# XML 1.0 (and so xlsx and GraphML) allows tab, newline and carriage return among the control characters, no other
XML_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _safe(value):
    return XML_FORBIDDEN.sub("", value) if isinstance(value, str) else value


def _cell(value):
    if isinstance(value, date):
        return value
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
    book = _book("台账", list(COLUMNS.values()), (sheet_values(row, n) for n, row in enumerate(rows, 1)))
    _atomically(target, book.save)


def write_sheet(title: str, header: list[str], rows, target) -> None:
    """Any table (the app's 问题线索) as a sheet kept the same way as the 台账."""
    _atomically(target, _book(title, header, rows).save)


def _book(title: str, header: list[str], rows):
    """A sheet an inspector keeps: bold frozen header, column widths, an auto-filter, wrapped text, dates as
    Excel dates."""
    from openpyxl import Workbook  # only exports need it
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter
    book = Workbook()
    sheet = book.active
    sheet.title = title
    sheet.append(header)
    wrap = Alignment(wrap_text=True, vertical="top")
    for values in rows:
        sheet.append([_cell(value) for value in values])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for column, name in enumerate(header, 1):
        sheet.column_dimensions[get_column_letter(column)].width = WIDTHS.get(name, 16)
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = wrap
            if isinstance(cell.value, date):
                cell.number_format = "yyyy-mm-dd"
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions
    return book


def write_csv(rows: list[dict], target) -> None:
    """UTF-8 with a byte-order mark: Excel on a Chinese Windows reads it as UTF-8, not GBK."""
    def write(path):
        with open(path, "w", encoding="utf-8-sig", newline="") as out:
            writer = csv.writer(out)
            writer.writerow(COLUMNS.values())
            for n, row in enumerate(rows, 1):
                writer.writerow(["" if value is None else _cell(value) for value in sheet_values(row, n)])
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
