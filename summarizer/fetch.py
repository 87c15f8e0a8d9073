"""Fetch a web page the way a service may: only public addresses, one deadline, redirects checked.

A URL handed to the HTTP service is the attacker's choice, so ``fetch_page`` with
``allow_private=False`` resolves the host itself, refuses loopback, private, link-local,
multicast, reserved and unspecified addresses (IPv4 and IPv6, IPv4 inside IPv6 as mapped, NAT64 and
6to4 forms, and every numeric spelling the resolver accepts, such as ``http://2130706433/``), and
then connects to the address it checked: the request goes to that IP with the original ``Host``
header and TLS server name (httpx's ``sni_hostname`` extension), so a second DNS answer (a
rebinding name) is never asked for. Redirects are followed here, one hop at a time, each hop
checked the same way. URLs carrying ``user:password@`` are refused (the credentials would end up in
logs, outputs and the cache). One deadline covers resolving, connecting, the headers and the body:
a server that trickles its headers is cut at the deadline like one that trickles its body.

The CLI fetches with ``allow_private=True`` (the user's own machine and network are theirs to
read); the service only when started with ``--allow-private-urls``.
"""

from __future__ import annotations

import functools
import ipaddress
import socket
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, version
from typing import Any

from .errors import FetchError

__all__ = ["MAX_PAGE_BYTES", "MAX_REDIRECTS", "Page", "address_refusal", "fetch_page", "public_url"]

MAX_PAGE_BYTES = 5_000_000
MAX_REDIRECTS = 5
ACCEPTED_TYPES = ("text/html", "application/xhtml+xml", "text/plain")

#: what a client of the service is told when a page cannot be had, whatever the reason: the
#: detailed reason ("connection refused", "HTTP 404", "is application/json") would map the ports
#: and services of the network the server sits in
GENERIC = (
    "could not fetch an article page from the URL (no answer, an error status, not an HTML or text page, "
    "too large or too slow); check the address, or send the article's text instead"
)
REFUSED = (
    "the URL points to a loopback, private, link-local or otherwise non-public address, which this server "
    "does not fetch; send a public http(s) URL, or the article's text instead"
)
CREDENTIALS = "URLs with a user name or password are not fetched; send the page's address without them"

_NAT64 = (ipaddress.IPv6Network("64:ff9b::/96"), ipaddress.IPv6Network("64:ff9b:1::/48"))
IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


@dataclass(frozen=True)
class Page:
    """What a fetch returned: the body, its media type and charset, and the address it came from."""

    data: bytes
    content_type: str
    charset: str | None
    url: str


@functools.cache
def _tls_context(trust_env: bool) -> Any:
    """One TLS context for every fetch: loading the CA bundle takes about 60 ms, which on the
    service's event loop, once per URL, stalled every other request (40 URLs: 2.5 s)."""
    import httpx

    return httpx.create_ssl_context(trust_env=trust_env)


def _user_agent() -> str:
    try:
        return f"summarizer/{version('summarizer')}"
    except PackageNotFoundError:  # pragma: no cover - running from a source tree
        return "summarizer"


def address_refusal(ip: IPAddress) -> str | None:
    """Why a service must not connect to ``ip`` (``None`` when it is a public unicast address).

    IPv4 inside IPv6 (``::ffff:127.0.0.1``, NAT64 ``64:ff9b::7f00:1``, 6to4 ``2002:7f00:1::``) is
    judged by the IPv4 address it carries."""
    if isinstance(ip, ipaddress.IPv6Address):
        inner: ipaddress.IPv4Address | None = ip.ipv4_mapped or ip.sixtofour
        if inner is None and any(ip in net for net in _NAT64):
            inner = ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
        if inner is not None:
            why = address_refusal(inner)
            return f"{why} (inside {ip})" if why else None
        if ip.teredo is not None:
            return "a Teredo tunnel address"
    for kind, hit in (
        ("an unspecified", ip.is_unspecified),
        ("a loopback", ip.is_loopback),
        ("a link-local", ip.is_link_local),
        ("a multicast", ip.is_multicast),
        ("a private", ip.is_private),
        ("a reserved", ip.is_reserved),
    ):
        if hit:
            return f"{kind} address"
    if not ip.is_global:
        return "a non-public address"
    return None


def public_url(url: Any) -> str:
    """The address without ``user:password@``, for messages and for what is stored."""
    import httpx

    try:
        parsed = httpx.URL(str(url))
    except (httpx.InvalidURL, TypeError):
        return str(url)
    return str(parsed.copy_with(userinfo=b"")) if parsed.userinfo else str(url)


async def _resolve(url: Any, allow_private: bool) -> list[str]:
    """The addresses to connect to for ``url``'s host, every one of them checked."""
    import anyio

    host, port = url.host, url.port or (443 if url.scheme == "https" else 80)
    try:
        infos = await anyio.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError) as exc:
        reason = getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
        raise FetchError(f"{public_url(url)}: cannot resolve {host} ({reason}); check the address", GENERIC) from None
    addresses = list(dict.fromkeys(str(info[4][0]).split("%")[0] for info in infos))
    if not allow_private:
        for address in addresses:
            why = address_refusal(ipaddress.ip_address(address))
            if why:
                raise FetchError(
                    f"{public_url(url)}: {host} is {address}, {why}; refused (the service fetches public "
                    "addresses only unless started with --allow-private-urls)",
                    REFUSED,
                )
    if not addresses:  # pragma: no cover - getaddrinfo raises instead
        raise FetchError(f"{public_url(url)}: cannot resolve {host}; check the address", GENERIC)
    return addresses


def _checked(raw: Any, original: str) -> Any:
    """``raw`` parsed, with the scheme and credentials checked (the first hop and every redirect)."""
    import httpx

    try:
        url = httpx.URL(str(raw))
    except (httpx.InvalidURL, TypeError) as exc:
        raise FetchError(f"{public_url(raw)}: not a valid address ({exc}); check it", GENERIC) from None
    if url.scheme not in ("http", "https"):
        where = "" if str(raw) == original else f" (a redirect from {public_url(original)})"
        raise FetchError(
            f"{public_url(raw)}{where}: only http:// and https:// URLs can be fetched; save the page and pass the file",
            GENERIC,
        )
    if url.userinfo:
        raise FetchError(f"{public_url(url)}: {CREDENTIALS}", CREDENTIALS)
    if not url.host:
        raise FetchError(f"{public_url(raw)}: not a valid address (no host); check it", GENERIC)
    return url


async def _send(client: Any, url: Any, allow_private: bool) -> Any:
    """One request, to the address that was checked: the URL's host is replaced by the IP, the
    ``Host`` header and the TLS server name keep the name (no second lookup)."""
    import httpx

    if allow_private:
        return await client.send(client.build_request("GET", url), stream=True)
    addresses = await _resolve(url, allow_private)
    last: Exception | None = None
    for address in addresses:
        request = client.build_request(
            "GET",
            url.copy_with(host=address),
            headers={"Host": url.netloc.decode("ascii")},
            extensions={"sni_hostname": url.host},
        )
        try:
            return await client.send(request, stream=True)
        except httpx.ConnectError as exc:  # the next address of the name, if it has one
            last = exc
    assert last is not None
    raise last


async def _fetch(url: str, *, max_bytes: int, allow_private: bool, per_phase: float) -> Page:
    import httpx

    current = _checked(url, url)
    headers = {"User-Agent": _user_agent(), "Accept": "text/html,application/xhtml+xml,text/plain;q=0.9"}
    # env proxies would resolve the name themselves, so a service that checks addresses ignores them
    async with httpx.AsyncClient(
        follow_redirects=False,
        timeout=per_phase,
        headers=headers,
        trust_env=allow_private,
        verify=_tls_context(allow_private),
    ) as client:
        for _hop in range(MAX_REDIRECTS + 1):
            response = await _send(client, current, allow_private)
            try:
                if response.is_redirect and response.headers.get("location"):
                    target = current.join(response.headers["location"])
                    current = _checked(target, url)
                    continue
                return await _read(response, current, max_bytes)
            finally:
                await response.aclose()
    raise FetchError(f"{public_url(url)}: more than {MAX_REDIRECTS} redirects; pass the page's final address", GENERIC)


async def _read(response: Any, url: Any, max_bytes: int) -> Page:
    shown = public_url(url)
    if response.status_code >= 400:
        raise FetchError(
            f"{shown}: HTTP {response.status_code} {response.reason_phrase}; check the address, "
            "or save the page and pass the file",
            GENERIC,
        )
    ctype = response.headers.get("content-type", "").split(";")[0].strip().lower()
    if ctype and ctype not in ACCEPTED_TYPES:
        raise FetchError(
            f"{shown} is {ctype}, not a web page; only HTML and plain text are read "
            "(convert it to text and pass the file)",
            GENERIC,
        )
    declared = response.headers.get("content-length", "").strip()
    if declared.isdigit() and int(declared) > max_bytes:
        raise FetchError(_too_large(shown, int(declared), max_bytes), GENERIC)
    body = bytearray()
    async for chunk in response.aiter_bytes():
        body += chunk
        if len(body) > max_bytes:
            raise FetchError(_too_large(shown, len(body), max_bytes), GENERIC)
    return Page(bytes(body), ctype, response.charset_encoding, str(url))


def _too_large(url: str, size: int, limit: int) -> str:
    return f"{url} is over {limit:,} bytes ({size:,} so far); save the article's text and pass that"


async def fetch_page(
    url: str, *, timeout: float = 30, max_bytes: int = MAX_PAGE_BYTES, allow_private: bool = True
) -> Page:
    """GET ``url`` within ``timeout`` seconds in all (resolving, every redirect, headers and body).

    Every failure is one :class:`FetchError` whose message is for the user at the command line and
    whose ``public`` text is what a service tells its client."""
    import anyio
    import httpx

    shown = public_url(url)
    try:
        with anyio.fail_after(timeout):
            return await _fetch(url, max_bytes=max_bytes, allow_private=allow_private, per_phase=timeout)
    except (TimeoutError, httpx.TimeoutException):
        raise FetchError(
            f"{shown}: no complete answer within {timeout:g} s; try again later or raise --fetch-timeout", GENERIC
        ) from None
    except httpx.InvalidURL as exc:
        raise FetchError(f"{shown}: not a valid address ({exc}); check it", GENERIC) from None
    except httpx.HTTPError as exc:
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise FetchError(f"{shown}: cannot fetch ({reason}); check the address and the network", GENERIC) from None
