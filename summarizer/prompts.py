"""Prompt templates live in prompts/*.md as files; this module finds, validates and renders them.

Templates use ``$name`` placeholders (``string.Template``), so JSON examples need no escaping.
The prompt version is a content hash of every template: editing a prompt changes cache keys.
"""

from __future__ import annotations

import hashlib
from functools import cache
from importlib import resources
from pathlib import Path
from string import Template

from .errors import PromptError

__all__ = ["PROMPT_NAMES", "prompt_dir", "prompt_version", "render"]

#: Every template the pipeline uses, with the variables each one requires.
PROMPT_NAMES: dict[str, frozenset[str]] = {
    "system": frozenset(),
    "article": frozenset({"sentences"}),
    "claims": frozenset(),
    "summary": frozenset({"candidates"}),
    "figures": frozenset({"candidates"}),
    "quotes": frozenset({"candidates"}),
    "combine": frozenset({"summaries"}),
}


def prompt_dir() -> Path:
    """Inside a wheel the templates are package data; in a source checkout they are at the top."""
    packaged = Path(str(resources.files("summarizer"))) / "prompts"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parent.parent / "prompts"


@cache
def _load(name: str) -> Template:
    if name not in PROMPT_NAMES:
        raise PromptError(f"unknown prompt {name!r}; known: {', '.join(PROMPT_NAMES)}")
    path = prompt_dir() / f"{name}.md"
    try:
        template = Template(path.read_text(encoding="utf-8"))
    except OSError:
        raise PromptError(f"prompt template {path} is missing; reinstall summarizer") from None
    if not template.is_valid():
        raise PromptError(f"prompt template {path} has a malformed $placeholder")
    used = set(template.get_identifiers())
    if used != PROMPT_NAMES[name]:
        raise PromptError(
            f"prompt template {path} uses {sorted(used)} but the pipeline supplies {sorted(PROMPT_NAMES[name])}"
        )
    return template


def render(name: str, **variables: str) -> str:
    """Fill a template; a missing variable is named in the error instead of left as ``$x``."""
    template = _load(name)
    missing = PROMPT_NAMES[name] - variables.keys()
    if missing:
        raise PromptError(f"prompt {name!r} needs variable(s) {', '.join(sorted(missing))}")
    return template.substitute(variables).strip()


@cache
def prompt_version() -> str:
    digest = hashlib.sha256()
    for name in sorted(PROMPT_NAMES):
        _load(name)
        digest.update(name.encode() + b"\0" + (prompt_dir() / f"{name}.md").read_bytes())
    return digest.hexdigest()[:12]
