"""Backends: the embedded llama.cpp model, OpenAI-compatible servers, and a scripted fake.

The built-in backends register here (``summarizer.registry``); each one's module, and the model
client it needs (openai, llama_cpp), is imported only when a backend is made, so a run answered
from the cache never loads them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..errors import ConfigError
from ..registry import backends, register_backend
from .base import Backend
from .fake import ScriptedBackend

if TYPE_CHECKING:
    from ..config import Settings

__all__ = ["Backend", "ScriptedBackend", "make_backend"]


def _local(settings: Settings) -> Backend:
    from .local import LocalBackend

    return LocalBackend(settings)


def _openai(settings: Settings) -> Backend:
    from .openai_compat import OpenAIBackend

    return OpenAIBackend(settings)


register_backend("llama.cpp", accepts=lambda settings: True, make=_local)
register_backend("openai", accepts=lambda settings: settings.is_remote, make=_openai)


def make_backend(settings: Settings) -> Backend:
    """The most recently registered backend that accepts the settings: a server when remote,
    else a local GGUF (tests register the scripted backend in front of both)."""
    for spec in backends():
        if spec.accepts(settings):
            return spec.make(settings)
    raise ConfigError("no backend accepts these settings; pass --model PATH or --base-url")  # pragma: no cover
