"""The package's layering, read from its source with ``ast`` (no import-linter needed):

* no import circle, whether or not imports inside functions are counted (an import moved into a
  function to hide a circle fails too);
* ``pipeline.py``, ``extract.py`` and ``serve/`` import no field module by name: fields register
  themselves (``summarizer.registry``);
* fields, scanners, attribution, render and the lexicon import no backend and no model client;
* the lexicon imports nothing from the package (it is the bottom layer);
* no module over 400 lines.
"""

from __future__ import annotations

import ast
import itertools
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from summarizer import errors

PACKAGE = Path(__file__).resolve().parent.parent / "summarizer"
MAX_LINES = 400
#: modules allowed over the limit for now (empty since issue 22 split scan/numbers.py and
#: fields/figures.py); add an entry only with the issue that will split the file
TOO_LONG_FOR_NOW: set[str] = set()

CLIENTS = ("openai", "instructor", "llama_cpp")


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _is_type_checking(node: ast.AST) -> bool:
    return isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test)


def imports(module: str) -> Iterator[tuple[str, bool]]:
    """(imported module, at module level) for every import in the module, TYPE_CHECKING blocks
    aside; ``from .x import name`` names the submodule ``x.name`` when there is one."""
    path = MODULES[module]
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]

    def walk(nodes: list[Any], top: bool) -> Iterator[tuple[str, bool]]:
        for node in nodes:
            if _is_type_checking(node):
                continue
            if isinstance(node, ast.Import):
                for alias in node.names:
                    yield alias.name, top
            elif isinstance(node, ast.ImportFrom):
                if node.level:
                    base = package.split(".")[: len(package.split(".")) - node.level + 1]
                    source = ".".join(base + ([node.module] if node.module else []))
                else:
                    source = node.module or ""
                for alias in node.names:
                    sub = f"{source}.{alias.name}"
                    yield (sub if sub in MODULES else source), top
            inner = isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda)
            for field in ("body", "orelse", "finalbody", "handlers"):
                children = getattr(node, field, None)
                if isinstance(children, list):
                    yield from walk(
                        [c for c in children if isinstance(c, ast.stmt | ast.ExceptHandler)], top and not inner
                    )

    tree = ast.parse(path.read_text(encoding="utf-8"))
    yield from walk(tree.body, True)


def graph(include_functions: bool) -> dict[str, set[str]]:
    """Edges between the package's modules. Importing ``a.b.c`` runs ``a.b``'s ``__init__`` too,
    so the packages on the way count, except the importer's own (Python has them half-loaded)."""
    edges: dict[str, set[str]] = {}
    for module in MODULES:
        own = {".".join(module.split(".")[:i]) for i in range(1, len(module.split(".")) + 1)}
        deps = set()
        for target, top in imports(module):
            if not (top or include_functions) or not target.startswith("summarizer"):
                continue
            parts = target.split(".")
            for i in range(2, len(parts) + 1):
                name = ".".join(parts[:i])
                if name in MODULES and name not in own:
                    deps.add(name)
        edges[module] = deps
    return edges


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []
    counter = itertools.count()

    def visit(v: str) -> None:
        index[v] = low[v] = next(counter)
        stack.append(v)
        for w in sorted(edges[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for v in sorted(edges):
        if v not in index:
            visit(v)
    return found


def test_the_reader_sees_every_module_and_its_imports() -> None:
    """The checks below are only as good as this reader: it must find known edges."""
    edges = graph(include_functions=True)
    assert {"summarizer.pipeline", "summarizer.serve.app", "summarizer.fields.quotes"} <= edges.keys()
    assert "summarizer.lexicon" in edges["summarizer.scan.quotes"]
    assert "summarizer.extract" in edges["summarizer.pipeline"]  # imported inside a function
    assert "summarizer.extract" not in graph(include_functions=False)["summarizer.pipeline"]
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


@pytest.mark.parametrize("include_functions", [False, True], ids=["module-level", "with-function-level"])
def test_no_import_circle(include_functions: bool) -> None:
    assert cycles(graph(include_functions)) == []


def test_pipeline_and_service_import_no_field_module() -> None:
    """By name: importing ``fields.base`` runs the package's ``__init__``, which registers the
    built-in fields; naming ``fields.quotes`` (or the package's exports) would tie the runner to them."""
    runners = [
        m for m in MODULES if m in ("summarizer.pipeline", "summarizer.extract") or m.startswith("summarizer.serve")
    ]
    for module in runners:
        named = {t for t, _ in imports(module) if t.startswith("summarizer.fields") and t != "summarizer.fields.base"}
        assert not named, f"{module} imports {sorted(named)}: run fields through summarizer.registry"


def test_no_backend_or_model_client_below_the_pipeline() -> None:
    lower = ("summarizer.fields", "summarizer.scan", "summarizer.attribution", "summarizer.render",
             "summarizer.lexicon", "summarizer.text")  # fmt: skip
    for module in MODULES:
        if not module.startswith(lower):
            continue
        for target, _ in imports(module):
            assert not target.startswith("summarizer.backends"), f"{module} imports the backend {target}"
            assert target.split(".")[0] not in CLIENTS, f"{module} imports the model client {target}"


def test_the_lexicon_is_the_bottom_layer() -> None:
    assert not [t for t, _ in imports("summarizer.lexicon") if t.startswith("summarizer")]


def test_no_module_over_400_lines() -> None:
    long = {
        str(path.relative_to(PACKAGE)): n
        for path in PACKAGE.rglob("*.py")
        if (n := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }
    over = {name: n for name, n in long.items() if name not in TOO_LONG_FOR_NOW}
    assert not over, f"split these modules (over {MAX_LINES} lines): {over}"


def test_every_library_error_carries_an_exit_code_and_an_http_status() -> None:
    classes = [c for c in vars(errors).values() if isinstance(c, type) and issubclass(c, errors.SummarizerError)]
    assert len(classes) >= 8
    for cls in classes:
        assert cls.exit_code in (1, 2, 3) and 400 <= cls.http_status < 600, cls
    assert (errors.BadInputError.http_status, errors.BackendError.http_status) == (422, 502)
    assert errors.ModelUnavailableError.http_status == 503
