"""Scanned pages and page images, read offline by OCR (RapidOCR: PP-OCR's Chinese models in its wheel).

No model is downloaded at run time: rapidocr-onnxruntime ships its detection and recognition models inside
the package. Pages are OCR'd one by one (a progress line per page on a terminal), the text boxes put back in
reading order (rows top to bottom; boxes on one row left to right, a wide gap between them a tab, as a table
row), and the result cached by the file's sha256 so a re-load never OCRs the same file twice. The mean
confidence (weighted by characters) travels with the text so the app can say the document was OCR-read.
"""
from __future__ import annotations

import hashlib
import io
import json
import os
import sys
from pathlib import Path

from loaders.source import UnreadableDocument

from loaders.budget import check

from .common import CJK_SPACE, one_line, reflow

MAX_PIXELS = 60_000_000         # a page image past this is refused (a decompression bomb, not a scan)
# OCR boxes stop short of the glyphs' ends and a skewed scan moves the margin: a line up to three characters short
# of the widest still runs on (measured on blind sets read as 150-dpi scans: more tasks and leads than at 1.5)
OCR_SLACK = 3.0
RENDER_DPI = 150            # 公文 text at 150 dpi is ~22 px high: what PP-OCR reads best
# Bumped when the reading changes (engine options, not the reflow, which runs on the cached lines again): a
# cached reading of an older kind is read again.
READING = 2
_engine = None


def cache_dir() -> Path:
    return Path(os.environ.get("ZEREN_OCR_CACHE") or Path.home() / ".cache" / "zeren" / "ocr")


def cache_file(key: str) -> Path:
    """Where the reading of the file whose sha256 is ``key`` is kept."""
    return cache_dir() / f"{key}-r{READING}.json"


def read_image(path: str, raw: bytes) -> tuple[str, str, float]:
    from PIL import Image

    Image.MAX_IMAGE_PIXELS = MAX_PIXELS
    try:
        with Image.open(io.BytesIO(raw)) as image:
            frames = []
            for n in range(getattr(image, "n_frames", 1)):     # a multi-page TIFF is a scanned document
                image.seek(n)
                frames.append(image.convert("RGB"))
    except Exception as exc:
        raise UnreadableDocument(path, f"corrupt image: {one_line(exc)}") from None
    return ocr_pages(path, raw, frames, "image", len(frames))


def read_scanned_pdf(path: str, raw: bytes, page_count: int) -> tuple[str, str, float]:
    def pages():
        import pypdfium2

        pdf = pypdfium2.PdfDocument(raw)
        try:
            for index in range(len(pdf)):
                page = pdf[index]
                yield page.render(scale=RENDER_DPI / 72).to_pil().convert("RGB")
                page.close()
        finally:
            pdf.close()
    return ocr_pages(path, raw, pages(), "pdf", page_count)


def ocr_pages(path: str, raw: bytes, images, fmt: str, total: int | None = None) -> tuple[str, str, float]:
    key = hashlib.sha256(raw).hexdigest()
    cached = cache_file(key)
    if cached.exists():
        try:
            hit = json.loads(cached.read_text(encoding="utf-8"))
            # the placed lines are kept, not the text, so a better reflow applies without reading again
            text = "\n".join(reflow([tuple(line) for line in hit["lines"]], OCR_SLACK)) if "lines" in hit \
                else hit["text"]
            return _bars(text), f"{fmt}+ocr", hit["confidence"]
        except (OSError, ValueError, KeyError, TypeError):
            pass                          # a damaged cache entry is read again
    engine = _ocr_engine(path)
    placed, scores = [], []
    for n, image in enumerate(images, 1):
        check()
        if total:
            _progress(path, n, total)
        placed += _page_lines(engine, image, scores)
    if total:
        _progress(path, None, total)
    text = _bars("\n".join(reflow(placed, OCR_SLACK)))
    if not text.strip():
        raise UnreadableDocument(path, "no text found by OCR (a blank or non-text image)")
    characters = sum(n for n, _ in scores)
    confidence = round(sum(n * s for n, s in scores) / characters, 3) if characters else 0.0
    try:
        cached.parent.mkdir(parents=True, exist_ok=True)
        cached.write_text(json.dumps({"lines": placed, "confidence": confidence}, ensure_ascii=False),
                          encoding="utf-8")
    except OSError:
        pass                              # no cache where it cannot be written: the reading still stands
    return text, f"{fmt}+ocr", confidence


def _bars(text: str) -> str:
    """A table's printed bar read as 丨 (the radical, which no running text uses) is the bar it is."""
    return text.replace("丨", "|")


def _ocr_engine(path: str):
    global _engine
    if _engine is None:
        try:
            from rapidocr_onnxruntime import RapidOCR
        except ImportError:
            raise UnreadableDocument(path, "reading scans needs OCR: pip install rapidocr-onnxruntime") from None
        _engine = RapidOCR(det_limit_side_len=2000)     # the default 960 shrinks a page until lines are lost
    return _engine


def _page_lines(engine, image, scores: list) -> list[tuple[str, float, float]]:
    import numpy

    # no direction classifier: a scanned page's lines are upright, and the classifier turned some upright lines
    # over (a line holding “2+5+N” read as upside down, then lost)
    result, _ = engine(numpy.asarray(image), use_cls=False)
    boxes = []
    for points, text, score in result or []:
        ys = [p[1] for p in points]
        xs = [p[0] for p in points]
        boxes.append((min(ys), max(ys), min(xs), max(xs), text, float(score)))
    boxes.sort(key=lambda b: (b[0] + b[1]) / 2)
    rows: list[list] = []
    for box in boxes:
        middle, height = (box[0] + box[1]) / 2, box[1] - box[0]
        row = rows[-1] if rows else None
        if row and abs(middle - sum((b[0] + b[1]) / 2 for b in row) / len(row)) < height * 0.5:
            row.append(box)
        else:
            rows.append([box])
    lines = []      # (text, where it ends on the page, line height)
    for row in rows:
        row.sort(key=lambda b: b[2])
        line, end = "", None
        for top, bottom, left, right, text, score in row:
            if end is not None:
                line += "\t" if left - end > (bottom - top) * 1.5 else ""
            line += text
            end = right
            scores.append((len(text), score))
        lines.append((CJK_SPACE.sub("", line), end, max(b[1] - b[0] for b in row)))
    return lines


def _progress(path: str, page: int | None, total: int) -> None:
    if not sys.stderr.isatty():
        return
    name = os.path.basename(path)
    if page is None:
        sys.stderr.write(f"\rOCR {name}: {total} 页完成{' ' * 10}\n")
    else:
        sys.stderr.write(f"\rOCR {name}: 第 {page}/{total} 页")
    sys.stderr.flush()
