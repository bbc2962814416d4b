"""Tables that reach us flattened, rebuilt from their header and their row numbers.

Two forms, both common in pages copied to text:
  one cell per line   序号 / 项目内容 / 牵头单位 / 备注 each on a line (blank lines or a trailing "|" between),
                      then 1 / <task> / <unit> / <note> …
  space-separated     "… 序号 名称 工作任务 牵头责任单位" then rows "1 <task text> 发改委": the cells are
                      separated by single spaces, so only the trailing cells that fit their column are cut off.
  bar-led rows        a web table whose cells each begin a line with "|" and whose rows end on a bare "|":
                      "市政⏎府办⏎公厅⏎| <task>⏎| <units>⏎|". A cell may wrap over lines (a name printed
                      vertically); a row with fewer cells than the header lost the cells merged down from a
                      row above (HTML rowspan), so those columns carry down.
  glued cells         a web table copied with nothing between its cells: the header "类别序号重点督办内容牵头单位"
                      on one line, rows "<category>1<task>。区发展改革委<progress>". The row number counts
                      up from 1; the task cell ends with its sentence, and the owner cell is the unit
                      name right after it.
A careful clerk reads them the same way: the header says what each column is; a row starts at the next
row number; a section row (一、…) between rows is a heading, not a row; an empty cell is simply missing, so
cells are matched to the columns they fit.
"""
from __future__ import annotations

import re

from .deadlines import looks_like_deadline
from .persons import reads_as_name, split_person_list
from .structure import Item, line_spans
from .owners import role_of_label
from .tables import OWNER_ROLES, Cell, _names_owner, column_role, is_separated_header, monotone_alignment, row_task
from .units import all_units, looks_like_unit, split_unit_list

# a header cell: a short phrase of two Han characters or more, letter-spaced ones too ("牵 头 部 门")
# (完成率%: a column of rates; "主  要  工  作  任  务": a head spaced out to its column's width)
HEADER_WORD = re.compile(r"^(?=(?:.*[\u4e00-\u9fff]){2})(?:[\u4e00-\u9fff()、/\d\-%] {0,3}){2,14}$")
ROW_NUMBER = re.compile(r"^\d{1,3}$")
SECTION_ROW = re.compile(r"^(?:[一二三四五六七八九十]{1,3}[、.]|\([一二三四五六七八九十]{1,3}\)|第[一二三四五六七八九十]+[部分章节类])")
SECTION_MARK = re.compile(r"[一二三四五六七八九十]{1,3}|\([一二三四五六七八九十]{1,3}\)")
TABLE_END = re.compile(r"^(?:附件\s*\d*|序号|编号)$")     # the next attachment or table begins


def _is_units(cell: str) -> bool:
    return all_units(split_unit_list(cell))


def _fit_score(role: str | None, cell: str) -> float:
    """How well a cell reads as a value of a column of this role (higher is better; below -4 never)."""
    cell = cell.strip()
    units = _is_units(cell)
    person = not units and bool(people := split_person_list(cell)) and len(cell) <= 20 \
        and all(p.title or reads_as_name(p.name) for p in people)     # ("扫黑除恶" is a task's name, no person's)
    if role in OWNER_ROLES or role == OTHER_UNITS:
        return 3 if units else -5
    if role == "person":
        return 3 if person else -5
    if role == "deadline":     # (or the verdict a ledger writes there once met: "已完成")
        return 2 if looks_like_deadline(cell) else 1 if re.match(r"^已(?:经)?(?:完成|达标|销号)", cell) \
            else (-1 if len(cell) <= 8 else -5)
    if role == "number":
        return 1 if ROW_NUMBER.match(cell) else -5
    if role == "progress":
        return 1 if re.search(r"%|完成|推进|进展|开工|已|正在", cell) else 0
    if role == "task":
        return -2 if units or person else (1 if len(cell) > 8 else 0)
    return -1 if units or person else 0


def _fits(role: str | None, cell: str) -> bool:
    return _fit_score(role, cell) > -4


# A column of units in no owner role (评分部门, 数据提供单位): its cells are units, but they answer for nothing.
OTHER_UNITS = "other_units"


def _names_other_units(cell: str) -> bool:
    cell = re.sub(r"\s+", "", cell)
    return len(cell) > 2 and cell.endswith(("单位", "部门")) and role_of_label(cell) == "other" \
        and column_role(cell) not in OWNER_ROLES       # (涉及部门, 职能部门: the bodies the row's duties are)


def header_roles(cells: list[str]) -> list[str | None]:
    """Each header cell's role. A bare 单位 beside a column that names its owners by role (责任部门) is the
    unit of measure of a target (%, 万亩), not an owner; 评分部门 holds units that own nothing."""
    roles = [OTHER_UNITS if _names_other_units(c) else column_role(c) for c in cells]
    named = any(r in OWNER_ROLES and not re.fullmatch(r"单位|部门", re.sub(r"\s+", "", c)) for r, c in zip(roles, cells))
    return [None if named and re.fullmatch(r"单位", re.sub(r"\s+", "", c)) else r for r, c in zip(roles, cells)]


def _is_header(cells: list[str]) -> bool:
    roles = [column_role(c) for c in cells]
    # (a ledger may name only the person who answers: 责任人 | 达标期限; a progress table, no one: 序号 | 任务 | 进展情况,
    # its rows tasks that name no owner)
    return (len(cells) >= 3 and all(HEADER_WORD.match(c) for c in cells)
            and (any(r in (*OWNER_ROLES, "person") for r in roles)
                 or ("task" in roles and "number" in roles and any(r in ("progress", "deadline") for r in roles)))
            and any(r in ("task", "number") for r in roles))


def _assign(roles: list[str | None], cells: list[tuple[str, int]]) -> list[tuple[str | None, str, int]]:
    """Match a row's cells (without its number) to the data columns they fit, in order: an empty cell is
    a skipped column, so the best monotone alignment is taken; surplus lines (a wrapped cell) join the
    task column."""
    if len(cells) > len(roles) and all(_fit_score(r, c) > 0 for r, (c, _) in zip(roles, cells)):
        # a whole row, then a second line of it under the same number (开工建设X。 单位 5月底前 / 开工建设Y。 12月底前)
        return [(r, c, at) for r, (c, at) in zip(roles, cells)]
    if len(cells) > len(roles) and "task" in roles:
        t = roles.index("task")
        after = len(roles) - t - 1
        head, tail = cells[:t], cells[len(cells) - after:] if after else []
        middle = cells[t:len(cells) - after]
        out = [(r, c, at) for r, (c, at) in zip(roles[:t], head)]
        out += [("task", c, at) for c, at in middle]
        out += [(r, c, at) for r, (c, at) in zip(roles[t + 1:], tail)]
        return out
    cells = cells[:len(roles)]      # no task column to take the surplus: the row's first cells are its own
    # (a cell never goes where it cannot be, "安全检查" under 责任领导, while the row fits otherwise)
    return _aligned(roles, cells, strict=True) or _aligned(roles, cells, strict=False)


def _aligned(roles: list[str | None], cells: list[tuple[str, int]], strict: bool) -> list[tuple[str | None, str, int]]:
    """The best monotone alignment of cells to columns; ``strict``: none where a cell cannot go (empty if none)."""
    pairs = monotone_alignment([c for c, _ in cells], roles, _fit_score, strict)
    return [] if pairs is None else [(roles[j], *cells[i]) for i, j in pairs]


def _cells_of(text: str, line: str, pos: int) -> tuple[str, int] | None:
    stripped = line.strip().rstrip("| ").strip()     # "责任单位 | ||": a cell, then the empty cells after it
    if not stripped:
        return None
    return stripped, pos + line.index(stripped[0])


def _cell(role: str | None, cell: str, at: int) -> Cell:
    return role, cell, list(range(at, at + len(cell)))


def _header_line_cells(cell: tuple[str, int]) -> list[tuple[str, int]]:
    """A header row left on one line, its cells cut by single spaces, above rows flattened one cell per line
    ("序号 涉及部门 职责分工⏎1⏎市教育局⏎负责…"): its cells, each a column's name; any other line is one cell."""
    words = cell[0].split(" ")
    if len(words) < 3 or any(len(w) < 2 for w in words) or column_role(words[0]) != "number" \
            or not all(column_role(w) for w in words):
        return [cell]
    found, at = [], 0
    for w in words:
        at = cell[0].index(w, at)
        found.append((w, cell[1] + at))
        at += len(w)
    return found


def _cell_per_line(text: str, items: list[Item]) -> list[Item]:
    cells = [part for pos, line in line_spans(text) if (c := _cells_of(text, line, pos))
             for part in (_header_line_cells(c) if " " in c[0] else [c])]
    tasks: list[Item] = []
    i = 0
    while i < len(cells):
        width = _header_width(cells, i)
        number_at = next((k for k in range(1, width) if column_role(cells[i + k][0]) == "number"), 0)
        if number_at:       # a header starts at its 序号: the short title line above it is no column
            i = i + number_at
            width = _header_width(cells, i)
            if width > 3 and column_role(cells[i + width - 1][0]) is None and i + width < len(cells) \
                    and cells[i + width][0] == "1":
                width -= 1      # nor is the first row's category ("考核项目|序号|…|评分部门" then "农业高质高效", "1")
        if column_role(cells[i][0]) is None or width < 3 or not _is_header([c for c, _ in cells[i:i + width]]):
            i += 1
            continue
        roles = header_roles(_joined_header([c for c, _ in cells[i:i + width]]))
        # a header of two rows: the cells after 备注, which closes the first, name the parts of a work cell above them
        # ("重点工作 … 责任人 ⏎ 备注 ⏎ 工作内容 ⏎ 主要任务"); the rows fill the first row's columns
        remarks = next((k for k, (c, _) in enumerate(cells[i:i + width]) if c == "备注"), None)
        if remarks is not None and remarks < width - 1 and "task" in roles[:remarks] \
                and all(role in ("task", None) for role in header_roles(_joined_header(
                    [c for c, _ in cells[i + remarks + 1:i + width]]))):
            roles = header_roles(_joined_header([c for c, _ in cells[i:i + remarks + 1]]))
        if roles[0] == "number" and "task" not in roles:
            roles.insert(1, "task")     # the work's column has a blank head ("序号⏎ ⏎牵头单位⏎责任单位…")
        j = i + width
        if roles[0] == "number":
            j = _numbered_rows(text, cells, j, roles, items, tasks)
        elif any(c == "1" for c, _ in cells[j:j + 3]):
            j = _bare_numbered_rows(cells, j, roles, items, tasks)
        elif any(ROW_MARK.match(c) and ROW_MARK.match(c).group(1) == "1" for c, _ in cells[j - 1:j + 3]):
            j = _marked_rows(cells, j, roles, items, tasks)
        else:
            # rows counted off by the header's width; where fewer than two come out so, rows paired work to owner
            rows, end = _chunked_rows(cells, j, roles)
            if len(rows) < 2 and len((paired := _paired_rows(cells, j, roles))[0]) >= 2:
                rows, end = paired
            tasks += [task for row in rows if (task := row_task(row, items))]
            j = end
        i = max(j, i + 1)
    return tasks


def _header_width(cells: list[tuple[str, int]], i: int) -> int:
    """How many cells from i read as header words (at most 12)."""
    width = 0
    while (i + width < len(cells) and HEADER_WORD.match(cells[i + width][0]) and width < 12
           and not SECTION_ROW.match(cells[i + width][0]) and not ROW_MARK.match(cells[i + width][0])
           and not ROW_LABEL.match(cells[i + width][0])):
        width += 1
    return width


def _joined_header(cells: list[str]) -> list[str]:
    """Header cells wrapped over two lines made whole again: "开工⏎时间", "竣工⏎时间", "总投资⏎(万元)",
    "市政府⏎分管领导". A line that is only a bracketed qualifier, or only 时间/日期 after a cell with no role of its own,
    ends the cell above; so does a cell with a role under a body's name (their join keeps that role)."""
    out: list[str] = []
    for cell in cells:
        if out and (re.fullmatch(r"\([^()]{1,8}\)", cell)
                    or (re.fullmatch(r"时间|日期", cell) and column_role(out[-1]) is None)
                    # "牵头责任⏎单位": the head noun of a role's cell wrapped onto a line of its own
                    or (re.fullmatch(r"单位|部门|领导|时限", cell) and re.search(r"(?:牵头|责任|配合|协同|协办|主办)$", out[-1]))
                    # "市政府⏎分管领导": a body's name with no role of its own heads the cell under it
                    or (column_role(out[-1]) is None and looks_like_unit(out[-1])
                        and (role := column_role(cell)) is not None
                        and role != "number" and column_role(out[-1] + cell) == role)):
            out[-1] += cell
        else:
            out.append(cell)
    return out


def _plain_units(cell: str) -> bool:
    """One unit name alone in its cell ("迁建县政务服务中心。" is a task; "A、B" a cell of its own)."""
    return _is_units(cell) and not re.search(r"[。,;!?、]", cell)


def _listing_on(cell: str) -> bool:
    """A unit list broken after its delimiter ("区投促局、⏎大观园街道办事处"): it goes on in the next cell."""
    stripped = cell.rstrip()
    return stripped.endswith("、") and _is_units(stripped[:-1])


def _unit_runs(text: str, cells: list[tuple[str, int]]) -> list[tuple[str, int]]:
    """Consecutive cells that each name a unit are one owner cell wrapped over lines ("县水务局⏎县住建局")."""
    out: list[tuple[str, int]] = []
    for cell, at in cells:
        if out and _plain_units(cell) and (_plain_units(out[-1][0]) or _listing_on(out[-1][0])) \
                and out[-1][0] == text[out[-1][1]:out[-1][1] + len(out[-1][0])]:
            start = out[-1][1]
            out[-1] = (text[start:at + len(cell)], start)
        else:
            out.append((cell, at))
    return out


def _numbered_rows(text, cells, j, roles, items, tasks) -> int:
    expected, sectioned, jumped = None, False, False
    above: list[Cell] = []          # the owner and leader cells of the last row that had them
    while j < len(cells):
        cell, at = cells[j]
        if SECTION_MARK.fullmatch(cell) and j + 1 < len(cells) and not ROW_NUMBER.match(cells[j + 1][0]):
            j, sectioned = j + 2, True      # a section row in two cells: "一 ⏎ 主要任务", "(二) ⏎ 增强依法治理能力"
            continue
        if SECTION_ROW.match(cell):
            j, sectioned = j + 1, True
            continue
        if expected is None and j + 1 < len(cells) and not ROW_NUMBER.match(cell) \
                and (SECTION_MARK.fullmatch(cells[j + 1][0]) or cells[j + 1][0] == "1"):
            j, sectioned = j + 1, True      # a category row with no mark of its own over the first section
            continue
        # (a table of one body's share of a longer list keeps the list's numbers: after a section row they may
        # jump, "一、… 3 … 六、… 68 …", or start again at 1, but never go back otherwise)
        if not ROW_NUMBER.match(cell) or (expected is not None and int(cell) != expected
                                          and not (sectioned and (int(cell) > expected or int(cell) == 1))
                                          and not jumped):
            break
        sectioned = False
        number = int(cell)
        # "1 ⏎ 一、主要预期目标 ⏎ 1.地区生产总值 ⏎ …": the section's cell, merged down its rows, opens its first row
        first = j + 2 if j + 2 < len(cells) and SECTION_ROW.match(cells[j + 1][0]) and ROW_MARK.match(cells[j + 2][0]) \
            else j + 1
        k = first
        jumped = False
        subrows = 0
        # (a row runs on while it lists units, one a line: a long 协同单位 list wraps over many lines)
        while k < len(cells) and (k - j <= 2 * len(roles) * max(1, subrows) or _plain_units(cells[k][0])) and not (
                ROW_NUMBER.match(cells[k][0]) and int(cells[k][0]) == number + 1) \
                and not SECTION_ROW.match(cells[k][0]) and not TABLE_END.match(cells[k][0]) \
                and not (SECTION_MARK.fullmatch(cells[k][0]) and k - j >= len(roles) - 1):
            # or without a section row, once this row has its cells, to a larger number whose work follows it
            # ("6 ⏎ <work> ⏎ 经管站 ⏎ 2023年底 ⏎ … ⏎ 52 ⏎ 建成高标准农田…")
            if ROW_NUMBER.match(cells[k][0]) and int(cells[k][0]) > number + 1 and k - j >= len(roles) - 1 \
                    and k + 1 < len(cells) and len(cells[k + 1][0]) > 8 and not ROW_NUMBER.match(cells[k + 1][0]):
                jumped = True
                break
            subrows += bool(SUB_ROW.match(cells[k][0]))
            k += 1
        own = cells[first:k]
        if subrows >= 2 and _sub_rows(cell, at, own, roles, items, tasks):
            expected, j = number + 1, k
            continue
        own = _two_owner_columns(text, own, roles)
        if len(own) > len(roles) - 1:       # more cells than columns: a cell wraps
            # (a last column of units that own nothing, 评分部门, keeps its own cell: the owner cell before it wraps)
            last = 1 if roles[-1] == OTHER_UNITS and own and _plain_units(own[-1][0]) else 0
            own = _unit_runs(text, own[:len(own) - last]) + own[len(own) - last:]
        numbered = [_cell("number", cell, at)]
        row = (numbered if first == j + 1 else []) + [_cell(*c) for c in _assign(roles[1:], own)]
        owning = [c for c in row if _names_owner(c)]
        # a row short of cells that names no owner lies under the owner and leader cells merged down from the row
        # above ("1 ⏎ 章平 ⏎ <项目> ⏎ 纪工委 ⏎ … ⏎ 2 ⏎ <项目> ⏎ …")
        carried = above if not owning and len(own) < len(roles) - 1 else []
        if first > j + 1:
            carried = numbered + carried        # its number, before the section's cell, lies outside its span
        if (task := row_task(row, items, carried, text)):
            tasks.append(task)
        above = owning or above
        expected, j = number + 1, k
    return j


def _two_owner_columns(text: str, own: list[tuple[str, int]], roles: list[str | None]) -> list[tuple[str, int]]:
    """A row ending in units one a line, under a 牵头单位 column and a 协同单位 after it ("区卫健局⏎源东乡⏎区发改局"):
    the first line is the lead's cell, the lines after it the other column's one cell."""
    if len(roles) < 3 or roles[-2] not in OWNER_ROLES or roles[-1] not in OWNER_ROLES or roles[-2] == roles[-1]:
        return own
    run = 0
    while run < len(own) and _plain_units(own[len(own) - 1 - run][0]):
        run += 1
    if run < 3:
        return own
    first, rest = own[len(own) - run], own[len(own) - run + 1:]
    start, end = rest[0][1], rest[-1][1] + len(rest[-1][0])
    return own[:len(own) - run] + [first, (text[start:end], start)]


SUB_ROW = re.compile(r"^\((\d{1,2})\)")


def _sub_rows(cell, at, own, roles, items, tasks) -> bool:
    """A numbered row whose first cell is a category merged down over sub-rows marked (1), (2)…, each with its own
    work, persons and owners ("1 ⏎ 四大功能区建设 ⏎ (1)老城复兴… ⏎ 王旭锋 ⏎ 住建局 ⏎ 新闸街道… ⏎ (2)数字经济…"): each
    sub-row is a row of its own under the category."""
    marks = [p for p, (c, _) in enumerate(own) if SUB_ROW.match(c)]
    if not marks or marks[0] != 1 or [int(SUB_ROW.match(own[p][0]).group(1)) for p in marks] != list(
            range(1, len(marks) + 1)):
        return False
    category = own[:1]
    read = 0
    for p, q in zip(marks, marks[1:] + [len(own)]):
        assigned = [_cell(*c) for c in _assign(roles[1:], category + own[p:q])]
        # (the number and the category are the sub-row's by the merge, outside its own span)
        carried = [_cell("number", cell, at)] + [c for c in assigned if c[2][0] == category[0][1]]
        row = [c for c in assigned if c[2][0] != category[0][1]]
        if not row:
            continue
        # (a sub-row that is a numbered item already takes the row's owners as its own: row_task makes no task)
        if row_task(row, items, carried) is not None or any(
                it.start == row[0][2][0] and it.owners is not None for it in items):
            read += 1
    return read > 0


def _bare_numbered_rows(cells, j, roles, items, tasks) -> int:
    """Rows numbered in a column the header does not name, after a category cell merged down over rows
    ("工作任务|具体要求|责任科室|时限要求" then "强化…公开|1|<task>|办公室|年底前|4|<task>|…"): a row runs from its
    number to the next; a cell beyond the data columns before the next number is the next rows' category.
    The first data column with no role of its own (具体要求) holds the row's work."""
    data = list(roles[1:])
    if "task" not in data and None in data:
        data[data.index(None)] = "task"
    elif "task" not in data:        # "工作任务|时限要求|责任单位": the header names the work; the category has no head
        data = list(roles)
    k = next(k for k in range(j, j + 3) if cells[k][0] == "1")
    expected = 1
    while k < len(cells) and ROW_NUMBER.match(cells[k][0]) and int(cells[k][0]) == expected:
        e = k + 1
        while e < len(cells) and e - k <= 2 * len(roles) + 1 and not TABLE_END.match(cells[e][0]) \
                and not (ROW_NUMBER.match(cells[e][0]) and int(cells[e][0]) == expected + 1):
            e += 1
        own = cells[k + 1:e]
        if e < len(cells) and len(own) > len(data):
            own = own[:len(data)]          # the next rows' category cell
        row = [_cell("number", *cells[k])] + [_cell(*c) for c in _assign(data, own)]
        if (task := row_task(row, items)):
            tasks.append(task)
        expected, k = expected + 1, e
    return k


ROW_MARK = re.compile(r"^(\d{1,3})[、.](?!\d)\S")


def _marked_rows(cells, j, roles, items, tasks) -> int:
    """Rows whose number opens their task cell ("1、地区生产总值增长率", then its target, progress and owner
    cells): a row runs to the next number; its owners are the last run of cells that name units (a
    category cell for the rows below may follow them)."""
    owner_role = next((r for r in reversed(roles) if r in OWNER_ROLES), None)
    owner_columns = [r for r in roles if r in OWNER_ROLES]
    k = next(k for k in range(j - 1, j + 3) if ROW_MARK.match(cells[k][0]))
    expected = 1
    while owner_role and k < len(cells):
        if SECTION_ROW.match(cells[k][0]):
            k += 1                  # "(二)做好…" heads the rows below it
            continue
        m = ROW_MARK.match(cells[k][0])
        if not m or int(m.group(1)) != expected:
            break
        e = k + 1
        while e < len(cells) and e - k <= 4 * len(roles) and not TABLE_END.match(cells[e][0]) \
                and not SECTION_ROW.match(cells[e][0]) \
                and not ((n := ROW_MARK.match(cells[e][0])) and int(n.group(1)) == expected + 1):
            e += 1
        rest = cells[k + 1:e]
        units = [n for n, (c, _) in enumerate(rest) if _is_units(c)]
        owners = []
        if units:
            first = units[-1]
            while first > 0 and _is_units(rest[first - 1][0]):
                first -= 1
            owners = rest[first:units[-1] + 1]
        # one unit cell per owner column: read them in the header's order (牵头单位, then 责任单位)
        in_order = owner_columns if len(owners) == len(owner_columns) else [owner_role] * len(owners)
        row = [_cell("task", *cells[k])] + [_cell(role, c, at) for role, (c, at) in zip(in_order, owners)]
        if (task := row_task(row, items)):
            tasks.append(task)
        expected, k = expected + 1, e
    return k


def _chunked_rows(cells, j, roles) -> tuple[list[list[Cell]], int]:
    """The rows read a header's width at a time, while their owner cells fit, and where they end."""
    width = len(roles)
    rows = []
    while j + width <= len(cells):
        chunk = cells[j:j + width]
        if not all(_fits(r, c) for r, (c, _) in zip(roles, chunk) if r in OWNER_ROLES):
            break
        rows.append([_cell(r, c, at) for r, (c, at) in zip(roles, chunk)])
        j += width
    return rows, j


# A row's own label in its first cell, no column's name: a group (第一组), a day (3月14日).
ROW_LABEL = re.compile(r"^(?:第[一二三四五六七八九十\d]{1,3}[组批轮]|\d{1,2}月\d{1,2}日)$")
PAIR_TASK = re.compile(r"[\u4e00-\u9fff]{4}")


def _paired_rows(cells, j, roles) -> tuple[list[list[Cell]], int]:
    """Rows too irregular to count off, in a table whose owner column comes right after its work column (a
    督查行程安排: a group, a day, a time and the inspectors, a variable number of lines, then 督查项目 and its
    项目责任单位): a clerk pairs each work cell with the owner cell right under it and passes over the rest.
    The rows, and where they end; the caller reads them only where two rows pair."""
    t = roles.index("task") if "task" in roles else -1
    if t < 0 or t + 1 >= len(roles) or roles[t + 1] not in OWNER_ROLES:
        return [], j
    found, k, last = [], j + 1, j
    while k < len(cells) and not TABLE_END.match(cells[k][0]):
        work, owner = cells[k - 1], cells[k]
        if _plain_units(owner[0]) and PAIR_TASK.search(work[0]) and not _is_units(work[0]) \
                and not split_person_list(work[0]) and not looks_like_deadline(work[0]):
            found.append([_cell("task", *work), _cell(roles[t + 1], *owner)])
            last, k = k + 1, k + 2
            continue
        if k - last > 2 * len(roles) + 2:
            break           # no pair in more lines than two rows hold: the table has ended
        k += 1
    return found, last


def _space_separated(text: str, items: list[Item]) -> list[Item]:
    tasks: list[Item] = []
    lines = list(line_spans(text))
    for n, (pos, line) in enumerate(lines):
        if "\t" in line or "|" in line or ("  " in line.strip() and is_separated_header(line, pos)):
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
        roles = header_roles(header)
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


SPACED_OWNER_HEAD = re.compile(r"(?:单位|部门)[ \t]+[\u4e00-\u9fff]{2,8}[ \t]")
TOKEN = re.compile(r"\S+")
SENTENCE_STOP = re.compile(r"[。.;;!!]$")
SPACED_HEADER = re.compile(r"(?:^|\s)((?:[\u4e00-\u9fff]{2,8}[ \t]+){2,7}[\u4e00-\u9fff]{2,8})(?=\s|$)")


def _unit_cell(tokens, k) -> tuple[str, list[int], int] | None:
    """The owner cell starting at token k: one token of units, or a name a space broke in two ("县交通 运输局")."""
    word, at = tokens[k]
    if k + 1 < len(tokens):
        more, more_at = tokens[k + 1]
        joined = split_unit_list(word + more)
        if len(more) <= 5 and len(joined) == 1 and looks_like_unit(joined[0].mention) \
                and not looks_like_deadline(more):
            return word + more, [*range(at, at + len(word)), *range(more_at, more_at + len(more))], k + 2
    if _plain_units(word) or (_is_units(word) and not SENTENCE_STOP.search(word)):
        return word, list(range(at, at + len(word))), k + 1
    return None


def _unnumbered_spaced_rows(text: str, items: list[Item]) -> list[Item]:
    """A web table copied with a single space between its cells and no row numbers ("工作任务和内容 责任单位
    配合单位 完成时间 <work>. 县公安局 持续开展 <work>. 县交通 运输局 12月底前完成 …"): each row's work cell
    ends on its sentence stop, the owner cells follow (a name the copy broke with a space made whole), then a
    short time-limit cell, and the next row's work begins. Read only where two rows or more come out so."""
    tasks: list[Item] = []
    for header in SPACED_HEADER.finditer(text):
        words = header.group(1).split()
        roles = [column_role(w) for w in words]
        if "number" in roles:
            continue            # numbered rows are read by _space_separated
        while roles and roles[0] != "task":
            words, roles = words[1:], roles[1:]
        owner_roles = [r for r in roles if r in OWNER_ROLES]
        if len(roles) < 3 or not owner_roles or roles[1] not in OWNER_ROLES \
                or any(w.endswith(("单位", "部门")) and r is None for w, r in zip(words, roles)):
            continue
        tokens = [(m.group(), m.start()) for m in TOKEN.finditer(text, header.end(), header.end() + 20000)]
        rows, work, k = [], [], 0
        while k < len(tokens):
            word, at = tokens[k]
            owner = _unit_cell(tokens, k) if work and SENTENCE_STOP.search(work[-1][0]) else None
            if owner is None:
                work.append(tokens[k])
                k += 1
                if len(work) > 12:
                    break       # no owner after a dozen pieces of text: the table has ended
                continue
            cells = [_cell("task", text[work[0][1]:work[-1][1] + len(work[-1][0])], work[0][1])]
            names, k = [owner], owner[2]
            while len(names) < len(owner_roles) and k < len(tokens) and (more := _unit_cell(tokens, k)):
                names.append(more)
                k = more[2]
            cells += [(role, name, offs) for role, (name, offs, _) in zip(owner_roles, names)]
            if "deadline" in roles and k < len(tokens) and looks_like_deadline(tokens[k][0]):
                cells.append(_cell("deadline", *tokens[k]))
                k += 1
                while k < len(tokens) and len(tokens[k][0]) <= 8 and not re.search(r"[,,。.;;、]", tokens[k][0]):
                    k += 1      # the time-limit cell goes on ("7月底前制定 扬尘治理方案")
            rows.append(cells)
            work = []
        if len(rows) >= 2:
            tasks += [task for row in rows if (task := row_task(row, items))]
    return tasks


def _trailing_cells(roles: list[str | None], rest: str, at: int) -> list[Cell]:
    """Cut the cells of the columns after the task off the end of a row, one space-separated token a
    column from the right (an owner or deadline token only where it fits); what remains is the task.
    Without an owner that fits, the row is read as task text alone."""
    t = roles.index("task") if "task" in roles else 0
    lead_cells: list[Cell] = []
    for role in roles[:t]:
        # a column before the task's ("序号 涉及部门 职责分工" then "1 市公安局 负责…"): the row's first token, where it fits
        token = re.match(r"\S+", rest)
        if role not in OWNER_ROLES or not token or token.end() == len(rest) or not _is_units(token.group()):
            break
        lead_cells.append(_cell(role, token.group(), at))
        skip = len(rest) - len(rest[token.end():].lstrip(" "))
        rest, at = rest[skip:], at + skip
    if lead_cells:
        return lead_cells + _trailing_cells(roles[t:], rest, at)
    out: list[Cell] = []
    end = len(rest)
    owner_found = False
    for role in reversed(roles[t + 1:]):
        cut = rest.rfind(" ", 0, end)
        if cut < 0:
            break
        piece = rest[cut + 1:end]
        if not piece:           # a run of spaces: an empty cell between two tokens ("…推进。   3月底")
            end = len(rest[:cut].rstrip(" "))
            continue
        if role in OWNER_ROLES or role in ("deadline", "person"):
            if not _fits(role, piece):
                continue
            owner_found |= role in OWNER_ROLES
        elif not owner_found and _is_units(piece):
            continue            # the owner cell ends this line: the later cell wrapped onto a line below
        out.append(_cell(role, piece, at + cut + 1))
        end = cut
    if not owner_found and any(r in OWNER_ROLES for r in roles[t + 1:]):
        return _spaced_last_cell(roles, rest, at) or [_cell("task", rest.rstrip(), at)]
    body = rest[:end].rstrip()
    return [_cell("task", body, at)] + list(reversed(out))


def _spaced_last_cell(roles: list[str | None], rest: str, at: int) -> list[Cell] | None:
    """The row again when its last column is free text holding a space ("…增长4.5%。 县工信局 工业增加值增长 11.9%"):
    the owner cell is a token before it, at most three from the end, and the last cell is all that follows."""
    t = roles.index("task") if "task" in roles else 0
    after = roles[t + 1:]
    if len(after) < 2 or after[-1] not in ("progress", None) or after[-2] not in OWNER_ROLES:
        return None
    tokens = [(m.start(), m.group()) for m in re.finditer(r"\S+", rest)]
    for k in range(len(tokens) - 2, max(len(tokens) - 5, 0), -1):
        if _fits(after[-2], tokens[k][1]):
            start = tokens[k + 1][0]
            head = _trailing_cells(roles[:-1], rest[:start].rstrip(), at)
            return head + [_cell(after[-1], rest[start:].rstrip(), at + start)] if len(head) > 1 else None
    return None


BAR_LED = re.compile(r"^[^\S\n]*[|│][^\S\n]*")


def _bar_rows(text: str):
    """Rows of the bar-led form, each a list of cells (text, [offset of each character]); a row is kept
    only once its closing bare "|" is seen, so prose before or after the table is never a row."""
    lines = list(line_spans(text))
    row: list[list] = []
    for n, (pos, line) in enumerate(lines):
        m = BAR_LED.match(line)
        content = line[m.end():] if m else line
        if m and not content.strip():
            following = lines[n + 1][1] if n + 1 < len(lines) else ""
            if row and BAR_LED.match(following) and following.strip(" |│"):
                row.append(["", []])                    # "|" then another bar-led line: an empty cell
            elif row:
                yield [(c, offs) for c, offs in row]
                row = []
            continue
        stripped = content.strip()
        if not stripped:
            continue
        at = pos + len(line) - len(content.lstrip()) if m else pos + line.index(stripped[0])
        if m or not row:
            row.append([stripped, list(range(at, at + len(stripped)))])
        else:                                           # a wrapped line of the same cell
            row[-1][0] += stripped
            row[-1][1] += range(at, at + len(stripped))
        if len(row) > 12 or len(row[-1][0]) > 800:
            row = []                                    # not a table row after all


def _bar_led_rows(text: str, items: list[Item]) -> list[Item]:
    if not re.search(r"^[^\S\n]*[|│][^\S\n]*$", text, re.M):
        return []
    tasks: list[Item] = []
    roles: list[str | None] | None = None
    above: dict[int, tuple] = {}
    for cells in _bar_rows(text):
        words = [re.sub(r"\s+", "", c) for c, _ in cells]
        if len(cells) >= 3 and all(HEADER_WORD.match(w) for w in words) and _is_header(words):
            roles, above = [column_role(w) for w in words], {}
            continue
        if roles is None or len(cells) > len(roles):
            roles = None
            continue
        if len(cells) == len(roles):
            placed = {j: (roles[j], c, offs) for j, (c, offs) in enumerate(cells)}
        else:
            aligned = _assign(roles, [(c, offs[0] if offs else 0) for c, offs in cells if c])
            by_text = iter([(c, offs) for c, offs in cells if c])
            placed = {}
            for role, _, _ in aligned:
                c, offs = next(by_text)
                placed[next(j for j in range(len(roles)) if roles[j] == role and j not in placed)] = (role, c, offs)
        row = [placed[j] for j in sorted(placed) if placed[j][1]]
        carried = [above[j] for j in range(len(roles)) if j not in placed and j in above]
        above.update({j: cell for j, cell in placed.items() if cell[1]})
        if (task := row_task(row, items, carried)):
            tasks.append(task)
    return tasks


# A bare bar line between every two cells, rows not closed by a bar of their own: "类别⏎|⏎序号⏎|⏎任务名称⏎|⏎…⏎|⏎1⏎|⏎
# <task>⏎|⏎<units>⏎|⏎…". A cell may wrap over lines ("(一)⏎持续⏎推进…", a group's name printed vertically); a group's
# first row opens on the group's cell, the rows after it leave that column out; a header cell may carry a note on
# reading it ("责任部门⏎(加*号为牵头部门,⏎其余为参与部门)").
BARE_BAR = re.compile(r"^[^\S\n]*[|│][^\S\n]*$", re.M)
HEADER_NOTE = re.compile(r"\([^()]*[,;][^()]*\)$")


def _bar_separated_cells(text: str) -> list[tuple[str, list[int]]]:
    """The cells between bare bar lines, each its lines joined (text, offset of each character)."""
    cells, current = [], ["", []]
    for pos, line in line_spans(text):
        if BARE_BAR.match(line):
            if current[0]:
                cells.append((current[0], current[1]))
            current = ["", []]
            continue
        stripped = line.strip()
        if stripped:
            at = pos + line.index(stripped[0])
            current[0] += stripped
            current[1] = current[1] + list(range(at, at + len(stripped)))
    return cells


def _bar_separated_rows(text: str, items: list[Item]) -> list[Item]:
    bars = BARE_BAR.findall(text)
    if len(bars) < 8 or re.search(r"^[^\S\n]*[|│][^\S\n]*\n[^\S\n]*[|│][^\S\n]*$", text, re.M):
        return []               # (rows closed by a bar of their own are the bar-led form)
    cells = _bar_separated_cells(text)
    words = [HEADER_NOTE.sub("", re.sub(r"\s+", "", c)) for c, _ in cells]
    start = next((k for k in range(len(words)) if column_role(words[k]) == "number"), None)
    if start is None:
        return []
    width = 0
    while start + width < len(words) and HEADER_WORD.match(words[start + width]) and not ROW_NUMBER.match(words[start + width]):
        width += 1
    if width < 3 or not _is_header(words[start:start + width]):
        return []
    roles = header_roles(words[start:start + width])
    numbers = [k for k in range(start + width, len(cells)) if ROW_NUMBER.match(words[k])]
    tasks: list[Item] = []
    for n, k in enumerate(numbers):
        end = numbers[n + 1] if n + 1 < len(numbers) else len(cells)
        row = cells[k:end]
        if n + 1 < len(numbers) and end - k > 1 and SECTION_ROW.match(words[end - 1]):
            row = row[:-1]      # the next group's cell, before its first row's number
        if len(row) > width:
            continue
        if len(row) == width:
            placed = [(role, c, offs) for role, (c, offs) in zip(roles, row)]
        else:                   # (fewer cells: those left empty, or merged down, are skipped where they fit)
            offsets = {offs[0]: offs for _, offs in row}
            placed = [(role, c, offsets[at]) for role, c, at in _assign(roles, [(c, offs[0]) for c, offs in row])]
        if (task := row_task(placed, items)):
            tasks.append(task)
    return tasks


GLUED_HEADER = re.compile(r"^[^\S\n]*[\u4e00-\u9fff]*(?:序号|编号)[\u4e00-\u9fff]*?"
                          r"((?:牵头|责任|主办|承办|主责)(?:单位|部门))[\u4e00-\u9fff]*[^\S\n]*$", re.M)
UNIT_TAIL = re.compile(r"(?:局|委|办|厅|政府|管委会|公司|中心|集团|院|部|所|队|站)$")


def _unit_at(rest: str) -> int:
    """Length of the unit name (or 、-joined names) at the start of ``rest``, 0 if none: the shortest
    prefix that ends like a unit (区委 and 政府 run on into 办)."""
    total = 0
    while True:
        for n in range(2, min(16, len(rest) - total) + 1):
            piece = rest[total:total + n]
            if UNIT_TAIL.search(piece) and looks_like_unit(piece):
                if rest[total + n:total + n + 1] == "办" and piece.endswith(("委", "府")):
                    n += 1
                total += n
                break
        else:
            return total
        if rest[total:total + 1] != "、":
            return total
        total += 1


def _glued_rows(text: str, items: list[Item]) -> list[Item]:
    tasks: list[Item] = []
    for header in GLUED_HEADER.finditer(text):
        role = column_role(header.group(1))
        expected, pos = 1, header.end() + 1
        for line_at, line in line_spans(text[pos:]):
            m = re.match(r"^([^\d\n]{0,30}?)(\d{1,3})(?=[^\d.%])", line)
            if not line.strip():
                continue
            if m is None or int(m.group(2)) != expected:
                break
            rest_at = m.end()
            cut = None
            for stop in re.finditer(r"[。;]", line[rest_at:]):
                after = rest_at + stop.end()
                if (length := _unit_at(line[after:])):
                    cut = (after, length)
                    break
            if cut is None:
                break
            at = pos + line_at
            row = [_cell("number", m.group(2), at + m.start(2)),
                   _cell("task", line[rest_at:cut[0]], at + rest_at),
                   _cell(role, line[cut[0]:cut[0] + cut[1]], at + cut[0])]
            if (task := row_task(row, items)):
                tasks.append(task)
            expected += 1
    return tasks


# A table whose cells and rows all ran together on one line, header and all: "序号主要工作任务第一责任单位主要责任单位
# 一、主要发展指标1地区生产总值年均增长12%左右。市发展改革委各县(市、区)政府、嘉兴港区2服务业…". A clerk reads
# each row from its number: the work up to its full stop, the first column's unit right after it, the next owner
# column's units up to the next row's number.
OWNER_COLUMN_NAME = re.compile(r"(?:第一|主要|协同|配合)?(?:牵头|责任|主办|承办|主责|配合|协办)(?:单位|部门)")
GLUED_RUN = re.compile(rf"(?:序号|编号)[\u4e00-\u9fff]{{2,10}}?((?:{OWNER_COLUMN_NAME.pattern}){{1,3}})(?=[^\n]{{0,40}}?\d)")
GLUED_ROW = re.compile(r"[^\S\n]*(?:[一二三四五六七八九十]{1,3}、[^\d\n]{0,30}?)?(\d{1,3})(?=[\u4e00-\u9fff])")
ROW_BREAK = re.compile(r"[一二三四五六七八九十]{1,3}、|\n")


def _glued_run_rows(text: str, items: list[Item]) -> list[Item]:
    tasks: list[Item] = []
    for header in GLUED_RUN.finditer(text):
        roles = [column_role(name) for name in OWNER_COLUMN_NAME.findall(header.group(1))]
        pos, expected = header.end(), 1
        while (row := GLUED_ROW.match(text, pos)) and int(row.group(1)) == expected:
            line_end = text.find("\n", row.end())
            line_end = len(text) if line_end < 0 else line_end
            cut = next(((stop.end(), n) for stop in re.finditer(r"[。;]", text[row.end():line_end])
                        if (n := _unit_at(text[row.end() + stop.end():line_end]))), None)
            if cut is None:
                break
            owners_at = row.end() + cut[0]
            first_end = owners_at + cut[1]
            nxt = re.compile(rf"(?<![\d.]){expected + 1}(?=[\u4e00-\u9fff])").search(text, first_end, line_end)
            brk = ROW_BREAK.search(text, first_end, line_end)
            rest_end = min(x.start() for x in (nxt, brk) if x) if (nxt or brk) else line_end
            row_cells = [_cell("number", row.group(1), row.start(1)),
                         _cell("task", text[row.end():owners_at], row.end()),
                         _cell(roles[0], text[owners_at:first_end], owners_at)]
            if len(roles) > 1 and rest_end > first_end:
                row_cells.append(_cell(roles[1], text[first_end:rest_end], first_end))
            if (task := row_task(row_cells, items)):
                tasks.append(task)
            pos, expected = rest_end, expected + 1
    return tasks


# Any header names an owner column: a cheap test that spares documents with no table the line scans.
OWNER_COLUMN = re.compile(r"(?:单位|部门|科室|处室|领导|责任人)[^\S\n]*(?:\|[^\S\n]*)*$", re.M)   # "责任单位 | ||"
ROW_NUMBER_HEADER = re.compile(r"(?:^|\s)(?:序号|编号)(?:\s|$)")


def flat_table_tasks(text: str, items: list[Item]) -> list[Item]:
    if not OWNER_COLUMN.search(text) and not ROW_NUMBER_HEADER.search(text) and not GLUED_HEADER.search(text) \
            and not GLUED_RUN.search(text) and not SPACED_OWNER_HEAD.search(text):
        return []
    return (_cell_per_line(text, items) + _space_separated(text, items) + _bar_led_rows(text, items)
            + _bar_separated_rows(text, items)
            + _glued_rows(text, items) + _glued_run_rows(text, items) + _unnumbered_spaced_rows(text, items))
