"""问题链: find a problem, task, unit or person (full text over problems and tasks, the unit search, persons by
name); see an item's chain document → problem → tasks → owners → deadlines; and browse the graph from any node
step by step: pick a neighbour beside the graph to go there, the path is kept, 返回 goes back."""
from __future__ import annotations

import pandas as pd
import streamlit as st

import queries
import ui

MOST_NEIGHBOURS = 40     # past this many of one type, the rest are counted in one grouped node

st.title("问题链")
view, documents = ui.store_data()
ui.require_documents(documents)
titles = ui.document_titles(documents)


def default_problem(v) -> str | None:
    """A problem that has owned tasks, else any owned task: where the page opens (not 一、指导思想)."""
    work = v.work_items
    for item in work:
        problem = v.problem_of(item)
        if problem and problem != item:
            return problem
    return work[0] if work else None


query = st.text_input("搜索问题、任务、单位或责任领导（如 营商环境、执行难、住建）", key=ui.seed("chain-q", ui.param("q")))
trail: list[str] = st.session_state.setdefault("trail", [])
if query:
    results = [dict(ref, where=titles.get(ref.get("doc"), "")) for ref in
               ui.cached(("search", query), lambda v: queries.search_text(v, query))]
    results += [queries.node_ref(view, u) for u in ui.cached(("units", query, True),
                                                             lambda v: queries.find_units(v, query, True))[:50]]
    persons = ui.cached("persons", lambda v: v.of_type("Person"))
    results += [queries.node_ref(view, p) for p in persons if query in (view.data[p].get("name") or "")][:50]
    if results:
        st.caption(f"找到 {len(results)} 项。点选一项打开。")
        table = pd.DataFrame([{"类型": ui.TYPE_ZH.get(r["type"], r["type"]), "名称或位置": r["label"],
                               "文件": ui.short(r.get("where") or titles.get(r.get("doc"), ""), 30),
                               "内容": ui.short(r["text"], 80)} for r in results])
        picked = st.dataframe(table, hide_index=True, on_select="rerun", selection_mode="single-row",
                              key=f"search-{query}", height=220)
        if picked and picked.selection.rows:
            chosen = results[picked.selection.rows[0]]["id"]
            if not trail or trail[-1] != chosen:
                trail[:] = [chosen]
    else:
        st.warning("没有找到。")

wanted = ui.param("node") or ui.param("item")
# a link names where to start; the node this page wrote into the link itself is no new start (after 返回,
# the link still names the node just left until this run writes the new one)
linked_by_us = st.session_state.get("chain-linked")
if not trail or (wanted in view.data and wanted != linked_by_us and trail[-1] != wanted):
    start = wanted if wanted in view.data else ui.cached("default_problem", default_problem)
    if start is None:
        st.info("数据库中没有识别出问题或任务。")
        st.stop()
    trail[:] = [start]
focus = trail[-1]
ui.keep_in_link(q=query, node=focus, item="")
st.session_state["chain-linked"] = focus
ref = queries.node_ref(view, focus)

st.text("路径：" + " → ".join(ui.short(queries.node_ref(view, n)["label"], 20) for n in trail))
chain_tab, browse_tab = st.tabs(["问题链", "关系浏览"])

with browse_tab:
    around = queries.neighbourhood(view, focus, most=MOST_NEIGHBOURS)
    nodes = {focus: {"id": focus, "label": ref["label"], "title": ref["text"], "type": ref["type"], "size": 22,
                     "level": 1}}
    edges = []
    for earlier in trail[-4:-1]:      # the way here, to the left
        back = queries.node_ref(view, earlier)
        nodes.setdefault(earlier, {"id": earlier, "label": back["label"], "title": back["text"], "type": back["type"],
                                   "level": 0})
    for kind, refs in around["neighbours"].items():
        for other in refs:
            nodes.setdefault(other["id"], {"id": other["id"], "label": other["label"], "title": other["text"],
                                           "type": other["type"], "level": 2})
            source, target = (focus, other["id"]) if other["direction"] == "out" else (other["id"], focus)
            edges.append({"source": source, "target": target, "label": other["edge"]})
    for kind, extra in around["more"].items():
        group = f"more:{kind}"
        nodes[group] = {"id": group, "label": f"另有{extra}个{ui.TYPE_ZH.get(kind, kind)}", "type": "Group", "level": 2}
        edges.append({"source": focus, "target": group, "label": ""})
    for earlier, later in zip(trail[-4:-1], trail[-3:]):
        if earlier in nodes and later in nodes:
            edges.append({"source": earlier, "target": later, "label": "来自"})
    left, right = st.columns([3, 1])
    with left:
        ui.show_network(list(nodes.values()), edges, height=520)
    with right:
        st.caption(f"当前：{ui.TYPE_ZH.get(ref['type'], ref['type'])}")
        st.text(ui.short(ref["text"], 120))
        if len(trail) > 1:
            st.button("返回上一步", on_click=trail.pop)
        st.caption("展开相邻节点（点一项前往）")
        with st.container(height=420):
            for refs in around["neighbours"].values():
                for other in refs:
                    st.button(f"{ui.TYPE_ZH.get(other['type'], '')}·{other['edge']}·{ui.short(other['label'], 24)}",
                              key=f"go-{other['id']}", on_click=trail.append, args=(other["id"],),
                              width="stretch")
        if any(around["more"].values()):
            st.caption("节点较多时只列出前40个；可在上方搜索缩小范围。")

with chain_tab:
    item = focus if ref["type"] in ("Section", "Problem", "Task") else None
    if item is None:
        st.info("问题链从问题或任务开始：在“关系浏览”中展开到一项任务，或在上方搜索。")
        st.stop()
    result = queries.chain(view, item)
    doc = view.data[item]["doc"]
    nodes, edges = {}, []
    previous = doc
    nodes[doc] = {"id": doc, "label": titles[doc], "type": "Document"}
    for step in result["path"] + [result["item"]]:
        label = queries.node_ref(view, step["id"])["label"]
        nodes[step["id"]] = {"id": step["id"], "label": label, "title": step["text"], "type": step["type"]}
        edges.append({"source": previous, "target": step["id"], "label": ""})
        previous = step["id"]
    top = (result["problem"] or result["item"])["id"]
    for task in result["tasks"][:MOST_NEIGHBOURS]:
        tid = task["item"]["id"]
        nodes.setdefault(tid, {"id": tid, "label": queries.node_ref(view, tid)["label"], "title": task["item"]["text"],
                               "type": "Task"})
        if tid != top:
            edges.append({"source": top, "target": tid, "label": ""})
        for owner in task["owners"]:
            uid = f"unit:{owner['unit']}"
            nodes.setdefault(uid, {"id": uid, "label": owner["unit"], "type": "Unit"})
            edges.append({"source": tid, "target": uid, "label": ui.ROLE[owner["role"]]})
        for person in task["persons"]:
            pid = f"person:{person['name']}"
            nodes.setdefault(pid, {"id": pid, "label": person["name"], "title": person.get("title") or person["name"],
                                   "type": "Person"})
            edges.append({"source": tid, "target": pid, "label": ui.ROLE["person"]})
        if task["deadline"]["kind"] != "none":
            did = f"deadline:{task['deadline']['date'] or task['deadline']['kind']}"
            nodes.setdefault(did, {"id": did, "label": task["deadline"]["date"] or ui.DEADLINE_KIND[task["deadline"]["kind"]],
                                   "type": "Deadline"})
            edges.append({"source": tid, "target": did, "label": "时限"})
    if len(result["tasks"]) > MOST_NEIGHBOURS:
        nodes["more:tasks"] = {"id": "more:tasks", "label": f"另有{len(result['tasks']) - MOST_NEIGHBOURS}项任务",
                               "type": "Group"}
        edges.append({"source": top, "target": "more:tasks", "label": ""})
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
