"""What every page of the Streamlit app shares: the store, the graph and analyses cached per store version,
Chinese labels, and the two ways document text reaches the screen safely.

Document text is untrusted input. It is shown through st.dataframe / st.text (plain text), through
``evidence_html`` (every character escaped before one fixed <mark> is added, rendered by st.html, which
sanitises again), or inside a pyvis graph (``network_html``: node text is data in a JSON script block that
cannot be closed from inside, and vis-network shows tooltips as text).
"""
from __future__ import annotations

import gc
import html
import re
from datetime import date

import networkx as nx
import streamlit as st

import queries
from graph.schema import DEADLINE_KIND_ZH, ROLE_ZH, STATUS_ZH
from graph.store import StoreError, collector_paused, default_store_location, open_store

RULES = queries.GAP_RULES
ROLE, DEADLINE_KIND, STATUS = ROLE_ZH, DEADLINE_KIND_ZH, STATUS_ZH     # defined once, in the schema
DEADLINE_FINDING = {"missing": "未设时限", "missing_all": "全文未设时限", "vague": "时限模糊", "overdue": "已逾期",
                    "due_soon": "即将到期"}
OWNED_TYPES = ("Document", "Section", "Problem", "Task")
MAX_GRAPH_NODES = 300  # beyond this a neighbourhood is grouped by document, so the browser stays responsive


@st.cache_resource(show_spinner=False)
def _cache() -> dict:
    return {}


def location() -> str:
    return default_store_location()


def store_data() -> tuple[nx.MultiDiGraph, queries.View, list[dict]]:
    """The graph, a View over it and the document list, read again only when the store has changed."""
    cache = _cache()
    try:
        with open_store(location(), read_only=True) as store:
            key = (location(), store.generation())
            if cache.get("key") != key:
                with st.spinner("正在读取数据库并建立索引（数据库每次更新后一次）…"):
                    cache.clear()
                    release_frozen()
                    with collector_paused():
                        graph = store.to_networkx()
                        view = queries.view(graph).warm()
                        documents = store.documents()
                        # The graph and its indexes live until the store changes: tens of millions of
                        # objects at 100k documents, which every full collection of Python's GC would walk
                        # again, seconds each, at random points in the analyses. Frozen, the collector
                        # skips them.
                        gc.freeze()
                    cache.update(key=key, graph=graph, view=view, documents=documents)
    except StoreError as exc:
        if "no store at" in str(exc):      # nothing loaded yet: the pages say how to begin
            cache.update(key=None, graph=nx.MultiDiGraph(), view=queries.view(nx.MultiDiGraph()), documents=[])
            return cache["graph"], cache["view"], cache["documents"]
        damaged = "is damaged" in str(exc)
        st.error("数据库已损坏，无法读取。请从备份恢复，或把文件重新导入一个新的数据库。" if damaged
                 else f"无法打开数据库：{literal(str(exc))}")
        st.stop()
    return cache["graph"], cache["view"], cache["documents"]


def release_frozen() -> None:
    """Hand what ``gc.freeze`` kept back to the collector and collect it: a replaced graph is freed (it
    holds reference cycles, networkx's views point back to their graph)."""
    gc.unfreeze()
    gc.collect()


def gap_findings(as_of: date) -> dict:
    """Rule -> its findings as of a day (each made when read), cached with the graph."""
    return cached(("gaps", as_of), lambda view: queries.gaps_by_rule(view, as_of=as_of))


def cached_summary() -> dict:
    return cached("summary", queries.summary)


def cached(key, work):
    """``work(view)``, computed once per store version and ``key`` (at 20,000 documents the ledger takes
    seconds; a page rerun must not redo it)."""
    _, view, _ = store_data()
    cache = _cache()
    if key not in cache:
        cache[key] = work(view)
    return cache[key]


def document_text(doc_id: str) -> str:
    cache = _cache().setdefault("texts", {})
    if doc_id not in cache:
        with open_store(location(), read_only=True) as store:
            cache[doc_id] = store.document_text(doc_id)
    return cache[doc_id]


def require_documents(documents: list[dict]) -> None:
    if not documents:
        st.info(f"数据库 {location()} 中还没有文件。请在“导入”页上传文件，或运行：zeren load 文件或目录 --store {location()}")
        st.stop()


def document_titles(documents: list[dict]) -> dict[str, str]:
    return {doc["doc_id"]: doc.get("title") or doc.get("doc_no") or doc["path"].rsplit("/", 1)[-1]
            for doc in documents}


def short(text: str | None, limit: int = 60) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= limit else text[:limit] + "…"


def evidence_html(text: str, start: int, end: int, context: int = 400) -> str:
    """The source around [start, end) with that span marked: every character of the document escaped."""
    lo, hi = max(0, start - context), min(len(text), end + context)
    before, marked, after = (html.escape(part) for part in (text[lo:start], text[start:end], text[end:hi]))
    return ('<pre style="white-space: pre-wrap; font-family: inherit; line-height: 1.7">'
            f'{"…" if lo else ""}{before}<mark>{marked}</mark>{after}{"…" if hi < len(text) else ""}</pre>')


# -- graphs ------------------------------------------------------------------------------------------------

COLORS = {"Document": "#6c757d", "Section": "#adb5bd", "Problem": "#d9534f", "Task": "#f0ad4e",
          "Unit": "#0275d8", "Person": "#f0ad4e", "Deadline": "#5cb85c", "PolicyDocument": "#8e44ad", "Group": "#999999"}
# Any <script src> or <link href>: pyvis adds CDN ones and relative ones (../node_modules/…) that would 404.
EXTERNAL_TAG = re.compile(r"<(?:script|link)\b[^>]*\b(?:src|href)=[^>]*>(?:\s*</script>)?", re.I)


MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:&])")


def literal(text: str) -> str:
    """Text (a file name, a quote) for a Streamlit message that renders Markdown: every character that could
    make a link, an image, an emoji or a formula is escaped, so it shows exactly as written."""
    return MARKDOWN_SPECIAL.sub(r"\\\1", text)


def plain(text: str | None, limit: int = 40) -> str:
    """Node text for a graph: shortened, and never able to end the script block it is embedded in."""
    text = short(text, limit)
    return text.replace("</", "<\u2060/").replace("<!--", "<\u2060!--")


def network_html(nodes: list[dict], edges: list[dict], height: int = 560) -> str:
    """A pyvis graph as self-contained HTML: vis-network inlined, every external <script>/<link> removed
    (pyvis links Bootstrap from a CDN even with cdn_resources='in_line'), so nothing leaves localhost."""
    from pyvis.network import Network
    net = Network(height=f"{height}px", width="100%", directed=True, cdn_resources="in_line")
    for node in nodes:
        net.add_node(node["id"], label=plain(node["label"]), title=plain(node.get("title") or node["label"], 300),
                     color=COLORS.get(node["type"], "#999999"), shape="dot" if node["type"] != "Unit" else "box",
                     size=node.get("size", 12))
    for edge in edges:
        net.add_edge(edge["source"], edge["target"], title=plain(edge.get("label"), 40), label=plain(edge.get("label"), 8))
    net.set_options('{"physics": {"stabilization": {"iterations": 150}}, "interaction": {"hover": true}}')
    page = net.generate_html(notebook=False)
    return EXTERNAL_TAG.sub("", page)


def show_network(nodes: list[dict], edges: list[dict], height: int = 560) -> None:
    # Our own template, with document text only as escaped JSON data (see network_html): safe to embed.
    st.iframe(network_html(nodes, edges, height), height=height + 20)


def describe(found: dict) -> str:
    """A finding's detail in one Chinese line."""
    detail, rule = found["detail"], found["rule"]
    if rule == "no_owner":
        return {"no_lead": f"{detail.get('responsible')}个责任单位，无牵头单位", "assist_only": "只有配合单位",
                "no_unit": "未明确任何单位"}[detail["kind"]]
    if rule == "vague_owner":
        return "责任主体为集合称谓" + ("，且以“等”结尾" if detail.get("open_ended") else "")
    if rule in ("multi_lead", "split_lead"):
        return f"{detail['leads']}个牵头单位" + ("（分别牵头）" if detail.get("each_leads") else "")
    if rule == "dual_role":
        return f"同一单位既牵头又{ROLE.get(detail['also'], detail['also'])}"
    if rule == "overload":
        return f"牵头{detail['items']}项，占本文件任务{detail['share']:.0%}，时限模糊占{detail['vague_share']:.0%}"
    if rule == "deadlines":
        kind = DEADLINE_FINDING.get(detail["kind"], detail["kind"])
        if detail["kind"] in ("overdue", "due_soon"):
            return f"{kind}：{detail['date']}（{detail['days']}天）"
        if detail["kind"] == "missing_all":
            return f"{kind}（{detail['tasks']}项任务）"
        return kind + (f"：{DEADLINE_KIND.get(detail.get('deadline'), '')}" if detail.get("deadline") else "")
    if rule == "claimed_vs_evidenced":
        return (f"自称{detail['claimed_problems']}个问题、已完成{detail['claimed_done']}个；"
                f"原文显示{detail['not_done']}个未完成 {'、'.join(n or '' for n in detail['not_done_numbers'])}")
    if rule == "recurring":
        return f"与《{short(detail['other']['document'], 20)}》{detail['other']['label']} 相似度 {detail['score']:.0%}"
    return str(detail)
