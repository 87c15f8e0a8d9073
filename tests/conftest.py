"""Shared fixtures: the seed article, canned answers keyed by pass, an isolated cache."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from summarizer import Settings
from summarizer.fields import PASSES

#: model calls for one article when every answer is good (one per field pass)
N_PASSES = len(PASSES)

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_1090c6890e8707cd" / "article.txt"

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
    "actors": {
        "actors": [
            {"name": "Joe Biden", "kind": "person", "role": "US president"},
            {"name": "Vladimir Putin", "kind": "person", "role": "Russian president"},
            {"name": "Oleksii Reznikov", "kind": "person", "role": "Ukrainian defense minister"},
        ]
    },
    # F1..F6 are the seed's six scanned numbers, in order (100, 100, half, 175,000, two, 94,300);
    # code reads the unit of all but F4 and F6 ("100 battalions", "half of", "two leaders"), so
    # only those two keys ask for a unit
    "figures": {
        "F1": {"measures": "size of the planned invasion"},
        "F2": {"measures": "size of the planned force"},
        "F3": {"measures": "share of the intended personnel already dispersed"},
        "F4": {"unit": "personnel", "measures": "intended Russian personnel"},
        "F5": {"measures": "leaders who may meet"},
        "F6": {"unit": "troops", "measures": "Russian troops near Ukraine"},
        "other": [],
    },
    # code attributes all four of the seed's quoted passages, so no Qi key is asked for;
    # "other" holds quotations code missed
    "quotes": {"other": []},
}

# values of the figures code finds in the seed article (every scanned number is kept)
SEED_FIGURES = {100, 0.5, 175000, 2, 94300}

TASK_MARKERS = {
    "claims": "TASK: Pick the sentences of the ARTICLE",
    "summary": "TASK: Summarize the ARTICLE",
    "actors": "TASK: List every actor",
    "figures": "TASK: Say what each number in the ARTICLE counts",
    "quotes": "TASK: Name the speaker of each quoted passage",
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
