"""The ``summarize`` command: a thin layer over the Python API.

Exit codes: 0 ok, 1 unexpected failure, 2 usage or bad input, 3 model or backend failure,
4 an eval metric outside evals/thresholds.toml, 5 ``summarize batch``: some lines failed
(their error records are in the output), 130 interrupted (Ctrl-C; no half-written output).

``base`` holds the ``main`` group and what commands share; each other module adds a command
(``run``, ``batch``, ``cache``, ``eval``, ``serve``): a new command is a new module here.
"""

from __future__ import annotations

from . import batch, cachecmd, evalcmd, run, serve
from .base import main

__all__ = ["batch", "cachecmd", "evalcmd", "main", "run", "serve"]
