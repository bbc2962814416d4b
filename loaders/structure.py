"""Document structure: numbered headings (一、 / (一) / 1. / (1) / ①) as a tree of items with spans.

Ranks follow the official-document convention (GB/T 9704): 一、 > (一) > 1. > (1) > ①. A document that starts
mid-way (上接5版) simply has no higher-ranked items above its first ones.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

CN_NUM = "一二三四五六七八九十"
BRACKETED_CN_MARKER = re.compile(rf"\(\s*([{CN_NUM}]{{1,3}})\s*\)")
DECIMAL_LIKE = re.compile(r"(\d{1,2})\s*\.(?=\d)")      # "4.12328投诉…": kept only when it continues a list
MARKERS = [
    (1, re.compile(rf"([{CN_NUM}]{{1,3}})\s*、")),
    (2, BRACKETED_CN_MARKER),
    # "1、2023年10月底前,…": 、 is never a decimal point; "63.com" (an address broken over lines) is no item
    (3, re.compile(r"(\d{1,2})\s*(?:、|\.(?![\dA-Za-z]))")),
    (3, re.compile(r"(\d{1,2})\s*\.(?=(?:19|20)\d\d\s*年)")),   # "1.2009年底前,完成…": a year is no decimal
    (3, DECIMAL_LIKE),
    (4, re.compile(r"\(\s*(\d{1,2})\s*\)")),
    (5, re.compile(r"([①-⑳])")),
    # one character for the whole marker: "⒈ ⒉" as 1. 2., "㈠ ㈡" as (一) (二)
    (3, re.compile(r"([⒈-⒛])")),
    (2, re.compile(r"([㈠-㈩])")),
    (3, re.compile(r"序\s*号\s*[:]?\s*(\d{1,3})(?!\d)")),   # a record of fields opened by its number: "序号:2"
    (3, RECORD_NUMBER := re.compile(r"(\d{2})[^\S\n]*$")),
    # "一是道路保洁不到位。⏎…⏎二是…": the ordinal opening a line heads a part when the list goes on
    (5.5, ORDINAL_LINE := re.compile(rf"([{CN_NUM}]{{1,3}})是(?=[\u4e00-\u9fff“])")),
]
OPEN_BRACKET = re.compile(r"〔[^〔〕]{2,600}?〕")     # a 〔…〕 note, on one line or over several
NEXT_ORDINAL_LINE = re.compile(r"\n[^\S\n]*二是")
# A record's number alone on its line, two figures, its fields under it: "01⏎学校名称:…⏎问题隐患:…".
FIELD_AFTER = re.compile(r"\n[^\S\n]*[\u4e00-\u9fff()]{2,12}[:]")
FIELD_LABEL_BEFORE = re.compile(r"(?:^|\n)[^\S\n]*[\u4e00-\u9fff()]{2,12}[:][^\S\n]*\n\s*$")   # "交办单编号:⏎"
# Every marker above starts with one of these characters; only lines that start so (after white space
# other than the line break, which is what lstrip() removes from a line) can open an item.
MARKER_LINE = re.compile(rf"^[^\S\n]*[{CN_NUM}(\d①-⑳⒈-⒛㈠-㈩序]", re.M)
# A list marker opening a line or item ("1、", "2.", "(三)", "四、"), with the white space around it.
LEADING_MARKER = re.compile(rf"\s*(?:\d{{1,3}}[.、.]|[((][\d{CN_NUM}]{{1,3}}[))]|[{CN_NUM}]{{1,3}}、|[⒈-⒛㈠-㈩])\s*")
MEASURE_LABEL = r"整改措施|整治措施|工作措施|具体措施|主要措施|整改任务|重点任务|措施"
OUTCOME_LABEL = (r"整改进展情况|整改完成情况|整改落实情况|整改情况|整改进展|进展情况|完成情况|整改结果|整改成效|落实情况|办理情况|"
                 r"(?:整改|完成|办理|办结)状态|整改进度|"
                 # a case record's outcome field (环保督察 信访件: 处理和整改情况, 查处情况, 办理结果)
                 r"(?:处理|查处|调查处理)和?整改情况|(?:处理|查处|办理)(?:情况|结果)|"
                 # an inspection notice's verdict on each task it checked (督查结果:工作推进缓慢)
                 r"(?:督查|督导|检查|核查|复查|暗访)(?:结果|结论)")
OTHER_LABEL = r"量化指标|工作目标|目标任务|存在问题|问题表现|具体表现"
LABEL_LINE = re.compile(rf"(?:^|(?<=[。;”]))\s*({MEASURE_LABEL}|{OUTCOME_LABEL}|{OTHER_LABEL})\s*[:]", re.M)
BREAK_LINE = re.compile(r"^\s*(?:欢迎广大|联系电话|联系方式|联系人|邮政信箱|电子邮箱|邮编|附件\s*[:\d]|抄送|特此通[知报告]|"
                        r"Copyright|版权所有|(?:主办|承办)单位.*(?:承办|主办|网站|版权|技术支持|ICP)|建议使用|网站标识|.*ICP备|.*公网安备|上一篇|下一篇|【打印】|"
                        r"\s*\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*$)")


@dataclass
class Item:
    id: str
    rank: float
    number: str | None
    value: int | None        # the list position the marker states, to tell "4.12328…" from decimals
    start: int
    end: int
    parent: "Item | None" = None
    children: list["Item"] = field(default_factory=list)
    kind: str = "section"
    from_block: bool = False   # made from an unnumbered paragraph under 整改措施:
    labels: list[tuple[str, int, int]] = field(default_factory=list)
    owners: object = None      # OwnerSpec, set by the extractor
    inherited: bool = False    # owners given for the block this item belongs to
    status: str | None = None
    status_read: bool = False  # the status was read with the item (a card's outcome field)
    finding: bool = False      # named as a finding by the sentence that lists it (进度较慢的项目,一是…)
    convention: str | None = None
    cites: list[dict] = field(default_factory=list)

    @property
    def own_end(self) -> int:
        """End of the item's own text: up to its first numbered child."""
        numbered = [c for c in self.children if not c.from_block]
        return numbered[0].start if numbered else self.end


def marker_value(s: str) -> int | None:
    if s and s in "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳":
        return "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳".index(s) + 1
    if len(s) == 1 and "⒈" <= s <= "⒛":
        return ord(s) - ord("⒈") + 1
    if len(s) == 1 and "㈠" <= s <= "㈩":
        return ord(s) - ord("㈠") + 1
    if s.isdecimal():  # not isdigit(): "①" is a digit that int() refuses (found by fuzzing)
        return int(s)
    if s == "十":
        return 10
    if "十" in s:
        tens, _, ones = s.partition("十")
        return (CN_NUM.index(tens) + 1 if tens else 1) * 10 + (CN_NUM.index(ones) + 1 if ones else 0)
    return CN_NUM.index(s) + 1 if len(s) == 1 and s in CN_NUM else None


def line_spans(text: str):
    pos = 0
    for line in text.split("\n"):
        yield pos, line
        pos += len(line) + 1


def break_offsets(lines: list[tuple[int, str]], signature_at: int | None, site_headings: list[int]) -> list[int]:
    """Lines that end a body of text (``lines`` from ``line_spans``): signature blocks, contact lines, page
    footers, and the headings over sites (``headings_over_sites``, which the caller reads the sites under)."""
    filled = [(pos, line) for pos, line in lines if line.strip()]
    breaks = [pos for k, (pos, line) in enumerate(filled) if BREAK_LINE.match(line)
              and not (k and DATE_ALONE.match(line) and TIME_LIMIT_LABEL.search(filled[k - 1][1]))]
    breaks += site_headings
    # a closing paragraph about all the findings above ("请各责任单位针对上述通报的问题迅速整改") is no finding's
    breaks += [pos for pos, line in lines if ABOUT_ALL_ABOVE.match(line)]
    if signature_at is not None:
        breaks.append(signature_at)
    return sorted(set(breaks))


# A date alone on its line closes a signed body, but under a time-limit heading ("五、完成时限 ⏎ 2025年12月31日") it is
# that field's value.
DATE_ALONE = re.compile(r"^\s*\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*$")
TIME_LIMIT_LABEL = re.compile(r"(?:时限|期限|完成时间|整改时间|时间节点)[::]?\s*$")
ABOUT_ALL_ABOVE = re.compile(r"^\s*(?:请|要求|希望)[^。\n]{0,20}(?:针对|对照|对)(?:上述|以上|前述)[^。\n]{0,16}问题")
HEADING_ALONE = re.compile(r"[\u4e00-\u9fff]{4,14}")
SITE_WITH_OWNERS = re.compile(r"\s*[^\n(。]{2,40}\((?:整改|牵头|主体)?责任(?:单位|部门|主体)[:]")


def headings_over_sites(lines: list[tuple[int, str]]) -> list[int]:
    """A short heading alone on its line, after a paragraph and before a site named with its owners
    ("…等问题已按时整改到位。⏎整改未落实的点位⏎客运中心(责任单位:交通局):…"), opens a new part: the
    numbered item above ends there, and the sites under the heading are records of their own."""
    found = []
    filled = [(pos, line.strip()) for pos, line in lines if line.strip()]
    for k in range(1, len(filled) - 1):
        pos, line = filled[k]
        before, after = filled[k - 1][1], filled[k + 1][1]
        if HEADING_ALONE.fullmatch(line) and before[-1] in "。;" and SITE_WITH_OWNERS.match(after):
            found.append(pos)
    return found


def build_items(text: str, breaks: list[int], ordinal_lines: bool = True) -> list[Item]:
    """All numbered items in document order, nested by rank, each ending at its next sibling or a break.

    A list of records written as fields ("1、交办问题基本情况:… 处理和整改情况:1、…2、…") numbers the lines of
    a field inside a record as the records are numbered; those lines belong to their record.

    ``ordinal_lines``: whether "一是…" opening lines heads parts (a reply's are its undertakings, read as such)."""
    # "2.公开…规划〔公开路径:(1)政府网站>…;(2)其他渠道〕": the numbers inside a 〔〕 note are its parts, no items
    notes = [m.span() for m in OPEN_BRACKET.finditer(text)] if "〔" in text else []
    items = _build_items(text, breaks, {}, ordinal_lines, notes)
    records = _record_regions(text, items, breaks)
    return _build_items(text, breaks, records, ordinal_lines, notes) if records else items


RECORD_HEAD = re.compile(r"\s*(?:\n\s*)*([\u4e00-\u9fff]{2,10})\s*:")


def _record_regions(text: str, items: list[Item], breaks: list[int]) -> dict[float, list[tuple[int, int]]]:
    """Per rank, (first field's end, record end) of each record, in text order: sibling items that each open
    with the same field label ("交办问题基本情况:", or the fields under "序号:N"), at least two of them. A record
    ends at the next record, the last one at the next break. Records of one rank never overlap (siblings
    follow each other; records under different parents lie in different parents)."""
    heads: dict[tuple[float, int, str], list[tuple[Item, int]]] = {}
    for item in items:
        m = RECORD_HEAD.match(text, item.start + len(item.number or ""), item.end)
        if m:
            heads.setdefault((item.rank, id(item.parent), m.group(1)), []).append((item, m.end()))
    regions: dict[float, list[tuple[int, int]]] = {}
    breaks = sorted(breaks)
    for (rank, _, _), records in heads.items():
        if len(records) < 2:
            continue
        for k, (record, fields_at) in enumerate(records):
            if k + 1 < len(records):
                end = records[k + 1][0].start
            else:
                k_break = bisect_right(breaks, record.start)
                end = breaks[k_break] if k_break < len(breaks) else len(text)
            regions.setdefault(rank, []).append((fields_at, end))
    return {rank: sorted(spans) for rank, spans in regions.items()}


def _inside(spans: list[tuple[int, int]], at: int) -> bool:
    """Whether ``at`` lies strictly inside one of these spans (in text order, none overlapping), by bisection."""
    k = bisect_right(spans, (at, float("inf"))) - 1
    return k >= 0 and spans[k][0] < at < spans[k][1]


def _rank_in_records(rank: float, at: int, records: dict[float, list[tuple[int, int]]]) -> float:
    """A marker of the records' own rank inside a record, after its first field, numbers lines of a field.
    Found by bisection: a page of thousands of records stays linear."""
    spans = records.get(rank)
    if spans:
        k = bisect_right(spans, (at, float("inf"))) - 1
        if k >= 0 and spans[k][0] <= at < spans[k][1]:
            return rank + 0.5
    return rank


def _build_items(text: str, breaks: list[int], records, ordinal_lines: bool,
                 notes: list[tuple[int, int]]) -> list[Item]:
    items: list[Item] = []
    stack: list[Item] = []
    last_value: dict[tuple[int, int], int] = {}   # (rank, parent index) → last number seen
    for pos, line, midline in _marker_lines(text):
        stripped = line.lstrip()
        at = pos + len(line) - len(stripped)
        if notes and _inside(notes, at):
            continue
        for rank, pattern in MARKERS:
            m = pattern.match(stripped)
            if not m:
                continue
            rank = _rank_in_records(rank, at, records) if records else rank
            value = marker_value(m.group(1))
            depth = len(stack)
            while depth and stack[depth - 1].rank >= rank:
                depth -= 1
            parent_key = (rank, id(stack[depth - 1]) if depth else 0)
            if pattern is DECIMAL_LIKE and last_value.get(parent_key) != (value or 0) - 1:
                break                    # "1.4万…" is a decimal, not item 1
            if pattern is ORDINAL_LINE and (midline or not ordinal_lines or depth or not (
                    last_value.get(parent_key) == (value or 0) - 1
                    or (value == 1 and NEXT_ORDINAL_LINE.search(text, at, at + 3000)))):
                break       # "一是" opens a part only in a list of such lines, never inside a sentence, and only
                #             outside numbered items (under one, its lines are that item's measures)
            if pattern is RECORD_NUMBER and (not FIELD_AFTER.match(text, at + len(stripped))
                                             or FIELD_LABEL_BEFORE.search(text, max(0, at - 40), at)):
                break       # a number alone on its line opens a record only with its fields under it, and is
                #             no field's value ("交办单编号:⏎37")
            if midline and not (last_value.get(parent_key) == (value or 0) - 1
                                or (value == 1 and depth == len(stack) and parent_key not in last_value)
                                or (pattern is BRACKETED_CN_MARKER and parent_key not in last_value
                                    and _list_goes_on(text, at + m.end(), value))):
                break                    # run into a sentence, a marker counts only where it continues a list
            del stack[depth:]
            number = WHITE.sub("", m.group())
            item = Item(id=f"i{len(items) + 1}", rank=rank, number=number, value=value, start=at, end=len(text),
                        parent=stack[-1] if stack else None)
            if item.parent:
                item.parent.children.append(item)
            last_value[parent_key] = value or 0
            items.append(item)
            stack.append(item)
            break
    _set_ends(items, breaks, len(text))
    return items


# A heading run into the previous sentence ("…负责) 2.落实…", "…通知 一、…"): after a sentence end, a closing
# bracket or white space inside a line; and the first heading run straight after a title ("…清单一、关于…").
MIDLINE_MARKER = re.compile(rf"(?:[。;:!?)]|[^\S\n])[^\S\n]*(?=[{CN_NUM}]{{1,3}}、|\(\s*[{CN_NUM}\d]{{1,3}}\s*\)|"
                            r"\d{1,2}\s*[.、]|[①-⑳⒈-⒛㈠-㈩])")
AFTER_TITLE = re.compile(r"(?:清单|通报|报告|方案|意见|情况)(?=一、)")


# A page that continues an earlier one ("[接上页] …(二十六)…(二十七)…") opens mid-list: a bracketed Chinese
# numeral run into a line starts the list where the next number follows it on the page.
def _list_goes_on(text: str, at: int, value: int | None) -> bool:
    return value is not None and any(marker_value(m.group(1)) == value + 1
                                     for m in BRACKETED_CN_MARKER.finditer(text, at, at + 1500))


def _marker_lines(text: str):
    """(offset, rest of line, run into a line?) for every place an item marker may start, in order."""
    starts = {m.start(): False for m in MARKER_LINE.finditer(text)}
    newlines = [m.start() for m in re.finditer("\n", text)]
    for pattern in (MIDLINE_MARKER, AFTER_TITLE):
        for m in pattern.finditer(text):
            k = bisect_right(newlines, m.start() - 1)
            line_start = newlines[k - 1] + 1 if k else 0
            if line_start < m.start() and text[line_start:m.end()].strip():
                starts.setdefault(m.end(), True)
    for start in sorted(starts):
        end = text.find("\n", start)
        yield start, text[start:end if end >= 0 else len(text)], starts[start]


def _set_ends(items: list[Item], breaks: list[int], text_len: int) -> None:
    """Each item ends at the next item of its rank or higher, or at the first break after its start."""
    breaks = sorted(breaks)
    open_items: list[Item] = []       # items whose end is not known yet; ranks rise from bottom to top
    for item in items:
        while open_items and open_items[-1].rank >= item.rank:
            open_items.pop().end = item.start
        open_items.append(item)
    for item in open_items:
        item.end = text_len
    for item in items:
        k = bisect_right(breaks, item.start)
        if k < len(breaks):
            item.end = min(item.end, breaks[k])


def find_labels(text: str, start: int, end: int) -> list[tuple[str, int, int]]:
    """Block labels in a range: ("整改措施", label start, where its content starts)."""
    return [(m.group(1), m.start(1), m.end()) for m in LABEL_LINE.finditer(text, start, end)]


MEASURE_RE, OUTCOME_RE, WHITE = re.compile(MEASURE_LABEL), re.compile(OUTCOME_LABEL), re.compile(r"\s+")


def is_measure_label(label: str) -> bool:
    return bool(MEASURE_RE.fullmatch(label))


def is_outcome_label(label: str) -> bool:
    return bool(OUTCOME_RE.fullmatch(label))


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink a span so it neither starts nor ends in white space."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
