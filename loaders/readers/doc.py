"""Word 97 .doc, WPS .wps and .rtf: through a converter, since no maintained Python package reads them.

Chosen on their merits:
- .doc: Debian's ``antiword`` first. It is small, fast (milliseconds, no process pool) and prints tables as
  ``| cell | cell |`` rows, which the table grammar reads like any bar table.
- .wps, .rtf, and a .doc antiword refuses (Word 6, fast-saved, WPS-written): LibreOffice headless converts
  it to .docx, read by the .docx reader, so paragraphs and table rows come out as they do from Word. It
  takes seconds per file, hence second.
A missing converter is one line naming the Debian package to install.
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile

from loaders.source import UnreadableDocument

from .docx import read_docx

TIMEOUT_S = 120
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"     # the compound-file header of .doc and .wps
RTF_MAGIC = b"{\\rtf"


def read_doc(path: str, raw: bytes) -> tuple[str, str]:
    kind = os.path.splitext(path)[1].lower().lstrip(".") or "doc"
    if not raw.startswith(RTF_MAGIC if kind == "rtf" else OLE_MAGIC):
        raise UnreadableDocument(path, f"corrupt {kind}: not a {'RTF' if kind == 'rtf' else 'Word 97 / WPS'} file")
    antiword_error = None
    if kind == "doc" and shutil.which("antiword"):
        try:
            return _antiword(path, raw), "doc"
        except UnreadableDocument as exc:
            antiword_error = exc
    if _soffice():
        return _libreoffice(path, raw, kind)
    if antiword_error is not None:
        raise antiword_error
    need = "antiword (apt install antiword) or LibreOffice" if kind == "doc" else "LibreOffice"
    raise UnreadableDocument(path, f"reading .{kind} needs {need} (apt install libreoffice-writer-nogui)")


def _soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def _antiword(path: str, raw: bytes) -> str:
    with tempfile.TemporaryDirectory(prefix="zeren-doc-") as tmp:
        copy = os.path.join(tmp, "in.doc")       # the bytes already read: the path may have changed since
        with open(copy, "wb") as fh:
            fh.write(raw)
        try:
            done = subprocess.run(["antiword", "-m", "UTF-8.txt", "-w", "0", copy], capture_output=True,
                                  timeout=TIMEOUT_S, stdin=subprocess.DEVNULL)
        except subprocess.TimeoutExpired:
            raise UnreadableDocument(path, f"antiword took over {TIMEOUT_S} s; the file is refused") from None
    # antiword puts a blank line before every paragraph; the .docx reader puts none, and a blank line ends
    # a line-per-row table. Halving each run of line breaks gives the layout Word shows (an empty
    # paragraph stays one blank line).
    text = re.sub(r"\n{2,}", lambda m: "\n" * ((len(m.group()) + 1) // 2),
                  done.stdout.decode("utf-8", errors="replace"))
    if done.returncode != 0 or not text.strip():
        reason = " ".join(done.stderr.decode("utf-8", errors="replace").split())[:160] or "no text"
        raise UnreadableDocument(path, f"corrupt doc: antiword: {reason}")
    return text


def _libreoffice(path: str, raw: bytes, kind: str) -> tuple[str, str]:
    with tempfile.TemporaryDirectory(prefix="zeren-doc-") as tmp:
        source = os.path.join(tmp, f"in.{kind}")
        with open(source, "wb") as fh:
            fh.write(raw)
        profile = "file://" + os.path.join(tmp, "profile")     # a private profile: loads may run in parallel
        command = [_soffice(), f"-env:UserInstallation={profile}", "--headless", "--norestore",
                   "--convert-to", "docx:MS Word 2007 XML", "--outdir", tmp, source]
        try:
            subprocess.run(command, capture_output=True, timeout=TIMEOUT_S, stdin=subprocess.DEVNULL)
        except subprocess.TimeoutExpired:
            raise UnreadableDocument(path, f"LibreOffice took over {TIMEOUT_S} s; the file is refused") from None
        converted = os.path.join(tmp, "in.docx")
        if not os.path.exists(converted):
            raise UnreadableDocument(path, f"corrupt {kind}: LibreOffice could not convert it")
        with open(converted, "rb") as fh:
            text, _ = read_docx(path, fh.read())
    return text, kind
