"""What a reader hands to the extractor: the text a user is shown, and a folded twin for parsing."""
from __future__ import annotations

from dataclasses import dataclass


class UnreadableDocument(Exception):
    """A file zeren cannot read. ``str()`` is one line naming the file and why."""

    def __init__(self, path: str, reason: str):
        super().__init__(f"{path}: {reason}")
        self.path, self.reason = path, reason


@dataclass(frozen=True)
class SourceText:
    path: str        # as given by the user
    format: str      # txt | html | docx | pdf | doc | wps | rtf | xlsx | xls | et | csv | ofd | image
    encoding: str    # detected encoding for byte formats, else the container's
    sha256: str      # of the raw bytes: identity of this version of the document
    text: str        # the text shown to the user; evidence spans index into it
    folded: str      # same length as ``text``: simplified script, half-width punctuation; parsers read this
    ocr_confidence: float | None = None   # read by OCR from page images: the engine's mean confidence (0–1)

    def __post_init__(self):
        if len(self.text) != len(self.folded):
            raise ValueError("folded text must keep every character position of the shown text")
