"""The ``zeren`` command: extract one document, load documents into a store, look at and prune the store;
the analyses (gaps, chain, overlap, export) live in cli/analysis.py.

Errors a user can cause (a file zeren cannot read, a store it cannot open) are one line on stderr,
``zeren: error: …``, and a non-zero exit; never a traceback.
"""
from __future__ import annotations

import multiprocessing
import os
import signal
from collections import Counter, deque
from concurrent.futures import ProcessPoolExecutor
from itertools import islice
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Group, RenderableType
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn
from rich.table import Table
from rich.text import Text

from cli import analysis
from cli.common import BAD_INPUT, AsJson, StoreDir, UseNeo4j, cell, err, error, fail, opened, out, show
from graph.store import DEFAULT_STORE, StoreError
from loaders.extract import extract_file
from loaders.readers import iter_documents
from loaders.source import UnreadableDocument
import queries

app = typer.Typer(help="zeren 责任: a graph of who answers for what in Chinese rectification documents.",
                  add_completion=False, no_args_is_help=True, pretty_exceptions_show_locals=False)
for command in (analysis.gaps, analysis.chain, analysis.overlap, analysis.export):
    app.command()(command)


@app.command()
def extract(file: Annotated[str, typer.Argument(metavar="FILE")], as_json: AsJson = False) -> None:
    """Extract one document's problems, tasks and owners."""
    try:
        _, extraction = extract_file(file)
    except UnreadableDocument as exc:
        fail(str(exc))
    show(extraction, as_json, extraction_view)


def extraction_view(extraction: dict) -> RenderableType:
    document = extraction["document"]
    meta = Table.grid(padding=(0, 2))
    for field in ("title", "issuer", "doc_no", "date", "jurisdiction", "kind", "path"):
        meta.add_row(Text(field, style="bold"), cell(document.get(field) or "—"))
    items = Table("number", "kind", "lead", "responsible", "deadline", "status", title="items")
    for item in extraction["items"]:
        deadline = item.get("deadline") or {}
        items.add_row(cell(item.get("number")), cell(item["kind"]), cell(owners(item.get("lead"))),
                      cell(owners(item.get("responsible"))), cell(deadline.get("date") or deadline.get("raw")),
                      cell(item.get("status")))
    return Group(meta, items)


def owners(units: list[dict] | None) -> str:
    return "、".join(unit.get("mention") or unit.get("name") or "" for unit in units or ())


WRITE_BATCH = 64  # documents per store transaction: a commit costs as much as writing a dozen documents

Jobs = Annotated[int, typer.Option("--jobs", "-j", metavar="N",
                                    help="Processes reading documents (0: one per core); one writes the store.")]


@app.command()
def load(paths: Annotated[list[str], typer.Argument(metavar="PATH...", help="Files or directories.")],
         store: StoreDir = DEFAULT_STORE, neo4j: UseNeo4j = False, jobs: Jobs = 1) -> None:
    """Load documents into the store. Unchanged files are skipped; a changed file replaces its old version."""
    files = list(iter_documents(paths))
    if not files:
        fail(f"no documents found in {' '.join(paths)}", code=1)
    counts = Counter()
    # Only on a terminal: written to a pipe or file, a bar is noise (rich would still end it with a blank line).
    progress = Progress(TextColumn("{task.description}", markup=False), BarColumn(), MofNCompleteColumn(),
                        console=err, transient=True, disable=not err.is_terminal)
    signal.signal(signal.SIGTERM, _interrupt)      # a stop request ends a parallel load as Ctrl-C does
    try:
        _load(files, store, neo4j, jobs, counts, progress)
    except KeyboardInterrupt:
        fail("interrupted: the documents written before it are kept, none half-written", code=130)
    if counts["failed"]:
        single_file = len(paths) == 1 and not Path(paths[0]).is_dir()
        raise typer.Exit(BAD_INPUT if single_file else 1)


def _interrupt(signum, frame):
    raise KeyboardInterrupt


def _load(files: list[str], store: str, neo4j: bool, jobs: int, counts: Counter, progress: Progress) -> None:
    with opened(store, neo4j) as db, progress:
        task = progress.add_task("loading", total=len(files))
        batch: list[tuple] = []

        def write() -> None:
            try:
                counts.update(result.status for result in db.load_many(batch))
            except StoreError as exc:  # the store itself is failing: the other files would fail alike
                fail(str(exc))
            progress.advance(task, len(batch))
            batch.clear()

        for path, extracted in extract_all(files, jobs, db.prepare):
            progress.update(task, description=Path(path).name)
            if isinstance(extracted, str):
                error(extracted)
                counts["failed"] += 1
                progress.advance(task)
            else:
                batch.append(extracted)
                if len(batch) >= WRITE_BATCH:
                    write()
        if batch:
            write()
        try:
            queries.after_writing(db)
        except StoreError as exc:
            fail(str(exc))
        total = db.document_count()  # not stats(): counting every edge takes a minute at 100k documents
    out.print(", ".join(f"{counts[status]} {status}" for status in ("added", "replaced", "unchanged", "failed"))
              + f" — {total} documents in {getattr(db, 'location', None) or 'Neo4j'}", soft_wrap=True, markup=False)


def extract_or_say_why(path: str, prepare):
    """``prepare(src, extraction)`` (``Store.prepare``), or the one-line message saying why the file cannot
    be used."""
    try:
        return prepare(*extract_file(path))
    except UnreadableDocument as exc:
        return str(exc)
    except Exception as exc:  # an extractor bug on one file must not stop the batch
        return f"{path}: cannot extract: {type(exc).__name__}: {exc}"


READ_AHEAD = 64  # chunks of documents the readers may be ahead of the writer: memory stays bounded
CHUNK = 8


def worker_count(jobs: int, files: int) -> int:
    """Processes to read with: -j 0 is one per core; never more than there are chunks of files to read
    (-j 48 on 2 files forks none) nor four per core."""
    cores = os.cpu_count() or 1
    wanted = cores if jobs == 0 else jobs
    return max(1, min(wanted, -(-files // CHUNK), 4 * cores))


def extract_all(files: list[str], jobs: int, prepare):
    """(path, extracted) in file order; with jobs > 1 the reading, parsing and the store's ``prepare`` (its
    rows, ready to write) run in worker processes, at most READ_AHEAD chunks ahead of the caller."""
    jobs = worker_count(jobs, len(files))
    if jobs <= 1 or len(files) < 2:
        yield from ((path, extract_or_say_why(path, prepare)) for path in files)
        return
    chunks = (files[start:start + CHUNK] for start in range(0, len(files), CHUNK))
    # Spawned, not forked: a forked worker would inherit the open store and its lock file, and hold the lock
    # after a killed parent; each worker also dies with its parent (PR_SET_PDEATHSIG) and leaves Ctrl-C to it.
    with ProcessPoolExecutor(max_workers=jobs, mp_context=multiprocessing.get_context("spawn"),
                             initializer=_die_with_parent, initargs=(os.getpid(),)) as pool:
        # Not pool.map: it submits every file at once, and a writer slower than the readers then holds
        # the whole corpus' extractions in memory (2 GB a few minutes into 100,000 documents).
        pending = deque(pool.submit(extract_chunk, chunk, prepare) for chunk in islice(chunks, READ_AHEAD))
        while pending:
            done = pending.popleft().result()
            pending.extend(pool.submit(extract_chunk, chunk, prepare) for chunk in islice(chunks, 1))
            yield from done


def _die_with_parent(parent: int) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)      # Ctrl-C is the parent's to handle: it stops the pool
    try:
        import ctypes
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGTERM)     # PR_SET_PDEATHSIG: killed with the parent
    except (OSError, AttributeError):
        pass                  # not Linux: the workers end when their task queue closes
    if os.getppid() != parent:
        os._exit(0)           # the parent died while this worker was starting: the signal came too early


def extract_chunk(paths: list[str], prepare) -> list[tuple[str, object]]:
    return [(path, extract_or_say_why(path, prepare)) for path in paths]


@app.command()
def stats(store: StoreDir = DEFAULT_STORE, neo4j: UseNeo4j = False, as_json: AsJson = False) -> None:
    """Count documents, nodes and edges by type."""
    with opened(store, neo4j, read_only=True) as db:
        show(db.stats(), as_json, lambda counts: stats_table(counts, store))


def stats_table(counts: dict, store: str) -> Table:
    table = Table("", "count", title=Text(f"store {store}"))
    table.add_row("documents", str(counts["documents"]))
    for kind in ("nodes", "edges"):
        table.add_section()
        for name, n in counts[kind].items():
            table.add_row(name, str(n))
    return table


@app.command()
def documents(store: StoreDir = DEFAULT_STORE, neo4j: UseNeo4j = False, as_json: AsJson = False) -> None:
    """List the stored documents and their ids."""
    with opened(store, neo4j, read_only=True) as db:
        show(db.documents(), as_json, documents_table)


def documents_table(docs: list[dict]) -> Table:
    table = Table("title", "issuer", "date", "nodes")
    table.add_column("doc_id", no_wrap=True, min_width=20)  # whole: `zeren remove` takes it
    table.add_column("path", overflow="fold")
    for doc in docs:
        table.add_row(*map(cell, (doc.get("title"), doc.get("issuer"), doc.get("date"), doc["nodes"],
                                  doc["doc_id"], doc["path"])))
    return table


@app.command()
def remove(doc_id: Annotated[str, typer.Argument(metavar="DOC_ID")], store: StoreDir = DEFAULT_STORE,
           neo4j: UseNeo4j = False) -> None:
    """Remove a document and everything only it asserted."""
    with opened(store, neo4j) as db:
        try:
            if not db.remove(doc_id):
                fail(f"no document {doc_id} in {store} (see `zeren documents`)", code=1)
            queries.after_writing(db)
        except StoreError as exc:
            fail(str(exc))
    out.print(f"removed {doc_id}", markup=False)


if __name__ == "__main__":
    app()
