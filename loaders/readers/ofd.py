"""OFD (GB/T 33190, the e-document format of 党政机关电子公文): the text of its pages in reading order.

An OFD is a zip: OFD.xml names the document root and its DocInfo (title, author, date); Document.xml lists
the pages; each page's Content.xml holds TextObjects, each with a Boundary (x y w h, in mm) and TextCode runs
at X/Y inside it. Real writers emit one object per run or even per character, in any order, so the text is
rebuilt as a reader sees the page: objects sorted by baseline, those on one baseline joined left to right
(a wide gap between them is a column gap, kept as a tab), lines top to bottom, pages in the listed order.
"""
from __future__ import annotations

import posixpath
import re

from loaders.source import UnreadableDocument

from .common import despaced, one_line, open_zip, reflow

MAX_PAGES = 5_000


def read_ofd(path: str, raw: bytes) -> tuple[str, str]:
    with open_zip(path, raw, "ofd") as zf:
        names = set(zf.namelist())
        if "OFD.xml" not in names:
            raise UnreadableDocument(path, "corrupt ofd: OFD.xml is missing")
        try:
            root = _xml(zf.read("OFD.xml"))
            doc_root = _text_of(root, "DocRoot").lstrip("/")
            title = _text_of(root, "Title")
            document = _xml(zf.read(doc_root))
            base = posixpath.dirname(doc_root)
            pages = [_resolve(base, p.get("BaseLoc", "")) for p in _all(document, "Page")]
            if len(pages) > MAX_PAGES:
                raise UnreadableDocument(path, f"ofd has too many pages ({len(pages)} > {MAX_PAGES})")
            placed = []
            for page in pages:
                if page in names:
                    placed += _page_lines(_xml(zf.read(page)))
            lines = reflow(placed)
        except UnreadableDocument:
            raise
        except Exception as exc:
            raise UnreadableDocument(path, f"corrupt ofd: {one_line(exc)}") from None
    if title and not any(title in line for line in lines[:5]):
        lines.insert(0, title)            # DocInfo's title, when the pages do not print it at the top
    return "\n".join(lines), "ofd"


def _xml(data: bytes):
    from lxml import etree

    # no DTDs, no entities, no network: an OFD is plain XML, and a hostile one gets nothing from us
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
    return etree.fromstring(data, parser)


def _local(tag) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _all(root, name: str):
    return [el for el in root.iter() if _local(el.tag) == name]


def _text_of(root, name: str) -> str:
    found = _all(root, name)
    return (found[0].text or "").strip() if found else ""


def _resolve(base: str, loc: str) -> str:
    return posixpath.normpath(loc.lstrip("/") if loc.startswith("/") else posixpath.join(base, loc))


def _numbers(value: str | None) -> list[float]:
    return [float(v) for v in re.findall(r"-?\d+(?:\.\d+)?", value or "")]


def _page_lines(page) -> list[str]:
    runs = []      # (baseline y, x, end x, size, text)
    for obj in _all(page, "TextObject"):
        box = _numbers(obj.get("Boundary")) + [0, 0, 0, 0]
        size = (_numbers(obj.get("Size")) or [box[3] or 3.5])[0]
        codes = _all(obj, "TextCode")
        for code in codes:
            text = code.text or ""
            if not text.strip():
                continue
            x = box[0] + (_numbers(code.get("X")) or [0])[0]
            y = box[1] + (_numbers(code.get("Y")) or [0])[0]
            end = box[0] + box[2] if len(codes) == 1 and box[2] else x + len(text) * size
            runs.append((y, x, end, size, text))
    runs.sort(key=lambda r: (r[0], r[1]))
    lines, current, baseline = [], [], None
    for run in runs:
        if baseline is not None and abs(run[0] - baseline) > run[3] * 0.5:
            lines.append(_placed(current))
            current = []
        if not current:
            baseline = run[0]
        current.append(run)
    if current:
        lines.append(_placed(current))
    return lines


def _placed(runs) -> tuple[str, float, float]:
    """A line's text, where it ends on the page, and its character size."""
    return _join(runs), max(r[2] for r in runs), max(r[3] for r in runs)


def _join(runs) -> str:
    runs = sorted(runs, key=lambda r: r[1])
    out, end = "", None
    for _, x, run_end, size, text in runs:
        if end is not None and x - end > size * 2:
            out += "\t"                    # a column gap: a table row's cells
        elif end is not None and x - end > size * 0.5 and out[-1:] != " " and text[:1] != " ":
            out += " "                     # a word gap: the units of a list, the cells of a narrow table
        out += text
        end = max(end or run_end, run_end)
    return despaced(out)
