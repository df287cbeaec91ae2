"""Progress on stderr for the long stages of a large input: a rich bar when stderr is a terminal and the
CLI is not quiet; nothing at all from the Python API unless a caller switches it on.

Stages report through `step(description, total)`, which yields an `advance(n)` callable; when progress
is off it costs nothing and imports nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

SHOW_ABOVE = 500  # sentences: below this a stage ends within ~2 s on 2 cores, a bar would flicker

_enabled = False


def enable(on: bool) -> None:
    global _enabled
    _enabled = on


@contextmanager
def step(description: str, total: int, show_above: int = SHOW_ABOVE) -> Iterator[Callable[[int], None]]:
    if not _enabled or total < show_above:
        yield lambda n=1: None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task(description, total=total)
        yield lambda n=1: bar.advance(task, n)
