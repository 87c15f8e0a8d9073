"""Backends: the embedded llama.cpp model, OpenAI-compatible servers, and a scripted fake."""

from __future__ import annotations

from ..config import Settings
from .base import Backend
from .fake import ScriptedBackend

__all__ = ["Backend", "ScriptedBackend", "make_backend"]


def make_backend(settings: Settings) -> Backend:
    """Pick the backend the settings describe: a server when remote, else a local GGUF."""
    if settings.is_remote:
        from .openai_compat import OpenAIBackend

        return OpenAIBackend(settings)
    from .local import LocalBackend

    return LocalBackend(settings)
