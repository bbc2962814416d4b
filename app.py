"""zeren's web page: what the store holds, in Chinese. ``streamlit run app.py`` (the store: $ZEREN_STORE).

Document text is shown only through st.dataframe / st.text, which render it as text: a document is untrusted
input and must never become HTML.
"""
from __future__ import annotations

import networkx as nx
import streamlit as st

from graph.schema import NODE_TYPES
from graph.store import StoreError, default_store_location, open_store


def owners(graph: nx.MultiDiGraph, item: str, edge_type: str) -> str:
    return "、".join(graph.nodes[unit]["name"] for unit, _, key in graph.in_edges(item, keys=True)
                    if key == edge_type)


def deadline(graph: nx.MultiDiGraph, item: str) -> str:
    return "、".join(attrs.get("raw") or graph.nodes[target].get("date") or ""
                    for _, target, key, attrs in graph.out_edges(item, keys=True, data=True) if key == "DUE")


def task_rows(graph: nx.MultiDiGraph) -> list[dict]:
    tasks = sorted(((attrs["doc"], attrs["span"][0], node) for node, attrs in graph.nodes(data=True)
                    if attrs["type"] == "Task"))
    return [{"文件": graph.nodes[doc].get("title"), "编号": graph.nodes[task].get("number"),
             "任务": graph.nodes[task].get("text"), "牵头单位": owners(graph, task, "LEADS"),
             "责任单位": owners(graph, task, "RESPONSIBLE_FOR"), "完成时限": deadline(graph, task)}
            for doc, _, task in tasks]


st.set_page_config(page_title="zeren 责任图谱", layout="wide")
st.title("zeren 责任图谱")
location = default_store_location()
try:
    with open_store(location) as store:
        counts, documents, graph = store.stats(), store.documents(), store.to_networkx()
except StoreError as exc:
    st.error(f"无法打开数据库：{exc}")
    st.stop()

columns = st.columns(4)
columns[0].metric("文件", counts["documents"])
for column, node_type in zip(columns[1:], ("Problem", "Task", "Unit")):
    column.metric(NODE_TYPES[node_type].label_zh, counts["nodes"][node_type])

if not documents:
    st.info(f"数据库 {location} 中还没有文件。请先运行：zeren load 文件或目录 --store {location}")
    st.stop()

st.subheader("文件")
st.dataframe([{"标题": doc.get("title"), "发文单位": doc.get("issuer"), "日期": doc.get("date"),
               "辖区": doc.get("jurisdiction")} for doc in documents], hide_index=True)

st.subheader("任务")
st.dataframe(task_rows(graph), hide_index=True)
