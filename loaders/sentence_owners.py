"""Owners named inside a task's own sentences, when no clause or label line names them.

Forms a careful reader takes as owners (each clause starts at a sentence or clause boundary):
  由X牵头,会同Y、Z…          X lead, Y and Z assist
  由张三副市长负责,X牵头,相关部门配合   a person answers; X leads; 相关部门 assist
  X牵头组织Y、Z等部门…        X lead, Y and Z assist (组织/会同/联合/协调 name the helpers)
  X负责… / 请X按照…          X responsible (a sole one leads)
  …。牵头单位:X;责任单位:Y    labels run into the paragraph after a full stop
A clause counts only when everything before its verb is a unit list, so narrative sentences that merely
mention a bureau are not read as assignments.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from copy import deepcopy
from functools import lru_cache

from graph.schema import NARRATED      # the convention of a body's narrated act: what it did, not work it was given

from .owners import COPULA_LABEL, HELP_MANNER, JOINED_BEFORE_VERB, LABEL, LINE_LABEL, OwnerSpec, parse_owner_span, role_of_label, verb_role
from .deadlines import DAY_RANGE
from .persons import TITLE, split_person_list
from .structure import LEADING_MARKER, Item
from .units import STRONG_UNIT_END, all_units, split_unit_list

# (a bracket inside a name stays in its clause: "各县(市、区)政府配合", "各街道办事处(乡)配合")
CLAUSE = re.compile(r"(?:[^,;。!?:\n()]|(?<=[\u4e00-\u9fff])\([^()\n]{1,12}\)(?=[\u4e00-\u9fff]))+")
# What stands before the owner: a connective, or a subject handing the work on ("上述项目由", "该项工作由").
# The work named before 由 is no part of the owner either: "反馈问题由区水利局牵头整改", "两项任务由X负责".
LEAD_IN = re.compile(r"^(?:(?:上述|以上|该|此|本)[\u4e00-\u9fff]{0,6}?由|[\u4e00-\u9fff]{0,8}?(?:问题|任务|工作|事项|项目)由|"
                     r"[\u4e00-\u9fff]{2,12}?(?:主要|统一|具体|均|全部)由|"     # "校园周边环境整治主要由X牵头"
                     r"并|再|同时|均|要|请|要求|责成|责令|建议|明确|由|统一由|立即(?=责成|要求|责令))+")
VERB = re.compile(rf"({HELP_MANNER}(?:配合落实|配合|协助|参与)|分别牵头|分别负责|牵头负责|负责牵头|牵头抓总|牵头落实|牵头|主办|负总责|具体负责|共同负责|负责落实|负责(?!人|同志)|配合落实|"
                  r"配合(?!单位|部门)|协助|协办(?!单位|部门)|会办(?!公)|参与)")      # (not 会办公室: "区管委会办公室牵头";
# not a class named by its role, 配合单位, 协办单位)
HELPERS = re.compile(r"^(?:组织|会同|联合|协调|协同|指导|督促)")
# A unit named as the maker of a work the sentence is about: "省发展改革委牵头制定的《…意见》将…" describes the rule
# it made; it gives the unit no work.
MADE = r"(?:制定|制订|印发|出台|编制|起草|发布|下发|修订)的[《“]"
MADE_BY = re.compile(rf"(?:牵头|负责|组织)?{MADE}")     # after the unit opening the sentence
MODIFIER = re.compile(rf"^{MADE}")                       # after its role verb
REQUEST = re.compile(r"^(?:立即|及时|随即)?(?:请|要求|责成|责令)")     # "立即责成X…": asked at once
# Who asks, before the request: a body ("学校", "县政府", "局党组") or the writer itself ("我校", "本局").
REQUESTER = re.compile(r"^([\u4e00-\u9fff]{2,12}?)(?=要求|督促|责成|责令)")
ASKED_UNIT = re.compile(r"(?:要求|督促|责成|责令)([\u4e00-\u9fff、]{0,28}?(?:处|科|室|局|委|办|中心|部门|单位|小组|组|队|所|站|"
                        r"公司|政府|街道|镇|乡))(?![部单机]|公室|事处)(?=[\u4e00-\u9fff])")
SELF = re.compile(r"^(?:我|本)(?:校|局|委|办|院|所|中心|单位|公司|部门|镇|乡|街道)$|^(?:学校|医院|公司|党委|党组|局党组|班子)$")


def _asked_units(clause: str, at: int):
    """The units a clause opening on a body asking another names ("学校要求总务处组织…" → 总务处), or None. One body
    asked by name; a class asked ("承办部门") is told a rule, not given the task."""
    if not (asking := REQUESTER.match(clause)) or not _asks(asking.group(1), at):
        return None
    asked = ASKED_UNIT.match(clause, asking.end())
    units = asked and _units(asked.group(1), at + asked.start(1))
    return units if units and not any(u.collective for u in units) else None


def _asked_in(own: str) -> bool:
    """Whether a clause of the text opens on a body asking another."""
    return any(_asked_units(m.group().strip(), 0) for m in CLAUSE.finditer(own))


def _asks(requester: str, at: int) -> bool:
    """Whether the words before 要求/督促 name a body asking (not the work: "整改要求")."""
    return bool(SELF.match(requester)) or bool((units := _units(requester, at)) and len(units) == 1)
# The work a unit is ordered to do to put a finding right (责成X整改, 责令X限期退还).
PUT_RIGHT = "整改|纠正|查处|清理|退还|追回|补缴|处理"
REQUEST_ANYWHERE = re.compile(r"(?:^|[,;。\n])(?:立即|及时|随即)?(?:请|要求|责成|责令)")
PERSON_DUTY = re.compile(rf"^(?:由)?([\u4e00-\u9fff]{{2,4}}?)(?:同志)?({TITLE.pattern})?(?:同志)?(?:负总责|负责|牵头)$")


# In running text a unit name is a plain name: no quotes, no preposition or quantifier in front.
# (a body's name never runs on into a preposition and where it acts: "市审计局在门户网站" is 市审计局, then where)
# (被 opens a class only as the ones inspected: 被巡察党组织, 被检查单位; a reply's 我们 is a name alone, never the start of
# one: "我们将建议政府…"; no name opens on an act: "列入重点督办", "开展…办")
PLAIN_NAME = re.compile(r"^(?![对每求在将的为向与把从按以该本])(?!我们.)(?!列入|纳入|进行|开展|实行|建立|加强|落实|下一步|下步|今后|目前|同时|现由)(?!被(?!巡察|巡视|检查|督查|审计|考核))(?!其(?![他它]))(?!.*(?:序号|编号|的))"
                        r"(?!.*(?:局|委|办|厅|院|府|中心|公司)(?:在|对|向|从|于|按|将|把|通过))[\u4e00-\u9fff()]{2,40}$")
# (a list in a name's brackets: the places it covers, "县(市、区)政府", or the offices the body also is,
# "综合办公室(党群工作部、监察室、督查室)")
BRACKETED_LIST = re.compile(r"\([\u4e00-\u9fff、]{1,30}\)")


def _plain(mention: str) -> bool:
    """A plain name, a list inside its brackets allowed: "县(市、区)政府" — not one opening on how something is
    done ("认真研究所负责的…" is 认真研究 what one is responsible for, no 研究所)."""
    return bool(PLAIN_NAME.match(BRACKETED_LIST.sub(lambda m: m.group().replace("、", ""), mention))) \
        and not MANNER_OPENING.match(mention)


MANNER_OPENING = re.compile(r"(?:认真|切实|积极|全力|努力|进一步|加快|坚持|扎实|全面)")


def _units(text: str, at: int):
    """The unit list ``text`` is, its mentions at offset ``at``, or None. (Each clause is asked this over and over,
    once per reading: the answer is kept per text, and each call gets fresh mentions.)"""
    found = _units_at_zero(text)
    return None if found is None else [m.moved(at) for m in found]


LEVEL_CHARACTERS = ("省", "市", "县", "区", "乡", "镇", "州", "旗", "村")


@lru_cache(maxsize=16384)
def _units_at_zero(text: str) -> tuple | None:
    units = split_unit_list(text, 0)
    # (各县, 各市: every body of a level, its mention the level's one character)
    if all_units(units) and all(_plain(u.mention) or (u.distributive and u.mention in LEVEL_CHARACTERS) for u in units):
        return tuple(units)
    modifier = text.rfind("的")      # "参加督办的政协相关专委会": a unit described by what it does
    if 0 < modifier < len(text) - 2:
        rest = text[modifier + 1:]
        told = REQUEST.match(rest)      # "未完成整改的责令各水库管理单位…": the unit is the one told
        cut = modifier + 1 + (told.end() if told else 0)
        inner = _units_at_zero(text[cut:])
        return None if inner is None else tuple(m.moved(cut) for m in inner)
    return None


# "各区政府为责任单位" / "市规划局、城管办为协办单位": units, then the role they are given
NAMED_ROLE = re.compile(r"^(.{2,60}?)(?:为|是|作为)(?:[^,;。的、]{1,16}的)?((?:牵头|责任|主办|协办|配合|主责|承办|实施){1,2}"
                        r"(?:单位|部门))$")        # "X为该议案办理工作的牵头责任单位": of what, before the role


# Whose the label is, before it: "其", "该点位的", "华声小区的".
POSSESSOR = re.compile(r"(?:其|该[\u4e00-\u9fff]{0,6}?的?|[\u4e00-\u9fff]{1,12}?的)(?=[\u4e00-\u9fff]{2,8}?(?:为|是))")


def _copula_owners(spec: OwnerSpec, clause: str, at: int) -> bool:
    """"牵头单位为X、Y" / "牵头领导是副市长Z": a label, a copula, then the units or persons it names."""
    m = COPULA_LABEL.match(clause)
    if m is None and (whose := POSSESSOR.match(clause)):
        m = COPULA_LABEL.match(clause, whose.end())     # "华声小区的责任单位是X", "其责任单位为X"
    if m is None:
        return False
    role, value, value_at = role_of_label(m.group(1)), clause[m.end():], at + m.end()
    if role == "person":
        people = split_person_list(value, value_at, m.group(1))
        spec.persons += people
        return bool(people)
    units = _units(re.sub(r"等$", "", value), value_at)
    if not units or role not in ("lead", "responsible", "assist"):
        return False
    spec.add(role, units)
    return True


# After "由X牵头,", a clause that opens on units and goes on to what they do names those who work with X:
# "联合市交通局、市政监察大队", "广电网络公司、移动公司按照管理权限予以规范".
JOINING = re.compile(r"(会同|协同|联合|配合)?([\u4e00-\u9fff()、]{2,60}?)"
                     r"(?=按照|按|对|在|负责|做好|加强|开展|进行|依法|予以|共同|认真|抓好|落实|组织(?!部)|组成|积极|协助|$)")


JOIN_WORD = re.compile(r"会同|协同|联合")


def _joining_units(spec: OwnerSpec, clause: str, at: int, continues: bool = False) -> bool:
    """``continues``: the clause before was a 会同 list, which this clause may go on with."""
    m = JOINING.match(clause)
    # units alone in a clause are joined to the lead only by 会同/联合, or as the next part of the 会同 list
    # just before ("会同A、B,C、D,E等共同完成")
    if m is None or (m.end() == len(clause) and not m.group(1) and not continues):
        return False
    units = _units(m.group(2), at + m.start(2))
    if not units or not all(STRONG_UNIT_END.search(u.mention) or u.mention.endswith("公司") for u in units):
        return False
    role = "assist" if m.group(1) or (continues and m.end() == len(clause)) else "responsible"
    spec.responsible += [(u, role) for u in units]
    return True


def _clause_owners(spec: OwnerSpec, clause: str, at: int, after_join: bool = False) -> bool:
    if _copula_owners(spec, clause, at):
        return True
    if spec.lead and not VERB.search(clause) and _joining_units(spec, clause, at, after_join):
        return True
    if (named := NAMED_ROLE.match(clause)) and (units := _units(named.group(1), at)):
        spec.add(role_of_label(named.group(2)), units)
        return True
    if units := _asked_units(clause, at):
        # "学校要求总务处组织人力…", "局党组督促X加快…": the body asking names whom it asks; that body answers
        spec.responsible += [(u, "responsible") for u in units]
        return True
    if not REQUEST.match(clause) and not VERB.search(clause, 1):
        return False            # neither a request nor a role verb after the first character
    lead_in = LEAD_IN.match(clause)
    body_at = at + (lead_in.end() if lead_in else 0)
    body = clause[lead_in.end():] if lead_in else clause
    if REQUEST.match(clause):           # 请交通局按照整改要求…: the requested unit answers
        # "责成X整改", "责令X限期整改": the unit told to put it right, right before the work it is told to do
        m = re.match(rf"([\u4e00-\u9fff、]{{2,30}}?)(?:按照|按|加快|加紧|尽快|抓紧|认真|切实|进一步|要|限期|立即|及时|依法|"
                     rf"组织|做好|提早|安排|(?:{PUT_RIGHT})(?:到位)?$)", body)
        if m and (units := _units(m.group(1), body_at)):
            spec.responsible += [(u, "responsible") for u in units]
            return True
    verb = VERB.search(body)
    if not verb or verb.start() == 0:
        return False
    head, rest = body[:verb.start()], body[verb.end():]
    if MODIFIER.match(rest):
        return False            # "X牵头制定的《…》": who made the thing named, not who is given work
    title = TITLE.search(head)
    if title and title.end() == len(head) and PERSON_DUTY.match(body[:verb.end()]):
        people = split_person_list(head, body_at)
        if people and not _units(head, body_at):
            spec.persons += people
            return True
    if spec.lead and (joining := JOIN_WORD.match(head)) \
            and (helpers := _units(head[joining.end():], body_at + joining.end())):
        spec.add("assist", helpers)     # "由X牵头,会同Y等部门负责落实": Y helps the lead named before
        return True
    # "由国土资源部会同农业部等部门负责落实": the body before 会同 leads, those after it help (a cheap test first)
    if JOIN_WORD.search(head) and (joined := JOINED_BEFORE_VERB.match(head)) \
            and (first := _units(joined.group(1), body_at + joined.start(1))) \
            and (helpers := _units(joined.group(2), body_at + joined.start(2))) and verb_role(verb.group()) != "assist":
        spec.add("lead", first)
        spec.add("assist", helpers)
        return True
    units = _units(head, body_at)
    if (played := PART_PLAYED.match(head)) is not None and (named := _units(head[played.end():], body_at + played.end())):
        units = named           # "由包片单位县林业局负责…": the body, after the part it plays in the matter
    if units is None:
        return False
    role = verb_role(verb.group())
    spec.add(role, units)
    spec.each_leads |= verb.group().startswith("分别")
    helpers = HELPERS.match(rest)
    if helpers and role == "lead":
        rest_at = body_at + verb.end() + helpers.end()
        tail = re.match(r"[^,;。]*?(?:等(?:有关|相关)?(?:部门|单位)|(?=[到在对开进做研制]))", rest[helpers.end():])
        if tail and (more := _units(tail.group(), rest_at)):
            spec.responsible += [(u, "assist") for u in more]
    elif role == "lead" and (listed := re.match(r"[^,;。]{2,60}?等(?:有关|相关)?(?:部门|单位)", rest)) \
            and (more := _units(listed.group(), body_at + verb.end())):
        # "农业农村局牵头县财政局、县扶贫办等部门…": the bodies listed right after 牵头 work with the lead
        spec.responsible += [(u, "assist") for u in more]
    return True


# The part a body plays in the matter, said before its name in a 由-clause: "由包片单位县林业局负责", "由属地街道办负责".
PART_PLAYED = re.compile(r"^(?:包片|包保|包联|包抓|属地)(?:单位|部门)?(?![和与及、])(?=[\u4e00-\u9fff]{3})")


BY_LINE = re.compile(r"^[ \t]*由([^\n。;:]{2,200}?)(?:负责落实|牵头落实|具体落实|负责)[。;]?[ \t]*$", re.M)
HANDED = re.compile(r"(?:交由|由)([\u4e00-\u9fff()、]{2,30}?)(?:承办|办理|办复)(?=[。,;,]|$)")
# A hotline case handed on: "市民X反映:… 市长电话转华润燃气公司落实处理", "市长热线办公室立即通知息县县政府(电话:…)办理".
COMPLAINT = re.compile(r"(?:市民|群众|居民|网民|村民|业主|来电人|反映人|先生|女士)[^,。:\n]{0,8}(?:反映|来电|来信|投诉|留言|咨询)")
PASSED_ON = re.compile(r"(?:转交?|转办|通知|批转|交由)([\u4e00-\u9fff]{2,30}?)(?:\([^()\n]{0,24}\))?"
                       r"(?:落实处理|调查处理|核实处理|落实|处理|办理|承办|办复)(?=[。,;,]|后|$)")


def _may_pass_on(text: str) -> bool:
    """A cheap test before PASSED_ON: a hand-over word is there."""
    return "转" in text or "通知" in text or "交由" in text


def sentence_owners(text: str, start: int, end: int, report: bool = False) -> OwnerSpec | None:
    """The owners a task's own text names in its sentences, or None. In a ``report`` (outcomes, not
    assignments) units named in the narrative did the work; only a clause that names a lead (X牵头…)
    assigns it."""
    if (marker := LEADING_MARKER.match(text, start, end)) and marker.end() < end:
        start = marker.end()            # "2.由X牵头,…": the list marker is no part of the first clause
    own = text[start:end]
    if (colon := DUTY_COLON.match(own) or UNIT_COLON.match(own)) and not LABEL.match(own) \
            and not _glued_label(own, LABEL.search(own, 0, colon.end())) \
            and (heading := _duty_heading(colon.group(1), start, classes=marker is not None)):
        # "(九)工商部门职责:依法确认…", "14.市卫生局:负责…;负责…": the duties of the units before the colon
        return heading[1]
    if "由" in own and (by_line := BY_LINE.search(own)) and re.search(r"[,,]", by_line.group(1)):
        # "由市发展改革委,各县市区人民政府,市经济开发区管委会、市东新区管委会负责落实": one owner line whose groups of
        # units are set apart by commas, read whole (a clause at a time would keep the last group only)
        spec = parse_owner_span(text, start + by_line.start(1) - 1, start + by_line.end())
        if spec is not None and not spec.empty and (spec.lead or spec.responsible):
            return spec
    if _may_pass_on(own) and (passed := PASSED_ON.search(own)) \
            and COMPLAINT.search(own, 0, passed.start()) \
            and (units := _units(passed.group(1), start + passed.start(1))):
        return _answering(units)        # a complaint handed on: the body it was passed to deals with it
    asked = ("要求" in own or "督促" in own) and _asked_in(own)       # "学校要求总务处…": a body asks another
    # (one paragraph's: a section running over several charges them one by one)
    if "办" in own and "\n" not in own.strip() and not VERB.search(own) and (handed := HANDED.search(own)) \
            and (units := _units(handed.group(1), start + handed.start(1))):
        return _answering(units)        # "将…议案交由市人大常委会法工委办理": whom a matter is handed to handles it
    if not VERB.search(own) and not REQUEST_ANYWHERE.search(own) and ":" not in own and "为" not in own \
            and not COPULA_LABEL.search(own) and not asked:
        return _opening_subject(text, start, end)     # no role verb, no request, no label
    labelled = next((m for m in LABEL.finditer(own) if m.start() == 0 or own[m.start() - 1] in "。;,:\n 。"
                     or _glued_label(own, m)), None) if ":" in own else None
    if labelled:           # labels run into the paragraph: the clause runs to the end of its line
        first = labelled.start()
        stop = own.find("\n", first)
        stop = len(own) if stop < 0 else stop
        spec = parse_owner_span(text, start + first, start + stop)
        if spec and not spec.empty:
            return spec
    spec = OwnerSpec(start=start, end=end)
    found = False
    requested = bool(REQUEST_ANYWHERE.search(own)) and any(REQUEST.match(m.group().strip())
                                                           for m in CLAUSE.finditer(own))
    # "由X负责,…" hands the work to X: an assignment even where a report narrates what was done since
    requested |= own.lstrip().startswith("由") or asked
    joined = False
    for m in CLAUSE.finditer(own):
        clause = m.group().strip()
        if clause:
            before = len(spec.responsible)
            found |= _clause_owners(spec, clause, start + m.start() + m.group().index(clause), joined)
            # a 会同 list (or its next part) named helpers: the clause after it may go on with the list
            joined = len(spec.responsible) > before and spec.responsible[-1][1] == "assist" \
                and (joined or bool(JOIN_WORD.search(clause)))
    if not found or spec.empty or (report and not spec.lead and not requested):
        return _opening_subject(text, start, end)
    spec.span_named()
    return spec


# A sentence whose subject is a unit and whose verb assigns it work: "市教育局要在11月底新建幼儿园9所",
# "赛罕区政府11月底启动…", "市卫生局负责…"; a reply's commitments: "下一步,住建局还将…", "住建局通过…".
# Outside any numbered item, such a sentence is a task of its own.
# (the one-character ends as one set, the regex engine's fastest test: SUBJECT_HINT scans every text with it)
SUBJECT_END = r"(?:委员会|常委会|村委会|居委会|政府|管委会|公司|中心|部门|单位|办公室|小组|专班|街道|集团|分行|海关|支队|大队|中队|工作队|党组织|" \
              r"[局委办厅室组部院科]|(?<!城)镇|(?<![城山])乡|(?<=..)[馆站厂矿]|(?<=..)(?<!场)所|(?<=管理|事务|服务|执法|监察|稽查)处)(?:\((?:[\u4e00-\u9fff]{2})?(?:单位|部门)\))?"
# when the work is to come: "下一步,住建局还将…", "今后我局将…"
LATER = r"下一步|下步|下阶段|今后|接下来|后期"
TIME_LEAD = rf"(?:{LATER}|近期|同时|此外|另外|目前|随后|今年|明年|建议|要求)[,]?"
# "各牵头单位对承担的目标任务落实负总责": answerable for the work named after 对
ANSWERABLE = r"对[^,。;]{2,30}?负(?:总)?责(?!人|同志)"
# What a body is told it must do: 要 (not 要求, which asks others; not 要点/要素/要件), 需要, 须, 必须, 应(当).
MUST = r"(?:需?要(?!求|点|素|件)|必?须|应当?)"
ASSIGNING = (r"(?=(?:还|也|并|已经|已|正在|正|将继续|继续)?"
             rf"(?:{MUST}|将|负责(?!人|同志)|具体负责|牵头|通过|督促|在\d|于\d|\d{{1,2}}月|年内|年底|全年|确保|力争|开始|"
             rf"{ANSWERABLE}))")
# (a unit's name never runs over 要求: "市政府办公室要求承办部门在5月底前…" asks the 承办部门)
# (a point counted off in the sentence may open it: "四点要求:一是市发改委要…;二是…")
SUBJECT = re.compile(rf"(?:[一二三四五六七八九十]{{1,2}}是)?(?:{TIME_LEAD})?(?:由)?(办公室|[\u4e00-\u9fff](?:(?!要求)[\u4e00-\u9fff()、]){{0,23}}?{SUBJECT_END}|"
                     rf"[\u4e00-\u9fff](?:(?!要求)[\u4e00-\u9fff()、]){{8,48}}?{SUBJECT_END}(?=等(?:有关|相关)?(?:部门|单位)))(?:等(?:有关|相关)?(?:部门|单位))?{ASSIGNING}")
SEGMENT = re.compile(r"[^。!?;\n]+[。!?;]?")
SUBJECT_HINT = re.compile(SUBJECT_END + ASSIGNING)     # a cheap test before the paragraph scan


# An item that opens on the unit doing it: "3、交警河西支队加强夜间车速管理", "1.区住建委联合区水务局对工地开展
#检查", "芥园街将督促其定期清洗". Its subject is its owner, also in a report: the item is that unit's measure.
ACTION = (r"(?=(?:还|也|已|已经|正在|将|要|须|立即|及时|依法|全面|持续|进一步|认真)?"
          r"(?:加强|开展|推进|实施|落实|组织|督促|负责|完成|做好|建立|健全|整治|整改|清理|查处|对|联合|会同|牵头|制定|通过|"
          r"启动|加快|强化|严格|提升|完善|规范|协调|明确|排查|检查|监督|指导|督导|"
          r"承办的|主办的)"      # "农业和科技委员会承办的“关于…的建议”": the body that handles it
          # or told what it must do, whatever the verb ("县政府督查室要及时汇总…"); 要求 asks it of others
          rf"|(?:还|也)?{MUST}"
          # or, the list closed by a comma, all of them told ("各社区、自然村和乡镇站所,都要围绕…")
          rf"|,(?:都|均|也都)(?:{MUST}|将)"
          # or told to do it at once, whatever the verb ("大岭铁矿立即停止井下作业", "X限期拆除…")
          r"|(?:立即|限期)(?!安排|要求|责成|责令|督促|通知)(?=[\u4e00-\u9fff]{2})"     # (安排X…: X does it)
          # or given a date by which to do it ("各责任单位2017年9月25日前将…报六创办")
          r"|(?:\d{4}年)?\d{1,2}月\d{0,2}日?(?:前|底前|之前)"
          # or its charge after what it works from or on ("省编办结合实施“减证便民”,牵头负责…")
          r"|(?:结合|针对|围绕|依托|对照|立足)[^,。;:\n]{1,32},(?:牵头|负责|主抓))")


def _add_helpers(spec: OwnerSpec, rest: str, at: int) -> None:
    """"X要会同Y对…进行督导", "X联合Y、Z开展…": the units after 会同/联合 assist X."""
    helpers = WITH_HELPERS.match(rest)
    if helpers and (more := _units(helpers.group(1), at + helpers.start(1))):
        spec.responsible += [(u, "assist") for u in more]
        spec.end = more[-1].end
    elif (joined := HELPERS_OPENING.match(rest)) and (run := _units_run(rest, joined.end(), classes=True)):
        # (whatever the work after them: "各责任单位要会同配合单位细化…", "牵头单位要统筹相关责任单位制定…")
        more = [u.moved(at + joined.end()) for u in run[1]]
        spec.responsible += [(u, "assist") for u in more]
        spec.end = more[-1].end


# (and the bodies it oversees: "市工业和信息化局督导遵化市政府指导企业…" — the overseen carry the work out)
HELPERS_OPENING = re.compile(r"(?:还|也)?(?:要|须|必须|应|将)?(?:会同|联合|协同|统筹|督导|督促)")


# A measure's heading sentence, short and naming no one ("1、压实各级河长责任。"), then the unit doing it.
COMMA_HEADING = re.compile(r"[^,。;:!?\n]{2,16},")
BODY_END_CHARACTER = re.compile(r"[局委办厅室组部院科镇乡府会心司队所站村区县市]")     # (a cheap test: a body may follow)
HEADING_SENTENCE = re.compile(r"[^。;:!?\n]{2,24}(?:[。;]\s*|\n\s*)")     # (its body may start on the next line)
# (the unit's other name in brackets after it stays with it: "市河长办(市水务局)进一步明确…")
OPENING_SUBJECT = re.compile(rf"((?:[\u4e00-\u9fff()]{{2,20}}?(?:{SUBJECT_END}|支队|大队|所|站)|[\u4e00-\u9fff]{{1,8}}?(?:街|乡|镇)|[\u4e00-\u9fff]{{0,8}}?(?:各|有关|相关)(?:单位|部门|区县|县区|区|县|乡镇|镇街|街道|村\((?:社区|居)\)|村居|社区|村))"
                             rf"(?:\([\u4e00-\u9fff]{{2,12}}\))?){ACTION}")
# Several subjects, each doing its part: "新抚区和东洲区分别组织…", "市公安局、市交通局分别开展…".
SUBJECTS_EACH = re.compile(r"([\u4e00-\u9fff()、和]{4,40}?)分别(?!牵头|负责)(?=[\u4e00-\u9fff]{2})")


def _glued_label(own: str, m: re.Match | None) -> bool:
    """A role label run into the heading before it, the blank between them lost: "(一)疫苗接种牵头责任部门:县卫健委"."""
    if m is None or not m.group(1).startswith(("牵头", "责任", "主责", "主办", "配合")) or len(m.group(1)) < 4:
        return False
    line_start = own.rfind("\n", 0, m.start()) + 1
    return not re.search(r"[。;,,:]", own[line_start:m.start()])


def _opening_subject(text: str, start: int, end: int) -> OwnerSpec | None:
    own = text[start:end]
    marker = LEADING_MARKER.match(own)
    skip = marker.end() if marker else len(own) - len(own.lstrip())
    spec = _subject_at(text, start + skip, own[skip:skip + 40])
    if spec is None and (when := TIME_FIRST.match(own, skip) or BASIS_FIRST.match(own, skip)):
        # "1.2022年6月21日前,哈尔滨市、齐齐哈尔市…制定完成…": by when, then who; "按照属地管辖原则,林业局加强…":
        # on what grounds, then who
        spec = _subject_at(text, start + when.end(), own[when.end():when.end() + 120])
    heading = HEADING_SENTENCE.match(own, skip)
    # (a heading over two or more units' charges is a list of tasks: ``charged_sentences`` reads it)
    if spec is None and heading and not SUBJECT_HINT.search(heading.group()):
        spec = _subject_at(text, start + heading.end(), own[heading.end():heading.end() + 40])
        if spec is None and (when := SCENE_FIRST.match(own, heading.end())):
            # "(一)任务交办。各承办单位收到建议提案后,主办单位要及时邀请…": the heading, when, then who
            spec = _subject_at(text, start + when.end(), own[when.end():when.end() + 40])
        if spec is None:
            spec = _told_after_requirement(text, start, own, heading.end())
        if spec is not None and charged_sentences(text, start, end, report=False):
            return None
    if spec is None and (heading := COMMA_HEADING.match(own, skip)) and not SUBJECT_HINT.search(heading.group()) \
            and BODY_END_CHARACTER.search(own, heading.end(), heading.end() + 24):
        # "2.加快新增项目谋划,县水利局联合妙高街道…": the item's short heading, a comma, then who does it
        spec = _subject_at(text, start + heading.end(), own[heading.end():heading.end() + 40])
        if spec is not None and charged_sentences(text, start, end, report=False):
            return None
    if spec is not None and len(spec.lead) == 1 and spec.lead[0].collective:
        spec = _class_and_named(text, start, own, spec)
    return spec


def _told_after_requirement(text: str, start: int, own: str, at: int) -> OwnerSpec | None:
    """"三、严格资金管理 ⏎ 本次项目必须在11月底完成报账。各乡镇要指导做好…": a heading's body that opens on a sentence
    naming no one (a requirement, the year's import), then tells a body the work in the next: that body answers for it."""
    stop = own.find("。", at)
    if stop < 0 or "要" not in own[stop:stop + 60] and "必须" not in own[stop:stop + 60]:
        return None
    if _subject_at(text, start + at, own[at:at + 40]) is not None:
        return None
    after = stop + 1 + len(own[stop + 1:]) - len(own[stop + 1:].lstrip())
    when = SCENE_FIRST.match(own, after)
    after = when.end() if when else after
    spec = _subject_at(text, start + after, own[after:after + 40])
    if spec is None or not spec.lead or not _told_work(own, spec.lead[-1].end - start):
        return None
    return spec


# A clause whose subject is a body it tells, or that pledges, the work: "…,市政府办公室将与相关部门共同协商…",
# "整改要求:县环卫站负责加大…", "…立行立改,学院党委将适时开展…". (after a clause's lead-in: a label, a list mark, 由)
TOLD_CLAUSE = re.compile(rf"(?:^|(?<=[,,;;。:]))\s*(?:\d{{1,2}}\)|[a-z]\))?(?:由)?"
                         rf"((?:各)?[\u4e00-\u9fff()]{{1,20}}?(?:{SUBJECT_END}|支队|大队|所|站))"
                         rf"(?:还|也|均|都)?(?:将(?![其该此这])|要(?!求)|须|必须|务必|应当?|负责(?!人|同志))")


def sole_told_subject(text: str, start: int, end: int) -> OwnerSpec | None:
    """The one body the item's own clauses tell or pledge the work (the same body in every such clause), or None:
    a last reading for an item no other form gave owners."""
    own = text[start:end]
    if not any(word in own for word in ("将", "要", "负责", "须", "应")):
        return None
    # (its first sentence, after a heading line: a later sentence's subject, "届时,县府办将组织…验收", does its own part)
    line_end = text.find("\n", start, end)
    if 0 <= line_end - start <= 30 and "。" not in text[start:line_end] and text[line_end:end].strip():
        start = line_end + 1
    stop = text.find("。", start, end)
    end = end if stop < 0 else stop + 1
    found = []
    for m in TOLD_CLAUSE.finditer(text, start, end):
        units = _units(m.group(1), m.start(1))
        if not units or len(units) != 1 or not all_units(units) or units[0].mention.startswith(("我", "本")) \
                or units[0].collective or units[0].mention.endswith("场所"):
            return None     # (a class told the work is read, or left, by the forms that know classes)
        found.append(units[0])
    if not found or len({u.mention for u in found}) != 1:
        return None
    return OwnerSpec(lead=[found[0]], start=found[0].start, end=found[0].end)


def _told_work(head: str, at: int) -> bool:
    """Whether the words at ``at`` tell the subject to do real work (要…), not only to mind it (要高度重视。)."""
    told = re.match(rf"(?:,?(?:都|均|也都))?还?{MUST}", head[at:])
    return bool(told) and not ATTITUDE_ONLY.match(head, at + told.end())


# After a class told the work, the bodies named to do their part of it: "各县区要全面清理…,2021年3月底前新抚区、
# 东洲区和新宾县要完成…": all of them answer for the item together, none leading.
NAMED_TOO = re.compile(r"((?:[\u4e00-\u9fff]{2,10}?(?:区|县|市|镇|乡|街道|局|委|办))(?:[、和][\u4e00-\u9fff]{2,10}?"
                       r"(?:区|县|市|镇|乡|街道|局|委|办))+)(?:要(?!求)|须|必须)")


def _class_and_named(text: str, start: int, own: str, spec: OwnerSpec) -> OwnerSpec:
    after = spec.end - start
    for m in NAMED_TOO.finditer(own, after):
        lead = re.match(r"[\u4e00-\u9fff]{0,3}?(?:月|日|年)(?:底|初|中|末)?(?:以前|之前|前)", m.group(1))   # "3月底前新抚区…"
        cut = lead.end() if lead else 0
        named = _units(m.group(1)[cut:].replace("和", "、"), start + m.start(1) + cut)
        if named and len(named) > 1 and not any(u.collective for u in named):
            return _together(spec.lead + named)
    return spec


BASIS_FIRST = re.compile(r"(?:按照|根据|依据|依照|结合|遵照)[^,。;:\n]{2,30}?[,]")
# Or the moment it starts from: "各承办单位收到建议提案后,", "接到交办件后,".
SCENE_FIRST = re.compile(r"[^,。;:\n]{2,20}?(?:后|以后|之后)[,]")
TIME_FIRST = re.compile(rf"[^,。;:\n]{{2,16}}?(?:前|底|以前|之前|年内|月内)[,]|{DAY_RANGE}[,]")     # (or a stage)
# A list of units, then what they do: "哈尔滨市、齐齐哈尔市、大兴安岭地区制定完成…".
SUBJECT_LIST = re.compile(rf"([\u4e00-\u9fff()]{{2,20}}?(?:、[\u4e00-\u9fff()]{{2,20}}?)+){ACTION}")


OPENING_WHEN = re.compile(rf"(?:{LATER}|(?:审计)?建议)[,]?")     # ("建议县教体局加强…": an audit's recommendation to X)


def _subject_at(text: str, at: int, head: str) -> OwnerSpec | None:
    """The unit (or units, each doing its part) a sentence opens on, when what follows is its action."""
    if (when := OPENING_WHEN.match(head)):
        # "下一步县卫生健康局将会同…": when it will be done, then who; the subject starts after it
        at, head = at + when.end(), head[when.end():]
    each = SUBJECTS_EACH.match(head) or SUBJECT_LIST.match(head)
    if each and (several := _units(each.group(1), at)) and len(several) > 1 \
            and (not any(u.collective for u in several) or _told_work(head, each.end())):
        # (classes too, told real work: "各相关区、市水投集团要…", "各地、各有关部门要…逐个落实整改方案", each doing
        # its own part; told only to mind it, "各县区政府、市直相关部门要高度重视。", they are exhorted, given nothing)
        return _together(several)
    subject = OPENING_SUBJECT.match(head)
    if subject and MADE_BY.match(head, subject.end()):
        return None             # "省发展改革委牵头制定的《…》将…": the sentence is about the work X made
    units = subject and _units(subject.group(1), at)
    # a class of units told what to do ("(二)各责任单位要…", "各单位要对照…及时做好各栏目的更新工作") owns the
    # item as a collective: the vague owner the analyses flag, not no owner at all
    told = units and re.match(rf"还?(?:{MUST}|(?:\d{{4}}年)?\d{{1,2}}月)", head[subject.end():])
    # (a class of no role told only to mind it, "各部门要高度重视。", is exhorted, not given work; a class handed the
    # work by 由 is given it: "由项目所在地住建部门督促…")
    told_class = (told and (ROLE_CLASS.match(units[0].mention)
                            or not ATTITUDE_ONLY.match(head, subject.end() + told.end()))) \
        or bool(units and head.startswith("由", subject.start(1)))
    if units and len(units) > 1 and told_class and all_units(units) and not re.search(r"与|及", subject.group(1)):
        # "市有关部门和有关区县要加强…": classes told the work together (与/及 join the qualifiers of one noun:
        # "各政府网站与政务新媒体主办单位要…" tells one class)
        return _together(units)
    if not units or len(units) != 1 or (units[0].collective and not told_class):
        return None
    spec = OwnerSpec(lead=units, start=units[0].start, end=units[0].end)
    _add_helpers(spec, head[subject.end():], at + subject.end())
    return spec


# A unit given a list of work: "X承担了多个实事项目,包括:A;B。C", "X负责以下工作:A;B": each part after the
# colon is a task of X.
CHARGE = re.compile(rf"(?:^|(?<=[,;。:]))(?:其中,)?([\u4e00-\u9fff()、]{{2,40}}?{SUBJECT_END})(?:承担|负责)了?"
                    r"[^,。;:!?\n]{0,12}(?:项目|任务|工作|事项)[,]?(?:主要)?(?:包括|有|如下|是)?:")


def _charged_tasks(text: str, para_start: int, para: str) -> tuple[int, list[Item]]:
    """The enumerated charge in a paragraph: where it starts, and a task per part of its list."""
    m = CHARGE.search(para)
    units = m and _units(m.group(1), para_start + m.start(1))
    if not units:
        return len(para), []
    tasks = []
    for part in re.finditer(r"[^;。]+[;。]?", para[m.end():]):
        body = part.group().strip()
        if len(body) >= 4:
            at = para_start + m.end() + part.start() + part.group().index(body)
            spec = OwnerSpec(lead=units, start=units[0].start, end=units[-1].end)
            tasks.append(_task(text, at, at + len(body), spec))
    return m.start(), tasks


# What a class is told when it is only exhorted: to mind the work, not to do any ("各部门要高度重视。").
ATTITUDE_ONLY = re.compile(r"(?:高度重视|认真履职尽责|履职尽责|提高(?:思想)?认识|统一思想|加强(?:组织)?领导|强化责任意识|"
                           r"切实负起责任|认真对待|引起重视)[^,,。;]{0,4}(?:[。;!]|$)")
# The units a document defines by their role: "各牵头单位要…", "各责任科室(单位)要…" give those units work.
# So are the member units of a committee the document names ("镇安委会有关成员单位要…").
ROLE_CLASS = re.compile(r"^(?:有关|相关)?(?:牵头|责任|承办|主办|协办|会办|配合|主责)(?:单位|部门|科室)|"
                        r"^[\u4e00-\u9fff]{1,12}(?:委员会|委会|领导小组|指挥部)(?:有关|相关)?成员(?:单位|部门)$")


WITH_HELPERS = re.compile(r"(?:还|也)?(?:要|须|必须|应|将)?(?:会同|联合|协同)([\u4e00-\u9fff()、]{2,40}?)"
                          r"(?=对|在|就|针对|围绕|按照|深入|组织|督促|共同|加强|开展|做好|进行|抓紧|研究|制定|推进|做|抓|"
                          r"认真|切实|积极|,)")


SUBJECT_CLAUSE = re.compile(r"[^,;。!?:\n]+")
HELPER_CLAUSE = re.compile(rf"^([\u4e00-\u9fff()、]{{2,60}}?){HELP_MANNER}?(配合|协助|协办|参与|配合落实|具体落实|负责落实|具体负责)$")      # parentheses stay inside: "各责任科室(单位)要…"


DUTY_COLON = re.compile(r"([\u4e00-\u9fff()、]{2,40}?(?:职责|职责分工))[:]")
# An item of a list of duties that opens on its unit alone: "14.市药监局:负责查处…" (a role label, 牵头单位:, is
# not a unit: ``LABEL`` reads it)
UNIT_COLON = re.compile(r"([\u4e00-\u9fff()、]{2,30}?)[:]")
DUTY_HEAD = re.compile(r"^([\u4e00-\u9fff()、]{2,40}?)(?:的)?(?:主要)?(?:工作)?(?:职责|职责分工|任务)?$")


def _together(units: list) -> OwnerSpec:
    """Several units given the same work, none leading."""
    return OwnerSpec(responsible=[(u, "responsible") for u in units], start=units[0].start, end=units[-1].end)


def _answering(units: list) -> OwnerSpec:
    """A sole unit leads; several answer together."""
    return OwnerSpec(lead=units, start=units[0].start, end=units[0].end) if len(units) == 1 else _together(units)


def _duty_heading(clause: str, where: int, classes: bool = False) -> tuple[int, OwnerSpec] | None:
    """Units alone before a colon, their duties after it: a sole one leads, several answer together.
    ``classes``: the clause opens a numbered entry of a duty list, where a class ("(八)各县(市、区)政府:…") is
    given its duties too; elsewhere a class before a colon is a salutation ("各有关单位:")."""
    m = DUTY_HEAD.match(clause)
    units = m and _units(m.group(1), where)
    if not units or (any(u.collective for u in units) and not classes) or not all_units(units):
        return None
    return where, _answering(units)


# In a report, a sentence (or a clause of a list run together with ;) that opens on the body that did the work, then
# what it did: "市审计局及时向…出具整改任务清单", "逍林镇清理往来款项15笔", "县交通局、种子公司针对…,建立健全了…",
# "该县财政局根据审计建议,编制了…". The body answers for that measure. (the adverbs and circumstances a narrator
# puts between the body and its verb come first; a title after the name, 局长, makes it a person, no body's act)
ASKING = r"(?:要求|责成|责令|督促|请求|提请|建议)"     # who asks is not who does: the asked body answers
# Where the narrator sets the scene before the body: "2018年7月30日…会议后,", "在专项检查中,", "根据审计建议,".
# So does a clause on bodies left unnamed, before the named examples: "部分单位边审边改,在审计期间,逍林镇清理…".
SCENE = re.compile(r"^(?:[^,;。]*(?:后|中|以来|期间|时|之际|前)|(?:根据|按照|针对|结合|为|在|对)[^,;。]*|"
                   r"(?:部分|有些|有的|多数|大多数|一些|个别|少数|其他)(?:被审计)?(?:单位|部门|乡镇|地方)[^,;。]*)$")
# (a clause opening on a verb whose object is a body is no body acting: "协助市司法局开展…", "参加市司法局组织的…")
NOT_A_NAME = r"(?:协助|参加|参与|办理|配合|受|经|向|对|在|为|与|同|跟|按|据|接受|聘请|邀请|陪同|会同|联合|由|被)"
NARRATED_VERB = (r"(?:认真|积极|主动|及时|迅速|立即|先后|多次|专题|专门|不断|均|已经|已|全面|切实|进一步|高度重视|依法|严格|"
                 r"组织|组成|成立|召开|制定|制订|编制|出具|出台|印发|下发|发送|下达|建立|健全|完善|修订|开展|进行|实施|推进|"
                 r"落实|贯彻|部署|研究|督促|督办|约谈|清理|收回|追回|补缴|退还|归还|拨付|整改|纠正|规范|加强|强化|对照|"
                 r"对(?!于)|向|在|针对|根据|按照|结合|围绕|派|安排|抽调|会同|联合|完成|启动|加快|采取|通过|把|"
                 r"督查|检查|排查|核查|查处|问责|给予|作出|做出|形成|上报|报送|公告|公示|通报|动用|投入|筹措|争取)")


def _narrated_subject(shortest: bool) -> re.Pattern:
    """The body opening a narrated sentence, its name read as short or as long as the verb after it allows."""
    return re.compile(rf"(?:{TIME_LEAD})?(?:该(?=[县市区镇乡省州]))?(?!{ASKING}|{NOT_A_NAME})([\u4e00-\u9fff](?:(?!要求)[\u4e00-\u9fff()、和])"
                      rf"{{0,40}}{'?' if shortest else ''}(?:{SUBJECT_END}|街道|镇|乡|院|学|站|所|社|集团))"
                      rf"(?:主要负责(?:人|同志))?(?={NARRATED_VERB})(?!(?:已经?|先后|多次|及时|立即)?{ASKING})")


NARRATED_SUBJECT, NARRATED_SUBJECT_LONGEST = _narrated_subject(True), _narrated_subject(False)
NAME_TAIL = re.compile(r"[^的对在和、向与及将把为从按已均,]{1,6}$")     # (no name goes on into 已/均: "…中心已全部")
NARRATED_HINT = re.compile(rf"(?:{SUBJECT_END}|镇|乡|院|学|站|所|社|集团){NARRATED_VERB}")


# In a report, the bodies a superior asked, in a clause of the sentence narrating it: "市政府高度重视,立即责成X、Y认真
# 落实…", "…会议审议了…,要求省人民政府及相关部门认真研究…". What is asked of them is theirs, a class too.
ASKED_CLAUSE = re.compile(r"(?:^|(?<=[,]))(?:立即|及时|并|同时|还|专门|多次)?(?:要求|责成|责令)"
                          r"((?:[\u4e00-\u9fff、]|\([^()]{1,16}\)){2,50}?)"
                          r"(?=认真|切实|立即|及时|尽快|加快|抓紧|进一步|全面|列出|对照|对|在|按照|务必|限期)")
# ... and in a numbered item of a report, each body a clause says was urged or asked, the clause opening on what it
# went by or how often ("对照问题清单再次督促X尽快…", "同时要求Y主动对接…")
ASKED_IN_ITEM = re.compile(r"(?:^|(?<=[,;。]))(?:对照[^,;。]{1,12}?)?(?:立即|及时|并|同时|还|专门|多次|再次|已)?"
                           r"(?:要求|责成|责令|督促)((?:[\u4e00-\u9fff、]|\([^()]{1,16}\)){2,30}?)"
                           r"(?=认真|切实|立即|及时|尽快|加快|抓紧|主动|进一步|全面|限期|务必)")


def asked_in_item(text: str, start: int, end: int) -> OwnerSpec | None:
    """The bodies a report's item says were urged or asked to do its work, each named alone, or None."""
    units = [u for m in ASKED_IN_ITEM.finditer(text, start, end)
             for u in (_units(m.group(1), m.start(1)) or []) if not u.collective]
    return _answering(units) if units else None


def _narrated(stripped: str, where: int):
    """The body (or bodies, together) a report's sentence says did the work, or None. Of two readings the longer
    name is the body's: "市政府督查办在…" is the 督查办's act, not 市政府's 督查."""
    m = NARRATED_SUBJECT.match(stripped)
    if m is None:
        return None
    longer = NARRATED_SUBJECT_LONGEST.match(stripped)
    # (a longer name goes on for a few characters of a name, no preposition or clause: "督查办", not "对…在全集团")
    longer = longer if longer and NAME_TAIL.match(stripped, m.end(1), longer.end(1)) else None
    for found in ([longer] if longer else []) + [m]:
        units = _units(found.group(1), where + found.start(1))
        if units and not any(u.collective for u in units):
            return _answering(units)
    return None


# ... or asked with no such word after them, the work's verb at once ("要求湟中县调整优化思路", "要求住建部门科学谋划…"):
# the asked are the longest run after the word that reads as units, the work going on after it.
# (or the asked after a comma, each then told what it must do: "约谈会上要求,宣化区、万全区要聚焦问题…")
ASK_OPENING = re.compile(r"(?:^|(?<=[,]))(?:立即|及时|并|同时|还|专门|多次)?(?:要求|责成|责令)(?=[\u4e00-\u9fff])|"
                         r"要求[,:](?=[\u4e00-\u9fff])")
TOLD_TO = re.compile(rf"(?:{MUST}|务必)")
OFFICE_TAIL = "科处股室组所站队"
# A body's name then its act, read as one name: "遵化市政府指导企业" is 遵化市政府 guiding the companies.
# So is an act then its object: "督促指导重大火灾隐患单位" names no body "指导重大火灾隐患单位".
INNER_ACTION = re.compile(r"(?:^|局|委|办|厅|府|会|中心|公司|部门|单位)(?:指导|督导|督促|组织|负责|配合(?!单位|部门)|协调|开展|做好|推进|落实|加强|制定)")
ASKED_RUN = re.compile(r"(?:[\u4e00-\u9fff、]|\([^()]{1,16}\)){2,40}")


def _units_run(segment: str, start: int, told: bool = False, classes: bool = False) -> tuple[int, list] | None:
    """The longest run of ``segment`` from ``start`` that reads as units with some work (two characters at least)
    after it: where it ends, and its units. ``told``: the work opens on 要/务必…; ``classes``: all may be classes."""
    run = ASKED_RUN.match(segment, start)
    if run is None:
        return None
    for end in range(run.end() - 2, start + 1, -1):
        if (units := _units(segment[start:end], 0)) and (classes or not all(u.collective for u in units)) \
                and not any(INNER_ACTION.search(u.mention) for u in units):
            if told and not TOLD_TO.match(segment, end):
                continue
            if segment[end - 1] in OFFICE_TAIL and _units(segment[start:end - 1], 0):
                continue        # "要求住建部门科学谋划": 科 begins the work, the body is 住建部门
            return end, units
    return None


def _asked_run(segment: str) -> tuple[int, list] | None:
    """Where the bodies a requirement asks begin, and those bodies (``_units_run`` after 要求/责成/责令), or None."""
    for opening in ASK_OPENING.finditer(segment):
        if run := _units_run(segment, opening.end(), told=opening.group()[-1] in ",:"):
            return opening.end(), run[1]
    return None


def _asked_in_segment(segment: str, at: int, run: tuple[int, list] | None = None) -> OwnerSpec | None:
    """The bodies a report's sentence says were asked to do the work (``ASKED_CLAUSE``), or None. ``run``: the
    segment's ``_asked_run``, where the caller has it already."""
    m = ASKED_CLAUSE.search(segment)
    units = m and _units(m.group(1), at + m.start(1))
    if not units and (run := run or _asked_run(segment)):
        units = [u.moved(at + run[0]) for u in run[1]]
    return _answering(units) if units else None


PAGE_MARK = re.compile(r"^[\[(](?:接上页|上接[^\])]{0,8}|续上页|续)[\])]\s*")
DUTY = re.compile(r"(?:主要|具体)?(?:负责|牵头|承担|指导|组织)")
DUTY_AFTER_UNIT = re.compile(rf"(?:{SUBJECT_END}|站|所|院|队)[,。](?:主要|具体)?(?:负责|牵头|承担|指导|组织)")
LONE_NAME = re.compile(r"[\u4e00-\u9fff()、]{2,30}。$")


def _segments(text: str, start: int, end: int):
    """(where, sentence) of each sentence in the range; a unit's name standing alone as a sentence before its
    duties ("林业站。负责滨石路…货场清理搬迁工作。", a duty list whose colons became full stops) goes with them."""
    held = None         # (where, the name's sentence)
    for s in SEGMENT.finditer(text, start, end):
        if held is not None:
            if DUTY.match(s.group()):
                yield held[0], text[held[0]:s.end()]
                held = None
                continue
            yield held
            held = None
        if DUTY.match(text, s.end()):
            # (the list's first name may close the sentence that opens it: "各部门各司其职:林业站。负责…")
            colon = s.group().rfind(":")
            name_at = s.start() + colon + 1
            name = text[name_at:s.end()]
            if LONE_NAME.fullmatch(name.strip()) and _units(name.strip()[:-1], name_at):
                if colon >= 0:
                    yield s.start(), text[s.start():name_at]
                held = (name_at, name)
                continue
        yield s.start(), s.group()
    if held is not None:
        yield held


# A subject that orders another body to do the work: "我局将责成X做好…", "县政府责令Y限期…".
# (the body, then the work it is told to do)
ORDERED_BODY = (r"([\u4e00-\u9fff()]{2,20}?)(?=做好|负责|会同|联合|加快|加强|抓紧|尽快|认真|切实|积极|及时|限期|立即|进一步|对|"
                r"按照?|开展|推进|落实|完成|整改|[,])")
ORDERS_BODY = re.compile(rf"(?:还|也|将|要|会|已)*(?:责成|责令){ORDERED_BODY}")


# A finding closed by the body answerable for it in brackets: "…清扫保洁未到位(西湖居委会);…占道未围挡(城管队),且…".
OWNER_CLOSING = re.compile(r"\(([\u4e00-\u9fff、]{2,30})\)(?=[;。,]|\s*$)")


def _findings_owned_in_brackets(text: str, at: int, para: str) -> list[Item]:
    """A paragraph counting off an inspection's findings, each closed by the body answerable for it in brackets:
    each finding a task of that body. Two such findings make the list."""
    if para.count(")") < 2:
        return []
    closings = [(m, units) for m in OWNER_CLOSING.finditer(para)
                if (units := _units(m.group(1), at + m.start(1))) and all_units(units)]
    if len(closings) < 2:
        return []
    opening = para.rfind(":", 0, closings[0][0].start()) + 1     # ("抽查发现:…": the findings start after the colon)
    tasks, start = [], opening
    for m, units in closings:
        start += len(para[start:]) - len(para[start:].lstrip(";。, "))
        tasks.append(_task(text, at + start, at + m.end(), _answering(units)))
        start = m.end()
    # (what the notice asks after them, "…。请相关责任单位尽快抓好整改", is read as any sentence is)
    for rest in SEGMENT.finditer(para, start):
        if len(rest.group().strip(";。, ")) >= 6 and (spec := sentence_owners(text, at + rest.start(), at + rest.end())):
            tasks.append(_task(text, at + rest.start(), at + rest.end(), spec))
    return tasks


# A hotline digest's handler pledging what it will still do: "梓潼县住建局工作人员经过现场核查后,…,将尽快对该处…维修
# 处理", "后续,执法人员还将加强对该店的巡查监管": the body last named before the pledge, in the paragraph, will do it.
HANDLER_PLEDGE = re.compile(r"(?:还|也|仍)?将(?:尽快|进一步|继续|加强|持续|抓紧|会同|在|于|对)")
HANDLER = re.compile(r"(?:^|(?<=[,。;:\n]))\s*([\u4e00-\u9fff]{2,20}?(?:局|委|分局|大队|中队|派出所|站|中心|公司|办事处|街道办|政府))"
                     r"(?=[\u4e00-\u9fff])", re.M)


def _handlers_pledge(text: str, para_start: int, at: int, segment: str) -> Item | None:
    if (pledge := HANDLER_PLEDGE.search(segment)) is None \
            or not COMPLAINT.search(text, max(0, para_start - 600), at):
        return None
    named = None
    for m in HANDLER.finditer(text, para_start, at + pledge.start()):
        if (units := _units(m.group(1), m.start(1))) and len(units) == 1 and not units[0].collective:
            named = units[0]
    if named is None:
        return None
    return _task(text, at, at + len(segment), OwnerSpec(lead=[named], start=named.start, end=named.end))


def _passed_on_task(text: str, at: int, segment: str) -> Item | None:
    """"接电后,市长热线办公室立即通知X县政府办理。": a complaint told just before, handed on to the body that deals
    with it."""
    if not _may_pass_on(segment) or (passed := PASSED_ON.search(segment)) is None \
            or not COMPLAINT.search(text, max(0, at - 400), at + passed.start()):
        return None
    units = _units(passed.group(1), at + passed.start(1))
    return _task(text, at, at + len(segment), _answering(units)) if units else None


def _subject_tasks(text: str, at: int, segment: str, report: bool = False) -> list[Item]:
    """Each clause of a sentence whose subject is one unit starts a task running to the next such clause:
    "X负责督促检查,Y负责每月5日前汇总上报" gives X and Y their own work. In a report, where units' past work
    is narrated, only an instruction (X要/须/必须…) assigns work."""
    run = None              # (the asked run, found once for the test and the reading)
    if ("要求" in segment or "责成" in segment or "责令" in segment) \
            and ((report and (ASKED_CLAUSE.search(segment) or (run := _asked_run(segment))))
                 or ("要求," in segment and (run := run or _asked_run(segment)) and segment[run[0] - 1] == ",")):
        asked = _asked_in_segment(segment, at, run)     # (who asked is no doer, whether or not the asked are read)
        return [_task(text, at, at + len(segment), asked)] if asked else []
    found = []
    narrated = set()        # where a body's narrated act starts: what it did, not work given to it
    named = None            # a unit alone in the sentence's first clause, its duty in the next: "交通部门,负责…"
    for clause in SUBJECT_CLAUSE.finditer(segment):
        stripped = PAGE_MARK.sub("", clause.group().strip())     # "[接上页] 民政部门,负责…": the page goes on
        where = at + clause.start() + clause.group().index(stripped)
        subject = SUBJECT.match(stripped)
        if subject is None and named is not None and DUTY.match(stripped):
            found.append(named)
            named = None
            continue
        named = None
        last_word = stripped.split()[-1] if stripped else ""
        if subject is None and segment[clause.end():clause.end() + 1] in (":", ":") and last_word \
                and segment[clause.end() + 1:].strip() \
                and (heading := _duty_heading(last_word, at + clause.end() - len(last_word))):
            found.append(heading)           # "交通部门:一是负责…", "广电局、资阳日报社职责:负责…"
            continue
        if subject is None and report and (NARRATED_HINT.search(stripped) or "主要负责" in stripped) \
                and (found or all(SCENE.match(c.strip()) for c in SUBJECT_CLAUSE.findall(segment, 0, clause.start()))) \
                and (done := _narrated(stripped, where)):
            # (the first body follows only the scene: in "…后,市审计局及时向X出具…" X is no body acting; the next
            # body after it acts in its own right, "逍林镇清理…,胜山镇、市文广局出台了…")
            narrated.add(where)
            found.append((where, done))
            continue
        if subject is None and not found and (alone := _units(stripped, where)) \
                and len(alone) == 1 and not alone[0].collective and stripped == alone[0].mention:
            named = (where, OwnerSpec(lead=alone, start=alone[0].start, end=alone[0].end))
            continue
        if subject is None:
            # a clause after the subject's: "由X牵头,Y、Z配合,在12月底前完成…" names who helps
            helper = HELPER_CLAUSE.match(stripped) if found else None
            if helper and (more := _units(helper.group(1), where)):
                spec = found[-1][1]
                spec.responsible += [(u, verb_role(helper.group(2))) for u in more]
                spec.end = max(spec.end, more[-1].end)
            continue
        subject_name = subject.group(1)
        cut = subject_name.rfind("由") + 1        # "反馈问题由区水利局牵头…": the work named before 由 is no part of it
        units = _units(subject_name[cut:], where + subject.start(1) + cut)
        if units and (ordered := ORDERS_BODY.match(stripped, subject.end())) \
                and (doers := _units(ordered.group(1), where + ordered.start(1))):
            units = doers       # "我局将责成城关镇政府做好…": the body ordered to do it does it
        # (要求 asks others; a date may stand before the 要: "市住建局、市城管局6月10日前要制定…")
        told = re.match(rf"(?:\d{{1,2}}月\d{{1,2}}日?(?:前|之前)?|年底前|年内)?还?(?:{MUST}|将)", stripped[subject.end():])
        exhortation = bool(told) or cut > 0          # "应由X负责整治": the work is handed to X
        role_class = units and ROLE_CLASS.match(units[0].mention)
        # a class told real work, not only to mind it, is given it ("全县各级各部门要加快…整改"); "各地各部门要
        # 高度重视" exhorts a class of units and assigns no task
        told_work = exhortation and not ATTITUDE_ONLY.match(stripped, subject.end() + (told.end() if told else 0))
        if units and len(units) == 1 and (not units[0].collective or not exhortation or role_class or told_work) \
                and (exhortation or not report):
            spec = OwnerSpec(lead=units, start=units[0].start, end=units[0].end)
            _add_helpers(spec, stripped[subject.end():], where + subject.end())
            found.append((where, spec))
        elif units and len(units) > 1 and cut == 0 and exhortation \
                and (told_work or not any(u.collective for u in units)):
            # "县公安局、人社局要严格落实…", "各乡镇党委政府要…": bodies told the same work together, none leading
            found.append((where, _together(units)))
        elif units and len(units) > 1 and cut == 0 and not any(u.collective for u in units) \
                and re.match(r"(?:共同)?牵头", stripped[subject.end():]):
            # "县农委、畜牧局牵头,做好…": the bodies named before 牵头 lead it together
            found.append((where, OwnerSpec(lead=units, start=units[0].start, end=units[-1].end)))
        if not found:
            break               # only a sentence that opens on its subject gives work to several
    tasks = []
    for k, (where, spec) in enumerate(found):
        start = at if k == 0 else where
        end = found[k + 1][0] if k + 1 < len(found) else at + len(segment)
        while end > start and text[end - 1] in ",,":
            end -= 1
        tasks.append(_task(text, start, end, spec))
        if where in narrated:
            tasks[-1].convention = NARRATED
    return tasks


def charged_sentences(text: str, start: int, end: int, report: bool, lines: bool = False) -> list[Item]:
    """A numbered requirement that names no owner, its heading and then each unit's charge in a sentence of
    its own ("三、严格督查考核。区发改委要建立清单管理制度…。区政府督查室要定期开展督查…"): a task per charged
    sentence, to the next one. Two or more units make the list; a single charge is the item's own owner.
    ``lines``: the charges are a table's measure lines, a list even where one unit leads two of them."""
    # each charge opens on a subject and its verb, a unit then its duty, or a heading before a colon: fewer than two
    # of those in the range and there is no list to read (the common case, spared the sentence scan)
    if not _two_marks(text, start, end, report):
        return []
    found = []
    for at, segment in _segments(text, start, end):
        site = _sites_of_unit(text, at, segment, listed=True)     # "城关镇负责的东环路部分路段;": whose place
        # (or, in minutes, a body's draft the meeting approved: "会议同意区发改局提出的《…》,作进一步修改…")
        site = site or _approved_draft(text, at, segment)
        found += [site] if site else _subject_tasks(text, at, segment, report)
    found = [task for task in found if task.owners.lead or (report and task.owners.responsible)]
    if len(found) < 2 or (not lines and len({_first_owner(task.owners) for task in found}) < 2):
        return []
    for k, task in enumerate(found):         # a charge runs on to the next one, the last to the item's end
        task.end = found[k + 1].start if k + 1 < len(found) else end
        while task.end > task.start and text[task.end - 1].isspace():
            task.end -= 1
    return found


def _two_marks(text: str, start: int, end: int, report: bool) -> bool:
    """Whether text[start:end] holds two marks of a charge; counting stops at two (most items hold none)."""
    marks = text.count(":", start, end) + text.count(":", start, end)
    for hint in (SUBJECT_HINT, DUTY_AFTER_UNIT, SITES_OF_HINT) + ((NARRATED_HINT,) if report else ()) \
            + ((APPROVED_DRAFT,) if text.find("会议", start, end) >= 0 else ()):
        if marks >= 2:
            return True
        for _ in hint.finditer(text, start, end):
            marks += 1
            if marks >= 2:
                return True
    return marks >= 2


def _first_owner(spec: OwnerSpec) -> str:
    return (spec.lead[0] if spec.lead else spec.responsible[0][0]).mention


# A notice to one body (督办通知, 督办函): the addressee alone on its line before the body ("市消防支队:"), then
# what it is asked to do ("请你们…迅速进行整改…于9月20日前报送"). What is asked of "你们" is the addressee's.
ADDRESSEE = re.compile(r"^[^\S\n]*([\u4e00-\u9fff()]{2,30})[^\S\n]*:[^\S\n]*$", re.M)
YOU = r"你(?:单位|局|委|办|厅|院|司|处|部门|支队|大队|中心|公司|集团|县|区|市|镇|乡|街道)"     # 你局, 你支队: the addressee
ASKED = re.compile(rf"请你们|请{YOU}|你们要|{YOU}(?:要|务必)")


# (a page that ran the salutation into its body: "区应急管理局: 《关于…的请示》收悉,现批复如下:…")
ADDRESSEE_OPENING = re.compile(r"^[^\S\n]*([\u4e00-\u9fff()]{2,30})[^\S\n]*:", re.M)
# "请你局会同区民政局、区商务局等相关单位…": the addressee leads, the units it works with assist.
ASKED_WITH = re.compile(rf"(?:{YOU}|你们)(?:会同|联合|协同)([\u4e00-\u9fff、()]{{2,80}}?)"
                        r"(?=等?(?:相关|有关)?(?:单位|部门)?[,]?(?:切实|认真|对|做好|加强|按照|共同|进一步|抓紧|立即|迅速|尽快))")


def _addressee(text: str, before: int) -> list[Mention]:
    """The one body a letter is addressed to: its salutation alone on a line, or opening the body."""
    found = next((m for m in ADDRESSEE.finditer(text, 0, before)), None) \
        or next((m for m in ADDRESSEE_OPENING.finditer(text, 0, min(before, 600))
                 if role_of_label(m.group(1)) == "other"), None)
    units = (_units(found.group(1), found.start(1)) if found else None) or []
    return units if len(units) == 1 and not units[0].collective else []


def addressed_tasks(text: str, items: list[Item]) -> list[Item]:
    """The paragraph from the sentence asking the addressee, outside numbered items, as its task; inside a
    numbered item, that item's owners (with the units the addressee is to work with)."""
    asked = ASKED.search(text)
    if asked is None:
        return []
    units = _addressee(text, asked.start())
    if not units:
        return []
    inside = [it for it in items if it.start <= asked.start() < it.end]
    if inside:
        item = min(inside, key=lambda it: it.end - it.start)
        helpers = ASKED_WITH.search(text, asked.start(), item.end)
        assist = (_units(helpers.group(1), helpers.start(1)) if helpers else None) or []
        spoken = item.owners is None or any(m.mention.startswith("你") for m in
                                            item.owners.lead + [m for m, _ in item.owners.responsible])
        if spoken and assist:
            # (the clause that asks is the evidence; the addressee's mention keeps its salutation's span)
            item.owners = OwnerSpec(lead=units, start=asked.start(), end=assist[-1].end)
            item.owners.add("assist", assist)
        return []
    sentence = text.rfind("。", 0, asked.start()) + 1
    line = text.rfind("\n", 0, asked.start()) + 1
    end = text.find("\n", asked.start())
    spec = OwnerSpec(lead=units, start=units[0].start, end=units[0].end)
    return [_task(text, max(sentence, line), end if end >= 0 else len(text), spec)]


def outside_items(items: list[Item]):
    """A test of whether a position lies outside every item, over the items' ranges merged, for a bisect."""
    covered = []
    for s, e in sorted((it.start, it.end) for it in items):
        if covered and s <= covered[-1][1]:
            covered[-1][1] = max(covered[-1][1], e)
        else:
            covered.append([s, e])
    starts = [s for s, _ in covered]

    def outside(pos: int) -> bool:
        k = bisect_right(starts, pos) - 1
        return k < 0 or pos >= covered[k][1]
    return outside


def sentence_tasks(text: str, items: list[Item], report: bool) -> list[Item]:
    """Tasks written as sentences outside any numbered item: a paragraph that ends in its owner label
    (…。责任部门:市房管局), a unit given a list of work, or a sentence whose subject is the unit the
    work is given to."""
    outside = outside_items(items)
    tasks = []
    if not SUBJECT_HINT.search(text) and ":" not in text and not COPULA_LABEL.search(text) and "”(" not in text \
            and not ORDERED.search(text) and not REQUESTED.search(text) and not DUTY_AFTER_UNIT.search(text) \
            and not SITES_OF_HINT.search(text) and not (report and NARRATED_HINT.search(text)) \
            and not ("会议" in text and APPROVED_DRAFT.search(text)) and not ("配合" in text and HELPED.search(text)) \
            and not (COMPLAINT.search(text) and (PASSED_ON.search(text) or HANDLER_PLEDGE.search(text))) \
            and not ("责任单位" in text and NOTIFIED_RESPONSIBLE.search(text)):
        return tasks
    for m in re.finditer(r"[^\n]+", text):
        if not m.group().strip() or not outside(m.start() + len(m.group()) - len(m.group().lstrip())):
            continue            # a line indented into a numbered item is that item's ("⏎ (二)省审计厅牵头的工作")
        if m.group().count("|") >= 3:
            continue            # a table's row: its cells are read as the row, by the table readers
        para_start, para = m.start(), m.group()
        if LINE_LABEL.match(para) and (closed := _record_closed(text, para_start, m.end(), outside)):
            tasks.append(closed)
            continue
        # (a label inside brackets belongs to the bracketed owner clause: "(牵头单位:X;责任单位:Y)" is read whole)
        # (or after a space: a record's fields on one line, "县人民医院 存在问题:… 责任单位:县卫生健康局")
        label = next((lab for lab in LABEL.finditer(para) if lab.start() and para[lab.start() - 1] in "。; \u3000\t"
                      and para.count("(", 0, lab.start()) <= para.count(")", 0, lab.start())), None) \
            if ":" in para else None
        if label is not None:
            spec = parse_owner_span(text, para_start + label.start(), m.end())
            if spec and (spec.lead or spec.responsible):
                tasks.append(_task(text, para_start, m.end(), spec))
            continue
        if (closing := CLOSING_CLAUSE.search(para)) and LABEL.match(closing.group(1)):
            # "…同步出证。(牵头单位:X;责任单位:Y)": the paragraph closed by its bracketed owner clause
            spec = parse_owner_span(text, para_start + closing.start(1), para_start + closing.end(1))
            if spec and (spec.lead or spec.responsible):
                tasks.append(_task(text, para_start, m.end(), spec))
                continue
        quoted = _quoted_works(text, para_start, para) or _findings_owned_in_brackets(text, para_start, para)
        if quoted:
            tasks += quoted
            continue
        charge_at, charged = (_charged_tasks(text, para_start, para) if ":" in para and not report
                              else (len(para), []))
        tasks += charged
        # a sentence, or each ;-part of one that gives several units their own work ("X负责…;Y负责…")
        told_from = para_start + len(para) - len(para.lstrip())
        told_last = pledged_last = None
        for s in SEGMENT.finditer(para[:charge_at]):
            if not outside(para_start + s.start() + len(s.group()) - len(s.group().lstrip())):
                continue        # a page on one line: its sentences inside numbered items are those items'
            told = _copula_task(text, para_start + s.start(), s.group())
            if told is not None and s.start() and para[s.start() - 1] == ";":
                # "…發現圍擋沒有…覆蓋;圍擋上的公益廣告破損;…,其責任單位是市住建局。": the owner closing a sentence of
                # findings run together with ; answers for all of them, back to the sentence's start
                told.start = max(told_from, para_start + para.rfind("。", 0, s.start()) + 1)
            elif told is not None and s.group().lstrip().startswith("其") and s.start() and para[s.start() - 1] == "。":
                # "…亂擺賣現象嚴重,…污水橫流。其責任單位是X。": "its" owner, a sentence of its own, closes the finding before
                told.start = max(told_from, para_start + para.rfind("。", 0, s.start() - 1) + 1)
            if told is None and (told := _ordered_task(text, para_start + s.start(), s.group())):
                # an order or request closing a finding ("…堵塞安全通道。市创文办要求责任单位X立行立改"): the
                # finding before it, since the paragraph's last task, is what is to be put right
                told.start = min(told.start, told_from)
            told = told or _person_led_task(text, para_start + s.start(), s.group()) or \
                _sites_of_unit(text, para_start + s.start(), s.group()) or \
                _approved_draft(text, para_start + s.start(), s.group()) or \
                _helped_task(text, para_start + s.start(), s.group()) or \
                _passed_on_task(text, para_start + s.start(), s.group()) or \
                _handlers_pledge(text, para_start, para_start + s.start(), s.group())
            found = [told] if told else _subject_tasks(text, para_start + s.start(), s.group(), report)
            if not found and told_last is not None and GO_ON_TOLD.match(s.group()):
                # "…要求,市、县政府要…。要对城区内裸露地面全部覆盖…。": the next thing they must do is theirs too
                found = [_task(text, para_start + s.start(), para_start + s.end(), deepcopy(told_last.owners))]
            if not found and pledged_last is not None and s.group().strip() and not NARRATED_PART_START.match(s.group()):
                # "下一步,X将集中推进…;抓紧推进…;建立销号制度…": the ;-parts after a pledge go on pledging it
                found = [_task(text, para_start + s.start() + len(s.group()) - len(s.group().lstrip()),
                               para_start + s.end(), deepcopy(pledged_last.owners))]
            tasks += found
            if found:
                told_from = max(t.end for t in found)
            told_last = found[-1] if found and TOLD_WORK.search(s.group()) else None
            pledged_last = found[-1] if found and s.group().rstrip().endswith((";", ";")) and (
                pledged_last is not None or PLEDGE_AFTER_SUBJECT.search(s.group())) else None
    return tasks


# A pledge: "(下一步,)X将…" (what X will do), and a part that tells what was done instead ("已…", "…了").
PLEDGE_AFTER_SUBJECT = re.compile(r"^\s*(?:下一步|下步|今后|接下来)?[,,]?[\u4e00-\u9fff()、]{2,24}?(?:还|也)?将(?![其该此这])")
NARRATED_PART_START = re.compile(r"\s*(?:已|先后|共)|[^;;]*了[,,。;;]")


# A requirement's sentence, told to named bodies (X要…, 要求X…), and the sentences after it that go on telling them
# what they must do with no subject of their own ("要紧盯重点区域…").
TOLD_WORK = re.compile(rf"要求|责成|责令|(?:要(?!求)|务必|必须)|{ANSWERABLE}")
GO_ON_TOLD = re.compile(r"\s*(?:同时|还|并|此外|另外)?[,]?(?:要(?!求)|务必|必须)")


CLOSING_CLAUSE = re.compile(r"[。;]\s*[((〔]([^()()〔〕\n]{4,120})[))〕]\s*$")


# An inspection's findings listed by the body answerable for each place: "城关镇负责的东环路、西环路部分路段;",
# "市住建局监管的滨河路改造工地". The places are that body's to put right.
SITES_OF_HINT = re.compile(r"(?:负责|监管|管辖|管理|包保|属地)的")
SITES_OF = re.compile(rf"^\s*([\u4e00-\u9fff、()]{{2,30}}?){SITES_OF_HINT.pattern}(?!“)[^,。;]{{2,}}")     # (“: QUOTED_CHARGE)


# A meeting's decision on a body's draft: "会议原则同意县财政局拟草的《…》,修改完善后,批复实施" — the drafting body
# is to finish it.
APPROVED_DRAFT = re.compile(r"会议(?:原则)?(?:同意|审议通过|通过)([\u4e00-\u9fff、()]{2,30}?)"
                            r"(?:拟草|拟定|起草|草拟|制定|提交|提请审议|提出|报送|上报)(?:并[^《,。]{0,16})?的"
                            r"(?:《|[^,。《]{2,40}?(?:方案|意见|办法|计划|规划|细则|请示)[,,])")   # (the draft unquoted)


def _approved_draft(text: str, at: int, segment: str) -> Item | None:
    m = APPROVED_DRAFT.search(segment) if "会议" in segment else None
    units = m and _units(m.group(1), at + m.start(1))
    if not units or not all_units(units) or any(u.collective for u in units):
        return None
    return _task(text, at + len(segment) - len(segment.lstrip()), at + len(segment), _answering(units))


# One body helping another do the work: "二是成立小区达标专班,由社区服务中心配合区住建局完成45个小区的整治任务" — the
# body helped leads, the helper assists.
HELPED = re.compile(r"(?:^|[,])由?([\u4e00-\u9fff、()]{2,30}?)(?:将|要|还将|也将)?(?:积极|全力|密切|主动)?配合([\u4e00-\u9fff()]{2,30}?)"
                    r"(?=完成|开展|做好|推进|落实|实施|负责|抓好|解决|处理)")     # "我局将配合交警部门解决…": helps


def _helped_task(text: str, at: int, segment: str) -> Item | None:
    m = HELPED.search(segment)
    helpers = m and _units(m.group(1), at + m.start(1))
    helped = m and _units(m.group(2), at + m.start(2))
    if not helpers or not helped or len(helped) != 1 or not all_units(helpers + helped):
        return None
    spec = OwnerSpec(lead=helped, responsible=[(u, "assist") for u in helpers])
    spec.span_named()
    return _task(text, at + len(segment) - len(segment.lstrip()), at + len(segment), spec)


def _sites_of_unit(text: str, at: int, segment: str, listed: bool = False) -> Item | None:
    """``listed``: the segment is one of a finding's lines, each opening on its body; a bare class there
    (开发区监管的…) is the one body of that class the notice means."""
    m = SITES_OF.match(segment)
    units = m and _units(m.group(1), at + m.start(1))
    if not units or not all_units(units) or any(u.collective and not (listed and not u.mention.startswith("各"))
                                                for u in units):
        return None
    return _task(text, at + m.start(1), at + len(segment), _answering(units))


# A matter quoted with the body answerable for it before it, as a 督查 notice names what lags: "如县发改局负责的“严格
# 落实全县重点项目前期工作计划…”", "县自然资源局、县水利局负责的“紧盯…”". Each quote is that body's task.
QUOTED_CHARGE = re.compile(r"([\u4e00-\u9fff、()]{2,40}?)(?:牵头)?负责的“([^“”\n]{6,300})”")
CHARGE_LEAD_IN = re.compile(r"^.*?(?:例如|比如|如|其中|包括)(?=[\u4e00-\u9fff])")


def quoted_charges(text: str, start: int, end: int) -> list[Item]:
    """Each "X负责的“…”" in the range: the quote, owned by the units before 负责的 (one leads; several are
    each responsible). Two or more make a list; one alone may be a citation of another's work."""
    tasks = []
    if text.find("负责的“", start, end) < 0:
        return tasks            # (most items quote no charge: spared the pattern's scan)
    for m in QUOTED_CHARGE.finditer(text, start, end):
        head, head_at = m.group(1), m.start(1)
        if (lead_in := CHARGE_LEAD_IN.match(head)):      # "如县发改局": the words leading into the unit
            head, head_at = head[lead_in.end():], head_at + lead_in.end()
        units = _units(head, head_at)
        if units:
            tasks.append(_task(text, units[0].start, m.end(), _answering(units)))
    return tasks if len(tasks) >= 2 else []


# A record of fields closed by its owner line, no number over it: its title on a line of its own, its fields
# ("工作措施:…"), then "部门分工:省工信厅牵头,省发改委…配合。" The owner line gives the whole record its owners.
FIELD_START = re.compile(r"^\s*[\u4e00-\u9fff]{2,8}[:]")
RECORD_TITLE = re.compile(r"^\s*[^\s。;:,!?][^。;:!?]{3,38}。?\s*$")
PERSON_LINE = re.compile(r"^\s*[\u4e00-\u9fff]{0,6}(?:领导|责任人|负责人|联系人|经办人)\s*[:]")
# ... or a bulleted paragraph, whatever its length: a 红黑榜's "■X小区,垃圾堆积…。⏎责任单位:Y"
BULLETED = re.compile(r"^\s*[■□●○◆◇▲△★☆►▶•]")


def _record_closed(text: str, start: int, end: int, outside) -> Item | None:
    """The record an owner line closes, from its title down; None where no field or title stands above it."""
    spec = parse_owner_span(text, start, end)
    if spec is None or not (spec.lead or spec.responsible):
        return None
    top, line_end = start, start - 1
    while line_end > 0:
        line_start = text.rfind("\n", 0, line_end) + 1
        line = text[line_start:line_end]
        if not line.strip() or not outside(line_start) or (LINE_LABEL.match(line) and not PERSON_LINE.match(line)):
            break           # (a person's line, 分管领导:X, is one of the record's fields)
        if FIELD_START.match(line):
            top, line_end = line_start, line_start - 1
            continue
        if RECORD_TITLE.match(line) or BULLETED.match(line):
            top = line_start
        break
    if top >= start:
        return None
    # (the record's other fields under its owner line are its own: 责任人, 进度安排, 完成时限)
    while end < len(text) and text[end] == "\n":
        line_end = text.find("\n", end + 1)
        line_end = len(text) if line_end < 0 else line_end
        line = text[end + 1:line_end]
        if not FIELD_START.match(line) or (LINE_LABEL.match(line) and not PERSON_LINE.match(line)) or not outside(end + 1):
            break
        end = line_end
    return _task(text, top, end, spec)


# A meeting's decisions, each a work a leader heads and a body carries out: "九重区域环境整治由王光玲牵头,九重镇落实;
# 干渠绿化由顾理牵头,林业局落实". The leader is a person; the body doing it answers for it.
PERSON_LED = re.compile(r"^\s*[^,。;:]{2,40}?由([\u4e00-\u9fff]{2,3})(?:同志)?(?:牵头|负责|总负责|挂帅)[,]"
                        r"(?:([\u4e00-\u9fff、()]{2,30}?)(?:具体)?(?:落实|负责|实施|承办|推进))?")


def _person_led_task(text: str, at: int, segment: str) -> Item | None:
    m = PERSON_LED.match(segment)
    if not m or _units(m.group(1), 0) or not (people := split_person_list(m.group(1), at + m.start(1), "牵头领导")):
        return None
    units = _units(m.group(2), at + m.start(2)) if m.group(2) else None
    spec = OwnerSpec(lead=list(units or []), persons=people, start=at + m.start(1), end=at + m.end())
    return _task(text, at + len(segment) - len(segment.lstrip()), at + len(segment.rstrip("。;")), spec)


# A work named in quotes with its owners in brackets after it: “新开工提标加固海塘18.4公里”(市水利局)
QUOTED_WORK = re.compile(r"“([^“”\n]{2,80})”\(([^()\n]{2,60})\)")


def _quoted_works(text: str, at: int, para: str) -> list[Item]:
    """A list of works each quoted and followed by its owner in brackets ("“A”(X)、“B”(Y)等5个项目"): each
    quote and its bracket is a task of those units. Two or more make the list; one quote is a citation."""
    if para.count("”(") < 2:
        return []
    tasks = []
    for m in QUOTED_WORK.finditer(para):
        units = _units(m.group(2), at + m.start(2))
        if units:
            spec = OwnerSpec(responsible=[(u, "responsible") for u in units], start=units[0].start, end=units[-1].end)
            tasks.append(_task(text, at + m.start(), at + m.end(), spec))
    return tasks if len(tasks) >= 2 else []


def _copula_task(text: str, at: int, sentence: str) -> Item | None:
    """A sentence that names a work and then its owners with copulas (a news report of a 分工方案:
    "第98项任务“…”,牵头领导是副市长Z,主责单位是X、Y。") is a task with those owners."""
    if not COPULA_LABEL.search(sentence):
        return None
    spec = OwnerSpec(start=at, end=at + len(sentence))
    for m in CLAUSE.finditer(sentence):
        clause = m.group().strip()
        if clause:
            _copula_owners(spec, clause, at + m.start() + m.group().index(clause))
    return _task(text, at, at + len(sentence), spec) if spec.lead or spec.responsible else None


# An inspector's order in a narrative: "检查组现场责令县水务集团限期整改", "责成X整改到位".
ORDERED = re.compile(rf"(?:责令|责成)([\u4e00-\u9fff、()]{{2,30}}?)(?:限期|立即|及时|依法|尽快)?(?:{PUT_RIGHT}|拆除)")


# A request to put findings right by a time, to the bodies named after 请/要求 or handed the findings (交办X,要求…):
# "请各事涉部门对存在的问题立即进行整改,并于5月20日前将问题整改完成", "要求相关三个乡镇立即整改到位". Even a class of
# bodies is given work here: unlike "各部门要高度重视", the request names the work (整改, 整治) and its time.
REQUESTED = re.compile(r"(?:(?<![的])请|要求|督促|交办(?:给)?)([\u4e00-\u9fff、()]{2,30}?)"
                       r"(?=[,]?(?:对|针对|就|在|于|立即|立行立改|迅速|限期|尽快|务必|接|按照|将|高度重视|全面|认真|切实|抓紧|进行|\d)"
                       r"|[,]要求)")
RECTIFY = re.compile(r"整改|整治|纠正|查处|清理|销号|立行立改")
# Or the work itself, urged: "请各镇(街)抓紧组织制定实施方案,建立责任制度…".
URGED_WORK = re.compile(r"[,]?(?:抓紧|尽快|立即|迅速)(?:组织)?(?:制定|开展|建立|落实|完成|实施|组织)")
BY_WHEN = re.compile(r"\d{1,2}月(?:\d{1,2}日|底|中旬|上旬|下旬)?(?:[^,。;]{0,8}?)(?:前|以前|之前)|立即|立行立改|迅速|限期|尽快|马上"
                     r"|\d{1,3}个(?:工作日|自然日)内|\d{1,3}(?:日|天)内")


# A matter handed to the body named by its role as the one answerable: "已通知责任单位涧西区政府,加强对商户的管理",
# "并通知责任单位市交通局进行治理" (the role noun says whose work it is; a plain 通知X may only inform X).
NOTIFIED_RESPONSIBLE = re.compile(r"(?:通知|转交?|转办|交由|交办(?:给)?)(?:责任单位|责任部门|属地(?:单位|部门)?|主管部门)"
                                  r"([\u4e00-\u9fff()]{2,30}?)(?=[,,]|进行|抓紧|立即|尽快|及时|加强|对|限期|落实|处理|办理)")


def _ordered_task(text: str, at: int, sentence: str) -> Item | None:
    m = ORDERED.search(sentence) or ("通知" in sentence or "转" in sentence or "交" in sentence) \
        and NOTIFIED_RESPONSIBLE.search(sentence)
    units = m and _units(m.group(1), at + m.start(1))
    if units:
        spec = OwnerSpec(lead=units, start=units[0].start, end=units[-1].end)
        return _task(text, at, at + len(sentence), spec)
    return _requested_rectification(text, at, sentence)


def _requested_rectification(text: str, at: int, sentence: str) -> Item | None:
    m = REQUESTED.search(sentence)
    if not m or not ((RECTIFY.search(sentence, m.end()) and BY_WHEN.search(sentence, m.end()))
                     or URGED_WORK.match(sentence, m.end())):
        return None
    units = _units(m.group(1), at + m.start(1))
    if not units or not all_units(units):
        return None
    spec = _answering(units)            # (several bodies asked alike: none leading)
    start = at + max(0, sentence.rfind(",", 0, m.start()) + 1) if m.group().startswith("交办") else at + m.start()
    return _task(text, start, at + len(sentence), spec)


# A clause giving a body its role by a copula, anywhere in a task: "由X牵头负责,我局为配合部门".
STATED_ROLE_HINT = re.compile(r"(?:为|是|作为)[^,;。]{0,16}?(?:牵头|责任|主办|协办|配合|主责|承办)(?:单位|部门)(?=[,;。]|$)")


def _task(text: str, start: int, end: int, spec: OwnerSpec) -> Item:
    while end > start and text[end - 1].isspace():
        end -= 1
    if spec is not None and (spec.lead or spec.responsible) and STATED_ROLE_HINT.search(text, start, end):
        _add_stated_roles(text, start, end, spec)
    task = Item(id="", rank=6, number=None, value=None, start=start, end=end, from_block=True)
    task.owners = spec
    return task


def stated_roles(text: str, start: int, end: int) -> list[tuple[str, list]]:
    """The bodies clauses give a role by a copula ("我局为配合部门", "X作为牵头单位"), each with that role."""
    found = []
    for clause in CLAUSE.finditer(text, start, end):
        if (named := NAMED_ROLE.match(clause.group().strip())) is not None:
            at = clause.start() + len(clause.group()) - len(clause.group().lstrip())
            if units := _units(named.group(1), at):
                found.append((role_of_label(named.group(2)), units))
    return found


def _add_stated_roles(text: str, start: int, end: int, spec: OwnerSpec) -> None:
    """Bodies the task's own clauses give a role ("我局为配合部门") join its owners in that role."""
    named = {m.mention for m in spec.lead} | {m.mention for m, _ in spec.responsible}
    for role, units in stated_roles(text, start, end):
        if units := [u for u in units if u.mention not in named]:
            spec.add(role, units)
            named |= {u.mention for u in units}
