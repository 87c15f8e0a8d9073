"""``summarize cache stats|clear``."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from ..errors import ConfigError, SummarizerError

if TYPE_CHECKING:
    pass

from .base import (
    CONTEXT,
    _cache,
    _fail,
    main,
)


@main.group("cache", context_settings=CONTEXT)
def cache_group() -> None:
    """Inspect or clear the SQLite cache."""


@cache_group.command("stats", context_settings=CONTEXT)
@click.option("--cache", "cache_path", type=click.Path(path_type=Path))
def cache_stats(cache_path: Path | None) -> None:
    """Entries, articles, tokens and size of the cache."""
    try:
        cache = _cache(cache_path)
        click.echo(json.dumps(cache.stats(), indent=2))
    except SummarizerError as exc:
        _fail(exc)


@cache_group.command("clear", context_settings=CONTEXT)
@click.option("--cache", "cache_path", type=click.Path(path_type=Path))
@click.option("-y", "--yes", is_flag=True, help="Do not ask (needed when there is no terminal to ask on).")
def cache_clear(cache_path: Path | None, yes: bool) -> None:
    """Delete every cached summary (hours of model work): asks first unless --yes."""
    try:
        cache = _cache(cache_path)
        n = cache.stats()["entries"]
        if not yes:
            if not _interactive():
                raise ConfigError(
                    f"cache clear would delete {n} cached summaries in {cache.path}; pass --yes to confirm"
                )
            if not click.confirm(f"Delete {n} cached summaries in {cache.path}?", default=False, err=True):
                click.echo("nothing removed")
                return
        click.echo(f"removed {cache.clear()} cached summaries")
    except SummarizerError as exc:
        _fail(exc)


def _interactive() -> bool:
    """A person at a terminal who can answer a question."""
    return sys.stdin.isatty()
