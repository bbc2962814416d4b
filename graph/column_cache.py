"""The embedded store's joined columns, kept as files beside its database and brought up to date from it.

Every document's column fragment (graph/columnar.py) sits in its row of ``doc_columns``, and the document's
list entry and node in ``documents`` and ``nodes``. A load writes them in its own transaction, so at 100,000
documents their pages lie all over a 9 GB file: read cold (after the server's page cache let them go) the
first visit spent 25 s on the fragments and 20 s on the documents' rows, for a few hundred MB.

So a reader keeps what it joined, in ``columns/<generation>/``: each array as a .npy file (read mapped), each
document's texts (its fragment's strings, its list entry, its node, as JSON) one after another in a .bin
file with their offsets, and the documents' ids and row versions. The next reader lists the store's
(id, row version) pairs from ``doc_columns``' index, keeps the cached documents still there unchanged, reads
only the rows added or replaced since, and writes the joined result as the store's present generation:
adding one document reads one row, not 100,000. Texts are streamed, file to file, never all in memory.

The files are a cache, never the store: written to a temporary directory and renamed whole, read only if
they match the store's own (id, version) list, and skipped if unreadable (every row is read again). A
reader that cannot write them (a read-only directory, a full disk) joins the rows in memory.
"""
from __future__ import annotations

import io
import os
import shutil
import tempfile
import time
from pathlib import Path

import numpy as np
import orjson

from graph.columnar import FIELDS

CACHE = "columns"
REBUILD_SHARE = 0.5   # past this share of documents changed, read every row again rather than merge
TEXTS = ("strings", "listed", "node")   # per document: its fragment's strings, its list entry, its node
CHUNK = 8 << 20       # bytes of texts read at a time


class Joined:
    """Every document's fragment joined, in doc_id order: ``docs``, ``versions`` (its doc_columns rowid),
    ``items``/``owners`` per document, ``fields`` (each one array, positions still per document), and per
    document its texts (``each_text``), kept in memory or in a file."""

    def __init__(self, docs, versions, items, owners, fields, texts, offsets):
        self.docs, self.versions, self.items, self.owners, self.fields = docs, versions, items, owners, fields
        self._texts, self._offsets = texts, offsets   # name -> bytes, or the .bin file

    def each_text(self, name: str):
        """Each document's text ``name``, in order, read a chunk at a time."""
        at = self._offsets[name]
        for lo, hi, piece in self._pieces(name, 0, len(self.docs)):
            for i in range(lo, hi):
                yield bytes(piece[at[i] - at[lo]:at[i + 1] - at[lo]]).decode("utf-8")

    def texts(self, name: str) -> list[str]:
        return list(self.each_text(name))

    def _pieces(self, name: str, lo: int, hi: int):
        """(first, end, bytes) covering documents lo..hi-1 in whole documents, a chunk or so at a time."""
        at, source = self._offsets[name], self._texts[name]
        with (open(source, "rb") if isinstance(source, Path) else io.BytesIO(source)) as stream:
            while lo < hi:
                end = max(int(np.searchsorted(at, at[lo] + CHUNK, "right")) - 1, lo + 1)
                end = min(end, hi)
                stream.seek(int(at[lo]))
                yield lo, end, stream.read(int(at[end] - at[lo]))
                lo = end


class _Builder:
    """A Joined made document by document, or run by run from another: its texts written as they come, to
    files in ``work`` (then kept as a generation) or, without one, to memory."""

    def __init__(self, work: Path | None):
        self.work = work
        self.docs, self.versions, self.items, self.owners = [], [], [], []
        self.fields = {name: [] for name in FIELDS}
        self.lengths = {name: [] for name in TEXTS}
        self.out = {name: open(work / f"{name}.bin", "wb") if work else io.BytesIO() for name in TEXTS}

    def row(self, row: tuple) -> None:
        """(doc_id, version, items, owners, *FIELDS blobs, strings, listed, node)."""
        self.docs.append(row[0])
        self.versions.append(row[1])
        self.items.append(row[2])
        self.owners.append(row[3])
        for name, blob in zip(FIELDS, row[4:4 + len(FIELDS)]):
            self.fields[name].append(np.frombuffer(blob, FIELDS[name]))
        for name, text in zip(TEXTS, row[4 + len(FIELDS):]):
            data = text.encode("utf-8")
            self.out[name].write(data)
            self.lengths[name].append(len(data))

    def run(self, joined: Joined, lo: int, hi: int) -> None:
        """Documents lo..hi-1 of ``joined``, as they are."""
        self.docs.extend(joined.docs[lo:hi])
        self.versions.append(np.asarray(joined.versions[lo:hi]))
        self.items.append(np.asarray(joined.items[lo:hi]))
        self.owners.append(np.asarray(joined.owners[lo:hi]))
        item_at, owner_at = _offsets(joined.items), _offsets(joined.owners)
        for name in FIELDS:
            at = owner_at if name.startswith("owner_") else item_at
            self.fields[name].append(np.asarray(joined.fields[name][at[lo]:at[hi]]))
        for name in TEXTS:
            self.lengths[name].append(np.diff(joined._offsets[name][lo:hi + 1]))
            for _, _, piece in joined._pieces(name, lo, hi):
                self.out[name].write(piece)

    def finish(self) -> Joined | None:
        """The Joined, if made in memory; else its files are written in ``work`` (``readable`` reads them)."""
        def numbers(parts) -> np.ndarray:
            return np.concatenate([np.atleast_1d(np.asarray(part, np.int64)) for part in parts]) \
                if parts else np.zeros(0, np.int64)
        fields = {name: np.concatenate(parts) if parts else np.zeros(0, FIELDS[name])
                  for name, parts in self.fields.items()}
        offsets = {name: _offsets(numbers(parts)) for name, parts in self.lengths.items()}
        versions, items, owners = numbers(self.versions), numbers(self.items), numbers(self.owners)
        if self.work is None:
            return Joined(self.docs, versions, items, owners, fields,
                          {name: out.getvalue() for name, out in self.out.items()}, offsets)
        for out in self.out.values():
            out.close()
        (self.work / "docs.json").write_bytes(orjson.dumps(self.docs))
        arrays = {"versions": versions, "items": items, "owners": owners, **fields,
                  **{f"{name}_at": at for name, at in offsets.items()}}
        for name, values in arrays.items():
            np.save(self.work / f"{name}.npy", values, allow_pickle=False)
        return None

    def close(self) -> None:
        for out in self.out.values():
            out.close()


def _offsets(lengths) -> np.ndarray:
    return np.concatenate([[0], np.cumsum(np.asarray(lengths, np.int64))]).astype(np.int64)


def joined(store: Path, generation: int, rows, cached: Joined | None = None, keep: np.ndarray | None = None):
    """The joined columns of the rows ``rows()`` gives (doc_id order), after the ``cached`` documents ``keep``
    (a mask) if given, kept as this generation's files when the store's directory can hold them."""
    folder = store / CACHE
    try:
        folder.mkdir(exist_ok=True)
        work = Path(tempfile.mkdtemp(prefix=".writing-", dir=folder))
    except OSError:
        return _build(_Builder(None), rows(), cached, keep)
    try:
        _build(_Builder(work), rows(), cached, keep)
        kept = _keep(folder, work, generation)
    except OSError:                               # the disk filled meanwhile
        shutil.rmtree(work, ignore_errors=True)
        kept = None
    return kept if kept is not None else _build(_Builder(None), rows(), cached, keep)   # else: in memory


def in_memory(rows) -> Joined:
    """The joined columns of these rows, held in memory (a store that keeps no files: Neo4j)."""
    return _build(_Builder(None), rows, None, None)


def _build(builder: _Builder, rows, cached: Joined | None, keep: np.ndarray | None) -> Joined | None:
    """The rows, after (in doc_id order) the cached documents kept, a run of consecutive ones at a time."""
    try:
        kept = np.flatnonzero(keep) if cached is not None else np.zeros(0, np.int64)
        names = np.array([cached.docs[i] for i in kept.tolist()] if cached is not None else [], dtype=str)
        done = 0
        for row in rows:
            end = int(np.searchsorted(names, row[0]))
            _runs(builder, cached, kept[done:end])
            builder.row(row)
            done = end
        _runs(builder, cached, kept[done:])
        return builder.finish()
    finally:
        builder.close()


def _runs(builder: _Builder, cached: Joined, rows: np.ndarray) -> None:
    """Cached documents ``rows`` (ascending) added a run of consecutive ones at a time."""
    if not len(rows):
        return
    breaks = np.flatnonzero(np.diff(rows) != 1) + 1
    for part in np.split(rows, breaks):
        builder.run(cached, int(part[0]), int(part[-1]) + 1)


def _keep(folder: Path, work: Path, generation: int) -> Joined | None:
    """Rename the written files to their generation and drop the older ones; the kept Joined, read mapped
    (another reader's, if it kept this generation first), or None if none can be read."""
    target = folder / str(generation)
    try:
        os.replace(work, target)
    except OSError:
        if readable(target) is None:       # a damaged copy of this generation: replaced by ours
            shutil.rmtree(target, ignore_errors=True)
            try:
                os.replace(work, target)
            except OSError:
                pass
        shutil.rmtree(work, ignore_errors=True)
    for entry in folder.iterdir():        # older generations, and what a reader killed an hour ago left
        if entry.name != str(generation) and (not entry.name.startswith(".writing-") or _age(entry) > 3600):
            shutil.rmtree(entry, ignore_errors=True)
    return readable(target)


def readable(path: Path) -> Joined | None:
    """The Joined kept at ``path``, or None if it cannot be read whole."""
    try:
        return _read(path)
    except (OSError, ValueError, KeyError, orjson.JSONDecodeError):
        return None


def _age(path: Path) -> float:
    try:
        return time.time() - path.stat().st_mtime
    except OSError:
        return 0.0


def newest(store: Path) -> tuple[int, Joined] | None:
    """The newest cached generation and its Joined, or None if there is none readable."""
    folder = store / CACHE
    try:
        found = sorted((int(entry.name), entry) for entry in folder.iterdir() if entry.name.isdigit())
    except OSError:
        return None
    for generation, path in reversed(found):   # one damaged or half-removed is passed over
        joined = readable(path)
        if joined is not None:
            return generation, joined
    return None


def _read(path: Path) -> Joined:
    def array(name: str) -> np.ndarray:
        return np.load(path / f"{name}.npy", mmap_mode="r", allow_pickle=False)
    docs = orjson.loads((path / "docs.json").read_bytes())
    offsets = {name: np.asarray(array(f"{name}_at")) for name in TEXTS}
    joined = Joined(docs, array("versions"), array("items"), array("owners"), {name: array(name) for name in FIELDS},
                    {name: path / f"{name}.bin" for name in TEXTS}, offsets)
    sizes = {name: (path / f"{name}.bin").stat().st_size for name in TEXTS}
    if not (len(joined.versions) == len(joined.items) == len(docs)
            and all(len(offsets[name]) == len(docs) + 1 and offsets[name][-1] == sizes[name] for name in TEXTS)
            and all(len(joined.fields[name]) == int(np.sum(joined.owners if name.startswith("owner_")
                                                           else joined.items)) for name in FIELDS)):
        raise ValueError("the cached columns disagree with themselves")
    return joined


def forget(store: Path) -> None:
    """Drop the cache (a new database at this place: its generations start again)."""
    shutil.rmtree(store / CACHE, ignore_errors=True)
