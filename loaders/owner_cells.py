"""Owner cells on lines of their own: a table flattened one cell per line, read item by item.

When a table with one owner column is flattened, each numbered task is followed by its owner cell (a bare
list of units, no label) and often its time-limit cell (a bare date or period):
    责任单位                         ← the column header, alone on its line
    2.落实设备购置补贴……。
    市经信局、市财政局等,各县、市、区政府
    2020年12月
A careful reader reads the unit line as the owner column's cell and the date line as the time limit, even
where the header row is broken across lines so that the columns cannot be rebuilt (flat_tables).
"""
from __future__ import annotations

import re

from .structure import Item, line_spans
from .tables import cells_owners, column_role
from .units import all_units, split_unit_list

# The owner column's header: a role label alone on a line (or in a bar cell).
OWNER_HEADER = re.compile(r"^[|\s]*((?:牵头|责任|主责|主办|承办|配合|协办)(?:单位|部门))[|\s]*$", re.M)
# A time-limit cell: a date or period alone on its line (2020年12月, 6月底前, 长期坚持).
PERIOD_CELL = re.compile(r"^\s*(?:(?:19|20)\d{2}\s*年)?\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?(?:底|上旬|中旬|下旬|末)?前?\s*$"
                         r"|^\s*(?:(?:19|20)\d{2}\s*年)(?:底|年底|上半年|下半年)?前?\s*$|^\s*(?:长期坚持|持续推进|长期推进)\s*$")


def bare_owner_cells(text: str, items: list[Item]) -> None:
    """Give each unowned item the unit line (and date line) that ends its text, when the document has
    exactly one owner column (its role is the line's role)."""
    headers = {m.group(1) for m in OWNER_HEADER.finditer(text)}
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
        stripped = line.strip()
        if stripped.endswith((":", "。", ";")) or len(stripped) > 80:
            continue
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
