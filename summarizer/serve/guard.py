"""What the service refuses before a route runs, and how refusals stay small.

- ``TrustedHost``: a ``Host`` header that is not one of the server's names is answered 400. A web
  page can make a browser send requests to ``127.0.0.1`` through a DNS name it controls (DNS
  rebinding); the browser then sends that name as ``Host``, so serving loopback names only keeps
  such pages out even when there is no token.
- ``body_error``: a body FastAPI cannot parse at all (not UTF-8, nested too deep, an integer too
  long to read) gets the same documented 422 as invalid JSON, not a bare 400.
- ``validation_body``: a 422 lists at most ``MAX_ERRORS`` errors, each location and message cut
  short, so 80,000 unknown keys do not echo back as megabytes.
"""

from __future__ import annotations

from typing import Any

from fastapi.encoders import jsonable_encoder
from fastapi.responses import JSONResponse
from starlette.datastructures import Headers
from starlette.types import ASGIApp, Receive, Scope, Send

__all__ = ["MAX_ERRORS", "TrustedHost", "body_error", "host_name", "validation_body"]

MAX_ERRORS = 10
_MAX_PART = 80  # characters of one location part or message echoed back
#: FastAPI's answer when the body is not JSON it can decode (``fastapi.routing``)
PARSE_FAILURE = "There was an error parsing the body"
JSON_EXAMPLE = '{"text": "<the article>"}'


def host_name(header: str) -> str:
    """``Host`` without the port, lower case, an IPv6 address without its brackets."""
    header = header.strip().lower()
    if header.startswith("["):
        return header[1:].split("]", 1)[0]
    return header.rsplit(":", 1)[0] if header.count(":") == 1 else header


class TrustedHost:
    """Answer 400 to a request whose ``Host`` is not one of ``names`` (``"*"`` among them: any)."""

    def __init__(self, app: ASGIApp, names: frozenset[str]) -> None:
        self.app = app
        self.names = names
        self.any = "*" in names

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or self.any:
            await self.app(scope, receive, send)
            return
        name = host_name(Headers(scope=scope).get("host", ""))
        if name not in self.names:
            detail = (
                "this server does not answer to that Host name; use http://127.0.0.1:<port>, or start it "
                "with --allowed-host NAME for the name clients use"
            )
            await JSONResponse({"detail": detail}, status_code=400)(scope, receive, send)
            return
        await self.app(scope, receive, send)


def body_error() -> JSONResponse:
    detail = f"the body is not valid UTF-8 JSON within the parser's limits; send a JSON object such as {JSON_EXAMPLE}"
    return JSONResponse({"detail": detail, "errors": [{"type": "json_invalid", "loc": ["body"], "msg": detail}]}, 422)


def _short(value: Any) -> Any:
    """A location part or message as echoed back: numbers as they are, text cut at ``_MAX_PART``."""
    if isinstance(value, int):
        return value
    text = str(value)
    return text if len(text) <= _MAX_PART else text[: _MAX_PART - 1] + "…"


def validation_body(errors: list[dict[str, Any]]) -> JSONResponse:
    """The 422 for invalid fields: a one-line ``detail`` naming the first three problems and an
    ``errors`` list of at most ``MAX_ERRORS``, with how many more there were."""
    parts = []
    for e in errors[:3]:
        if e.get("type") == "json_invalid":
            where = e["loc"][-1] if e.get("loc") else "?"
            reason = e.get("ctx", {}).get("error", "decode error")
            parts.append(f"the body is not valid JSON ({_short(reason)} at character {where})")
            continue
        loc = ".".join(str(_short(x)) for x in e.get("loc", ()) if x != "body") or "body"
        parts.append(f"{loc}: {_short(str(e.get('msg', 'invalid')).removeprefix('Value error, '))}")
    if len(errors) > 3:
        parts.append(f"and {len(errors) - 3} more")
    detail = "; ".join(parts)
    if any(e.get("loc", ("",))[0] == "body" for e in errors):
        detail += f"; send a JSON object such as {JSON_EXAMPLE}"
    clean = [
        {"type": e.get("type"), "loc": [_short(x) for x in e.get("loc", ())], "msg": _short(e.get("msg", ""))}
        for e in errors[:MAX_ERRORS]
    ]
    body: dict[str, Any] = {"detail": " ".join(detail.split()), "errors": jsonable_encoder(clean)}
    if len(errors) > MAX_ERRORS:
        body["errors_omitted"] = len(errors) - MAX_ERRORS
    return JSONResponse(body, status_code=422)
