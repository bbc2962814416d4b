"""Persons named as answering for an item: 责任领导:张三, 牵头负责领导:金力。, 责任人:李四(副局长).

A person is never a unit. Reads the folded text; offsets index the text shown to the user.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .units import STRONG_UNIT_END

# Titles written before or after a name: 副市长张三, 张三同志, 张三(副区长).
TITLE = re.compile(r"(?:常务|执行)?副?(?:省长|市长|州长|县长|区长|旗长|镇长|乡长|主任|书记|局长|部长|厅长|秘书长|主席|"
                   r"院长|检察长|组长|处长|科长|委员|总经理|董事长|调研员|巡视员|主任科员|干事|所长|站长|队长)")
NAME = re.compile(r"[\u4e00-\u9fff·]{2,4}")
NOT_NAME = re.compile(r"(?:领导|同志们|负责|单位|部门|各|相关|有关|分管|主要|班子|成员|全体|待定|暂无|无)")


# The common surnames (about 300 single and the usual compound ones cover nearly every name printed in these
# documents): a cell of a table is read as a person only if it reads as a name, so "扫黑除恶" is none.
SURNAMES = set(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖"
    "贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷"
    "詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司"
    "卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查"
    "麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阚花权强帅屠豆朴盖练廉禹井祖漆巴丰支卿国狄"
    "平计索宣晋相初门云容敬来扈晁芮都普阙浦戈伏鹿薄邸雍辜羊阿乌母裘亓修邰赫杭况那宿鲜印逯隆茹诸战慕危玉银亢嵇公哈湛宾戎勾茅利於呼"
    "居揭干但尉冶斯元束檀衣信展阴昝智幸奉植衡富尧闭由")
COMPOUND_SURNAMES = ("欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙", "宇文", "司徒", "夏侯",
                     "令狐", "端木", "独孤", "南宫", "西门", "呼延", "澹台", "万俟", "钟离", "申屠", "轩辕", "拓跋")


def reads_as_name(name: str) -> bool:
    """A surname, then one or two characters (a compound surname, then one or two)."""
    name = re.sub(r"\s+", "", name)
    if name.startswith(COMPOUND_SURNAMES):
        return 3 <= len(name) <= 4
    return name[:1] in SURNAMES and 2 <= len(name) <= 3


PADDED_NAME = re.compile(r"\s*([\u4e00-\u9fff])([^\S\n]{1,3})([\u4e00-\u9fff]{1,2})\s*")


@dataclass
class Person:
    name: str
    title: str | None
    start: int
    end: int
    label: str | None = None     # how the document named the part: 责任领导, 分管领导, 责任人 …


def split_person_list(text: str, offset: int = 0, label: str | None = None) -> list[Person]:
    """Names in a person label's value, each with the title the text gives it."""
    if (padded := PADDED_NAME.fullmatch(text)) and not NOT_NAME.search(padded.group(1) + padded.group(3)):
        # a two-character name padded to a table's width ("章  平"): one name, its span over the padding
        return [Person(padded.group(1) + padded.group(3), None, offset + padded.start(1), offset + padded.end(3), label)]
    people = []
    # "局长王小洪和副市长杨斌": 和 joins two persons where a title follows it
    for m in re.finditer(rf"(?:[^、,;/\s和]|和(?!{TITLE.pattern}))+", text):
        piece, at = m.group(), offset + m.start()
        piece_clean = piece.strip("。.:").lstrip("(")
        if piece_clean.endswith(")") and "(" not in piece_clean:
            piece_clean = piece_clean.rstrip(")")     # a bracket the list closes, not 张三(副市长)'s own
        if not piece_clean:
            continue
        at += piece.index(piece_clean[0])
        title = None
        inner = re.fullmatch(r"(.+?)\((.+)\)", piece_clean)
        name = piece_clean
        if inner:                      # 张三(副市长)
            name, title = inner.group(1), inner.group(2)
        t = TITLE.match(name)
        if t and len(name) - t.end() >= 2:      # 副市长张三
            title, at, name = t.group(), at + t.end(), name[t.end():]
        if not NAME.fullmatch(name) and (titles := list(TITLE.finditer(name))) \
                and 2 <= len(name) - titles[-1].end() <= 4:    # 公安局局长王小洪: the post, then the name
            title, at, name = name[:titles[-1].end()], at + titles[-1].end(), name[titles[-1].end():]
        name = re.sub(r"同志$", "", name)
        t = TITLE.search(name)
        if t and t.end() == len(name) and t.start() >= 2:   # 张三副市长
            title, name = t.group(), name[:t.start()]
        if NAME.fullmatch(name) and not NOT_NAME.search(name) and not STRONG_UNIT_END.search(name):
            people.append(Person(name, title, at, at + len(name), label))
    return people
