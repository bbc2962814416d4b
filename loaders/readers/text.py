"""Plain text of any encoding a Chinese office writes (UTF-8/16/32, GB18030 family, Big5, mixed pastes)."""
from __future__ import annotations

from loaders.source import UnreadableDocument

from .common import decode, decode_mixed, looks_binary


def read_txt(path: str, raw: bytes) -> tuple[str, str]:
    decoded = decode(raw) or decode_mixed(raw)
    if decoded is None or looks_binary(decoded[0]):
        raise UnreadableDocument(path, "binary content, not a text file (undecodable or contains NUL bytes)")
    text, encoding = decoded
    return text.lstrip("\ufeff"), encoding
