"""Bad input, odd names, order, secrets and injection: zeren says why in one line, exits non-zero, and the
store keeps exactly what it had.

Property tests (hypothesis) run a short budget here and 100,000 examples in `make fuzz`
(ZEREN_FUZZ_EXAMPLES).
"""
from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from graph.embedded import EmbeddedStore
from loaders.extract import extract_source
from loaders.source import SourceText
from loaders.units import split_unit_list

ROOT = Path(__file__).parent.parent
ZEREN = str(Path(sys.executable).with_name("zeren"))
CORPUS = ROOT / "tests" / "fixtures" / "corpus"
EXAMPLES = int(os.environ.get("ZEREN_FUZZ_EXAMPLES", "300"))


def zeren(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([ZEREN, *args], capture_output=True, text=True, timeout=600,
                          env={**os.environ, **(env or {})})


def snapshot(store: Path) -> tuple:
    with EmbeddedStore(store) as opened:
        graph = opened.to_networkx()
        return opened.stats(), sorted(graph.nodes), sorted(graph.edges(keys=True))


def loaded(tmp_path: Path) -> Path:
    store = tmp_path / "store"
    assert zeren("load", str(CORPUS), "--store", str(store)).returncode == 0
    return store


def test_a_200_mb_file_is_refused_from_its_size_with_bounded_memory(tmp_path):
    store = loaded(tmp_path)
    before = snapshot(store)
    huge = tmp_path / "巨大.txt"
    line = ("(一)压缩审批时限。(牵头单位:市发改委;完成时限:2024年6月底前)\n" * 2000).encode("utf-8")
    with open(huge, "wb") as out:
        while out.tell() < 200 * 2**20:
            out.write(line)
    # A fresh parent whose only child is zeren: its children's peak RSS is zeren's alone.
    probe = ("import resource, subprocess, sys; r = subprocess.run(sys.argv[1:], capture_output=True, text=True);"
             "sys.stderr.write(r.stderr); print(r.returncode, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")
    result = subprocess.run([sys.executable, "-c", probe, ZEREN, "load", str(huge), "--store", str(store)],
                            capture_output=True, text=True, timeout=600)
    status, peak_kib = map(int, result.stdout.split())
    assert status == 2 and result.stderr.count("\n") == 1
    assert "file too large (200 MB" in result.stderr
    assert peak_kib < 300 * 1024  # the 200 MB are never read
    assert snapshot(store) == before


def test_names_with_shell_and_path_characters_are_just_names(tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    odd = folder / "$(touch pwned);`id`|&'\"<b>..txt"
    odd.write_text((CORPUS / "panjin_2017_fangguanfu_huitoukan_zhenggai_yijian.txt").read_text(encoding="utf-8"),
                   encoding="utf-8")
    newline = folder / "两行\n名字.txt"
    newline.write_bytes(b"")
    result = zeren("load", str(folder), "--store", str(tmp_path / "store"))
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1 and "empty file" in result.stderr  # the newline name: one line
    assert "1 added" in result.stdout and not (tmp_path / "pwned").exists() and not Path("pwned").exists()
    with EmbeddedStore(tmp_path / "store") as opened:
        assert [Path(d["path"]).name for d in opened.documents()] == [odd.name]


def test_a_fifo_or_a_dangling_link_in_a_directory_is_reported_not_waited_on(tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    os.mkfifo(folder / "管道.txt")
    (folder / "断链.txt").symlink_to(tmp_path / "nowhere.txt")
    (folder / "正常.txt").write_text((CORPUS / "yangling_2024_xuncha_zhenggai_qingkuang.txt").read_text("utf-8"),
                                     encoding="utf-8")
    result = zeren("load", str(folder), "--store", str(tmp_path / "store"))
    assert result.returncode == 1 and "1 added" in result.stdout
    assert all(line.startswith("zeren: error: ") for line in result.stderr.splitlines())


def test_loading_in_any_order_gives_the_same_graph(tmp_path):
    files = sorted(CORPUS.iterdir())
    graphs = []
    for name, order in (("forward", files), ("backward", files[::-1])):
        store = tmp_path / name
        for path in order:
            assert zeren("load", str(path), "--store", str(store)).returncode == 0
        with EmbeddedStore(store) as opened:
            graph = opened.to_networkx()
            graphs.append((dict(graph.nodes(data=True)), sorted((s, t, k) for s, t, k in graph.edges(keys=True))))
    assert graphs[0] == graphs[1]


def test_credentials_never_appear_in_messages(tmp_path):
    secret = "s3cr3t-Passw0rd"
    for uri in (f"bolt://neo4j:{secret}@127.0.0.1:1", "bolt://127.0.0.1:1"):
        result = zeren("stats", "--neo4j", env={"NEO4J_URI": uri, "NEO4J_USERNAME": "neo4j",
                                                "NEO4J_PASSWORD": secret})
        assert result.returncode == 2 and result.stderr.count("\n") == 1
        assert secret not in result.stderr + result.stdout
        assert "bolt://127.0.0.1:1" in result.stderr


# Built in code, reviewed: constants of the module (the schema or its migration), and a list of "?"
# placeholders whose values are parameters.
REVIEWED = ("{steps} PRAGMA user_version = {SCHEMA_VERSION}", "WHERE id IN ({marks})",
            "WHERE c.doc_id IN ({marks})")


def test_no_cypher_or_sql_is_built_from_values():
    """Statements are constants or made from schema names; every value goes in as a parameter. A .run or
    .execute whose text is an f-string, a concatenation or a .format() call is how that would break."""
    built = re.compile(r"\.(?:run|execute|executemany|executescript)\(\s*(?:f[\"']|\w+\s*\+|[^,)]*\.format\()")
    offenders = []
    paths = [*(p for folder in ("graph", "queries", "cli", "loaders", "pages") for p in (ROOT / folder).glob("*.py")),
             ROOT / "app.py", ROOT / "ui.py"]
    for path in paths:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if built.search(line) and not any(reviewed in line for reviewed in REVIEWED):
                offenders.append(f"{path.name}:{number}: {line.strip()}")
    assert offenders == []
    assert built.search('db.execute(f"DELETE FROM nodes WHERE id = {node}")')  # the scan does see one


def test_a_document_written_in_sql_and_cypher_is_stored_as_text(tmp_path):
    store = loaded(tmp_path)
    before = snapshot(store)
    attack = "'); DROP TABLE nodes; -- '}) MATCH (n) DETACH DELETE n //"
    doc = tmp_path / "注入.txt"
    doc.write_text(f"某县整改任务{attack}\n\n一、问题\n\n1.建立台账{attack}。(牵头单位:某县{attack}局;完成时限:2024年6月底前)\n",
                   encoding="utf-8")
    assert zeren("load", str(doc), "--store", str(store)).returncode == 0
    with EmbeddedStore(store) as opened:
        added = [d for d in opened.documents() if d["path"].endswith("注入.txt")]
        assert attack in opened.document_text(added[0]["doc_id"])
        assert opened.remove(added[0]["doc_id"])
    assert snapshot(store) == before


# -- properties of the parser ------------------------------------------------------------------------------

GENRE = st.sampled_from(list("市县区局委办政府部门单位牵头责任配合负责完成时限年月日底前长期推进适时各相关等和及、,;:()《》〔〕"
                             "()一二三四五六七八九十1234567890.。\n 　问题整改措施情况已正在"))
TEXT = st.text(GENRE, min_size=0, max_size=400) | st.text(min_size=0, max_size=200)


def source(text: str) -> SourceText:
    from loaders.textfold import fold
    return SourceText(path="fuzz.txt", format="txt", encoding="utf-8", sha256="0" * 64, text=text, folded=fold(text))


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT)
@example("①")  # a digit to str.isdigit() that int() refuses: found by `make fuzz`
@example("(①)压缩时限。(牵头单位:市发改委)\n②建立台账")
def test_extraction_never_fails_and_every_span_is_inside_the_text(text):
    result = extract_source(source(text))
    for item in result["items"]:
        start, end = item["span"]
        assert 0 <= start <= end <= len(text)
        assert item["text"] == text[start:end]
        for owner in item["lead"] + item["responsible"]:
            s, e = owner["span"]
            assert 0 <= s < e <= len(text)
            # a mention is made of the document's own characters (a shared part may be expanded:
            # "市、县编委办" gives 市编委办 and 县编委办)
            folded = source(text).folded
            assert set(owner["mention"]) <= set(folded) | set(text)
        deadline = item.get("deadline") or {}
        if deadline.get("span"):
            s, e = deadline["span"]
            assert 0 <= s < e <= len(text)


@settings(max_examples=EXAMPLES, deadline=None)
@given(TEXT)
def test_the_unit_list_splitter_keeps_its_spans_in_the_text(text):
    for mention in split_unit_list(text, 0):
        assert 0 <= mention.start < mention.end <= len(text)
        assert set(mention.mention) <= set(text)


def test_mixed_encoding_is_read_line_by_line_and_random_bytes_are_refused(tmp_path):
    task = "(一)压缩审批时限。(牵头单位:市发改委;完成时限:2024年6月底前)\n"
    mixed = tmp_path / "拼接.txt"
    mixed.write_bytes(task.encode("utf-8") * 5 + task.encode("gbk") * 5)
    result = zeren("extract", str(mixed), "--json")
    assert result.returncode == 0, result.stderr
    import json
    extraction = json.loads(result.stdout)
    assert extraction["document"]["encoding"] == "mixed utf-8/gb18030"
    assert sum(item["lead"][0]["mention"] == "市发改委" for item in extraction["items"] if item["lead"]) == 10
    noise = tmp_path / "乱码.txt"
    noise.write_bytes(bytes(range(128, 256)) * 50)
    result = zeren("load", str(noise), "--store", str(tmp_path / "store"))
    assert result.returncode == 2 and result.stderr.count("\n") == 1 and "not a text file" in result.stderr
