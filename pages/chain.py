"""问题链: document → section → problem → tasks → units → deadlines → policies, as a graph and as text."""
from __future__ import annotations

import streamlit as st

import queries
import ui

st.title("问题链")
graph, view, documents = ui.store_data()
ui.require_documents(documents)
titles = ui.document_titles(documents)

ids = list(titles)
wanted = st.query_params.get("item")
wanted_doc = graph.nodes[wanted]["doc"] if wanted in graph else None
doc = st.selectbox("文件", ids, index=ids.index(wanted_doc) if wanted_doc in ids else 0,
                   format_func=lambda d: titles[d], placeholder="请选择")
items = [i for i in view.doc_items(doc) if view.type(i) in ("Problem", "Task")]
if not items:
    st.info("该文件没有识别出问题或任务。")
    st.stop()
item = st.selectbox("问题或任务", items, index=items.index(wanted) if wanted in items else 0,
                    format_func=lambda i: f"{view.label(i)}　{ui.short(graph.nodes[i].get('text'), 50)}",
                    placeholder="请选择")
result = queries.chain(view, item)

nodes, edges = {}, []
previous = doc
nodes[doc] = {"id": doc, "label": titles[doc], "type": "Document"}
for step in result["path"] + [result["item"]]:
    nodes[step["id"]] = {"id": step["id"], "label": step["label"], "title": step["text"], "type": step["type"]}
    edges.append({"source": previous, "target": step["id"], "label": ""})
    previous = step["id"]
top = (result["problem"] or result["item"])["id"]
for task in result["tasks"][: ui.MAX_GRAPH_NODES // 4]:
    tid = task["item"]["id"]
    nodes.setdefault(tid, {"id": tid, "label": task["item"]["label"], "title": task["item"]["text"], "type": "Task"})
    if tid != top:
        edges.append({"source": top, "target": tid, "label": ""})
    for owner in task["owners"]:
        uid = f"unit:{owner['unit']}"
        nodes.setdefault(uid, {"id": uid, "label": owner["unit"], "type": "Unit"})
        edges.append({"source": uid, "target": tid, "label": ui.ROLE[owner["role"]]})
    if task["deadline"]["kind"] != "none":
        did = f"deadline:{task['deadline']['date'] or task['deadline']['kind']}"
        nodes.setdefault(did, {"id": did, "label": task["deadline"]["date"] or ui.DEADLINE_KIND[task["deadline"]["kind"]],
                               "type": "Deadline"})
        edges.append({"source": tid, "target": did, "label": "时限"})
for policy in result["policies"]:
    nodes.setdefault(policy["id"], {"id": policy["id"], "label": policy["doc_no"] or policy["title"],
                                    "title": policy["title"], "type": "PolicyDocument"})
    edges.append({"source": top, "target": policy["id"], "label": "引用"})
ui.show_network(list(nodes.values()), edges, height=480)

st.subheader("文字说明")
st.text(" → ".join([titles[doc]] + [step["label"] for step in result["path"] + [result["item"]]]))
for task in result["tasks"]:
    with st.container(border=True):
        st.text(ui.short(task["item"]["text"], 300))
        owners = "、".join(f"{o['unit']}（{ui.ROLE[o['role']]}）" for o in task["owners"]) or "未明确"
        deadline = task["deadline"]["date"] or ui.DEADLINE_KIND[task["deadline"]["kind"]]
        st.text(f"责任：{owners}　·　时限：{deadline}　·　状态：{ui.STATUS.get(task['status'])}")
        if task["persons"]:
            st.text(f"{ui.ROLE['person']}：" + "、".join(p["name"] for p in task["persons"]))
if result["policies"]:
    st.text("引用文件：" + "；".join(p["title"] or p["doc_no"] for p in result["policies"]))
