"""Owner clauses: who leads, who is responsible or assists, and by when.

Recognised forms (punctuation already folded to half-width):
  牵头单位:X / 牵头部门:X / 责任单位:Y / 配合单位:Y / 完成时限:Z   (lines, or inside a parenthetical)
  (X牵头,Y配合)  (X牵头,Y按职责分工负责)  (X、Y负责)  (X、Y分别牵头)  (X(牵头)、Y)
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from .deadlines import looks_like_deadline
from .persons import Person, split_person_list
from .structure import LEADING_MARKER
from .units import CONVENTION_NOTE, Mention, all_units, looks_like_unit, split_unit_list

# An owner label is a short phrase before ":" whose words name a role, not a list of fixed labels:
# 牵头/主责/主办 → lead; 配合/协同/协办/… → assist; 责任/负责/承办/… → responsible; a person noun (领导, 责任人)
# makes it a person label, whatever its role words (牵头负责领导 names a person, never a unit).
LEAD_WORDS = "牵头|主责|主办|主抓|主体责任|第一责任"
ASSIST_WORDS = "配合|协同|协办|协助|参与|协作|会同|会办|协调"
RESP_WORDS = "责任|负责|承办|落实|实施|主体|执行|承担|办理|推进|整改"
UNIT_NOUN = "单位|部门|处室|科室|股室|机构|机关|主体|地区|区域|乡镇|街镇|镇街|街道|区县|县区|县市区"     # (责任街镇: the towns answering)
PERSON_NOUN = "领导|责任人|负责人|联系人|经办人|分管人|领导干部"
DEADLINE_LABEL = r"完成时限|完成时间|完成期限|办结时限|时限要求|时间要求|时间节点|整改时限|整改期限|整改时间|时限"
_ROLE = f"(?:{LEAD_WORDS}|{ASSIST_WORDS}|{RESP_WORDS})"
# Any other "…单位:" label (数据提供单位, 联系单位) names units in no owner role: it ends the value before it.
_OTHER_LABEL = r"(?<=[,;(\s])[\u4e00-\u9fff]{2,5}?(?:单位|部门)"     # only after a separator: never mid-name
# the work the label is about may open it: 整改责任单位, 问题整改责任单位, 督办责任单位
# Units and the leaders answering for them under one label: "责任单位及责任人:盘龙区政府主要领导".
UNIT_AND_PERSON = rf"(?:{UNIT_NOUN})(?:及|和|与|、)(?:{PERSON_NOUN})"
_OWNER_LABEL = (rf"(?:(?:问题|事项|任务)?(?:整改|整治|督办|办理)|项目)?"
                rf"(?:具体|直接|主要|其他|省级|市级|区级|县级|镇级|省|市|县|区)?(?:{_ROLE})(?:{_ROLE}|\({_ROLE}\))?(?:市|区|县|省)?"
                rf"(?:{UNIT_AND_PERSON}|{UNIT_NOUN}|{PERSON_NOUN})"
                rf"|(?:涉项|涉及)(?:单位|部门|科室|处室)"      # 涉项部门: the departments the measure is theirs to carry out
                rf"|(?:分管|包抓|包保|挂钩|联系)(?:省|市|县|区)?(?:领导|负责人)|牵头|(?:项目|工作|具体|直接)?(?:责任人|负责人|联系人)|(?:部门|责任|职责|任务|工作)分工"
                # a kind of responsibility and who bears it: "(主体责任:白茶村委会,监督责任:市工商局)"; only opening a
                # line, a bracket or a clause ("压实主体责任:…" is a heading)
                r"|(?<![^\s(,;])(?:主体|监督|监管|属地|直接|主管)责任")
# 各责任单位: is an address line, not a label; a label stands at a line start or after punctuation.
LABEL = re.compile(rf"(?<!各)({_OWNER_LABEL}|{DEADLINE_LABEL}|{_OTHER_LABEL})\s*[:]")
LINE_LABEL = re.compile(rf"^[\s|]*({_OWNER_LABEL}|{DEADLINE_LABEL})\s*[:]")
LABEL_THEN_SEMICOLON = re.compile(rf"^\s*(?:{_OWNER_LABEL})\s*;")
# The label said in a sentence, with a copula for the colon: "牵头单位为市园林局", "主责单位是X、Y", "牵头领导是副市长Z".
COPULA_LABEL = re.compile(rf"(?<!各)((?:具体|直接|主要)?(?:{_ROLE}){{1,2}}(?:{UNIT_NOUN}|{PERSON_NOUN}))(?:为|是)")
# (a helper's verb may carry how it helps: "县发改局、县住建局等部门密切配合", "区财政局全力配合")
HELP_MANNER = r"(?:密切|积极|全力|主动|紧密|通力|大力|协同|共同)"
ROLE_END = re.compile(rf"({HELP_MANNER}(?:配合落实|配合|协助|参与)|"
                      r"分别牵头落实|分别负责落实|分别牵头|分别负责|牵头负责|负责牵头|牵头落实|牵头抓总|牵头|主办|按照?职责分工负责|按照?职责分工落实|按照?职责负责|分工负责|"
                      r"负责落实|具体负责|具体落实|具体实施|共同负责|负责|配合落实|配合|协助|协办|会办|参与|参加|共同推进|按照?职责推进|"
                      r"(?<![要须应])落实)$")     # "…各镇街落实": those who carry it out (not "要落实", an order)
# A unit's leader named by post after it ("市公安消防支队主要领导"): blanked, so the unit is read and spans hold.
LEADER_AFTER_UNIT = re.compile(r"(?:主要领导|主要负责人|分管领导|主要负责同志|负责同志|负责人)(?=$|[、,;,。\s])")
ASSIST_VERBS = ("配合", "协助", "协办", "会办", "参与", "参加", "配合落实")
ASSIST_START = re.compile(r"^(?:会同|协同|配合|联合)")
HELPERS_WORK = re.compile(r"(?:组成|成立|开展|进行|研究|制定|共同|对|就|深入|组织)")
# (a note may follow it in a sentence of its own: "…按职责分工负责,下同。以下各项任务均涉及四市…,不再列出")
SAME_BELOW = re.compile(r"[,;]?\s*下同\s*(?:。[^。]*)?$")


@dataclass
class OwnerSpec:
    lead: list[Mention] = field(default_factory=list)
    responsible: list[tuple[Mention, str]] = field(default_factory=list)   # (mention, "responsible" | "assist")
    each_leads: bool = False            # "X、Y分别牵头": several leads, each for its own part
    deadline: tuple[str, int, int] | None = None   # raw text and its span
    same_below: bool = False            # "下同": the same owners for the items that follow
    persons: list[Person] = field(default_factory=list)   # 责任领导:张三 — persons answering, never units
    bare: bool = False                  # only a unit list, no label or role word: "(市发改委、市财政局)"
    # "(以下均需各县(市、区)林业主管部门配合,不再列出)": units that help with this and every task after it
    helpers_below: list[Mention] = field(default_factory=list)
    # units named under a "主要责任单位" label: the main ones, who lead when others are named to help them
    main: list[Mention] = field(default_factory=list)
    start: int = 0
    end: int = 0

    @property
    def empty(self) -> bool:
        return not (self.lead or self.responsible or self.deadline or self.persons)

    def span_named(self) -> None:
        """Set the span to run from the first unit or person named to the last."""
        named = self.lead + [u for u, _ in self.responsible] + self.persons
        self.start, self.end = min(n.start for n in named), max(n.end for n in named)

    def add(self, role: str, mentions: list[Mention]) -> None:
        """Units named in a role: leads, or responsible / assisting units."""
        if role == "lead":
            self.lead += mentions
        else:
            self.responsible += [(m, role) for m in mentions]

    def merge(self, other: "OwnerSpec") -> None:
        self.lead += other.lead
        self.responsible += other.responsible
        self.each_leads |= other.each_leads
        self.deadline = self.deadline or other.deadline
        self.main += other.main
        self.same_below |= other.same_below
        self.persons += other.persons

    def copy(self) -> "OwnerSpec":
        """A copy whose lists can grow by merge() without touching this one (mentions are never changed)."""
        new = _shallow_copy(self)
        new.lead, new.responsible, new.persons = list(self.lead), list(self.responsible), list(self.persons)
        new.main = list(self.main)
        # (helpers_below is never grown in place: the copy may share it)
        return new


def _shallow_copy(obj):
    """copy.copy() for a plain dataclass instance, without copy's generic protocol (a hot path)."""
    new = object.__new__(type(obj))
    new.__dict__.update(obj.__dict__)
    return new


@lru_cache(maxsize=4096)   # label wordings repeat
def role_of_label(label: str) -> str:
    """The role a label's words give: deadline | clause (部门分工: the value names each role) | person | lead |
    assist | responsible | other (数据提供单位: units in no owner role)."""
    if re.fullmatch(DEADLINE_LABEL, label):
        return "deadline"
    if label.endswith("分工"):
        return "clause"           # 部门分工: X牵头,Y配合 — the value says each role itself
    if re.search(UNIT_AND_PERSON, label):
        return "units_and_leaders"
    if re.search(rf"(?:{PERSON_NOUN})$", label) or re.fullmatch(r"(?:分管|包抓|包保|挂钩|联系).*", label):
        return "person"
    if re.search(LEAD_WORDS, label):
        return "lead"
    if re.match(r"涉项|涉及", label):
        return "responsible"
    if re.search(ASSIST_WORDS, label):
        return "assist"
    return "responsible" if re.search(RESP_WORDS, label) else "other"


# "主要责任单位" beside a 协办/配合 label: the main units, set against those helping them (they lead); alone, the
# label only names who is responsible.
MAIN_LABEL = re.compile(rf"主要(?:{RESP_WORDS})")

PIECE_END = re.compile(r"[,;|]")


def _pieces(text: str, offset: int) -> list[tuple[str, int]]:
    """Split on commas, semicolons and bars outside parentheses, keeping each piece's offset."""
    if "(" not in text:
        out, pos = [], 0
        for m in PIECE_END.finditer(text + ","):
            out.append((text[pos: m.start()], offset + pos))
            pos = m.end()
        return [(p, o) for p, o in out if p.strip()]
    out, pos, depth = [], 0, 0
    for i, c in enumerate(text + ","):
        if c == "(":
            depth += 1
        elif c == ")":
            depth = max(0, depth - 1)
        elif c in ",;|" and (depth == 0 or i == len(text)):
            out.append((text[pos:i], offset + pos))
            pos = i + 1
    return [(p, o) for p, o in out if p.strip()]


# A field of the record that is not an owner, run on after an owner label's value without a break.
NEXT_FIELD = re.compile(r"(?:任务|工作|项目|整改|建设|具体|主要|完成|进展|实施)?"
                        r"(?:目标|内容|时限|时间|措施|要求|情况|进度|标准|成效|指标|举措|备注)[:]")


def _labelled_value(spec: OwnerSpec, role: str, value: str, offset: int, label: str | None = None) -> None:
    if role == "person":
        spec.persons += split_person_list(value, offset, label)
        return
    if role == "clause":
        _unlabelled(spec, value, offset)
        return
    if role == "other":
        return
    if role == "units_and_leaders":       # the units lead as any named under 责任单位; a leader's post is no unit
        role = "lead" if re.search(LEAD_WORDS, label or "") else "responsible"
        value = LEADER_AFTER_UNIT.sub(lambda m: " " * len(m.group()), value)
    if role == "deadline":
        raw = value.strip(" 。")
        if raw:
            start = offset + value.index(raw)
            spec.deadline = (raw, start, start + len(raw))
        return
    stop = value.find("。")
    if 0 < stop < len(value.rstrip(" 。")):
        value = value[:stop]        # "X、Y按职责分工负责。具体任务均涉及…,不再做分工": what follows is a note
    if (field := NEXT_FIELD.search(value)) and field.start() > 0:
        value = value[:field.start()]   # "责任单位:莲塘镇任务目标:2024年…": the next field, its line break lost
    units_text, units_at = [], []
    for piece, at in _pieces(value, offset):
        if looks_like_deadline(piece) and not spec.deadline:
            raw = piece.strip(" 。")
            start = at + piece.index(raw)
            spec.deadline = (raw, start, start + len(raw))
        elif not looks_like_deadline(piece):
            units_text.append(piece)
            units_at.append(at)
    for piece, at in zip(units_text, units_at):
        verb = ROLE_END.search(piece.strip())
        if verb and verb.start() > 0:
            # "责任单位:省政府办公厅、省财政厅牵头,省商务厅…": a role verb inside the value speaks for its piece
            stripped = piece.strip()
            head = stripped[:verb.start()]
            spec.add(verb_role(verb.group()), split_unit_list(head, at + piece.index(stripped)))
        else:
            units = split_unit_list(piece, at)
            spec.add(role, units)
            if role == "responsible" and MAIN_LABEL.match(label or ""):
                spec.main += units


def verb_role(verb: str) -> str:
    """牵头/主办 lead; 配合/协办/会办/参与 assist; 分别负责 makes each named unit lead its own part."""
    if "牵头" in verb or verb in ("主办", "分别负责", "分别负责落实"):
        return "lead"
    return "assist" if re.sub(f"^{HELP_MANNER}", "", verb) in ASSIST_VERBS else "responsible"


HELPING = re.compile(r"([^,;,。]{2,40}?)(?:配合|协助)(?!单位|部门)([^,;,。]{2,40}?)(?:落实|负责|实施|推进|开展|做好|抓好)?")


def _unlabelled(spec: OwnerSpec, text: str, offset: int) -> bool:
    """(X牵头,Y配合) / (X、Y负责): pieces accumulate until one ends in a role verb. False if not owners.
    A sentence after the first full stop ("…负责。列第一位的为牵头部门,下同") states a convention, not owners."""
    stop = text.find("。")
    if 0 < stop < len(text.rstrip(" 。")):
        text = text[:stop]
    pending: list[tuple[str, int]] = []
    found = False
    for piece, at in _pieces(text, offset):
        stripped = piece.strip()
        if looks_like_deadline(stripped):
            raw = stripped.strip("。")
            spec.deadline = spec.deadline or (raw, at + piece.index(raw), at + piece.index(raw) + len(raw))
            pending = []
            continue
        if (lead_in := ASSIST_START.match(stripped)) and found:
            # "由X牵头,会同Y、Z": the units after 会同 assist (up to the work they do together: "会同Y、Z组成督查组")
            rest_at = at + piece.index(stripped) + lead_in.end()
            rest = stripped[lead_in.end():]
            ends = [w.start() for w in HELPERS_WORK.finditer(rest, 2)
                    if len(rest) - w.start() >= 4 and all_units(split_unit_list(rest[:w.start()], rest_at))]
            rest = rest[:ends[-1]] if ends else rest        # (the last: 组织 may be inside a name, 区委组织部)
            rest = rest.rstrip("。;; ")
            if (closing := ROLE_END.search(rest)) and closing.start() >= 2:
                rest = rest[:closing.start()]       # "会同市财政局等部门负责落实": the helpers, before the verb
            mentions = split_unit_list(rest, rest_at)
            if all_units(mentions):
                spec.add("assist", mentions)
                continue
        if not pending and ("配合" in stripped or "协助" in stripped) and (helped := HELPING.fullmatch(stripped)):
            # "(省人事厅配合省委有关部门落实)": the unit helped leads, the helper assists
            helper_at = at + piece.index(stripped)
            helpers = split_unit_list(helped.group(1), helper_at)
            helped_units = split_unit_list(helped.group(2), helper_at + helped.start(2))
            if all_units(helpers) and all_units(helped_units):
                spec.add("lead", helped_units)
                spec.add("assist", helpers)
                found = True
                continue
        role_m = ROLE_END.search(stripped)
        if not role_m:
            pending.append((piece, at))
            continue
        verb = role_m.group()
        unit_text = piece[: piece.rindex(verb)]
        if not pending and (joined := JOINED_BEFORE_VERB.match(unit_text)):
            # "由国土资源部会同农业部等部门负责落实": the one before 会同 leads, those after it help
            first = split_unit_list(joined.group(1), at + joined.start(1))
            helpers = split_unit_list(joined.group(2), at + joined.start(2))
            if first and helpers and all_units(first + helpers):
                spec.add("lead", first)
                spec.add("assist", helpers)
                found = True
                continue
        mentions = [m for p, a in pending for m in split_unit_list(p, a)] + split_unit_list(unit_text, at)
        if not all_units(mentions):
            return False
        role = verb_role(verb)
        spec.each_leads |= verb.startswith("分别")
        spec.add(role, mentions)
        pending, found = [], True
    if pending:   # a bare unit list "(市发改委、市财政局)": responsible, unless a convention says otherwise
        mentions = [m for p, a in pending for m in split_unit_list(p, a)]
        if all_units(mentions):
            lead = [m for m in mentions if m.marked_lead]
            spec.lead += lead
            spec.responsible += [(m, "responsible") for m in mentions if not m.marked_lead]
            spec.bare, found = not found, True
    return found or bool(spec.deadline and found)


JOINED_BEFORE_VERB = re.compile(r"\s*(?:由)?([^,;,。、]{2,30}?)(?:会同|联合|协同)([^,;,。]{2,60})$")


# The note's helpers: "以下均需X配合,不再列出", "以下各项均由X协助".
HELPERS_BELOW = re.compile(r"以下(?:各项|任务)?均?(?:需|由|请)?((?:[^()]|\([^()]*\))+?)(?:配合|协助|参与)")


ALL_BELOW_CLAUSE = re.compile(r"[,;]\s*(?:各项|所有|全部)?[\u4e00-\u9fff]{0,6}?均需((?:[^()]|\([^()]*\))+?)"
                              r"(?:配合|协助|参与|具体落实|负责落实|落实)[,]?\s*(?:(?:以下|下同)[^()]{0,4}|不再(?:一一)?列出)$")


# The number of the next item, run into an owner label's value on a page flattened to one line: "责任部门:建工科、
# 质监站(二)小街巷专项整治…". No unit's name holds a bracketed numeral.
INLINE_ITEM = re.compile(r"\([一二三四五六七八九十]{1,3}\)(?=[\u4e00-\u9fff])")


def parse_owner_text(text: str, offset: int) -> OwnerSpec | None:
    """Parse an owner clause (a parenthetical's content or a label line); None when it names no owners."""
    spec = OwnerSpec(start=offset, end=offset + len(text))
    if (below := HELPERS_BELOW.match(text)):
        # a bracket holding only the note: "(以下均需各县(市、区)林业主管部门配合,不再列出)"
        helpers = split_unit_list(below.group(1), offset + below.start(1))
        spec.responsible, spec.helpers_below = [(m, "assist") for m in helpers], helpers
        return spec if helpers else None
    if (note := CONVENTION_NOTE.search(text)):
        # "(…、市水利局(排在首位的为牵头单位,下同))": the note states a convention, read from the whole text
        spec.same_below = "下同" in note.group()
        if (below := HELPERS_BELOW.search(note.group())):
            spec.helpers_below = split_unit_list(below.group(1), offset + note.start() + below.start(1))
        text = text[:note.start()]
    if "均需" in text and (note := ALL_BELOW_CLAUSE.search(text)):
        # "…按职责分工负责,各项政策措施均需各市政府、省沈抚示范区管委会落实,以下不再列出": those carry out this
        # and every measure after it
        spec.helpers_below = split_unit_list(note.group(1), offset + note.start(1))
        text = text[:note.start()]
    if SAME_BELOW.search(text):
        spec.same_below = True
        text = SAME_BELOW.sub("", text)
    if (typo := LABEL_THEN_SEMICOLON.match(text)):
        text = text[:typo.end() - 1] + ":" + text[typo.end():]     # "(责任单位;住建局、畜牧局)": a colon mistyped
    labels = list(LABEL.finditer(text)) if ":" in text else []     # every label ends in a colon
    if labels:
        head = text[: labels[0].start()].strip(" ;,。")     # "(由X牵头落实。配合单位:…)": the sentence before
        if head:
            _unlabelled(spec, head, offset + text.index(head))
        for i, m in enumerate(labels):
            end = labels[i + 1].start() if i + 1 < len(labels) else len(text)
            value = text[m.end(): end]
            if (next_item := INLINE_ITEM.search(value)):
                value = value[:next_item.start()]      # a page run into one line: the next item's number ends it
            value = value.rstrip(" ;,。")
            _labelled_value(spec, role_of_label(m.group(1)), value, offset + m.end(), m.group(1))
    elif not _unlabelled(spec, text, offset):
        return None
    return None if spec.empty else spec


# A line break between two bodies' names, each whole: the left ends on a body's end, the right opens on a place.
LINE_PER_UNIT = re.compile(r"(?:局|委|办|厅|府|会|中心|公司|集团)[^\S\n]*\n[^\S\n]*(?=[\u4e00-\u9fff]{2,6}?(?:省|市|县|区|州|旗))")


def parse_owner_span(text: str, start: int, end: int) -> OwnerSpec | None:
    """Parse text[start:end] as an owner clause with white space removed (a PDF wraps "兴隆\n台区政府"),
    mapping every span back to the source."""
    compact = "".join(text[start:end].split())     # split() drops exactly the str.isspace() characters
    if "\n" in text[start:end] and LINE_PER_UNIT.search(text, start, end):
        # (but a line that ends on a body's name and a next that starts another is two names: "牵头单位:唐山市城市
        # 管理综合行政执法局⏎唐山市交通运输局"; the break becomes their 、)
        breaks = {m.start() + m.group().index("\n") for m in LINE_PER_UNIT.finditer(text, start, end)}
        kept = [i for i in range(start, end) if not text[i].isspace() or i in breaks]
        compact = "".join("、" if text[i] == "\n" else text[i] for i in kept)
        where = kept + [end]
    elif len(compact) == end - start:
        where = range(start, end + 1)
    else:
        where = [i for i in range(start, end) if not text[i].isspace()] + [end]
    template = _parsed_clause(compact)
    if template is None:
        return None
    spec = _fresh(template)
    for m in spec.lead + [m for m, _ in spec.responsible] + spec.persons:
        m.start, m.end = where[m.start], where[m.end - 1] + 1
    if spec.helpers_below:
        own = {id(m) for m, _ in spec.responsible}
        for m in spec.helpers_below:
            if id(m) not in own:       # each object once: a helper below is often the clause's own helper too
                m.start, m.end = where[m.start], where[m.end - 1] + 1
    if spec.deadline:
        raw, ds, de = spec.deadline
        spec.deadline = (raw, where[ds], where[de - 1] + 1)
    spec.start, spec.end = start, end
    return spec


@lru_cache(maxsize=65536)
def _parsed_clause(compact: str) -> OwnerSpec | None:
    """Owner clauses repeat across a document and between documents; parse each wording once.
    The result is a template: callers get a _fresh() copy, never this object."""
    return parse_owner_text(compact, 0)


def _fresh(spec: OwnerSpec) -> OwnerSpec:
    """A copy with its own lists and Mention objects (spans are rewritten per occurrence)."""
    copies: dict[int, Mention] = {}

    def fresh(m: Mention) -> Mention:
        if id(m) not in copies:      # one copy per object, so shared mentions stay shared
            copies[id(m)] = _shallow_copy(m)
        return copies[id(m)]
    new = _shallow_copy(spec)
    new.lead = [fresh(m) for m in spec.lead]
    new.responsible = [(fresh(m), role) for m, role in spec.responsible]
    new.persons = [_shallow_copy(p) for p in spec.persons]
    if spec.helpers_below:
        new.helpers_below = [fresh(m) for m in spec.helpers_below]
    return new


# 〔牵头单位:…〕 brackets an owner clause as often as ( ) does; 〔2021〕 in a 文号 parses as no owners.
PAREN_EVENT = re.compile(r"[()〔〕\[\]【】\n]")    # [牵头单位:…] and 【…】 bracket owners too
CITED_TITLE = re.compile(r"《[^《》\n]*》")
DOC_NUMBER = re.compile(r"〔\d{4}〕|\[\d{4}\]|\d{4}\)\d+号|号$")


TRAILING_SPACE = re.compile(r"[ \t\u3000]{0,40}\n?[ \t\u3000]{0,40}")


def _scan_parentheticals(text: str, start: int, end: int) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Top-level (...) spans in text[start:end], and the runs (open at, closed or dropped at) spent inside one.

    Only brackets and newlines change the state, so the scan jumps between them instead of visiting every
    character."""
    spans, runs, depth, open_at = [], [], 0, 0
    for m in PAREN_EVENT.finditer(text, start, end):
        i, c = m.start(), m.group()
        if c in "(〔[【":
            if depth == 0:
                open_at = i
            depth += 1
        elif c in ")〕]】" and depth:
            depth -= 1
            if depth == 0:
                spans.append((open_at, i + 1))
                runs.append((open_at, i))
        elif c == "\n" and depth and (text[i + 1:i + 2] == "\n" or i - open_at > 400):
            depth = 0     # a wrapped line (PDF) may break a parenthetical; a blank line ends it
            runs.append((open_at, i))
    if depth:
        cut = len(text.rstrip())
        # (only where nothing but a line's end follows, so a scan of any range reaching it agrees)
        if end >= cut and depth == 1 and cut - open_at <= 200 and "\n" not in text[open_at:cut] \
                and TRAILING_SPACE.fullmatch(text, cut):
            spans.append((open_at, cut))    # the page cut inside its last bracket: what it lists so far
        runs.append((open_at, end))
    return spans, runs


def parentheticals(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Top-level (...) spans in text[start:end], nesting respected; unclosed ones are skipped."""
    return _scan_parentheticals(text, start, len(text) if end is None else end)[0]


PLACE_ALTERNATIVES = re.compile(r"(?:市|区|县|乡|镇|街道|旗)(?:、?(?:市|区|县|乡|镇|街道|旗))*")
NAME_GOES_ON = re.compile(r"(?:单位|部门|机构|科室)")
NAME_PART = re.compile(r"(?:街道|园区|管委会|社区|乡镇|镇|乡|单位|部门|管理局|局|办|站|所|点)")
RECIPIENT_BEFORE = re.compile(r"(?:报|报送|上报|提交|抄送|送交|交|向)[\u4e00-\u9fff]{2,24}?(?:办公室|局|委|办|组|中心|政府)$")
NAME_BEFORE = re.compile(r"(?:镇|乡|区|县|市|街道|政府|局|委|办|园区|开发区|中心)$")    # (…服务中心(站))


# A parenthetical that is only a convention about the list before it: it opens on the rank it speaks of.
CONVENTION_ALONE = re.compile(r"\s*(?:其中)?(?:排名|排序|列|排|名列)?(?:在)?(?:第一|首位|首家)")


def _in_labelled_list(text: str, s: int) -> bool:
    """Whether a bracket stands right after a unit in the list an owner label names on its line."""
    line_start = text.rfind("\n", max(0, s - 200), s) + 1
    before = text[max(line_start, s - 200):s]
    label = None
    for label in LABEL.finditer(before):
        pass
    return label is not None and role_of_label(label.group(1)) != "deadline" \
        and not re.search(r"[。;]", before[label.end():]) and bool(re.search(r"[\u4e00-\u9fff]$", before))


# An outcome right before a bare bracketed list: the list names what it covers ("已全部完成(A、B、C)").
DONE_BEFORE_LIST = re.compile(r"(?:已(?:经)?(?:全部)?(?:完成|建成|投用|竣工|办结)(?:建设|整改)?|包括|分别是|分别为)$")


def owner_clause(text: str, s: int, e: int) -> OwnerSpec | None:
    """The owners named by the parenthetical text[s:e], or None: it depends on those characters alone."""
    cut = text[e - 1] not in ")〕]】"       # a bracket the page's end cut, with no closer
    close = e if cut else e - 1
    if cut:             # its last name, if cut too, is no name ("…、省政")
        last = max(text.rfind("、", s, e), text.rfind(",", s, e))
        if last > s and not looks_like_unit(text[last + 1:e]):
            close = last
    inner = text[s + 1: close]
    if DOC_NUMBER.search(inner) and not LABEL.search(inner):
        return None           # a document number, not an owner clause
    if CONVENTION_ALONE.match(inner):
        return None           # "(第一责任单位为牵头单位,下同)" after a list: the convention, read as such elsewhere
    spec = parse_owner_span(text, s + 1, close)
    if spec and spec.bare and not _closes_sentence(text, s, e):
        return None           # "镇区(街道)、公安派出所": an aside, not the owners of what precedes it
    if s and text[s - 1] in "县市区乡镇旗" and PLACE_ALTERNATIVES.fullmatch(inner):
        return None           # "各县(市、区)" (a page cut after it): the place class's alternatives, no owners
    if NAME_GOES_ON.match(text, e) and s and "\u4e00" <= text[s - 1] <= "\u9fff":
        return None           # "各承办(主办、协办)单位": the bracket sits inside a name that goes on after it
    if spec and spec.bare and NAME_PART.fullmatch(inner) and NAME_BEFORE.search(text, max(0, s - 12), s):
        return None           # "各开发区、镇(街道)" at a line's end: the kind a name takes, part of that name
    if spec and spec.bare and _in_labelled_list(text, s):
        return None           # "责任单位:区卫健局、各镇人民政府(街道办事处)。": the bracket is the name's own
    if spec and spec.bare and RECIPIENT_BEFORE.search(text, max(0, s - 30), s):
        return None           # "…前报市环保工作领导小组办公室(市环保局)": the other name of whom it is sent to
    if spec and spec.bare and _closes_unit_heading(text, s, e):
        return None           # "(一)综合办公室(党群工作部、督查室)": the offices that body also is, its name
    if spec and spec.bare and DONE_BEFORE_LIST.search(text, max(0, s - 12), s):
        return None           # "已全部完成(石璜镇幼托中心、仙岩镇中心幼儿园)": those the outcome covers, not owners
    if spec and (spec.lead or spec.responsible or (LABEL.search(inner) and not cut)):
        spec.start, spec.end = s, e
        return spec
    return None


def _closes_unit_heading(text: str, s: int, e: int) -> bool:
    """Whether a bracket closes a line that, before it, names one unit alone (after its list marker)."""
    if text[e:e + 1] not in ("", "\n"):
        return False
    line_start = text.rfind("\n", 0, s) + 1
    head = text[line_start:s].strip()
    marker = LEADING_MARKER.match(head)
    head = head[marker.end():].strip() if marker else head
    return 2 <= len(head) <= 20 and looks_like_unit(head)


def owner_parentheticals(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int, OwnerSpec]]:
    """The parentheticals in a range that name owners or a deadline — each closes one task."""
    found = []
    titles = [(m.start(), m.end()) for m in CITED_TITLE.finditer(text[start:end])]
    for s, e in parentheticals(text, start, end):
        if any(ts <= s - start < te for ts, te in titles):
            continue          # "(试行)" inside a cited title
        spec = owner_clause(text, s, e)
        if spec:
            found.append((s, e, spec))
    return found


def _closes_sentence(text: str, start: int, end: int) -> bool:
    after = text[end:end + 1]
    return after in ("", "\n", "。", ";") or text[start - 1:start] in ("。", ";")
