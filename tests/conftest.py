"""Shared fixtures: the seed article, canned answers keyed by pass, an isolated cache."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from summarizer import Settings
from summarizer.article import Article
from summarizer.backends import Backend
from summarizer.fields import PASSES, Context
from summarizer.prompts import prompt_dir, prompt_names
from summarizer.registry import register_backend, unregister_backend

if TYPE_CHECKING:
    from playwright.sync_api import Browser

    from summarizer.models import Figure

ROOT = Path(__file__).resolve().parent.parent
#: Debian's Chromium (``.ci/run`` installs it), driven by Playwright for the report and page tests
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SEED = ROOT / "seeds" / "000_1090c6890e8707cd" / "article.txt"

#: the passes that call the model on the seed article, in order: a pass with nothing to ask is
#: skipped (figures: code reads the unit of every number in the seed, so the model is not asked)
SEED_PASSES = tuple(p.name for p in PASSES if not p.skipped(Context.of(Article.from_text(SEED.read_text("utf-8")))))
#: model calls for the seed article when every answer is good (one per pass that runs)
N_PASSES = len(SEED_PASSES)

GOOD = {
    # sentence numbers of the seed (1 is its date line), most important first
    "claims": {"claims": [2, 18, 9, 16]},
    # short sentences that keep most of what the seed's key sentences (2, 3, 4, 17) say
    "summary": {
        "summary": [
            "According to US intelligence, Russia is planning an invasion of Ukraine with 100 battalions and artillery.",
            "According to the Associated Press, Russian military are beginning to mass up along the Ukraine border.",
            "Tensions have been rising for weeks as Russia has denied preparations to take military action against "
            "its neighbor.",
            "According to the Kremlin, Putin would seek binding guarantees prohibiting NATO’s expansion into Ukraine, "
            "while Ukraine’s defense minister has warned that Russia may invade next month.",
        ]
    },
    # figures: the model is asked only for the unit of numbers code can't read one for (keys F1..Fn);
    # in the seed code reads all five, so this pass is skipped there and "other" is all it could hold
    # (in ASKED it asks for the unit of "a panel of twelve" as F1)
    "figures": {"F1": "members", "other": []},
    # code attributes all four of the seed's quoted passages, so the quotes pass is skipped there;
    # in ASKED the fifth passage has nobody beside it and is asked as Q5 (keys keep the passage's
    # number); "other" holds quotations code missed
    "quotes": {"Q5": "Oleksii Reznikov", "other": []},
}
# a long article's chunk summaries combined into one: the seed's, since any checked sentences do
GOOD["combine"] = GOOD["summary"]

# values of the figures code finds in the seed article (the second "100" repeats the first)
SEED_FIGURES = {100, 0.5, 175000, 2, 94300}

#: the seed article plus a number whose unit code can't read ("a panel of twelve") and a quotation
#: nobody is named beside: the figures pass asks for that one unit (F1), the quotes pass for that
#: one speaker (Q1); on the seed itself code reads everything and both passes are skipped
ASKED = (
    SEED.read_text(encoding="utf-8")
    + "\n\nA panel of twelve, its members said, will be judging the plan.\n\n“It is over. We have lost the plan.”\n"
)
#: model calls for ASKED when every answer is good: every pass
N_ASKED_PASSES = len(PASSES)


def _template_text(name: str) -> str:
    return (prompt_dir() / f"{name}.md").read_text(encoding="utf-8")


#: each pass's task line, read from its template (the text up to the first variable or the
#: first full stop of "TASK: …"), so a reworded prompt cannot silently route to the wrong answer
TASK_MARKERS = {
    name: text.split("$")[0].split(". ")[0].strip()
    for name in prompt_names()
    if (text := _template_text(name)).startswith("TASK:")
}


def pass_of(request: dict[str, Any]) -> str:
    """Which pass a request belongs to, read from the task text of its first user message."""
    user = next(m["content"] for m in request["messages"] if m["role"] == "user")
    return next(name for name, marker in TASK_MARKERS.items() if marker in user)


def router(overrides: dict[str, list[Any]] | None = None) -> Callable[[dict[str, Any]], Any]:
    """Answer each pass with GOOD, or with the next of ``overrides[pass]`` while any are left."""
    queues = {k: list(v) for k, v in (overrides or {}).items()}

    def route(request: dict[str, Any]) -> Any:
        name = pass_of(request)
        if queues.get(name):
            return queues[name].pop(0)
        return GOOD[name]

    return route


@pytest.fixture
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


@pytest.fixture
def cache_path(tmp_path: Path) -> Path:
    return tmp_path / "cache.sqlite"


@pytest.fixture
def settings(cache_path: Path) -> Settings:
    return Settings(cache_path=cache_path)


@pytest.fixture(autouse=True)
def _isolated_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """No test reads the user's cache or keys by accident."""
    for var in ("SUMMARIZER_API_KEY", "OPENAI_API_KEY", "SUMMARIZER_MODEL", "SUMMARIZER_BASE_URL", "OPENAI_BASE_URL"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("SUMMARIZER_CACHE", str(tmp_path / "env-cache.sqlite"))


@pytest.fixture
def use_backend() -> Iterator[Callable[[Callable[[Settings], Backend]], None]]:
    """Register a backend in front of the built-in ones, the way any backend registers
    (``summarizer.registry``): ``use_backend(lambda settings: ScriptedBackend(...))``. Every
    ``Summarizer`` made during the test then uses it; it is unregistered afterwards."""

    def use(make: Callable[[Settings], Backend]) -> None:
        register_backend("test-scripted", accepts=lambda settings: True, make=make)

    yield use
    unregister_backend("test-scripted")


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    """Headless Chromium for the tests of one module (Playwright is imported only by those tests)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield b
        b.close()


def quote_speakers(text: str) -> dict[str, str | None]:
    """Each quotation's first three words -> the speaker code reads for it (the attribution tests' view)."""
    from summarizer.article import Article
    from summarizer.fields.base import Context

    ctx = Context.of(Article.from_text(text))
    return {" ".join(q.text.split()[:3]): who for q, who in zip(ctx.quotes, ctx.speakers, strict=True)}


def code_figure_list(text: str) -> list[Figure]:
    """The figures the pipeline keeps when the model answers nothing (every key null), in article order."""
    from summarizer.fields.base import lenient_parse
    from summarizer.fields.figures import PASS

    ctx = Context.of(Article.from_text(text))
    answer, _ = lenient_parse(PASS.model(ctx), {})
    assert answer is not None
    return list(answer.ground(ctx)[0]["figures"])


def code_figures(text: str) -> dict[str, Figure]:
    """Each figure's text -> the figure the pipeline keeps when the model answers nothing (every key null)."""
    return {f.text: f for f in code_figure_list(text)}
