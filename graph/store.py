"""The store interface both backends implement: the embedded SQLite store (default) and, later, Neo4j.

A store holds documents and the graph records they assert. Its rules, whatever the backend:

- A document is identified by the sha256 of its bytes. Loading content the store already holds writes
  nothing (``unchanged``). Loading new content from the path of a stored document replaces that
  document (``replaced``): what only the old version asserted goes.
- A load or a removal is atomic: after a crash the store holds the state before it or after it.
- Shared nodes (units, deadlines, cited policies, jurisdictions) live while any document refers to them.
  Their properties are merged across documents: the first non-null value of a property wins and stays.
"""
from __future__ import annotations

import gc
import os
from abc import ABC, abstractmethod
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Literal

import networkx as nx

from loaders.source import SourceText

DEFAULT_STORE = "zeren-data"


@contextmanager
def collector_paused():
    """No garbage collection while a graph or its indexes are built. They are millions of objects that
    refer to no cycles, and every full collection meanwhile walks all made so far again: a third of a
    3,000-document read, more as the graph grows. What the block frees, reference counting frees."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


class StoreError(Exception):
    """A store that cannot be opened or used. ``str()`` is one line saying why."""


@dataclass(frozen=True)
class LoadResult:
    status: Literal["added", "replaced", "unchanged"]
    doc_id: str


def stale_versions(stored_meta: dict | None, same_path: list[str], doc_id: str,
                   extractor: str | None) -> tuple[list[str], bool]:
    """What a load must delete, and whether the content is already stored, from what the store found: the
    stored document's meta (None if absent) and the other documents at the same path. The same bytes read
    by another extractor version than the new reading's (``extractor``) count as stale: what the document
    asserts may have changed."""
    stale = list(same_path)
    present = stored_meta is not None
    if present and stored_meta.get("extractor") != extractor:
        stale.append(doc_id)
        present = False
    return stale, present


def load_status(stale: list[str], present: bool) -> str:
    return "replaced" if stale else "unchanged" if present else "added"


def as_given(src: SourceText, extraction: dict) -> tuple[SourceText, dict]:
    return src, extraction


class Store(ABC):
    # What a reading process can do ahead of the writer: ``prepare(src, extraction)`` gives an item
    # ``load_many`` accepts (by default the pair itself). A plain function, so worker processes can run it.
    prepare = staticmethod(as_given)

    @abstractmethod
    def load(self, src: SourceText, extraction: dict) -> LoadResult:
        """Store one document and the records its extraction asserts, atomically."""

    def load_many(self, batch: list) -> list[LoadResult]:
        """Several documents; a backend may write them in one transaction (each stays whole)."""
        return [self.load(src, extraction) for src, extraction in batch]

    def settle(self) -> None:
        """What a writer does when it has written (``zeren load``/``remove``, the 导入 page): bring up to date
        what the store keeps for its readers, so the next reader does not wait for it."""

    @abstractmethod
    def remove(self, doc_id: str) -> bool:
        """Remove a document and what only it asserted. False if the store has no such document."""

    @abstractmethod
    def documents(self) -> list[dict]:
        """One dict per document: doc_id, path, sha256, format, loaded_at, the extracted document fields
        (title, issuer, doc_no, date, jurisdiction, kind, …) and its record counts ``nodes`` and ``edges``."""

    @abstractmethod
    def document_count(self) -> int:
        """How many documents are stored: cheap at any size, unlike ``stats``."""

    @abstractmethod
    def document_text(self, doc_id: str) -> str:
        """The text evidence spans index into. KeyError if the store has no such document."""

    @abstractmethod
    def to_networkx(self) -> nx.MultiDiGraph:
        """The whole graph, frozen (read-only). Node attributes: ``type`` and the node's properties; edges
        are keyed by their type and carry ``type`` and their properties. An edge several documents assert
        (a unit's jurisdiction) is one edge, with the properties of the document that asserted it first."""

    @abstractmethod
    def generation(self) -> int:
        """A number every write changes: caches of the graph key on it (also across processes)."""

    @abstractmethod
    def stats(self) -> dict:
        """``{"documents": n, "nodes": {type: n}, "edges": {type: n}}`` counting what to_networkx holds;
        every schema type is present, with 0 when absent."""

    @abstractmethod
    def close(self) -> None: ...

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def default_store_location() -> str:
    return os.environ.get("ZEREN_STORE") or DEFAULT_STORE


BACKENDS = ("embedded", "neo4j")


def open_store(location: str | None = None, backend: str | None = None, read_only: bool = False) -> Store:
    """The configured store: the embedded one at ``location`` (default: $ZEREN_STORE, else ./zeren-data),
    or, with backend "neo4j" (or $ZEREN_BACKEND=neo4j), the Neo4j server named by $NEO4J_URI."""
    backend = backend or os.environ.get("ZEREN_BACKEND") or "embedded"
    if backend == "neo4j":
        from graph.neo4j_store import Neo4jStore, settings_from_env
        return Neo4jStore(**settings_from_env())
    if backend != "embedded":
        raise StoreError(f"unknown backend {backend!r} (ZEREN_BACKEND): use one of {', '.join(BACKENDS)}")
    from graph.embedded import EmbeddedStore  # imported here so graph.embedded can import this module
    return EmbeddedStore(location or default_store_location(), read_only=read_only)
