"""The ``zeren`` command as a user runs it: a real process, its exit status, its stdout and stderr."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from graph.embedded import EmbeddedStore

ZEREN = [sys.executable, "-m", "cli.main"]
CORPUS = Path(__file__).parent / "fixtures" / "corpus"
PANJIN = CORPUS / "panjin_2017_fangguanfu_huitoukan_zhenggai_yijian.txt"


def zeren(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([*ZEREN, *args], capture_output=True, text=True, timeout=300)


def stored_documents(store: Path) -> int:
    if not store.exists():
        return 0
    with EmbeddedStore(store) as opened:
        return opened.stats()["documents"]


def test_extract_json_follows_the_contract():
    result = zeren("extract", str(PANJIN), "--json")
    assert result.returncode == 0, result.stderr
    extraction = json.loads(result.stdout)
    assert extraction["document"]["doc_no"] == "盘政办发〔2017〕69号"
    assert any(item["kind"] == "task" and item["lead"] for item in extraction["items"])
    assert all({"id", "parent", "kind", "number", "text", "span"} <= item.keys() for item in extraction["items"])


def test_extract_without_json_prints_a_summary():
    result = zeren("extract", str(PANJIN))
    assert result.returncode == 0, result.stderr
    assert "盘政办发〔2017〕69号" in result.stdout and "市编委办" in result.stdout


def bad_inputs(folder: Path) -> dict[str, Path]:
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 4)
    (folder / "notes.xyz").write_text("盘锦市人民政府办公室", encoding="utf-8")
    return {"empty": folder / "empty.txt", "binary": folder / "binary.txt",
            "missing": folder / "missing.txt", "unsupported": folder / "notes.xyz"}


@pytest.mark.parametrize("kind", ["empty", "binary", "missing", "unsupported"])
@pytest.mark.parametrize("command", ["extract", "load"])
def test_bad_input_is_one_line_naming_the_file_and_stores_nothing(command, kind, tmp_path):
    path, store = bad_inputs(tmp_path)[kind], tmp_path / "store"
    result = zeren(command, str(path), "--store", str(store)) if command == "load" else zeren(command, str(path))
    assert result.returncode == 2
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"zeren: error: {path}: "), result.stderr
    if command == "extract":
        assert result.stdout == ""
    assert stored_documents(store) == 0


def test_parallel_load_stores_what_one_process_stores(tmp_path):
    """-j 2 reads and prepares records in worker processes; the store must come out the same, and a bad
    file must be reported the same way."""
    folder = tmp_path / "docs"
    shutil.copytree(CORPUS, folder)
    for path in (CORPUS.parent / "forms").glob("*.txt"):
        shutil.copy(path, folder)
    (folder / "broken.txt").write_bytes(b"\x00\x01\x02 not text")
    runs = {jobs: zeren("load", str(folder), "--store", str(tmp_path / f"store-{jobs}"), "-j", jobs)
            for jobs in ("1", "2")}
    assert runs["1"].returncode == runs["2"].returncode == 1
    assert runs["1"].stderr == runs["2"].stderr and str(folder / "broken.txt") in runs["2"].stderr
    assert runs["2"].stdout.startswith("7 added, 0 replaced, 0 unchanged, 1 failed"), runs["2"].stdout
    graphs = {}
    for jobs in runs:
        with EmbeddedStore(tmp_path / f"store-{jobs}") as opened:
            graph = opened.to_networkx()
        graphs[jobs] = (dict(graph.nodes(data=True)), sorted((s, t, k, sorted(d.items()))
                                                            for s, t, k, d in graph.edges(keys=True, data=True)))
    assert graphs["1"] == graphs["2"] and len(graphs["2"][0]) > 400


def test_a_directory_with_one_bad_file_loads_the_others(tmp_path):
    folder, store = tmp_path / "docs", tmp_path / "store"
    folder.mkdir()
    good = sorted(CORPUS.glob("*.txt"))[:2]
    for path in good:
        shutil.copy(path, folder)
    (folder / "broken.txt").write_bytes(b"\x00\x01\x02 not text")
    result = zeren("load", str(folder), "--store", str(store))
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and str(folder / "broken.txt") in lines[0], result.stderr
    assert result.stdout.startswith("2 added, 0 replaced, 0 unchanged, 1 failed")
    assert stored_documents(store) == 2


def test_loading_twice_changes_nothing_and_remove_takes_a_document_out(tmp_path):
    store = tmp_path / "store"
    first = zeren("load", str(CORPUS), "--store", str(store))
    assert first.returncode == 0, first.stderr
    stats = zeren("stats", "--store", str(store), "--json").stdout
    again = zeren("load", str(CORPUS), "--store", str(store))
    assert again.returncode == 0 and again.stdout.startswith("0 added, 0 replaced, 5 unchanged, 0 failed")
    assert zeren("stats", "--store", str(store), "--json").stdout == stats
    assert json.loads(stats)["documents"] == 5

    docs = json.loads(zeren("documents", "--store", str(store), "--json").stdout)
    removed = zeren("remove", docs[0]["doc_id"], "--store", str(store))
    assert removed.returncode == 0, removed.stderr
    assert json.loads(zeren("stats", "--store", str(store), "--json").stdout)["documents"] == 4
    unknown = zeren("remove", docs[0]["doc_id"], "--store", str(store))
    assert unknown.returncode == 1 and len(unknown.stderr.splitlines()) == 1


def test_the_store_comes_from_the_environment(tmp_path):
    store = tmp_path / "from-env"
    env = {"ZEREN_STORE": str(store), "PATH": "/usr/bin:/bin"}
    result = subprocess.run([*ZEREN, "load", str(PANJIN)], capture_output=True, text=True, env=env, timeout=300)
    assert result.returncode == 0, result.stderr
    assert stored_documents(store) == 1


def test_a_store_that_is_not_a_directory_is_one_line(tmp_path):
    not_a_dir = tmp_path / "file"
    not_a_dir.write_text("x")
    result = zeren("stats", "--store", str(not_a_dir))
    assert result.returncode == 2
    assert len(result.stderr.splitlines()) == 1 and result.stderr.startswith("zeren: error: cannot open store")
