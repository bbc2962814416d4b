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
import numpy as np
import streamlit as st

import queries
from graph.schema import DEADLINE_KIND_ZH, ROLE_ZH, STATUS_ZH
from graph.store import StoreError, collector_paused, default_store_location, open_store
from loaders.places import place_path
from queries import export


def _never_the_legacy_page_list() -> None:
    """A bookmarked page opened first after a restart (/gaps?rule=multi_lead before anyone opens /) makes
    Streamlit run the page file itself, as its old pages/ directory mode does: an English list of file names
    and a narrow layout, for that session and the ones after it. Leave that mode and run the app (app.py's
    navigation, which serves the same URL) instead."""
    from streamlit.runtime.pages_manager import PagesManager
    if PagesManager.uses_pages_directory:
        PagesManager.uses_pages_directory = False
        st.rerun()


_never_the_legacy_page_list()
RULES = queries.GAP_RULES
ROLE, DEADLINE_KIND, STATUS = ROLE_ZH, DEADLINE_KIND_ZH, STATUS_ZH     # defined once, in the schema
DEADLINE_FINDING = {"missing": "未设时限", "missing_all": "全文未设时限", "vague": "时限模糊", "overdue": "已逾期",
                    "due_soon": "即将到期"}
OWNED_TYPES = ("Document", "Section", "Problem", "Task")
MAX_GRAPH_NODES = 40  # beyond this a neighbourhood is grouped (by document, by type): a graph one can read


@st.cache_resource(show_spinner=False)
def _cache() -> dict:
    return {}


def location() -> str:
    return default_store_location()


def store_data() -> tuple[queries.View, list[dict]]:
    """The View the analyses read and the document list, read again only when the store has changed. The
    embedded store's View reads its columns and the rest on demand (``queries.store_view``): its reader
    stays open while the View is in use. (The whole graph, for the GraphML export, is ``whole_graph``.)"""
    _never_the_legacy_page_list()       # every page calls this first; the import-time check runs once
    cache = _cache()
    try:
        with open_store(location(), read_only=True) as store:
            key = (location(), store.generation())
        if cache.get("key") != key:
            with st.spinner("正在读取数据库并建立索引（数据库每次更新后一次）…"):
                if cache.get("reader") is not None:
                    cache["reader"].close()
                cache.clear()
                release_frozen()
                reader = open_store(location(), read_only=True)
                try:
                    with collector_paused():
                        view = queries.store_view(reader).warm()
                        documents = reader.documents()
                        # the pairs of units, a second at a million tasks, made now so no later page waits
                        overlap = queries.overlap(view, top=OVERLAP_UNITS)
                        # The indexes live until the store changes; frozen, the collector does not walk
                        # them again and again at random points in the analyses.
                        gc.freeze()
                except BaseException:
                    reader.close()
                    raise
                cache.update(key=key, reader=reader, view=view, documents=documents, overlap=overlap)
    except StoreError as exc:
        if "no store at" in str(exc):      # nothing loaded yet: the pages say how to begin
            empty = queries.view(nx.MultiDiGraph())
            cache.update(key=None, reader=None, view=empty, documents=[])
            return empty, []
        damaged = "is damaged" in str(exc)
        st.error("数据库已损坏，无法读取。请从备份恢复，或把文件重新导入一个新的数据库。" if damaged
                 else f"无法打开数据库：{literal(str(exc))}")
        st.stop()
    return cache["view"], cache["documents"]


def whole_graph() -> nx.MultiDiGraph:
    """Every node and edge as one networkx graph (the GraphML export), read when asked for."""
    store_data()
    cache = _cache()
    if "graph" not in cache:
        with open_store(location(), read_only=True) as store:
            cache["graph"] = store.to_networkx()
    return cache["graph"]


def documents_graph(documents: set[str]) -> nx.MultiDiGraph:
    """What these documents assert, as one networkx graph: their own nodes, the units, deadlines, policies
    and places they name, and their edges (the GraphML export of a choice of files). Read document by
    document from the embedded store, never the whole graph; from another store, cut from the whole."""
    with open_store(location(), read_only=True) as store:
        if not hasattr(store, "document_records"):
            graph = whole_graph()
            own = {n for n, d in graph.nodes(data=True) if d.get("doc") in documents and d["type"] in OWNED_TYPES}
            return graph.subgraph(own | {m for n in own for m in (*graph.successors(n), *graph.predecessors(n))})
        graph = nx.MultiDiGraph()
        for doc in sorted(documents):
            nodes, edges = store.document_records(doc)
            graph.add_nodes_from(nodes.items())
            graph.add_edges_from((source, target, type_, props) for source, target, type_, props in edges
                                 if not graph.has_edge(source, target, type_))
    return graph


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


OVERLAP_UNITS = 40     # the most units the 交叉重叠 heatmap shows


def cached_overlap() -> dict:
    """Every unit pair once per store version (the 交叉重叠 page narrows them page-side)."""
    return cached("overlap", lambda view: queries.overlap(view, top=OVERLAP_UNITS))


def cached(key, work):
    """``work(view)``, computed once per store version and ``key`` (at 20,000 documents the ledger takes
    seconds; a page rerun must not redo it)."""
    view, _ = store_data()
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


# -- evidence and findings ---------------------------------------------------------------------------------

def where(doc_id: str, offset: int, titles: dict) -> str:
    """A readable 出处: the document's title and the paragraph, never a character offset (numbered as the
    台账's 出处 is)."""
    starts = _cache().setdefault("paragraph_starts", {})
    if doc_id not in starts:
        starts[doc_id] = export.paragraph_starts(document_text(doc_id))
    return f"{short(titles.get(doc_id), 30)}·第{export.paragraph_number(starts[doc_id], offset)}段"


def item_facts(item_id: str | None) -> tuple[str, str]:
    """An item's time limit as shown (the date, else its kind) and the persons answering for it."""
    view, _ = store_data()
    if item_id not in view.data:
        return DEADLINE_KIND["none"], ""
    kind, due, _ = view.deadline(item_id)
    return due or DEADLINE_KIND.get(kind, DEADLINE_KIND["none"]), "、".join(p["name"] for p in view.persons(item_id))


def collective_names() -> set[str]:
    """Names of the collective owners (各县区政府, 相关部门), which rankings leave out unless asked."""
    return cached("collective_names", lambda v: {v.data[u]["name"] for u in v.units if v.data[u].get("collective")})


def places_of(documents: list[dict]) -> dict[str, str | None]:
    """Each document's jurisdiction, by its id."""
    return {d["doc_id"]: d.get("jurisdiction") for d in documents}


def documents_kept(view, documents: list[dict], chosen, in_place):
    """Per document, in the View's columns' order: is it among those chosen (none chosen: all) and in the
    places chosen. The mask pages narrow findings, pairs and dated tasks with (``Findings.in_documents``)."""
    place_of = places_of(documents)
    return np.fromiter(((not chosen or doc in chosen) and in_place(place_of.get(doc))
                        for doc in view.columns.documents), bool, len(view.columns.documents))


def show_evidence(finding: dict, titles: dict, most: int = 20, grouped: bool = False) -> None:
    """A finding's evidence cards: where, what it shows, the quote, and a link to the marked source.
    ``grouped`` (the printed finding): one card per paragraph, naming everything it shows, without links."""
    if grouped:
        paragraphs: dict[tuple, list] = {}
        for proof in finding["evidence"][:most]:
            text = document_text(proof["doc"])
            start = text.rfind("\n", 0, proof["span"][0]) + 1
            end = text.find("\n", proof["span"][1])
            paragraphs.setdefault((proof["doc"], start, end if end >= 0 else len(text)), []).append(proof)
        for (doc, start, end), proofs in paragraphs.items():
            shown = "、".join(dict.fromkeys(EVIDENCE_WHAT.get(p["what"], p["what"]) for p in proofs))
            with st.container(border=True):
                st.text(f"{where(doc, start, titles)} · {shown}")
                st.text(short(document_text(doc)[start:end], 600))
        return
    for proof in finding["evidence"][:most]:
        text = document_text(proof["doc"])
        start, end = proof["span"]
        with st.container(border=True):
            st.text(f"{where(proof['doc'], start, titles)} · {EVIDENCE_WHAT.get(proof['what'], proof['what'])}")
            st.text(short(text[start:end], 400))
            st.page_link("pages/evidence.py", label="在原文中查看",
                         query_params={"doc": proof["doc"], "start": str(start), "end": str(end)})


# what a piece of evidence shows, in Chinese (the rules name it in English)
EVIDENCE_WHAT = {"item": "条目原文", "lead": "牵头单位", "responsible": "责任单位", "assist": "配合单位", "owners": "责任单位",
                 "deadline": "完成时限", "status": "整改状态", "claim": "自称的完成情况", "other": "相似问题",
                 "document": "文件", "person": "责任领导"}
FINDINGS_HEADER = ["序号", "问题类型", "文件", "位置", "内容", "单位", "责任领导", "完成时限", "说明", "证据"]


def findings_rows(findings, titles: dict) -> list[list]:
    """The 问题线索 sheet: one row per finding, its evidence quoted."""
    rows = []
    for n, found in enumerate(findings, 1):
        item = found["item"] or {}
        due, persons = item_facts(item.get("id"))
        quotes = "\n".join(f"【{where(p['doc'], p['span'][0], titles)}】"
                           f"{document_text(p['doc'])[p['span'][0]:p['span'][1]]}" for p in found["evidence"][:10])
        rows.append([n, RULES.get(found["rule"], found["rule"]), titles.get(item.get("doc")), item.get("label"),
                     item.get("text"), "、".join(found["units"]), persons or None, due, describe(found), quotes])
    return rows


def findings_download(findings, titles: dict, rule: str, most: int = 20000) -> None:
    """A button writing the findings shown (after filters) as an xlsx 问题线索 sheet, when clicked."""
    def workbook() -> bytes:
        import io
        buffer = io.BytesIO()
        export.write_sheet("问题线索", FINDINGS_HEADER, findings_rows(list(findings[:most]), titles), buffer)
        return buffer.getvalue()
    st.download_button("导出问题线索（xlsx）", workbook, f"zeren-问题线索-{RULES.get(rule, rule)}.xlsx",
                       "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")


# -- filters that live in the link -------------------------------------------------------------------------

def param(name: str, default: str = "") -> str:
    return st.query_params.get(name, default)


def seed(key: str, value):
    """A widget's first value, from the link: set once per session, then the widget keeps what the user
    chose (a default that changed on every run would reset the widget)."""
    if key not in st.session_state:
        st.session_state[key] = value
    return key


def keep_in_link(**values) -> None:
    """Write the page's state into its URL (empty values removed), so a copied link shows the same view."""
    for name, value in values.items():
        value = "" if value is None else str(value)
        if value and st.query_params.get(name) != value:
            st.query_params[name] = value
        elif not value and name in st.query_params:
            del st.query_params[name]


PLACE_LEVELS = ("省", "市", "区/县")


def place_filter(jurisdictions, key: str = "place"):
    """省 → 市 → 区/县 pickers over the divisions the given jurisdictions lie in; returns a test of a
    jurisdiction (everything passes while nothing is picked). The choice is kept in the link."""
    paths = {j: place_path(j) for j in set(jurisdictions) if j}
    chosen: list[str] = []
    columns = st.columns(3)
    for level, label in enumerate(PLACE_LEVELS):
        options = sorted({p[level] for p in paths.values() if len(p) > level and list(p[:level]) == chosen})
        if not options:
            break
        wanted = param(f"{key}{level}")
        widget = seed(f"{key}-{level}", wanted if wanted in options else "全部")
        if st.session_state[widget] not in ("全部", *options):
            st.session_state[widget] = "全部"       # a choice above changed: this level starts again
        pick = columns[level].selectbox(label, ["全部", *options], key=widget, placeholder="全部")
        if pick == "全部":
            break
        chosen.append(pick)
    keep_in_link(**{f"{key}{level}": (chosen[level] if level < len(chosen) else "") for level in range(3)})
    return lambda jurisdiction: not chosen or list(place_path(jurisdiction)[:len(chosen)]) == chosen


# -- graphs ------------------------------------------------------------------------------------------------

COLORS = {"Document": "#6c757d", "Section": "#adb5bd", "Problem": "#d9534f", "Task": "#f0ad4e",
          "Unit": "#0275d8", "Person": "#17a2b8", "Deadline": "#5cb85c", "PolicyDocument": "#8e44ad", "Jurisdiction": "#343a40",
          "Group": "#999999"}
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


TYPE_ZH = {"Document": "文件", "Section": "章节", "Problem": "问题", "Task": "任务", "Unit": "单位", "Person": "责任领导",
           "Deadline": "时限", "PolicyDocument": "引用文件", "Jurisdiction": "辖区", "Group": "其余"}
SHAPES = {"Unit": "box", "Person": "ellipse", "Document": "box", "Group": "diamond"}


def network_html(nodes: list[dict], edges: list[dict], height: int = 560, layered: bool = True) -> str:
    """A pyvis graph as self-contained HTML: vis-network inlined, every external <script>/<link> removed
    (pyvis links Bootstrap from a CDN even with cdn_resources='in_line'), so nothing leaves localhost.
    Laid out in layers left to right with physics off, so it stands still and labels (wrapped, 14 px) do not
    overlap; the full text shows on hover."""
    from pyvis.network import Network
    net = Network(height=f"{height}px", width="100%", directed=True, cdn_resources="in_line")
    for node in nodes:
        placed = {"level": node["level"]} if node.get("level") is not None else {}   # null puts all on one level
        net.add_node(node["id"], label=plain(node["label"], 28), title=plain(node.get("title") or node["label"], 300),
                     color=COLORS.get(node["type"], "#999999"), shape=SHAPES.get(node["type"], "dot"),
                     size=node.get("size", 12), **placed)
    for edge in edges:
        net.add_edge(edge["source"], edge["target"], title=plain(edge.get("label"), 40), label=plain(edge.get("label"), 8))
    layout = ('"layout": {"hierarchical": {"enabled": true, "direction": "LR", "sortMethod": "directed", '
              '"levelSeparation": 260, "nodeSpacing": 90}}, "physics": {"enabled": false}, ' if layered else
              '"physics": {"barnesHut": {"springLength": 160, "avoidOverlap": 0.6}, "stabilization": {"iterations": 400}}, ')
    net.set_options('{' + layout + '"interaction": {"hover": true}, '
                    '"nodes": {"font": {"size": 14}, "widthConstraint": {"maximum": 180}}, '
                    '"edges": {"font": {"size": 12, "align": "middle"}, "smooth": false}}')
    page = net.generate_html(notebook=False)
    # once laid out, the graph stands still (fixed code, no document text)
    page = page.replace("network = new vis.Network(container, data, options);",
                        "network = new vis.Network(container, data, options);\n"
                        "network.once('stabilizationIterationsDone', function () { network.setOptions({physics: false}); });", 1)
    return EXTERNAL_TAG.sub("", page)


def show_network(nodes: list[dict], edges: list[dict], height: int = 560, layered: bool = True) -> None:
    # Our own template, with document text only as escaped JSON data (see network_html): safe to embed.
    st.iframe(network_html(nodes, edges, height, layered), height=height + 20)
    show_legend({node["type"] for node in nodes})


def show_legend(types) -> None:
    """Colour and shape of each node type shown (fixed text, no document content)."""
    parts = [f'<span style="display:inline-block;width:12px;height:12px;background:{COLORS[t]};'
             f'border-radius:{"2px" if SHAPES.get(t) == "box" else "50%"};margin:0 4px 0 12px"></span>{TYPE_ZH[t]}'
             for t in TYPE_ZH if t in types]
    st.html('<div style="font-size:13px">图例：' + "".join(parts) + "　连线上的字：牵头、责任、配合、时限、引用</div>")


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
