"""Hand labels for seed articles (seeds/<id>/labels.json), validated when loaded."""

from __future__ import annotations

import json
import re
import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from .errors import BadInputError
from .models import ActorKind, FigureType

__all__ = [
    "VARIANTS",
    "LabelActor",
    "LabelClaim",
    "LabelFigure",
    "LabelQuote",
    "Labels",
    "Seed",
    "load_seeds",
    "load_variants",
    "stress_variant",
]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class LabelQuote(_Strict):
    text: str = Field(min_length=1)
    speaker: str | None = None


class LabelFigure(_Strict):
    text: str = Field(min_length=1)
    value: float | None = None
    unit: str | None = None
    measures: str = ""
    type: FigureType | None = None
    source: str | None = None  # who gives the number; None when the article states it itself


class LabelActor(_Strict):
    name: str = Field(min_length=1)
    aliases: list[str] = Field(default_factory=list)
    kind: ActorKind


class LabelClaim(_Strict):
    text: str = Field(min_length=1)
    attributed_to: str | None = None


class Labels(_Strict):
    quotes: list[LabelQuote]
    figures: list[LabelFigure]
    actors: list[LabelActor]
    claims: list[LabelClaim] = Field(min_length=1)
    key_points: list[str] = Field(min_length=1)

    def check_against(self, article: str) -> list[str]:
        """Texts that must occur verbatim in the article but do not."""
        problems = []
        for q in self.quotes:
            if q.text not in article:
                problems.append(f"quote not in article: {q.text[:60]!r}")
        for f in self.figures:
            if f.text not in article:
                problems.append(f"figure not in article: {f.text!r}")
        for a in self.actors:
            for name in (a.name, *a.aliases):
                if name not in article:
                    problems.append(f"actor name not in article: {name!r}")
        return problems


@dataclass(frozen=True)
class Seed:
    id: str
    path: Path
    text: str
    labels: Labels


def load_seeds(directory: Path, only: tuple[str, ...] = ()) -> list[Seed]:
    """Every ``<id>/article.txt`` with a ``labels.json`` under ``directory``, checked."""
    if not directory.is_dir():
        raise BadInputError(f"{directory} is not a directory of seeds")
    seeds = []
    for article in sorted(directory.glob("*/article.txt")):
        seed_id = article.parent.name
        if only and seed_id not in only:
            continue
        labels_path = article.parent / "labels.json"
        if not labels_path.exists():
            continue
        text = article.read_bytes().decode("utf-8")
        try:
            labels = Labels.model_validate(json.loads(labels_path.read_text(encoding="utf-8")))
        except (ValidationError, json.JSONDecodeError) as exc:
            raise BadInputError(f"{labels_path} is invalid: {str(exc).splitlines()[0]}") from None
        problems = labels.check_against(text)
        if problems:
            raise BadInputError(f"{labels_path}: {problems[0]} (and {len(problems) - 1} more)")
        seeds.append(Seed(seed_id, article, text, labels))
    missing = set(only) - {s.id for s in seeds}
    if missing:
        raise BadInputError(f"no labelled seed named {', '.join(sorted(missing))} in {directory}")
    if not seeds:
        raise BadInputError(f"no labelled seeds (<id>/article.txt + labels.json) in {directory}")
    return seeds


def _flat(text: str) -> str:
    """Scraped text that lost its paragraph breaks."""
    return re.sub(r"\s*\n\s*", " ", text)


def _glued(text: str) -> str:
    """…and lost the space after a full stop ("quarter.The company")."""
    return re.sub(r"(?<=[a-z%)]{2}[.!?])([”\"’]?) (?=[“\"‘]?[A-Z])", r"\1", _flat(text))


def _wire(text: str) -> str:
    """A byline and a wire dateline glued to the first body paragraph, as wire copy arrives."""
    lines = text.split("\n")
    for i, line in enumerate(lines):
        if len(line.split()) > 12 and re.search(r"[.!?][”\"’]?$", line.strip()):
            lines[i] = "By Jane Reporter, Wikinews\nNEW YORK (Wikinews) — " + line
            break
    return "\n".join(lines)


#: stress variants of a seed: the same article and labels, in the shapes real input arrives in
VARIANTS: dict[str, Callable[[str], str]] = {
    "flat": _flat,
    "glued": _glued,
    "wire": _wire,
    "scraped": lambda text: _glued(_wire(text)),
}


def stress_variant(seed: Seed, kind: str) -> Seed:
    """``seed`` with its text reshaped by ``VARIANTS[kind]``; label texts get the same treatment
    (a quotation across paragraphs loses its line break too)."""
    text = VARIANTS[kind](seed.text)
    reshape = {"flat": _flat, "glued": _glued, "scraped": _glued}.get(kind, str)
    data = seed.labels.model_dump()
    for q in data["quotes"]:
        if q["text"] not in text:
            q["text"] = reshape(q["text"]).strip()
    labels = Labels.model_validate(data)
    problems = labels.check_against(text)
    if problems:
        raise BadInputError(f"variant {kind} of {seed.id}: {problems[0]}")
    return Seed(f"{seed.id}~{kind}", seed.path, text, labels)


def load_variants(path: Path, seeds: list[Seed]) -> list[Seed]:
    """The stress variants ``path`` (evals/variants.toml: ``seed = ["flat", ...]``) names for ``seeds``."""
    if not path.exists():
        return []
    spec = tomllib.loads(path.read_text(encoding="utf-8")).get("variants", {})
    out = []
    for seed in seeds:
        for kind in spec.get(seed.id, []):
            if kind not in VARIANTS:
                raise BadInputError(f"{path}: unknown variant {kind!r}; choose from {', '.join(VARIANTS)}")
            out.append(stress_variant(seed, kind))
    return out
