"""``summarize serve``: the HTTP API (FastAPI under uvicorn), thin over ``summarizer.Summarizer``.

Every article goes through the durable job queue of ``summarizer.jobs``, the synchronous
``POST /v1/summaries`` included, so the one embedded model summarizes one article at a time and a
full queue is answered with 429 instead of piling up threads. Cached summaries are answered at once
from the cache file (read on the event loop's thread: SQLite connections stay in their thread).

Status codes: 401 missing or wrong bearer token, 413 body above ``--max-body`` or article above
``--max-chars``, 422 invalid JSON, fields or article text, 429 queue full (``Retry-After``),
501 URL input without ``summarizer.web``, 502 the model server failed, 503 the model is unavailable
or the server is stopping. Every error body is ``{"detail": "<one line saying what to do>"}``.
"""

from __future__ import annotations

import asyncio
import contextlib
import hmac
import logging
import os
import signal
import sys
import threading
import traceback
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from functools import partial
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from types import FrameType
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, FastAPI, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel, ConfigDict, Field, model_validator
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import Headers
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .article import Article
from .cache import Cache
from .config import Settings
from .errors import BadInputError, ConfigError, SummarizerError
from .jobs import Job, JobQueue, JobStatus, JobStore, QueueFullError, default_jobs_path
from .models import Summary
from .pipeline import Summarizer
from .render import render

__all__ = ["ApiError", "BodyLimit", "create_app", "run_server"]

log = logging.getLogger("summarizer.server")

_SHA256 = r"^[0-9a-f]{64}$"
_ERRORS: dict[int | str, dict[str, Any]] = {
    code: {"model": None, "description": text}
    for code, text in {
        401: "missing or wrong bearer token",
        413: "body above --max-body or article above --max-chars",
        422: "invalid JSON, fields or article text",
        429: "queue full; see Retry-After",
    }.items()
}


class ApiError(Exception):
    """An answer other than 2xx, with its one-line ``detail``."""

    def __init__(self, status: int, detail: str, headers: dict[str, str] | None = None) -> None:
        super().__init__(detail)
        self.status = status
        self.detail = detail
        self.headers = headers


class ErrorBody(BaseModel):
    detail: str = Field(description="one line saying what went wrong and what to do")


class ArticleInput(BaseModel):
    """Exactly one of ``text`` (the article, UTF-8 text) or ``url`` (a page to fetch)."""

    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [{"text": "Officials said on Friday…"}]})

    text: str | None = Field(None, description="the article's plain text; offsets in the result index into it")
    url: str | None = Field(None, max_length=2048, pattern=r"^https?://\S+$", description="an article page to fetch")

    @model_validator(mode="after")
    def _one_source(self) -> ArticleInput:
        if (self.text is None) == (self.url is None):
            raise ValueError('send exactly one of "text" or "url"')
        return self


class SummaryRequest(ArticleInput):
    format: Literal["json", "markdown", "html"] = Field("json", description="json is the CLI's --format json")


class JobAccepted(BaseModel):
    id: str
    status: JobStatus


class JobView(BaseModel):
    """A job as stored: the Summary when ``done``, a one-line ``error`` when ``failed``."""

    id: str
    status: JobStatus
    article_sha256: str
    attempts: int = Field(description="times a worker started it (a restart after a crash counts)")
    created_at: float
    started_at: float | None
    finished_at: float | None
    result: Summary | None
    error: str | None


class Health(BaseModel):
    status: Literal["ok", "stopping", "model unavailable"]
    model: str
    model_loaded: bool
    queued: int
    running: int
    queue_limit: int
    workers: int
    error: str | None = None


@dataclass
class Service:
    """What the routes share: settings, the job queue, the token, a cache reader."""

    settings: Settings
    queue: JobQueue
    token: str | None
    max_body: int
    grace: float
    loop: asyncio.AbstractEventLoop | None = None
    model_error: str | None = None
    _cache: Cache | None = field(default=None, repr=False)

    @property
    def store(self) -> JobStore:
        return self.queue.store

    @property
    def keyer(self) -> Summarizer:
        return self.queue.summarizers[0]

    def cached(self, article_sha256: str) -> Summary | None:
        """The summary this server would give for the article, when it is in the cache.

        Called only from async routes, so the connection stays on the event loop's thread."""
        if not self.settings.use_cache:
            return None
        if self._cache is None:
            self._cache = Cache(self.settings.resolved_cache_path())
        hit = self._cache.get(self.keyer.key_for(Article(text="", sha256=article_sha256)))
        if hit is not None:
            hit.meta.cached = True
            hit.meta.seconds = 0.0
        return hit

    def close_cache(self) -> None:
        if self._cache is not None:
            self._cache.close()
            self._cache = None

    def request_drain(self) -> None:
        """From a signal handler: drain on the loop's thread (never take locks inside the handler)."""
        if self.loop is not None and not self.loop.is_closed():
            self.loop.call_soon_threadsafe(self.queue.drain)


def _service(request: Request) -> Service:
    svc: Service = request.app.state.service
    return svc


_bearer = HTTPBearer(auto_error=False, description="the server's --token (or SUMMARIZER_SERVE_TOKEN)")


def _check_token(
    request: Request, credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)]
) -> None:
    token = _service(request).token
    if token is None:
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
    """The request's article, refused with 413/422/501 before anything is queued or cached."""
    max_chars = svc.settings.max_article_chars
    if body.text is not None:
        text = body.text
        try:
            text.encode("utf-8")
        except UnicodeEncodeError:
            raise ApiError(422, "text contains lone surrogates (\\ud800-\\udfff); send valid Unicode") from None
        if len(text) > max_chars:
            raise ApiError(
                413,
                f"the article has {len(text):,} characters, above the limit of {max_chars:,} (--max-chars); "
                "send a single article",
            )
        try:
            return Article.from_text(text, source="text", max_chars=max_chars)
        except BadInputError as exc:
            raise ApiError(422, str(exc)) from None
    assert body.url is not None
    try:
        from .web import load_url  # type: ignore[import-not-found,unused-ignore]
    except ImportError:
        raise ApiError(
            501, 'URL input is not available in this build (no summarizer.web); send {"text": ...} instead'
        ) from None
    try:
        article: Article = await run_in_threadpool(partial(load_url, body.url, max_chars=max_chars))
    except BadInputError as exc:
        raise ApiError(422, svc.queue.redact(str(exc))) from None
    except SummarizerError as exc:
        raise ApiError(502, svc.queue.redact(str(exc))) from None
    return article


def _job_request(article: Article, body: ArticleInput) -> dict[str, Any]:
    return {"text": article.text, "source": article.source, "url": body.url}


def _respond(summary: Summary, fmt: str, article: Article) -> Response:
    if fmt == "markdown":
        return Response(render(summary, "markdown"), media_type="text/markdown; charset=utf-8")
    if fmt == "html":
        render_any: Any = render
        try:
            page = render_any(summary, "html", article=article.text)
        except TypeError:  # a render() without the article-aware page
            page = render_any(summary, "html")
        return HTMLResponse(page)
    return JSONResponse(summary.model_dump(mode="json"))


def _view(job: Job) -> JobView:
    return JobView(
        id=job.id,
        status=job.status,
        article_sha256=job.article_sha256,
        attempts=job.attempts,
        created_at=job.created_at,
        started_at=job.started_at,
        finished_at=job.finished_at,
        result=Summary.model_validate_json(job.result) if job.result else None,
        error=job.error,
    )


def _build_routes() -> APIRouter:
    v1 = APIRouter(prefix="/v1", dependencies=[Depends(_check_token)], responses={401: _ERRORS[401]})

    @v1.post(
        "/summaries",
        response_model=Summary,
        responses={
            200: {"content": {"text/markdown": {}, "text/html": {}}, "description": "the Summary (JSON contract)"},
            413: _ERRORS[413],
            422: _ERRORS[422],
            429: _ERRORS[429],
            501: {"model": ErrorBody, "description": "URL input not available"},
            502: {"model": ErrorBody, "description": "the model server failed"},
            503: {"model": ErrorBody, "description": "model unavailable or server stopping"},
        },
    )
    async def create_summary(body: SummaryRequest, request: Request) -> Response:
        """Summarize one article and wait for the result (queued behind earlier jobs)."""
        svc = _service(request)
        article = await _load_article(svc, body)
        hit = svc.cached(article.sha256)
        if hit is not None:
            return _respond(hit, body.format, article)
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
            return _respond(Summary.model_validate_json(final.result), body.format, article)
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
        responses={404: {"model": ErrorBody, "description": "not in the cache"}, 422: _ERRORS[422]},
    )
    async def cached_summary(
        request: Request, article_sha256: Annotated[str, Field(pattern=_SHA256, description="sha256 of the text")]
    ) -> Response:
        """The cached summary of an article (by the sha256 of its UTF-8 text), as this server would give it."""
        svc = _service(request)
        if not svc.settings.use_cache:
            raise ApiError(404, "the cache is off (--no-cache); POST the article to /v1/summaries")
        hit = svc.cached(article_sha256)
        if hit is None:
            raise ApiError(404, f"no cached summary for {article_sha256}; POST the article to /v1/summaries")
        return JSONResponse(hit.model_dump(mode="json"))

    @v1.post(
        "/jobs",
        status_code=202,
        response_model=JobAccepted,
        responses={413: _ERRORS[413], 422: _ERRORS[422], 429: _ERRORS[429], 501: {"model": ErrorBody}},
    )
    async def create_job(body: ArticleInput, request: Request) -> JobAccepted:
        """Queue an article; poll ``GET /v1/jobs/{id}``. Stored in SQLite: survives a restart."""
        svc = _service(request)
        article = await _load_article(svc, body)
        job = await run_in_threadpool(svc.queue.submit, _job_request(article, body), article.sha256)
        return JobAccepted(id=job.id, status=job.status)

    @v1.get("/jobs/{job_id}", response_model=JobView, responses={404: {"model": ErrorBody}})
    async def get_job(job_id: str, request: Request) -> JobView:
        """A job's status: ``queued``, ``running``, ``done`` (with the Summary) or ``failed`` (one-line error)."""
        job = await run_in_threadpool(_service(request).store.get, job_id)
        if job is None:
            raise ApiError(404, f"no job {job_id!r}; POST /v1/jobs returns the id")
        return _view(job)

    return v1


class BodyLimit:
    """Refuse request bodies above ``limit`` bytes with 413: at once when ``Content-Length`` says so,
    else as soon as the streamed body passes the limit (chunked uploads declare no length)."""

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app = app
        self.limit = limit

    def detail(self) -> str:
        return f"the request body is above the {self.limit:,}-byte limit (--max-body); send a smaller article"

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = Headers(scope=scope).get("content-length", "")
        if declared.isdigit() and int(declared) > self.limit:
            await JSONResponse({"detail": self.detail()}, status_code=413)(scope, receive, send)
            return
        seen = 0

        async def limited() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.limit:
                    raise StarletteHTTPException(413, self.detail())
            return message

        await self.app(scope, limited, send)


def _install_handlers(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def on_api_error(request: Request, exc: ApiError) -> Response:
        return JSONResponse({"detail": exc.detail}, status_code=exc.status, headers=exc.headers)

    @app.exception_handler(QueueFullError)
    async def on_queue_full(request: Request, exc: QueueFullError) -> Response:
        return JSONResponse({"detail": str(exc)}, status_code=exc.status, headers={"Retry-After": str(exc.retry_after)})

    @app.exception_handler(RequestValidationError)
    async def on_invalid(request: Request, exc: RequestValidationError) -> Response:
        errors = list(exc.errors())
        parts = []
        for e in errors[:3]:
            if e.get("type") == "json_invalid":
                where = e["loc"][-1] if e.get("loc") else "?"
                reason = e.get("ctx", {}).get("error", "decode error")
                parts.append(f"the body is not valid JSON ({reason} at character {where})")
                continue
            loc = ".".join(str(x) for x in e.get("loc", ()) if x != "body") or "body"
            parts.append(f"{loc}: {str(e.get('msg', 'invalid')).removeprefix('Value error, ')}")
        if len(errors) > 3:
            parts.append(f"and {len(errors) - 3} more")
        detail = "; ".join(parts)
        if any(e.get("loc", ("",))[0] == "body" for e in errors):
            detail += '; send a JSON object such as {"text": "<the article>"}'
        clean = [{k: e[k] for k in ("type", "loc", "msg") if k in e} for e in errors]
        return JSONResponse({"detail": detail, "errors": jsonable_encoder(clean)}, status_code=422)

    @app.exception_handler(StarletteHTTPException)
    async def on_http(request: Request, exc: StarletteHTTPException) -> Response:
        detail = str(exc.detail)
        if exc.status_code == 404 and detail == "Not Found":
            detail = f"no route {request.url.path}; see /docs"
        elif exc.status_code == 405:
            detail = f"{request.method} is not allowed on {request.url.path}; see /docs"
        return JSONResponse({"detail": detail}, status_code=exc.status_code, headers=exc.headers)

    @app.exception_handler(Exception)
    async def on_bug(request: Request, exc: Exception) -> Response:
        svc = _service(request)
        trace = svc.queue.redact("".join(traceback.format_exception(exc)))
        log.error("unexpected error on %s\n%s", request.url.path, trace)
        return JSONResponse({"detail": f"internal error ({type(exc).__name__}); see the server log"}, status_code=500)


def create_app(
    settings: Settings,
    summarizer: Summarizer | None = None,
    *,
    queue: int = 16,
    concurrency: int = 1,
    token: str | None = None,
    max_body: int = 1_000_000,
    jobs_path: Path | None = None,
    grace: float = 2.0,
) -> FastAPI:
    """The API over one ``Summarizer`` per worker; ``summarizer`` (tests, embedding) means one worker.

    ``concurrency`` above 1 needs an OpenAI-compatible server: the embedded model runs one article
    at a time. Jobs are stored in ``jobs_path`` (default ``<cache>.jobs.sqlite``).
    """
    if concurrency > 1 and (summarizer is not None or not settings.is_remote):
        raise ConfigError(
            "--concurrency above 1 needs an OpenAI-compatible server (--base-url); the embedded model "
            "summarizes one article at a time"
        )
    if summarizer is not None:
        summarizers, owned = [summarizer], False
    else:
        summarizers, owned = [Summarizer(settings) for _ in range(concurrency)], True
    for s in summarizers:
        _ = s.backend  # fail now (missing key, missing weights), not on the first request
    store = JobStore(jobs_path or default_jobs_path(settings.resolved_cache_path()))
    secret = settings.api_key.get_secret_value() if settings.api_key else ""
    job_queue = JobQueue(store, summarizers, limit=queue, secrets=[secret], owns_summarizers=owned)
    svc = Service(settings=settings, queue=job_queue, token=token or None, max_body=max_body, grace=grace)

    @contextlib.asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        svc.loop = asyncio.get_running_loop()
        job_queue.start()
        threading.Thread(target=_warm_up, args=(svc,), name="summarizer-warm-up", daemon=True).start()
        try:
            yield
        finally:
            job_queue.stop(grace)
            svc.close_cache()
            if not job_queue.busy:
                store.close()

    try:
        app_version = version("summarizer")
    except PackageNotFoundError:  # pragma: no cover - running from a source tree
        app_version = "0"
    app = FastAPI(
        title="summarizer",
        version=app_version,
        description="Validated, source-grounded structured summaries of news articles. "
        "Send the bearer token on every /v1 route when the server has one.",
        lifespan=lifespan,
    )
    app.add_middleware(BodyLimit, limit=max_body)
    app.state.service = svc
    app.include_router(_build_routes())
    _install_handlers(app)

    @app.get("/healthz", response_model=Health, responses={503: {"model": Health}})
    async def healthz() -> Response:
        """Liveness and load: the model, whether it is loaded, the queue. No token needed."""
        queued = await run_in_threadpool(store.count, "queued")
        running = await run_in_threadpool(store.count, "running")
        backend = summarizers[0].backend
        status: Literal["ok", "stopping", "model unavailable"] = "ok"
        if job_queue.draining:
            status = "stopping"
        elif svc.model_error:
            status = "model unavailable"
        health = Health(
            status=status,
            model=backend.name,
            model_loaded=getattr(backend, "_llama", True) is not None and svc.model_error is None,
            queued=queued,
            running=running,
            queue_limit=job_queue.limit,
            workers=job_queue.workers,
            error=svc.model_error,
        )
        return JSONResponse(health.model_dump(mode="json"), status_code=200 if status == "ok" else 503)

    return app


def _warm_up(svc: Service) -> None:
    """Load the embedded model before the first request (about a second; nothing for servers)."""
    backend = svc.queue.summarizers[0].backend
    try:
        _ = getattr(backend, "llama", None)
    except SummarizerError as exc:
        svc.model_error = svc.queue.redact(str(exc).splitlines()[0])
        log.error("model unavailable: %s", svc.model_error)


def run_server(
    settings: Settings,
    *,
    host: str = "127.0.0.1",
    port: int = 8000,
    queue: int = 16,
    concurrency: int = 1,
    token: str | None = None,
    max_body: int = 1_000_000,
    jobs_path: Path | None = None,
    grace: float = 2.0,
) -> None:
    """Serve until SIGTERM/SIGINT: stop accepting, answer waiting requests, re-queue running jobs, exit 0."""
    import uvicorn

    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(levelname)s:     %(message)s"))
    log.addHandler(handler)
    log.setLevel(logging.INFO)

    app = create_app(
        settings,
        queue=queue,
        concurrency=concurrency,
        token=token,
        max_body=max_body,
        jobs_path=jobs_path,
        grace=grace,
    )
    svc: Service = app.state.service
    if token is None and host not in ("127.0.0.1", "localhost", "::1"):
        log.warning("serving on %s without --token: anyone who can reach the port can use the model", host)

    class _Server(uvicorn.Server):
        def handle_exit(self, sig: int, frame: FrameType | None) -> None:
            svc.request_drain()
            super().handle_exit(sig, frame)

    # uvicorn re-raises the stop signal after restoring the previous handlers; ours ignore it,
    # so a graceful stop exits 0 instead of dying by the signal.
    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, lambda *_: None)
    config = uvicorn.Config(
        app, host=host, port=port, log_level="info", timeout_graceful_shutdown=max(1, int(grace) + 3)
    )
    _Server(config).run()
    if svc.queue.busy:
        # a worker is still inside a model call (its job is re-queued): do not let interpreter
        # shutdown free the model under it
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(0)
