"""What every reader shares: limits, one-line errors, decoding bytes of unknown encoding, zip guards."""
from __future__ import annotations

import codecs
import io
import re
import zipfile

from loaders.settings import positive_number
from loaders.source import UnreadableDocument

# The largest file read at all. A rectification document is kilobytes to a few megabytes; a bigger file is
# refused from its size alone, before a byte is read, so memory stays bounded whatever is thrown at zeren.
def max_file_bytes() -> int:
    """ZEREN_MAX_FILE_MB in bytes (default 64 MB); a setting that is no positive number is one clear error."""
    return int(positive_number("ZEREN_MAX_FILE_MB", 64, 1024 * 1024,
                               "a size in megabytes (a number from 1 to 1048576)") * 1024 * 1024)


MAX_ZIP_UNPACKED = 200 * 1024 * 1024
MAX_ZIP_MEMBERS = 10_000

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

CJK = (
    "\u2e80-\u2fdf"  # radicals
    "\u3001-\u303f"  # CJK punctuation, not the ideographic space
    "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"  # ideographs
    "\uff01-\uff60\uffe0-\uffe6"  # full-width forms
    "\U00020000-\U0003134f"  # ideograph extensions B+
)
# Layout-based text (PDF, OCR) guesses word gaps from glyph distances, and Chinese layouts (justified lines,
# wide tracking) make it put spaces between characters.
CJK_SPACE = re.compile(f"(?<=[{CJK}]) (?=[{CJK}])")
CJK_CHAR = re.compile(f"[{CJK}]")


def despaced(line: str) -> str:
    """A line with the spaces of letter-spaced Chinese taken out ("关 于 印 发" → "关于印发"), where most of its
    characters stand apart; elsewhere a single space between words stays: it parts a table's cells or the
    units of a list ("党政办 应消站")."""
    gaps = len(CJK_SPACE.findall(line))
    if not gaps:
        return line
    return CJK_SPACE.sub("", line) if gaps * 3 >= len(CJK_CHAR.findall(line)) else line


def one_line(exc: BaseException) -> str:
    msg = " ".join(str(exc).split())
    return f"{type(exc).__name__}: {msg}" if msg else type(exc).__name__


def open_zip(path: str, raw: bytes, kind: str) -> zipfile.ZipFile:
    """A zip container (docx, xlsx, ofd) opened with its declared sizes checked: zipfile never inflates a
    member past its declared size, so this is enough to stop a zip bomb."""
    try:
        zf = zipfile.ZipFile(io.BytesIO(raw))
        infos = zf.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError):
        raise UnreadableDocument(path, f"corrupt {kind}: not a zip archive (truncated, or not a .{kind})") from None
    if len(infos) > MAX_ZIP_MEMBERS:
        raise UnreadableDocument(path, f"{kind} archive has too many members ({len(infos)} > {MAX_ZIP_MEMBERS})")
    if sum(i.file_size for i in infos) > MAX_ZIP_UNPACKED:
        raise UnreadableDocument(path, f"{kind} archive too large when unpacked (over 200 MB)")
    return zf


def _strict(raw: bytes, encoding: str) -> str | None:
    try:
        return raw.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def decode(raw: bytes, declared: str | None = None) -> tuple[str, str] | None:
    """Decode bytes of unknown encoding; return (text, codec name) or None if it is not text.

    Order: BOM, strict UTF-8, a declared charset, then charset detection. UTF-8
    goes before detection because detectors misjudge short Chinese text, and
    Chinese GB bytes almost never happen to be valid UTF-8.
    """
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            text = _strict(raw, encoding)
            return (text, encoding) if text is not None else None
    if b"\x00" in raw:  # no BOM: UTF-16 text written without one, or binary content
        return _bomless_utf16(raw)
    text = _strict(raw, "utf-8")
    if text is not None:
        return text, "utf-8"
    loose = raw.decode("utf-8", errors="replace")
    if (len(re.findall("\ufffd+", loose)) <= max(1, len(raw) // 2000) and loose.count("\ufffd") <= len(loose) * 0.01
            and _mostly_text(loose)):
        return loose, "utf-8 (with undecodable bytes replaced)"     # one stray byte in a UTF-8 file
    if declared:
        name = _codec_name(declared)
        if name:
            if name in _GB_FAMILY:
                name = "gb18030"
            text = _strict(raw, name)
            if text is not None:
                return text, name
    return _detect(raw)


def _mostly_text(text: str) -> bool:
    sample = text[:20000]
    readable = sum(1 for c in sample if c.isprintable() or c in "\t\n\r\f")
    return bool(sample) and readable >= len(sample) * 0.98


def _bomless_utf16(raw: bytes) -> tuple[str, str] | None:
    """UTF-16 without a byte-order mark: the byte order under which it decodes to readable text, mostly Han
    or ASCII. Binary content decodes to neither."""
    if len(raw) % 2:
        return None
    for encoding in ("utf-16-le", "utf-16-be"):
        text = _strict(raw, encoding)
        if text is None or not _mostly_text(text):
            continue
        sample = text[:20000]
        han_or_ascii = sum(1 for c in sample if "\u4e00" <= c <= "\u9fff" or c < "\x7f" or "\u3000" <= c <= "\u303f"
                           or "\uff00" <= c <= "\uffef")
        if han_or_ascii >= len(sample) * 0.9:
            return text, encoding
    return None


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


def looks_binary(text: str) -> bool:
    # Control characters other than tab/newline/CR/form feed are rare in real text.
    if not text:
        return False
    sample = text[:100_000]
    return len(CONTROL.findall(sample)) > len(sample) * 0.01


CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")      # control characters but tab, newline, CR and form feed



def decode_mixed(raw: bytes) -> tuple[str, str] | None:
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


# A line that opens a list item or a heading never continues the line above it.
# "12 高新技术产业产值增长10%." opens a row of a space-separated table.
ITEM_START = re.compile(r"^\s*(?:[一二三四五六七八九十]+、|[((][一二三四五六七八九十\d]+[))]|\d+[.、.]|\d{1,3}\s+\S|[①-⑳]|附件)")


# A sentence that closes exactly at the margin, followed by a field's label (整改时限:…, 牵头单位:…) or by a
# heading (a short line with no punctuation): the clerk reads a new line, not a wrap.
CLOSES = re.compile(r"[。;;!?!?]\s*$")
OPENS_FIELD = re.compile(r"^\s*[\u4e00-\u9fff]{2,8}[::]")
HEADING = re.compile(r"^\s*[\u4e00-\u9fff]{2,14}\s*$")


def _opens_after_close(above: str, line: str, short: bool) -> bool:
    if not CLOSES.search(above):
        return False
    return bool(OPENS_FIELD.match(line)) or (short and bool(HEADING.match(line)))


def reflow(placed: list[tuple[str, float, float]], slack: float = 1.5) -> list[str]:
    """Printed lines back into paragraphs: a line that runs to the right margin (公文 print 28 characters a
    line) continues on the next, unless that one opens an item; a line that stops short ends its paragraph.
    ``slack``: how many character sizes short of the margin still count as reaching it."""
    if not placed:
        return []
    margin = max(end for _, end, _ in placed)
    out: list[str] = []
    joining = False
    for text, end, size in placed:
        # (a line that breaks a list of numbers, "第1、2、…8、⏎9、10期", goes on however the next line opens)
        if joining and (not ITEM_START.match(text) or out[-1].rstrip().endswith("、")) \
                and not _opens_after_close(out[-1], text, end < margin - slack * size):
            out[-1] += text
        else:
            out.append(text)
        joining = end >= margin - slack * size and "\t" not in text
    return out
