"""Transport retries and accounting around a backend's raw call.

Retries cover what a server may fix by itself: 429, 5xx, timeouts, cut connections and a 200
whose body is not JSON. They back off exponentially with jitter, honour ``Retry-After``, and
stop at ``transport_retries`` or ``retry_budget`` seconds, whichever comes first. Every attempt,
failed or not, is counted; tokens are added from every response that reports usage.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass, field
from typing import Any

import openai
from openai.types.chat import ChatCompletion
from tenacity import (
    RetryCallState,
    Retrying,
    retry_if_exception,
    stop_after_attempt,
    stop_after_delay,
    wait_exponential_jitter,
)

from .backends.base import Backend
from .config import Settings
from .errors import BackendError

__all__ = ["Accounting", "Transport", "is_transient", "retry_after_seconds"]

_TRANSIENT_STATUS = {408, 409, 425, 429, 500, 502, 503, 504}


@dataclass
class Accounting:
    """Totals for one article; the pipeline copies them into ``meta``."""

    calls: int = 0
    failed_calls: int = 0
    transport_retries: int = 0
    input_tokens: int = 0
    output_tokens: int = 0
    log: list[dict[str, Any]] = field(default_factory=list)

    def add_usage(self, response: ChatCompletion) -> None:
        if response.usage is not None:
            self.input_tokens += response.usage.prompt_tokens or 0
            self.output_tokens += response.usage.completion_tokens or 0


def is_transient(exc: BaseException) -> bool:
    if isinstance(exc, (openai.APITimeoutError, openai.APIConnectionError, json.JSONDecodeError)):
        return True
    if isinstance(exc, openai.APIStatusError):
        return exc.status_code in _TRANSIENT_STATUS
    return False


def retry_after_seconds(exc: BaseException | None) -> float | None:
    """Seconds from a ``Retry-After`` (or ``retry-after-ms``) header, if the error carries one."""
    response = getattr(exc, "response", None)
    headers = getattr(response, "headers", None)
    if not headers:
        return None
    if "retry-after-ms" in headers:
        try:
            return float(headers["retry-after-ms"]) / 1000
        except ValueError:
            pass
    value = headers.get("retry-after")
    if value is None:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        from email.utils import parsedate_to_datetime

        try:
            return max(0.0, parsedate_to_datetime(value).timestamp() - time.time())
        except (TypeError, ValueError):
            return None


def describe(exc: BaseException) -> str:
    if isinstance(exc, openai.APIStatusError):
        hint = " (check --api-key / SUMMARIZER_API_KEY)" if exc.status_code in (401, 403) else ""
        return f"HTTP {exc.status_code} from the server{hint}"
    if isinstance(exc, openai.APITimeoutError):
        return "the request timed out"
    if isinstance(exc, openai.APIConnectionError):
        return "the connection failed"
    if isinstance(exc, json.JSONDecodeError):
        return "the server answered with a body that is not JSON"
    return f"{type(exc).__name__}: {exc}".splitlines()[0]


class Transport:
    """The callable handed to instructor: one logical call, retried on transient failures."""

    def __init__(self, backend: Backend, settings: Settings, accounting: Accounting) -> None:
        self.backend = backend
        self.settings = settings
        self.accounting = accounting
        self._exp = wait_exponential_jitter(multiplier=0.5, max=30, jitter=1)

    def _wait(self, state: RetryCallState) -> float:
        exc = state.outcome.exception() if state.outcome else None
        hinted = retry_after_seconds(exc)
        delay = hinted if hinted is not None else self._exp(state)
        remaining = self.settings.retry_budget - (time.monotonic() - self._started)
        return max(0.0, min(delay, remaining))

    def __call__(self, *args: Any, **kwargs: Any) -> ChatCompletion:
        kwargs.setdefault("timeout", self.settings.timeout)
        self._started = time.monotonic()
        retrying = Retrying(
            retry=retry_if_exception(is_transient),
            stop=stop_after_attempt(self.settings.transport_retries + 1) | stop_after_delay(self.settings.retry_budget),
            wait=self._wait,
            reraise=True,
        )
        attempt_no = 0
        try:
            for attempt in retrying:
                with attempt:
                    attempt_no += 1
                    if attempt_no > 1:
                        self.accounting.transport_retries += 1
                    self.accounting.calls += 1
                    try:
                        response = self.backend.create(**kwargs)
                    except Exception as exc:
                        self.accounting.failed_calls += 1
                        self.accounting.log.append({"error": describe(exc)})
                        raise
                    self.accounting.add_usage(response)
                    return response
        except Exception as exc:
            if not is_transient(exc) and not isinstance(exc, openai.APIError):
                raise
            elapsed = time.monotonic() - self._started
            raise BackendError(
                f"{self.backend.name}: {describe(exc)} after {attempt_no} attempt(s) in "
                f"{elapsed:.1f}s; check the server, or raise --retries / --retry-budget"
            ) from exc
        raise AssertionError("unreachable")  # pragma: no cover
