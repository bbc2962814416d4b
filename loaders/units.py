"""Unit names: split owner lists, expand shared parts, flag collectives, fold to one canonical name.

All functions read the *folded* text (half-width punctuation, simplified script) and return character
offsets into it, which are also offsets into the text shown to the user.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from .places import place_stems, places_in

HAN = "\u4e00-\u9fff"
LEVEL = "自治州|自治县|特别行政区|自治区|新区|经济区|开发区|高新区|省|市|州|盟|县|区|旗"
# A leading place: "盘锦市", "兴隆台区", "辽河口生态经济区"; a bare "市"/"区" is relative to the document.
FIRST_PLACE = re.compile(rf"[{HAN}]{{0,10}}?(?:{LEVEL})")
NEXT_PLACE = re.compile(rf"[{HAN}]{{2,10}}?(?:{LEVEL})")
# Place classes, not one place: an owner named this way is many bodies ("县区政府", "经济区管委会").
GENERIC_PLACE = re.compile(r"^(?:县\(市、?区\)|县\(市\)区|(?:乡|镇|街道|市)\([^()]{1,8}\)|县市区|县区|区县|市县|经济区|开发区|开发园区|园区|镇区|乡镇|镇街|街镇|街道|村|社区|基层)")
COLLECTIVE_START = re.compile(r"^(?:各|相关|有关|其他|其它|所属|涉及|全市|全区|全县|市直|区直|县直)")
COLLECTIVE_END = re.compile(r"(?:部门|单位|机构|企业|主体)$")
SCHOOL = r"幼儿园|小学|中学|大学|学校"
UNIT_END = re.compile(r"(?:局|委|办|厅|部|院|府|会|室|处|所|队|站|中心|公司|组|专班|(?<=..)股|银行|支行|分行|联|社|团|馆|区|县|市|镇|乡|街道|海关|党组织|"
                      r"(?:电视|电|气象|地震|水文)台|"      # 市广播电视台, 县气象台: a station is a body (a 平台 is not)
                      rf"部门|单位|机构|政府|分局|支行|大队|党组|党委|企业|银行|集团|协会|法院|(?<=..)科|公署|行署|{SCHOOL}|"
                      r"(?:林|农|牧|渔|茶)场|(?<=..)厂|"      # 县林场, 国营农场, 县污水处理厂
                      r"(?<=..)(?<![采开探选挖盗找])矿|"      # 黄冲煤矿: a mine is a body (采矿 is an act)
                      r"(?<=..)(?<![上下在转定换离到轮])岗|"      # a town's desk that answers for a field: 林业发展岗
                      r"(?:自然|行政)村|"      # the villages as a class, 各自然村
                      r"(?:新|科技|科学|产业)城|(?:产业|工业|科技|创业|物流|创新)园)$")   # a zone run as a body: 临平新城
STRONG_UNIT_END = re.compile(rf"(?:局|委|办|厅|部|院|府|会|室|处|所|队|站|中心|公司|专班|(?<=..)股|(?<=..)馆|银行|支行|联|部门|单位|政府|党组|党委|{SCHOOL})$")
PLACE_OWNER_END = re.compile(r"..(?:区|县|镇|乡|街道)$")     # "岳麓区和市直相关单位": a district's government
# a list closer, also naming the class the rest belong to: 等部门, 等有关单位, 等省直有关部门, 等市级相关职能部门
OPEN_END = re.compile(r"等(?:相关|有关)?(?:[省市县区州旗]直|[省市县区]级)?(?:各)?(?:相关|有关)?(?:职能)?(?:部门|单位|机构)?$")   # 等有关市直部门
# ("区财政局*、区发改局": an asterisk after a name marks the lead, as a star before one does)
LEAD_MARK = re.compile(r"\((?:牵头|牵头单位|牵头部门|牵头整改|牵头负责|牵头落实)\)$|(?<=[\u4e00-\u9fff)])[*※]$")
STAR_MARK = re.compile(r"^[★☆▲]\s*")        # a table marks its lead unit with a star (or a ▲)
LIST_SPLIT = re.compile(r"[、,;]")
CONJ_SPLIT = re.compile(r"以及|及|和|与|或")        # (或: either does it, "各牵头单位或汇总单位")
STRIP_CHARS = " \t\n。.:\"“”'‘’"
ROLE_NOUN = re.compile(r"^(?:包片|包保|包联|挂钩|责任|牵头|配合|主办|协办|联系)(?:单位|部门)")


@dataclass
class Mention:
    mention: str         # as the document denotes the unit, after list splitting and expansion
    start: int           # span of the characters the mention came from
    end: int
    marked_lead: bool = False   # "X(牵头)" inside a list
    open_ended: bool = False    # the list ended in "…等部门": more owners than named
    distributive: bool = False  # written with 各 ("各县区政府"): every one of a class

    @property
    def collective(self) -> bool:
        return is_collective(self.mention, self.distributive)

    def moved(self, offset: int) -> "Mention":
        """A fresh copy whose span is ``offset`` further on (a split kept per text, handed out at a text's place)."""
        return Mention(self.mention, self.start + offset, self.end + offset, self.marked_lead, self.open_ended,
                       self.distributive)


def place_prefix(name: str) -> tuple[str, str]:
    """Split "盘锦市兴隆台区编委办" into ("盘锦市兴隆台区", "编委办"); ("", name) when none."""
    core = name[2:] if name.startswith("中共") else name
    m = FIRST_PLACE.match(core)
    if not m or m.end() == len(core):
        return ("", name) if not m else (core, "")
    prefix = m.group()
    while (n := NEXT_PLACE.match(core, len(prefix))) and n.end() < len(core):
        prefix = core[: n.end()]
    return prefix, core[len(prefix):]


def is_bare_place(piece: str) -> bool:
    """A list element that is only a place ("市", "双台子区", or a city without its 市: "海东、各州食药监管局") and
    borrows the body of a later element."""
    return (bool(FIRST_PLACE.fullmatch(piece)) and not GENERIC_PLACE.match(piece)) or piece in place_stems()


# Whole-class owners that carry no unit suffix: 各地, 各级, 各地各部门.
CLASS_OWNER = re.compile(r"^各?(?:地|级|地区|地方|方面|有关方面|地各部门|级各部门)$|^各(?:村|村居)$")     # (各村: every village)


REGIONS_CONCERNED = re.compile(r"各?(?:有关|相关)(?:地区|地方)")


DIGIT = re.compile(r"\d")


KIND_NOTE = re.compile(r"\((?:单位|部门)\)$")
# The body that stands in for the named one where the place is a zone: "…政府(管委会)".
OTHER_BODY = re.compile(r"(?<=[府委局办])\((?:管委会|管理委员会|党工委|工委|办事处)\)$")
HEXAGONAL = str.maketrans("〔〕", "()")     # "各县〔市、区〕政府〔管委会〕": brackets of another shape, the same reading       # "各责任科室(单位)": offices, or units in their place


# A unit and its other name in brackets: "市河长办(市水务局)", "县委巡察办(县委巡察工作领导小组办公室)".
ZONE_ALIAS = re.compile(r"[\u4e00-\u9fff]{2,6}(?:园|城|港|谷|岛)")
ALIASED = re.compile(r"([^()]{2,20})\(([^()]{2,20})\)")


# A class of local bodies with its like in brackets: "村(社区)", "乡镇(街道、园区)".
_LOCAL_CLASS = r"(?:乡镇|镇街|街镇|镇|乡|村|社区|街道|园区)"
# ("镇(办)", "相关镇(办)": towns, and the 街道办 where the place is a district's)
LOCAL_CLASSES = re.compile(rf"(?:相关|有关|各)?{_LOCAL_CLASS}\((?:{_LOCAL_CLASS}|办|街道办|街)(?:、{_LOCAL_CLASS})*\)")
LOCAL_ALTERNATIVE = re.compile(rf"([^()]{{2,20}})\({_LOCAL_CLASS}(?:、{_LOCAL_CLASS})*\)")


# A phrase that opens on what is to be done, then goes on for a name's length, is the work, not who does it.
WORK_FIRST = frozenset("加推确打实深强做健完积全大进坚")
WORK_START = re.compile(r"^(?:加快|推进|确保|打造|推动|实施|加强|深化|强化|做好|健全|完善|积极|全面|大力|进一步|坚持)"
                        r"[\u4e00-\u9fff()]{4,}")


ROOM = re.compile(r"(?:[\u4e00-\u9fff]{0,6}?)(?:餐厅|大厅|展厅|客厅|门厅|舞厅|歌厅|饭厅|前厅|会议室|教室|阅览室|活动室)")


# A level's department named by its field alone, the 局 left out: "区财政将会同…", "县安监、公安部门".
LEVEL_FIELD = re.compile(r"(?:省|市|县|区|州|旗)(?:财政|公安|交通|国土|环保|水利|教育|民政|审计|税务|卫健|农业|林业|商务|统计|人社|"
                         r"工商|质监|安监|经信|发改|规划|文旅|城管|住建|应急|自然资源|市场监管)")


def looks_like_unit(piece: str) -> bool:
    if LEVEL_FIELD.fullmatch(piece):
        return True
    if "〔" in piece:
        piece = piece.translate(HEXAGONAL)
    if piece.endswith(")"):
        aliased = ALIASED.fullmatch(piece)
        if aliased and looks_like_unit(aliased.group(1)) and (looks_like_unit(aliased.group(2))
                                                              or ZONE_ALIAS.fullmatch(aliased.group(2))):
            return True             # "未来科技城(海创园)": a zone's body and the zone's other name
        if (other := OTHER_BODY.search(piece)) and looks_like_unit(piece[:other.start()]):
            return True             # "各县(市、区)政府(管委会)": the governments, or a zone's committee in their place
        if LOCAL_CLASSES.fullmatch(piece):
            return True
        if (alt := LOCAL_ALTERNATIVE.fullmatch(piece)) and looks_like_unit(alt.group(1)):
            return True             # "街道办事处(乡)": the same body where the place is a 乡
        piece = KIND_NOTE.sub("", piece)
    if len(piece) >= 6 and piece[0] in WORK_FIRST and WORK_START.match(piece):
        return False                # "加快建设大湾区国家技术创新中心": a work that ends like a body's name
    if piece[-1:] in ("厅", "室") and ROOM.fullmatch(piece):
        return False                # "学校食堂(餐厅)": a room, named like a 厅 or 室 but no body
    return bool(piece) and len(piece) <= 30 and (bool(UNIT_END.search(piece)) or bool(CLASS_OWNER.match(piece))) \
        and not DIGIT.search(piece) and ":" not in piece       # "来源:县融媒体中心" is a credit, not a name


def all_units(mentions: list["Mention"]) -> bool:
    """A list that names only units (not a phrase that happens to hold a 、)."""
    return bool(mentions) and all(looks_like_unit(m.mention) for m in mentions)


# The department of one field, at most after its place or level: "公安部门", "市级工商部门", "海东市发展改革部门"
# is one body (the field's department there); a department named by its role is a class ("责任部门", "主管部门").
FIELD_DEPARTMENT = re.compile(rf"(?:[{HAN}]{{0,8}}?(?:省|市|州|盟|县|区|旗)级?)?([{HAN}]{{2,4}})部门")
ROLE_IN_FIELD = re.compile(r"责任|牵头|主办|协办|会办|配合|成员|主管|职能|相关|有关|业务|行业|产权|事涉|涉事|属地|其他|其它|"
                           r"上级|下级|同级|基层|执法|审批|党政|党群|政府|直属|所属|涉及")


@lru_cache(maxsize=65536)    # pure, and asked for every mention several times
def is_collective(mention: str, distributive: bool = False) -> bool:
    """A class of bodies, not one accountable body. ``distributive``: the source wrote 各 before it."""
    m = (mention.translate(HEXAGONAL) if "〔" in mention else mention).lstrip("各")
    field = FIELD_DEPARTMENT.fullmatch(m)
    one_field = bool(field) and not ROLE_IN_FIELD.search(field.group(1))
    return (distributive or mention.startswith("各") or bool(COLLECTIVE_START.match(m)) or "各" in m or
            bool(GENERIC_PLACE.match(m)) or (bool(COLLECTIVE_END.search(m)) and not one_field))


def _starts_with_place(text: str) -> bool:
    found = places_in(text[:12])
    return bool(found) and found[0][0] == 0


ENUMERATOR_FIRST = frozenset("一二三四五六七八九十其首再最")
ENUMERATOR = re.compile(r"^(?:[一二三四五六七八九十]{1,3}是|其[一二三四五六七八九十]|首先|其次|再次|最后)")


LEVEL_OPENING = frozenset("省市县区镇乡各由")


TOLD_OPENING = re.compile(r"(?:必须|务必|要|须|应)?(?:责成|责令|要求|督促)")


def _clean(text: str, start: int) -> tuple[str, int, int]:
    """Trim punctuation/connectives around a list element, keeping its span exact."""
    end = start + len(text)
    while text and text[0] in STRIP_CHARS:
        text, start = text[1:], start + 1
    if text[:1] in ENUMERATOR_FIRST and (counted := ENUMERATOR.match(text)) and len(text) > counted.end() + 1:
        text, start = text[counted.end():], start + counted.end()     # "二是有关乡镇…": the point's count, then who
    if text[:1] == "即" and text[1:2] in LEVEL_OPENING:
        text, start = text[1:], start + 1       # "即县水务局牵头": namely (即墨区 is a place's name)
    for lead in ("由", "和", "及", "并"):
        if text.startswith(lead) and len(text) > 2 and not _starts_with_place(text):   # 和布克赛尔县…
            text, start = text[len(lead):], start + len(lead)
    if text[:3] in ("特别是", "尤其是") and len(text) > 4:
        text, start = text[3:], start + 3       # "特别是牵头单位要…": which of them, then who
    if (told := TOLD_OPENING.match(text)) and looks_like_unit(text[told.end():]):
        text, start = text[told.end():], start + told.end()     # "必须责成相关部门牵头": the body told, then its role
    by = text.find("由", 2)        # "建筑工地由市建设局": the work named before 由, then who does it
    if by > 0 and looks_like_unit(text[by + 1:]) and not looks_like_unit(text[:by]):
        text, start = text[by + 1:], start + by + 1
    role_noun = ROLE_NOUN.match(text)       # "包片单位县气象局": the unit's role, then the unit
    if role_noun and looks_like_unit(text[role_noun.end():]) and len(text) - role_noun.end() >= 3:
        text, start = text[role_noun.end():], start + role_noun.end()
    while text and text[-1] in STRIP_CHARS:
        text, end = text[:-1], end - 1
    if text.endswith(")") and (role := ROLE_BRACKET.search(text)) and looks_like_unit(text[:role.start()]):
        text, end = text[:role.start()], end - len(role.group())   # "各行业主管部门(督办单位)": its part, not its name
    # (not "其他部门和单位按职责分工…": the rest, told to help as their duties say, name no body)
    if (tail := AFTER_NAME.search(text)) and looks_like_unit(text[:tail.start()]) and not text.startswith(("其他", "其它")):
        text, end = text[:tail.start()], end - len(tail.group())     # "乡镇人民政府按职责分工", "物价局片区"
    return text, start, end


# What may follow a body's name in a list and is no part of it: how it works ("按职责分工") or its area ("林业局片区").
AFTER_NAME = re.compile(r"(?:(?:按|按照)(?:各自)?(?:职责|职能)(?:分工)?|(?<=[局委办所站队])(?:包抓)?片区)$")


# The part a unit plays in the matter, in brackets after its name: "各乡镇(责任单位)", "县应急局(督办单位)".
ROLE_BRACKET = re.compile(r"\((?:责任|主责|主办|承办|督办|配合|协办|监管|实施|挂牌|整改)(?:单位|部门)\)$")


# A place's Party committee and its government written as one: "各县市区党委政府", "园区党工委管委会" are two bodies,
# the second taking the place of the first (as "各县市区党委、政府" does).
PARTY_AND_GOVERNMENT = re.compile(r"(?<=[\u4e00-\u9fff])党(?:工)?委(?=(?:政府|管委会)$)")


_ROLE_WORD = r"(?:牵头|责任|配合|协办|主办|承办|参与|协作)"
ROLES_JOINED = re.compile(rf"^(\s*各?{_ROLE_WORD})(和|及|与)(?={_ROLE_WORD}(?:单位|部门)\s*$)")


# "各地各部门": the places and the departments, two classes (as "各地、各部门"); "各级各部门" is one, every level's.
PLACES_AND_DEPARTMENTS = re.compile(r"^各(?:地|地区|县区|区县|市县|县市区|乡镇)(?=各[\u4e00-\u9fff]{2,6}$)")


def _split_conjunctions(piece: str, start: int) -> list[tuple[str, int]]:
    """Split "市发改委和市财政局" but not "人力资源和社会保障局": both sides must be whole unit names."""
    if (pair := PARTY_AND_GOVERNMENT.search(piece) or PLACES_AND_DEPARTMENTS.search(piece)):
        return [(piece[:pair.end()], start), (piece[pair.end():], start + pair.end())]
    if (roles := ROLES_JOINED.match(piece)):
        # "各牵头和责任单位": two roles sharing their noun, as "牵头、责任单位" does
        return [(piece[:roles.start(2)], start), (piece[roles.end(2):], start + roles.end(2))]
    for m in CONJ_SPLIT.finditer(piece):
        left, right = piece[: m.start()], piece[m.end():]
        # (or a class with no body's ending: "各地和相关部门")
        if (STRONG_UNIT_END.search(left) or PLACE_OWNER_END.search(left) or CLASS_OWNER.match(left.strip())) \
                and looks_like_unit(right):
            return [(left, start)] + _split_conjunctions(right, start + m.end())
    return [(piece, start)]


# A parenthesis at the end of a list that states how to read it ("(排在第一位的为牵头单位,下同)") is a
# convention, never a unit; the extractor reads conventions from the whole text.
CONVENTION_NOTE = re.compile(r"\((?:[^()]|\([^()]*\))*(?:牵头|下同|为准|负责|排名|排序|第一|不再列出|以下均)"
                             r"(?:[^()]|\([^()]*\))*\)[。;]?\s*$")


# The same note inside the list, after the unit it speaks of: "县发改局(首位单位为牵头单位,下同)、县财政局". (a bare
# "(牵头)" marks its unit lead: that is no note)
CONVENTION_INSIDE = re.compile(r"\((?=[^()]*(?:下同|为准|首位|第一位|排名|排序|以下均|不再列出))[^()]{4,30}\)(?=[、,,])")

INNER_PARENS = re.compile(r"\([^()]*\)")
SQUARE_BRACKETS = str.maketrans("〔〕", "()")


def _delimiters(text: str) -> list[tuple[int, str]]:
    """List delimiters outside parentheses: "各县(市、区)政府" is one unit. Parenthesised parts are masked
    innermost first; after an unclosed "(" nothing is a delimiter. 〔〕 brackets a part as () do: 各县〔市、区〕政府."""
    masked = text.translate(SQUARE_BRACKETS)
    while "(" in masked:
        inner = INNER_PARENS.sub(lambda m: "x" * len(m.group()), masked)
        if inner == masked:
            cut = masked.index("(")
            masked = masked[:cut] + "x" * (len(masked) - cut)
            break
        masked = inner
    return [(m.start(), m.group()) for m in LIST_SPLIT.finditer(masked)] + [(len(text), ",")]


ZONE_END = re.compile(r"(?:开发区|高新区|新区|经济区|园区)$")
ZONE_BODY = re.compile(r"管委会|管理委员会|党工委|管委")
ZONE_KIND = re.compile(r"(?:经济技术开发区|高新技术产业开发区|经济开发区|高新区|工业园区|开发区|产业园区)$")
BRANCH_END = re.compile(r"(?:分局|支队|大队|中队|派出所|分院|分行|支行)$")
LEVEL_INSIDE = re.compile(r"[省市县区]")
GLUED_LEFT_END = re.compile(r"(?:局|委|办|厅|院|中心|公司|政府|集团)$")     # a body's own name, not 单位/部门


def _unglued(part: str, at: int) -> list[tuple[str, int]]:
    """Two units run together with no separator, the second opening on its level: "区财政局区税务局". A branch
    after its parent ("市公安局市区分局") is one body."""
    name = part.strip()
    if len(name) < 7 or not LEVEL_INSIDE.search(name, 3, len(name) - 2) or not STRONG_UNIT_END.search(name):
        return [(part, at)]
    lead = len(part) - len(part.lstrip())
    for i in range(3, len(name) - 2):
        left, right = name[:i], name[i:]
        # (the right side opens on a level, not on a place's own name such as 市区: "市公安局市区分局")
        if LEVEL_INSIDE.match(right) and GLUED_LEFT_END.search(left) and not BRANCH_END.search(right) \
                and looks_like_unit(left) and looks_like_unit(right) and not is_bare_place(right[:2]):
            return [(left, at + lead), (right, at + lead + i)]
    return [(part, at)]


def split_unit_list(text: str, offset: int = 0) -> list[Mention]:
    """Split an owner list into mentions, expanding shared parts ("市、兴隆台区编委办" → 市编委办, 兴隆台区编委办).
    A document asks the same list many times over (each reading of a clause, each ancestor's): the split is
    kept per text, and each call gets fresh mentions at its offset (callers may change them)."""
    return [m.moved(offset) for m in _split_at_zero(text)]


@lru_cache(maxsize=16384)
def _split_at_zero(text: str) -> tuple[Mention, ...]:
    """The split itself, spans from the list's start; shared by every call on the same text, so never handed out."""
    pieces: list[tuple[str, int, str]] = []   # (text, start, the delimiter that followed it)
    if (note := CONVENTION_NOTE.search(text)):
        text = text[:note.start()]
    # (a note after the first unit states the rule for the list: blanked, so the spans stay where they are)
    text = CONVENTION_INSIDE.sub(lambda m: " " * len(m.group()), text)
    pos = 0
    for at, delim in _delimiters(text):
        raw = text[pos:at]
        for part, st in _split_conjunctions(raw, pos):
            if len(part) < 7:
                pieces.append((part, st, "、"))
            else:
                pieces += [(piece, at, "、") for piece, at in _unglued(part, st)]
        if pieces:
            pieces[-1] = (*pieces[-1][:2], delim)
        pos = at + 1
    mentions: list[Mention] = []
    chain: list[Mention] = []          # elements joined by 、: a bare place borrows the body of a later one
    class_noun = None                  # the class a list closer names: "…城管等部门"
    levels, levelled = None, 0         # "市级和各县(市、区)X、Y部门": the levels, and where their fields start
    for part, st, delim in pieces:
        name, s, e = _clean(part, st)
        if not name:
            continue
        if not chain and levels is None and (pair := LEVEL_PAIR.match(name)) and pair.end() < len(name):
            levels, levelled = (pair.group(1), pair.group(2)), len(mentions)
            name, s = name[pair.end():], s + pair.end()
        star = STAR_MARK.match(name)
        if star:                              # "★区发改委、统计局": the starred unit leads
            name, s = name[star.end():], s + star.end()
        mention = Mention(name, s, e)
        mention.marked_lead = bool(star)
        if LEAD_MARK.search(name):
            mention.mention, mention.marked_lead = LEAD_MARK.sub("", name), True
        if (closer := OPEN_END.search(mention.mention)) and mention.mention != "等":
            class_noun = re.search(r"(?:部门|单位|机构)$", closer.group()) or class_noun
            rest = OPEN_END.sub("", mention.mention)
            mention.open_ended = True
            mention.mention = rest or mention.mention     # a list closer is never part of a name
        if mention.mention.startswith("各") and not mention.mention.startswith("各级") \
                and (len(mention.mention) > 2 or is_bare_place(mention.mention[1:])):   # (各级各部门 stays whole)
            mention.mention, mention.distributive = mention.mention[1:], True
        chain.append(mention)
        if delim != "、":
            _expand_chain(chain)
            mentions.extend(chain)
            chain = []
    _expand_chain(chain)
    mentions.extend(chain)
    _share_qualifier(mentions)
    _share_class_noun(mentions, class_noun.group() if class_noun else None)
    _share_owning_body(mentions)
    if levels:         # each field named at both levels: 市级公安部门, 各县(市、区)公安部门
        mentions[levelled:] = [Mention(level + m.mention, m.start, m.end, m.marked_lead, m.open_ended,
                                       level.startswith("各"))
                               for m in mentions[levelled:] for level in levels]
    return tuple(m for m in mentions if m.mention)


# Two levels sharing the fields listed after them: "市级和各县(市、区)市政、工商部门", "省、市两级" is not this.
LEVEL_PAIR = re.compile(r"((?:省|市|州|盟|县|区|旗)级?)(?:和|及|与)((?:各|有关|相关)?(?:县\(市、?区\)|县\(市\)区|县市区|县区|区县|县|区|乡镇)"
                        r"(?:级)?)")      # "市和有关区县农业部门": 市农业部门, 有关区县农业部门
# A place class with its alternatives in brackets, before a leading body named after it: "各县(市、区)、乡(镇)政府".
GENERIC_ALONE = re.compile(r"县\(市、?区\)|县\(市\)区|县市区|县区|区县|市县|县市|乡镇|镇街|街镇|(?:县|市|区|乡|镇|街道)\([^()]{1,8}\)")


FIELD_WORD = re.compile(r"^[\u4e00-\u9fff]{2,4}$")


def _share_class_noun(mentions: list[Mention], noun: str | None) -> None:
    """"公安、消防、安监部门", "工商、文体、住建、城管等部门": fields of work listed bare share the class noun
    the list ends in (公安部门, 消防部门 …), where every element is such a field or names it."""
    last = mentions[-1].mention if mentions else ""
    # (also companies named by their trade: "移动、联通、电信公司")
    noun = noun or (tail.group() if (tail := re.search(r"(?:部门|单位|公司)$", last)) and len(last) <= 6 else None)
    if not noun or len(mentions) < 2:
        return
    bare = [m for m in mentions if FIELD_WORD.match(m.mention) and not looks_like_unit(m.mention)
            and not is_bare_place(m.mention)]
    if not bare or any(not looks_like_unit(m.mention) and m not in bare for m in mentions):
        return
    for m in bare:
        m.mention += noun


ORGAN_CLASS = re.compile(r"(?:直属|工作|派出|组成|所属|相关|有关)?(?:部门|单位|机构)")      # a body's organs, not places
OWNING_BODY = re.compile(r"^([\u4e00-\u9fff]{1,8}?(?:政府|党委|委员会|管委会))各")


def _share_owning_body(mentions: list[Mention]) -> None:
    """"省政府各部门、各直属机构": a class after one named as a body's ("省政府各…") is that body's too."""
    for before, m in zip(mentions, mentions[1:]):
        if m.distributive and "各" in before.mention and (owner := OWNING_BODY.match(before.mention)) \
                and ORGAN_CLASS.fullmatch(m.mention):
            m.mention = owner.group() + m.mention


RELATIVE_PLACE = ("省", "市", "区", "县", "州")
# (市场监管局 is a bare body too: its 市 is 市场's, not a level)
BARE_BODY = re.compile(r"^(?:市场[^省市区县州]{0,6}|[^省市区县州]{1,8})(?:局|委|厅|办|委员会)$")
# A body that starts with a province's name (河南银保监局) is a named branch, not a bare body.
PROVINCE_NAMES = re.compile(r"^(?:北京|天津|上海|重庆|河北|山西|辽宁|吉林|黑龙江|江苏|浙江|安徽|福建|江西|山东|河南|湖北|湖南|广东|"
                            r"海南|四川|贵州|云南|陕西|甘肃|青海|台湾|内蒙古|广西|西藏|宁夏|新疆|香港|澳门)")


def starts_with_place(body: str) -> bool:
    """"哈尔滨铁路局" names its own place (哈尔滨), so a shared 省 does not carry to it."""
    from .places import place_stems
    return any(body[:n] in place_stems() for n in (2, 3, 4))


NAMED_BRANCH = re.compile(r"^[\u4e00-\u9fff]{2}(?:公安|税务|生态环境|环保|国土|规划|市场监管)?分局$")


def _inherit_place(chain: list[Mention]) -> None:
    """"省国税局、地税局": a bare body after a unit written with 省/市/区/县 belongs to the same level."""
    first = chain[0].mention if chain else ""
    # (an autonomous region's level is written whole: "自治区发展改革委、财政厅")
    level = "自治区" if first.startswith("自治区") else first[:1]
    if (level not in RELATIVE_PLACE and level != "自治区") or is_bare_place(first) or is_collective(first):
        return
    for m in chain[1:]:
        # (a branch named for its place, "台城公安分局", is that place's, not the list's level)
        if BARE_BODY.match(m.mention) and not m.distributive and not PROVINCE_NAMES.match(m.mention) \
                and not starts_with_place(m.mention) and not NAMED_BRANCH.match(m.mention):
            m.mention = level + m.mention


# The leading bodies of one place, listed together: "清丰县党委、政府", "开发区党工委、管委会" — the second names
# the same place's body.
LEADERSHIP = r"(?:人民政府|政府|党委|党工委|管委会|人大常委会|人大|政协|纪委监委|纪委)"
LEADERSHIP_OF = re.compile(rf"^(.+?){LEADERSHIP}$")
BARE_LEADERSHIP = re.compile(rf"^{LEADERSHIP}$")


def _share_leadership_place(chain: list[Mention]) -> dict[int, str]:
    """Returns, per unit that lent its place (by position), the further leading body it was paired with."""
    paired: dict[int, str] = {}
    for k, (before, m) in enumerate(zip(chain, chain[1:])):
        if BARE_LEADERSHIP.match(m.mention) and (owner := LEADERSHIP_OF.match(before.mention)):
            paired[k] = m.mention
            m.mention = owner.group(1) + m.mention
            m.distributive |= before.distributive
    return paired


def _share_named_place(chain: list[Mention]) -> None:
    """"普定县委、县政府", "遵义市委、市政府": after a unit of a named place, a unit written with that place's
    level alone (县政府, 市政府) is the same place's."""
    for before, m in zip(chain, chain[1:]):
        level = m.mention[:1]
        if level not in RELATIVE_PLACE or len(m.mention) < 3 or before.mention[:1] in RELATIVE_PLACE \
                or is_bare_place(m.mention) or m.distributive or is_collective(m.mention):
            continue
        place = _leading_place(before.mention[:8])
        if place and place.endswith(level) and len(place) > 1 and not starts_with_place(m.mention[1:]):
            m.mention = place + m.mention[1:]


@lru_cache(maxsize=65536)
def _leading_place(text: str) -> str | None:
    """The known place a name opens on ("普定县委" → 普定县), if it does."""
    from .places import places_in
    found = places_in(text)
    return found[0][1] if found and found[0][0] == 0 else None


ENTERPRISE = re.compile(r"(?:集团|公司)$")


# Two levels of place named as one class ("县区", "乡镇"): a run's bare place borrows the body after both.
LEVEL_CLASS = re.compile(r"^(?:县市区|县区|区县|市县|乡镇|镇街|街镇)")


# A zone kind that is no level of place: "人民大垸、荒湖管理区" are two 管理区 whose names the gazetteer lacks.
NAMED_ZONE = re.compile(r"^[\u4e00-\u9fff]{2,6}?((?:管理区|农场|林场|示范区|试验区|(?:旅游)?度假区|风景区|合作区)[\u4e00-\u9fff]{0,5})$")


# A class noun alone after one qualified as the ones concerned: "有关市政府、企业" is 有关企业, "相关部门、单位" 相关单位.
BARE_CLASS = re.compile(r"(?:企业|单位|部门|机构|学校|医院|社区|村|协会|商会)")


def _share_qualifier(mentions: list[Mention]) -> None:
    for before, m in zip(mentions, mentions[1:]):
        if (qualifier := re.match(r"(?:有关|相关)", before.mention)) and BARE_CLASS.fullmatch(m.mention):
            m.mention = qualifier.group() + m.mention


def _expand_chain(chain: list[Mention]) -> None:
    for m, donor in zip(chain, chain[1:]):      # "县(市、区)、乡(镇)政府", "县市区、乡级政府": both governments
        if GENERIC_ALONE.fullmatch(m.mention) and (body := re.search(rf"{LEADERSHIP}$", donor.mention)) \
                and (GENERIC_PLACE.match(donor.mention) or re.match(r"[乡镇县区市]级", donor.mention)
                     or re.fullmatch(rf"[县区市乡镇旗]{LEADERSHIP}", donor.mention)):     # "各市(县)、区政府"
            m.mention += body.group()
        # "各乡、镇人民政府": the township's body is the town's
        elif m.mention.lstrip("各") in ("乡", "镇") and (body := re.fullmatch(rf"(?:乡|镇)({LEADERSHIP})", donor.mention)):
            if m.mention.startswith("各"):
                m.mention, m.distributive, donor.distributive = m.mention[1:], True, True
            m.mention += body.group(1)
        elif (zone := NAMED_ZONE.match(donor.mention)) and re.fullmatch(r"[\u4e00-\u9fff]{2,6}", m.mention) \
                and not looks_like_unit(m.mention) and not is_bare_place(m.mention) and not is_collective(m.mention):
            m.mention += zone.group(1)
    paired = _share_leadership_place(chain)
    _share_named_place(chain)
    _inherit_place(chain)
    # A run of bare places shares the body of the unit after it (市、兴隆台区编委办), and what stands before
    # the run's first place covers them all: 各县、市、区政府 (every one), 相关市、县政府 (the ones concerned).
    distributive, shared = False, None
    # (before any place takes a body; "各地区" is every region, a class owner that borrows nothing: 各地区、各部门)
    # (nor "有关地区": the regions concerned, a class of their own beside 部门)
    bare = [is_bare_place(m.mention) and not (m.distributive and CLASS_OWNER.match("各" + m.mention))
            and not REGIONS_CONCERNED.fullmatch(m.mention) for m in chain]
    for i, m in enumerate(chain):
        if not bare[i]:
            if i and bare[i - 1] and not (shared and ENTERPRISE.search(m.mention)):   # lends the run its body
                m.distributive |= distributive
                if shared and not m.mention.startswith(shared.group()):
                    m.mention = shared.group() + m.mention
            distributive, shared = False, None
            continue
        if i == 0 or not bare[i - 1]:       # the run starts here
            distributive = m.distributive
            shared = re.match(r"^(?:相关|有关)", m.mention)
        else:
            m.distributive |= distributive
            if shared:
                m.mention = shared.group() + m.mention
        donor = next((d for d, b in zip(chain[i + 1:], bare[i + 1:]) if not b), None)
        if donor is None or COLLECTIVE_START.match(donor.mention.lstrip("各")):
            continue            # "崇川经济开发区、相关街道": a zone is a unit, 相关街道 lends it no body
        place, body = place_prefix(donor.mention)
        if (levels := LEVEL_CLASS.match(donor.mention)) and levels.end() < len(donor.mention):
            body = donor.mention[levels.end():]     # "市、县区农业农村局": the class 县区 is the place, not 县
        elif not place and m.mention in place_stems():      # "大连、沈阳海关": a city without its 市 before one
            stem = next((n for n in (4, 3, 2) if donor.mention[:n] in place_stems()), 0)
            body = donor.mention[stem:] if stem else body
        elif place and m.mention in place_stems() and place[-1] in "市县区州旗" and place[:-1] in place_stems():
            body = place[-1] + body     # "哈尔滨、黑河、绥芬河市政府": each city's 市政府, its level too
        # "区、县(市)政府": the bracket names the donor's place's alternatives (县 or 县级市), not the body's
        body = re.sub(r"^\([^()]{1,8}\)", "", body) if body else body
        if body and place and not m.mention.endswith("区") and (kind := ZONE_KIND.search(place)) and kind.start() > 0:
            body = kind.group() + body      # "临汾、侯马、洪洞经济开发区管委会": each place's zone and its committee
        # (the places concerned lend no company: "各相关区、市水投集团" is those districts and one company)
        if body and not (ZONE_END.search(m.mention) and not ZONE_BODY.fullmatch(body)) \
                and not (shared and ENTERPRISE.search(body)):
            m.mention += body       # (a zone is a body itself: it borrows only a zone's body, 管委会)
    _pair_run_bodies(chain, paired)


def _pair_run_bodies(chain: list[Mention], paired: dict[int, str]) -> None:
    """"昆区、青山区、九原区党委和政府": the places before the one that names both bodies have both too. Runs
    after the run's places took the first body (``_expand_chain``), so each adds its second beside it."""
    for k in sorted(paired, reverse=True):
        donor = chain[k]
        body = LEADERSHIP_OF.match(donor.mention)
        if body is None:
            continue
        first = donor.mention[len(body.group(1)):]
        j = k
        while j > 0 and chain[j - 1].mention.endswith(first) and is_bare_place(chain[j - 1].mention[:-len(first)]):
            j -= 1
        for m in reversed(chain[j:k]):
            place = m.mention[:-len(first)]
            chain.insert(chain.index(m) + 1, Mention(place + paired[k], m.start, m.end, distributive=m.distributive))


@lru_cache(maxsize=1)
def alias_table() -> dict[str, str]:
    """abbreviation or full body → full body, from data/unit_aliases.tsv."""
    table: dict[str, str] = {}
    lines = resources.files("loaders").joinpath("data/unit_aliases.tsv").read_text(encoding="utf-8").splitlines()
    for line in lines:
        if not line.strip() or line.startswith("#"):
            continue
        full, _, abbrevs = line.partition("\t")
        table[full] = full
        for a in abbrevs.split("|"):
            if a:
                table.setdefault(a, full)
    return table


def full_body(body: str) -> str:
    table = alias_table()
    if body in table:
        return table[body]
    for abbrev in sorted((a for a in table if body.endswith(a) and len(a) >= 3), key=len, reverse=True):
        return body[: -len(abbrev)] + table[abbrev]
    return body


def resolve_place(prefix: str, doc_place: str | None) -> str | None:
    """Qualify a relative place by the document's own: "市" in a 盘锦市 document is 盘锦市."""
    if not prefix:
        return doc_place
    if prefix in ("市", "州", "县", "区", "旗"):
        if doc_place and doc_place.endswith(prefix):
            return doc_place
        city = city_of(doc_place)
        return city if prefix == "市" and city else None
    city = city_of(doc_place)
    if city and not prefix.startswith(city) and prefix[-1] in "区县旗" and prefix != doc_place \
            and not prefix.endswith("市"):
        return city + prefix   # a district unit under its city
    return prefix


def city_of(place: str | None) -> str | None:
    if not place:
        return None
    m = re.match(rf"[{HAN}]{{1,10}}?(?:市|自治州|州|盟)", place)
    return m.group() if m else None


# A unit naming itself: "我局将…", "本委已…", "我公司所辖小区…" (a reply's or a bureau's own plan).
# (我司: a company's or a ministry department's word for itself; 我们: a reply's, whatever the body)
SELF_REFERENCE = re.compile(r"(?:我|本)(局|委|办|厅|院|中心|公司|单位|部门|站|所|处|室|队|集团|街|镇|乡|司)|我们")
# A government's word for itself: "我区已将该路段纳入…规划" in a district government's reply (a bureau's 我市 is its
# city, not itself).
PLACE_SELF_REFERENCE = re.compile(r"我(区|县|市|州|旗)(?![一-鿿]{0,2}(?:局|委|办|厅))")


def self_named(mention: str, issuer: str | None) -> str | None:
    """The issuer a self-reference stands for, when the issuer is of its kind (我局 in a 交通运输局's reply; 我单位
    for any issuer), else None: an unnamed self is one document's, never one node across the archive."""
    m = SELF_REFERENCE.fullmatch(mention) or PLACE_SELF_REFERENCE.fullmatch(mention)
    if m is None or not issuer:
        return None
    kind = m.group(1)
    if kind == "司":
        return issuer if re.search(r"公司|司$", issuer) else None
    return issuer if kind is None or kind in ("单位", "部门") or kind in issuer[-len(kind) - 4:] else None


@lru_cache(maxsize=65536)    # pure (the alias table is fixed): unit names repeat across items and documents
def canonical(mention: str, doc_place: str | None) -> tuple[str, str | None]:
    """(canonical name, jurisdiction) of a mention: one node across documents."""
    bare = mention.lstrip("各")
    if is_collective(mention):
        if bare[:1] in ("市", "县", "区") and not GENERIC_PLACE.match(bare):
            place = resolve_place(bare[0], doc_place)        # "市直各部门" → 盘锦市 + 直各部门
            return f"{place or bare[0]}{bare[1:]}", place
        prefix, body = place_prefix(bare)
        if prefix and body and not GENERIC_PLACE.match(bare):
            place = resolve_place(prefix, doc_place)
            return f"{place}{body}", place
        return f"{doc_place or ''}{bare}", doc_place
    party = "中共" if bare.startswith("中共") else ""
    prefix, body = place_prefix(bare)
    if not body:          # the mention is a place itself ("双台子区")
        place = resolve_place(prefix, doc_place) if prefix else None
        return (place or bare), place
    place = resolve_place(prefix, doc_place) if prefix else None
    return f"{party}{place or prefix}{full_body(body)}", place
