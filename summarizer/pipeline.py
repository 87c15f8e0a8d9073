"""The end-to-end pipeline: article -> cache lookup -> per-field passes -> grounding -> Summary."""

from __future__ import annotations

import logging
import threading
import time
from pathlib import Path
from typing import Any

import instructor
import jiter
from instructor.core.exceptions import IncompleteOutputException, InstructorRetryException
from openai.types.chat import ChatCompletion

from .article import Article
from .backends import Backend, make_backend
from .cache import Cache, cache_key
from .config import Settings
from .errors import BackendError, SummarizerError
from .extract import PASSES, Context, Pass, build_messages, grounding_context, lenient_parse
from .models import Meta, Rejected, Summary, schema_version
from .prompts import prompt_version
from .transport import Accounting, Transport

__all__ = ["Summarizer", "summarize"]

# instructor logs every failed attempt at ERROR; with no logging configured Python would print
# them on stderr, under the CLI's one-line error. Configured handlers still receive them.
logging.getLogger("instructor").addHandler(logging.NullHandler())


class Summarizer:
    """Holds a backend and a cache across calls, so a batch loads the model once."""

    def __init__(self, settings: Settings | None = None, backend: Backend | None = None) -> None:
        self.settings = settings or Settings.from_env()
        self._backend = backend
        self._cache: Cache | None = None
        self._lock = threading.Lock()

    @property
    def backend(self) -> Backend:
        if self._backend is None:
            self._backend = make_backend(self.settings)
        return self._backend

    @property
    def cache(self) -> Cache | None:
        if not self.settings.use_cache:
            return None
        if self._cache is None:
            self._cache = Cache(self.settings.resolved_cache_path())
        return self._cache

    def key_for(self, article: Article) -> str:
        return cache_key(
            article=article.sha256,
            prompt=prompt_version(),
            schema=schema_version(),
            model=self.backend.identity(),
            params=self.settings.generation_params(),
        )

    def summarize(self, article: Article | str) -> Summary:
        if isinstance(article, str):
            article = Article.from_text(article, max_chars=self.settings.max_article_chars)
        started = time.monotonic()
        key = self.key_for(article)
        cache = self.cache
        if cache is not None and (hit := cache.get(key)) is not None:
            hit.meta.cached = True
            hit.meta.seconds = round(time.monotonic() - started, 4)
            return hit
        with self._lock:  # one model, one sequence of calls at a time
            summary = self._run(article, started)
        if cache is not None:
            cache.put(key, summary, request=self._request(article))
        return summary

    def _request(self, article: Article) -> dict[str, Any]:
        return {
            "article_sha256": article.sha256,
            "source": article.source,
            "model": self.backend.identity(),
            "prompt_version": prompt_version(),
            "schema_version": schema_version(),
            "params": self.settings.generation_params(),
        }

    def _run(self, article: Article, started: float) -> Summary:
        ctx = Context.of(article)
        accounting = Accounting()
        create = instructor.patch(
            create=Transport(self.backend, self.settings, accounting), mode=instructor.Mode.JSON_SCHEMA
        )
        fields: dict[str, Any] = {"summary": "", "claims": [], "actors": [], "figures": [], "quotes": []}
        rejected: list[Rejected] = []
        reasks = 0
        for p in PASSES:
            before = accounting.calls - accounting.failed_calls
            values, dropped = self._run_pass(create, ctx, p)
            fields.update(values)
            rejected.extend(dropped)
            reasks += max(0, accounting.calls - accounting.failed_calls - before - 1)
        meta = Meta(
            model=self.backend.name,
            prompt_version=prompt_version(),
            schema_version=schema_version(),
            cached=False,
            attempts=accounting.calls,
            reasks=reasks,
            transport_retries=accounting.transport_retries,
            input_tokens=accounting.input_tokens,
            output_tokens=accounting.output_tokens,
            seconds=round(time.monotonic() - started, 3),
            article_sha256=article.sha256,
            article_chars=len(article.text),
        )
        return Summary(**fields, rejected=rejected, meta=meta)

    def _run_pass(self, create: Any, ctx: Context, p: Pass) -> tuple[dict[str, Any], list[Rejected]]:
        """One field: re-asked by instructor while grounding fails, then grounded leniently."""
        s = self.settings
        try:
            with grounding_context(ctx):
                answer = create(
                    response_model=p.answer,
                    messages=build_messages(ctx, p),
                    max_retries=s.max_retries,
                    temperature=s.temperature,
                    max_tokens=s.max_tokens,
                )
            return answer.ground(ctx)
        except InstructorRetryException as exc:
            cause = exc.__cause__
            if isinstance(cause, SummarizerError):
                raise cause from None
            if not exc.failed_attempts:
                raise BackendError(f"{self.backend.name}: {cause or exc}".splitlines()[0]) from None
            return self._salvage(ctx, p, exc.last_completion)
        except IncompleteOutputException as exc:
            return self._salvage(ctx, p, exc.last_completion, cut=True)

    def _salvage(
        self, ctx: Context, p: Pass, completion: Any, cut: bool = False
    ) -> tuple[dict[str, Any], list[Rejected]]:
        """Keep what is grounded in the last answer; everything else goes to ``rejected``."""
        content = ""
        if isinstance(completion, ChatCompletion) and completion.choices:
            content = completion.choices[0].message.content or ""
        try:
            data = jiter.from_json(content.encode(), partial_mode="trailing-strings") if content else {}
        except ValueError:
            data = {}
        answer, rejected = lenient_parse(p.answer, data)
        if cut:
            rejected.append(
                Rejected(
                    field=p.answer.field_name, item={"raw": content[-200:]}, reason="answer cut off at --max-tokens"
                )
            )
        if answer is None:
            return {}, rejected
        values, dropped = answer.ground(ctx)
        return values, rejected + dropped

    def close(self) -> None:
        if self._cache is not None:
            self._cache.close()
        if self._backend is not None:
            self._backend.close()


_DEFAULT: dict[Settings, Summarizer] = {}


def summarize(
    text: str,
    settings: Settings | None = None,
    *,
    backend: Backend | None = None,
    **options: Any,
) -> Summary:
    """Summarize an article's text; options are ``Settings`` fields (model, base_url, api_key,
    cache_path, use_cache, temperature, max_retries, timeout, ...).

    Summarizers are reused per settings, so repeated calls load the model once.
    """
    if settings is None:
        settings = Settings.from_env(**options)
    elif options:
        settings = settings.model_copy(update=options)
    article = Article.from_text(text, max_chars=settings.max_article_chars)
    if backend is not None:
        s = Summarizer(settings, backend)
        try:
            return s.summarize(article)
        finally:
            if s._cache is not None:
                s._cache.close()
    if settings not in _DEFAULT:
        _DEFAULT[settings] = Summarizer(settings)
    return _DEFAULT[settings].summarize(article)


def summarize_path(path: str | Path, settings: Settings | None = None) -> Summary:
    from .article import load_article

    settings = settings or Settings.from_env()
    return summarize(load_article(path, settings.max_article_chars).text, settings)
