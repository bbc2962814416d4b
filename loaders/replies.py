"""A reply to a deputy's proposal (提案/建议答复, 复函, 会办意见) reports what was done, then undertakes what will be.

A careful clerk reads each undertaking as a task of the replying unit: "下一步,一是加强集镇监管;二是积极对接县级相关
部门…", "待计划批复后尽快对该段道路实施改建", "争取将其列入…改造计划". The unit is who the reply says it is: its
own word for itself where the paragraph has one (我局, 我委), else the body that signed it. What it did (已完成…),
its thanks and wishes are no undertaking; neither is a sentence another rule already gave an owner.
"""
from __future__ import annotations

import re
from bisect import bisect_right

from .owners import OwnerSpec
from .sentence_owners import LATER, ORDERED_BODY, _answering, _task, _units, outside_items, stated_roles
from .structure import Item
from .units import PLACE_SELF_REFERENCE, SELF_REFERENCE, Mention

# Where the answer starts: after "现答复如下:" (or 函告如下, 回复如下), else after the deputy's salutation.
ANSWER_START = re.compile(r"(?:答复|函告|函复|回复|复函|复文|意见)如下[:]?")
SALUTATION = re.compile(r"^[^\n]{1,30}(?:代表|委员|同志)[:]\s*$", re.M)
# Those the replying unit will work with: "适时和玉屏镇、自然资源部门联合开展…", "积极对接县级相关部门".
PARTNERS = re.compile(r"(?:会同|联合|协调|对接|配合)([\u4e00-\u9fff、()]{2,30}?)(?=联合|共同|一道|一起|[,;。]|对|向|积极|开展|做好|进行|优化|加强|推进|落实|解决|研究|完善|实施|$)|"
                      r"(?:和|与|同)([\u4e00-\u9fff、()]{2,30}?)(?=联合|共同|一道|一起|对接|协调|沟通|合作|开展)")
# The pledge is to help: "将配合…", "将积极配合…" (its partner is then the one helped).
HELPING = re.compile(r"(?:下一步|今后)?[,]?(?:我[局委办司们])?(?:还|也)?将(?:积极|全力|主动|继续)?$")
# A commitment: what will be done, and when or on what condition.
UNDERTAKING = re.compile(r"下一步|下步|下阶段|今后|接下来|(?<![已并])将(?![其该此这原来近])|拟|力争|争取(?:将|把|在|于|早日|尽早|列入|纳入|年底|年内|今年|明年|\d{1,2}月)|尽快|适时|"
                         r"计划(?:于|在|年内|\d{1,2}月|[一二三四五六七八九十]{1,2}月)|待[^,。;]{1,16}后|年内|明年")
# The reply's close: thanks, wishes and the contact, never an undertaking.
COURTESY = re.compile(r"感谢|谢谢|希望|欢迎|敬请|谅解|宝贵(?:意见|建议)|关心和支持|联系人|联系电话")
# Enumerated undertakings inside one sentence: "一是加强集镇监管…;二是积极对接…".
POINT = re.compile(r"([一二三四五六七八九十])是")
SENTENCE = re.compile(r"[^。!?\n]+[。!?]?")
POINTS_AHEAD = re.compile(r"(?:以下|如下|几个|[一二三四五六七八九十两]个)方面|(?:以下|如下)(?:措施|工作)|[::]$")
# The bodies a clause hands the work to: "由县水利局编制预算方案", "由县扶贫办、县水利局3家单位共同筹措".
BY_CLAUSE = re.compile(r"(?:^|(?<=[,;:]))(?:目前|现在|现)?正?由([\u4e00-\u9fff、()]{2,40}?)(?:\d+家(?:单位|部门))?"
                       r"(?=负责|牵头|编制|组织|实施|进行|开展|按照?|共同|联合|筹措|筹资|出资|安排|承担|推进|争取|办理|解决|落实|协调|"
                       r"对|将|做好|完成|制定|研究)")
# A body the pledge hands the work to by telling it: "我市将责成邱村镇政府做好…", "同时要求X会同Y,充分论证…".
TOLD_BODY = re.compile(rf"(?:责成|要求|责令){ORDERED_BODY}")
# Another body named as the one that will do it: "下一步区财政局将会同…" (not the reply's signer).
NAMED_SUBJECT = re.compile(r"(?:^|(?<=[,;:。\n]))(?:下一步|下步|今后|同时|此外)?[,]?([\u4e00-\u9fff()]{2,20}?)"
                           r"(?=(?:今后|下一步|近期|随后|年内)?(?:研究决定|决定)?[,]?(?:还|也)?(?:将|拟))")


def reply_undertakings(text: str, items: list[Item], issuer: str | None,
                       issuer_span: tuple[int, int] | None) -> list[Item]:
    """A task per undertaking of the replying unit, outside the items other rules made."""
    if (answer := _answer(text, issuer, issuer_span)) is None:
        return []
    start, selves, signer = answer
    outside = outside_items(items)
    tasks: list[Item] = []
    pointing = False        # the sentence before announced its points: "我局将从以下三个方面持续发力。一是…。二是…"
    for m in SENTENCE.finditer(text, start.end()):
        sentence, at = m.group(), m.start()
        point = POINT.match(sentence.lstrip())
        marker = UNDERTAKING.search(sentence)
        promised = marker is not None or (pointing and point is not None)
        pointing = (promised and bool(POINTS_AHEAD.search(sentence))) or (pointing and point is not None)
        if not promised or COURTESY.search(sentence) or not outside(at + len(sentence) // 2):
            continue
        replier = _replier(selves, at, signer)
        points = list(POINT.finditer(sentence))
        handed = [(b, units) for b in BY_CLAUSE.finditer(sentence) if (units := _units(b.group(1), at + b.start(1)))]
        if len(points) >= 2 and points[0].group(1) == "一":
            ends = [p.start() for p in points[1:]] + [len(sentence)]
            parts = [(at + p.start(), at + e) for p, e in zip(points, ends)]
        elif handed:
            # "…,由县水利局编制预算方案,待预算出来后,由县扶贫办、县农开办3家单位筹措资金": each 由-clause runs to the
            # next and is the work of the bodies it names (the sentence's opening goes with the first)
            ends = [b.start() for b, _ in handed[1:]] + [len(sentence)]
            starts = [len(sentence) - len(sentence.lstrip())] + [b.start() for b, _ in handed[1:]]
            for (s, e), (_, units) in zip(zip(starts, ends), handed):
                tasks.append(_task(text, at + s, at + e, _answering(units)))
            continue
        else:
            parts = [(at + len(sentence) - len(sentence.lstrip()), at + len(sentence))]
        for s, e in parts:
            # (the partners of what will be done, not of what was: from the commitment on, in one sentence)
            pledge = s if len(parts) > 1 or marker is None else at + marker.start()
            if stated := stated_roles(text, s, e):
                # "我局作为配合部门,将…做好配合工作": the role the part gives its bodies is theirs
                spec = OwnerSpec()
                for role, units in stated:
                    spec.add(role, units)
                spec.span_named()
                tasks.append(_task(text, s, e, spec))
                continue
            subject = NAMED_SUBJECT.search(text, max(s, pledge - 24), min(e, pledge + 30))
            named = _units(subject.group(1), subject.start(1)) if subject else None
            told = TOLD_BODY.search(text, s, e)
            told_units = _units(told.group(1), told.start(1)) if told else None
            if told_units and len(told_units) == 1:
                lead = told_units[0]        # the body the replier will tell to do it does it
            else:
                lead = named[0] if named and len(named) == 1 else replier
            if lead is None:
                continue        # an undertaking no one the reply names is given
            spec = OwnerSpec(lead=[lead], start=lead.start, end=lead.end)
            for partner in PARTNERS.finditer(text, told.start() if lead is not replier and told_units else pledge, e):
                k = 1 if partner.group(1) else 2
                units = [u for u in _units(partner.group(k), partner.start(k)) or []
                         if u.mention != lead.mention and not u.mention.startswith("上级")]
                if units and partner.group().startswith("配合") and spec.lead == [lead] and not spec.responsible \
                        and HELPING.match(text, pledge, partner.start()):
                    # "我局将配合交警部门解决…": the body it helps leads the work, the replier helps
                    spec.lead, spec.responsible = units, [(lead, "assist")]
                    continue
                spec.responsible += [(u, "assist") for u in units]
            tasks.append(_task(text, s, e, spec))
    return tasks


# A part pledges what will be done in words no narration uses ("今后我局将…", "下一步…", "拟…"); a part telling what was
# done ("制定了…", "已出台…") is the city's work reported, not the replier's undertaking.
PART_PLEDGE = re.compile(rf"(?:^|(?<=[。;\n,]))\s*(?:在)?(?:{LATER}|拟|力争|计划(?:于|在))|"
                         r"我(?:[局委办司]|们)(?:还|也)?将")
NARRATED_PART = re.compile(r"了[,。;《“]|已(?:经)?(?:完成|制定|出台|开展|建立|印发|实现)")


def own_reply_items(text: str, items: list[Item], issuer: str | None, issuer_span: tuple[int, int] | None) -> None:
    """A reply's answer in numbered parts ("三、加大招商引资力度 ⏎ …在今后我局将不遗余力地…"): a part that pledges
    something and names no owner is the replier's (its word for itself in the part, else the signer)."""
    if (answer := _answer(text, issuer, issuer_span)) is None:
        return
    start, selves, signer = answer
    for item in items:
        if item.start < start.end() or item.children or (item.owners is not None and not item.owners.empty):
            continue
        own = text[item.start:item.end]
        first_para = own.strip().split("\n")[0]        # (the reply's closing thanks may run on after its last part)
        announced = _announced(text, item, items)
        if not (PART_PLEDGE.search(own) or announced) or NARRATED_PART.search(own) or COURTESY.search(first_para):
            continue
        inside = next(((s, e, word) for s, e, word in selves.found if item.start <= s < item.end), None)
        if inside is None and announced is not None:
            inside = announced      # the word for itself in the sentence announcing the parts
        replier = Mention(inside[2], inside[0], inside[1]) if inside else _replier(selves, item.start, signer)
        if replier is not None:
            item.owners = OwnerSpec(lead=[replier], start=replier.start, end=replier.end)
            for partner in PARTNERS.finditer(text, item.start, item.start + len(first_para) + 8):
                k = 1 if partner.group(1) else 2
                item.owners.responsible += [(u, "assist") for u in _units(partner.group(k), partner.start(k)) or []
                                            if u.mention != replier.mention]


# The paragraph before a reply's numbered parts announcing them as what the replier does: "…我局从以下几个方面开展
# 工作。", "我们将采取以下措施:".
ANNOUNCED = re.compile(r"(?:我[局委办厅司]|我们|本[局委])[^。\n]{0,24}?(?:从|采取|做好|抓好|开展)?[^。\n]{0,8}?"
                       r"(?:以下|如下|几个|[一二三四五六七八九十两]个)(?:方面|措施|工作)")


def _announced(text: str, item: Item, items: list[Item]) -> tuple[int, int, str] | None:
    """The replier's word for itself in a sentence just above the part's numbered run announcing the parts as its
    work, or None."""
    siblings = [it for it in items if it.parent is item.parent and it.rank == item.rank and it.start <= item.start]
    first = siblings[0] if siblings else item
    at = max(0, first.start - 160)
    before = text[at:first.start]
    cut = before.rstrip().rfind("\n") + 1
    m = ANNOUNCED.search(before, cut)
    if m is None:
        return None
    word = re.match(r"我[局委办厅司]|我们|本[局委]", m.group())
    return at + m.start(), at + m.start() + len(word.group()), word.group()


def _answer(text: str, issuer: str | None, issuer_span: tuple[int, int] | None):
    """Where the reply's answer starts, its words for itself and its signer; None for no reply's answer. (The words
    are found once for the whole text, so a reply run into one long line is read in one pass.)"""
    start = ANSWER_START.search(text) or SALUTATION.search(text)
    if start is None:
        return None
    return start, _Selves(text, _government(issuer)), _signer(text, issuer, issuer_span)


def _government(issuer: str | None) -> bool:
    """Whether the replier is a place's government (its 我区/我县 is itself)."""
    return bool(issuer and re.search(r"(?:人民政府|政府)(?:办公室)?$", issuer))


class _Selves:
    """The reply's words for itself (我局, 我委…), by position, with the paragraphs they stand in."""

    def __init__(self, text: str, government: bool = False):
        found = list(SELF_REFERENCE.finditer(text)) + (list(PLACE_SELF_REFERENCE.finditer(text)) if government else [])
        self.found = sorted((m.start(), m.end(), m.group()) for m in found)
        self.starts = [f[0] for f in self.found]
        self.breaks = [m.start() for m in re.finditer("\n", text)]
        self.length = len(text)

    def nearest(self, at: int) -> Mention | None:
        """The last one before ``at`` in its paragraph, else the first after it there."""
        k = bisect_right(self.breaks, at)
        para_start = self.breaks[k - 1] + 1 if k else 0
        para_end = self.breaks[k] if k < len(self.breaks) else self.length
        j = bisect_right(self.starts, at) - 1
        if j >= 0 and self.found[j][0] >= para_start:
            s, e, word = self.found[j]
            return Mention(word, s, e)
        if j + 1 < len(self.found) and self.found[j + 1][0] < para_end:
            s, e, word = self.found[j + 1]
            return Mention(word, s, e)
        return None


def _signer(text: str, issuer: str | None, issuer_span: tuple[int, int] | None) -> Mention | None:
    """The body that signed the reply, where the text names it."""
    if issuer and issuer_span and (units := _units(text[issuer_span[0]:issuer_span[1]], issuer_span[0])) \
            and len(units) == 1:
        return units[0]
    if issuer and (found := text.rfind(issuer)) >= 0:
        return Mention(issuer, found, found + len(issuer))
    return None


def _replier(selves: _Selves, at: int, signer: Mention | None) -> Mention | None:
    """The reply's own word for itself nearest ``at`` in its paragraph, else the signing body (fresh mentions:
    each task's owners are its own)."""
    own = selves.nearest(at)
    if own is not None:
        return own
    if signer is not None:
        return Mention(signer.mention, signer.start, signer.end)
    # (unsigned: its word for itself anywhere, "交由我单位办理,现答复如下")
    return Mention(selves.found[0][2], selves.found[0][0], selves.found[0][1]) if selves.found else None
