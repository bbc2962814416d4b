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


@dataclass
class Person:
    name: str
    title: str | None
    start: int
    end: int
    label: str | None = None     # how the document named the part: 责任领导, 分管领导, 责任人 …


def split_person_list(text: str, offset: int = 0, label: str | None = None) -> list[Person]:
    """Names in a person label's value, each with the title the text gives it."""
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
