"""Text tables (tab-, bar- or box-drawn, or space-aligned) whose header names 牵头/责任 columns: a row a task.

Word and web tables reach us as one row a line with tab or | between cells; box-drawn tables (│ ├─┼─┤)
may wrap a cell over several lines between two border lines, so cells are gathered per column.
"""
from __future__ import annotations

import re

from .owners import (ASSIST_WORDS, LEAD_WORDS, PERSON_NOUN, RESP_WORDS, UNIT_NOUN, OwnerSpec,
                     parse_owner_text, role_of_label)
from .persons import split_person_list
from .deadlines import looks_like_deadline
from .status import classify
from .structure import Item, line_spans
from .units import all_units, looks_like_unit, split_unit_list

SEPARATOR = re.compile(r"\t+|\s*[|│┃]\s*|\s{2,}")
BAR = re.compile(r"[|│┃]")
TAB = re.compile(r"\t")
SPACES = re.compile(r"\s{2,}")
BORDER = re.compile(r"^[\s├┼┤┌┐└┘┬┴─━│|+=\-—┏┓┗┛┣┫┳┻╋┠┨┯┷╂]+$")
NUMBER_HEADER = re.compile(r"^(?:序号|编号|序|号)$")
# 事由: a 建议办理单's matter; 职责: a duty list's column of duties (职责分工, 主要职责)
TASK_HEADER = re.compile(r"任务|措施|内容|事项|问题|工作|目标|项目|名称|举措|指标|实事|具体要求|^[事案]由$|职责")
PROGRESS_HEADER = re.compile(r"进度|进展|完成情况|整改情况|落实情况|办理情况|推进情况|执行情况|状态|状况|成效|现状")
DEADLINE_HEADER = re.compile(r"时限|期限|节点|(?:完成|整改|整治|办结|竣工|开展)时间|截止|时间进度|时间安排|进度安排|^时间$")
# A progress table's 全面完成预计时间, 预计完工日期: when the work is expected done, its deadline as the table tells it.
# (Read in tables whose cells are split by bars or tabs; a table flattened to a cell a line cannot tell a sub-row's
# cells from its row's, and one more column there misaligns them.)
EXPECTED_DONE_HEADER = re.compile(r"预计(?:完成|完工|竣工|办结)?(?:时间|日期)")
OWNER_HEADER = re.compile(rf"(?:{LEAD_WORDS}|{ASSIST_WORDS}|{RESP_WORDS}).{{0,3}}(?:{UNIT_NOUN}|{PERSON_NOUN})$|"
                          r"^(?:牵头|主责|责任|配合|协办|协同|主办|会办)$|^(?:单位|部门)$|领导$|责任人$|"
                          r"^责任(?:清单|主体)$|"       # 任务清单 | 责任清单 | 时限清单: the three lists of a 清单 table
                          r"^(?:涉及|职能|主管|相关)(?:单位|部门)$")   # "序号 | 涉及部门 | 职责分工": the bodies the duties are


def column_role(cell: str) -> str | None:
    """What a header cell names: number | lead | responsible | assist | person | deadline | progress | task,
    or None (备注, 建设时间 …). Owner headers are read by the owner-label grammar (牵头责任单位 → lead)."""
    cell = re.sub(r"\s+", "", cell).strip("|:")
    cell = re.sub(r"^([^()]{2,4})\(([^()]{2,4})\)(单位|部门)$", r"\1\2\3", cell)    # 牵头(责任)单位
    cell = re.sub(r"(?<=股室|科室|处室)\((?:单位|部门)\)$", "", cell)      # 责任股室(单位): offices, or units
    # a header with another name for it in parentheses, "牵头部门(责任单位)": the column is what comes first
    cell = re.sub(rf"^([^()]{{2,6}}?(?:单位|部门))\((?:{LEAD_WORDS}|{ASSIST_WORDS}|{RESP_WORDS}){{1,2}}(?:单位|部门)\)$",
                  r"\1", cell)
    if not cell or len(cell) > 12:
        return None
    if NUMBER_HEADER.match(cell):
        return "number"
    if re.search(UNIT_NOUN, cell) and re.search(rf"(?:{PERSON_NOUN})$", cell):
        cell = re.split(r"及|和|与|/", cell)[0]      # 牵头单位及主要负责人: a unit column whose cells name its head too
    if OWNER_HEADER.search(cell):
        return role_of_label(cell) if not re.fullmatch(r"(?:涉及|职能|主管|相关)?(?:单位|部门)", cell) else "responsible"
    if DEADLINE_HEADER.search(cell):
        return "deadline"
    if PROGRESS_HEADER.search(cell):
        return "progress"
    if TASK_HEADER.search(cell):
        return "task"
    return None


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


# A header cell that describes a column of narrative, however long: words of progress, problems and plans only.
DESCRIBED_COLUMN = re.compile(r"(?:[\u4e00-\u9fff]{0,6}(?:情况|进展|问题|打算|备注|目标|措施|成效|说明|要求)[、及和与]?){2,5}")


PLACE_COLUMN = re.compile(r"^(?:乡镇|乡\(镇\)|镇\(乡\)|镇街|镇\(街道\)|乡镇\(街道\)|街道|县\(市、区\)|县\(市\)|县\(区\)|县区|区县|县市区|"
                          r"单位名称)$")


# A table of findings and their outcomes, no owner column (督察 信访件 一览表: "序号 | 受理编号 | 交办问题基本情况 | … |
# 处理和整改情况 | 是否办结"): each numbered row is a finding, its outcome the verdict column's, else the progress's.
FINDING_COLUMN = re.compile(r"问题|举报|投诉|信访")
VERDICT_COLUMN = re.compile(r"^是否(?:办结|完成|整改到位|整改完成|完成整改|完成整治|销号)$")


def _finding_table(cells: list[tuple[str, int]], roles: dict[int, str]) -> bool:
    """Whether a header with no owner column heads findings: a number, a finding and an outcome column. The
    verdict column gets its role here."""
    names = [re.sub(r"\s+", "", cell) for cell, _ in cells]
    verdicts = [i for i, name in enumerate(names) if VERDICT_COLUMN.match(name)]
    for i in verdicts:
        roles[i] = "verdict"
    # (or a finding and its measures, "序号 | 反馈问题 | 整改措施": a closure notice's table, a 问题清单)
    return (roles.get(0) == "number" and any(FINDING_COLUMN.search(names[i]) for i, r in roles.items() if r == "task")
            and (any(r in ("verdict", "progress") for r in roles.values())
                 or sum(r == "task" for r in roles.values()) >= 2))


def _header_roles(cells: list[tuple[str, int]]) -> dict[int, str] | None:
    """Column roles of a header row, or None: a header names at least two columns and holds only short
    header words, never a value ("整改责任单位 | 海东市乐都区生态环境局" is a field, not a header)."""
    roles = {}
    for i, (cell, _) in enumerate(cells):
        if PLACE_COLUMN.match(re.sub(r"\s+", "", cell)):
            continue            # the place each row is in, "县(市、区)" (first: the places a quota table gives targets to)
        # a column's qualifier in brackets, or its year or months before it, is no value: "落实情况(1-8月)",
        # "投资额(万元)", "2022年度任务目标", "1-9月份工作完成情况"
        # (or a note on reading it: "责任部门(加*号为牵头部门,其余为参与部门)")
        cell = re.sub(r"\((?:[^()]{1,10}|[^()]{2,30}[,;][^()]{2,30})\)$", "", cell.strip(" :")).strip()
        cell = re.sub(r"^(?:\d{4}年度?|\d{1,2}\s*[-—~至]\s*\d{1,2}月份?|\d{1,2}月份?)", "", cell)
        if len(cell) > 12 or re.search(r"[,。;、\d]", cell):
            if DESCRIBED_COLUMN.fullmatch(cell):
                continue        # "进展情况、存在问题及下一步打算": a long header of a column that owns nothing
            return None
        role = column_role(cell) or ("deadline" if EXPECTED_DONE_HEADER.search(cell) else None)
        if role:
            roles[i] = role
        elif cell and (looks_like_unit(cell) and not re.search(r"(?:单位|部门)$", cell)):
            return None
    has_owner = any(r in ("lead", "responsible", "assist") for r in roles.values())
    if not has_owner and _finding_table(cells, roles):
        return roles
    if not has_owner and PLACE_COLUMN.match(re.sub(r"\s+", "", cells[0][0])) and "task" in roles.values():
        # a quota table: its first column names the place each row's target is given to ("乡镇 | 新种任务(亩)")
        roles[0], has_owner = "lead", True
    return roles if has_owner and len(roles) >= 2 and len(cells) >= 2 else None


def _filled(cells: list) -> list:
    """The cells up to the last one with text: "| ||" closing a copied row is no column."""
    while cells and not cells[-1][0].strip():
        cells = cells[:-1]
    return cells


ROW_HEAD_CELL = re.compile(r"^\s*(?:[一二三四五六七八九十]{1,3}、|\([一二三四五六七八九十\d]{1,3}\)|\d{1,3}\s*$)")


def _rows(lines: list[tuple[int, str]], width: int, boxed: bool, roles: dict[int, str] | None = None):
    """Yield rows as lists of (cell text, [offset of each char]) from the lines after a header."""
    row: list[list] | None = None
    room = None             # where a row cut short at its line's end goes on, on the next line
    for pos, line in lines:
        if not line.strip():
            if not boxed and row:
                yield row
                row = None
            continue
        if BORDER.match(line) or _section_row(line, pos):
            if row:
                yield row
            row = None
            continue
        cells = _cells(line, pos)
        if len(cells) < 2:
            break
        # a row wider than the header opens on cells the header has no column for: the headings it falls
        # under ("一、…", "(一)…") and its number; they are no owners
        if len(_filled(cells)) > width:
            cells = _filled(cells)
            while len(cells) > width and ROW_HEAD_CELL.match(cells[0][0]):
                cells = cells[1:]
        if not boxed and row is not None and room is not None and len(_filled(cells)) <= width - room \
                and not ROW_NUMBER_CELL.match(cells[0][0]):
            # "99 | <task> | <lead> | <units> | 序时推进 | <progress> |⏎<reasons> | <contact> |": a numbered row
            # wrapped onto the next line, its last cells there
            for k, (cell, at) in enumerate(_filled(cells)):
                row[room + k][0] += cell
                row[room + k][1] += list(range(at, at + len(cell)))
            room = None
            continue
        room = None
        if row is None or not boxed:
            if row:
                yield row
            row = [["", []] for _ in range(width)]
        if not boxed and roles and roles.get(0) == "number" and ROW_NUMBER_CELL.match(cells[0][0]) \
                and 2 < len(_filled(cells)) < width and cells[-1][0].strip():
            # a numbered row whose line ends before its last cells (no empty cells padding it): they follow
            for i, (cell, at) in enumerate(_filled(cells)):
                row[i][0] += cell
                row[i][1] += list(range(at, at + len(cell)))
            room = len(_filled(cells))
            continue
        if not boxed and roles and roles.get(0) == "number" and (placed := _sub_row_by_fit(cells, width, roles)):
            if row:
                yield row
            row = [["", []] for _ in range(width)]
            for col, (cell, at) in placed:
                row[col][0] += cell
                row[col][1] += list(range(at, at + len(cell)))
            continue
        # a row short of cells shares its first ones with the row above (a merged 大类 cell): align right
        shift = max(0, width - len(cells)) if not boxed else 0
        if shift and roles and roles.get(0) in OWNER_ROLES and looks_like_unit(cells[0][0].strip()):
            shift = 0           # its first cell is the owner the first column wants: the row lacks its last cells
        if shift and roles:
            shift = _short_row_shift(cells, width, shift, roles)
        for i, (cell, at) in enumerate(cells[:width]):
            row[i + shift][0] += cell
            row[i + shift][1] += list(range(at, at + len(cell)))
    if row:
        yield row


def monotone_alignment(cells: list[str], roles: list, fit, strict: bool = False) -> list[tuple[int, int]] | None:
    """The best placement of a row's cells, in their order, under columns of these roles, by ``fit(role, cell)``:
    (cell index, column index) pairs. A column skipped is an empty cell; ties go to the earlier column. ``strict``:
    no cell where its fit is -4 or lower, None when the cells cannot be placed so. (Flattened tables align their
    rows by it, and bar tables their padded sub-rows.)"""
    n, m = len(cells), len(roles)
    NEG = float("-inf")
    best = [[NEG] * (m + 1) for _ in range(n + 1)]
    back = [[None] * (m + 1) for _ in range(n + 1)]
    best[0] = [0.0] * (m + 1)
    for i in range(1, n + 1):
        for j in range(i, m + 1):
            skip = best[i][j - 1]
            score = fit(roles[j - 1], cells[i - 1])
            take = best[i - 1][j - 1] + (score if score > -4 or not strict else NEG)
            best[i][j], back[i][j] = (take, "take") if take > skip else (skip, "skip")
    if best[n][m] == NEG:
        return None
    pairs, i, j = [], n, m
    while i > 0 and j > 0:
        if back[i][j] == "take":
            pairs.append((i - 1, j - 1))
            i -= 1
        j -= 1
    return pairs[::-1]


def _cell_fit(role: str | None, cell: str) -> float:
    """How well a cell reads as a value of a column of this role (below -4: never)."""
    cell = cell.strip()
    units = all_units(split_unit_list(cell)) if cell else False
    if role in OWNER_ROLES:
        return 3 if units else -5
    if role == "deadline":
        return 2 if looks_like_deadline(cell) else (-1 if len(cell) <= 8 else -5)
    if role == "number":
        return -5
    if role == "progress":
        return 1 if re.search(r"%|完成|推进|进展|开工|已|正在", cell) else 0
    if role == "verdict":       # (是否办结: yes or no, or the verdict said)
        return 3 if re.fullmatch(r"是|否|已?完成|未完成|已办结|未办结", cell) else -5
    if role == "task":
        return -2 if units else (1 if len(cell) > 8 else 0)
    return -1 if units else 0


def _sub_row_by_fit(cells: list[tuple[str, int]], width: int, roles: dict[int, str]) -> list | None:
    """A row under a numbered one with its merged cells (序号, the category, the owner) left out and its line padded
    with empty cells at the end ("新增托位525个 | 卫生健康局 | 新增托位336个。 | 7月底 | ||"): its filled cells go,
    in order, to the columns after 序号 they read best as (none where a cell cannot be). None when the row opens on
    a number of its own."""
    filled = [(c, at) for c, at in cells if c.strip()]
    if not filled or not cells[-1][0].strip() == "" or ROW_HEAD_CELL.match(filled[0][0]) or len(filled) >= width:
        return None
    columns = [roles.get(col) for col in range(1, width)]
    pairs = monotone_alignment([c for c, _ in filled], columns, _cell_fit)
    if any(_cell_fit(columns[j], filled[i][0]) <= -4 for i, j in pairs):
        return None
    return [(j + 1, filled[i]) for i, j in pairs]


def _short_row_shift(cells: list[tuple[str, int]], width: int, shift: int, roles: dict[int, str]) -> int:
    """A short row aligns right, unless its last cell is a unit list where the last column wants a deadline
    ("…补充设置巡查员 | 农村办 国土所 |" with no 时限 cell): then that cell goes under the last owner column."""
    last = cells[-1][0].strip()
    parts = last.split()
    if roles.get(width - 1) != "deadline" or looks_like_deadline(last) or not parts \
            or not all(looks_like_unit(p.strip("、,;")) for p in parts):
        return shift
    owners = [col for col, role in roles.items() if role in ("lead", "responsible", "assist")]
    fitting = [col - (len(cells) - 1) for col in owners if col - (len(cells) - 1) >= 0]
    return max(fitting) if fitting else shift


def _section_row(line: str, pos: int) -> bool:
    """A bar row holding only a heading ("一、体系建设 |"): the section the rows below fall under, no row."""
    cells = [c for c, _ in _cells(line, pos) if c.strip()]
    return bool(BAR.search(line)) and len(cells) == 1 and bool(ROW_HEAD_CELL.match(cells[0]))


CELL_ROLE_VERB = re.compile(r"牵头|负责|配合|协助|协办|参与|会同")


def _cell_clause(text: str, offsets: list[int]) -> OwnerSpec | None:
    """An owner cell written as a clause with its own role verbs, read with the owner grammar; None for a
    plain list of units (its column names their role)."""
    if not CELL_ROLE_VERB.search(text) or "\n" in text.strip():
        return None
    told = parse_owner_text(text, 0)
    if told is None or not (told.lead or told.responsible):
        return None
    for m in told.lead + [m for m, _ in told.responsible]:
        m.start, m.end = offsets[m.start], offsets[m.end - 1] + 1
    return told


def _mentions(cell: tuple[str, list[int]]):
    text, offsets = cell
    parts = text.split()
    if len(parts) > 1 and all(looks_like_unit(p.strip("、,;")) for p in parts):
        text = re.sub(r"(?<=\S)\s+(?=\S)", lambda m: "、" + " " * (len(m.group()) - 1), text)   # "县教体局 各乡镇政府"
    found = split_unit_list(text, 0)
    for m in found:
        m.start, m.end = offsets[m.start], offsets[m.end - 1] + 1
    return found


def is_separated_header(line: str, pos: int) -> bool:
    """A header row this module reads: its cells cut by tabs, bars or runs of spaces, naming columns."""
    return bool(SEPARATOR.search(line.strip())) and bool(_header_roles(_cells(line, pos)))


def table_tasks(text: str, items: list[Item]) -> list[Item]:
    tasks, regions = _headed_tables(text, items)
    return tasks + _headerless_rows(text, items, regions) + _wrapped_rows(text, items, regions)


# A bar table whose header and rows each wrap over several lines (a web table's cells with line breaks in them):
# "序号 | 省份 | 所在地 |⏎保护区类型 |⏎问题类型 | 问题具体情况 | … | 是否完成整治 |" then "12 | 四川省 | … |⏎县级 | …".
# A logical row runs from a line opening on its number (or 序号) to the next such line.
ROW_OPENING = re.compile(r"\s*(?:序\s*号|\d{1,3})\s*")


def _wrapped_rows(text: str, items: list[Item], taken: list[tuple[int, int]]) -> list[Item]:
    if "序号" not in text and "序 号" not in text:
        return []
    groups: list[list[tuple[str, int]]] = []
    current = None
    for pos, line in line_spans(text):
        if "|" not in line or any(s <= pos < e for s, e in taken):
            current = None
            continue
        cells = [(c, at) for c, at in _cells(line, pos) if c.strip()]
        if cells and ROW_OPENING.fullmatch(cells[0][0]):
            current = list(cells)
            groups.append(current)
        elif current is not None:
            current += cells
    tasks: list[Item] = []
    i = 0
    while i < len(groups):
        header = groups[i]
        roles = _header_roles(header) if re.fullmatch(r"\s*序\s*号\s*", header[0][0]) else None
        i += 1
        if not roles:
            continue
        width = len(header)
        while i < len(groups) and ROW_NUMBER_CELL.match(groups[i][0][0]) and len(groups[i]) <= width:
            row = groups[i]
            i += 1
            if len(row) == width:
                placed = list(enumerate(row))
            else:       # (a cell left empty is no cell: the others go to the columns they read best as)
                columns = [roles.get(col) for col in range(1, width)]
                pairs = monotone_alignment([c for c, _ in row[1:]], columns, _cell_fit)
                if pairs is None:
                    continue
                placed = [(0, row[0])] + [(j + 1, row[k + 1]) for k, j in pairs]
            cells = [(roles.get(col), c, list(range(at, at + len(c)))) for col, (c, at) in placed]
            if (task := row_task(cells, items)):
                tasks.append(task)
    return tasks


# A bar table copied without its header: each row its number, its work, the unit doing it, then its progress
# ("1 | 完成27所学校教育基础设施改造提升。 | 县教育局 | 已经安装… | 按时序推进 |"). A clerk reads the unit cell as
# the owner: rows numbered 1, 2, 3 … each with one cell that is only a unit name.
ROW_NUMBER_CELL = re.compile(r"^\s*\d{1,3}\s*$")


def _headerless_rows(text: str, items: list[Item], taken: list[tuple[int, int]]) -> list[Item]:
    if "|" not in text:
        return []
    rows = []
    for pos, line in line_spans(text):
        if line.count("|") < 3 or any(s <= pos < e for s, e in taken):
            continue
        cells = _filled(_cells(line, pos))
        # (a group's first row opens on the group's heading cell: "(一)持续推进示范村建设 | 1 | …")
        number_col = 1 if len(cells) > 3 and GROUP_CELL.match(cells[0][0]) else 0
        if len(cells) < number_col + 3 or not ROW_NUMBER_CELL.match(cells[number_col][0]):
            continue
        owner = [k for k, (c, _) in enumerate(cells[number_col + 2:], number_col + 2) if 2 <= len(c.strip()) <= 80
                 and not re.search(r"[。,;:]", c) and all_units(split_unit_list(c.strip()))]
        # one owner cell, or the owner cells closing the row ("区农业农村委*、区发改委等 | 浦江镇 |")
        if len(owner) == 1 or (owner and owner == list(range(owner[0], len(cells)))):
            rows.append((int(cells[number_col][0]), number_col, cells, owner))
    # a run of rows numbered one after another is a table, not a stray line
    numbered = {n for n, _, _, _ in rows}
    tasks = []
    for number, number_col, cells, owner in rows:
        if number + 1 not in numbered and number - 1 not in numbered:
            continue
        k = owner[0]
        roles = [None] * number_col + ["number", "task"] + [None] * (k - number_col - 2) + ["responsible"] * len(owner) \
            + ["progress"] * (len(cells) - owner[-1] - 1)
        row = [(role, cell, list(range(pos, pos + len(cell)))) for role, (cell, pos) in zip(roles, cells)]
        if (task := row_task(row, items)):
            tasks.append(task)
    return tasks


GROUP_CELL = re.compile(r"^\s*(?:\([一二三四五六七八九十]{1,3}\)|[一二三四五六七八九十]{1,3}、)")


def _headed_tables(text: str, items: list[Item]) -> tuple[list[Item], list[tuple[int, int]]]:
    """Tables under a header naming their columns: the row tasks, and the spans the tables take."""
    tasks: list[Item] = []
    regions: list[tuple[int, int]] = []
    lines = list(line_spans(text))
    i = 0
    while i < len(lines):
        pos, line = lines[i]
        roles = _header_roles(_cells(line, pos)) if SEPARATOR.search(line.strip()) else None
        if not roles:
            i += 1
            continue
        width = len(_filled(_cells(line, pos)))
        body = []
        j = i + 1
        boxed = bool(BAR.search(line)) and any(BORDER.match(l) for _, l in lines[j:j + 2])
        while j < len(lines):
            npos, nline = lines[j]
            if not nline.strip():
                if not boxed:
                    break        # a line-per-row table ends at the first blank line
            elif not BORDER.match(nline) and not _section_row(nline, npos) \
                    and (len(_cells(nline, npos)) < 2 or _header_roles(_cells(nline, npos))
                         or FIELD_CELL.search(_cells(nline, npos)[0][0])):
                break           # (a page's furniture after the table, "索引号: | … | 成文日期: | …", ends it)
            body.append(lines[j])
            j += 1
        above: list[Cell] = []          # the owner and person cells of the last row that had them
        for row in _rows(body, width, boxed, roles):
            row = _realigned(row, roles)
            if TOTAL_ROW.match(row[0][0]):
                continue        # "全县合计 | 7000 |": the sum of the rows, no task of its own
            merged = _owner_cell_merged_away(row, roles) if above else None
            row = merged or row
            cells = [(roles.get(col), cell, offs) for col, (cell, offs) in enumerate(row)]
            owning = [c for c in cells if _names_owner(c)]
            # a row whose owner cells are empty and that opens no numbered row of its own lies under the
            # owner cells of the row above, merged down over it ("②新建…小区193个 | 开工建设 | … | 是 | ||||")
            carried = above if not owning and (merged or not _opens_row(cells)) else []
            task = row_task(cells, items, carried, text)
            if task:
                tasks.append(task)
            above = owning or above
        regions.append((pos, lines[j - 1][0] + len(lines[j - 1][1]) if j > i else pos + len(line)))
        i = j
    return tasks, regions


OWNER_ROLES = ("lead", "responsible", "assist")
ROW_CLOSE = re.compile(r"[ \t]*[|│┃](?=[ \t]*(?:\n|$))")
TOTAL_ROW = re.compile(r"^\s*(?:[全本][省市县区镇乡]|各[县区])?(?:合\s*计|总\s*计|小\s*计|汇\s*总)\s*$")
TOP_NUMBER = re.compile(r"^\s*(?:\d{1,3}\s*$|\d{1,3}[.、．]|[一二三四五六七八九十]{1,3}、|\([一二三四五六七八九十\d]{1,3}\))")


def _names_owner(cell: Cell) -> bool:
    """An owner cell naming a unit, or a person cell naming a person (not a cell the row's alignment put there)."""
    role, text, _ = cell
    if role in OWNER_ROLES:
        return any(looks_like_unit(part) for part in re.split(r"[、,;\s]+", text.strip()) if part)
    return role == "person" and bool(split_person_list(text.strip(), 0, "责任领导"))


def _opens_row(cells: list[Cell]) -> bool:
    """Whether a row is one of the table's own numbered rows (a 序号 cell, or a first cell opening on "58."),
    not a sub-row of the one above ("②…", or its 序号 cell merged away)."""
    if any(role == "number" and re.fullmatch(r"\s*\d{1,3}[.、．]?\s*|\s*[一二三四五六七八九十]{1,3}、?\s*", text)
           for role, text, _ in cells):
        return True
    first = next((text for _, text, _ in cells if text.strip()), "")
    return bool(TOP_NUMBER.match(first))


def _owner_cell_merged_away(row: list[list], roles: dict[int, str]) -> list[list] | None:
    """A numbered row whose owner cell, merged down from the row above, the copy left out: its later cells sit one
    column left ("2 | <项目> | <计划> | 已完成。完成筛查3495人 | |" under 序号 | 项目内容 | 月度工作计划 | 牵头单位 | 落实情况).
    The row with an empty owner cell put back, or None."""
    owner_cols = [col for col, role in roles.items() if role in OWNER_ROLES]
    if len(owner_cols) != 1 or (col := owner_cols[0]) >= len(row) - 1 or row[-1][0].strip():
        return None
    cell = row[col][0].strip()
    if not cell or looks_like_unit(cell) or all_units(split_unit_list(cell)) \
            or not any(roles.get(k) in ("progress", "status") for k in range(col + 1, len(row))):
        return None
    return row[:col] + [["", []]] + row[col:-1]


def _realigned(row: list[list], roles: dict[int, str]) -> list[list]:
    """A row whose first cell spans two columns has its other cells one column left of their headers
    ("58.开展违建专项治理… | 削减…至30% | 徐国江 | 城管局 | …" under 年度重点工作 | 细化任务 | 三季度目标 |
    分管领导 | 牵头单位): where no owner column holds a unit and a cell just left of one holds a unit name
    alone (or an owner clause, "办公室牵头,各科室按职责分工落实"), the cells after the first move right to where they
    fit."""
    owner_cols = [col for col, role in roles.items() if role in OWNER_ROLES]
    if not owner_cols or any(looks_like_unit(row[col][0].strip()) for col in owner_cols):
        return row
    # (or, where the first column is a category with no role of its own, the category cell merged down over the
    # rows: "15.推进学校塑胶运动场地建设 | … | 教育体育局 |" under 类别 | 民生事项名称 | 任务目标 | 责任单位: all move)
    keep = 0 if roles.get(0) is None else 1
    for shift in (1, 2):
        fits = [col for col in owner_cols if col - shift >= keep and (cell := row[col - shift][0].strip())
                and roles.get(col - shift) not in OWNER_ROLES
                and ((len(cell) <= 20 and looks_like_unit(cell))        # a unit alone, or an owner clause:
                     or (len(cell) <= 80 and _cell_clause(*row[col - shift]) is not None))]  # "办公室牵头,各科室配合"
        tail_free = all(not row[k][0].strip() for k in range(len(row) - shift, len(row)))
        if fits and tail_free:
            return row[:keep] + [["", []] for _ in range(shift)] + row[keep:len(row) - shift]
    return row


Cell = tuple  # (column role or None, cell text, [offset of each character])
FIELD_CELL = re.compile(r"^\s*[\u4e00-\u9fff]{2,6}\s*[:]\s*$")


def _person_after_unit(cell: str, offsets: list[int]):
    """A cell of a 牵头单位及主要负责人 column: the unit, then a person's name after white space."""
    m = re.match(r"^(.*\S)\s+([\u4e00-\u9fff·]{2,4})\s*$", cell)
    if not m or not looks_like_unit(m.group(1).split()[-1]) or looks_like_unit(m.group(2)):
        return cell, []
    named = split_person_list(m.group(2), 0, "负责人")
    for p in named:
        p.start, p.end = offsets[m.start(2) + p.start], offsets[m.start(2) + p.end - 1] + 1
    return m.group(1) + " " * (len(cell) - len(m.group(1))), named


def cells_owners(cells: list[Cell]) -> tuple[OwnerSpec, str | None]:
    """The owners, persons and deadline named by cells of known roles, and the row number if one is."""
    offsets = [o for _, _, offs in cells for o in offs]
    spec = OwnerSpec(start=min(offsets), end=max(offsets) + 1)
    number = None
    for role, cell_text, offs in cells:
        raw = cell_text.strip(" |")
        if not raw:
            continue
        k = cell_text.index(raw)
        if role in ("lead", "responsible", "assist"):
            cell_text, named = _person_after_unit(cell_text, offs)     # "市民政局 伍泽国": unit, then its head
            spec.persons += named
            if (told := _cell_clause(cell_text, offs)) is not None:
                spec.lead += told.lead          # "市发改委牵头,市住建局配合": the cell says who leads itself
                spec.responsible += told.responsible
                continue
            for m in _mentions((cell_text, offs)):
                if not (looks_like_unit(m.mention) or looks_like_unit(re.sub(r"\([^()]*\)$", "", m.mention))):
                    continue        # a task or progress cell the row's alignment put under an owner column
                if role == "lead" or m.marked_lead:
                    spec.lead.append(m)
                else:
                    spec.responsible.append((m, role))
        elif role == "person":
            for p in split_person_list(cell_text, 0, "责任领导"):
                p.start, p.end = offs[p.start], offs[p.end - 1] + 1
                spec.persons.append(p)
        elif role == "deadline":
            spec.deadline = (raw, offs[k], offs[k + len(raw) - 1] + 1)
        elif role == "number":
            number = raw
    return spec, number


def row_task(cells: list[Cell], items: list[Item], carried: list[Cell] = (), text: str | None = None) -> Item | None:
    """One table row as a task: owners from owner columns (read as unit lists), persons from person
    columns, the deadline from its column; the row's span covers all its cells. Shared by every table form.
    `carried` are cells spanned down from a row above (a merged cell): read as this row's, outside its span."""
    offsets = [o for _, _, offs in cells for o in offs]
    if not offsets or not any(text.strip() for role, text, _ in cells if role != "number"):
        return None
    spec, number = cells_owners([*cells, *carried])
    spec.start, spec.end = min(offsets), max(offsets) + 1
    if text is not None and (closing := ROW_CLOSE.match(text, spec.end)):
        spec.end = closing.end()        # the row's closing bar is the row's: "潭头乡 | 300 |"
    parent = next((it for it in reversed(items) if it.start <= spec.start < it.end), None)
    if parent is not None and parent.start == spec.start and not parent.children and parent.owners is None:
        parent.owners = spec if not spec.empty else None      # the row is a numbered item already
        return None
    if not spec.empty:
        # a numbered item opening inside the row ("(一)燃气安全 | 1.餐饮场所 | …") whose text runs over the
        # row's owner cells, and ends with the row (its closing bar and line break after them), is that row's
        inside = [item for item in items if item.owners is None and spec.start < item.start < spec.end <= item.end
                  and not item.children and (item.end <= spec.end + 3 or (  # (its closing bars and the next row's)
                      text is not None and not text[spec.end:item.end].strip(" |\t\n")))]
        for item in inside:
            item.owners = spec.copy()
        if inside and parent is not None and parent.start == spec.start:
            return None     # the row is its numbered heading's cell and that item: a third task would repeat it
    task = Item(id="", rank=(parent.rank + 0.5) if parent else 6, number=number, value=None,
                start=spec.start, end=spec.end, parent=parent, from_block=True)
    task.owners = spec if not spec.empty else None
    if any(role == "verdict" for role, _, _ in cells) and spec.empty:
        task.finding, task.from_block = True, False     # a row of a findings table: a problem, with its outcome
    if (status := _row_status(cells)) is not None:
        task.status, task.status_read = status, True
    if parent:
        parent.children.append(task)
        parent.children.sort(key=lambda c: c.start)
    return task


PROGRESS_REPORTED = re.compile(r"[\u4e00-\u9fff]{4}")     # a cell that reports something, not "/" or "—"


def _row_status(cells: list[Cell]) -> str | None:
    """A ledger row's outcome from its progress cell (整改情况, 进展: "已完成", "正在推进"), or from a time-limit
    cell that states the verdict instead of a date ("达标期限 | 已完成")."""
    # (a 是否办结 column answers yes or no)
    verdict = [{"是": "已完成", "否": "未完成"}.get(text.strip(), text) for role, text, _ in cells
               if (role == "deadline" and text.strip().startswith("已")) or (role == "verdict" and text.strip())]
    progress = [text for role, text, _ in cells if role == "progress" and text.strip()]
    said = " ".join(progress)
    # the short verdict is the ledger's own judgement; the progress narrative may add what is still under way
    # (a progress cell that reports work without a verdict, "开展招标。", "1-9月新建5G基站524个": the work is under way)
    # (of several progress columns the last is the latest word: 整改成效 "复绿效果较好", then 整改完成情况 "完成整改")
    last = classify(progress[-1]) if len(progress) > 1 else None
    if verdict and all(v.strip() in ("未完成", "未办结") for v in verdict):
        # "是否完成整治 | 否" beside work reported ("已拆除大门…", "30%"): not done, but under way
        return "in_progress" if said and PROGRESS_REPORTED.search(said) else "pending"
    return (classify(" ".join(verdict)) if verdict else None) or last or (classify(said) if said else None) \
        or ("in_progress" if said and not verdict and PROGRESS_REPORTED.search(said) else None)
