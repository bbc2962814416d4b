"""单位: units ranked by the work they carry, found by any part of a name, a mention, an alias or an abbreviation
(住建, 发改); a unit's network and its tasks."""
from __future__ import annotations

import pandas as pd
import streamlit as st

import queries
import ui

MOST_TASKS = 200      # a unit's tasks listed (a province's office may carry tens of thousands)

st.title("单位")
view, documents = ui.store_data()
ui.require_documents(documents)
titles = ui.document_titles(documents)

query = st.text_input("单位名称（可输入全称、简称或其中几个字，如 住建、发改）", key=ui.seed("units-q", ui.param("q")))
with_groups = st.toggle("包含集合称谓（各县区政府、相关部门等）", key=ui.seed("units-groups", ui.param("groups") == "1"))
in_place = ui.place_filter((view.data[u].get("jurisdiction") for u in view.units), key="place")
# one search for the app and the CLI (queries.unit_search): names, mentions, alias forms and abbreviations
units = [u for u in ui.cached(("units", query, with_groups), lambda v: queries.find_units(v, query, with_groups))
         if in_place(view.data[u].get("jurisdiction"))]
if not units:
    ui.keep_in_link(q=query, groups="1" if with_groups else "", unit="")
    st.warning("没有找到符合条件的单位。")
    st.stop()
carried = view.unit_work_counts
ranked = pd.DataFrame([{"单位": view.data[u]["name"], "辖区": view.data[u].get("jurisdiction") or "未知",
                        "承担任务": carried.get(u, 0),
                        "类别": "集合称谓" if view.data[u].get("collective") else "单位"} for u in units[:2000]])
st.caption(f"找到 {len(units)} 个单位，按承担任务数排列" + ("，显示前2000个" if len(units) > 2000 else "")
           + "。点选一行查看该单位。")
picked = st.dataframe(ranked, hide_index=True, on_select="rerun", selection_mode="single-row",
                      height=35 * (min(len(ranked), 12) + 1) + 3,
                      key=f"units-{query}-{with_groups}")
rows = picked.selection.rows if picked else []
wanted = ui.param("unit")
unit = units[rows[0]] if rows else next((u for u in units if view.data[u]["name"] == wanted), units[0])
ui.keep_in_link(q=query, groups="1" if with_groups else "", unit=view.data[unit]["name"])
st.subheader(view.data[unit]["name"])
result = queries.chain(view, unit, most=MOST_TASKS)
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
if result["tasks"] > len(tasks):
    st.caption(f"共 {result['tasks']} 项，列出按文件顺序的前 {len(tasks)} 项。")
if not tasks:
    st.info("该单位没有承担任务（只在文件中被提到）。")
else:
    st.dataframe(pd.DataFrame([{"文件": ui.short(document["document"], 24), "问题": (problem or {}).get("label") or "—",
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
