"""What every ``zeren`` command shares: the consoles, one-line errors, store options and JSON-or-table output."""
from __future__ import annotations

import json
import sys
from typing import Annotated, Callable, NoReturn

import typer
from rich.console import Console, RenderableType
from rich.text import Text

from graph.store import Store, StoreError, open_store
from queries import Findings

out = Console(highlight=False, emoji=False)
# Messages name user files: no markup or emoji codes read into them, and no wrapping (one line is one error).
err = Console(stderr=True, soft_wrap=True, markup=False, highlight=False, emoji=False)

StoreDir = Annotated[str, typer.Option("--store", envvar="ZEREN_STORE", metavar="DIR",
                                       help="Store directory (env ZEREN_STORE).")]
UseNeo4j = Annotated[bool, typer.Option("--neo4j", help="Use the Neo4j server named by NEO4J_URI "
                                                        "(or set ZEREN_BACKEND=neo4j).")]
AsJson = Annotated[bool, typer.Option("--json", help="Print JSON instead of tables.")]

BAD_INPUT = 2  # exit status for input zeren cannot use at all; 1 means some of a batch failed


def cell(value) -> Text:
    """A table cell that shows document text as it is: ``[…]`` in a title is not rich markup."""
    return Text("" if value is None else str(value))


def error(message: str) -> None:
    # Through ``err``, the progress bar's console, so the line lands above a live bar.
    err.print("zeren: error:", " ".join(message.splitlines()))


def fail(message: str, code: int = BAD_INPUT) -> NoReturn:
    error(message)
    raise typer.Exit(code)


def opened(location: str, neo4j: bool = False, read_only: bool = False) -> Store:
    """The store, or one line and exit 2. A reading command opens it ``read_only``: no lock, no write."""
    try:
        return open_store(location, "neo4j" if neo4j else None, read_only=read_only)
    except StoreError as exc:
        fail(str(exc))


def _made(value):
    """JSON for what json does not know: an analysis' findings are made when read (``queries.Findings``)."""
    if isinstance(value, Findings):
        return list(value)
    raise TypeError(f"{type(value).__name__} is not JSON")


def show(value, as_json: bool, view: Callable[[object], RenderableType]) -> None:
    if as_json:  # not through rich: it would wrap long lines and style the output
        sys.stdout.write(json.dumps(value, ensure_ascii=False, indent=1, default=_made) + "\n")
    else:
        out.print(view(value))
