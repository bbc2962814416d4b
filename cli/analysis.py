"""``zeren gaps``, ``chain``, ``overlap`` and ``export``: the analyses of queries/ on a store."""
from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

import queries
from cli.common import AsJson, StoreDir, UseNeo4j, cell, fail, opened, out, show
from graph.store import DEFAULT_STORE, StoreError
from queries import export as exporting
from queries import on_server

AsOf = Annotated[str, typer.Option("--as-of", metavar="DATE", help="Judge deadlines as of this day (YYYY-MM-DD); "
                                                                   "default today.")]


def _as_of(value: str | None) -> date:
    try:
        return date.fromisoformat(value) if value else date.today()
    except ValueError:
        fail(f"--as-of {value!r}: not a date like 2024-06-30")


Within = Annotated[int, typer.Option("--within", metavar="DAYS", help="Report tasks due within this many days.")]


ForUnit = Annotated[str, typer.Option("--unit", metavar="TEXT", help="Only findings naming a unit this finds: any part "
                                      "of its name or a mention, an alias or an abbreviation (住建, 发改).")]


Limit = Annotated[int, typer.Option("--limit", metavar="N", help="At most N findings of each rule, the first in "
                                    "reading order (0: all). Default: all with --json, 50 a rule in the table.")]
TABLE_LIMIT = 50


def gaps(store: StoreDir = DEFAULT_STORE, neo4j: UseNeo4j = False, as_of: AsOf = None, within: Within = 30,
         unit: ForUnit = None, limit: Limit = None, as_json: AsJson = False) -> None:
    """Every gap: no owner, vague owner, several leads, one unit in two roles, overload, deadlines, claims
    the text does not bear out, recurring problems. Each finding quotes its evidence."""
    day = _as_of(as_of)
    if within < 0:
        fail(f"--within {within}: a number of days, 0 or more")
    if limit is not None and limit < 0:
        fail(f"--limit {limit}: a number of findings, 0 or more")
    limit = (0 if as_json else TABLE_LIMIT) if limit is None else limit
    within = min(within, (date.max - day).days)       # "due within" never reaches past the calendar's end
    with opened(store, neo4j, read_only=True) as db:
        if on_server.serves(db):  # the server finds them: only the findings shown are read
            try:
                findings, counts = _gaps_in_server(db, day, within, unit, limit)
            except StoreError as exc:
                fail(str(exc))
        else:
            findings, counts = _gaps(db, day, within, unit, limit)
    if counts is not None and not as_json:
        more = any(n > limit for n in counts.values())
        out.print("  ".join(f"{queries.GAP_RULES[rule]} {n}" for rule, n in counts.items())
                  + (f"  (each rule's first {limit} below; --limit 0 lists all)" if more else ""),
                  markup=False, soft_wrap=True)
    show(findings, as_json, gaps_table)


def _gaps_in_server(db, day: date, within: int, unit: str | None, limit: int) -> tuple[list[dict], dict | None]:
    """``_gaps`` asked of a Neo4j server: each rule's twin runs there, and only the findings shown are read."""
    names = on_server.unit_names(db, unit) if unit is not None else None
    if not limit:
        return on_server.gaps(db, day, within, units=names), None
    by_rule, counts = on_server.gaps_by_rule(db, day, within, limit=limit, units=names)
    return [found for findings in by_rule.values() for found in findings], counts


def _gaps(db, day: date, within: int, unit: str | None, limit: int) -> tuple[list[dict], dict | None]:
    """The findings (each rule's first ``limit``, or all) and each rule's count, from the store's columns."""
    graph = queries.store_view(db)
    names = queries.unit_names(graph, unit) if unit is not None else None
    counts = None
    if limit:   # each rule's first findings: only those are made (a rule may have a million)
        by_rule = queries.gaps_by_rule(graph, as_of=day, within_days=within)
        if names is not None:
            by_rule = {rule: queries.for_units(findings, names) for rule, findings in by_rule.items()}
        counts = {rule: len(findings) for rule, findings in by_rule.items()}
        found = [found for findings in by_rule.values() for found in findings[:limit]]
    else:
        found = queries.gaps(graph, as_of=day, within_days=within)
        if names is not None:
            found = queries.for_units(found, names)
    return queries.quote(found, db.document_text), counts


def gaps_table(findings: list[dict]) -> RenderableType:
    table = Table(title=f"{len(findings)} findings")
    table.add_column("rule", no_wrap=True)  # the rule's Chinese name whole, however narrow the terminal
    for column in ("where", "units", "detail", "evidence"):
        table.add_column(column, overflow="fold")
    for found in findings:
        item = found["item"] or {}
        detail = ", ".join(f"{key}={value}" for key, value in found["detail"].items()
                           if not isinstance(value, (dict, list)))
        table.add_row(cell(queries.GAP_RULES.get(found["rule"], found["rule"])),
                      cell(f"{_short(item.get('document') or '', 16)} {item.get('label') or ''}"),
                      cell("、".join(found["units"])), cell(detail), cell(_short(found["evidence"][-1]["quote"])))
    return table


def _short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit] + "…"


def chain(target: Annotated[str, typer.Argument(metavar="UNIT|ITEM_ID",
                                                help="A unit's name, mention or a unique part of it; or an item id.")],
          store: StoreDir = DEFAULT_STORE, neo4j: UseNeo4j = False, as_json: AsJson = False) -> None:
    """Everything a unit answers for, or the chain of one item: document → problem → tasks → owners."""
    with opened(store, neo4j, read_only=True) as db:
        try:
            result = queries.chain(queries.store_view(db), target)
        except queries.NotFound as exc:
            fail(str(exc), code=1)
    show(result, as_json, chain_view)


def chain_view(result: dict) -> RenderableType:
    if "unit" in result:
        unit = result["unit"]
        head = Text(f"{unit['name']}  辖区: {result['jurisdiction'] or '—'}" + ("  (集合主体)" if unit["collective"] else ""))
        table = Table("document", "problem", "task", "roles", "deadline", "status", "with")
        for entry in result["documents"]:
            for group in entry["problems"]:
                problem = group["problem"] or {}
                for task in group["tasks"]:
                    table.add_row(cell(entry["document"]["text"]), cell(problem.get("number")),
                                  cell(task["item"]["label"]), cell(",".join(task["roles"])),
                                  cell(task["deadline"]["date"] or task["deadline"]["kind"]), cell(task["status"]),
                                  cell("、".join(task["with"])))
        partners = Text("shares work with: " + "、".join(f"{p['unit']}({p['items']})" for p in result["shares_with"]))
        return Group(head, table, partners)
    table = Table("task", "owners", "deadline", "status", title=Text(result["document"]["text"] or ""))
    for task in result["tasks"]:
        table.add_row(cell(task["item"]["label"]),
                      cell("、".join(f"{o['unit']}({o['role']})" for o in task["owners"])),
                      cell(task["deadline"]["date"] or task["deadline"]["kind"]), cell(task["status"]))
    policies = Text("cites: " + "; ".join(p["title"] or p["doc_no"] for p in result["policies"]))
    return Group(Text(" > ".join(node["label"] for node in result["path"] + [result["item"]])), table, policies)


def overlap(store: StoreDir = DEFAULT_STORE, neo4j: UseNeo4j = False,
            top: Annotated[int, typer.Option("--top", help="Pairs to list.")] = 30, as_json: AsJson = False) -> None:
    """Unit pairs sharing tasks (count, Jaccard), the unit × unit matrix, and units both lead and responsible."""
    with opened(store, neo4j, read_only=True) as db:
        result = queries.overlap(queries.store_view(db), top=top)
        result["dual_role"] = queries.quote(result["dual_role"], db.document_text)
    result["pairs"] = result["pairs"][:top]
    show(result, as_json, overlap_table)


def overlap_table(result: dict) -> RenderableType:
    table = Table("unit", "unit", "shared", "jaccard", title="units named on the same tasks")
    for pair in result["pairs"]:
        table.add_row(cell(pair["a"]), cell(pair["b"]), cell(pair["shared"]), cell(f"{pair['jaccard']:.2f}"))
    return Group(table, gaps_table(result["dual_role"]))


FORMATS = ("xlsx", "csv", "graphml")


def export(output: Annotated[Path, typer.Argument(metavar="FILE", help="Where to write.")],
           export_format: Annotated[str, typer.Option("--format", metavar="|".join(FORMATS),
                                                      help="Default: from the file's suffix.")] = None,
           store: StoreDir = DEFAULT_STORE, neo4j: UseNeo4j = False) -> None:
    """Write the 台账 (one row per task: problem, owners, deadline, status, evidence) or the whole graph."""
    chosen = export_format or output.suffix.lstrip(".").lower()
    if chosen not in FORMATS:
        fail(f"--format must be one of {', '.join(FORMATS)} (got {chosen or 'nothing'})")
    with opened(store, neo4j, read_only=True) as db:
        try:
            if chosen == "graphml":
                graph = db.to_networkx()
                exporting.write_graphml(graph, output)
                written = f"{graph.number_of_nodes()} nodes, {graph.number_of_edges()} edges"
            else:
                rows = exporting.ledger(queries.store_view(db), db.document_text)
                (exporting.write_xlsx if chosen == "xlsx" else exporting.write_csv)(rows, output)
                written = f"{len(rows)} tasks"
        except OSError as exc:
            fail(f"{output}: cannot write: {exc.strerror or exc}")
    out.print(f"wrote {written} to {output}", markup=False, soft_wrap=True)
