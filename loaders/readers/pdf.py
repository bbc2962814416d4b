"""PDF with a text layer (pdfplumber); a PDF without one is a scan and goes to OCR."""
from __future__ import annotations

import io
import re

from loaders.source import UnreadableDocument

from .common import CJK_SPACE, one_line
from .ocr import read_scanned_pdf
from loaders.budget import OverBudget, check

_CID_OR_SPACE = re.compile(r"\(cid:\d+\)|\s")  # what pdfminer emits for unmapped glyphs


def read_pdf(path: str, raw: bytes) -> tuple[str, str]:
    import pdfplumber

    pages: list[str] = []
    try:
        with pdfplumber.open(io.BytesIO(raw)) as pdf:
            for page in pdf.pages:
                check()                   # a 3,000-page PDF stays within the document's time budget
                pages.append(page.extract_text() or "")
                page.close()  # frees the page's parsed objects: long PDFs stay small in memory
    except OverBudget:
        raise
    except Exception as exc:
        reason = "encrypted PDF (password required)" if "password" in repr(exc).lower() else one_line(exc)
        raise UnreadableDocument(path, f"cannot parse PDF: {reason}") from None
    text = "\n".join(pages)
    if not _CID_OR_SPACE.sub("", text).strip():
        # no text layer (a scan), or fonts without a Unicode map: the pages are read as images
        return read_scanned_pdf(path, raw, len(pages))
    return CJK_SPACE.sub("", text), "pdf"
