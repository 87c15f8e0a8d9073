"""The routes: ``/v1`` (bearer token) for summaries and jobs, ``/healthz`` without a token.

Routes raise ``SummarizerError``s (``ApiError`` for refusals decided here); the one handler in
``app.py`` renders them with their ``http_status``.
"""

from __future__ import annotations

import asyncio
import contextlib
import hmac
import logging
from dataclasses import asdict, replace
from functools import partial
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import Field
from starlette.concurrency import run_in_threadpool

from ..article import Article
from ..errors import FetchError
from ..jobs import Job
from ..models import Summary
from ..render import render
from .schemas import (
    ERRORS,
    SHA256,
    ArticleInput,
    ErrorBody,
    Health,
    JobAccepted,
    JobView,
    SummaryRequest,
    job_title,
)
from .service import ApiError, Service, service_of

__all__ = ["build_routers"]

log = logging.getLogger("summarizer.server")

_bearer = HTTPBearer(auto_error=False, description="the server's --token (or SUMMARIZER_SERVE_TOKEN)")


def _check_token(
    request: Request, credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)]
) -> None:
    token = service_of(request).config.token
    if not token:
        return
    given = credentials.credentials if credentials is not None else ""
    if not hmac.compare_digest(given.encode("utf-8", "surrogatepass"), token.encode("utf-8", "surrogatepass")):
        what = "missing" if credentials is None else "wrong"
        raise ApiError(
            401,
            f"{what} bearer token: send the header 'Authorization: Bearer <token>' with the server's --token",
            {"WWW-Authenticate": "Bearer"},
        )


async def _load_article(svc: Service, body: ArticleInput) -> Article:
    """The request's article, refused with 413/422/429/501 before anything is queued or cached.

    The queue limit is checked first; a URL is fetched without holding a thread (one deadline,
    public addresses only unless ``--allow-private-urls``); splitting and extraction run in the
    bounded worker threads, never on the event loop."""
    await svc.check_room()
    max_chars = svc.settings.max_article_chars
    if body.text is not None:
        text = body.text
        if len(text) > max_chars:
            raise ApiError(
                413,
                f"the article has {len(text):,} characters, above the limit of {max_chars:,} (--max-chars); "
                "send a single article",
            )
        try:
            text.encode("utf-8")
        except UnicodeEncodeError:
            raise ApiError(422, "text contains lone surrogates (\\ud800-\\udfff); send valid Unicode") from None
        return await svc.work(partial(Article.from_text, text, source="text", max_chars=max_chars))
    try:
        from ..web import load_html, load_url_async
    except ImportError:  # pragma: no cover - a build without summarizer.web
        raise ApiError(
            501, 'URL input is not available in this build (no summarizer.web); send {"text": ...} instead'
        ) from None
    if body.html is not None:  # a saved page: extracted as a fetched one would be
        page: Article = await svc.work(partial(load_html, body.html, "the page", max_chars))
        return page
    assert body.url is not None
    try:
        return await load_url_async(
            body.url,
            max_chars=max_chars,
            timeout=svc.config.fetch_timeout,
            allow_private=svc.config.allow_private_urls,
            limiter=svc.limiter,
        )
    except FetchError as exc:  # the client gets the generic line; the log keeps the reason
        log.info("URL not fetched: %s", svc.queue.redact(str(exc)))
        raise ApiError(422, exc.public) from None


def _job_request(article: Article, body: ArticleInput) -> dict[str, Any]:
    """What a worker needs to summarize the article as the CLI would: the text, where it came from
    and, for a web page, what the page said about itself (``meta.source_*``); and the ``title`` a
    person knows the job by (computed once, here)."""
    web = asdict(article.web) if article.web is not None else None
    title = job_title(article.web.title if article.web is not None else None, body.url, article.text)
    return {"text": article.text, "source": article.source, "url": body.url, "web": web, "title": title}


def _respond(summary: Summary | str, fmt: str, article: Article) -> Response:
    """The answer in the requested format; a stored result (JSON text) is validated here. Runs in
    a worker thread (``Service.work``): rendering a long article's report is CPU work."""
    if isinstance(summary, str):
        summary = Summary.model_validate_json(summary)
    if fmt == "markdown":
        return Response(render(summary, "markdown"), media_type="text/markdown; charset=utf-8")
    if fmt == "html":
        return HTMLResponse(render(summary, "html", article=article.text))
    return JSONResponse(summary.model_dump(mode="json"))


def _job_response(job: Job, progress: tuple[str, int, int] | None = None) -> Response:
    try:
        view = JobView.of(job, progress)
    except ValueError:  # a result stored by an older release that no longer validates
        error = "the stored result no longer validates; POST the article again"
        view = JobView.of(replace(job, status="failed", result=None, error=error, error_status=500))
    return JSONResponse(view.model_dump(mode="json", by_alias=True))


def _v1() -> APIRouter:
    v1 = APIRouter(prefix="/v1", dependencies=[Depends(_check_token)], responses={401: ERRORS[401]})

    @v1.post(
        "/summaries",
        response_model=Summary,
        responses={
            200: {"content": {"text/markdown": {}, "text/html": {}}, "description": "the Summary (JSON contract)"},
            413: ERRORS[413],
            422: ERRORS[422],
            429: ERRORS[429],
            501: {"model": ErrorBody, "description": "URL input not available"},
            502: {"model": ErrorBody, "description": "the model server failed"},
            503: {"model": ErrorBody, "description": "model unavailable or server stopping"},
        },
    )
    async def create_summary(body: SummaryRequest, request: Request) -> Response:
        """Summarize one article and wait for the result (queued behind earlier jobs)."""
        svc = service_of(request)
        article = await _load_article(svc, body)
        hit = await svc.in_cache_thread(svc.cached, article)
        if hit is not None:
            return await svc.work(_respond, hit, body.format, article)
        loop = asyncio.get_running_loop()
        finished = asyncio.Event()

        def wake() -> None:
            with contextlib.suppress(RuntimeError):  # the loop closed: nobody is waiting any more
                loop.call_soon_threadsafe(finished.set)

        hook = svc.queue.on_drain(wake)
        job: Job | None = None
        try:
            job = await run_in_threadpool(svc.queue.submit, _job_request(article, body), article.sha256, wake)
            await finished.wait()
        finally:
            svc.queue.remove_drain_hook(hook)
            if job is not None:
                svc.queue.unwatch(job.id)
        final = await run_in_threadpool(svc.store.get, job.id)
        if final is not None and final.status == "done" and final.result:
            return await svc.work(_respond, final.result, body.format, article)
        if final is not None and final.status == "failed":
            raise ApiError(final.error_status or 503, final.error or "the job failed")
        raise ApiError(
            503,
            f"the server is stopping; the article is kept as job {job.id}: GET /v1/jobs/{job.id} after the restart",
            {"Retry-After": "10"},
        )

    @v1.get(
        "/summaries/{article_sha256}",
        response_model=Summary,
        responses={404: {"model": ErrorBody, "description": "not in the cache"}, 422: ERRORS[422]},
    )
    async def cached_summary(
        request: Request, article_sha256: Annotated[str, Field(pattern=SHA256, description="sha256 of the text")]
    ) -> Response:
        """The cached summary of an article (by the sha256 of its UTF-8 text), as this server would give it."""
        svc = service_of(request)
        if not svc.settings.use_cache:
            raise ApiError(404, "the cache is off (--no-cache); POST the article to /v1/summaries")
        hit = await svc.in_cache_thread(svc.cached_by_sha, article_sha256)
        if hit is None:
            raise ApiError(404, f"no cached summary for {article_sha256}; POST the article to /v1/summaries")
        return await svc.work(lambda: JSONResponse(hit.model_dump(mode="json")))

    @v1.post(
        "/jobs",
        status_code=202,
        response_model=JobAccepted,
        responses={413: ERRORS[413], 422: ERRORS[422], 429: ERRORS[429], 501: {"model": ErrorBody}},
    )
    async def create_job(body: ArticleInput, request: Request) -> JobAccepted:
        """Queue an article; poll ``GET /v1/jobs/{id}``. Stored in SQLite: survives a restart."""
        svc = service_of(request)
        article = await _load_article(svc, body)
        job = await run_in_threadpool(svc.queue.submit, _job_request(article, body), article.sha256)
        return JobAccepted(id=job.id, status=job.status)

    @v1.get("/jobs/{job_id}", response_model=JobView, responses={404: {"model": ErrorBody}})
    async def get_job(job_id: str, request: Request) -> Response:
        """A job's status: ``queued``, ``running``, ``done`` (with the Summary) or ``failed`` (one-line error)."""
        svc = service_of(request)
        job = await run_in_threadpool(svc.store.get, job_id)
        if job is None:
            raise ApiError(404, f"no job {job_id[:80]!r}; POST /v1/jobs returns the id")
        return await svc.work(_job_response, job, svc.queue.progress(job_id))

    return v1


def _health() -> APIRouter:
    root = APIRouter()

    @root.get("/healthz", response_model=Health, responses={503: {"model": Health}})
    async def healthz(request: Request) -> Response:
        """Liveness and load: the model, whether it is loaded, the queue. No token needed."""
        svc = service_of(request)
        queued = await run_in_threadpool(svc.store.count, "queued")
        running = await run_in_threadpool(svc.store.count, "running")
        backend = svc.keyer.backend
        status: Literal["ok", "stopping", "model unavailable"] = "ok"
        if svc.queue.draining:
            status = "stopping"
        elif svc.model_error:
            status = "model unavailable"
        health = Health(
            status=status,
            model=backend.name,
            model_loaded=getattr(backend, "_llama", True) is not None and svc.model_error is None,
            queued=queued,
            running=running,
            queue_limit=svc.queue.limit,
            workers=svc.queue.workers,
            error=svc.model_error,
        )
        return JSONResponse(health.model_dump(mode="json"), status_code=200 if status == "ok" else 503)

    return root


def build_routers() -> list[APIRouter]:
    return [_v1(), _health()]
