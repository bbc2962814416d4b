"""Tables that reach us flattened, rebuilt from their header and their row numbers.

Two forms, both common in pages copied to text:
  one cell per line   序号 / 项目内容 / 牵头单位 / 备注 each on a line (blank lines or a trailing "|" between),
                      then 1 / <task> / <unit> / <note> …
  space-separated     "… 序号 名称 工作任务 牵头责任单位" then rows "1 <task text> 发改委": the cells are
                      separated by single spaces, so only the trailing cells that fit their column are cut off.
A careful clerk reads them the same way: the header says what each column is; a row starts at the next
row number; a section row (一、…) between rows is a heading, not a row; an empty cell is simply missing, so
cells are matched to the columns they fit.
"""
from __future__ import annotations

import re

from .deadlines import looks_like_deadline
from .persons import split_person_list
from .structure import Item, line_spans
from .tables import Cell, column_role, row_task
from .units import all_units, split_unit_list

HEADER_WORD = re.compile(r"^(?=.*[\u4e00-\u9fff]{2})[\u4e00-\u9fff()、/\d\- ]{2,14}$")
ROW_NUMBER = re.compile(r"^\d{1,3}$")
SECTION_ROW = re.compile(r"^(?:[一二三四五六七八九十]{1,3}[、.]|\([一二三四五六七八九十]{1,3}\)|第[一二三四五六七八九十]+[部分章节类])")
OWNER_ROLES = ("lead", "responsible", "assist")
TABLE_END = re.compile(r"^(?:附件\s*\d*|序号|编号)$")     # the next attachment or table begins


def _is_units(cell: str) -> bool:
    return all_units(split_unit_list(cell))


def _fit_score(role: str | None, cell: str) -> float:
    """How well a cell reads as a value of a column of this role (higher is better; below -4 never)."""
    cell = cell.strip()
    units = _is_units(cell)
    person = not units and bool(split_person_list(cell)) and len(cell) <= 20
    if role in OWNER_ROLES:
        return 3 if units else -5
    if role == "person":
        return 3 if person else -5
    if role == "deadline":
        return 2 if looks_like_deadline(cell) else (-1 if len(cell) <= 8 else -5)
    if role == "number":
        return 1 if ROW_NUMBER.match(cell) else -5
    if role == "progress":
        return 1 if re.search(r"%|完成|推进|进展|开工|已|正在", cell) else 0
    if role == "task":
        return -2 if units or person else (1 if len(cell) > 8 else 0)
    return -1 if units or person else 0


def _fits(role: str | None, cell: str) -> bool:
    return _fit_score(role, cell) > -4


def _is_header(cells: list[str]) -> bool:
    roles = [column_role(c) for c in cells]
    return (len(cells) >= 3 and all(HEADER_WORD.match(c) for c in cells)
            and any(r in OWNER_ROLES for r in roles) and any(r in ("task", "number") for r in roles))


def _assign(roles: list[str | None], cells: list[tuple[str, int]]) -> list[tuple[str | None, str, int]]:
    """Match a row's cells (without its number) to the data columns they fit, in order: an empty cell is
    a skipped column, so the best monotone alignment is taken; surplus lines (a wrapped cell) join the
    task column."""
    if len(cells) > len(roles) and "task" in roles:
        t = roles.index("task")
        after = len(roles) - t - 1
        head, tail = cells[:t], cells[len(cells) - after:] if after else []
        middle = cells[t:len(cells) - after]
        out = [(r, c, at) for r, (c, at) in zip(roles[:t], head)]
        out += [("task", c, at) for c, at in middle]
        out += [(r, c, at) for r, (c, at) in zip(roles[t + 1:], tail)]
        return out
    n, m = len(cells), len(roles)
    NEG = float("-inf")
    best = [[NEG] * (m + 1) for _ in range(n + 1)]
    back = [[None] * (m + 1) for _ in range(n + 1)]
    for j in range(m + 1):
        best[0][j] = 0
    for i in range(1, n + 1):
        for j in range(i, m + 1):
            skip = best[i][j - 1]
            take = best[i - 1][j - 1] + _fit_score(roles[j - 1], cells[i - 1][0])
            best[i][j], back[i][j] = (take, "take") if take > skip else (skip, "skip")   # ties: the earlier column
    out, i, j = [], n, m
    while i > 0 and j > 0:
        if back[i][j] == "take":
            out.append((roles[j - 1], *cells[i - 1]))
            i -= 1
        j -= 1
    return list(reversed(out))


def _cells_of(text: str, line: str, pos: int) -> tuple[str, int] | None:
    stripped = line.strip().rstrip("|").strip()
    if not stripped:
        return None
    return stripped, pos + line.index(stripped[0])


def _cell(role: str | None, cell: str, at: int) -> Cell:
    return role, cell, list(range(at, at + len(cell)))


def _cell_per_line(text: str, items: list[Item]) -> list[Item]:
    cells = [c for pos, line in line_spans(text) if (c := _cells_of(text, line, pos))]
    tasks: list[Item] = []
    i = 0
    while i < len(cells):
        width = 0
        while (i + width < len(cells) and HEADER_WORD.match(cells[i + width][0]) and width < 12
               and not SECTION_ROW.match(cells[i + width][0])):
            width += 1
        if column_role(cells[i][0]) is None or width < 3 or not _is_header([c for c, _ in cells[i:i + width]]):
            i += 1
            continue
        roles = [column_role(c) for c, _ in cells[i:i + width]]
        j = i + width
        if roles[0] == "number":
            j = _numbered_rows(cells, j, roles, items, tasks)
        else:
            j = _chunked_rows(cells, j, roles, items, tasks)
        i = max(j, i + 1)
    return tasks


def _numbered_rows(cells, j, roles, items, tasks) -> int:
    expected = None
    while j < len(cells):
        cell, at = cells[j]
        if SECTION_ROW.match(cell):
            j += 1
            continue
        if not ROW_NUMBER.match(cell) or (expected is not None and int(cell) != expected):
            break
        number = int(cell)
        k = j + 1
        while k < len(cells) and k - j <= 2 * len(roles) and not (
                ROW_NUMBER.match(cells[k][0]) and int(cells[k][0]) == number + 1) \
                and not SECTION_ROW.match(cells[k][0]) and not TABLE_END.match(cells[k][0]):
            k += 1
        row = [_cell("number", cell, at)] + [_cell(*c) for c in _assign(roles[1:], cells[j + 1:k])]
        if (task := row_task(row, items)):
            tasks.append(task)
        expected, j = number + 1, k
    return j


def _chunked_rows(cells, j, roles, items, tasks) -> int:
    width = len(roles)
    while j + width <= len(cells):
        chunk = cells[j:j + width]
        if not all(_fits(r, c) for r, (c, _) in zip(roles, chunk) if r in OWNER_ROLES):
            break
        if (task := row_task([_cell(r, c, at) for r, (c, at) in zip(roles, chunk)], items)):
            tasks.append(task)
        j += width
    return j


def _space_separated(text: str, items: list[Item]) -> list[Item]:
    tasks: list[Item] = []
    lines = list(line_spans(text))
    for n, (pos, line) in enumerate(lines):
        if "\t" in line or "|" in line or "  " in line.strip():
            continue            # tab, bar and space-aligned tables are read by tables.py
        tokens = line.split()
        width = 0
        while width < len(tokens) and HEADER_WORD.match(tokens[len(tokens) - 1 - width]) and width < 8:
            width += 1
        header = tokens[len(tokens) - width:]
        while header and column_role(header[0]) != "number":
            header = header[1:]
        if len(header) < 3 or not _is_header(header):
            continue
        roles = [column_role(h) for h in header]
        owner_role = next((r for r in roles if r in OWNER_ROLES), None)
        expected, row = None, None
        for rpos, row_line in lines[n + 1:]:
            stripped = row_line.strip()
            if not stripped or (SECTION_ROW.match(stripped) and expected is not None):
                continue
            m = re.match(r"(\d{1,3})\s+(\S.*)$", stripped)
            if not m or (expected is not None and int(m.group(1)) != expected):
                if expected is None:
                    continue    # lines between the header and the first row (a section title)
                if row is not None and len(stripped) <= 40 and " " not in stripped:
                    # a cell that wrapped onto lines of its own: one more owner, or the row's last cell
                    at = rpos + row_line.index(stripped[0])
                    if _is_units(stripped):
                        row.append(_cell(owner_role, stripped, at))
                    continue
                break
            if row is not None and (task := row_task(row, items)):
                tasks.append(task)
            expected = int(m.group(1)) + 1
            at = rpos + row_line.index(stripped[0])
            row = [_cell("number", m.group(1), at)] + _trailing_cells(roles[1:], m.group(2), at + m.start(2))
        if row is not None and (task := row_task(row, items)):
            tasks.append(task)
    return tasks


def _trailing_cells(roles: list[str | None], rest: str, at: int) -> list[Cell]:
    """Cut the cells of the columns after the task off the end of a row, one space-separated token a
    column from the right (an owner or deadline token only where it fits); what remains is the task.
    Without an owner that fits, the row is read as task text alone."""
    t = roles.index("task") if "task" in roles else 0
    out: list[Cell] = []
    end = len(rest)
    owner_found = False
    for role in reversed(roles[t + 1:]):
        cut = rest.rfind(" ", 0, end)
        if cut < 0:
            break
        piece = rest[cut + 1:end]
        if role in OWNER_ROLES or role in ("deadline", "person"):
            if not _fits(role, piece):
                continue
            owner_found |= role in OWNER_ROLES
        elif not owner_found and _is_units(piece):
            continue            # the owner cell ends this line: the later cell wrapped onto a line below
        out.append(_cell(role, piece, at + cut + 1))
        end = cut
    if not owner_found and any(r in OWNER_ROLES for r in roles[t + 1:]):
        return [_cell("task", rest.rstrip(), at)]
    body = rest[:end].rstrip()
    return [_cell("task", body, at)] + list(reversed(out))


# Any header names an owner column: a cheap test that spares documents with no table the line scans.
OWNER_COLUMN = re.compile(r"(?:单位|部门|领导|责任人)[^\S\n]*\|?[^\S\n]*$", re.M)
ROW_NUMBER_HEADER = re.compile(r"(?:^|\s)(?:序号|编号)(?:\s|$)")


def flat_table_tasks(text: str, items: list[Item]) -> list[Item]:
    if not OWNER_COLUMN.search(text) and not ROW_NUMBER_HEADER.search(text):
        return []
    return _cell_per_line(text, items) + _space_separated(text, items)
