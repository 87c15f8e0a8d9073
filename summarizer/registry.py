"""Where fields and backends register themselves (a dictionary each, the way simonw/llm and datasette
keep their plugins): the pipeline runs whatever fields are registered and asks the registry for a
backend, so adding either means one new module and one ``register_*`` call, not edits across files.

The built-in fields register when ``summarizer.fields`` is imported, the built-in backends when
``summarizer.backends`` is; ``fields()`` imports the former on first use (llm's ``load_plugins``).
Nothing here imports a field, a backend or a model client.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .article import Article
    from .backends.base import Backend
    from .config import Settings
    from .fields.base import Context, Pass
    from .models import Rejected

__all__ = [
    "BackendSpec",
    "Field",
    "Finishing",
    "backends",
    "fields",
    "register_backend",
    "register_field",
    "unregister_backend",
]

#: chunk offset and the values one chunk's passes produced
Part = tuple[int, dict[str, Any]]


@dataclass
class Finishing:
    """What a field's ``finish`` step sees and changes once every chunk is merged: the whole
    article, its scanned context, the merged values (``fields``), the chunks' own values, extra
    ``meta`` the step sets (``summary_method``), and ``call`` to ask the model one more pass."""

    article: Article
    context: Context
    fields: dict[str, Any]
    rejected: list[Rejected]
    parts: list[Part]
    meta: dict[str, Any]
    call: Callable[[Pass, list[dict[str, str]]], tuple[dict[str, Any], list[Rejected]]]


@dataclass(frozen=True)
class Field:
    """One output field: the model passes that fill it (in order; none when code alone reads it),
    the passes its steps may call besides (``extra``: the summary's combine), and code's steps:
    ``start`` gives values before any pass, ``merge`` joins a long article's chunks, ``finish``
    runs on the whole article (speaker links, conflicts, the extractive fallback)."""

    name: str
    passes: tuple[Pass, ...] = ()
    extra: tuple[Pass, ...] = ()
    start: Callable[[Context], dict[str, Any]] | None = None
    merge: Callable[[Article, list[Part]], dict[str, Any]] | None = None
    finish: Callable[[Finishing], None] | None = None


@dataclass(frozen=True)
class BackendSpec:
    """A backend: ``accepts(settings)`` says whether it serves them, ``make(settings)`` builds it
    (importing its client only then)."""

    name: str
    accepts: Callable[[Settings], bool]
    make: Callable[[Settings], Backend]


_FIELDS: dict[str, Field] = {}
_BACKENDS: dict[str, BackendSpec] = {}


def register_field(field: Field) -> Field:
    """Add (or replace) a field; fields run in the order they were first registered."""
    _FIELDS[field.name] = field
    return field


def fields() -> tuple[Field, ...]:
    """The registered fields, the built-in ones loaded on first use."""
    importlib.import_module("summarizer.fields")
    return tuple(_FIELDS.values())


def register_backend(name: str, accepts: Callable[[Settings], bool], make: Callable[[Settings], Backend]) -> None:
    """Add a backend; the one registered last that accepts the settings is used."""
    _BACKENDS.pop(name, None)
    _BACKENDS[name] = BackendSpec(name, accepts, make)


def unregister_backend(name: str) -> None:
    _BACKENDS.pop(name, None)


def backends() -> tuple[BackendSpec, ...]:
    """The registered backends, most recent first (the built-in ones loaded on first use)."""
    importlib.import_module("summarizer.backends")
    return tuple(reversed(_BACKENDS.values()))
