"""Record cards: an unnumbered record written as labelled fields, one task (or problem) a card.

Inspection notices and 公示表 pages print each finding as fields rather than a numbered list:
  存在问题:…            整改任务概述 | … |         反馈问题
  责任单位:嵩阳街道      整改责任单位 | … |         <value lines>
                        整改时间 | … |            责任单位
                                                  <value lines>
A field is a label and its value, on one line (label: value, label | value |) or the label alone on a
line with the value on the lines below. A run of fields that names what is to be done (a task or problem
field) and who answers (an owner or person field) is a card; a new card starts at the next task field
after an owner field. The line just before a card that is only a short name (a place, a project) belongs
to it. Numbered lines end a field: numbered items are read by the structure parser.
"""
from __future__ import annotations

import re

from .owners import LABEL, OwnerSpec, parse_owner_span, role_of_label
from .sentence_owners import _task, _units
from .status import classify
from .structure import MARKERS, Item, line_spans
from .tables import Cell, cells_owners, column_role, row_task

# (a field label may carry the record's number: "整改任务第25项:…")
INLINE_FIELD = re.compile(r"^[\s|•]*([\u4e00-\u9fff、()][\u4e00-\u9fff、() ]{1,20}?(?:第\d{1,4}[项号条])?)[^\S\n]*(?::[^\S\n]*\|?|\|)[^\S\n]*([^\s|].*?)[\s|]*$")
BARE_FIELD = re.compile(r"^[\s|•]*([\u4e00-\u9fff、()][\u4e00-\u9fff、() ]{1,20})[^\S\n]*[:|]?[\s|]*$")
# A field label after words that say whose it is, alone on its line: "中央第二环境保护督察组“回头看”交办问题:".
CASE_PROBLEM = r"(?:交办|反映|反馈|存在|督察|移交)问题"
QUALIFIED_FIELD = re.compile(rf"^[\s|•]*[^\n:,。;]{{2,30}}?({CASE_PROBLEM}|(?:调查|核查|核实|整改|办理)情况)"
                             r"[^\S\n]*:[^\S\n]*$")
QUALIFIED_TASK_FIELD = re.compile(rf"^[^\n:,。;]{{2,30}}?{CASE_PROBLEM}[^\S\n]*:[^\S\n]*$", re.M)
FIELD_WORD_END = re.compile(r"(?:目标|要求|时限|期限|情况|措施|成效|概述|依据|说明|日期)$")
OUTCOME = re.compile(r"(?:情况|进展|成效|结果|进度)$|进展情况|完成情况|整改情况|落实情况|办理情况|进展|"
                     r"验收(?:意见|结论)|销号意见")
OWNER_ROLES = ("lead", "responsible", "assist", "person")
# A period as a field's label: a milestone, what is to be done by the end of it ("第一季度:1.制定计划…").
PERIOD = r"(?:\d{4}年)?(?:第?[一二三四1-4]季度|[上下]半年|年底前?|\d{1,2}月(?:底|末)?前?)"
PERIOD_LABEL = re.compile(rf"^{PERIOD}$")
# (a flattened page runs the next period on after spaces: "…协调相关项目。     第四季度:1.筹备…")
PERIOD_RUN_ON = re.compile(rf"[^\S\n]{{2,}}({PERIOD})[^\S\n]*:")


def field_role(label: str) -> str | None:
    """task | lead | responsible | assist | person | deadline | outcome, or None (a field to skip)."""
    label = re.sub(r"\s+", "", label)
    if PERIOD_LABEL.match(label):
        return "milestone"
    # (问题情况, 反馈问题基本情况: the finding as it stands, no outcome)
    if OUTCOME.search(label) and not re.search(r"^(?:存在)?问题|问题(?:基本)?情况$", label):
        return "outcome"
    if re.search(r"(?:序号|编号)[一二三四五六七八九十\d]*$", label):
        return None           # 任务序号一: which task this is, a number like 序号; the task is in its own field
    role = column_role(label)
    if role in ("progress",):
        return "outcome"
    if role == "task" and re.search(r"(?:目标|指标)$", label):
        return None           # 整改目标, 年度阶段性工作目标: the aim restated; the task is elsewhere
    if role == "task" and re.search(r"^(?:点位|地点|场所|位置)(?:名称)?$", label):
        return None           # 点位名称: the site the finding is at; the finding is in its own field (存在问题)
    return role if role != "number" else None


def _numbered(line: str) -> bool:
    stripped = line.lstrip()
    return any(p.match(stripped) for _, p in MARKERS)


def _fields(text: str):
    """(role, label start, value start, value end) for every field line, with continuation lines joined."""
    fields = []
    current = None
    for pos, line in line_spans(text):
        if not line.strip():
            continue
        m = INLINE_FIELD.match(line)
        if m and len(m.group(1).replace(" ", "")) <= 14:    # any labelled line belongs to the card
            current = None
            field = [field_role(m.group(1)), pos + m.start(1), pos + m.start(2), pos + m.end(2)]
            fields.append(field)
            if field[0] == "milestone":
                for run_on in PERIOD_RUN_ON.finditer(line, m.start(2), m.end(2)):
                    field[3] = pos + run_on.start()
                    field = ["milestone", pos + run_on.start(1), pos + run_on.end(), pos + m.end(2)]
                    fields.append(field)
                while field[3] > field[2] and text[field[3] - 1].isspace():
                    field[3] -= 1
            continue
        b = BARE_FIELD.match(line) or QUALIFIED_FIELD.match(line)
        role = field_role(b.group(1)) if b else None
        unread_label = line.rstrip().endswith("|") and current is not None and current[2] is not None
        # any short label alone on its line before a colon is a field of its own ("交办类别:"), read or not
        colon_label = b is not None and line.rstrip().endswith(":")
        # a field word alone on its line after a field's value ("整改目标"): a field of its own, read or not
        next_label = b is not None and current is not None and current[2] is not None \
            and bool(FIELD_WORD_END.search(b.group(1).strip())) and len(b.group(1).strip()) <= 8
        if b and (role is not None or b.group(1) in ("联系电话", "备注") or unread_label or colon_label or next_label):
            # 核查情况 is an outcome field; after a field's value, "整改目标 |" is a field of its own that no role
            # reads, which ends the one before (a label with no value yet takes the next line as its value)
            current = [role, pos + b.start(1), None, None]
            fields.append(current)
            continue
        if not line.strip(" |"):
            continue            # a row of bars between a web table's cells
        if current is not None and not _numbered(line):
            stripped = line.strip().rstrip("|").rstrip()     # a web table's cell ends in its bar
            start = pos + line.index(stripped[0])
            current[2] = current[2] if current[2] is not None else start
            current[3] = start + len(stripped)
            continue
        current = None
        fields.append(["numbered" if _numbered(line) else "break", pos, None, None])
    return fields


# Every card has an owner or person field: a label word before a colon, a bar or the line end.
# (its other name may follow in brackets: "牵头部门 (责任单位) |")
OWNER_FIELD = re.compile(r"(?:单位|部门|领导|责任人)(?:[^\S\n]*\([^()\n]{1,8}\))?[^\S\n]*(?:[:|]|$)", re.M)


# ... and a field that says what is to be done, its label alone or before a colon or bar.
TASK_FIELD = re.compile(r"^[\s|•]*(?:[\u4e00-\u9fff、() ]{0,12}(?:问题|任务|工作|措施|项目|事项|内容|举措|概述)|[事案][\s]*由)"
                        r"(?:第\d{1,4}[项号条])?[^\S\n]*(?:[:|]|$)", re.M)


# A closure notice (销号公示): the document announces that the finding it describes is rectified.
CLOSURE = re.compile(r"销号|整改完成情况[^。\n]{0,12}公示|整改(?:结果|完成)\s*公示|整改(?:任务)?已(?:经)?(?:完成|整改到位)[^。\n]{0,30}公示|"
                     # "襄阳市已完成省序号20任务的各项整改措施,整改目标已实现,…现按要求予以公示"
                     r"已(?:经)?完\s*成[^。\n]{0,40}整改[^\n]{0,80}(?:予以|进行|现将|现对)[^\n]{0,20}公示")


def closure_notice(text: str) -> bool:
    """Whether the document announces, in its opening, that the finding it describes is rectified."""
    return bool(CLOSURE.search(text, 0, 1500))


# A findings notice (督查/巡查通报): the document announces what an inspection found still wrong. "现将检查发现问题
# 通报如下", "巡查督导共发现问题239件", "现就有关问题通报如下".
FINDINGS = re.compile(r"(?:巡查|检查|督查|督导|暗访|核查|抽查|巡河|巡湖|明察)[^。\n]{0,30}?(?:发现|存在)[^。\n]{0,12}?问题|"
                      r"(?:现就|现将)[^。\n]{0,16}?问题[^。\n]{0,4}通报如下")


def findings_notice(text: str) -> re.Match | None:
    """Where, in its opening, the document announces the problems an inspection found (not their outcome)."""
    return FINDINGS.search(text, 0, 1500)


# A closure notice's finding naming who was to lead it: "但是,省水利厅、省发改委作为牵头部门,对…考核弱化".
STATED_ROLE = re.compile(r"(?:^|(?<=[,。;:]))([\u4e00-\u9fff、()与和]{2,40}?)作为(?:[^,;。的、]{1,16}的)?"
                         r"((?:牵头|责任|主责|主办){1,2}(?:单位|部门|主体))")


def _stated_roles(text: str, start: int, end: int) -> OwnerSpec | None:
    """The owners a card's finding names by the role they held, when it names no owner field."""
    spec = OwnerSpec()
    for m in STATED_ROLE.finditer(text, start, end):
        lead_in = re.match(r"(?:但是?|其中|而)?", m.group(1)).end()      # (its spans stay those of the names)
        if units := _units(m.group(1)[lead_in:], m.start(1) + lead_in):
            spec.add(role_of_label(m.group(2)), units)
    if spec.empty:
        return None
    spec.span_named()
    return spec


def card_tasks(text: str, items: list[Item]) -> list[Item]:
    tasks: list[Item] = []
    closure = closure_notice(text)
    if not (TASK_FIELD.search(text) or QUALIFIED_TASK_FIELD.search(text)) or not (OWNER_FIELD.search(text) or closure):
        return tasks
    record: list = []
    listed: list = []       # the card's fields whose values are numbered lines (整改措施 |⏎1.…⏎2.…)

    def close(card_end: int):
        made = len(tasks)
        _close(card_end)
        if len(tasks) > made:
            _adopt_listed_measures(items, tasks[-1], listed, card_end)
        listed.clear()

    def _close(card_end: int):
        roles = {f[0] for f in record}
        # a card names what is to be done and who answers; in a closure notice the finding alone is a card
        if roles & {"task"} and (roles & set(OWNER_ROLES) or closure):
            start = min(f[1] for f in record)
            if any(it.start <= start < it.end for it in items):
                record.clear()          # inside a numbered item, whose owner lines are read as such
                return
            milestones = _milestones(record)
            cells: list[Cell] = []
            for role, _, vs, ve in record:
                if role == "milestone":
                    continue
                cell_role = role if role in (*OWNER_ROLES, "deadline") else None
                cells.append((cell_role, text[vs:ve], list(range(vs, ve))))
            carried = []
            if milestones and "deadline" not in roles:
                label_start, label_end, _ = milestones[-1]       # the work is due with its last milestone
                carried = [("deadline", text[label_start:label_end], list(range(label_start, label_end)))]
            task = row_task(cells, items, carried)
            if task is not None:
                task.start = start
                outcome = [f for f in record if f[0] == "outcome"]
                if outcome:
                    # the last outcome field is the latest word (核实情况, then 验收情况: the acceptance decides)
                    # (in a closure notice what the notice announces stands, unless that last field says otherwise)
                    task.status = classify(text[outcome[-1][2]:outcome[-1][3]]) or \
                        ("done" if closure else classify(" ".join(text[f[2]:f[3]] for f in outcome)))
                    task.status_read = True
                if closure and task.status is None:
                    task.status, task.status_read = "done", True     # what a closure notice announces
                if closure and (task.owners is None or not (task.owners.lead or task.owners.responsible)) \
                        and (finding := next((f for f in record if f[0] == "task"), None)) \
                        and (stated := _stated_roles(text, finding[2], finding[3])):
                    if task.owners is not None:
                        stated.deadline = task.owners.deadline
                    task.owners = stated
                tasks.append(task)
                tasks.extend(_milestone_tasks(text, items, milestones, cells))
        record.clear()

    owner_first = None          # does a card name its owner before its task (主办单位, then 事由)? the first tells
    for field in _fields(text):
        role = field[0]
        if role == "numbered" and listed and listed[-1][3] is None:
            continue                    # a numbered line under a label alone: that field's value
        if role in ("break", "numbered"):
            close(field[1])
            continue
        if field[2] is None:            # a label whose value is numbered lines, read by the structure parser
            if record and listed and listed[-1][3] is None:
                listed[-1][3] = field[1]
            if record:
                listed.append([role, field[1], field[1], None])
            continue
        if listed and listed[-1][3] is None:
            listed[-1][3] = field[1]
        if role == "milestone" and any(f[0] == "outcome" for f in (*record, *listed)):
            field[0] = role = "outcome"     # under 进展情况 a period reports what was done by then
        has_task = any(f[0] == "task" for f in record)
        has_owner = any(f[0] in OWNER_ROLES for f in record)
        if owner_first is None and role in ("task", *OWNER_ROLES):
            owner_first = role in OWNER_ROLES
        # the next card begins with the kind of field the first card began with (主办单位 and 协办单位 together)
        if has_task and has_owner and ((role in OWNER_ROLES and record[-1][0] not in OWNER_ROLES) if owner_first
                                       else role == "task"):
            close(field[1])
        record.append(field)
    close(len(text))
    return tasks


def _milestones(record: list) -> list[tuple[int, int, int]]:
    """(label start, value start, value end) of a card's milestones: the label runs up to its value."""
    return [(label_start, value_start, value_end)
            for role, label_start, value_start, value_end in record if role == "milestone"]


def _milestone_tasks(text: str, items: list[Item], milestones: list, cells: list[Cell]) -> list[Item]:
    """A task per milestone, owned as its card is and due at the end of its period. The numbered points in a
    milestone are its parts and no tasks of their own: the structure parser's items there are dropped."""
    if not milestones:
        return []
    owners = [cell for cell in cells if cell[0] in OWNER_ROLES]
    first, last = milestones[0][0], milestones[-1][2]
    inside = [it for it in items if first <= it.start < last and not it.children]
    for it in inside:
        items.remove(it)
        if it.parent is not None and it in it.parent.children:
            it.parent.children.remove(it)
    made = []
    for label_start, value_start, value_end in milestones:
        if not text[value_start:value_end].strip():
            continue
        period = (("deadline", text[label_start:value_start], list(range(label_start, value_start))),
                  (None, text[value_start:value_end], list(range(value_start, value_end))))
        if (task := row_task(list(period), items, owners)) is not None:
            made.append(task)
    return made


def _adopt_listed_measures(items: list[Item], card: Item, listed: list, card_end: int) -> None:
    """The numbered lines under a card's measures field (整改措施 |⏎1.…⏎2.…) are the card's measures: they
    answer to its owners. Lines under its outcome field (完成情况) report, and stay as they are."""
    for role, _, start, end in listed:
        if role != "task":
            continue
        end = end if end is not None else card_end
        for item in items:
            if start < item.start < end and item.parent is None and item.owners is None and not item.from_block:
                item.parent = card
                card.children.append(item)


# A published reply to the public (网民留言, 12345, 问政): "市民X反映:" and the complaint, then "<unit>答复:" and
# what the unit did or will do. The reply is that unit's undertaking on the complaint: a task it leads.
REPLY_LABEL = re.compile(r"^[^\S\n]*([\u4e00-\u9fff()]{2,30}?)(?:答复|回复|回应|答复意见|回复意见)[^\S\n]*[:][^\S\n]*", re.M)
ASKING_LABEL = re.compile(r"^[^\S\n]*[\u4e00-\u9fff()、]{0,20}?(?:反映|咨询|留言|来信|投诉|提问|建议|诉求)[^\S\n]*[:]", re.M)


def reply_tasks(text: str, items: list[Item]) -> list[Item]:
    """A task per reply whose label names a unit, running to the next question or reply, outside numbered
    items; only on a page that puts the questions as labels too."""
    if not ASKING_LABEL.search(text):
        return []
    labels = sorted([(m.start(), m.end(), None) for m in ASKING_LABEL.finditer(text)] +
                    [(m.start(), m.end(), m) for m in REPLY_LABEL.finditer(text)])
    tasks = []
    for k, (start, value, reply) in enumerate(labels):
        if reply is None or any(it.start <= start < it.end for it in items):
            continue
        units = _units(reply.group(1), reply.start(1))
        end = labels[k + 1][0] if k + 1 < len(labels) else len(text)
        if len(units) != 1 or not text[value:end].strip():
            continue
        spec = OwnerSpec(lead=units, start=units[0].start, end=units[0].end)
        task = _task(text, start, end, spec)
        tasks.append(task)
    return tasks


# A numbered section headed only by a field's label, its value below or run on after it:
#   一、整改任务 <problem>   二、整改责任单位 <unit>   三、整改完成情况 <outcome>   四、验收意见已完成整改,同意销号。
_FIELD_WORD = r"(?:任务|问题|单位|部门|主体|领导|责任人|情况|意见|结论|目标|措施|时限|进展|进度)"
FIELD_HEAD = re.compile(r"[^\S\n]*([\u4e00-\u9fff]{0,6}?" + _FIELD_WORD + r")[^\S\n]*[:]?[^\S\n]*")
# ... or a label qualified by whose finding it is ("一、中央环境保护督察反馈意见整改任务 ⏎ <problem>"), set apart from
# its value, its role that of its last words
QUALIFIED_FIELD_HEAD = re.compile(r"[^\S\n]*([\u4e00-\u9fff]{3,16}(?:督察|反馈|交办)(?:意见)?([\u4e00-\u9fff]{0,2}?"
                                  + _FIELD_WORD + r"(?:基本)?(?:情况)?))(?:[^\S\n]*[:][^\S\n]*|[^\S\n]+|[^\S\n]*(?=\n))")


def field_section(text: str, item: Item) -> tuple[str | None, int] | None:
    """(role, value start) of a section whose heading is a field label, or None."""
    at = item.start + len(item.number or "")
    if (m := QUALIFIED_FIELD_HEAD.match(text, at, item.end)) is not None:
        label = m.group(1)
        role = field_role(m.group(2))
    elif (m := FIELD_HEAD.match(text, at, item.end)) is not None:
        label = m.group(1)
        role = field_role(label)
    else:
        return None
    if role is None and not re.search(r"目标|措施|时限", label):
        return None
    return role, m.end()


# A closure notice's verdict on the record, stated before its fields.
CLOSED = re.compile(r"已(?:经)?(?:完成整改|整改完成|整改到位)(?:并通过验收)?|通过(?:整改)?验收|(?:同意|予以)销号")


def field_sections(text: str, items: list[Item]) -> list[Item]:
    """A document (or part) that records one finding as numbered field sections is one card: the first
    task or problem section is the item, the owner sections name its owners and the outcome sections its
    status (the last that states a verdict: 验收意见 judges the 完成情况 before it). The other sections
    of the card are no items of their own."""
    top = [it for it in items if it.parent is None and not it.children]
    fields = [(it, f) for it in top if (f := field_section(text, it))]
    roles = [f[0] for _, f in fields]
    # (two fields are a card when they are the finding and its owners: the outcome section may list its measures,
    # "三、整改情况 ⏎ 1.…", and is then no field of the card but a section of its own)
    if (len(fields) < 3 and not (len(fields) == 2 and set(roles) & set(OWNER_ROLES))) or "task" not in roles \
            or not set(roles) & {*OWNER_ROLES, "outcome"}:
        return items
    card = next(it for it, f in fields if f[0] == "task")
    owners = [(f[0], text[f[1]:it.end].strip(), it) for it, f in fields if f[0] in (*OWNER_ROLES, "deadline")]
    cells = [(role, value, list(range(text.index(value, it.start), text.index(value, it.start) + len(value))))
             for role, value, it in owners if value]
    # a section that names its owners by label ("二、整改实施主体⏎牵头单位:X。⏎责任单位:Y") is read by the labels
    labelled = [cell for cell in cells if LABEL.match(cell[1])]
    unlabelled = [cell for cell in cells if not LABEL.match(cell[1])]
    if cells:
        spec = cells_owners(unlabelled)[0] if unlabelled else OwnerSpec()
        for _, value, offsets in labelled:
            if (said := parse_owner_span(text, offsets[0], offsets[-1] + 1)) is not None:
                spec.merge(said)
        card.owners = spec if not spec.empty else None
    verdicts = [classify(text[f[1]:it.end]) for it, f in fields if f[0] == "outcome"]
    card.status = next((v for v in reversed(verdicts) if v), None)
    if card.status is None and (said := CLOSED.search(text, 0, fields[0][0].start)):
        card.status = "done"    # a 验收公示 says so before its fields: "…已完成整改并通过验收,现予以公示"
    card.status_read = True
    absorbed = {id(it) for it, f in fields if it is not card}
    # a measures section listing its points ("三、重点措施 ⏎ 1.…;2.…") holds the card's measures: they answer to its
    # owners, by its time limit
    for section in items:
        if section.parent is None and section.children and section.start > card.start \
                and (f := field_section(text, section)) is not None and f[0] == "task" \
                and re.search(r"措施|举措|任务", text[section.start:f[1]]):
            section.parent = card
            card.children.append(section)
    # the card is the record: its text runs over the field sections that follow it without a break
    following = [it for it, _ in fields if it.start > card.start]
    for it in following:
        if text[card.end:it.start].strip():
            break
        card.end = it.end
    return [it for it in items if id(it) not in absorbed]


def owner_field_children(text: str, items: list[Item]) -> list[Item]:
    """A numbered task whose own numbered parts are its fields ("三、实施…改水、改厕 ⏎ (一)责任领导:高勤 ⏎ (二)责任单位:
    市教育局 ⏎ (三)协办单位:… ⏎ (四)项目内容及任务分解:… ⏎ (六)完成时限:2008年内"): the owner, person and time-limit
    parts name the task's owners and deadline, and are no tasks of their own; its other parts stay, under it."""
    absorbed: set[int] = set()
    for item in items:
        if len(item.children) < 2:
            continue
        fields = []
        for child in item.children:
            at = child.start + len(child.number or "")
            while at < child.end and text[at] in " \t\u3000":
                at += 1
            if (label := LABEL.match(text, at, child.end)) is None or "\n" in text[at:child.end].strip():
                continue        # (a field is its label and its value, on one line)
            if (spec := parse_owner_span(text, label.start(), child.end)) is not None and not spec.empty:
                fields.append((child, spec))
        named = [spec for _, spec in fields if spec.lead or spec.responsible]
        if len(fields) < 2 or not named or item.owners is not None and not item.owners.empty:
            continue
        owners = OwnerSpec()
        for _, spec in fields:
            owners.merge(spec)
        owners.start, owners.end = min(sp.start for _, sp in fields), max(sp.end for _, sp in fields)
        item.owners = owners
        for child, _ in fields:
            absorbed.add(id(child))
            item.children.remove(child)
    return [it for it in items if id(it) not in absorbed] if absorbed else items