"""A time budget per document: reading and extracting one file ends with a clear error past it.

Every pass of the extractor is linear in the text, so checking between passes (and between pages of a PDF
or a scan) bounds the work; ``ZEREN_EXTRACT_SECONDS`` (default 300) sets it. Outside ``extract_file`` (a
test extracting text it built) no budget runs.
"""
from __future__ import annotations

import time
from contextlib import contextmanager
from contextvars import ContextVar

from loaders.settings import positive_number

_deadline: ContextVar[tuple[float, float] | None] = ContextVar("zeren_extract_deadline", default=None)


class OverBudget(Exception):
    """The document took longer than its budget; ``str()`` says so in one line."""


def seconds() -> float:
    try:
        return positive_number("ZEREN_EXTRACT_SECONDS", 300, float("inf"), "a number of seconds above 0")
    except ValueError as exc:
        raise OverBudget(str(exc)) from None


@contextmanager
def budget(limit: float | None = None):
    limit = seconds() if limit is None else limit
    token = _deadline.set((time.monotonic() + limit, limit))
    try:
        yield
    finally:
        _deadline.reset(token)


def check() -> None:
    """Raise ``OverBudget`` when the running document's budget is spent."""
    running = _deadline.get()
    if running is not None and time.monotonic() > running[0]:
        raise OverBudget(f"took longer than {running[1]:g} s to read and extract (ZEREN_EXTRACT_SECONDS); "
                         f"the file is refused")
