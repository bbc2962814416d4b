"""The View's items, owner edges and deadlines as numpy columns: a rule over a million tasks is then a few
array operations, not a Python call per item (about 1–3 µs each, seconds at that size).

Rows are the View's ``items`` in reading order; owner rows are every item's own owners in the order
``View.owners_by_item`` gives them. Built once per graph with the View's other indexes (``View.columns``).
"""
from __future__ import annotations

from datetime import date

import numpy as np

from graph.columnar import KIND_CODE, NO_DATE, ROLE_CODE, TYPE_CODE
from graph.columnar import STATUS_CODE as STORED_STATUS_CODE
from graph.schema import NARRATED

# The codes are the store's (graph/columnar.py), so its columns are read as they are stored.
SECTION, PROBLEM, TASK = (TYPE_CODE[name] for name in ("Section", "Problem", "Task"))
LEAD, RESPONSIBLE, ASSIST = (ROLE_CODE[name] for name in ("lead", "responsible", "assist"))
# Deadline kinds: "none" where no deadline is stated; any kind not named here is judged by its date.
NO_DEADLINE, DATED, ONGOING, TIMELY = (KIND_CODE[name] for name in ("none", "date", "ongoing", "timely"))
# Statuses: the store's codes first; any other status is given the next code, by name, as it is met.
STATUS_NAMES = sorted(STORED_STATUS_CODE, key=STORED_STATUS_CODE.get)
STATUS_CODE = dict(STORED_STATUS_CODE)


def status_code(name: str | None) -> int:
    """A status's code, a new name given the next code (the process keeps it: codes stay one to one)."""
    code = STATUS_CODE.get(name)
    if code is None:
        code = STATUS_CODE[name] = len(STATUS_NAMES)
        STATUS_NAMES.append(name)
    return code


class Columns:
    def __init__(self, view):
        """From a View over a graph: every array gathered from its indexes."""
        data, items = view.data, view.items
        index = {item: i for i, item in enumerate(items)}
        count = len(items)
        documents = view.documents
        doc_index = {doc: i for i, doc in enumerate(documents)}
        kind = np.zeros(count, np.int8)
        day = np.full(count, NO_DATE, np.int32)
        stated = np.zeros(count, bool)
        for item, (name, due, _) in view.due_by_item.items():
            i = index.get(item)
            if i is not None:
                kind[i], stated[i] = KIND_CODE.get(name, DATED), True
                day[i] = date.fromisoformat(due).toordinal() if due else NO_DATE
        unit_index = {unit: i for i, unit in enumerate(view.units)}
        owner_item, owner_unit, owner_role, owner_open = [], [], [], []
        for owned, owners in view.owned_items:
            i = index[owned]
            for owner in owners:
                owner_item.append(i)
                owner_unit.append(unit_index[owner.unit])
                owner_role.append(ROLE_CODE[owner.role])
                owner_open.append(owner.open_ended)
        self.build(
            items, documents,
            type_=np.fromiter((TYPE_CODE[data[item]["type"]] for item in items), np.int8, count),
            doc=np.fromiter((doc_index[data[item]["doc"]] for item in items), np.int32, count),
            parent=np.fromiter((index.get(view.parent(item), -1) for item in items), np.int32, count),
            owners_from=np.fromiter((index.get(data[item].get("owners_from"), -1) for item in items), np.int32, count),
            status=np.fromiter((status_code(data[item].get("status")) for item in items), np.int8, count),
            each_leads=np.fromiter((bool(data[item].get("each_leads")) for item in items), bool, count),
            narrated=np.fromiter((data[item].get("convention") == NARRATED for item in items), bool, count),
            own_deadline=(kind, day, stated),
            unit_names=[data[unit]["name"] for unit in view.units],
            unit_collective=np.fromiter((bool(data[unit].get("collective")) for unit in view.units), bool,
                                        len(view.units)),
            owners=(np.array(owner_item, np.int32), np.array(owner_unit, np.int32), np.array(owner_role, np.int8),
                    np.array(owner_open, bool)))

    @classmethod
    def from_arrays(cls, ids, documents, **arrays) -> "Columns":
        """From arrays read elsewhere (a store's column fragments, ``queries.store_view``): see ``build``."""
        columns = cls.__new__(cls)
        columns.build(ids, documents, **arrays)
        return columns

    def build(self, ids, documents, *, type_, doc, parent, owners_from, status, each_leads, narrated,
              own_deadline, unit_names, unit_collective, owners) -> None:
        """``ids``: the items in reading order (by document, then span start, then id); ``documents`` by id;
        per item its type, document, parent and ``owners_from`` (rows, -1 for none), status code,
        ``each_leads`` and whether its owners are narrated (``NARRATED``); ``own_deadline``: (kind code, day
        number, stated) of the deadline it states itself;
        per unit (``View.units`` order) its name and whether it is collective; ``owners``: (item row, unit,
        role code, open-ended) per owner row, in item order and, within an item, the order the document
        names them in."""
        self.ids, self.documents = ids, documents
        self.type, self.doc, self.parent, self.owners_from = type_, doc, parent, owners_from
        self.status, self.each_leads, self.narrated = status, each_leads, narrated
        self.done = status == STATUS_CODE["done"]
        self.reported = status != STATUS_CODE[None]
        self._deadlines(*own_deadline)
        self._owners(unit_names, unit_collective, *owners)
        self._work(len(ids))

    def _deadlines(self, kind, day, stated) -> None:
        """Each item's effective deadline (its own, else its block's): kind code and date as a day number."""
        count = len(kind)
        inherit = ~stated & (self.owners_from >= 0)
        source = np.where(inherit, self.owners_from, np.arange(count))
        self.deadline_kind, self.deadline_day = kind[source], day[source]

    def _owners(self, unit_names, unit_collective, item, unit, role, open_ended) -> None:
        """Owner rows in item order, with each item's first row and number of rows (its own owners)."""
        count = len(self.ids)
        self.names = sorted(set(unit_names))
        name_code = {name: i for i, name in enumerate(self.names)}
        self.unit_name = np.fromiter((name_code[name] for name in unit_names), np.int32, len(unit_names))
        self.owner_item = item
        self.owner_unit = unit
        self.owner_name = self.unit_name[self.owner_unit]
        self.owner_role = role
        self.owner_collective = unit_collective[unit]
        self.owner_open_ended = open_ended
        self.owner_count = np.bincount(self.owner_item, minlength=count).astype(np.int32)
        self.first_owner = np.cumsum(self.owner_count, dtype=np.int64) - self.owner_count

    def _work(self, count) -> None:
        """The work items (``View.work_items`` reads them here) and, per item, whose owners it answers to."""
        own = self.owner_count > 0
        block = self.owners_from
        from_block = ~own & (block >= 0)
        self.owner_source = np.where(from_block, block, np.arange(count)).astype(np.int32)
        self.owned = self.owner_count[self.owner_source] > 0
        shares = np.zeros(count, bool)  # a block whose measures share its owners: they are the work, not it
        shares[block[block >= 0]] = True
        # (what a report narrates a body did is no work given it: ``NARRATED``)
        self.work = np.flatnonzero((self.type != SECTION) & ~shares & self.owned & ~self.narrated)

    def per_document(self, items: np.ndarray) -> np.ndarray:
        """How many of ``items`` (a mask over all items, or their rows) each document has."""
        return np.bincount(self.doc[items], minlength=len(self.documents))

    def documents_naming(self, part: str) -> np.ndarray:
        """Per document: whether an item there names an owner whose name contains ``part``. Every unit a
        finding names owns an item in the finding's document, so a filter on units may narrow to these first."""
        return self._documents_naming(part in name for name in self.names)

    def documents_naming_any(self, names: set[str]) -> np.ndarray:
        """Per document: whether an item there names one of these units (canonical names) as an owner."""
        return self._documents_naming(name in names for name in self.names)

    def _documents_naming(self, named) -> np.ndarray:
        """Per document, from whether each unit name (in ``names`` order) is named: does an item name one."""
        naming = np.fromiter(named, bool, len(self.names))
        found = np.zeros(len(self.documents), bool)
        found[self.doc[self.owner_item[naming[self.owner_name]]]] = True
        return found

    def per_item(self, values, rows=None) -> np.ndarray:
        """Sum of ``values`` over each item's own owner rows (``rows`` a mask of which rows count)."""
        weights = values if rows is None else values & rows
        return np.bincount(self.owner_item, weights=weights, minlength=len(self.ids)).astype(np.int64)

    def work_owner_rows(self) -> tuple[np.ndarray, np.ndarray]:
        """(work item, owner row) for every owner each work item answers to, in item then owner order."""
        work = self.work
        source = self.owner_source[work]
        counts = self.owner_count[source]
        work_of_row = np.repeat(work, counts)
        starts = np.repeat(self.first_owner[source], counts)
        offsets = np.arange(len(work_of_row)) - np.repeat(np.cumsum(counts) - counts, counts)
        return work_of_row, starts + offsets


def runs(keys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(start, length) of each run of equal values in sorted ``keys``."""
    if not len(keys):
        return np.zeros(0, np.intp), np.zeros(0, np.intp)
    starts = np.flatnonzero(np.concatenate(([True], keys[1:] != keys[:-1])))
    return starts, np.diff(np.append(starts, len(keys)))


def distinct(values: np.ndarray) -> np.ndarray:
    """The distinct values, sorted: ``np.unique`` without its hash table (several times slower on int64)."""
    values = np.sort(values)
    return values[runs(values)[0]]
