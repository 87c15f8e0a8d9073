"""The committed JSON Schema files must match the pydantic models."""

from __future__ import annotations

import json

from summarizer.models import json_schemas

from .conftest import ROOT


def test_schema_files_are_current() -> None:
    for name, schema in json_schemas().items():
        committed = json.loads((ROOT / "schemas" / name).read_text(encoding="utf-8"))
        assert committed == schema, f"schemas/{name} is stale: run python -m summarizer.models schemas"


def test_every_model_forbids_extra_fields() -> None:
    def walk(node: object) -> None:
        if isinstance(node, dict):
            if node.get("type") == "object" and "properties" in node:
                assert node.get("additionalProperties") is False or "item" in node["properties"], node
            for v in node.values():
                walk(v)
        elif isinstance(node, list):
            for v in node:
                walk(v)

    for schema in json_schemas().values():
        walk(schema)
