"""Numbers an operator sets in the environment: one place reads them and says, in one line, what is wrong."""
from __future__ import annotations

import os


def positive_number(name: str, default: float, upper: float, meaning: str) -> float:
    """``$name`` as a number in (0, upper], ``default`` when unset or empty; ValueError naming the setting and
    ``meaning`` (what the number is, for the message) when it is not one."""
    raw = os.environ.get(name, "").strip() or str(default)
    try:
        value = float(raw)
    except ValueError:
        value = -1
    if not 0 < value <= upper:
        raise ValueError(f"{name}={raw!r} is not {meaning}")
    return value
