"""What every backend provides: one raw chat-completion call and an identity for cache keys."""

from __future__ import annotations

import copy
from abc import ABC, abstractmethod
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from openai.types.chat import ChatCompletion

__all__ = ["Backend", "to_json_object_format"]


class Backend(ABC):
    """A model reachable through an OpenAI-shaped ``chat.completions.create`` call.

    Subclasses make exactly one request per ``create`` call and raise on failure; retries,
    re-asks and accounting are layered on top (see ``summarizer.transport``).
    """

    #: Name shown in ``meta.model``.
    name: str = "backend"

    @abstractmethod
    def identity(self) -> dict[str, Any]:
        """What makes two backends give different answers: weights hash, or name and base URL."""

    @abstractmethod
    def create(self, **kwargs: Any) -> ChatCompletion:
        """One request; ``kwargs`` are OpenAI chat-completion arguments."""

    def close(self) -> None:  # noqa: B027 - optional hook
        """Release connections or memory; the default has nothing to release."""


def to_json_object_format(kwargs: dict[str, Any]) -> dict[str, Any]:
    """Rewrite ``json_schema`` response formats into llama.cpp's ``json_object`` + ``schema``.

    llama.cpp builds its grammar only from the latter, and its HTTP server answers the former
    with a 500 (see DESIGN.md).
    """
    fmt = kwargs.get("response_format")
    if not isinstance(fmt, dict) or fmt.get("type") != "json_schema":
        return kwargs
    out = copy.copy(kwargs)
    out["response_format"] = {"type": "json_object", "schema": _without_string_lengths(fmt["json_schema"]["schema"])}
    return out


def _without_string_lengths(schema: Any) -> Any:
    """Drop ``maxLength``/``minLength``: llama.cpp unrolls them into one grammar rule per
    character, and a few hundred of them make its grammar parser fail (and the process abort).
    Output length stays bounded by ``max_tokens`` and re-checked by pydantic.
    """
    if isinstance(schema, dict):
        return {k: _without_string_lengths(v) for k, v in schema.items() if k not in ("maxLength", "minLength")}
    if isinstance(schema, list):
        return [_without_string_lengths(v) for v in schema]
    return schema
