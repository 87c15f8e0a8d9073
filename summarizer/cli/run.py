"""``summarize FILE|URL...``: summarize articles, write markdown, JSON or one HTML page."""

from __future__ import annotations

import json
import os
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from .. import progress
from ..article import Article
from ..batchlines import document
from ..errors import BadInputError, ConfigError, SummarizerError
from ..loading import check_path, load_article
from ..web import is_url, load_url

if TYPE_CHECKING:
    from ..models import Summary

from .base import (
    CONTEXT,
    _fail,
    _settings,
    _summarizer,
    _warn,
    input_options,
    main,
    model_options,
)


def _load(spec: str, max_chars: int, fetch_timeout: float) -> Article:
    """A URL is fetched and extracted; a path (or ``-``) is read, a saved web page extracted."""
    if is_url(spec):
        return load_url(spec, max_chars=max_chars, timeout=fetch_timeout)
    return load_article(spec, max_chars)


def _write_atomically(path: Path, text: str) -> None:
    """A temp file beside the target, renamed over it: an interrupted run leaves no partial file."""
    path = path.expanduser()
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    umask = os.umask(0)
    os.umask(umask)
    try:
        os.fchmod(fd, 0o666 & ~umask)  # as an ordinary new file, not mkstemp's 0600
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        os.replace(tmp, path)
    finally:
        Path(tmp).unlink(missing_ok=True)


@main.command("run", context_settings=CONTEXT)
@click.argument("inputs", nargs=-1, required=True, metavar="FILE|URL...")
@click.option("--format", "fmt", type=click.Choice(["markdown", "json", "html"]), default="markdown", show_default=True)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the result to FILE instead of standard output (whole, or not at all).",
)
@input_options
@model_options
def run(
    inputs: tuple[str, ...], fmt: str, output: Path | None, fetch_timeout: float, quiet: bool, **options: Any
) -> None:
    """Summarize article files, saved web pages or http(s) URLs (``-`` reads standard input).

    With several inputs a bad one gets its one-line error on stderr and the rest are summarized
    (exit 2 if only inputs failed). JSON: one object for one input, an array for several; each
    carries "source".
    """
    progress.set_quiet(quiet)
    files = [spec for spec in inputs if spec != "-" and not is_url(spec)]
    if len(files) == len(inputs):  # nothing but missing files: say so before the settings load pydantic
        unreadable = []
        for spec in files:
            try:
                check_path(spec)
            except BadInputError as exc:
                unreadable.append(exc)
        if len(unreadable) == len(inputs):
            for error in unreadable:
                _warn(error)
            sys.exit(2)
    try:
        settings = _settings(**options)
        if output is not None and not output.expanduser().absolute().parent.is_dir():
            raise ConfigError(f"cannot write {output}: its folder does not exist; create it or pass another -o")
    except SummarizerError as exc:
        _fail(exc)
        return
    failed: list[SummarizerError] = []
    articles: list[Article] = []
    for spec in inputs:
        try:
            articles.append(_load(spec, settings.max_article_chars, fetch_timeout))
        except BadInputError as exc:
            _warn(exc)
            failed.append(exc)
    results: list[tuple[Article, Summary]] = []
    fatal: SummarizerError | None = None
    if articles:
        summarizer = _summarizer(settings)
        try:
            with progress.PassStatus(len(articles)) as status:
                for done, article in enumerate(articles):
                    status.article(article.source, done)
                    try:
                        results.append((article, summarizer.summarize(article, progress=status)))
                    except BadInputError as exc:
                        _warn(exc)
                        failed.append(exc)
                    except SummarizerError as exc:  # the model or the setup: no use going on
                        fatal = exc
                        break
                    status.finished(done + 1)
        finally:
            summarizer.close()
    if results:
        several = len(inputs) > 1
        if fmt == "json":
            docs = [document(a, s) for a, s in results]
            text = json.dumps(docs if several else docs[0], indent=2, ensure_ascii=False) + "\n"
        elif fmt == "html":  # one page, a section per article, highlighted against the text as read
            from ..render import render_report

            text = render_report([(s, a.text, a.source) for a, s in results])
        else:
            from ..render import render

            text = "".join(
                render(summary, fmt, title=article.source if several else None)  # type: ignore[arg-type]
                for article, summary in results
            )
        if output is None:
            click.echo(text, nl=False)
        else:
            try:
                _write_atomically(output, text)
            except OSError as exc:
                _fail(ConfigError(f"cannot write {output} ({exc.strerror}); pass another -o"))
    if fatal is not None:
        _fail(fatal)
    if failed:
        sys.exit(2 if all(e.exit_code == 2 for e in failed) else max(e.exit_code for e in failed))
