"""URL fetching a service can expose (summarizer.fetch): only public addresses, checked on every
redirect hop, connected to as checked, one deadline over the whole fetch.

Every hostile server here is a real HTTP server on 127.0.0.1 that counts the requests it gets, so
"refused" means "never contacted". Where a test needs an address the policy accepts, it stands
127.0.0.2 (also this machine) in for a public one by patching the policy for that one address.
"""

from __future__ import annotations

import ipaddress
import socket
import time
from typing import Any

import pytest

from summarizer import fetch
from summarizer.errors import FetchError
from summarizer.fetch import CREDENTIALS, GENERIC, REFUSED, address_refusal
from summarizer.web import load_url

from .conftest import SEED
from .hostile import Site, SlowHeaders, inside_fixture, outside_fixture, slow_fixture  # noqa: F401 - fixtures

TEXT = SEED.read_bytes()


def service_fetch(url: str, timeout: float = 10) -> Any:
    return load_url(url, max_chars=200_000, timeout=timeout, allow_private=False)


@pytest.mark.parametrize(
    "address",
    [
        "127.0.0.1",
        "127.8.9.10",
        "10.1.2.3",
        "172.16.0.1",
        "192.168.1.1",
        "169.254.169.254",  # cloud metadata
        "100.64.0.1",  # carrier-grade NAT
        "0.0.0.0",
        "224.0.0.1",
        "255.255.255.255",
        "240.0.0.1",
        "::1",
        "::",
        "fe80::1",
        "fc00::1",
        "ff02::1",
        "::ffff:127.0.0.1",
        "::ffff:169.254.169.254",
        "64:ff9b::7f00:1",  # NAT64 of 127.0.0.1
        "2002:a00:1::1",  # 6to4 of 10.0.0.1
        "2001:db8::1",
    ],
)
def test_non_public_addresses_are_refused(address: str) -> None:
    assert address_refusal(ipaddress.ip_address(address)) is not None


@pytest.mark.parametrize("address", ["93.184.216.34", "8.8.8.8", "2606:4700:4700::1111", "::ffff:8.8.8.8"])
def test_public_addresses_pass(address: str) -> None:
    assert address_refusal(ipaddress.ip_address(address)) is None


@pytest.mark.parametrize(
    "host",
    [
        "127.0.0.1",
        "localhost",
        "2130706433",  # 127.0.0.1 as one decimal number
        "0x7f000001",  # ... in hex
        "0177.0.0.1",  # ... octal (httpx refuses it as not an IPv4 address: not valid, nothing sent)
        "127.1",
        "[::ffff:127.0.0.1]",
        "[::1]",
    ],
)
def test_service_refuses_internal_hosts_without_contacting_them(inside: Site, host: str) -> None:
    url = f"http://{host}:{inside.port}/secret"
    with pytest.raises(FetchError) as err:
        service_fetch(url)
    assert err.value.public == (GENERIC if host.startswith("0177") else REFUSED)
    assert str(inside.port) not in err.value.public
    assert inside.hits == []


def test_cli_policy_still_fetches_this_machine(inside: Site) -> None:
    article = load_url(f"http://127.0.0.1:{inside.port}/story.txt", max_chars=200_000, timeout=10)
    assert article.text == SEED.read_text(encoding="utf-8")
    assert inside.hits == ["/story.txt"]


@pytest.mark.parametrize("allow_private", [True, False])
def test_credentials_in_the_url_are_refused(inside: Site, allow_private: bool) -> None:
    url = f"http://user:hunter2@127.0.0.1:{inside.port}/story.txt"
    with pytest.raises(FetchError) as err:
        load_url(url, max_chars=None, timeout=10, allow_private=allow_private)
    assert err.value.public == CREDENTIALS
    assert "hunter2" not in str(err.value)
    assert inside.hits == []


def test_redirect_to_an_internal_address_is_refused(outside: Site, inside: Site) -> None:
    url = f"http://127.0.0.2:{outside.port}/go?to=http://127.0.0.1:{inside.port}/secret"
    with pytest.raises(FetchError) as err:
        service_fetch(url)
    assert err.value.public == REFUSED
    assert len(outside.hits) == 1 and inside.hits == []


@pytest.mark.parametrize("target", ["file:///etc/passwd", "http://user:pw@example.com/"])
def test_redirect_to_another_scheme_or_to_credentials_is_refused(outside: Site, target: str) -> None:
    with pytest.raises(FetchError) as err:
        service_fetch(f"http://127.0.0.2:{outside.port}/go?to={target}")
    assert err.value.public in (GENERIC, CREDENTIALS)
    assert len(outside.hits) == 1


def test_a_public_page_and_its_redirects_are_fetched(outside: Site) -> None:
    url = f"http://127.0.0.2:{outside.port}/go?to=/story.txt"
    article = service_fetch(url)
    assert article.text == SEED.read_text(encoding="utf-8")
    assert article.web is not None and article.web.url == f"http://127.0.0.2:{outside.port}/story.txt"
    assert outside.hits == ["/go?to=/story.txt", "/story.txt"]


def test_the_checked_address_is_the_one_connected_to(
    outside: Site, inside: Site, monkeypatch: pytest.MonkeyPatch
) -> None:
    """DNS rebinding: the name answers a public address when checked and an internal one after.
    The fetch asks once and connects to what it checked, sending the name as Host."""
    real = socket.getaddrinfo
    asked: list[str] = []

    def rebinding(host: Any, port: Any, *args: Any, **kwargs: Any) -> Any:
        name = host.decode() if isinstance(host, bytes) else host
        if name == "news.rebind.test":
            asked.append(name)
            address = "127.0.0.2" if len(asked) == 1 else "127.0.0.1"
            return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (address, port))]
        return real(host, port, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", rebinding)
    article = service_fetch(f"http://news.rebind.test:{outside.port}/story.txt")
    assert article.text == SEED.read_text(encoding="utf-8")
    assert asked == ["news.rebind.test"]
    assert outside.hits == ["/story.txt"] and outside.hosts == [f"news.rebind.test:{outside.port}"]
    assert inside.hits == []


def test_public_messages_do_not_map_the_network(inside: Site) -> None:
    """With private addresses allowed (the operator's choice), what the client is told is still
    the same line whether the port is closed, the path missing or the page JSON."""
    closed = socket.socket()
    closed.bind(("127.0.0.1", 0))
    closed_port = closed.getsockname()[1]
    closed.close()
    urls = [
        f"http://127.0.0.1:{closed_port}/",
        f"http://127.0.0.1:{inside.port}/missing",
        f"http://127.0.0.1:{inside.port}/json",
    ]
    details = []
    for url in urls:
        with pytest.raises(FetchError) as err:
            load_url(url, max_chars=None, timeout=10, allow_private=True)
        assert err.value.public == GENERIC
        details.append(str(err.value))
    assert len(set(details)) == 3  # the command line still gets the detailed reason
    assert "HTTP 404" in details[1] and "application/json" in details[2]


@pytest.mark.parametrize("allow_private", [True, False])
def test_slow_headers_are_cut_at_the_deadline(
    slow: SlowHeaders, allow_private: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    if not allow_private:
        real = fetch.address_refusal
        monkeypatch.setattr(fetch, "address_refusal", lambda ip: None if str(ip) == "127.0.0.1" else real(ip))
    started = time.monotonic()
    with pytest.raises(FetchError, match=r"no complete answer within 1 s") as err:
        load_url(f"http://127.0.0.1:{slow.port}/", max_chars=None, timeout=1.0, allow_private=allow_private)
    took = time.monotonic() - started
    assert slow.connections == 1
    assert 0.9 <= took < 3.0, took
    assert err.value.public == GENERIC
