"""Owner cells on lines of their own: a table flattened one cell per line, read item by item.

When a table with one owner column is flattened, each numbered task is followed by its owner cell (a bare
list of units, no label) and often its time-limit cell (a bare date or period):
    责任单位                         ← the column header, alone on its line
    2.落实设备购置补贴……。
    市经信局、市财政局等,各县、市、区政府
    2020年12月
A careful reader reads the unit line as the owner column's cell and the date line as the time limit, even
where the header row is broken across lines so that the columns cannot be rebuilt (flat_tables).

A table copied out of a PDF keeps each row's cells on a line, space-separated, under a header row of
space-separated words ("2019 年目标任务 牵头单位 备注"); the owner cell is then the units ending a line of
the row, after the task text's full stop ("…发放救助金. 自治区民政厅 ―"), a name the PDF broke with a space
("自治区人力资 源社会保障厅") whole again.
"""
from __future__ import annotations

import re

from .structure import Item, line_spans
from .tables import cells_owners, column_role
from .units import all_units, split_unit_list

# The owner column's header: a role label alone on a line (or in a bar cell).
OWNER_HEADER = re.compile(r"^[|\s]*((?:牵头|责任|主责|主办|承办|配合|协办)(?:单位|部门))[|\s]*$", re.M)
# A header row naming one owner column among others (项目名称, 目标任务, 备注…), its words space-separated or, where
# a reader lost the gaps, run together ("2019 年目标任务牵头单位备注"): a line with no sentence punctuation.
HEADER_ROW_LABEL = re.compile(r"((?:牵头|责任|主责|主办|承办|配合|协办)(?:单位|部门))")
HEADER_ROW_WORD = re.compile(r"序号|项目名称|名称|目标任务|工作任务|主要任务|工作内容|主要内容|备注|完成时限|时限|进度")
# A row line's owner cell: units after the task's full stop, a dash for an empty cell after them.
ROW_TAIL = re.compile(r"[.。;]\s*([\u4e00-\u9fff()][\u4e00-\u9fff() 、,]{1,60}?)(?:\s+[―—\-])?\s*$")
# A time-limit cell: a date or period alone on its line (2020年12月, 6月底前, 长期坚持).
PERIOD_CELL = re.compile(r"^\s*(?:(?:19|20)\d{2}\s*年)?\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?(?:底|上旬|中旬|下旬|末)?前?\s*$"
                         r"|^\s*(?:(?:19|20)\d{2}\s*年)(?:底|年底|上半年|下半年)?前?\s*$|^\s*(?:长期坚持|持续推进|长期推进)\s*$")


def bare_owner_cells(text: str, items: list[Item]) -> None:
    """Give each unowned item the unit line (and date line) that ends its text, when the document has
    exactly one owner column (its role is the line's role)."""
    headers = {m.group(1) for m in OWNER_HEADER.finditer(text)}
    headers |= {m.group(1) for line in text.splitlines()
                if len(line) <= 80 and not re.search(r"[。,;:]", line) and HEADER_ROW_WORD.search(line)
                for m in HEADER_ROW_LABEL.finditer(line)}
    if len(headers) != 1:
        return
    role = column_role(headers.pop())
    if role not in ("lead", "responsible", "assist"):
        return
    for item in items:
        if item.owners is not None:
            continue
        cells = _trailing_cells(text, item, role)
        if cells:
            spec, _ = cells_owners(cells)
            if not spec.empty:
                item.owners = spec


def _trailing_cells(text: str, item: Item, role: str) -> list:
    """The owner line after the item's first line (before its first numbered child), and the period line
    right after it."""
    lines = [(pos, line) for pos, line in line_spans(text[item.start:item.own_end]) if line.strip()]
    for k, (pos, line) in enumerate(lines[1:], 1):
        stripped = line.strip().rstrip("|│ ")      # "市府办 县(市、区)政府 |": a cell closed by its bar
        if stripped.endswith((":", "。", ";")) or len(stripped) > 80 or OWNER_HEADER.fullmatch(stripped):
            continue        # (the column's own header, "责任单位" alone on its line, is no cell of it)
        if tail := _row_tail(item.start + pos, line, role):
            return [tail]
        mentions = split_unit_list(stripped, 0)
        if not mentions or not all_units(mentions):
            continue
        at = item.start + pos + line.index(stripped)
        cells = [(role, stripped, list(range(at, at + len(stripped))))]
        if k + 1 < len(lines) and PERIOD_CELL.match(lines[k + 1][1]):
            npos, nline = lines[k + 1]
            period = nline.strip()
            pat = item.start + npos + nline.index(period)
            cells.append(("deadline", period, list(range(pat, pat + len(period)))))
        return cells
    return []


def _row_tail(at: int, line: str, role: str):
    """The owner cell ending a row's line ("…发放救助金. 自治区民政厅"), its characters' positions kept where
    a space the PDF put inside a name is dropped."""
    m = ROW_TAIL.search(line)
    if not m:
        return None
    keep = [k for k in range(m.start(1), m.end(1))
            if not (line[k] == " " and 0 < k and "\u4e00" <= line[k - 1] <= "\u9fff" and "\u4e00" <= line[k + 1] <= "\u9fff")]
    cell = "".join(line[k] for k in keep)
    mentions = split_unit_list(cell, 0)
    if " " in cell or not mentions or not all_units(mentions):
        return None
    return (role, cell, [at + k for k in keep])
