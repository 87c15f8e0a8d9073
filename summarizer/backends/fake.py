"""A scripted backend for logic tests: a queue of canned answers, and a record of every request."""

from __future__ import annotations

import json
import time
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from openai.types.chat import ChatCompletion

from .base import Backend

__all__ = ["ScriptedBackend"]

Script = str | dict[str, Any] | BaseException


class ScriptedBackend(Backend):
    """Answers each call with the next scripted item; an exception item is raised instead.

    A ``dict`` is sent as its JSON; a ``str`` is sent verbatim (so invalid JSON can be scripted).
    A callable ``router(kwargs) -> Script`` may be given instead of a queue, to answer by prompt.
    """

    name = "scripted"

    def __init__(self, script: Iterable[Script] = (), router: Any = None, finish_reason: str = "stop") -> None:
        self.script = list(script)
        self.router = router
        self.finish_reason = finish_reason
        self.requests: list[dict[str, Any]] = []

    def identity(self) -> dict[str, Any]:
        return {"backend": "scripted"}

    def create(self, **kwargs: Any) -> ChatCompletion:
        from openai.types.chat import ChatCompletion  # the client's types load with the first call

        self.requests.append(kwargs)
        if self.router is not None:
            item = self.router(kwargs)
        elif self.script:
            item = self.script.pop(0)
        else:
            raise AssertionError("ScriptedBackend ran out of scripted answers")
        if isinstance(item, BaseException):
            raise item
        content = item if isinstance(item, str) else json.dumps(item)
        prompt_chars = sum(len(str(m.get("content", ""))) for m in kwargs.get("messages", []))
        return ChatCompletion.model_validate(
            {
                "id": f"scripted-{len(self.requests)}",
                "object": "chat.completion",
                "created": int(time.time()),
                "model": "scripted",
                "choices": [
                    {
                        "index": 0,
                        "finish_reason": self.finish_reason,
                        "message": {"role": "assistant", "content": content},
                    }
                ],
                "usage": {
                    "prompt_tokens": prompt_chars // 4,
                    "completion_tokens": max(1, len(content) // 4),
                    "total_tokens": prompt_chars // 4 + max(1, len(content) // 4),
                },
            }
        )
