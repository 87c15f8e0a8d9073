"""The end-to-end pipeline: article -> cache lookup -> per-field passes -> grounding -> Summary."""

from __future__ import annotations

import functools
import hashlib
import logging
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, Literal

import instructor
import jiter
from instructor.core.exceptions import IncompleteOutputException, InstructorRetryException
from openai.types.chat import ChatCompletion

from .article import Article
from .backends import Backend, make_backend
from .cache import Cache, cache_key
from .chunking import chunk_spans
from .config import Settings
from .errors import BackendError, SummarizerError
from .fields import COMBINE, PASSES, Context, Pass, build_messages, grounding_context, lenient_parse, read_actors
from .fields.actors import link_speakers, merge_actors, union_spans
from .fields.figures import link_conflicts
from .fields.summary import MIN_WORDS, build_combine_messages, extractive_summary
from .grounding import find_mentions
from .models import Actor, Claim, Figure, Meta, Quote, Rejected, Span, Summary, schema_version
from .prompts import prompt_version
from .transport import Accounting, Transport

__all__ = ["Progress", "Summarizer", "summarize"]

Progress = Callable[[str, int, int], None]

# instructor logs every failed attempt at ERROR; with no logging configured Python would print
# them on stderr, under the CLI's one-line error. Configured handlers still receive them.
logging.getLogger("instructor").addHandler(logging.NullHandler())


@functools.cache
def code_version() -> str:
    """Hash of the modules that shape an answer from the model's replies (scanners, grounding,
    passes, merging): a new release that reads quotes differently must not be served summaries
    cached by the old one."""
    from . import article, attribution, chunking, fields, grounding, lexicon, scan, text

    digest = hashlib.sha256()
    modules = (article, chunking, grounding, lexicon, text, sys.modules[__name__])
    packages = (attribution, scan, fields)  # every module in each package
    files = [Path(str(m.__file__)) for m in modules]
    files += [f for pkg in packages for f in sorted(Path(str(pkg.__file__)).parent.glob("*.py"))]
    files += sorted((Path(__file__).parent / "data").glob("*.txt"))  # word lists code reads (countries)
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
        accounting = Accounting()
        create = instructor.patch(
            create=Transport(self.backend, self.settings, accounting), mode=instructor.Mode.JSON_SCHEMA
        )
        counter = {"reasks": 0}
        spans = chunk_spans(article, self.settings.effective_chunk_chars())
        whole = Context.of(article)  # scanned once; a one-chunk article is its own only chunk
        parts = []
        for start, end in spans:
            ctx = whole if len(spans) == 1 else Context.of(Article.from_text(article.text[start:end], article.source))
            parts.append((start, self._extract(create, ctx, accounting, counter)))
        fields, rejected = merge_parts(article, parts)
        fields = link_speakers(article.text, fields, whole.names)
        if len(parts) > 1:
            summaries = [values.get("summary", "") for _, (values, _) in parts if values.get("summary")]
            combined, dropped = self._call(
                create, whole, COMBINE, accounting, counter, build_combine_messages(summaries)
            )
            fields["summary"] = combined.get("summary", "")
            rejected.extend(dropped)
        method: Literal["model", "extractive"] = "model"
        if len(fields.get("summary", "").split()) < MIN_WORDS:
            fields["summary"], method = extractive_summary(article), "extractive"
        meta = Meta(
            model=self.backend.name,
            prompt_version=prompt_version(),
            schema_version=schema_version(),
            cached=False,
            attempts=accounting.calls,
            reasks=counter["reasks"],
            transport_retries=accounting.transport_retries,
            input_tokens=accounting.input_tokens,
            output_tokens=accounting.output_tokens,
            seconds=round(time.monotonic() - started, 3),
            article_sha256=article.sha256,
            article_chars=len(article.text),
            summary_method=method,
        )
        return Summary(**fields, rejected=rejected, meta=meta)

    def _extract(
        self, create: Any, ctx: Context, accounting: Accounting, counter: dict[str, int]
    ) -> tuple[dict[str, Any], list[Rejected]]:
        """Every per-field pass over one article (or one chunk of a long one)."""
        fields: dict[str, Any] = {"summary": "", "claims": [], "actors": read_actors(ctx), "figures": [], "quotes": []}
        rejected: list[Rejected] = []
        passes = [p for p in PASSES if not p.skipped(ctx)]
        for p in PASSES:
            if p.skipped(ctx) and p.model_for is not None:  # nothing to ask: keep what code found
                answer, _ = lenient_parse(p.model(ctx), {})
                if answer is not None:
                    values, dropped = answer.ground(ctx)
                    fields.update(values)
                    rejected.extend(dropped)
        for index, p in enumerate(passes, 1):
            if self._progress is not None:
                self._progress(p.name, index, len(passes))
            values, dropped = self._call(create, ctx, p, accounting, counter, build_messages(ctx, p))
            fields.update(values)
            rejected.extend(dropped)
        return fields, rejected

    def _call(
        self,
        create: Any,
        ctx: Context,
        p: Pass,
        accounting: Accounting,
        counter: dict[str, int],
        messages: list[dict[str, str]],
    ) -> tuple[dict[str, Any], list[Rejected]]:
        before = accounting.calls - accounting.failed_calls
        try:
            return self._run_pass(create, ctx, p, messages)
        finally:
            counter["reasks"] += max(0, accounting.calls - accounting.failed_calls - before - 1)

    def _run_pass(
        self, create: Any, ctx: Context, p: Pass, messages: list[dict[str, str]]
    ) -> tuple[dict[str, Any], list[Rejected]]:
        """One field: re-asked by instructor while grounding fails, then grounded leniently."""
        s = self.settings
        try:
            with grounding_context(ctx):
                answer = create(
                    response_model=p.model(ctx),
                    messages=messages,
                    max_retries=s.max_retries if p.max_retries is None else min(p.max_retries, s.max_retries),
                    temperature=s.temperature,
                    max_tokens=s.max_tokens if p.max_tokens is None else min(p.max_tokens, s.max_tokens),
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
        answer, rejected = lenient_parse(p.model(ctx), data)
        if answer is None and p.model_for is not None:
            answer, _ = lenient_parse(p.model(ctx), {})  # keyed passes keep what code found
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


def _shift(span: Span, by: int) -> Span:
    return Span(start=span.start + by, end=span.end + by)


def merge_parts(
    article: Article, parts: list[tuple[int, tuple[dict[str, Any], list[Rejected]]]]
) -> tuple[dict[str, Any], list[Rejected]]:
    """Shift chunk offsets to the whole article and drop duplicates.

    Quotes and figures are duplicates when their spans overlap; actors when their names are one
    entity (``merge_actors``), and their mentions are then found again over the whole article.
    """
    if len(parts) == 1:
        only_values, only_rejected = parts[0][1]
        return dict(only_values), list(only_rejected)
    quotes: list[Quote] = []
    figures: list[Figure] = []
    claims: list[Claim] = []
    actors: list[Actor] = []
    rejected: list[Rejected] = []

    def overlaps(span: Span, taken: list[Any]) -> bool:
        return any(span.start < t.span.end and t.span.start < span.end for t in taken)

    for offset, (values, dropped) in parts:
        for q in values.get("quotes", []):
            q = q.model_copy(update={"span": _shift(q.span, offset)})
            if not overlaps(q.span, quotes):
                quotes.append(q)
        for f in values.get("figures", []):
            sentence = _shift(f.sentence, offset) if f.sentence else None
            f = f.model_copy(update={"span": _shift(f.span, offset), "sentence": sentence})
            if not overlaps(f.span, figures):
                figures.append(f)
        for c in values.get("claims", []):
            claims.append(c.model_copy(update={"evidence": [_shift(e, offset) for e in c.evidence]}))
        actors.extend(values.get("actors", []))
        rejected.extend(dropped)
    merged = []
    for a in merge_actors(article.text, actors):
        found = {s for n in (a.name, *a.aliases) for s in find_mentions(article.text, n)}
        mentions = union_spans([Span(start=s, end=e) for s, e in found])
        merged.append(a.model_copy(update={"mentions": mentions or a.mentions}))
    figures = link_conflicts(sorted(figures, key=lambda f: f.span.start))  # conflicts index the merged list
    return {
        "summary": "",
        "quotes": sorted(quotes, key=lambda q: q.span.start),
        "figures": figures,
        "claims": claims[:50],
        "actors": merged,
    }, rejected


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
