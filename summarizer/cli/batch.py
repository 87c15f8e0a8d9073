"""``summarize batch``: a JSONL file of articles in, one JSONL record per article out."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

import click

from .. import progress
from ..article import Article
from ..errors import BadInputError, ConfigError, ModelUnavailableError, SummarizerError
from ..loading import load_article
from ..web import load_url

if TYPE_CHECKING:
    from ..config import Settings
    from ..pipeline import Summarizer

from .base import (
    CONTEXT,
    EXIT_SOME_FAILED,
    _document,
    _fail,
    _settings,
    _summarizer,
    input_options,
    main,
    model_options,
)


class _BadLineError(BadInputError):
    """A batch line that is not ``{"id", "text"|"path"|"url"}``; keeps the id when there is one."""

    def __init__(self, message: str, ident: Any = None) -> None:
        super().__init__(message)
        self.ident = ident


def _parse_line(line: str) -> tuple[Any, str, str]:
    """``{"id", "text"|"path"|"url"}`` -> (id, kind, value)."""
    try:
        obj = json.loads(line)
    except ValueError as exc:
        msg = getattr(exc, "msg", str(exc))
        raise _BadLineError(f'not JSON ({msg}); write one object a line, like {{"id": 1, "text": "…"}}') from None
    if not isinstance(obj, dict):
        raise _BadLineError('not a JSON object; write {"id": …, "text"|"path"|"url": …}')
    ident = obj.get("id")
    if ident is None or isinstance(ident, bool) or not isinstance(ident, str | int):
        raise _BadLineError('needs an "id" (a string or an integer)')
    kinds = [k for k in ("text", "path", "url") if k in obj]
    if len(kinds) != 1 or not isinstance(obj[kinds[0]], str):
        raise _BadLineError('give exactly one of "text", "path" or "url", as a string', ident)
    return ident, kinds[0], obj[kinds[0]]


def _batch_article(kind: str, value: str, source: str, settings: Settings, fetch_timeout: float) -> Article:
    if kind == "text":
        return Article.from_text(value, source=source, max_chars=settings.max_article_chars)
    if kind == "url":
        return load_url(value, max_chars=settings.max_article_chars, timeout=fetch_timeout)
    if value == "-":
        raise BadInputError(f"{source}: a path cannot be - in a batch; give a file")
    return load_article(value, settings.max_article_chars)


@main.command("batch", context_settings=CONTEXT)
@click.argument("input_file", metavar="INPUT.jsonl", type=click.Path(dir_okay=False, allow_dash=True, path_type=Path))
@click.option(
    "--out",
    "out",
    required=True,
    metavar="OUT.jsonl",
    type=click.Path(dir_okay=False, allow_dash=True, path_type=Path),
    help="Output JSONL (- for standard output); an existing file is replaced.",
)
@input_options
@model_options
def batch(input_file: Path, out: Path, fetch_timeout: float, quiet: bool, **options: Any) -> None:
    """Summarize a JSONL file of articles: lines {"id", "text"} | {"id", "path"} | {"id", "url"}.

    \b
    One output line per input line, in input order, written as each finishes:
      {"id", "source", ...the JSON contract}  or  {"id", "line", "error"}
    A bad line or a failed article becomes an error record and the run goes on; blank lines are
    skipped. Re-running resumes: finished articles come from the cache. Exit 0 when every line
    succeeded, 5 when some failed.
    """
    progress.set_quiet(quiet)
    started = time.monotonic()
    try:
        settings = _settings(**options)
        data = sys.stdin.buffer.read() if str(input_file) == "-" else _read_input(input_file)
    except SummarizerError as exc:
        _fail(exc)
        return
    lines = [(n, raw) for n, raw in enumerate(data.splitlines(), 1) if raw.strip()]
    if str(out) != "-" and str(input_file) != "-" and out.resolve() == input_file.resolve():
        _fail(BadInputError(f"--out {out} is the input file; write the output elsewhere"))
    counts = {"ok": 0, "cached": 0, "failed": 0, "in": 0, "out": 0}
    summarizer: Summarizer | None = None
    try:
        sink: TextIO = sys.stdout if str(out) == "-" else out.open("w", encoding="utf-8")
    except OSError as exc:
        _fail(ConfigError(f"cannot write {out} ({exc.strerror}); pass another --out"))
        return
    fatal: SummarizerError | None = None
    try:
        with progress.PassStatus(len(lines)) as status:
            for done, (number, raw) in enumerate(lines):
                ident: Any = None
                try:
                    ident, kind, value = _parse_line(raw.decode("utf-8"))
                    source = value if kind != "text" else f"{input_file}:{number}"
                    status.article(str(ident), done)
                    article = _batch_article(kind, value, source, settings, fetch_timeout)
                    summarizer = summarizer or _summarizer(settings)
                    summary = summarizer.summarize(article, progress=status)
                    record = {"id": ident, **_document(article, summary)}
                    counts["ok"] += 1
                    counts["cached"] += summary.meta.cached
                    if not summary.meta.cached:
                        counts["in"] += summary.meta.input_tokens
                        counts["out"] += summary.meta.output_tokens
                except UnicodeDecodeError:
                    record = {"id": None, "line": number, "error": "not UTF-8; convert the file to UTF-8"}
                    counts["failed"] += 1
                except SummarizerError as exc:
                    record = {"id": getattr(exc, "ident", ident), "line": number, "error": str(exc)}
                    counts["failed"] += 1
                    if isinstance(exc, ConfigError | ModelUnavailableError):
                        fatal = exc  # the setup, not the line: every other line would fail the same way
                if "error" in record:
                    click.echo(f"summarize: error: line {number}: {record['error']}", err=True)
                sink.write(json.dumps(record, ensure_ascii=False) + "\n")
                sink.flush()
                status.finished(done + 1)
                if fatal is not None:
                    break
    finally:
        if sink is not sys.stdout:
            sink.close()
        if summarizer is not None:
            summarizer.close()
    if fatal is not None:
        _fail(fatal)
    click.echo(
        f"batch: {len(lines)} lines, {counts['ok']} ok ({counts['cached']} from cache), {counts['failed']} failed; "
        f"{counts['in']:,} input + {counts['out']:,} output tokens; {time.monotonic() - started:.1f} s",
        err=True,
    )
    if counts["failed"]:
        sys.exit(EXIT_SOME_FAILED)


def _read_input(path: Path) -> bytes:
    if not path.exists():
        raise BadInputError(f"{path}: no such file")
    try:
        return path.read_bytes()
    except OSError as exc:
        raise BadInputError(f"{path}: cannot read ({exc.strerror})") from None
