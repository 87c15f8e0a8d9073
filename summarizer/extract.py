"""Running the registered fields over one article: each field's ``start`` values, its model passes
(through instructor, re-asked while grounding fails, grounded leniently at the end), the merge of
a long article's chunks and each field's ``finish`` step. Knows no field by name.

``Summarizer`` imports this module only when the cache has no answer: instructor and the openai
client load here, never on a cache hit.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import Any

import instructor
import jiter
from instructor.core.exceptions import IncompleteOutputException, InstructorRetryException
from openai.types.chat import ChatCompletion

from .article import Article
from .backends import Backend
from .chunking import chunk_spans
from .config import Settings
from .errors import BackendError, SummarizerError
from .fields.base import Context, Pass, build_messages, grounding_context, lenient_parse
from .models import Meta, Rejected, Summary, schema_version
from .prompts import prompt_version
from .registry import Field, Finishing, fields
from .transport import Accounting, Transport

__all__ = ["Extraction", "merge_parts"]

#: what one chunk's passes produced: values by field, and what grounding rejected
Found = tuple[dict[str, Any], list[Rejected]]

# instructor logs every failed attempt at ERROR; with no logging configured Python would print
# them on stderr, under the CLI's one-line error. Configured handlers still receive them.
logging.getLogger("instructor").addHandler(logging.NullHandler())


class Extraction:
    """One article's model calls and their accounting (calls, tokens, re-asks)."""

    def __init__(self, backend: Backend, settings: Settings, progress: Callable[[str, int, int], None] | None) -> None:
        self.backend = backend
        self.settings = settings
        self.progress = progress
        self.fields = fields()
        self.accounting = Accounting()
        self.reasks = 0
        self.create = instructor.patch(
            create=Transport(backend, settings, self.accounting), mode=instructor.Mode.JSON_SCHEMA
        )

    def run(self, article: Article, started: float) -> Summary:
        spans = chunk_spans(article, self.settings.effective_chunk_chars())
        whole = Context.of(article)  # scanned once; a one-chunk article is its own only chunk
        parts: list[tuple[int, Found]] = []
        for start, end in spans:
            ctx = whole if len(spans) == 1 else Context.of(Article.from_text(article.text[start:end], article.source))
            parts.append((start, self._extract(ctx)))
        values, rejected = merge_parts(article, parts, self.fields)
        done = Finishing(
            article=article,
            context=whole,
            fields=values,
            rejected=rejected,
            parts=[(offset, found[0]) for offset, found in parts],
            meta={},
            call=lambda p, messages: self._call(whole, p, messages),
        )
        for f in self.fields:
            if f.finish is not None:
                f.finish(done)
        a = self.accounting
        meta = Meta(
            model=self.backend.name,
            prompt_version=prompt_version(),
            schema_version=schema_version(),
            cached=False,
            attempts=a.calls,
            reasks=self.reasks,
            transport_retries=a.transport_retries,
            input_tokens=a.input_tokens,
            output_tokens=a.output_tokens,
            seconds=round(time.monotonic() - started, 3),
            article_sha256=article.sha256,
            article_chars=len(article.text),
            **done.meta,
        )
        return Summary(**done.fields, rejected=done.rejected, meta=meta)

    def _extract(self, ctx: Context) -> Found:
        """Every field's passes over one article (or one chunk of a long one)."""
        values: dict[str, Any] = {}
        for f in self.fields:
            if f.start is not None:
                values.update(f.start(ctx))
        rejected: list[Rejected] = []
        every = [p for f in self.fields for p in f.passes]
        for p in every:
            if p.skipped(ctx) and p.model_for is not None:  # nothing to ask: keep what code found
                answer, _ = lenient_parse(p.model(ctx), {})
                if answer is not None:
                    found, dropped = answer.ground(ctx)
                    values.update(found)
                    rejected.extend(dropped)
        asked = [p for p in every if not p.skipped(ctx)]
        for index, p in enumerate(asked, 1):
            if self.progress is not None:
                self.progress(p.name, index, len(asked))
            found, dropped = self._call(ctx, p, build_messages(ctx, p))
            values.update(found)
            rejected.extend(dropped)
        return values, rejected

    def _call(self, ctx: Context, p: Pass, messages: list[dict[str, str]]) -> Found:
        a = self.accounting
        before = a.calls - a.failed_calls
        try:
            return self._run_pass(ctx, p, messages)
        finally:
            self.reasks += max(0, a.calls - a.failed_calls - before - 1)

    def _run_pass(self, ctx: Context, p: Pass, messages: list[dict[str, str]]) -> Found:
        """One field: re-asked by instructor while grounding fails, then grounded leniently."""
        s = self.settings
        try:
            with grounding_context(ctx):
                answer = self.create(
                    response_model=p.model(ctx),
                    messages=messages,
                    max_retries=s.max_retries if p.max_retries is None else min(p.max_retries, s.max_retries),
                    temperature=s.temperature,
                    max_tokens=s.max_tokens if p.max_tokens is None else min(p.max_tokens, s.max_tokens),
                )
            found: Found = answer.ground(ctx)
            return found
        except InstructorRetryException as exc:
            cause = exc.__cause__
            if isinstance(cause, SummarizerError):
                raise cause from None
            if not exc.failed_attempts:
                raise BackendError(f"{self.backend.name}: {cause or exc}".splitlines()[0]) from None
            return _salvage(ctx, p, exc.last_completion)
        except IncompleteOutputException as exc:
            return _salvage(ctx, p, exc.last_completion, cut=True)


def _salvage(ctx: Context, p: Pass, completion: Any, cut: bool = False) -> Found:
    """Keep what is grounded in the last answer; everything else goes to ``rejected``."""
    content = ""
    if isinstance(completion, ChatCompletion) and completion.choices:
        content = completion.choices[0].message.content or ""
    try:
        data = jiter.from_json(content.encode(), partial_mode="trailing-strings") if content else {}
    except ValueError:
        data = {}
    answer, rejected = lenient_parse(p.model(ctx), data)
    if answer is None and p.model_for is not None:
        answer, _ = lenient_parse(p.model(ctx), {})  # keyed passes keep what code found
    if cut:
        rejected.append(
            Rejected(field=p.answer.field_name, item={"raw": content[-200:]}, reason="answer cut off at --max-tokens")
        )
    if answer is None:
        return {}, rejected
    values, dropped = answer.ground(ctx)
    return values, rejected + dropped


def merge_parts(article: Article, parts: list[tuple[int, Found]], registered: tuple[Field, ...]) -> Found:
    """A long article's chunks as one: each field merges its values (chunk offsets shifted to the
    whole article, duplicates dropped); what grounding rejected is kept, chunk by chunk."""
    if len(parts) == 1:
        only_values, only_rejected = parts[0][1]
        return dict(only_values), list(only_rejected)
    chunks = [(offset, values) for offset, (values, _) in parts]
    merged: dict[str, Any] = {}
    for f in registered:
        if f.merge is not None:
            merged.update(f.merge(article, chunks))
    return merged, [r for _, (_, dropped) in parts for r in dropped]
