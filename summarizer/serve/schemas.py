"""What the HTTP API reads and writes (request and response bodies), and the error responses
each route documents in its OpenAPI schema."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from ..jobs import Job, JobStatus
from ..models import Summary

__all__ = ["ERRORS", "SHA256", "ArticleInput", "ErrorBody", "Health", "JobAccepted", "JobView", "SummaryRequest"]

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

    @classmethod
    def of(cls, job: Job) -> JobView:
        return cls(
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


class Health(BaseModel):
    status: Literal["ok", "stopping", "model unavailable"]
    model: str
    model_loaded: bool
    queued: int
    running: int
    queue_limit: int
    workers: int
    error: str | None = None
