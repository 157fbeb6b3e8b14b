"""Progress on long runs: a transient rich bar on a terminal's standard error, else nothing."""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable, Iterator, Sequence
from typing import Any

MANY = 10  # inputs from which a run shows its progress
LARGE = 4 * 1024 * 1024  # characters of input from which a run shows its progress


def wanted(quiet: bool) -> bool:
    """Whether progress may be drawn: on a terminal, unless --quiet. Never into a pipe or file."""
    return not quiet and sys.stderr.isatty()


@contextlib.contextmanager
def bar(
    description: str, enabled: bool, long: bool = False, console: Any = None
) -> Iterator[Callable[[int, int], None]]:
    """A bar for one stage of a run; yields ``update(done, total)``.

    The bar appears once the stage proves long (``total`` at least MANY, or ``long`` said so
    from the start), so a run of a few small files draws nothing; it is gone from the screen
    when the stage ends.
    """
    if not enabled:
        yield lambda done, total: None
        return
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        SpinnerColumn,
        TextColumn,
        TimeElapsedColumn,
    )

    progress = Progress(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=console or Console(stderr=True),
        transient=True,
    )
    task: list[Any] = []

    def update(done: int, total: int) -> None:
        if not task:
            if total < MANY and not long:
                return
            progress.start()
            task.append(progress.add_task(description, total=total))
        progress.update(task[0], completed=done, total=total)

    try:
        yield update
    finally:
        if task:
            progress.stop()


def each(
    items: Sequence[Any], work: Callable[[Any], Any], description: str, enabled: bool
) -> list[Any]:
    """``work`` applied to every item in turn, with a bar when they are many or large."""
    large = sum(len(getattr(item, "text", "")) for item in items) >= LARGE
    out = []
    with bar(description, enabled, long=large) as update:
        for n, item in enumerate(items):
            update(n, len(items))
            out.append(work(item))
        update(len(items), len(items))
    return out


@contextlib.contextmanager
def spinner(description: str, enabled: bool) -> Iterator[None]:
    """An indeterminate bar with the time elapsed, for a stage that reports no steps."""
    if not enabled:
        yield
        return
    from rich.console import Console
    from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    with Progress(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        BarColumn(),
        TimeElapsedColumn(),
        console=Console(stderr=True),
        transient=True,
    ) as progress:
        progress.add_task(description, total=None)
        yield
