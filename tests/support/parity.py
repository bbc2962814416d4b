"""Two Views answering alike (the whole graph's and the store's columns, the embedded store's and Neo4j's):
what each compares, said once."""
from __future__ import annotations

import json

import queries
from queries import export


def dump(value) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)


def made(found):
    """An analysis' answer with its findings made (``queries.Findings`` are made when read)."""
    if isinstance(found, dict):
        return {key: list(value) if isinstance(value, queries.Findings) else value for key, value in found.items()}
    return list(found)


def assert_same_ledger_and_chains(ours, theirs, units: list, items: list) -> None:
    """The 台账, the chains of these units and items, and the items' neighbourhoods, the same from both."""
    assert dump(export.ledger(ours)) == dump(export.ledger(theirs))
    for unit in units:
        assert dump(queries.chain(ours, unit)) == dump(queries.chain(theirs, unit)), unit
    for item in items:
        assert dump(queries.chain(ours, item)) == dump(queries.chain(theirs, item)), item
        assert dump(queries.neighbourhood(ours, item)) == dump(queries.neighbourhood(theirs, item)), item
