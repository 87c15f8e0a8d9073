"""One JSONL batch line in, one output record out: shared by ``summarize batch`` and its ``--ray`` form.

Both write exactly the same lines, so the parsing of a line, the loading of its article and the
shape of its record (or error record) live here once.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .article import Article
from .errors import BadInputError, ConfigError, ModelUnavailableError, SummarizerError
from .loading import load_article
from .web import load_url

if TYPE_CHECKING:
    from .config import Settings
    from .models import Summary

__all__ = ["BadLineError", "LineResult", "batch_article", "document", "line_record", "parse_line"]


class BadLineError(BadInputError):
    """A batch line that is not ``{"id", "text"|"path"|"url"}``; keeps the id when there is one."""

    def __init__(self, message: str, ident: Any = None) -> None:
        super().__init__(message)
        self.ident = ident


def parse_line(line: str) -> tuple[Any, str, str]:
    """``{"id", "text"|"path"|"url"}`` -> (id, kind, value)."""
    try:
        obj = json.loads(line)
    except ValueError as exc:
        msg = getattr(exc, "msg", str(exc))
        raise BadLineError(f'not JSON ({msg}); write one object a line, like {{"id": 1, "text": "…"}}') from None
    if not isinstance(obj, dict):
        raise BadLineError('not a JSON object; write {"id": …, "text"|"path"|"url": …}')
    ident = obj.get("id")
    if ident is None or isinstance(ident, bool) or not isinstance(ident, str | int):
        raise BadLineError('needs an "id" (a string or an integer)')
    kinds = [k for k in ("text", "path", "url") if k in obj]
    if len(kinds) != 1 or not isinstance(obj[kinds[0]], str):
        raise BadLineError('give exactly one of "text", "path" or "url", as a string', ident)
    return ident, kinds[0], obj[kinds[0]]


def batch_article(kind: str, value: str, source: str, settings: Settings, fetch_timeout: float) -> Article:
    if kind == "text":
        return Article.from_text(value, source=source, max_chars=settings.max_article_chars)
    if kind == "url":
        return load_url(value, max_chars=settings.max_article_chars, timeout=fetch_timeout)
    if value == "-":
        raise BadInputError(f"{source}: a path cannot be - in a batch; give a file")
    return load_article(value, settings.max_article_chars)


def document(article: Article, summary: Summary) -> dict[str, Any]:
    """The JSON contract plus ``source`` (path, ``<stdin>`` or URL), for one article or several."""
    return {**summary.model_dump(mode="json"), "source": article.source}


@dataclass
class LineResult:
    """The record to write for one line, and what the run's closing line counts."""

    record: dict[str, Any]
    cached: bool = False
    input_tokens: int = 0
    output_tokens: int = 0
    #: the setup, not the line, failed (no key, no model): every other line would fail the same way
    fatal: SummarizerError | None = None

    @property
    def failed(self) -> bool:
        return "error" in self.record

    def line(self) -> str:
        """The record as one JSONL line (with its newline), as both batch forms write it."""
        return json.dumps(self.record, ensure_ascii=False) + "\n"


def line_record(
    number: int,
    raw: bytes,
    input_name: str,
    settings: Settings,
    fetch_timeout: float,
    summarize: Callable[[Article], Summary],
    started: Callable[[Any], None] | None = None,
) -> LineResult:
    """Line ``number`` of the input -> ``{"id", "source", ...contract}`` or ``{"id", "line", "error"}``.

    ``summarize`` is called only once the article has loaded (so a bad line never loads a model);
    ``started(id)`` is told when a well-formed line's article starts (a status line).
    """
    ident: Any = None
    try:
        ident, kind, value = parse_line(raw.decode("utf-8"))
        source = value if kind != "text" else f"{input_name}:{number}"
        if started is not None:
            started(ident)
        article = batch_article(kind, value, source, settings, fetch_timeout)
        summary = summarize(article)
    except UnicodeDecodeError:
        return LineResult({"id": None, "line": number, "error": "not UTF-8; convert the file to UTF-8"})
    except SummarizerError as exc:
        record = {"id": getattr(exc, "ident", ident), "line": number, "error": str(exc)}
        fatal = exc if isinstance(exc, ConfigError | ModelUnavailableError) else None
        return LineResult(record, fatal=fatal)
    cached = summary.meta.cached
    return LineResult(
        {"id": ident, **document(article, summary)},
        cached=cached,
        input_tokens=0 if cached else summary.meta.input_tokens,
        output_tokens=0 if cached else summary.meta.output_tokens,
    )
