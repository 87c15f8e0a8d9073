"""Third-party labelled dev sets (``../shared/devsets``): loading, the fixed study/test split, runs.

The seeds are what the rules were written against; these articles were labelled by other people
and are the yardstick against over-fitting (``../shared/devsets/README.md``). Each set is split
once, by a hash of the article id, into a ``study`` half (read its misses, write rules) and a
``test`` half (only scored, at the end of a piece of work). The split never changes, so a number
on the test half stays comparable between sessions.

One module per set (``ggt``, ``polnear``, ``figures``) turns its labels into scores with four
functions: ``code_only(article) -> dict`` (what code reads without the model, in seconds),
``score(article, summary) -> dict`` (a pipeline result), ``aggregate(per_article) -> dict`` and
``render(report) -> str`` (markdown, misses listed). The articles are read from the shared folder
and never copied into the repository.
"""

from __future__ import annotations

import hashlib
import importlib
import json
import os
import time
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from ..errors import SummarizerError

if TYPE_CHECKING:
    from ..pipeline import Summarizer

__all__ = ["DEVSETS", "DevArticle", "DevsetMissingError", "default_dir", "load", "part_of", "run"]

DEVSETS = ("ggt", "polnear", "figures")
Part = Literal["study", "test", "all"]


class DevsetMissingError(SummarizerError):
    """The dev-set folder is absent (a machine without ../shared): callers skip, not fail."""

    exit_code = 0


@dataclass(frozen=True)
class DevArticle:
    set: str
    id: str
    text: str
    data: dict[str, Any]  # the whole labelled record as the set's JSON gives it

    @property
    def part(self) -> str:
        return part_of(self.id)


def default_dir() -> Path:
    """``$SUMMARIZER_DEVSETS``, else ``shared/devsets`` beside the repository (CI has the same path)."""
    env = os.environ.get("SUMMARIZER_DEVSETS")
    return Path(env) if env else Path(__file__).resolve().parents[3] / "shared" / "devsets"


def part_of(article_id: str) -> Literal["study", "test"]:
    """The half an article belongs to, fixed forever: even sha256 of its id is ``study``."""
    return "study" if int(hashlib.sha256(article_id.encode()).hexdigest(), 16) % 2 == 0 else "test"


def load(name: str, part: Part = "all", directory: Path | None = None) -> list[DevArticle]:
    """Every article of set ``name`` in ``part``, sorted by id."""
    if name not in DEVSETS:
        raise SummarizerError(f"unknown dev set {name!r}; choose from {', '.join(DEVSETS)}")
    folder = (directory or default_dir()) / name
    if not folder.is_dir():
        raise DevsetMissingError(f"dev set folder {folder} not found; skipping (set SUMMARIZER_DEVSETS to its path)")
    out = []
    for path in sorted(folder.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        article = DevArticle(name, str(data["id"]), data["text"], data)
        if part == "all" or article.part == part:
            out.append(article)
    return out


def run(
    name: str,
    part: Part = "all",
    summarizer: Summarizer | None = None,
    progress: Callable[[Iterable[DevArticle]], Iterable[DevArticle]] = iter,
    directory: Path | None = None,
) -> dict[str, Any]:
    """Score set ``name`` code-only (``summarizer`` None) or through the pipeline; a report dict."""
    from ..article import Article

    articles = load(name, part, directory)  # a missing folder skips before any scorer is imported
    scorer = importlib.import_module(f"{__name__}.{name}")
    started = time.monotonic()
    per_article = []
    for article in progress(articles):
        if summarizer is None:
            result = scorer.code_only(article)
        else:
            text = Article.from_text(article.text, source=f"{name}/{article.id}")
            result = scorer.score(article, summarizer.summarize(text))
        per_article.append({"id": article.id, "part": article.part, **result})
    return {
        "id": time.strftime("%Y%m%d-%H%M%S") + f"-{name}-{part}-" + uuid.uuid4().hex[:6],
        "devset": name,
        "part": part,
        "mode": "code-only" if summarizer is None else "pipeline",
        "model": None if summarizer is None else summarizer.backend.name,
        "wall_seconds": round(time.monotonic() - started, 2),
        "metrics": scorer.aggregate(per_article),
        "articles": per_article,
    }


def render(report: dict[str, Any]) -> str:
    """The set's own markdown rendering of a report made by :func:`run`."""
    return str(importlib.import_module(f"{__name__}.{report['devset']}").render(report))
