"""Read a document file into a ``SourceText``, or fail with one clear ``UnreadableDocument``.

One module per file format, each small enough to read in one sitting: text, html, docx, pdf (a text layer;
scans go to ocr), doc (.doc/.wps/.rtf), sheet (.xlsx/.xls/.et/.csv), ofd, ocr (scanned pages and images).
Each reader returns the text a user is shown; ``read_document`` adds the folded twin and the file's identity.
No library exception escapes: every failure becomes ``UnreadableDocument(path, reason)``.
"""
from __future__ import annotations

import hashlib
import os
import stat
from collections.abc import Iterator

from loaders.source import SourceText, UnreadableDocument
from loaders.textfold import fold

from loaders.budget import OverBudget

from .common import max_file_bytes, one_line
from .doc import read_doc
from .docx import read_docx
from .html import read_html
from .ocr import read_image
from .ofd import read_ofd
from .pdf import read_pdf
from .sheet import read_sheet
from .text import read_txt

# suffix → (format name, reader)
READERS = {
    ".txt": ("txt", read_txt), ".html": ("html", read_html), ".htm": ("html", read_html),
    ".docx": ("docx", read_docx), ".pdf": ("pdf", read_pdf),
    ".doc": ("doc", read_doc), ".wps": ("wps", read_doc), ".rtf": ("rtf", read_doc),
    ".xlsx": ("xlsx", read_sheet), ".xls": ("xls", read_sheet), ".et": ("et", read_sheet), ".csv": ("csv", read_sheet),
    ".ofd": ("ofd", read_ofd),
    ".png": ("image", read_image), ".jpg": ("image", read_image), ".jpeg": ("image", read_image),
    ".tif": ("image", read_image), ".tiff": ("image", read_image), ".bmp": ("image", read_image),
}
SUPPORTED_SUFFIXES = set(READERS)


# ---------------------------------------------------------------- public API


def read_document(path: str | os.PathLike[str]) -> SourceText:
    """Read a document of any supported format; raise ``UnreadableDocument`` with a one-line reason."""
    opened_as = os.fspath(path)
    shown = displayable(opened_as)          # a GBK file name from an unzipped archive, shown as the 中文 it is
    suffix = os.path.splitext(shown)[1].lower()
    if not os.path.exists(opened_as):
        broken = os.path.islink(opened_as)
        raise UnreadableDocument(shown, "broken link: its target does not exist" if broken else "file not found")
    if os.path.isdir(opened_as):
        raise UnreadableDocument(shown, "is a directory, not a document")
    if suffix not in READERS:
        supported = ", ".join(sorted(SUPPORTED_SUFFIXES))
        raise UnreadableDocument(shown, f"unsupported file type {suffix or '(no suffix)'!r}; supported: {supported}")
    try:
        limit = max_file_bytes()
    except ValueError as exc:
        raise UnreadableDocument(shown, str(exc)) from None
    try:
        # Opened without blocking and judged by the descriptor itself: a path swapped for a pipe after any
        # check would otherwise wait for a writer forever.
        fd = os.open(opened_as, os.O_RDONLY | os.O_NONBLOCK)
    except OSError as exc:
        raise UnreadableDocument(shown, f"cannot read file: {exc.strerror or exc}") from None
    with os.fdopen(fd, "rb") as fh:
        facts = os.fstat(fh.fileno())
        if not stat.S_ISREG(facts.st_mode):
            raise UnreadableDocument(shown, "not a regular file (a pipe, socket or device)")
        if facts.st_size > limit:
            raise UnreadableDocument(shown, f"file too large ({facts.st_size // 2**20} MB; the limit is "
                                            f"{limit // 2**20} MB, set ZEREN_MAX_FILE_MB to change it)")
        try:
            raw = fh.read(limit + 1)
        except OSError as exc:
            raise UnreadableDocument(shown, f"cannot read file: {exc.strerror or exc}") from None
    if not raw:
        raise UnreadableDocument(shown, "empty file")

    fmt, reader = READERS[suffix]
    try:
        text, encoding, *ocr = reader(shown, raw)      # readers work on the bytes already read
    except (UnreadableDocument, OverBudget):
        raise
    except Exception as exc:  # a library failed in a way we did not foresee: still one line
        raise UnreadableDocument(shown, f"cannot read {fmt}: {one_line(exc)}") from None

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
        ocr_confidence=ocr[0] if ocr else None,
    )


def displayable(path: str) -> str:
    """The path as text: a name whose bytes are not UTF-8 (surrogate-escaped by Python) is read as GB18030,
    the encoding Chinese archive tools write names in, else with its bad bytes replaced."""
    try:
        path.encode("utf-8")
        return path
    except UnicodeEncodeError:
        raw = os.fsencode(path)
    for encoding in ("gb18030", "big5"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    return raw.decode("utf-8", errors="replace")


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
