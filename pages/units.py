"""单位: find a unit by any part of its name or of how documents name it; its network and its tasks."""
from __future__ import annotations

import pandas as pd
import streamlit as st

import queries
import ui

st.title("单位")
graph, view, documents = ui.store_data()
ui.require_documents(documents)
titles = ui.document_titles(documents)

mentions = view.mentions  # built once per store version, with the cached view
query = st.text_input("单位名称（可输入简称或其中几个字）", value=st.query_params.get("q", ""))
units = [u for u in view.units if not query or query in graph.nodes[u]["name"]
         or any(query in said for said in mentions.get(u, ()))]
if not units:
    st.warning("没有找到名称包含该文字的单位。")
    st.stop()
unit = st.selectbox(f"找到 {len(units)} 个单位", units, format_func=lambda u: graph.nodes[u]["name"],
                    placeholder="请选择")
result = queries.chain(view, unit)
st.text(f"辖区：{result['jurisdiction'] or '未知'}" + ("　·　集合称谓（非单一责任主体）" if result["unit"]["collective"] else ""))

tasks = [(entry["document"], group["problem"], task) for entry in result["documents"]
         for group in entry["problems"] for task in group["tasks"]]
nodes = {unit: {"id": unit, "label": result["unit"]["name"], "type": "Unit", "size": 25}}
edges = []
if len(tasks) + len(result["shares_with"]) > ui.MAX_GRAPH_NODES:  # too many to draw: one node per document
    for document, _, task in tasks:
        node = nodes.setdefault(document["id"], {"id": document["id"], "label": document["document"], "type": "Group",
                                                 "count": 0})
        node["count"] += 1
    for node in nodes.values():
        if node["type"] == "Group":
            node["title"] = f"{node['label']}：{node['count']}项任务"
            node["label"] = f"{ui.short(node['label'], 12)}（{node['count']}项）"
            edges.append({"source": unit, "target": node["id"], "label": "任务"})
else:
    for document, problem, task in tasks:
        item = task["item"]
        nodes[item["id"]] = {"id": item["id"], "label": item["label"], "title": item["text"], "type": "Task"}
        edges.append({"source": unit, "target": item["id"], "label": "、".join(ui.ROLE[r] for r in task["roles"])})
        nodes.setdefault(document["id"], {"id": document["id"], "label": document["document"], "type": "Document"})
        edges.append({"source": document["id"], "target": item["id"], "label": ""})
        if task["deadline"]["date"]:
            deadline = f"deadline:{task['deadline']['date']}"
            nodes.setdefault(deadline, {"id": deadline, "label": task["deadline"]["date"], "type": "Deadline"})
            edges.append({"source": item["id"], "target": deadline, "label": "时限"})
    for partner in result["shares_with"][:40]:
        pid = f"partner:{partner['unit']}"
        nodes[pid] = {"id": pid, "label": partner["unit"], "type": "Unit", "title": f"共同承担{partner['items']}项"}
        edges.append({"source": unit, "target": pid, "label": f"共同{partner['items']}项"})
ui.show_network(list(nodes.values()), edges)

st.subheader("任务")
st.dataframe(pd.DataFrame([{"文件": ui.short(document["document"], 24), "问题": (problem or {}).get("label"),
                            "任务": task["item"]["label"], "角色": "、".join(ui.ROLE[r] for r in task["roles"]),
                            "时限": task["deadline"]["date"] or ui.DEADLINE_KIND[task["deadline"]["kind"]],
                            "状态": ui.STATUS.get(task["status"]), "共同承担": "、".join(task["with"]),
                            ui.ROLE["person"]: "、".join(p["name"] for p in task["persons"]),
                            "内容": ui.short(task["item"]["text"], 80)} for document, problem, task in tasks]),
             hide_index=True)
if result["shares_with"]:
    st.subheader("共同承担任务的单位")
    st.dataframe(pd.DataFrame([{"单位": p["unit"], "共同任务": p["items"]} for p in result["shares_with"]]),
                 hide_index=True)
