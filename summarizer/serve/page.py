"""The browser page and the two job routes it reads.

``GET /`` needs no token: the page holds no data and no secret (its script asks for the token when
the API answers 401 and keeps it in the tab's ``sessionStorage``). ``GET /v1/jobs`` lists this
server's recent jobs and ``GET /v1/jobs/{id}/report`` renders a done job's HTML report from the
text the job keeps, so the page shows a result, or reopens an old one, without sending it again.
"""

from __future__ import annotations

import time
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, Response
from pydantic import BaseModel, ConfigDict, Field
from starlette.concurrency import run_in_threadpool

from ..jobs import JobStatus
from ..models import Summary
from ..render import render
from ..render.html import report_policy
from ..render.page import render_page
from .routes import _check_token
from .schemas import ERRORS, ErrorBody, job_seconds
from .service import ApiError, service_of

__all__ = ["JobBrief", "JobList", "build_page_routers"]

#: headers of both pages, beside their Content-Security-Policy (sent as a header too: a header also
#: covers what a meta tag cannot, such as frame-ancestors)
_HEADERS = {"X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer", "Cache-Control": "no-store"}


class JobBrief(BaseModel):
    """One line of the recent-jobs list: no article text, no result."""

    model_config = ConfigDict(extra="forbid")

    id: str
    status: JobStatus
    title: str = Field(description="the page's title, else its URL, else the article's first words")
    created_at: float
    seconds: float | None = Field(description="running time so far, or the run's length once finished")
    error: str | None


class JobList(BaseModel):
    model_config = ConfigDict(extra="forbid")

    jobs: list[JobBrief] = Field(description="newest first")


def _page_router() -> APIRouter:
    root = APIRouter()

    @root.get("/", response_class=HTMLResponse, summary="The browser page (no token: it holds no data)")
    async def page() -> HTMLResponse:
        """A form for one article that starts a job, follows its passes and shows its report."""
        html, csp = render_page()
        return HTMLResponse(html, headers={"Content-Security-Policy": f"{csp}; frame-ancestors 'none'", **_HEADERS})

    return root


def _jobs_router() -> APIRouter:
    v1 = APIRouter(prefix="/v1", dependencies=[Depends(_check_token)], responses={401: ERRORS[401]})

    @v1.get("/jobs", response_model=JobList)
    async def list_jobs(
        request: Request, limit: Annotated[int, Query(ge=1, le=100, description="how many, newest first")] = 20
    ) -> JobList:
        """This server's recent jobs (finished ones are kept 7 days), without their text or result."""
        rows: list[dict[str, Any]] = await run_in_threadpool(service_of(request).store.recent, limit)
        now = time.time()
        return JobList(
            jobs=[
                JobBrief(
                    id=r["id"],
                    status=r["status"],
                    title=r["title"] or "",
                    created_at=r["created_at"],
                    seconds=job_seconds(r["started_at"], r["finished_at"], now),
                    error=r["error"],
                )
                for r in rows
            ]
        )

    @v1.get(
        "/jobs/{job_id}/report",
        response_class=HTMLResponse,
        responses={
            404: {"model": ErrorBody},
            409: {"model": ErrorBody, "description": "the job is not done"},
            410: {"model": ErrorBody, "description": "the job's article text is no longer kept"},
        },
    )
    async def job_report(job_id: str, request: Request) -> Response:
        """A done job's self-contained HTML report (the CLI's ``--format html``)."""
        job = await run_in_threadpool(service_of(request).store.get, job_id)
        if job is None:
            raise ApiError(404, f"no job {job_id!r}; POST /v1/jobs returns the id")
        if job.status != "done" or not job.result:
            what = f"failed ({job.error})" if job.status == "failed" else job.status
            raise ApiError(409, f"job {job_id} is {what}: a report exists once it is done; poll GET /v1/jobs/{job_id}")
        summary = Summary.model_validate_json(job.result)
        text = summary.article or job.request.get("text")  # a web page's result carries its text
        if text is None:
            raise ApiError(
                410,
                f"the article text of job {job_id} is no longer kept; POST it to /v1/summaries with "
                '"format": "html" for its report',
            )
        title = summary.meta.source_title or job.request.get("url")
        html = await service_of(request).work(render, summary, "html", title, text)
        return HTMLResponse(html, headers={"Content-Security-Policy": report_policy(), **_HEADERS})

    return v1


def build_page_routers() -> list[APIRouter]:
    return [_page_router(), _jobs_router()]
