"""Spreadsheet ledgers (.xlsx, .xls, .et, .csv): every sheet as a table, one line a row, cells between bars.

The 整改台账 is a table whose header names its columns (序号, 整改任务, 牵头单位, 责任领导, 完成时限 …);
the bar-table grammar of the text extractor reads it like any other table, so columns are mapped to roles
by the same owner-label grammar. What a clerk reads off the sheet is kept in the text: a merged title row is
a title line; a cell merged down over several rows (one lead unit for a group of tasks) belongs to each row
it spans; a header in two rows (责任单位 over 牵头 | 配合) is one header. python-calamine reads every format
(.et is WPS's, written as xls or xlsx bytes), so no format sniffing is ours.
"""
from __future__ import annotations

import csv
import datetime as dt
import io

from loaders.source import UnreadableDocument

from .common import decode, one_line

MAX_CELLS = 2_000_000        # a ledger is thousands of cells; a sheet past this is refused, not read for minutes


def read_sheet(path: str, raw: bytes) -> tuple[str, str]:
    kind = path.rsplit(".", 1)[-1].lower()
    sheets = _csv_sheets(path, raw) if kind == "csv" else _workbook_sheets(path, raw, kind)
    blocks = []
    for name, rows in sheets:
        lines = _table_lines(rows)
        if lines:
            blocks.append(([f"【工作表:{name}】"] if len(sheets) > 1 else []) + lines)
    if not blocks:
        raise UnreadableDocument(path, f"no text in any sheet of the {kind} file")
    if not any(_is_header(line) for block in blocks for line in block):
        raise UnreadableDocument(path, f"no table header in the {kind} file: no row names its columns "
                                       f"(任务/问题, 牵头单位/责任单位, 完成时限 …)")
    return "\n\n".join("\n".join(block) for block in blocks), kind


def _workbook_sheets(path: str, raw: bytes, kind: str) -> list[tuple[str, list[list[str]]]]:
    from python_calamine import CalamineWorkbook

    try:
        book = CalamineWorkbook.from_filelike(io.BytesIO(raw))
        sheets = []
        cells = 0
        for name in book.sheet_names:
            sheet = book.get_sheet_by_name(name)
            cells += sheet.total_height * sheet.total_width
            if cells > MAX_CELLS:
                raise UnreadableDocument(path, f"{kind} too large: over {MAX_CELLS:,} cells")
            rows = [[_cell_text(v) for v in row] for row in sheet.to_python()]
            _fill_merged(rows, sheet.merged_cell_ranges or [])
            sheets.append((name, rows))
        return sheets
    except UnreadableDocument:
        raise
    except Exception as exc:
        raise UnreadableDocument(path, f"corrupt {kind}: {one_line(exc)}") from None


def _csv_sheets(path: str, raw: bytes) -> list[tuple[str, list[list[str]]]]:
    decoded = decode(raw)
    if decoded is None:
        raise UnreadableDocument(path, "binary content, not a CSV text file")
    text = decoded[0].lstrip("\ufeff")
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",\t;|")
    except csv.Error:
        dialect = csv.excel
    return [("csv", [[_cell_text(c) for c in row] for row in csv.reader(io.StringIO(text), dialect)])]


def _cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return f"{value.year}年{value.month}月{value.day}日"
    # a wrapped line inside a cell is a space (units one per line stay apart); a bar is no cell boundary
    return " ".join(str(value).replace("|", "|").split())


def _fill_merged(rows: list[list[str]], ranges) -> None:
    """A cell merged down belongs to each row it spans; a cell merged across one row (a title, a group
    header) stays once, in its first column."""
    for (r0, c0), (r1, c1) in ranges:
        if r1 == r0 or r0 >= len(rows) or c0 >= len(rows[r0]):
            continue
        value = rows[r0][c0]
        for r in range(r0 + 1, min(r1, len(rows) - 1) + 1):
            for c in range(c0, min(c1, len(rows[r]) - 1) + 1):
                if not rows[r][c]:
                    rows[r][c] = value


def _table_lines(rows: list[list[str]]) -> list[str]:
    from loaders.tables import column_role

    width = max((max((i + 1 for i, c in enumerate(row) if c), default=0) for row in rows), default=0)
    lines = []
    k = 0
    while k < len(rows):
        row = (rows[k] + [""] * width)[:width]
        filled = [c for c in row if c]
        if not filled:
            k += 1
            continue
        if len(filled) == 1:
            lines.append(filled[0])           # a title, a section row, a note under the table
            k += 1
            continue
        below = (rows[k + 1] + [""] * width)[:width] if k + 1 < len(rows) else None
        if below and _sub_header(row, below, column_role):
            # "责任单位" over "牵头 | 配合": each column is named by its lower cell where it has one
            row = [lo if lo else up for up, lo in zip(row, below)]
            k += 1
        lines.append("| " + " | ".join(row) + " |")     # closed at both ends: an empty last cell stays a cell
        k += 1
    return lines


def _is_header(line: str) -> bool:
    from loaders.tables import column_role

    return " | " in line and sum(column_role(c.strip(" |")) is not None for c in line.split(" | ")) >= 2


def _sub_header(row: list[str], below: list[str], column_role) -> bool:
    roles = [column_role(c) for c in row if c]
    lower = [c for c in below if c]
    return (sum(r is not None for r in roles) >= 2 and bool(lower)
            and all(column_role(c) is not None and len(c) <= 8 for c in lower))
