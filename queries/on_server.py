"""Gap findings made where a Neo4j store keeps the graph: what ``zeren gaps --neo4j`` runs.

Each rule's Cypher twin picks its findings in the server, in the order the embedded rule gives them, and the
server counts them and cuts them to the first ``limit``. One more statement (finding_facts.cypher) then reads,
one row per item or document those findings show, its label, owners and deadline, and each span's quote cut
from the text in the server. The client holds a row per finding and a row per item shown, never the graph, so
the work grows with what is shown, not with the archive. The findings themselves are made by the embedded rules' own finding
functions, over a ``View`` of just the facts read, so both stores give the same findings (tests/test_bolt.py).

``recurring``'s similarity (first sentence, trigram sketches, an Indel ratio) has no form in portable Cypher,
and it depends on every problem of the archive (which trigrams are common, which statement came first). So the
server keeps its findings, as it keeps an index: after each change, ``keep_recurring`` reads the problems once
(recurring.cypher), scores them here with the embedded rule's own code (queries/recurring.py:similar_pairs)
and writes each recurring problem's pair onto it; ``zeren load --neo4j`` and the 导入 page do this when they
have written, and a reader finding the pairs older than the store does it first. Reading the findings
(recurring_kept.cypher) then reads only them.
"""
from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache

import networkx as nx

from graph.neo4j_store import EDGE_INTERNAL, STATE, Neo4jStore, id_batches, public_properties
from graph.schema import complete
from graph.store import StoreError

from . import cypher
from .claims import claim_finding
from .deadlines import deadline_finding, missing_all_finding
from .overlap import MIN_ITEMS, MIN_SHARE, dual_role_finding, overload_finding
from .ownership import multi_lead_finding, no_owner_finding, vague_finding
from .recurring import THRESHOLD, recurring_finding, similar_pairs
from .unit_search import from_twin
from .view import View

# rule -> (its twin, the order the embedded rule reports its findings in)
READING_ORDER = "doc, at, item"
TWINS = {
    "no_owner": ("no_owner", READING_ORDER), "vague_owner": ("vague_owner", READING_ORDER),
    "multi_lead": ("multi_lead", READING_ORDER), "split_lead": ("multi_lead", READING_ORDER),
    "dual_role": ("dual_role", READING_ORDER + ", owner_at"), "overload": ("overloaded", "unit, doc"),
    "deadlines": ("deadlines", READING_ORDER), "claimed_vs_evidenced": ("claimed_vs_evidenced", READING_ORDER),
}
EVERY = 2 ** 31 - 1  # the LIMIT that keeps every row (FalkorDB reads a larger one as 0)
# What a twin's row names: $units keeps the findings naming one of them (null: all).
CHOSEN = "rule = $rule AND ($units IS NULL OR any(name IN units WHERE name IN $units))"


# recurring's pairs, kept on the problems (``keep_recurring``); recurring_at: the generation they were made at
RECURRING = {
    "kept_at": f"MATCH (s:{STATE} {{id: 'state'}}) RETURN s.generation AS generation, s.recurring_at AS kept",
    "forget": "MATCH (p:Problem) WHERE p.recurs_of IS NOT NULL SET p.recurs_of = null, p.recurs_score = null",
    "remember": "UNWIND $rows AS row MATCH (p:Problem {id: row.item}) "
                "SET p.recurs_of = row.other, p.recurs_score = row.score",
    "stamp": f"MATCH (s:{STATE} {{id: 'state'}}) SET s.recurring_at = $generation",
}
RECURRING_ORDER = "score DESC, item"


# A subquery: Neo4j 5 asks for its variable scope, CALL () { … }; the FalkorDB stand-in only reads CALL { … }.
SUBQUERY = {"neo4j": "CALL () {", "falkordb": "CALL {"}


@lru_cache(maxsize=None)     # made from files: once per process, for every rule and every keep
def statements() -> dict[str, str]:
    """Every statement this module sends, by name (``page:`` and ``count:``, then the dialect), for the linter
    (tests/test_cypher_lint.py): made from the twins' files and constants only."""
    found = {}
    for dialect, call in SUBQUERY.items():
        for twin, order in sorted(set(TWINS.values())):
            body = f"{call}\n{cypher.twin(twin)}\n}}\nWITH * WHERE {CHOSEN}\n"
            found[f"page:{dialect}:{twin}:{order}"] = f"{body}RETURN * ORDER BY {order} LIMIT $limit"
            found[f"count:{dialect}:{twin}"] = f"{body}RETURN count(*) AS n"
        body = f"{call}\n{cypher.twin('recurring_kept')}\n}}\n"
        found[f"page:{dialect}:recurring_kept"] = f"{body}RETURN * ORDER BY {RECURRING_ORDER} LIMIT $limit"
        found[f"count:{dialect}:recurring_kept"] = f"{body}RETURN count(*) AS n"
    return {**found, **{f"recurring:{name}": statement for name, statement in RECURRING.items()}}


def serves(store) -> bool:
    """Whether ``store`` runs the analyses itself (a Neo4j store), so findings are asked of it."""
    return isinstance(store, Neo4jStore)


def gaps(store, as_of: date, within_days: int = 30, units: set[str] | None = None,
         recurring_threshold: float = THRESHOLD) -> list[dict]:
    """Every finding, quoted, in ``queries.gaps`` order: multi_lead and split_lead together in reading order."""
    by_rule, _ = gaps_by_rule(store, as_of, within_days, units=units, counted=False,
                              recurring_threshold=recurring_threshold)
    by_rule["multi_lead"] = sorted(by_rule["multi_lead"] + by_rule.pop("split_lead"), key=_reading_place)
    return [found for findings in by_rule.values() for found in findings]


def _reading_place(found: dict) -> tuple:
    item = found["item"]
    return item["doc"], found["evidence"][0]["span"][0], item["id"]


def unit_names(store, query: str) -> set[str]:
    """``queries.unit_names`` asked of the server: the names of the units ``query`` finds."""
    query = "".join((query or "").split())
    rows = cypher.run(store, "unit_search", first=query[:1])
    kept = set(from_twin(rows, query))
    return {row["name"] for row in rows if row["id"] in kept}


def gaps_by_rule(store, as_of: date, within_days: int = 30, limit: int = 0, units: set[str] | None = None,
                 counted: bool = True, recurring_threshold: float = THRESHOLD) -> tuple[dict[str, list[dict]], dict | None]:
    """Rule -> its first ``limit`` findings (0: all), quoted, in ``queries.GAP_RULES`` order; and each rule's
    number of findings when ``counted``. ``units``: only findings naming one of these unit names."""
    sent, dialect = statements(), "falkordb" if getattr(store, "dialect", None) == "falkordb" else "neo4j"
    params = {"as_of": as_of.isoformat(), "due_by": (as_of + timedelta(days=within_days)).isoformat(),
              "min_items": MIN_ITEMS, "min_share": MIN_SHARE, "units": sorted(units) if units is not None else None,
              "limit": limit or EVERY}
    rows, counts = {}, {} if counted else None
    for rule, (twin, order) in TWINS.items():
        rows[rule] = store.query(sent[f"page:{dialect}:{twin}:{order}"], rule=rule, **params)
        if counted:
            counts[rule] = store.query(sent[f"count:{dialect}:{twin}"], rule=rule, **params)[0]["n"]
    if units is not None:       # a recurring problem names no unit
        rows["recurring"], found = [], 0
    elif recurring_threshold == THRESHOLD and _kept(store):
        rows["recurring"] = [(row["item"], row["other"], row["score"]) for row in
                             store.query(sent[f"page:{dialect}:recurring_kept"], limit=params["limit"])]
        found = store.query(sent[f"count:{dialect}:recurring_kept"])[0]["n"] if counted else None
    else:   # another threshold than the kept pairs', or pairs that cannot be kept: scored here, from every problem
        pairs = _recurring(store, recurring_threshold)
        rows["recurring"], found = pairs[:limit] if limit else pairs, len(pairs)
    if counted:
        counts["recurring"] = found
    totals = _overload_totals(store, rows["overload"])
    v, quotes = facts_view(store, _named_ids(rows))
    made = {rule: [_make(v, rule, row, as_of, within_days, totals) for row in found] for rule, found in rows.items()}
    for findings in made.values():
        _quote(findings, quotes)
    return made, counts


def _kept(store) -> bool:
    """Whether the server holds recurring's pairs for what it stores now, made now if not; False if they
    cannot be written there (a user who may only read)."""
    try:
        keep_recurring(store)
        return True
    except StoreError:
        store.query(statements()["recurring:kept_at"])  # a server that does not answer at all: say so
        return False


def keep_recurring(store, again: bool = False) -> bool:
    """Make recurring's pairs again and keep them on the problems in the server, unless (``again`` False)
    they were made at the store's present generation. True if they were made."""
    sent = statements()
    state = store.query(sent["recurring:kept_at"])[0]
    if state["kept"] == state["generation"] and not again:
        return False
    pairs = [{"item": item, "other": other, "score": score}
             for item, other, score in _recurring(store, THRESHOLD)]
    # one transaction: a reader sees the old pairs or the new ones; a load meanwhile moves the generation on,
    # so these are stamped older than the store and made again by the next reader
    store.write([(sent["recurring:forget"], {}, None), (sent["recurring:remember"], {}, pairs),
                 (sent["recurring:stamp"], {"generation": state["generation"]}, None)])
    return True


def _recurring(store, threshold: float) -> list[tuple[str, str, float]]:
    fetched = [(row["item"], row["doc"], row["text"]) for row in cypher.run(store, "recurring")]
    return sorted(similar_pairs(fetched, threshold=threshold), key=lambda pair: (-pair[2], pair[0]))


def _overload_totals(store, rows: list[dict]) -> dict[str, tuple[int, float]]:
    """Each overloaded unit's totals over every document, from the ranking twin for those units only."""
    if not rows:
        return {}
    ranking = cypher.run(store, "overload", units=sorted({row["unit"] for row in rows}))
    return {row["unit"]: (row["led"], round(row["vague_deadlines"] / row["items"], 4)) for row in ranking}


def _named_ids(rows: dict[str, list]) -> list[str]:
    """Every item and document the findings show, in first-named order."""
    ids: dict[str, None] = {}
    for rule, found in rows.items():
        for row in found:
            if rule == "recurring":
                ids.update(dict.fromkeys(row[:2]))
                continue
            ids[row["item"] if rule != "overload" else row["doc"]] = None
            ids.update(dict.fromkeys(row.get("not_done_items") or row.get("items") or ()))
    return list(ids)


def _make(v: View, rule: str, row, as_of: date, within_days: int, totals: dict) -> dict:
    if rule == "recurring":
        return recurring_finding(v, *row)
    if rule == "no_owner":
        return no_owner_finding(v, row["item"])
    if rule == "vague_owner":
        return vague_finding(v, row["item"])
    if rule in ("multi_lead", "split_lead"):
        return multi_lead_finding(v, row["item"])
    if rule == "dual_role":
        owner = next(o for o in v.owners_by_item[row["item"]]
                     if o.role != "lead" and o.name == row["units"][0] and o.evidence["span"][0] == row["owner_at"])
        return dual_role_finding(v, row["item"], owner)
    if rule == "overload":
        return overload_finding(v, row["unit"], row["doc"], row["items"], row["owned"], *totals[row["unit"]])
    if rule == "deadlines":
        if row["kind"] == "missing_all":
            return missing_all_finding(v, row["item"], row["tasks"])
        return deadline_finding(v, row["item"], as_of, as_of + timedelta(days=within_days))
    return claim_finding(v, row["item"], row["problems"], row["reported"], row["not_done_items"])


def _quote(findings: list[dict], quotes: dict[tuple, str]) -> None:
    for found in findings:
        for proof in found["evidence"]:
            proof["quote"] = quotes[(proof["doc"], *proof["span"])]


# -- a View of the facts read ---------------------------------------------------------------------------------

class FactsView(View):
    """A View over the few nodes and edges finding_facts read: enough to make the findings that name them.
    Labels come from the server (an item's place among its siblings needs the siblings)."""

    def __init__(self, graph: nx.MultiDiGraph, labels: dict[str, str]):
        super().__init__(graph)
        self._labels = labels


def facts_view(store, ids: list[str]) -> tuple[FactsView, dict[tuple, str]]:
    """The View of what ``ids`` (items and documents) show, and each span's quote by (document, start, end)."""
    graph, labels, quotes = nx.MultiDiGraph(), {}, {}
    rows = (row for batch in id_batches(store.message_budget, cypher.twin("finding_facts"), ids)
            for row in cypher.run(store, "finding_facts", ids=batch))
    for row in rows:
        document = row["document"]
        _add_node(graph, "Document", document)
        node = row["node"] or document
        _add_node(graph, row["type"], node)
        labels[node["id"]] = " ".join((part["number"] if part["number"] is not None else f"第{part['place']}项").strip()
                                      for part in row["label"])
        quotes[(document["id"], *node["span"])] = row["quote"]
        _add_edges(graph, quotes, node["id"], row["owners"], row["dues"])
        if row["holder"] is not None:
            _add_node(graph, row["holder_type"], row["holder"])
            _add_edges(graph, quotes, row["holder"]["id"], row["holder_owners"], row["holder_dues"])
    return FactsView(nx.freeze(graph), labels), quotes


def _add_node(graph: nx.MultiDiGraph, label: str, props: dict) -> None:
    if props["id"] not in graph:
        graph.add_node(props["id"], **complete(label, public_properties(props, label)))


def _add_edges(graph: nx.MultiDiGraph, quotes: dict, item: str, owners: list, dues: list) -> None:
    """The item's owner and deadline edges as the store's graph has them: the first asserted (lowest seq) of
    each type between two nodes."""
    for entry in sorted((o for o in owners if o), key=lambda o: o["edge"].get("seq", 0)):
        _add_node(graph, "Unit", entry["unit"])
        _add_edge(graph, entry["unit"]["id"], item, entry["type"], entry["edge"])
        quotes[(entry["edge"]["doc"], *entry["edge"]["span"])] = entry["quote"]
    for entry in sorted((d for d in dues if d), key=lambda d: d["edge"].get("seq", 0)):
        _add_node(graph, "Deadline", entry["deadline"])
        _add_edge(graph, item, entry["deadline"]["id"], "DUE", entry["edge"])
        quotes[(entry["edge"]["doc"], *entry["edge"]["span"])] = entry["quote"]


def _add_edge(graph: nx.MultiDiGraph, source: str, target: str, type_: str, props: dict) -> None:
    if not graph.has_edge(source, target, key=type_):
        graph.add_edge(source, target, key=type_, **complete(type_, {k: v for k, v in props.items() if k not in EDGE_INTERNAL}))
