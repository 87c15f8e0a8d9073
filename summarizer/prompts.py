"""Prompt templates live in prompts/*.md as files; this module finds, validates and renders them.

Templates use ``$name`` placeholders (``string.Template``), so JSON examples need no escaping.
The prompt version is a content hash of every template: editing a prompt changes cache keys. The
templates in use are the shared ones and one per registered pass.
"""

from __future__ import annotations

import hashlib
from functools import cache
from importlib import resources
from pathlib import Path
from string import Template

from .errors import PromptError
from .registry import fields

__all__ = ["prompt_dir", "prompt_names", "prompt_version", "render"]

#: the templates every pass shares: the system text and the article (the shared prompt prefix)
_SHARED: dict[str, frozenset[str]] = {"system": frozenset(), "article": frozenset({"sentences"})}


@cache
def prompt_names() -> dict[str, frozenset[str]]:
    """Every template the pipeline uses, with the variables each one requires: the shared ones and
    one per registered pass (``summarizer.registry``)."""
    names = dict(_SHARED)
    for f in fields():
        for p in (*f.passes, *f.extra):
            names[p.name] = p.prompt_variables
    return names


def prompt_dir() -> Path:
    """Inside a wheel the templates are package data; in a source checkout they are at the top."""
    packaged = Path(str(resources.files("summarizer"))) / "prompts"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parent.parent / "prompts"


@cache
def _load(name: str) -> Template:
    known = prompt_names()
    if name not in known:
        raise PromptError(f"unknown prompt {name!r}; known: {', '.join(known)}")
    path = prompt_dir() / f"{name}.md"
    try:
        template = Template(path.read_text(encoding="utf-8"))
    except OSError:
        raise PromptError(f"prompt template {path} is missing; reinstall summarizer") from None
    if not template.is_valid():
        raise PromptError(f"prompt template {path} has a malformed $placeholder")
    used = set(template.get_identifiers())
    if used != known[name]:
        raise PromptError(f"prompt template {path} uses {sorted(used)} but the pipeline supplies {sorted(known[name])}")
    return template


def render(name: str, **variables: str) -> str:
    """Fill a template; a missing variable is named in the error instead of left as ``$x``."""
    template = _load(name)
    missing = prompt_names()[name] - variables.keys()
    if missing:
        raise PromptError(f"prompt {name!r} needs variable(s) {', '.join(sorted(missing))}")
    return template.substitute(variables).strip()


@cache
def prompt_version() -> str:
    """Content hash of every template file (read, not validated: a cache hit loads no pass)."""
    digest = hashlib.sha256()
    for path in sorted(prompt_dir().glob("*.md")):
        digest.update(path.stem.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:12]
