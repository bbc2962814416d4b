"""Read a document file into a ``SourceText``, or fail with one clear ``UnreadableDocument``.

Each reader returns the text a user is shown; ``read_document`` adds the
folded twin and the file's identity. No library exception escapes: every
failure becomes ``UnreadableDocument(path, reason)``.
"""
from __future__ import annotations

import codecs
import hashlib
import io
import os
import re
import zipfile
from collections.abc import Iterator

from loaders.source import SourceText, UnreadableDocument
from loaders.textfold import fold

SUPPORTED_SUFFIXES = {".txt", ".html", ".htm", ".docx", ".pdf"}

MAX_DOCX_UNPACKED = 200 * 1024 * 1024
# The largest file read at all. A rectification document is kilobytes to a few megabytes; a bigger file is
# refused from its size alone, before a byte is read, so memory stays bounded whatever is thrown at zeren.
MAX_FILE_BYTES = int(os.environ.get("ZEREN_MAX_FILE_MB", "64")) * 1024 * 1024
MAX_DOCX_MEMBERS = 10_000

_FORMATS = {".txt": "txt", ".html": "html", ".htm": "html", ".docx": "docx", ".pdf": "pdf"}

# Canonical codec names of GB-coded text (cp936, euc-cn ... resolve to these);
# GB18030 is their superset, so it decodes whatever they would, and more.
_GB_FAMILY = {"gb2312", "gbk", "gb18030", "hz"}

# BOMs longest first: UTF-32 LE's BOM starts with UTF-16 LE's.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


# ---------------------------------------------------------------- public API


def read_document(path: str | os.PathLike[str]) -> SourceText:
    """Read a .txt/.html/.htm/.docx/.pdf file; raise ``UnreadableDocument`` with a one-line reason."""
    shown = os.fspath(path)
    suffix = os.path.splitext(shown)[1].lower()
    if not os.path.exists(shown):
        broken = os.path.islink(shown)
        raise UnreadableDocument(shown, "broken link: its target does not exist" if broken else "file not found")
    if os.path.isdir(shown):
        raise UnreadableDocument(shown, "is a directory, not a document")
    if suffix not in _FORMATS:
        supported = ", ".join(sorted(SUPPORTED_SUFFIXES))
        raise UnreadableDocument(shown, f"unsupported file type {suffix or '(no suffix)'!r}; supported: {supported}")
    if not os.path.isfile(shown):  # reading a pipe would wait for a writer forever
        raise UnreadableDocument(shown, "not a regular file (a pipe, socket or device)")
    try:
        size = os.path.getsize(shown)
        if size > MAX_FILE_BYTES:
            raise UnreadableDocument(shown, f"file too large ({size // 2**20} MB; the limit is "
                                            f"{MAX_FILE_BYTES // 2**20} MB, set ZEREN_MAX_FILE_MB to change it)")
        with open(shown, "rb") as fh:
            raw = fh.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise UnreadableDocument(shown, f"cannot read file: {exc.strerror or exc}") from None
    if not raw:
        raise UnreadableDocument(shown, "empty file")

    fmt = _FORMATS[suffix]
    reader = {"txt": _read_txt, "html": _read_html, "docx": _read_docx, "pdf": _read_pdf}[fmt]
    try:
        text, encoding = reader(shown, raw)
    except UnreadableDocument:
        raise
    except Exception as exc:  # a library failed in a way we did not foresee: still one line
        raise UnreadableDocument(shown, f"cannot read {fmt}: {_one_line(exc)}") from None

    text = _normalise_newlines(text)
    if not text.strip():
        raise UnreadableDocument(shown, "no text in document")
    return SourceText(
        path=shown,
        format=fmt,
        encoding=encoding,
        sha256=hashlib.sha256(raw).hexdigest(),
        text=text,
        folded=fold(text),
    )


def iter_documents(paths: list[str]) -> Iterator[str]:
    """Yield given files as they are; walk given directories (sorted, recursive) for supported documents."""
    for path in paths:
        if os.path.isdir(path):
            yield from _walk(path)
        else:
            yield path  # even unsupported or missing: read_document reports it


# ------------------------------------------------------------------ helpers


def _walk(directory: str) -> Iterator[str]:
    try:
        entries = sorted(os.scandir(directory), key=lambda e: e.name)
    except OSError:
        return
    for entry in entries:
        name = entry.name
        if name.startswith(".") or name.startswith("~$"):  # hidden, or an Office lock file
            continue
        if entry.is_dir(follow_symlinks=False):
            yield from _walk(entry.path)
        elif os.path.splitext(name)[1].lower() in SUPPORTED_SUFFIXES:
            yield entry.path  # a pipe or a broken link too: read_document says why it is not read


def _normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _one_line(exc: BaseException) -> str:
    msg = " ".join(str(exc).split())
    return f"{type(exc).__name__}: {msg}" if msg else type(exc).__name__


# --------------------------------------------------------------- encodings


def _strict(raw: bytes, encoding: str) -> str | None:
    try:
        return raw.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def _decode(raw: bytes, declared: str | None = None) -> tuple[str, str] | None:
    """Decode bytes of unknown encoding; return (text, codec name) or None if it is not text.

    Order: BOM, strict UTF-8, a declared charset, then charset detection. UTF-8
    goes before detection because detectors misjudge short Chinese text, and
    Chinese GB bytes almost never happen to be valid UTF-8.
    """
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            text = _strict(raw, encoding)
            return (text, encoding) if text is not None else None
    if b"\x00" in raw:  # no BOM, so a NUL byte means binary content
        return None
    text = _strict(raw, "utf-8")
    if text is not None:
        return text, "utf-8"
    if declared:
        name = _codec_name(declared)
        if name:
            if name in _GB_FAMILY:
                name = "gb18030"
            text = _strict(raw, name)
            if text is not None:
                return text, name
    return _detect(raw)


def _codec_name(label: str) -> str | None:
    try:
        return codecs.lookup(label.strip()).name  # canonical: 'utf-8', 'gbk', 'big5', 'cp1252' ...
    except LookupError:
        return None


def _detect(raw: bytes) -> tuple[str, str] | None:
    from charset_normalizer import from_bytes

    matches = list(from_bytes(raw))
    if not matches:
        return None
    best = matches[0]
    # Short GB text often ties with Big5/Shift-JIS; these documents are
    # mainland Chinese, so a GB reading as good as the best one wins.
    for m in matches:
        if _codec_name(m.encoding) in _GB_FAMILY and m.chaos <= best.chaos + 1e-9:
            text = _strict(raw, "gb18030")
            if text is not None:
                return text, "gb18030"
    encoding = _codec_name(best.encoding) or best.encoding
    text = _strict(raw, encoding)
    return (text, encoding) if text is not None else None


def _looks_binary(text: str) -> bool:
    # Control characters other than tab/newline/CR/form feed are rare in real text.
    if not text:
        return False
    sample = text[:100_000]
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\t\n\r\f")
    return controls > len(sample) * 0.01


# ------------------------------------------------------------------- readers


def _read_txt(path: str, raw: bytes) -> tuple[str, str]:
    decoded = _decode(raw) or _decode_mixed(raw)
    if decoded is None or _looks_binary(decoded[0]):
        raise UnreadableDocument(path, "binary content, not a text file (undecodable or contains NUL bytes)")
    text, encoding = decoded
    return text.lstrip("\ufeff"), encoding


def _decode_mixed(raw: bytes) -> tuple[str, str] | None:
    """Text pasted together from UTF-8 and GBK files: each line in whichever of the two decodes it. None
    unless every line decodes one way or the other (random bytes do not)."""
    lines = []
    for line in raw.split(b"\n"):
        for encoding in ("utf-8", "gb18030"):
            try:
                lines.append(line.decode(encoding))
                break
            except UnicodeDecodeError:
                continue
        else:
            return None
    text = "\n".join(lines)
    han = sum("\u4e00" <= c <= "\u9fff" for c in text)
    return (text, "mixed utf-8/gb18030") if han >= len(text) // 4 else None


def _read_html(path: str, raw: bytes) -> tuple[str, str]:
    decoded = _decode(raw, declared=_declared_charset(raw))
    if decoded is None or _looks_binary(decoded[0]):
        raise UnreadableDocument(path, "binary content, not an HTML page")
    html, encoding = decoded
    return _html_text(html.lstrip("\ufeff")), encoding


def _read_docx(path: str, raw: bytes) -> tuple[str, str]:
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as zf:
            infos = zf.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError):
        raise UnreadableDocument(path, "corrupt docx: not a zip archive (truncated, or not a .docx)") from None
    # zipfile never inflates a member past its declared size, so checking the
    # declared sizes is enough to stop a zip bomb.
    if len(infos) > MAX_DOCX_MEMBERS:
        raise UnreadableDocument(path, f"docx archive has too many members ({len(infos)} > {MAX_DOCX_MEMBERS})")
    if sum(i.file_size for i in infos) > MAX_DOCX_UNPACKED:
        raise UnreadableDocument(path, "docx archive too large when unpacked (over 200 MB)")
    if "word/document.xml" not in {i.filename for i in infos}:
        raise UnreadableDocument(path, "corrupt docx: word/document.xml is missing")
    try:
        import docx

        body = docx.Document(io.BytesIO(raw)).element.body
        return "\n".join(_docx_lines(body)), "docx"
    except Exception as exc:
        raise UnreadableDocument(path, f"corrupt docx: {_one_line(exc)}") from None


def _read_pdf(path: str, raw: bytes) -> tuple[str, str]:
    import pdfplumber

    pages: list[str] = []
    try:
        with pdfplumber.open(io.BytesIO(raw)) as pdf:
            for page in pdf.pages:
                pages.append(page.extract_text() or "")
                page.close()  # frees the page's parsed objects: long PDFs stay small in memory
    except Exception as exc:
        reason = "encrypted PDF (password required)" if "password" in repr(exc).lower() else _one_line(exc)
        raise UnreadableDocument(path, f"cannot parse PDF: {reason}") from None
    text = "\n".join(pages)
    if not text.strip():
        raise UnreadableDocument(path, "scanned PDF, no text layer")
    if not _CID_OR_SPACE.sub("", text).strip():
        raise UnreadableDocument(path, "PDF text is not extractable (fonts without a Unicode map)")
    return _CJK_SPACE.sub("", text), "pdf"


# --------------------------------------------------------------------- PDF

_CJK = (
    "\u2e80-\u2fdf"  # radicals
    "\u3001-\u303f"  # CJK punctuation, not the ideographic space
    "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"  # ideographs
    "\uff01-\uff60\uffe0-\uffe6"  # full-width forms
    "\U00020000-\U0003134f"  # ideograph extensions B+
)
# PDF text extraction guesses word gaps from glyph distances, and Chinese
# layouts (justified lines, wide tracking) make it put spaces between characters.
_CJK_SPACE = re.compile(f"(?<=[{_CJK}]) (?=[{_CJK}])")
_CID_OR_SPACE = re.compile(r"\(cid:\d+\)|\s")  # what pdfminer emits for unmapped glyphs


# -------------------------------------------------------------------- DOCX

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


# -------------------------------------------------------------------- HTML

_META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]+)", re.I)


def _declared_charset(raw: bytes) -> str | None:
    m = _META_CHARSET.search(raw[:8192])
    return m.group(1).decode("ascii") if m else None


# Below this many characters trafilatura's result is unreliable (it tends to
# merge navigation into the article), so the tag-based extraction is used.
_MIN_ARTICLE_CHARS = 250

_BOILERPLATE_LINE = re.compile(r"copyright|©|版权所有|ICP备|公网安备|网站标识码|网站地图", re.I)


def _html_text(html: str) -> str:
    import lxml.html

    html = re.sub(r"^\s*<\?xml[^>]*>", "", html)  # lxml refuses str input with an XML encoding declaration
    if not html.strip():
        return ""
    # Dropping comments at parse time keeps the text around them joined;
    # huge_tree lifts libxml2's depth limit of 256, which old pages full of
    # unclosed <font> tags exceed (the rest of the page would silently vanish).
    parser = lxml.html.HTMLParser(remove_comments=True, remove_pis=True, huge_tree=True)
    tree = lxml.html.fromstring(html, parser=parser)
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
