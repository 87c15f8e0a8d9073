"""The application: one ``Service`` per app, the body-limit middleware, and the exception handlers
(one for every ``SummarizerError``: its ``http_status``, ``headers`` and one redacted line, the way
datasette's ``handle_exception`` renders every error in one place)."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import threading
import traceback
from collections.abc import AsyncIterator
from importlib.metadata import PackageNotFoundError, version

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.datastructures import Headers
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ..config import Settings
from ..errors import ConfigError, SummarizerError
from ..jobs import JobStore, default_jobs_path
from ..pipeline import Summarizer
from .config import ServeConfig
from .guard import PARSE_FAILURE, TrustedHost, body_error, validation_body
from .page import build_page_routers
from .routes import build_routers
from .service import Service, service_of
from .workers import JobQueue

__all__ = ["BodyLimit", "create_app"]

log = logging.getLogger("summarizer.server")


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
    @app.exception_handler(SummarizerError)
    async def on_error(request: Request, exc: SummarizerError) -> Response:
        detail = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        return JSONResponse(
            {"detail": service_of(request).queue.redact(detail)}, status_code=exc.http_status, headers=exc.headers
        )

    @app.exception_handler(RequestValidationError)
    async def on_invalid(request: Request, exc: RequestValidationError) -> Response:
        return validation_body(list(exc.errors()))

    @app.exception_handler(StarletteHTTPException)
    async def on_http(request: Request, exc: StarletteHTTPException) -> Response:
        detail = str(exc.detail)
        if exc.status_code == 400 and detail == PARSE_FAILURE:  # not UTF-8, too deep, an int too long
            return body_error()
        if exc.status_code == 404 and detail == "Not Found":
            detail = f"no route {request.url.path}; see /docs"
        elif exc.status_code == 405:
            detail = f"{request.method} is not allowed on {request.url.path}; see /docs"
        return JSONResponse({"detail": detail}, status_code=exc.status_code, headers=exc.headers)

    @app.exception_handler(Exception)
    async def on_bug(request: Request, exc: Exception) -> Response:
        trace = service_of(request).queue.redact("".join(traceback.format_exception(exc)))
        log.error("unexpected error on %s\n%s", request.url.path, trace)
        return JSONResponse({"detail": f"internal error ({type(exc).__name__}); see the server log"}, status_code=500)


def create_app(settings: Settings, summarizer: Summarizer | None = None, config: ServeConfig | None = None) -> FastAPI:
    """The API over one ``Summarizer`` per worker; ``summarizer`` (tests, embedding) means one worker.

    ``config.concurrency`` above 1 needs an OpenAI-compatible server: the embedded model runs one
    article at a time.
    """
    config = config or ServeConfig()
    if config.concurrency > 1 and (summarizer is not None or not settings.is_remote):
        raise ConfigError(
            "--concurrency above 1 needs an OpenAI-compatible server (--base-url); the embedded model "
            "summarizes one article at a time"
        )
    if summarizer is not None:
        summarizers, owned = [summarizer], False
    else:
        summarizers, owned = [Summarizer(settings) for _ in range(config.concurrency)], True
    for s in summarizers:
        _ = s.backend  # fail now (missing key, missing weights), not on the first request
    store = JobStore(config.jobs_path or default_jobs_path(settings.resolved_cache_path()))
    secret = settings.api_key.get_secret_value() if settings.api_key else ""
    job_queue = JobQueue(store, summarizers, limit=config.queue, secrets=[secret], owns_summarizers=owned)
    svc = Service(settings=settings, config=config, queue=job_queue)

    @contextlib.asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        svc.loop = asyncio.get_running_loop()
        job_queue.start()
        threading.Thread(target=_warm_up, args=(svc,), name="summarizer-warm-up", daemon=True).start()
        try:
            yield
        finally:
            job_queue.stop(config.grace)
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
    app.add_middleware(BodyLimit, limit=config.max_body)
    app.add_middleware(TrustedHost, names=config.trusted_hosts())  # outermost: before the body is read
    app.state.service = svc
    for router in [*build_routers(), *build_page_routers()]:
        app.include_router(router)
    _install_handlers(app)
    return app


def _warm_up(svc: Service) -> None:
    """Load the embedded model before the first request (about a second; nothing for servers)."""
    backend = svc.keyer.backend
    try:
        _ = getattr(backend, "llama", None)
    except SummarizerError as exc:
        svc.model_error = svc.queue.redact(str(exc).splitlines()[0])
        log.error("model unavailable: %s", svc.model_error)
