"""Time the browser page: seconds from clicking Summarize to the report's highlights, for one article.

    python benchmarks/page_timing.py                       # the embedded model (the real timing)
    python benchmarks/page_timing.py --fake                # the scripted model server (a dry run)
    python benchmarks/page_timing.py --fake --screenshot docs/page.png

Starts ``summarize serve`` on a free 127.0.0.1 port with a throw-away cache (so the article is not a
cache hit), opens ``GET /`` in headless Chromium (/usr/bin/chromium), pastes the article, clicks
Summarize and waits for the report frame. Prints each status line the page showed, with the second
it appeared, then the total. Needs the [dev] extra (Playwright) and Debian's chromium package.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from contextlib import ExitStack
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.conftest import CHROMIUM, CHROMIUM_ARGS, GOOD, pass_of  # noqa: E402
from tests.fakeserver import FakeServer  # noqa: E402
from tests.serving import free_port, serve_process  # noqa: E402

SEED = ROOT / "seeds/000_1090c6890e8707cd/article.txt"


def fake_model(delay: float) -> Any:
    def route(body: dict[str, Any]) -> tuple[str, str]:
        time.sleep(delay)
        return ("ok", json.dumps(GOOD[pass_of(body)]))

    return route


def wait_loaded(base: str, proc: subprocess.Popen[str], timeout: float = 600) -> None:
    """Until /healthz says the model is loaded (the embedded one loads in the background)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"summarize serve exited {proc.returncode}: {proc.stderr.read() if proc.stderr else ''}")
        try:
            health = httpx.get(f"{base}/healthz", timeout=2).json()
            if health.get("model_loaded") and health.get("status") == "ok":
                return
        except (httpx.TransportError, ValueError):
            pass
        time.sleep(0.2)
    raise SystemExit("the server did not load the model in time")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("article", nargs="?", type=Path, default=SEED)
    parser.add_argument("--fake", action="store_true", help="the scripted model server, 0.5 s a pass")
    parser.add_argument("--screenshot", type=Path, help="save the page with its report as PNG")
    parser.add_argument("--timeout", type=float, default=900, help="seconds to wait for the report")
    args = parser.parse_args()
    text = args.article.read_text(encoding="utf-8")

    from playwright.sync_api import expect, sync_playwright

    with ExitStack() as stack, tempfile.TemporaryDirectory() as tmp:
        model = ["--cache", str(Path(tmp) / "cache.sqlite")]
        if args.fake:
            fake = stack.enter_context(FakeServer(router=fake_model(0.5)))
            model += ["--model", "fake", "--base-url", fake.base_url]
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        proc = serve_process(*model, port=port)
        stack.callback(lambda: (proc.terminate(), proc.communicate(timeout=30)))
        wait_loaded(base, proc)

        p = stack.enter_context(sync_playwright())
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        stack.callback(browser.close)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.goto(f"{base}/", wait_until="load")
        page.get_by_label("Article text").fill(text)

        started = time.monotonic()
        page.get_by_role("button", name="Summarize").click()
        seen = ""
        frame = page.frame_locator("#report")
        while not frame.locator("#a1-article mark").count():
            line = page.locator("#status-text").text_content() or ""
            error = page.locator("#error").text_content() or ""
            if error:
                raise SystemExit(f"the page shows an error: {error}")
            if line != seen and line:
                print(f"{time.monotonic() - started:7.1f} s  {line}")
                seen = line
            if time.monotonic() - started > args.timeout:
                raise SystemExit(f"no report after {args.timeout:.0f} s (last status: {seen})")
            time.sleep(0.1)
        total = time.monotonic() - started
        expect(page.locator("#status-text")).to_contain_text("Done")
        print(f"{total:7.1f} s  {page.locator('#status-text').text_content()}")
        job = page.evaluate("location.hash").removeprefix("#job=")
        meta = httpx.get(f"{base}/v1/jobs/{job}").json()["result"]["meta"]
        print(
            f"submit to report: {total:.1f} s for {args.article.name} ({len(text):,} characters; "
            f"pipeline {meta['seconds']:.1f} s, {meta['output_tokens']} generated tokens, model {meta['model']})"
        )
        if args.screenshot:  # the whole page in one tall window (a full-page capture leaves the frame blank)
            frame.locator('#a1-article mark[data-kind="quote"]').first.click()
            page.evaluate("document.getElementById('text').scrollTop = 0; window.scrollTo(0, 0)")
            height = page.evaluate("document.documentElement.scrollHeight")
            page.set_viewport_size({"width": 1280, "height": height})
            page.screenshot(path=str(args.screenshot))
            print(f"screenshot: {args.screenshot}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
