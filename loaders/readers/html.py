"""Web pages: the article's text (trafilatura where it finds one, else the page's own blocks), tables as rows."""
from __future__ import annotations

import re

from loaders.source import UnreadableDocument

from .common import CJK as _CJK, decode, looks_binary


def read_html(path: str, raw: bytes) -> tuple[str, str]:
    decoded = decode(raw, declared=_declared_charset(raw))
    if decoded is None or looks_binary(decoded[0]):
        raise UnreadableDocument(path, "binary content, not an HTML page")
    html, encoding = decoded
    try:
        return _html_text(html.lstrip("\ufeff")), encoding
    except TooDeep as exc:
        raise UnreadableDocument(path, str(exc)) from None


_META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]+)", re.I)


def _declared_charset(raw: bytes) -> str | None:
    m = _META_CHARSET.search(raw[:8192])
    return m.group(1).decode("ascii") if m else None


# Below this many characters trafilatura's result is unreliable (it tends to
# merge navigation into the article), so the tag-based extraction is used.
_MIN_ARTICLE_CHARS = 250

_BOILERPLATE_LINE = re.compile(r"copyright|©|版权所有|ICP备|公网安备|网站标识码|网站地图", re.I)


INLINE_TAG = re.compile(r"</?(?:font|span|b|i|u|em|strong|small|big|strike|s|tt|ins|del|mark)(?:\s[^>]*)?/?>", re.I)


class TooDeep(ValueError):
    pass


def _html_text(html: str) -> str:
    import lxml.html

    html = re.sub(r"^\s*<\?xml[^>]*>", "", html)  # lxml refuses str input with an XML encoding declaration
    if not html.strip():
        return ""
    # Dropping comments at parse time keeps the text around them joined;
    # huge_tree lifts libxml2's depth limit of 256, which old pages full of
    # unclosed <font> tags exceed (the rest of the page would silently vanish).
    # Presentational inline tags carry no structure; pages nest thousands of them unclosed, past even
    # huge_tree's depth limit of 2,048, so they go before parsing.
    html = INLINE_TAG.sub("", html)
    parser = lxml.html.HTMLParser(remove_comments=True, remove_pis=True, huge_tree=True)
    tree = lxml.html.fromstring(html, parser=parser)
    if any(e.type_name == "ERR_RESOURCE_LIMIT" for e in parser.error_log):
        raise TooDeep("HTML nested deeper than libxml2 reads (2,048 levels): the text past that depth "
                      "cannot be read, so the page is refused rather than read in part")
    heading = _first_heading(tree)
    try:
        # trafilatura prunes the tree it is given, so it gets its own copy.
        article = _trafilatura_text(lxml.html.fromstring(html, parser=parser))
    except Exception:  # a heuristic extractor's failure is no reason to refuse the page
        article = ""
    full = _render(tree, _HTML_TAGS)
    if len(article) < _MIN_ARTICLE_CHARS:
        article = full or article
    else:
        article = _article_region(full, article)
    if heading and heading not in article[: len(heading) + 200]:
        article = heading + "\n" + article  # trafilatura drops the article's <h1> headline
    lines = [ln for ln in article.splitlines() if ln and not (len(ln) < 120 and _BOILERPLATE_LINE.search(ln))]
    return "".join(ln + "\n" for ln in lines)


def _article_region(full: str, article: str) -> str:
    """The lines of the whole page from trafilatura's first article line to its last.

    trafilatura finds the article well but prunes inside it: short lines and repeated ones, which in a
    rectification document are the owner lines ("牵头单位:市营商办" five times). So it only marks where
    the article starts and ends; every line between is kept.
    """
    page = full.splitlines()
    marks = [ln.strip() for ln in article.splitlines() if len(ln.strip()) >= 8]
    if not marks:
        return article
    first = next((i for i, ln in enumerate(page) if ln.strip() == marks[0]), None)
    last = next((i for i in range(len(page) - 1, -1, -1) if page[i].strip() == marks[-1]), None)
    if first is None or last is None or last < first:
        return article
    return "\n".join(page[first:last + 1])


def _first_heading(tree) -> str:
    for h1 in tree.iter("h1"):
        text = " ".join("".join(h1.itertext()).split())
        if text:
            return text
    return ""


def _trafilatura_text(tree) -> str:
    import logging

    import trafilatura
    from lxml import etree

    logging.getLogger("trafilatura").setLevel(logging.ERROR)
    # XML output keeps paragraphs, list items and table cells apart, which
    # trafilatura's plain-text output flattens; extract() never fetches anything.
    xml = trafilatura.extract(
        tree,
        output_format="xml",
        include_comments=False,
        include_tables=True,
        favor_recall=True,
        with_metadata=False,
        include_links=False,
        include_images=False,
    )
    if not xml:
        return ""
    main = etree.fromstring(xml.encode("utf-8")).find("main")
    return _render(main, _TRAFILATURA_TAGS) if main is not None else ""


class _Tags:
    def __init__(self, blocks: str, rows: str, cells: str, breaks: str, skip: str):
        self.blocks, self.rows, self.cells = set(blocks.split()), set(rows.split()), set(cells.split())
        self.breaks, self.skip = set(breaks.split()), set(skip.split())


_TRAFILATURA_TAGS = _Tags("main p head item list quote code table", "row", "cell", "lb", "graphic comments")
_HTML_TAGS = _Tags(
    "html body address article aside blockquote center dd div dl dt fieldset figcaption figure form "
    "h1 h2 h3 h4 h5 h6 hr li main ol p pre section ul table tbody thead tfoot caption",
    "tr",
    "td th",
    "br",
    "head script style noscript template nav header footer iframe object svg button select option",
)
# class/id tokens of page chrome on government sites (navigation, breadcrumbs, footers).
_CHROME = re.compile(
    r"^(nav|navbar|menu|breadcrumbs?|crumbs?|footer|foot|copyright|header|sidebar|share)([-_].*)?$", re.I
)


def _render(root, tags: _Tags, flat: bool = False) -> str:
    """Block elements on their own lines, table rows as tab-separated cells.

    ``flat`` renders one table cell: its blocks are kept apart by spaces so the
    row stays on one line. The walk is iterative: badly nested old pages can
    be deeper than Python's recursion limit.
    """
    from lxml import etree

    out: list[str] = []
    brk = " " if flat else "\n"
    walker = etree.iterwalk(root, events=("start", "end"))
    for event, el in walker:
        kind = _kind(el, tags, flat)
        if event == "start":
            if kind in ("skip", "row"):
                walker.skip_subtree()  # its "end" still comes, for the tail
            if kind == "row":
                cells = [c for c in el.iter(*tags.cells) if next(c.iterancestors(*tags.rows), None) is el]
                out.append("\n" + "\t".join(_squash(_render(c, tags, flat=True)) for c in cells) + "\n")
            elif kind != "skip":
                out.append(brk if kind in ("block", "break") else "")
                out.append(_flow(el.text))
        else:
            if kind == "block":
                out.append(brk)
            if el is not root:
                out.append(_flow(el.tail))
    lines = (_squash(ln) for ln in "".join(out).split("\n"))
    return "".join(ln + "\n" for ln in lines if ln)


def _kind(el, tags: _Tags, flat: bool) -> str:
    tag = el.tag
    if tag in tags.skip or _is_chrome(el):
        return "skip"
    if tag in tags.breaks:
        return "break"
    if tag in tags.rows:
        # A layout table (one that nests tables) is read as plain blocks.
        return "block" if flat or next(el.iter("table"), None) is not None else "row"
    if tag in tags.blocks or tag in tags.cells:
        return "block"
    return "inline"


def _is_chrome(el) -> bool:
    tokens = f"{el.get('class') or ''} {el.get('id') or ''}".split()
    return any(_CHROME.match(t) for t in tokens)


_WS = re.compile(r"[ \t\n\r\f\v]+")
_SEGMENT_BREAK_CJK = re.compile(f"(?<=[{_CJK}])[ \t\r\f]*\n[ \t\r\n\f]*(?=[{_CJK}])")


def _flow(text: str | None) -> str:
    # Whitespace in HTML source is layout, not content; a source line break
    # between two Chinese characters is no space at all (CSS segment-break rule).
    if not text:
        return ""
    return _WS.sub(" ", _SEGMENT_BREAK_CJK.sub("", text))


def _squash(line: str) -> str:
    # Only spaces are collapsed: tabs here separate table cells.
    return _SPACE_AROUND_TAB.sub("\t", _SPACE_RUN.sub(" ", line.replace("\n", " "))).strip(" ")


_SPACE_RUN = re.compile(r" {2,}")
_SPACE_AROUND_TAB = re.compile(r" ?\t ?")
