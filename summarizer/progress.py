"""Signs of life on the terminal: which pass is running, how far the model assembly has got.

Everything goes to stderr through rich, and only when stderr is a terminal and ``--quiet`` was not
given: piped or captured output stays exactly the result (and the one-line errors).
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # rich is imported when a display starts: a one-line error needs none of it
    from rich.console import Console
    from rich.progress import Progress

__all__ = ["PassStatus", "byte_bar", "console", "enabled", "set_quiet"]

_quiet = False
_active: Progress | None = None  # the status line on screen, if any


def set_quiet(quiet: bool) -> None:
    """``--quiet``: no progress at all, even on a terminal."""
    global _quiet
    _quiet = quiet


def enabled() -> bool:
    return not _quiet and sys.stderr.isatty()


def console() -> Console:
    """The stderr console (a function so tests can hand in a recording one)."""
    from rich.console import Console

    return Console(stderr=True)


@contextmanager
def byte_bar(description: str, total: int) -> Iterator[Callable[[int], None]]:
    """A bar over ``total`` bytes; yields ``advance(n)``, a no-op when progress is off."""
    if not enabled():
        yield lambda n: None
        return
    from rich.progress import BarColumn, DownloadColumn, Progress, TextColumn, TimeRemainingColumn, TransferSpeedColumn

    paused = _active  # one live display at a time: a running status line steps aside
    if paused is not None:
        paused.stop()
    columns = (
        TextColumn("{task.description}"),
        BarColumn(),
        DownloadColumn(),
        TransferSpeedColumn(),
        TimeRemainingColumn(),
    )
    try:
        with Progress(*columns, console=console(), transient=True, redirect_stdout=False) as bar:
            task = bar.add_task(description, total=total)
            yield lambda n: bar.advance(task, n)
    finally:
        if paused is not None:
            paused.start()


class PassStatus:
    """One status line for a run: the article (when several) and the running pass, with elapsed time.

    Used as a context manager; ``article(source, n, total)`` starts an article and the instance is
    the ``progress`` callback of ``Summarizer.summarize`` ("quotes 2/4 … 38 s").
    """

    def __init__(self, articles: int = 1) -> None:
        self._on = enabled()
        self._articles = articles
        self._progress: Progress | None = None
        self._task: Any = None
        self._started = time.monotonic()
        self._prefix = ""

    def __enter__(self) -> PassStatus:
        if self._on:
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                Progress,
                SpinnerColumn,
                TextColumn,
                TimeElapsedColumn,
            )

            columns: list[Any] = [SpinnerColumn(), TextColumn("{task.description}")]
            if self._articles > 1:
                columns += [BarColumn(), MofNCompleteColumn()]
            clock = _clock(self)
            columns += [clock, TimeElapsedColumn()] if self._articles > 1 else [clock]
            self._progress = Progress(*columns, console=console(), transient=True, redirect_stdout=False)
            self._progress.__enter__()
            self._task = self._progress.add_task("starting", total=self._articles)
            global _active
            _active = self._progress
        return self

    def __exit__(self, *exc: object) -> None:
        global _active
        if self._progress is not None:
            self._progress.__exit__(None, None, None)
            if _active is self._progress:
                _active = None
            self._progress = None

    def article(self, source: str, done: int) -> None:
        """A new article starts; ``done`` articles are finished."""
        self._prefix = f"{_short(source)}: " if self._articles > 1 else ""
        self._started = time.monotonic()
        if self._progress is not None:
            self._progress.update(self._task, completed=done, description=f"{self._prefix}starting")

    def finished(self, done: int) -> None:
        if self._progress is not None:
            self._progress.update(self._task, completed=done)

    def __call__(self, name: str, index: int, total: int) -> None:
        if self._progress is not None:
            self._progress.update(self._task, description=f"{self._prefix}{name} {index}/{total}")

    @property
    def seconds(self) -> float:
        """Time spent on the current article."""
        return time.monotonic() - self._started


def _short(source: str, width: int = 40) -> str:
    return source if len(source) <= width else "…" + source[-(width - 1) :]


def _clock(status: PassStatus) -> Any:
    """A column with the seconds on the current article, ticking while a pass runs ("… 38 s")."""
    from rich.progress import ProgressColumn
    from rich.text import Text

    class Clock(ProgressColumn):
        def render(self, task: Any) -> Text:
            return Text(f"… {status.seconds:.0f} s", style="progress.elapsed")

    return Clock()
