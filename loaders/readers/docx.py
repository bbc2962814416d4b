"""Word .docx: paragraphs and tables in document order, a table row a line with tabs between cells."""
from __future__ import annotations

import io

from loaders.source import UnreadableDocument

from .common import one_line, open_zip


def read_docx(path: str, raw: bytes) -> tuple[str, str]:
    with open_zip(path, raw, "docx") as zf:
        infos = zf.infolist()
    if "word/document.xml" not in {i.filename for i in infos}:
        raise UnreadableDocument(path, "corrupt docx: word/document.xml is missing")
    try:
        import docx

        body = docx.Document(io.BytesIO(raw)).element.body
        return "\n".join(_docx_lines(body)), "docx"
    except Exception as exc:
        raise UnreadableDocument(path, f"corrupt docx: {one_line(exc)}") from None



_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"


def _docx_lines(container) -> list[str]:
    """Lines of a body, table cell or content control, paragraphs and tables in document order."""
    lines: list[str] = []
    for child in container.iterchildren():
        if child.tag == _W + "p":
            lines.append(_docx_paragraph_text(child))
        elif child.tag == _W + "tbl":
            lines.extend(_docx_table_rows(child))
        elif child.tag in (_W + "sdt", _W + "sdtContent", _W + "customXml"):
            lines.extend(_docx_lines(child))
    return lines


def _docx_table_rows(tbl) -> list[str]:
    """One tab-separated line per row, one field per grid column.

    A cell spanning columns is followed by empty fields so columns stay
    aligned with the header; a cell spanning rows repeats its text in each
    row it covers, so every row carries its own values (e.g. a shared 牵头单位).
    """
    rows = []
    above: dict[int, str] = {}  # grid column -> text of the vertically merged cell started there
    for tr in tbl.iterchildren(_W + "tr"):
        # Rows may start after skipped grid columns (w:gridBefore).
        fields: list[str] = [""] * _int_attr(tr.find(f"{_W}trPr/{_W}gridBefore"), default=0)
        for tc in tr.iter(_W + "tc"):
            if next(tc.iterancestors(_W + "tr"), None) is not tr:
                continue  # a nested table's cell: part of its outer cell's text
            col = len(fields)
            span = _int_attr(tc.find(f"{_W}tcPr/{_W}gridSpan"), default=1)
            vmerge = tc.find(f"{_W}tcPr/{_W}vMerge")
            # A cell's paragraphs join into one field so the row stays on one line.
            text = " ".join(line.strip() for line in _docx_lines(tc) if line.strip())
            if vmerge is not None and vmerge.get(_W + "val", "continue") == "continue":
                text = above.get(col, text)
            elif vmerge is not None:
                above[col] = text
            else:
                above.pop(col, None)
            fields += [text] + [""] * max(0, span - 1)
        rows.append("\t".join(fields))
    return rows


def _int_attr(el, default: int) -> int:
    try:
        return max(0, int(el.get(_W + "val"))) if el is not None else default
    except (TypeError, ValueError):
        return default


def _docx_paragraph_text(el) -> str:
    # Not python-docx's Paragraph.text: that misses tracked insertions, fields
    # and content controls inside the paragraph.
    parts: list[str] = []
    for child in el.iterchildren():
        tag = child.tag
        if tag == _W + "t":
            parts.append(child.text or "")
        elif tag == _W + "tab":
            parts.append("\t")
        elif tag in (_W + "br", _W + "cr"):
            parts.append("\n")
        elif tag == _W + "p":  # a paragraph in a text box inside this one
            parts.append("\n" + _docx_paragraph_text(child))
        elif tag == _W + "noBreakHyphen":
            parts.append("-")
        elif tag in (_W + "del", _W + "delText", _MC_FALLBACK, _W + "instrText", _W + "pPr", _W + "rPr"):
            continue  # deleted text, duplicate fallback content, field codes, formatting
        elif isinstance(tag, str):
            parts.append(_docx_paragraph_text(child))
    return "".join(parts)
