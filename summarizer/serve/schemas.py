"""What the HTTP API reads and writes (request and response bodies), and the error responses
each route documents in its OpenAPI schema."""

from __future__ import annotations

import time
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from ..jobs import Job, JobStatus
from ..models import Summary

__all__ = [
    "ERRORS",
    "SHA256",
    "ArticleInput",
    "ErrorBody",
    "Health",
    "JobAccepted",
    "JobView",
    "PassProgress",
    "SummaryRequest",
    "job_seconds",
    "job_title",
]

SHA256 = r"^[0-9a-f]{64}$"


class ErrorBody(BaseModel):
    detail: str = Field(description="one line saying what went wrong and what to do")


#: the documented error answers shared by several routes
ERRORS: dict[int | str, dict[str, Any]] = {
    code: {"model": None, "description": text}
    for code, text in {
        401: "missing or wrong bearer token",
        413: "body above --max-body or article above --max-chars",
        422: "invalid JSON, fields or article text",
        429: "queue full; see Retry-After",
    }.items()
}


class ArticleInput(BaseModel):
    """Exactly one of ``text`` (the article, UTF-8 text), ``url`` (a page to fetch) or ``html`` (a
    saved page, e.g. a file dropped on the browser page)."""

    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [{"text": "Officials said on Friday…"}]})

    text: str | None = Field(None, description="the article's plain text; offsets in the result index into it")
    url: str | None = Field(None, max_length=2048, pattern=r"^https?://\S+$", description="an article page to fetch")
    html: str | None = Field(None, description="a saved web page; its article text is extracted as for a url")

    @model_validator(mode="after")
    def _one_source(self) -> ArticleInput:
        if sum(x is not None for x in (self.text, self.url, self.html)) != 1:
            raise ValueError('send exactly one of "text" or "url" (or "html", a saved web page)')
        return self


class SummaryRequest(ArticleInput):
    format: Literal["json", "markdown", "html"] = Field("json", description="json is the CLI's --format json")


class JobAccepted(BaseModel):
    id: str
    status: JobStatus


def job_title(title: str | None, url: str | None, text: str | None, words: int = 10) -> str:
    """What a person knows a job by: the page's title, its URL, or the article's first words."""
    if title:
        return title
    if url:
        return url
    first = next((line for line in (text or "").splitlines() if line.strip()), "")
    parts = first.split()
    return " ".join(parts[:words]) + (" …" if len(parts) > words else "")


def job_seconds(started_at: float | None, finished_at: float | None, now: float | None = None) -> float | None:
    """How long the job has run, or ran: None until a worker takes it."""
    if started_at is None:
        return None
    end = finished_at if finished_at is not None else (now if now is not None else time.time())
    return round(max(0.0, end - started_at), 2)


class PassProgress(BaseModel):
    """The model pass a running job is in (the pipeline's progress callback)."""

    model_config = ConfigDict(populate_by_name=True)

    pass_: str = Field(alias="pass", description="the pass's name: claims, summary, figures, quotes, ...")
    index: int = Field(description="from 1")
    total: int = Field(description="passes this article needs (passes with nothing to ask are skipped)")


class JobView(BaseModel):
    """A job as stored: the Summary when ``done``, a one-line ``error`` when ``failed``, the pass
    it is in while ``running``."""

    id: str
    status: JobStatus
    article_sha256: str
    title: str = Field(description="the page's title, else its URL, else the article's first words")
    attempts: int = Field(description="times a worker started it (a restart after a crash counts)")
    created_at: float
    started_at: float | None
    finished_at: float | None
    seconds: float | None = Field(description="running time so far, or the run's length once finished")
    progress: PassProgress | None = Field(description="while running: the model pass it is in")
    result: Summary | None
    error: str | None

    @classmethod
    def of(cls, job: Job, progress: tuple[str, int, int] | None = None) -> JobView:
        req = job.request
        return cls(
            id=job.id,
            status=job.status,
            article_sha256=job.article_sha256,
            title=req.get("title") or job_title(None, req.get("url"), req.get("text")),
            attempts=job.attempts,
            created_at=job.created_at,
            started_at=job.started_at,
            finished_at=job.finished_at,
            seconds=job_seconds(job.started_at, job.finished_at),
            progress=PassProgress.model_validate(dict(zip(("pass", "index", "total"), progress, strict=True)))
            if progress
            else None,
            result=Summary.model_validate_json(job.result) if job.result else None,
            error=job.error,
        )


class Health(BaseModel):
    status: Literal["ok", "stopping", "model unavailable"]
    model: str
    model_loaded: bool
    queued: int
    running: int
    queue_limit: int
    workers: int
    error: str | None = None
