"""Text tables (tab-, bar- or box-drawn, or space-aligned) whose header names 牵头/责任 columns: a row a task.

Word and web tables reach us as one row a line with tab or | between cells; box-drawn tables (│ ├─┼─┤)
may wrap a cell over several lines between two border lines, so cells are gathered per column.
"""
from __future__ import annotations

import re

from .owners import OwnerSpec
from .structure import Item, line_spans
from .units import split_unit_list

SEPARATOR = re.compile(r"\t+|\s*[|│┃]\s*|\s{2,}")
BAR = re.compile(r"[|│┃]")
TAB = re.compile(r"\t")
SPACES = re.compile(r"\s{2,}")
BORDER = re.compile(r"^[\s├┼┤┌┐└┘┬┴─━│|+=\-—┏┓┗┛┣┫┳┻╋┠┨┯┷╂]+$")
COLUMNS = [  # (role, header pattern) — first match wins, so 牵头 is tried before 责任
    ("number", re.compile(r"^(?:序号|编号|序)$")),
    ("lead", re.compile(r"牵头")),
    ("assist", re.compile(r"配合|协办|协助|参与")),
    ("responsible", re.compile(r"责任(?:单位|部门)|负责(?:单位|部门)|主责|承办|落实单位")),
    ("deadline", re.compile(r"时限|时间|期限|节点")),
    ("task", re.compile(r"任务|措施|内容|事项|问题|工作|目标")),
]


def _cells(line: str, offset: int) -> list[tuple[str, int]]:
    """Cells of one table line with their offsets. Tabs and bars split strictly (a blank cell stays a
    cell, so wrapped box rows keep their columns); otherwise two or more spaces separate cells."""
    if "\t" in line:
        return [(c, offset + p) for c, p in _split(line, TAB)]
    if BAR.search(line):
        inner_start = len(line) - len(line.lstrip())
        inner_start += 1 if line[inner_start:inner_start + 1] and BAR.match(line[inner_start]) else 0
        body = line.rstrip()
        body = body[:-1] if body and BAR.match(body[-1]) else body
        return [(cell, offset + inner_start + pos) for cell, pos in _split(body[inner_start:], BAR)]
    stripped = line.lstrip()
    return [(c, offset + len(line) - len(stripped) + p) for c, p in _split(stripped.rstrip(), SPACES)]


def _split(text: str, splitter: re.Pattern) -> list[tuple[str, int]]:
    cells, pos = [], 0
    for m in splitter.finditer(text):
        cells.append((text[pos:m.start()], pos))
        pos = m.end()
    cells.append((text[pos:], pos))
    return cells


def _header_roles(cells: list[tuple[str, int]]) -> dict[int, str] | None:
    roles = {}
    for i, (cell, _) in enumerate(cells):
        cell = cell.strip()
        if len(cell) > 12:
            return None
        for role, pattern in COLUMNS:
            if pattern.search(cell):
                roles.setdefault(i, role)
                break
    has_owner = any(r in ("lead", "responsible") for r in roles.values())
    return roles if has_owner and len(cells) >= 2 else None


def _rows(lines: list[tuple[int, str]], width: int, boxed: bool):
    """Yield rows as lists of (cell text, [offset of each char]) from the lines after a header."""
    row: list[list] | None = None
    for pos, line in lines:
        if not line.strip():
            if not boxed and row:
                yield row
                row = None
            continue
        if BORDER.match(line):
            if row:
                yield row
            row = None
            continue
        cells = _cells(line, pos)
        if len(cells) < 2:
            break
        if row is None or not boxed:
            if row:
                yield row
            row = [["", []] for _ in range(width)]
        for i, (cell, at) in enumerate(cells[:width]):
            row[i][0] += cell
            row[i][1] += list(range(at, at + len(cell)))
    if row:
        yield row


def _mentions(cell: tuple[str, list[int]]):
    text, offsets = cell
    found = split_unit_list(text, 0)
    for m in found:
        m.start, m.end = offsets[m.start], offsets[m.end - 1] + 1
    return found


def table_tasks(text: str, items: list[Item]) -> list[Item]:
    tasks: list[Item] = []
    lines = list(line_spans(text))
    i = 0
    while i < len(lines):
        pos, line = lines[i]
        roles = _header_roles(_cells(line, pos)) if SEPARATOR.search(line.strip()) else None
        if not roles:
            i += 1
            continue
        width = len(_cells(line, pos))
        body = []
        j = i + 1
        boxed = bool(BAR.search(line)) and any(BORDER.match(l) for _, l in lines[j:j + 2])
        while j < len(lines):
            npos, nline = lines[j]
            if not nline.strip():
                if not boxed:
                    break        # a line-per-row table ends at the first blank line
            elif not BORDER.match(nline) and (len(_cells(nline, npos)) < 2 or _header_roles(_cells(nline, npos))):
                break
            body.append(lines[j])
            j += 1
        for row in _rows(body, width, boxed):
            offsets = [o for _, offs in row for o in offs]
            if not offsets or not any(cell.strip() for cell, _ in row):
                continue
            spec = OwnerSpec(start=min(offsets), end=max(offsets) + 1)
            number = None
            for col, role in roles.items():
                if col >= len(row) or not row[col][0].strip():
                    continue
                if role == "lead":
                    spec.lead += _mentions(row[col])
                elif role in ("responsible", "assist"):
                    for m in _mentions(row[col]):
                        (spec.lead.append(m) if m.marked_lead else spec.responsible.append((m, role)))
                elif role == "deadline":
                    raw, offs = row[col][0].strip(), row[col][1]
                    k = row[col][0].index(raw)
                    spec.deadline = (raw, offs[k], offs[k + len(raw) - 1] + 1)
                elif role == "number":
                    number = row[col][0].strip()
            parent = next((it for it in reversed(items) if it.start <= spec.start < it.end), None)
            if not any(cell.strip() for col, (cell, _) in enumerate(row) if roles.get(col) != "number"):
                continue
            task = Item(id="", rank=(parent.rank + 0.5) if parent else 6, number=number, value=None,
                        start=spec.start, end=spec.end, parent=parent, from_block=True)
            task.owners = spec if (spec.lead or spec.responsible or spec.deadline) else None
            if parent:
                parent.children.append(task)
                parent.children.sort(key=lambda c: c.start)
            tasks.append(task)
        i = j
    return tasks
