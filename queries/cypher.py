"""The Cypher twins of the analyses (queries/*.cypher), for a Neo4j store and for analysts.

Each ``.cypher`` file is one statement an analyst can paste into Neo4j Browser, with ``$parameters`` named
as the Python function's. ``run(store, name, **params)`` sends it through a Neo4j store; tests prove its rows
equal the Python analysis on the same corpus.
"""
from __future__ import annotations

from pathlib import Path

HERE = Path(__file__).parent


def names() -> list[str]:
    return sorted(path.stem for path in HERE.glob("*.cypher"))


def twin(name: str) -> str:
    """The statement, without its comment lines (not every Bolt server takes ``//`` comments)."""
    text = (HERE / f"{name}.cypher").read_text(encoding="utf-8")
    return "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("//")).strip()


def run(store, name: str, **params) -> list[dict]:
    return store.query(twin(name), **params)
