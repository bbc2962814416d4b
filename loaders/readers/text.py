"""Plain text of any encoding a Chinese office writes (UTF-8/16/32, GB18030 family, Big5, mixed pastes)."""
from __future__ import annotations

import re

from loaders.source import UnreadableDocument

from .common import decode, decode_mixed, looks_binary


def read_txt(path: str, raw: bytes) -> tuple[str, str]:
    decoded = decode(raw) or decode_mixed(raw)
    if decoded is None or looks_binary(decoded[0]):
        raise UnreadableDocument(path, "binary content, not a text file (undecodable or contains NUL bytes)")
    text, encoding = decoded
    text = text.lstrip("\ufeff")
    if _is_markup(text):
        from .html import _html_text       # a page's source saved as .txt: read as the page it is
        return _html_text(text), encoding
    return text, encoding


MARKUP_TAG = re.compile(r"</?(?:p|div|br|span|table|tr|td|li|h[1-6]|html|body)\b[^>]*>", re.I)


def _is_markup(text: str) -> bool:
    """Text that is mostly HTML markup (tags open its lines or run through it), not prose quoting a tag."""
    sample = text[:20000]
    tags = MARKUP_TAG.findall(sample)
    return len(tags) >= 8 and sum(map(len, tags)) >= len(sample) * 0.05
