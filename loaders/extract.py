"""One document → the extraction contract (tests/fixtures/gold/README.md): document facts and items.

Parsers read ``src.folded`` (half-width punctuation, simplified script); every span indexes ``src.text`` too,
and the item text printed is the shown text. Order of work: metadata → numbered tree → tasks made from
owner parentheticals and 整改措施 paragraphs → owners (parentheticals, label lines, text tables) → conventions
→ kinds → deadlines → status → cites.
"""
from __future__ import annotations

import heapq
import re
from dataclasses import replace
from difflib import SequenceMatcher
from itertools import takewhile

from .cards import card_tasks, owner_field_children, reply_tasks
from .replies import own_reply_items, reply_undertakings
from .deadlines import DAY_RANGE, find_body_deadline, looks_like_deadline, parse_deadline
from .budget import OverBudget, budget, check
from .cards import closure_notice, findings_notice, field_role, field_section, field_sections
from .flat_tables import flat_table_tasks
from .metadata import find_cites, first_heading, read_meta
from .noise import PINYIN, cut, find_noise, remap
from .textfold import fold
from .owner_index import OwnerParentheticals
from .owner_cells import bare_owner_cells
from .owners import LINE_LABEL, OwnerSpec, parse_owner_span
from .sentence_owners import (SUBJECT_END, _duty_heading, addressed_tasks, asked_in_item, charged_sentences, quoted_charges, sentence_owners,
                              sole_told_subject,
                              sentence_tasks)
from .source import SourceText, UnreadableDocument
from .status import VERDICT_ONLY, classify
from .structure import (LEADING_MARKER, SITE_WITH_OWNERS, Item, break_offsets, build_items, find_labels,
                        headings_over_sites, is_measure_label, is_outcome_label, line_spans, marker_value, trim)
from .tables import table_tasks
from .units import UNIT_END, Mention, all_units, canonical, looks_like_unit, self_named, split_unit_list

PROBLEM_HEAD = re.compile(r"针对[“\"]([^”\"]{2,200})[”\"](?:的|等)?问题|关于[“\"][^”\"]{2,200}[”\"](?:的)?问题|^\s*(?:存在)?问题\s*[\d:一二三四五六七八九十]"
                          # a heading that names a kind of problem: 一、…方面存在的问题
                          r"|^[^。;,]{2,60}问题\s*$")
FIRST_IS_LEAD = re.compile(r"(?:列|排|居|名列)(?:在)?(?:第一|首)位(?:的|者)?(?:单位|部门)?(?:为|是)牵头|"
                           r"由(?:排名|排序|排列|列|排)(?:在)?(?:第一|首)位?(?:的)?(?:单位|部门)牵头|"   # "原则上由排名首位的部门牵头负责"
                           r"第一(?:个|家)?(?:责任)?(?:单位|部门)(?:为|是)牵头|"
                           r"首位(?:的)?(?:责任)?(?:单位|部门)?(?:为|是)牵头")      # "(首位单位为牵头单位,下同)"
# "〔责任单位:水利厅;省发展改革委、财政厅…〕(分号前为牵头单位,下同)": the units before the list's semicolon lead.
SEMICOLON_LEAD = re.compile(r"分号(?:之)?前(?:的)?(?:单位|部门)?(?:为|是)牵头")
RESP_IS_LEAD = re.compile(r"(?:无|没有|未列|未明确)牵头(?:单位|部门)的?[,]?(?:其)?(?:责任|负责)(?:单位|部门)(?:即为|即是|即|为|就是)牵头")
HAN_RUN = re.compile(r"[\u4e00-\u9fff]")
# Bumped whenever the extraction of the same bytes changes, so a store re-extracts documents it already holds.
EXTRACTOR_VERSION = 324


def extract_source(src: SourceText) -> dict:
    noise = find_noise(src.folded)
    if not noise:
        return _as_printed(_extract(src), src.text, src.folded)
    # A mirror page: parse the text with its pinyin cut out, then point every span back into the shown text.
    shown, where = cut(src.text, noise)
    folded, _ = cut(src.folded, noise)
    out = remap(_extract(replace(src, text=shown, folded=folded)), where)
    for item in out["items"]:
        item["text"] = src.text[item["span"][0]:item["span"][1]]
        deadline = item["deadline"]
        if deadline.get("span"):
            deadline["raw"] = src.text[deadline["span"][0]:deadline["span"][1]].strip()
    return _as_printed(out, src.text, src.folded)


def _as_printed(out: dict, text: str, folded_text: str) -> dict:
    """Each unit's mention in the script the document prints it in (縣財政局): the parsers read the folded twin,
    the evidence is the text. A mirror's pinyin stays folded away (高新區(qū) → 高新區); a mention rebuilt from
    its list (市、区编委办 → 区编委办) stays as rebuilt."""
    for item in out["items"]:
        script = None       # simplified → the character the item prints, where it differs (read once per item)
        for unit in item["lead"] + item["responsible"]:
            start, end = unit["span"]
            if text[start:end] == unit["mention"]:
                continue        # (most mentions: printed as read)
            folded = fold(text[start:end])
            printed, _ = cut(text[start:end], [m.span() for m in PINYIN.finditer(folded)])
            if fold(printed) == unit["mention"]:
                unit["mention"] = printed
            elif folded_text[item["span"][0]:item["span"][1]] != text[item["span"][0]:item["span"][1]]:
                # rebuilt from a list printed in another script (相關市、縣政府, 市、興隆臺區編委辦 → 市編委辦)
                if script is None:
                    s, e = item["span"]
                    script = {f: t for f, t in zip(folded_text[s:e], text[s:e]) if f != t and "\u4e00" <= t <= "\u9fff"}
                unit["mention"] = "".join(script.get(c, c) for c in unit["mention"])
    # so are the document's own title, issuer, number and place (穗府辦〔2006〕19號, 廣州市), a joint issuer's
    # each body, and the numbers and titles it cites, each looked for where it was read
    def printed(value: str | None, start: int = 0) -> str | None:
        if not value:
            return value
        parts = []
        for part in value.split(" "):
            at = folded_text.find(part, start)
            parts.append(text[at:at + len(part)] if at >= 0 else part)
        return " ".join(parts)
    document = out["document"]
    for key in ("title", "issuer", "doc_no", "jurisdiction"):
        document[key] = printed(document.get(key))
    for cite in document["cites"] + [cite for item in out["items"] for cite in item["cites"]]:
        cite["title"], cite["doc_no"] = printed(cite["title"], cite["span"][0]), printed(cite["doc_no"], cite["span"][0])
    return out


# A page flattened to one long line, its line breaks turned into single spaces ("…堆放有杂物; 整改责任单位:X
# 整改时限:2021年8月13日前 1.员工食堂…"): for parsing, each such space between two words is a line break again.
# (not between two Latin letters or digits: "2021 年", "Word 文档"; a table's row keeps its cells)
# (nor before a number with its measure word: "保证 2018 年 7 月底完成", "教室现有 6 个")
FLAT_GAP = re.compile(r"(?<=[^\s|])[ \u3000](?=[^\s|])(?<![A-Za-z0-9] )(?<![A-Za-z0-9]\u3000)(?![A-Za-z0-9]{2})"
                      r"(?!\d{1,4}[ \u3000]?[年月日个项条件处名所座次%])")
FLAT_LINE = re.compile(r"[^\n|\t]{150,}")
# (a page whose table cells were kept apart by runs of spaces, "序号   2025年度工作任务   责任单位   1   …")
WIDE_GAP = re.compile(r"(?<=\S)[ \u3000]{3,8}(?=\S)")


def _unflattened(text: str) -> str:
    """The text with the gaps of a flattened page made line breaks (same length: spans still index it). A
    flattened page is mostly one line; a long paragraph among others keeps its spaces."""
    def lines(m: re.Match) -> str:
        line = m.group()
        if len(WIDE_GAP.findall(line)) >= 6:     # cells kept apart by runs of spaces: each run a line break
            return WIDE_GAP.sub(lambda gap: "\n" + gap.group()[1:], line)
        return FLAT_GAP.sub("\n", line) if len(FLAT_GAP.findall(line)) >= 6 else line
    if len(max(text.split("\n"), key=len)) * 2 < len(text.strip()):
        return text             # most documents: no line holds half of them
    return FLAT_LINE.sub(lambda m: lines(m) if len(m.group()) * 2 >= len(text.strip()) else m.group(), text)


# A field label in lenticular brackets at a line's start ("【主管单位】市城管局", "【存在问题】⏎…"): read as "主管单位:"
# (same length: spans still index the text).
BRACKET_LABEL = re.compile(r"^([^\S\n]*)【([\u4e00-\u9fff]{2,8})】", re.M)


def _bracket_labels(text: str) -> str:
    return BRACKET_LABEL.sub(lambda m: f"{m.group(1)} {m.group(2)}:", text) if "【" in text else text


def _extract(src: SourceText) -> dict:
    text = _bracket_labels(_unflattened(src.folded))
    meta = read_meta(text)
    year = int(meta.date[:4]) if meta.date else _first_year(text)
    lines = list(line_spans(text))
    site_headings = headings_over_sites(lines)
    breaks = break_offsets(lines, meta.body_end, site_headings)
    items = build_items(text, breaks, ordinal_lines=meta.kind != "提案建议答复")
    for item in items:
        item.labels = find_labels(text, item.start, _own_region(item)[1])
    check()
    items = owner_field_children(text, field_sections(text, items))
    parens = OwnerParentheticals(text)
    items = _split_on_owner_parentheticals(text, items, parens, meta.reports_outcomes)
    items = _block_tasks(text, items, parens)
    # (a covering notice signed above a longer attachment ends the notice, not the text: the attachment's
    # paragraphs are read too)
    signed = meta.body_end if meta.body_end is not None and len(text) - meta.body_end > 2 * meta.body_end else None
    head_breaks = [b for b in breaks if signed is None or not signed <= b <= signed + SIGNATURE_BLOCK]
    closed = _closed_paragraphs(text, items, parens, head_breaks)
    items += closed + _dated_paragraphs(text, items, head_breaks, closed)
    items += _sites_under_headings(text, items, site_headings)
    check()
    items += table_tasks(text, items)
    items += flat_table_tasks(text, items)
    check()
    cards = card_tasks(text, items)
    items += cards
    items += reply_tasks(text, items)
    items += addressed_tasks(text, items)
    # a reply to a proposal reports, but what the replying unit says it does or will do is its undertaking
    items += sentence_tasks(text, items, meta.reports_outcomes and meta.kind != "提案建议答复")
    if meta.kind == "提案建议答复":
        items += reply_undertakings(text, items, meta.issuer, meta.issuer_span)
    if meta.reports_outcomes:
        items += _ordinal_findings(text, items)
    items = _in_reading_order(items)
    check()
    _assign_parenthetical_owners(text, items, parens)
    if between := _assign_owner_lines(text, items, [(c.start, c.end) for c in cards]):
        items = _in_reading_order(items + between)
    _carry_same_below(items)
    bare_owner_cells(text, items)
    charged = []
    for item in items:
        if item.owners is None and item.children and not meta.reports_outcomes \
                and (intro := _intro_owners(text, item)) is not None:
            item.owners = intro
            continue
        if item.owners is None and not item.children:
            item.owners = sentence_owners(text, *_own_region(item), report=meta.reports_outcomes)
            if meta.reports_outcomes and (item.owners is None or item.owners.empty):
                # "…会上,再次督促X尽快安排道路硬化,同时要求Y主动对接…": in a report, the bodies told to do it
                item.owners = asked_in_item(text, *_own_region(item)) or item.owners
            if item.owners is None or item.owners.empty:
                # (or a quota per line, each line opening on whose it is)
                more = _charged_children(text, item, meta.reports_outcomes) or _quota_lines(text, item) \
                    or _quoted_charge_children(text, item) or _stage_lines(text, item)
                charged += more
                if not more:
                    item.owners = sole_told_subject(text, *_own_region(item)) or item.owners
            elif _measure_lines(text, item) and (measures := _charged_children(text, item, meta.reports_outcomes,
                                                                                 lines=True)):
                item.owners = None          # the owners are its measures', each on its line
                charged += measures
            elif measures := _owner_line_measures(text, item):
                item.owners = None
                charged += measures
            elif _duty_headings(text, item) >= 2 and (measures := _charged_children(text, item, report=False)):
                item.owners = None          # a duty list: each unit named before a colon, its duties after it
                charged += measures
            elif len(TOPIC_SENTENCE.findall(text, item.start, item.end)) >= 2 and \
                    (measures := _charged_children(text, item, report=False)):      # (assignments, even in a report)
                item.owners = None          # topics run together, each then the unit charged with it
                charged += measures
            elif not item.children and len(TOLD_SENTENCE.findall(text, item.start, item.end)) >= 2 and \
                    (measures := _charged_children(text, item, report=False)):
                item.owners = None          # a requirement telling several bodies, sentence by sentence, their part
                charged += measures
            elif not item.children and len(DUTY_CLAUSE.findall(text, item.start, item.end)) >= 3 and \
                    (measures := _charged_children(text, item, report=False)):
                item.owners = None          # a division of duties, clause by clause: "X部门负责…,Y部门负责…"
                charged += measures
        elif meta.reports_outcomes and item.owners is None and item.children:
            # a report's heading over numbered parts, narrating first what the bodies did ("一、总体情况⏎市政府认真
            # 贯彻…;市审计局认真贯彻…⏎(一)…"): each body's part of that paragraph is its measure
            charged += _measures_of(item, charged_sentences(text, *_own_region(item), report=True))
    if charged:
        items = _in_reading_order(items + charged)
    if meta.kind == "提案建议答复":
        own_reply_items(text, items, meta.issuer, meta.issuer_span)
    else:
        _announced_parts(text, items)
    _pledged_by_the_letter(text, meta.title, items)
    _starred_owner_cells(text, items)
    _heading_owners(text, items)
    conventions = _apply_conventions(text, items)
    for item in items:
        _sole_responsible_leads(item)
    _leads_listed_among_all(items)
    for item in items:
        item.kind = _kind(text, item)
        if not item.status_read:
            item.status = _status(text, item, meta.reports_outcomes)
    check()
    _ordinal_statuses(text, items)
    _outcomes_by_number(text, items)
    if meta.reports_outcomes:
        _named_outcomes(text, items)
        _group_statuses(text, items)
        _closing_outcome(text, items)
        _all_claimed_done(meta.claimed, items)
    _heading_statuses(text, items)
    _outcome_fields(text, items)
    for item in items:      # "整改时限:已完成整改": a time limit field that holds the verdict instead
        if item.status is None and item.owners is not None and item.owners.deadline \
                and VERDICT_ONLY.fullmatch(item.owners.deadline[0] or ""):
            item.status = "done"
    _listed_as_unfinished(text, items)
    if closure_notice(text):        # what a closure notice announces, where no outcome says otherwise
        for item in items:
            if item.kind == "problem" and item.status is None:
                item.status = "done"
        # its finding in a numbered field section ("一、整改任务:…" over 二、整改目标, 三、整改措施…), whatever its
        # measures' own outcomes say
        finding = next((item for item in items if item.parent is None
                        and (field := field_section(text, item)) and field[0] == "task"), None)
        if finding is not None:
            finding.status = finding.status or "done"
            for child in finding.children if finding.status == "done" else ():
                child.status = child.status or "done"   # "一、整改问题 ⏎ (一)…": the findings listed under it
    elif found := findings_notice(text):   # what an inspection found, where no outcome is stated, is still open
        for item in items:
            if item.start >= found.end() and item.kind in ("problem", "task") and item.status is None:
                item.status = _reported_outcome(text, item) or "pending"
    cites = find_cites(text, meta.doc_no)
    doc_cites = _attach_cites(cites, items)
    document = {
        "title": meta.title or first_heading(text), "issuer": meta.issuer, "doc_no": meta.doc_no, "date": meta.date,
        "jurisdiction": meta.jurisdiction, "kind": meta.kind, "claimed": meta.claimed, "cites": doc_cites,
        "conventions": conventions, "extractor": EXTRACTOR_VERSION,
        "sha256": src.sha256, "path": src.path, "format": src.format,
        "encoding": src.encoding, "title_span": list(meta.title_span) if meta.title_span else None,
        "issuer_span": list(meta.issuer_span) if meta.issuer_span else None,
    }
    period = _document_period(text, items)
    records = [_item_record(src, it, year, meta.jurisdiction, period) for it in items]
    _name_self_references(records, meta.issuer, meta.jurisdiction)
    return {"document": document, "items": records}


def _name_self_references(records: list[dict], issuer: str | None, place: str | None) -> None:
    """"我局将…": the unit is the issuer, one node with its other documents (the mention stays as written)."""
    for record in records:
        for unit in record["lead"] + record["responsible"]:
            if (named := self_named(unit["mention"], issuer)) is not None:
                unit["name"], unit["jurisdiction"] = canonical(named, place)


def extract_file(path: str) -> tuple[SourceText, dict]:
    """Read and extract one file within its time budget (loaders/budget.py); past it, UnreadableDocument."""
    from .readers import read_document
    try:
        with budget():
            src = read_document(path)
            return src, extract_source(src)
    except OverBudget as exc:
        raise UnreadableDocument(path, str(exc)) from None


def _first_year(text: str) -> int | None:
    m = re.search(r"((?:19|20)\d{2})\s*年", text[:2000])
    return int(m.group(1)) if m else None


def _in_reading_order(items: list[Item]) -> list[Item]:
    """The items sorted as the document reads them, numbered i1, i2, … in that order."""
    items = sorted(items, key=lambda it: (it.start, it.rank))
    for n, item in enumerate(items, 1):
        item.id = f"i{n}"
    return items


def _findings(items: list[Item]) -> list[Item]:
    """The problems, and the items listed directly under a problem heading (审计发现的问题 (一)…)."""
    return [it for it in items if it.kind == "problem" or (it.parent is not None and it.parent.kind == "problem")]


# A part's own sentence before its numbered parts, telling a body the work: "一、严格办理程序 ⏎ 各承办单位要严格按照…
# 办理法定程序,切实做好办理工作。 ⏎ (一)任务交办。…": the body answers for the part (its parts that name no one of
# their own answer to it).
INTRO_TOLD = re.compile(r"(?:^|(?<=[。\n]))[^\S\n]*(?:各|有关|相关)?[\u4e00-\u9fff()、]{2,24}?(?:单位|部门|政府|局|委|办)(?:要|须|必须|务必)")


def _intro_owners(text: str, item: Item) -> OwnerSpec | None:
    start, end = _own_region(item)
    heading_end = text.find("\n", start, end)
    if heading_end < 0 or not INTRO_TOLD.search(text, heading_end, end):
        return None
    spec = sentence_owners(text, heading_end, end)
    return spec if spec is not None and (spec.lead or spec.responsible) else None


# A body announcing the numbered parts after it as its own work: "…拂晓乡将从以下几点开展工作:⏎一是…⏎二是…",
# "县教育局采取以下措施:" — each part that names no owner is that body's.
BODY_ANNOUNCED = re.compile(rf"([\u4e00-\u9fff()]{{2,20}}?(?:{SUBJECT_END}|乡|镇|街道))(?:将|拟|要|还将)?[^。\n:,]{{0,8}}?"
                            r"(?:从|采取|做好|抓好|开展|围绕)?[^。\n:,]{0,6}?(?:以下|如下)(?:几点|几个方面|方面|措施|工作)"
                            r"[^。\n]{0,8}[:。]?\s*$")


def _announced_parts(text: str, items: list[Item]) -> None:
    runs: dict[int, list[Item]] = {}
    for item in items:
        if item.number and not item.children:
            runs.setdefault(id(item.parent), []).append(item)
    for run in runs.values():
        first = min(run, key=lambda it: it.start)
        line_start = text.rfind("\n", 0, max(0, first.start - 1)) + 1
        sentence_start = max(line_start, text.rfind("。", line_start, first.start) + 1)
        m = BODY_ANNOUNCED.search(text, sentence_start, first.start)
        units = m and split_unit_list(m.group(1), m.start(1))
        if not units or len(units) != 1 or not all_units(units):
            continue
        for item in run:
            if _names_no_unit(item):
                item.owners = OwnerSpec(lead=[units[0]], start=units[0].start, end=units[0].end)


# A target-responsibility letter (目标责任书) is signed by the body that answers for every target in it: its title names
# that body ("杨凌示范区水务局2018年度(分季)目标责任书"), or its field does ("部门(单位):示范区水务局").
LETTER_TITLE = re.compile(r"^\s*([\u4e00-\u9fff()]{2,30}?)\s*(?:\d{4}年度?)?\s*(?:\([^()]{1,6}\))?\s*目标(?:管理)?责任书")
LETTER_FIELD = re.compile(r"^[^\S\n]*(?:部门\(单位\)|责任单位|单位名称|部门)[^\S\n]*[::][^\S\n]*([\u4e00-\u9fff()]{2,30}?)(?=\s|$)", re.M)


def _pledged_by_the_letter(text: str, title: str | None, items: list[Item]) -> None:
    if not title or "目标责任书" not in title:
        return
    found = LETTER_FIELD.search(text, 0, 600) or LETTER_TITLE.match(title)
    units = found and split_unit_list(found.group(1), 0)
    if not units or len(units) != 1 or not all_units(units):
        return
    at = text.find(found.group(1)) if found.re is LETTER_TITLE else found.start(1)
    signer = Mention(units[0].mention, at, at + len(found.group(1)))
    for item in items:
        if not item.children and _names_no_unit(item):
            item.owners = OwnerSpec(lead=[signer], start=signer.start, end=signer.end)


def _names_no_unit(item: Item) -> bool:
    """No unit named as its lead or responsible (a deadline or person alone does not own it)."""
    return item.owners is None or not (item.owners.lead or item.owners.responsible)


def _own_region(item: Item) -> tuple[int, int]:
    """The item's own text: up to its first child, so a parent never takes its children's owners."""
    return item.start, (min(c.start for c in item.children) if item.children else item.end)


# A table's measure cells flattened into an item, each on its own line opening on its owner: "区城管局负责,工商局
# 配合,取缔…⏎2008年5月1日前⏎区城建局负责,各街道配合,清除…": the item is a list of measures, not one.
DUTY_LINE = re.compile(r"(?:^|(?<=[。\n\s]))[^\S\n]*([\u4e00-\u9fff()、]{2,30}?)[:]", re.M)


def _duty_headings(text: str, item: Item) -> int:
    """How many units in the item's text stand before a colon at a line's or a sentence's start, their duties
    after it ("交通部门:一是负责…。公安部门:一是参与…")."""
    if ":" not in text[item.start:item.end]:
        return 0
    return sum(1 for m in DUTY_LINE.finditer(text, item.start, item.end) if _duty_heading(m.group(1), m.start(1)))


# A topic named in a sentence of its own inside a paragraph, then who takes it on: "关于砂石行业整治。县水务局牵头
# 负责,…。关于砖瓦行业问题。县国土局负责,…" (a speech or a meeting's minutes running its topics together).
# A sentence (or ;-part) opening on the body it tells what to do: "各责任单位要统筹抓总…;各配合单位要…。区政府督查办要…"
_CHARGED_BODY = r"[\u4e00-\u9fff()、]{2,24}?(?:单位|部门|办|局|委|政府|街道|乡镇|中心)"
TOLD_SENTENCE = re.compile(rf"(?:^|(?<=[。;:]))\s*(?:[一二三四五六七八九十]{{1,2}}是)?{_CHARGED_BODY}(?:要(?!求)|须|必须|务必)")
# A clause opening on a body and its duty: "国土部门负责纠正…,农业部门负责纠正…" (several in one sentence).
DUTY_CLAUSE = re.compile(rf"(?:^|(?<=[,;。:])){_CHARGED_BODY}(?:具体)?负责(?!人|同志)")
TOPIC_SENTENCE = re.compile(r"(?:^|(?<=[。;\n]))\s*关于[^。,;:\n]{2,24}。")
MEASURE_LINE = re.compile(r"^[^\S\n]*[\u4e00-\u9fff()、]{2,30}?(?:负责|牵头)[,,]", re.M)


# A finding over the places it covers, a line each opening on the body answerable for it ("一是道路保洁不到位。⏎
# 城关镇负责的东环路部分路段;⏎市城管局负责的…"): each line is that body's.
SITE_LINE = re.compile(r"^[^\S\n]*[\u4e00-\u9fff()、]{2,30}?(?:负责|监管|管辖)的", re.M)


def _measure_lines(text: str, item: Item) -> bool:
    end = _own_region(item)[1]
    return len(MEASURE_LINE.findall(text, item.start, end)) >= 2 or len(SITE_LINE.findall(text, item.start, end)) >= 2


# The other way round: each measure's content line followed by its owner cell on a line of its own, the unit
# list and its role verb ("市发改委牵头落实", "市金融办、市财政局分别牵头落实"), several under one heading.
OWNER_LINE = re.compile(r"^[^\S\n]*[\u4e00-\u9fff()、,]{2,80}?(?:分别)?(?:牵头|负责)(?:落实|实施|推进)?[^\S\n]*$", re.M)


def _owner_line_measures(text: str, item: Item) -> list[Item]:
    """A measure per owner line when an item holds two or more: its content lines above it, its owners in it."""
    start, end = _own_region(item)
    first_line_end = text.find("\n", start, end)
    if first_line_end < 0:
        return []
    lines = [m for m in OWNER_LINE.finditer(text, first_line_end, end)]
    specs = [(m, parse_owner_span(text, m.start(), m.end())) for m in lines]
    specs = [(m, spec) for m, spec in specs if spec and (spec.lead or spec.responsible)]
    if len(specs) < 2:
        return []
    found, at = [], first_line_end + 1
    for m, spec in specs:
        body = text[at:m.start()].strip()
        if body:
            found.append((at + text[at:m.start()].index(body[0]), m.end(), spec))
        at = m.end() + 1
    if len(found) < 2:
        return []
    measures = []
    for start, end, spec in found:      # made only once they are a list: a child is its parent's for good
        child = _new_child(item, start, end, item.rank + 0.5)
        child.owners = spec
        measures.append(child)
    return measures


# A 分工 by quota: line after line opening on a place or unit, then its figure ("和平区25万平方米,其中公园绿地12万
# 平方米;", "城关镇 新增就业500人"). Each line is that one's share of the work.
QUOTA_LINE = re.compile(r"^[^\S\n]*([\u4e00-\u9fff]{1,12}?(?:区|县|市|旗|镇|乡|街道|局|委|办|公司|管委会|政府|中心|场|站|所|队))"
                        r"[^\S\n]*(?=\d)[^\n]*$", re.M)


def _quota_lines(text: str, item: Item) -> list[Item]:
    start, end = _own_region(item)
    found = []
    for m in QUOTA_LINE.finditer(text, start, end):
        units = split_unit_list(m.group(1), m.start(1))
        if len(units) == 1 and looks_like_unit(units[0].mention) and not units[0].collective:
            found.append((m, units))
    if len(found) < 3:
        return []
    measures = []
    for m, units in found:
        child = _new_child(item, m.start(1), m.end(), item.rank + 0.5)
        child.owners = OwnerSpec(lead=units, start=units[0].start, end=units[0].end)
        measures.append(child)
    return measures


# A schedule's stage on a line of its own: "9月1日至9月30日,校内相关单位完成自查自评;" (工作步骤, 时间安排).
STAGE_LINE = re.compile(rf"^[^\S\n]*{DAY_RANGE}[,,][^\n]+", re.M)


def _stage_lines(text: str, item: Item) -> list[Item]:
    """An item listing its schedule's stages a line each: each stage is a task, done by its period's end, of the
    body its line names."""
    start, end = _own_region(item)
    if text.count("日", start, end) < 4:
        return []       # (two stages name four days at least)
    found = list(STAGE_LINE.finditer(text, start, end))
    if len(found) < 2:
        return []
    stages = []
    for m in found:
        child = _new_child(item, m.start() + len(m.group()) - len(m.group().lstrip()), m.end(), item.rank + 0.5)
        child.owners = sentence_owners(text, child.start, child.end)
        stages.append(child)
    return stages


def _charged_children(text: str, item: Item, report: bool, lines: bool = False) -> list[Item]:
    """The item's charged sentences (``charged_sentences``) as its measures, each under it."""
    return _measures_of(item, charged_sentences(text, item.start, item.end, report, lines))


def _quoted_charge_children(text: str, item: Item) -> list[Item]:
    """The matters the item quotes with the body answerable for each (``quoted_charges``), each under it."""
    return _measures_of(item, quoted_charges(text, item.start, item.end))


def _measures_of(item: Item, found: list[Item]) -> list[Item]:
    """``found`` (tasks inside the item, in reading order) put under it as its measures."""
    for task in found:
        task.parent, task.rank = item, item.rank + 0.5
        item.children.append(task)
    return found


def _new_child(parent: Item | None, start: int, end: int, rank: float, number=None) -> Item:
    child = Item(id="", rank=rank, number=number, value=None, start=start, end=end, parent=parent,
                 from_block=True)
    if parent:
        parent.children.append(child)
        parent.children.sort(key=lambda c: c.start)
    return child


def _segments(text: str, start: int, end: int, parens: OwnerParentheticals,
              report: bool = False) -> list[tuple[int, int]]:
    """Cut a range after each owner parenthetical: "A…(牵头部门:X)B…(牵头部门:Y)" is two tasks. In a report
    the text after the last one is that task's progress ("(X牵头)⏎台账要求4月10日完成…已完成5030亩"), not a task."""
    # "1、联盛广场(责任单位:县商务局):前期通报…": a parenthetical before a colon heads what follows it
    cuts = [c for c in parens.ends_in_range(start, end) if text[c:c + 1] not in (":", ":")]
    spans, pos = [], start
    for boundary in cuts:
        spans.append((pos, boundary))
        pos = boundary
    if (len(HAN_RUN.findall(text[pos:end])) >= 10 and not report) or not spans:
        spans.append((pos, end))
    elif spans:
        spans[-1] = (spans[-1][0], end)
    return [trim(text, s, e) for s, e in spans if text[s:e].strip()]


def _split_on_owner_parentheticals(text: str, items: list[Item], parens: OwnerParentheticals,
                                   report: bool = False) -> list[Item]:
    out = []
    for item in items:
        out.append(item)
        if item.children or any(is_measure_label(lab[0]) for lab in item.labels):
            continue            # a 整改措施: block is cut into tasks by _block_tasks
        segs = _segments(text, item.start, item.end, parens, report)
        if len(segs) < 2:
            continue
        item.end = segs[0][1]
        for s, e in segs[1:]:      # the later tasks of one numbered paragraph print no number of their own
            sibling = _new_child(item.parent, s, e, item.rank)
            out.append(sibling)
    return out


def _paragraphs(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Paragraphs in a range; a line that stops mid-sentence continues on the next non-empty line."""
    paras, cur = [], None
    for pos, line in line_spans(text[start:end]):
        if not line.strip():
            continue
        s, e = start + pos, start + pos + len(line)
        cur = (cur[0], e) if cur else (s, e)
        if re.search(r"[。;!?)]\s*$", line):
            paras.append(cur)
            cur = None
    if cur:
        paras.append(cur)
    return paras


def _owner_line_starts(text: str, start: int, end: int) -> list[int]:
    return [start + pos for pos, line in line_spans(text[start:end]) if LINE_LABEL.match(line)]


def _block_tasks(text: str, items: list[Item], parens: OwnerParentheticals) -> list[Item]:
    """Under 整改措施: with no numbered measures, each paragraph (cut at owner parentheticals) is a task."""
    out = list(items)
    for item in items:
        if any(not c.from_block for c in item.children):
            continue
        measure = [lab for lab in item.labels if is_measure_label(lab[0])]
        if not measure:
            continue
        _, _, content_at = measure[0]
        later = [lab[1] for lab in item.labels if lab[1] > content_at]
        stop = min(later + _owner_line_starts(text, content_at, item.end) + [item.end])
        for ps, pe in _paragraphs(text, content_at, stop):
            for s, e in _segments(text, ps, pe, parens):
                out.append(_new_child(item, s, e, item.rank + 0.5))
    return out


# A report's findings counted off inside one paragraph: "…具体情况为:一是审计报告中提出的多计工程价款5.2万元的问题。
# …已完成整改;二是未按照规定计提缴纳印花税的问题。…". Each runs to the next ordinal; it is a finding when its first
# sentence names a problem (…的问题).
ORDINAL_FINDING = re.compile(r"(?<=[:;。\n])\s*([一二三四五六七八九十]{1,3}是)(?=[^。;\n]{4,80}?的问题[。,;])")


# Or the items a report says are behind, counted off after it says so: "实施进度较慢的项目,一是乡镇污水处理设施
# 建设,二是基层防汛预报预警体系建设。": each is a finding not yet done.
LAGGING_LIST = re.compile(r"(?:进度较慢|进展缓慢|进度滞后|进展滞后|推进缓慢|推进较慢|较为滞后)的(?:项目|任务|工程|事项|问题)"
                          r"(?:主要)?(?:有|是|为)?[:,]")
LAGGING_ITEM = re.compile(r"(?<=[:,;])\s*([一二三四五六七八九十]{1,3}是)")


def _ordinal_findings(text: str, items: list[Item]) -> list[Item]:
    """The findings of a report counted off 一是, 二是 … in a paragraph outside any numbered item."""
    found: list[Item] = _lagging_items(text, items)
    for start, line in line_spans(text):
        marks = [m for m in ORDINAL_FINDING.finditer(line) if not any(      # (nor inside a listed one)
            it.start <= start + m.start(1) < it.end for it in (*items, *found))]
        if len(marks) < 2 or [m.group(1) for m in marks[:2]] != ["一是", "二是"]:
            continue
        ends = [m.start() for m in marks[1:]] + [len(line.rstrip())]
        for m, end in zip(marks, ends):
            found.append(Item(id="", rank=6, number=m.group(1), value=None, start=start + m.start(1),
                              end=start + end))
    return found


def _lagging_items(text: str, items: list[Item]) -> list[Item]:
    """The items a report lists as behind (``LAGGING_LIST``), up to the sentence's end: in progress."""
    found: list[Item] = []
    for head in LAGGING_LIST.finditer(text):
        end = text.find("。", head.end())
        end = len(text) if end < 0 else end
        marks = list(LAGGING_ITEM.finditer(text, head.end() - 1, end))
        if len(marks) < 2 or [m.group(1) for m in marks[:2]] != ["一是", "二是"] \
                or any(it.start == m.start(1) for it in items for m in marks):
            continue        # (items a numbered list already made are not made twice)
        for m, stop in zip(marks, [m.start() for m in marks[1:]] + [end]):
            item = Item(id="", rank=6, number=m.group(1), value=None, start=m.start(1), end=stop, finding=True)
            item.status, item.status_read = "in_progress", True
            found.append(item)
    return found


SIGNATURE_BLOCK = 100      # characters a signature block takes: the bodies signing, then the date


def _head_end(text: str, items: list[Item], breaks: list[int]) -> int:
    """Where the part before the first numbered item ends (without items, the first break)."""
    return min(it.start for it in items) if items else min([b for b in breaks if b > 0] + [len(text)])


def _closed_paragraphs(text: str, items: list[Item], parens: OwnerParentheticals, breaks: list[int]) -> list[Item]:
    """Before the first numbered item (a page that starts mid-document, a plan written in paragraphs), each
    paragraph closed by an owner parenthetical ("加强违法建筑清理,…。〔主要责任单位:…〕") is a task."""
    # (up to the first numbered item, across an attachment line; without items, up to the first break)
    end = _head_end(text, items, breaks)
    found = []
    above = None            # the paragraph just above, if it closed no task of its own
    for ps, pe in _paragraphs(text, 0, end):
        # a bare unit in brackets closing a paragraph may be a news credit ("…见成效。(嵩县纪委监委)"): only a
        # bracket that says the role closes a task here
        closing = [(s, e) for s, e, spec in parens.in_range(ps, pe) if not spec.bare]
        cuts = [e for _, e in closing]
        pos = ps
        # the bracket alone on the line under its paragraph ("●白茶市场…。⏎(主体责任:X,监督责任:Y)") closes it
        under = bool(closing) and above is not None and not text[ps:closing[0][0]].strip(" \t●•·(〔[")
        if under:
            pos = above
        above = None if cuts else ps
        for cut in cuts:
            line_start = text.rfind("\n", pos, cut) + 1 or pos
            # a line of its own that names a site and its owners ("胖东来时代广场(责任单位:魏都区)"): that line
            start = line_start if len(HAN_RUN.findall(text[line_start:cut])) >= 8 and not under else pos
            under = False
            if len(HAN_RUN.findall(text[start:cut])) >= 12 and text[cut:cut + 1] not in (":", ":"):
                s, e = trim(text, start, cut)
                found.append(_new_child(None, s, e, 6))
            pos = cut
    return found


# A paragraph closed by its time limit in brackets: "…遴选首批品牌高中培育建设学校。(年内持续推进)".
DATED_CLOSE = re.compile(r"[((]([^()()\n]{2,16})[))]\s*$")
DATED_LINE = re.compile(r"[((][^()()\n]{2,16}[))][^\S\n]*$", re.M)


def _dated_paragraphs(text: str, items: list[Item], breaks: list[int], taken: list[Item]) -> list[Item]:
    """Before the first numbered item, paragraphs each closed by a bracketed time limit are a list of tasks (a
    分工 reprinted without its owners: "…。(年内完成)", "…。(年内持续推进)"). Two or more make the list."""
    end = _head_end(text, items, breaks)
    found = []
    if not DATED_LINE.search(text, 0, end):
        return found
    for ps, pe in _paragraphs(text, 0, end):
        s, e = trim(text, ps, pe)
        close = DATED_CLOSE.search(text, s, e)
        if close and looks_like_deadline(close.group(1)) and len(HAN_RUN.findall(text[s:close.start()])) >= 12 \
                and not any(t.start <= s < t.end for t in taken):
            found.append(_new_child(None, s, e, 6))
    return found if len(found) >= 2 else []


def _sites_under_headings(text: str, items: list[Item], headings: list[int]) -> list[Item]:
    """The unnumbered sites under a heading that follows a numbered list ("整改未落实的点位⏎客运中心(责任单位:
    交通局):…⏎…"): each line naming a site and its owners is a record of its own."""
    found = []
    for heading in headings:
        for pos, line in line_spans(text[heading:]):
            at = heading + pos
            if pos == 0 or not line.strip():
                continue
            if not SITE_WITH_OWNERS.match(line) or any(it.start <= at < it.end for it in items):
                break
            s, e = trim(text, at, at + len(line))
            found.append(_new_child(None, s, e, 6))
    return found


def _innermost(items: list[Item], pos: int) -> Item | None:
    return _innermost_many(items, [pos])[0]


def _innermost_many(items: list[Item], positions: list[int]) -> list[Item | None]:
    """For each position, the item containing it that starts last (of equal starts, the later listed): one
    sweep over items and positions in order, so a document of thousands of items and owner lines stays
    linear. An item ending at or before a position never contains a later one, so it leaves the heap."""
    order = sorted(range(len(items)), key=lambda k: items[k].start)
    found: list[Item | None] = [None] * len(positions)
    heap: list[tuple[int, int]] = []       # (-start, -index): the latest start on top
    k = 0
    for q in sorted(range(len(positions)), key=positions.__getitem__):
        pos = positions[q]
        while k < len(order) and items[order[k]].start <= pos:
            heapq.heappush(heap, (-items[order[k]].start, -order[k]))
            k += 1
        while heap and items[-heap[0][1]].end <= pos:
            heapq.heappop(heap)
        found[q] = items[-heap[0][1]] if heap else None
    return found


def _block_closing_parentheticals(text: str, items: list[Item], parens: OwnerParentheticals) -> set[int]:
    """"1.完善应急预案体系⏎(1)…⏎(2)…⏎(责任单位:X、Y)": an owner bracket alone on its line after the last of a
    block's measures, none of which names owners of its own, closes the block: the block's owners (its measures
    share them), not the last measure's alone. Returns the brackets so given."""
    given = set()
    for item in items:
        kids = [c for c in item.children if not c.from_block]
        if len(kids) < 2 or item.owners is not None:
            continue
        if any(parens.in_range(*_own_region(kid)) for kid in kids[:-1]):
            continue
        for s, e, spec in parens.in_range(*_own_region(kids[-1])):
            line_start = text.rfind("\n", 0, s) + 1
            line_end = text.find("\n", e)
            if text[line_start:s].strip() or text[e:line_end if line_end >= 0 else len(text)].strip(" 。;"):
                continue            # a bracket inside the measure's own sentence is the measure's
            item.owners = spec
            given.add(s)
    return given


def _assign_parenthetical_owners(text: str, items: list[Item], parens: OwnerParentheticals) -> None:
    given = _block_closing_parentheticals(text, items, parens)
    for item in items:
        if item.owners is not None:
            continue
        start, end = _own_region(item)
        specs = [spec for s, _, spec in parens.in_range(start, end) if s not in given]
        if specs:
            item.owners = specs[0]
            for extra in specs[1:]:
                item.owners.merge(extra)


def _owner_runs(text: str) -> list[OwnerSpec]:
    """Standalone label lines ("牵头单位:X" / "责任单位:Y…" broken across lines / "完成时限:Z"), grouped."""
    runs: list[tuple[int, int]] = []
    lines = list(line_spans(text))
    i = 0
    while i < len(lines):
        pos, line = lines[i]
        if not LINE_LABEL.match(line):
            i += 1
            continue
        start, end = pos, pos + len(line)
        i += 1
        while i < len(lines):
            npos, nline = lines[i]
            if not nline.strip():
                i += 1
                continue
            continues = re.search(r"[、,]\s*$", text[start:end]) and not LINE_LABEL.match(nline)
            if LINE_LABEL.match(nline) or continues:
                end = npos + len(nline)
                i += 1
                continue
            break
        if runs and not text[runs[-1][1]:start].strip():
            runs[-1] = (runs[-1][0], end)
        else:
            runs.append((start, end))
    return [spec for s, e in runs if (spec := parse_owner_span(text, s, e))]


def _assign_owner_lines(text: str, items: list[Item], cards: list[tuple[int, int]]) -> list[Item]:
    """Give each run of owner label lines to the item it closes; returns the findings it found between two
    runs in one item (see ``_finding_between_runs``)."""
    runs = _owner_runs(text)
    numbered = [it for it in items if not it.from_block]
    targets = _innermost_many(numbered, [spec.start for spec in runs])
    top_level = [it for it in numbered if it.parent is None]
    closed_at: dict[int, int] = {}      # id(item) → where its last owner run ended
    found: list[Item] = []
    for spec, target in zip(runs, targets):
        if any(s <= spec.start < e for s, e in cards):
            continue            # a card's owner fields are its own
        if target is None:
            continue
        if target.status_read and target.owners is not None:
            # (so are those of a record read whole from its field sections, but for a time limit among them)
            target.owners.deadline = target.owners.deadline or spec.deadline
            continue
        if (finding := _finding_between_runs(text, target, spec, closed_at.get(id(target)))) is not None:
            found.append(finding)
            closed_at[id(target)] = spec.end
            continue
        closed_at[id(target)] = spec.end
        siblings = [s for s in (target.parent.children if target.parent else top_level) if not s.from_block]
        earlier = [s for s in siblings if s.start < target.start]
        unowned = list(takewhile(lambda s: s.owners is None, reversed(earlier)))
        if unowned and target.owners is None and not target.children \
                and (len(unowned) < len(earlier)
                     or (target.parent is None and _after_measures_label(text, unowned[-1].start))) \
                and spec.lead + spec.responsible:
            # findings listed, then their owner lines, group after group ("1.… 2.… 整改责任单位:X⏎整改时限:…"
            # "1.… 整改责任单位:Y…"): the lines close the findings since the last group's
            for sibling in unowned:
                if sibling.children or sentence_owners(text, *_own_region(sibling)) is not None:
                    break
                sibling.owners = spec.copy()
        elif target.parent and unowned and target.owners is None and not target.children:
            # lines after a list of unowned measures close the block the list belongs to
            target = target.parent
        if target.owners is None:
            target.owners = spec
        else:
            target.owners.merge(spec)
        for item in items:      # the block's last measure ends where the block's owner lines begin
            if item is not target and target.start <= item.start < spec.start < item.end:
                item.end = spec.start
                item.labels = [label for label in item.labels if label[1] < item.end]
    return found


MEASURES_LABEL_LINE = re.compile(r"(?:^|\n)[^\S\n]*([\u4e00-\u9fff]{2,8})[:][^\S\n]*\n\s*$")


def _after_measures_label(text: str, start: int) -> bool:
    """Whether the measures from ``start`` are listed under a label line of their own ("整改措施:⏎(一)…") with no
    heading over them: a page that begins inside a record, whose owner lines close all its measures."""
    m = MEASURES_LABEL_LINE.search(text, max(0, start - 40), start)
    return bool(m) and is_measure_label(m.group(1))


def _finding_between_runs(text: str, target: Item, spec: OwnerSpec, last_run_end: int | None) -> Item | None:
    """A finding written between two owner runs of one item ("…整改责任单位:X⏎整改时限:…⏎操作间存在鼠粪。⏎
    整改责任单位:Y"): the second run closes it, so it is a task of its own beside the item, not the item's."""
    if last_run_end is None or not target.owners or not (target.owners.lead or target.owners.responsible) \
            or not (spec.lead or spec.responsible):
        return None
    body = text[last_run_end:spec.start]
    content = body.strip()
    if len(HAN_RUN.findall(content)) < 4 or find_labels(text, last_run_end, spec.start) \
            or LEADING_MARKER.match(content) or FIELD_LINE.match(content):       # "项目责任人:王伟标" is a field
        return None
    start = last_run_end + body.index(content[0])
    finding = _new_child(target.parent, start, spec.end, target.rank)
    finding.owners = spec
    target.end = min(target.end, start)
    return finding


FIELD_LINE = re.compile(r"[\u4e00-\u9fff]{2,8}[:][^\n]{1,40}$")
HEADING_OWNER = re.compile(r"^\s*(?:[一二三四五六七八九十]{1,3}、|\([一二三四五六七八九十]{1,3}\)|\d{1,2}[.、])?\s*"
                           r"([^,。;:\n]{2,40}?)(牵头|负责|主抓|承担)的?(?:重点)?(?:工作|事项|任务|项目)")


STARRED_CELL = re.compile(r"^[|\s]*([★☆][^\n|]{2,120}?)[|\s]*$", re.M)


def _starred_owner_cells(text: str, items: list[Item]) -> None:
    """A row flattened into an item, its owner cell a unit list with the lead starred ("★区发改委、统计局"):
    the starred unit leads, the others are responsible."""
    if "★" not in text and "☆" not in text:
        return                              # most documents: no per-item scan
    for item in items:
        if item.owners is not None or item.children:
            continue
        start, end = _own_region(item)
        cell = STARRED_CELL.search(text, start, end)
        if cell is None:
            continue
        mentions = split_unit_list(cell.group(1), cell.start(1))
        if not all_units(mentions) or not any(m.marked_lead for m in mentions):
            continue
        item.owners = OwnerSpec(lead=[m for m in mentions if m.marked_lead],
                                responsible=[(m, "responsible") for m in mentions if not m.marked_lead],
                                start=cell.start(1), end=cell.end(1))


def _heading_owners(text: str, items: list[Item]) -> None:
    """"一、县示范区管委会牵头工作(8项)": a heading that names who answers for what it lists gives its
    owners to every task below it that names none. A heading that only names a unit ("(八)县经济局主要工作任务:",
    "2. 市第二人民医院") gives a lead only where the task's own units merely assist: under it, a line such as
    问题整改责任单位:市卫健委 says who answers, and the heading was the place inspected."""
    for item in items:
        if item.owners is not None and item.owners.lead:
            continue
        m = HEADING_OWNER.match(_heading(text, item))
        spec = m and parse_owner_span(text, item.start + m.start(1), item.start + m.end(2))
        named_only = not m
        if named_only:
            spec = _unit_heading(text, item)
        if not spec or not (spec.lead or spec.responsible):
            continue
        if item.owners is not None:         # a block whose 协同单位 line was read: the heading names its lead
            if spec.lead and not (named_only and _has_responsible(item.owners)):
                item.owners.lead = list(spec.lead)
            continue
        # "(二)省审计厅牵头的工作⏎全面加强审计工作。⏎协同单位:…": with no list below, the heading's own text is
        # the task; a 协同单位 line under it adds helpers, not a lead
        stack = list(item.children) or [item]
        while stack:
            child = stack.pop()
            stack.extend(child.children)
            if child.children:
                continue
            if child.owners is None:
                child.owners, child.convention = spec.copy(), "heading"
            elif not child.owners.lead and spec.lead and not (named_only and _has_responsible(child.owners)):
                child.owners.lead = list(spec.lead)
                child.owners.responsible = [(m, r) for m, r in child.owners.responsible
                                            if m.mention not in {u.mention for u in spec.lead}]


def _has_responsible(spec: OwnerSpec) -> bool:
    """Owners of the task's own that answer for it (問題整改責任單位:X), not only units that help."""
    return any(role != "assist" for _, role in spec.responsible)


# A heading that is a unit's name and nothing else, or its name and what follows is its share of the work:
# "(八)县经济局主要工作任务:", "三、儋州市政府", "(二)市经济和信息化局(5项)". A 分工 by unit: what is listed
# under it is that unit's (a sole unit leads; several named together answer together).
UNIT_HEADING = re.compile(r"[^\S\n]*(?:[一二三四五六七八九十]{1,3}、|[((][一二三四五六七八九十]{1,3}[))]|\d{1,2}[.、.])[^\S\n]*"
                          r"([\u4e00-\u9fff()、]{2,40}?)(?:的)?(?:主要)?(?:工作)?(?:任务|职责|职责分工)?[^\S\n]*"
                          r"(?:[((]\d{1,3}(?:项|个|条)[))])?[^\S\n]*[::]?[^\S\n]*$")


def _unit_heading(text: str, item: Item) -> OwnerSpec | None:
    line_end = text.find("\n", item.start, item.end)
    line_end = item.end if line_end < 0 else line_end
    if not item.children and line_end >= item.end:
        return None                     # a heading with nothing under it names no work
    m = UNIT_HEADING.match(text, item.start, line_end)
    # (the unit may close on its other names in brackets: "(一)综合办公室(党群工作部、督查室)")
    found = m and UNIT_END.search(re.sub(r"\([^()]*\)$", "", m.group(1))) and _duty_heading(m.group(1), m.start(1))
    return found[1] if found else None


def _carry_same_below(items: list[Item]) -> None:
    """A clause marked 下同 gives its owners to the following tasks of the same parent that name none; a note
    naming helpers for all below ("以下均需X配合,不再列出") adds them to every owned task after it."""
    carry: dict[int, OwnerSpec] = {}
    helpers: list = []
    for item in items:
        if item.owners is not None:
            helpers = item.owners.helpers_below or helpers
            if helpers and not item.children:
                named = {m.mention for m in item.owners.lead} | {m.mention for m, _ in item.owners.responsible}
                item.owners.responsible += [(m, "assist") for m in helpers if m.mention not in named]
        key = id(item.parent)
        if item.owners is not None:
            if item.owners.same_below:
                carry[key] = item.owners
            continue
        if key in carry and not item.children:
            item.owners, item.convention = carry[key], "下同"


def _apply_conventions(text: str, items: list[Item]) -> list[str]:
    found = []
    if FIRST_IS_LEAD.search(text):
        found.append("first_is_lead")
    if RESP_IS_LEAD.search(text):
        found.append("responsible_is_lead")
    if SEMICOLON_LEAD.search(text):
        found.append("before_semicolon_is_lead")
    for item in items:
        spec = item.owners
        # The conventions speak of 责任单位: a list of 配合 units never becomes the lead.
        named = [(m, role) for m, role in spec.responsible if role != "assist"] if spec else []
        if spec is None or spec.lead or not named:
            continue
        helpers = [(m, role) for m, role in spec.responsible if role == "assist"]
        cut = next((k for k in range(1, len(named)) if re.search(r"[;;]", text[named[k - 1][0].end:named[k][0].start])),
                   None) if "before_semicolon_is_lead" in found else None
        if cut is not None:
            item.owners = OwnerSpec(lead=[m for m, _ in named[:cut]], responsible=named[cut:] + helpers,
                                    deadline=spec.deadline, start=spec.start, end=spec.end)
            item.convention = "before_semicolon_is_lead"
        elif "first_is_lead" in found:
            item.owners = OwnerSpec(lead=[named[0][0]], responsible=named[1:] + helpers,
                                    deadline=spec.deadline, start=spec.start, end=spec.end)
            item.convention = "first_is_lead"
        elif "responsible_is_lead" in found:
            item.owners = OwnerSpec(lead=[m for m, _ in named], responsible=helpers, deadline=spec.deadline,
                                    start=spec.start, end=spec.end)
            item.convention = "responsible_is_lead"
    return found


def _sole_responsible_leads(item: Item) -> None:
    """One unit that is responsible, with no lead named, alone answers for the task: it leads
    (责任单位:X, X负责, 各区政府为责任单位 — a class of governments too; it stays marked collective). Several
    such units stay responsible: the "many departments, no owner" case."""
    spec = item.owners
    if spec is None:
        return
    # (a unit named again in the item, by a second owner cell or clause, answers once)
    if len(spec.lead) > 1:
        spec.lead = _first_of_each(spec.lead, lambda m: m.mention)
    if len(spec.responsible) > 1:
        spec.responsible = _first_of_each(spec.responsible, lambda pair: (pair[0].mention, pair[1]))
    if spec.lead:
        return
    if spec.main and any(role == "assist" for _, role in spec.responsible):
        # 主要责任单位:X、Y with 协办单位:Z — the main units lead, set against those who help
        main = {m.mention for m in spec.main}
        spec.lead = [m for m, role in spec.responsible if role == "responsible" and m.mention in main]
        spec.responsible = [(m, role) for m, role in spec.responsible if m not in spec.lead]
        return
    named = [(m, role) for m, role in spec.responsible if role == "responsible"]
    if len(named) == 1:
        spec.lead = [named[0][0]]
        spec.responsible = [(m, role) for m, role in spec.responsible if m is not named[0][0]]


def _first_of_each(values: list, key) -> list:
    seen, kept = set(), []
    for value in values:
        if key(value) not in seen:
            seen.add(key(value))
            kept.append(value)
    return kept


def _leads_listed_among_all(items: list[Item]) -> None:
    """A document whose 责任单位 lists every unit involved, its lead too, beside a 牵头单位 that picks the lead
    (row after row: "县人社局、县经信局、各乡镇 | 县人社局"): that is its convention, and the lead is not its own
    helper. Done once in a document, it is a slip the dual_role analysis shows, and stays."""
    def relisted(item: Item) -> set[str]:
        spec = item.owners
        if spec is None or not spec.lead:
            return set()
        return {m.mention for m in spec.lead} & {m.mention for m, _ in spec.responsible}
    listed = [(item, both) for item in items if (both := relisted(item))]
    if len(listed) < 2:
        return
    for item, both in listed:
        item.owners.responsible = [(m, role) for m, role in item.owners.responsible if m.mention not in both]


def _heading(text: str, item: Item) -> str:
    own = text[item.start:_own_region(item)[1]]
    return SENTENCE_END.split(own, maxsplit=1)[0]


def _kind(text: str, item: Item) -> str:
    if item.owners is not None and (item.owners.lead or item.owners.responsible or item.owners.deadline):
        return "task"
    if item.from_block:
        return "task"
    if item.finding:
        return "problem"
    if any(is_outcome_label(lab[0]) or is_measure_label(lab[0]) for lab in item.labels):
        return "problem"
    if item.children and all(c.from_block for c in item.children) and SHORTFALL_HEAD.match(_heading(text, item)):
        return "problem"        # "一是道路保洁不到位。" over the places found so (not over numbered findings): a finding
    if PROBLEM_HEAD.search(_heading(text, item)):
        # 一、审批方面问题 over (一)…过长的问题: a heading over problems is a category, a section
        numbered = [c for c in item.children if not c.from_block]
        return "section" if any(PROBLEM_HEAD.search(_heading(text, c)) for c in numbered) else "problem"
    if item.parent is not None and item.parent.kind == "problem":
        return "task"
    return "section" if item.children else "task"


SENTENCE_END = re.compile(r"[。\n]")
# A heading that names a shortfall, over the places or bodies found so: "一是道路保洁不到位", "(二)整改不彻底".
SHORTFALL_HEAD = re.compile(r"\s*(?:[一二三四五六七八九十]{1,3}是|[一二三四五六七八九十]{1,3}、|\([一二三四五六七八九十]{1,3}\)|\d{1,2}[.、])?"
                            r"[^。;,:\n]{2,40}(?:不到位|不落实|不彻底|不规范|不及时|不严格|不力|滞后|缓慢)\s*$")
VERDICT_LEAD = re.compile(r"\s*([^。\n]{2,30})[。\n]")


def _verdict(outcome: str) -> str | None:
    """An outcome that opens with a short verdict ("该问题已完成整改。一是…") is that verdict; otherwise
    the whole outcome is read, an unfinished signal outweighing a finished one."""
    lead = VERDICT_LEAD.match(outcome)
    return (classify(lead.group(1)) if lead else None) or classify(outcome)


# A notice's own account of what became of a finding, in a sentence of its own: "经调度后,全部整改完成。",
# "经移交相关部门处理后,…", "目前已…". (Not its demands: "要求…限期整改到位" states no outcome.)
REPORTED_OUTCOME = re.compile(r"(?:^|(?<=[。;\n]))[^\S\n]*((?:经|目前|现已|截至目前)[^。\n]{2,120})")


# A part that answers the findings listed before it, one numbered entry each: "一、审计发现的主要问题 ⏎ (一)… (二)… ⏎
# 二、审计发现问题整改情况 ⏎ (一)关于…的问题…已选举产生… (二)…": each finding's outcome is its number's entry.
OUTCOMES_HEADING = re.compile(r"[^\n。]{0,16}整改(?:落实)?(?:情况|结果|进展)[^\n。]{0,6}(?:\n|$)")


def _outcomes_by_number(text: str, items: list[Item]) -> None:
    tops = [it for it in items if it.parent is None]
    for k, listing in enumerate(tops):
        heading = text[listing.start:listing.end].split("\n", 1)[0]
        if "问题" not in heading or len(listing.children) < 2 or OUTCOMES_HEADING.search(heading):
            continue
        found = {child.number: child for child in listing.children if child.number}
        answers = next((later for later in tops[k + 1:] if later.children
                        and OUTCOMES_HEADING.match(text, later.start + len(later.number or ""))), None)
        if answers is None:
            return
        for answer in answers.children:
            finding = found.get(answer.number)
            entry = re.sub(r"“[^”]*”", "", text[answer.start:answer.end])     # (not the finding it quotes)
            # (an entry narrating what was done, "已选举产生…", "已作调账处理", is done; one that only pledges, "今后将
            # 加强…", is under way)
            said = _verdict(entry) or ("done" if ACT_DONE.search(entry) else "in_progress" if ACT_PLEDGED.search(entry)
                                       else None)
            if finding is not None and said:
                # (the entry restates its finding, "关于…提出“…”的问题": it is the finding answered, with the same outcome)
                # (a finding's own words may read as open, "未经审批"; its answer says how it stands)
                finding.status = said if finding.status in (None, "pending") else finding.status
                answer.status = said if answer.status in (None, "pending") else answer.status
        return


ACT_DONE = re.compile(r"已(?:经)?(?:于[^,。;]{2,16}?)?(?![有是被无])[\u4e00-\u9fff]")
ACT_PLEDGED = re.compile(r"(?:今后|下一步|下步)?(?:还|也)?将(?![其该此这])|正在")


def _reported_outcome(text: str, item: Item) -> str | None:
    said = [m.group(1) for m in REPORTED_OUTCOME.finditer(text, item.start, item.end)]
    return classify(said[-1]) if said else None


def _status(text: str, item: Item, reports_outcomes: bool) -> str | None:
    if item.kind == "section":
        return None
    # (a problem's outcome runs on through the measures read from its sentences, up to its first numbered child)
    start, end = (item.start, item.own_end) if item.kind == "problem" else (item.start, item.end)
    outcome = [lab for lab in item.labels if is_outcome_label(lab[0])]
    if outcome:     # an outcome field runs on through the numbered lines it holds
        return _verdict(text[outcome[0][2]:item.end])
    if (marked := _marked_measures(text, start, end)) is not None:
        return marked
    if not reports_outcomes:
        return None
    head = PROBLEM_HEAD.search(text, start, end)
    if head:
        return _verdict(text[head.end():end])
    first = re.search(r"[。\n]", text[start:end])
    rest = _verdict(text[start + first.end():end]) if first else None
    # a one-sentence item of a report states its own outcome: "…14个问题,…已完成整改,2个…正在整改中。"
    return rest or (classify(text[start:end]) if item.kind != "problem" else None)


# A plan that reports its progress measure by measure, each line closed by its verdict in brackets: "一是规范项目选址,
# …。(已完成整改)". The item is done when every measure line says so, under way when some do.
MEASURE_VERDICT_HINT = re.compile(r"[((]\s*(?:已|正在|整改中|持续整改|基本完成|未完成)")
MEASURE_VERDICT = re.compile(r"[((]\s*(已完成整改|已整改完成|已完成|已整改到位|已整改|已销号|正在整改|整改中|持续整改|基本完成|未完成)\s*[))]\s*$")


def _marked_measures(text: str, start: int, end: int) -> str | None:
    if not MEASURE_VERDICT_HINT.search(text, start, end):
        return None             # (most items: no verdict in brackets at all, and no line split)
    lines = [line.strip() for line in text[start:end].split("\n")[1:] if line.strip()]
    verdicts = [classify(m.group(1)) for line in lines if (m := MEASURE_VERDICT.search(line))]
    if not verdicts:
        return None
    return "done" if len(verdicts) == len(lines) and all(v == "done" for v in verdicts) else "in_progress"


ORDINALS = re.compile(r"((?:第[一二三四五六七八九十]{1,3}(?:项|条|个|类|方面)?\s*[、,和及与]?\s*){1,12})([^,;。\n]{0,30})")
ORDINAL = re.compile(r"第([一二三四五六七八九十]{1,3})")


def _ordinal_statuses(text: str, items: list[Item]) -> None:
    """"第一项、第二项、第四项问题已经整改完成,第三项问题持续整改跟踪中": an outcome stated for problems by
    their ordinal is the outcome of the problems numbered so, whatever text follows their headings."""
    problems = _findings(items)
    if not problems:
        return
    top = min(it.rank for it in problems)
    by_value = {it.value: it for it in problems if it.rank == top}
    for m in ORDINALS.finditer(text):
        status = classify(m.group(2))
        if status is None:
            continue
        for o in ORDINAL.finditer(m.group(1)):
            item = by_value.get(marker_value(o.group(1)))
            if item is not None:
                item.status = status


# "已完成整改5个,分别是:1-2,…;1-3,…" / "阶段性完成整改6个,分别为:…": a count with its verdict, then the
# problems it counts listed under it.
GROUP_WORD = re.compile(r"(?:分别是|分别为|具体是|具体为|包括)[:]")
GROUP_VERDICT = re.compile(r"([^,;。:\n]{2,16}?)(?:\d+|[一二三四五六七八九十]+)\s*(?:个|项|条)(?:问题|任务|事项)?[,]?$")


def _group_statuses(text: str, items: list[Item]) -> None:
    """Problems or tasks listed under a counted verdict take that verdict unless they state their own."""
    groups = []
    for word in GROUP_WORD.finditer(text):
        window = max(0, word.start() - 40)
        if (m := GROUP_VERDICT.search(text, window, word.start())):
            groups.append((word.end(), classify(m.group(1)), m.start()))
    for n, (at, status, opens) in enumerate(groups):
        if status is None:
            continue
        holder = _innermost(items, at - 1)
        if holder is not None and opens - holder.start <= 6 and holder.kind != "section":
            holder.status = status          # "(1)已完成整改5个,分别是:…": the item is that group
        stop = min(groups[n + 1][0] if n + 1 < len(groups) else len(text), holder.end if holder else len(text))
        for item in items:
            if at <= item.start < stop and item.kind in ("problem", "task") and item.status is None:
                item.status = status


# An outcome naming the problems it covers by their wording: "涉及合同签订不规范、未办理水土保持设施自主验收等
# 立行立改类问题已按要求完成整改" — each named problem is the listed one its words are taken from.
NAMED_PROBLEMS = re.compile(r"(?:涉及|对于|关于|针对|其中)([^,;。:\n“”]{4,80}?)(?:等方面|等|方面)?(?:[\u4e00-\u9fff]{1,6}类)?的?问题"
                            r"([^,;。\n]{2,40})")


def _named_outcomes(text: str, items: list[Item]) -> None:
    problems = [it for it in _findings(items) if it.status is None]
    if not problems:
        return
    last = max(it.start for it in problems)
    headings = [(it, _heading(text, it)) for it in problems]
    for m in NAMED_PROBLEMS.finditer(text, last):
        status = classify(m.group(2))
        if status is None:
            continue
        for phrase in re.split(r"[、和及]", m.group(1)):
            phrase = phrase.strip()
            if len(phrase) < 4:
                continue
            matched = [it for it, heading in headings if _shared_run(phrase, heading) >= max(5, 0.6 * len(phrase))]
            if len(matched) == 1 and matched[0].status is None:
                matched[0].status = status


def _shared_run(a: str, b: str) -> int:
    """The length of the longest run of characters ``a`` and ``b`` share."""
    return SequenceMatcher(None, a, b, autojunk=False).find_longest_match(0, len(a), 0, len(b)).size


# One outcome for all the findings above it, after the last: "截至公告日,X正按照审计报告的要求对审计查出的问题进行认真整改".
ALL_ABOVE = re.compile(r"[^。\n]*(?:上述|以上|前述|查出的|反馈的|指出的|发现的)(?:\d+个)?问题[^。\n]*[。\n]")


def _closing_outcome(text: str, items: list[Item]) -> None:
    """The problems that state no outcome of their own take the one a sentence after the last of them states
    for all of them."""
    problems = _findings(items)
    if not problems:
        return
    last = max(it.end for it in problems)
    for m in ALL_ABOVE.finditer(text, last):
        status = classify(m.group())
        if status is not None:
            for item in problems:
                if item.status is None:
                    item.status = status
            return


def _all_claimed_done(claimed: dict | None, items: list[Item]) -> None:
    """A report that counts as many problems done as it has, and lists that many ("问题4项…已完成整改合计4项"),
    says each listed problem that states no outcome of its own is done."""
    problems = [it for it in items if it.kind == "problem"]
    if claimed and problems and claimed.get("done") == claimed.get("problems") == len(problems):
        for item in problems:
            if item.status is None:
                item.status = "done"


# A section headed by a counted verdict: "一、已完成2项", "二、正在推进17项(见附件)".
HEADING_VERDICT = re.compile(r"^[^\n,。]{0,8}?(?:已完成|已办结|已整改到位|已整改|已销号|正在推进|正在办理|正在整改|推进中|"
                             r"未完成|进展滞后|推进滞后|滞后)[^\n,。]{0,6}?\d+\s*(?:项|个|件|条)|"
                             # or one that names the verdict of what it lists: "二、部分完成年度目标任务情况"
                             r"^[^\n,。\d]{0,4}?(?:部分完成|未完成|未能完成|进展滞后|推进滞后)[^\n,。]{0,16}?(?:情况|任务|事项|项目)$|"
                             # or the verdict of the problems it lists: "一、已整改完成的问题", "二、正在推进整改的问题"
                             r"^[^\n,。\d]{0,4}?(?:已整改完成|已完成整改|已整改到位|已销号|正在整改|正在推进整改|正在推进|"
                             r"尚未完成整改|未完成整改)的?(?:整改)?问题$")


def _heading_statuses(text: str, items: list[Item]) -> None:
    """The items of a section headed by a counted verdict take it, unless they state their own."""
    for section in items:
        if not section.children:
            continue
        head = _heading(text, section)
        if len(head) > 24 or not (m := HEADING_VERDICT.match(head)) or (status := classify(m.group())) is None:
            continue
        stack = list(section.children)
        while stack:
            item = stack.pop()
            stack += item.children
            # (under a heading of what is not yet done, the done work an item tells of is part of it)
            if item.kind in ("problem", "task") and (item.status is None or (item.status == "done" and status != "done")):
                item.status = status


OUTCOME_FIELD_LINE = re.compile(r"[^\S\n]*([\u4e00-\u9fff]{2,10})[^\S\n]*[:]?[^\S\n]*\n")


def _outcome_fields(text: str, items: list[Item]) -> None:
    """A problem whose parts are its fields ("一、关于“…”问题 ⏎ (一)问题整改状态 ⏎ 该问题已整改完成。 ⏎ (二)问题整改
    措施 ⏎ 1.…"): the verdict in its outcome field is the problem's."""
    for item in items:
        if item.kind != "problem" or item.status is not None:
            continue
        for child in item.children:
            at = child.start + len(child.number or "")
            label = OUTCOME_FIELD_LINE.match(text, at, child.own_end)
            if label and field_role(label.group(1)) == "outcome" \
                    and (verdict := classify(text[label.end():child.own_end])):
                item.status = verdict
                break


# A report that counts what is not yet put right and then lists it: "目前已整改完成808件,未完成整改38件,具体情况如下:".
# So does a progress report of what is not yet reached: "未完成既定目标任务15项,具体情况如下".
UNFINISHED_LIST = re.compile(r"(?:未(?:能)?(?:完成|办结)?整改(?:完成|到位)?的?(?:问题)?|未(?:能)?(?:完成|达到|实现)(?:既定|年度)?"
                             r"(?:目标)?(?:任务)?)\s*\d+\s*(?:件|个|项|条)[^。\n]{0,12}?(?:如下|分别是|分别为)[::]?")


def _listed_as_unfinished(text: str, items: list[Item]) -> None:
    """The problems listed after such a count, which state no outcome of their own, are not done."""
    m = UNFINISHED_LIST.search(text)
    if not m:
        return
    # (under a heading whose own text counts them, its parts are those listed, whatever done work they tell of:
    # "未达到年度目标任务3项,具体情况如下:⏎2.改造农村公路80公里。已完成52公里。")
    heading = next((it for it in items if it.children and it.start <= m.start() < it.own_end), None)
    for item in items:
        listed = item.kind == "problem" or (item.kind == "task" and not item.children and
                                             (item.owners is None or item.owners.empty))
        under = heading is not None and item.parent is heading
        if item.start >= m.end() and listed and (item.status is None or (under and item.status == "done")):
            item.status = "pending"


def _attach_cites(cites: list[dict], items: list[Item]) -> list[dict]:
    doc_level = []
    owners = _innermost_many(items, [cite["span"][0] for cite in cites])
    for cite, owner in zip(cites, owners):
        if owner is None:
            doc_level.append(cite)
        else:
            owner.cites.append(cite)
    return doc_level


def _unit_record(m, place: str | None, role: str | None = None) -> dict:
    name, unit_place = canonical(m.mention, place)
    record = {"mention": m.mention, "name": name, "collective": m.collective, "jurisdiction": unit_place,
              "span": [m.start, m.end]}
    if role:
        record["role"] = role
    if m.open_ended:
        record["open_ended"] = True
    return record


def _inherited_owner(item: Item) -> Item | None:
    parent = item.parent
    while parent is not None:
        if parent.owners is not None and (parent.owners.lead or parent.owners.responsible):
            return parent
        parent = parent.parent
    return None


def _block_deadline(item: Item) -> tuple[int, int] | None:
    """The time limit the nearest block above a measure states for all its measures ("整改措施:(1)…(2)…⏎整改时限:
    12月底前"), whether or not that block names the owners the measure inherits too."""
    parent = item.parent
    while parent is not None:
        spec = parent.owners
        if spec is not None and spec.deadline:
            return spec.deadline[1], spec.deadline[2]
        parent = parent.parent
    return None


PLANNED_IN_OUTCOME = re.compile(r"(?:计划|预计|力争|争取)(?:于|在)?((?:\d{4}年)?\d{1,2}月(?:底|末|份)?(?:前)?"
                                r"(?:完成|建成|竣工|完工|投用|投入使用|解决))")


# A part of its own giving the whole document's time: "一、检查整改时间 ⏎ 2021年3月7日-3月10日" — every task with no
# time limit of its own is due by that period's end.
PERIOD_HEADING = re.compile(r"[^\S\n]*(?:检查|整改|检查整改|排查|排查整治|整治|工作|实施|活动|行动|专项行动|督查)?"
                            r"(?:时间|时限|期限|时间安排)[^\S\n]*\n")
PERIOD_BODY = re.compile(rf"\s*((?:\d{{4}}年)?\d{{1,2}}月\d{{1,2}}日?\s*(?:至|到|—|-|~|－)\s*(?:\d{{4}}年)?(?:\d{{1,2}}月)?\d{{1,2}}日?"
                         rf"|\d{{4}}年\d{{1,2}}月(?:\d{{1,2}}日|底)?前?)[。.]?\s*")


def _document_period(text: str, items: list[Item]) -> tuple[int, int] | None:
    for item in items:
        if item.parent is not None or item.children:
            continue
        heading = item.number and PERIOD_HEADING.match(text, item.start + len(item.number), item.end)
        body = heading and PERIOD_BODY.fullmatch(text, heading.end(), item.end)
        if body:
            return body.span(1)
    return None


def _item_record(src: SourceText, item: Item, year: int | None, place: str | None,
                 period: tuple[int, int] | None = None) -> dict:
    text = src.folded
    spec = item.owners if item.owners is not None and item.owners.start >= 0 else None
    s, e = trim(text, item.start, item.end)
    deadline_span = None
    if item.kind == "task":
        if spec and spec.deadline:
            raw, ds, de = spec.deadline
            deadline_span = (ds, de)
        elif (found := find_body_deadline(text[s:_own_region(item)[1]])):
            deadline_span = (s + found[0], s + found[1])
        elif (block := _block_deadline(item)) is not None:
            deadline_span = block      # "整改措施:(1)…(2)…⏎整改时限:12月底前": the block's time limit is each measure's
        elif period is not None:
            deadline_span = period     # the document's own part on its time ("一、检查整改时间 ⏎ 3月7日-3月10日")
    elif item.kind == "problem" and not item.children and (planned := PLANNED_IN_OUTCOME.search(text, s, e)):
        # a finding's outcome planning its completion: "…已开始订购家具,计划4月完成更新": due then
        deadline_span = planned.span(1)
    # parse the folded twin (half-width digits, simplified script); show the raw phrase as printed
    deadline = parse_deadline(text[deadline_span[0]:deadline_span[1]] if deadline_span else None, year)
    if deadline_span:
        deadline["raw"] = src.text[deadline_span[0]:deadline_span[1]].strip()
    deadline["span"] = list(deadline_span) if deadline_span else None
    inherited = _inherited_owner(item) if item.kind == "task" and not (spec and (spec.lead or spec.responsible)) else None
    record = {
        "id": item.id, "parent": item.parent.id if item.parent else None, "kind": item.kind,
        "number": item.number, "text": src.text[s:e],
        "lead": [_unit_record(m, place) for m in spec.lead] if spec else [],
        "responsible": [_unit_record(m, place, role) for m, role in spec.responsible] if spec else [],
        "deadline": deadline, "status": item.status,
        "cites": [{"title": c["title"], "doc_no": c["doc_no"], "span": c["span"]}
                  for c in item.cites],
        "span": [s, e], "level": item.rank,
    }
    if item.owners is not None and item.owners.persons:
        record["persons"] = [{"name": p.name, "title": p.title, "label": p.label, "span": [p.start, p.end]}
                             for p in item.owners.persons]
    if spec and spec.each_leads:
        record["each_leads"] = True
    if item.convention:
        record["convention"] = item.convention
    if inherited is not None:
        record["owners_from"] = inherited.id
        # the block's owners, shown on the measure too (marked: the graph keeps them once, on the block)
        block = inherited.owners
        record["lead"] = [{**_unit_record(m, place), "inherited": True} for m in block.lead]
        record["responsible"] = [{**_unit_record(m, place, role), "inherited": True} for m, role in block.responsible]
    if spec:
        record["owner_span"] = [spec.start, spec.end]
    return record
