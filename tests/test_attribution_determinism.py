"""Attribution gives the same answer under every PYTHONHASHSEED.

Names were gathered in sets and sorted by length only, so people whose names had as many words
came out in the set's order, which changes with the hash seed; the Cast's order decides who owns
a mention at a shared position and whom an ambiguous surname means (a dev-set article read a
quotation's speaker as "Morton Blackwell" or "Blackwell" from one run to the next). The made-up
article below has three two-word names that share words; each subprocess prints the Cast, the
claim sources and the quote speakers, and every seed must print the same.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ARTICLE = """Conservative leader backs senator

Conservative activist Morton Blackwell endorsed Senator Ted Cruz on Sunday.

Blackwell Cruz, a group Blackwell founded, said the senator was the best choice.

"He is the real thing," Blackwell wrote in a letter to supporters. Cruz thanked Blackwell for the endorsement.

"We are grateful," said Ana Lind, a spokeswoman for Lind Cruz. Lind added that more endorsements would follow.
"""

SCRIPT = """
import sys
from summarizer.article import Article
from summarizer.attribution import attribute_quotes, cast_of
from summarizer.fields.base import Context
from summarizer.scan import scan_quotes
text = sys.stdin.read()
ctx = Context.of(Article.from_text(text, source="made-up"))
print([(p.name, sorted(p.forms), p.mentions) for p in cast_of(text, ctx.names).people])
print(sorted(ctx.sources().items()))
print(attribute_quotes(text, scan_quotes(text), ctx.names))
"""


def _run(seed: str) -> str:
    root = Path(__file__).resolve().parent.parent
    env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": str(root)}
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT], input=ARTICLE, env=env, capture_output=True, text=True, check=True, timeout=120
    )
    return done.stdout


def test_cast_sources_and_speakers_do_not_depend_on_the_hash_seed() -> None:
    outputs = {seed: _run(seed) for seed in ("0", "1", "2", "3")}
    first = outputs["0"]
    assert "Morton Blackwell" in first and "Ana Lind" in first
    assert all(out == first for out in outputs.values()), outputs
