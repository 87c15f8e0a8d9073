"""The end-to-end pipeline: article -> cache lookup -> per-field passes -> grounding -> Summary.

This module answers from the cache; the passes themselves run in ``summarizer.extract``, imported
only when a model is called, so a cache hit loads neither instructor nor a model client.
"""

from __future__ import annotations

import functools
import hashlib
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .article import Article
from .backends import Backend, make_backend
from .cache import Cache, cache_key
from .config import Settings
from .models import Summary, schema_version
from .prompts import prompt_version

__all__ = ["Progress", "Summarizer", "code_version", "summarize"]

Progress = Callable[[str, int, int], None]

_PACKAGE = Path(__file__).resolve().parent
#: modules that shape an answer from the model's replies, beside every module of the packages below
_SHAPING = ("article", "chunking", "extract", "grounding", "lexicon", "pipeline", "registry", "text")
_SHAPING_PACKAGES = ("attribution", "scan", "fields")


@functools.cache
def code_version() -> str:
    """Hash of the modules that shape an answer from the model's replies (scanners, grounding,
    passes, merging) and the word lists they read: a new release that reads quotes differently
    must not be served summaries cached by the old one. Read as files, not imported: a cache hit
    needs none of them."""
    digest = hashlib.sha256()
    files = [_PACKAGE / f"{name}.py" for name in _SHAPING]
    files += [f for pkg in _SHAPING_PACKAGES for f in sorted((_PACKAGE / pkg).glob("*.py"))]
    files += sorted((_PACKAGE / "data").glob("*.txt"))  # word lists code reads (countries)
    for path in files:
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


class Summarizer:
    """Holds a backend and a cache across calls, so a batch loads the model once."""

    def __init__(self, settings: Settings | None = None, backend: Backend | None = None) -> None:
        self.settings = settings or Settings.from_env()
        self._backend = backend
        self._cache: Cache | None = None
        self._lock = threading.Lock()
        self._progress: Progress | None = None

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

    def key_for(self, article_sha256: str) -> str:
        return cache_key(
            article=article_sha256,
            prompt=prompt_version(),
            schema=schema_version(),
            code=code_version(),
            model=self.backend.identity(),
            params=self.settings.generation_params(),
        )

    def lookup(self, article_sha256: str, cache: Cache | None = None) -> Summary | None:
        """The summary this summarizer would give for the article with that sha256, when it is in
        the cache: ``meta.cached`` set, ``meta.seconds`` what the original run took. ``cache`` is
        another connection to the same file, for a caller on another thread (SQLite connections
        stay in the thread that opened them: the HTTP service reads on its event loop)."""
        if not self.settings.use_cache:
            return None
        started = time.monotonic()
        cache = cache or self.cache
        hit = cache.get(self.key_for(article_sha256)) if cache is not None else None
        if hit is not None:
            hit.meta.cached = True
            hit.meta.lookup_seconds = round(time.monotonic() - started, 4)
        return hit

    def cached(self, article: Article, cache: Cache | None = None) -> Summary | None:
        """What ``summarize(article)`` returns when the article is in the cache, else None."""
        hit = self.lookup(article.sha256, cache)
        return None if hit is None else _with_source(hit, article)

    def summarize(self, article: Article | str, progress: Progress | None = None) -> Summary:
        """``progress(pass_name, index, total)`` is called before each model pass (for a status line)."""
        if isinstance(article, str):
            article = Article.from_text(article, max_chars=self.settings.max_article_chars)
        if (hit := self.cached(article)) is not None:
            return hit
        started = time.monotonic()
        key = self.key_for(article.sha256)
        cache = self.cache
        with self._lock:  # one model, one sequence of calls at a time
            self._progress = progress
            try:
                summary = self._run(article, started)
            finally:
                self._progress = None
        if cache is not None:
            cache.put(key, summary, request=self._request(article))
        return _with_source(summary, article)

    def _request(self, article: Article) -> dict[str, Any]:
        return {
            "article_sha256": article.sha256,
            "source": article.source,
            "model": self.backend.identity(),
            "prompt_version": prompt_version(),
            "schema_version": schema_version(),
            "code_version": code_version(),
            "params": self.settings.generation_params(),
        }

    def _run(self, article: Article, started: float) -> Summary:
        # instructor and the model client load only when a model is called, never on a cache hit
        from .extract import Extraction

        return Extraction(self.backend, self.settings, self._progress).run(article, started)

    def close(self) -> None:
        if self._cache is not None:
            self._cache.close()
        if self._backend is not None:
            self._backend.close()


def _with_source(summary: Summary, article: Article) -> Summary:
    """Where the text came from belongs to this call, not to the cache entry (same text, other URL)."""
    web = article.web
    summary.source = article.source
    summary.article = article.text if web is not None else None
    summary.meta.source_title = web.title if web else None
    summary.meta.source_author = web.author if web else None
    summary.meta.source_date = web.date if web else None
    summary.meta.source_url = web.url if web else None
    return summary


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
