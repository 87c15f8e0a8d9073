"""Would the model name what a figure measures better than code? A one-off measurement, kept to redo it.

    PYTHONPATH=. python evals/measures_model.py [--only-below N] [--answers FILE]

For every figure code finds on the poll study set (``evals/pollstudy/``) and the figures dev set's
study half, the embedded model is asked for a short noun phrase saying what the number measures,
given the headline and the text from a few sentences before the number to the end of its sentence.
Words of the answer that are not words of the article are dropped (as for units); an empty answer
keeps code's. ``--only-below N`` uses the model only where code's ``measures`` has at most N
content words. Answers are stored in ``--answers`` so that re-scoring needs no model. Runs the
model: one process at a time.

Measured 2026-12-07 (code at 0946995): poll study .658 (code) vs .486 (model), figures study .685 vs
.461; with ``--only-below 1``: .659 and .694. Not used in the pipeline.
"""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path
from typing import Any

import pollstudy  # type: ignore[import-not-found]

from summarizer.article import Article
from summarizer.backends.local import LocalBackend
from summarizer.config import Settings
from summarizer.devsets import DevArticle, default_dir, load
from summarizer.devsets import figures as scorer
from summarizer.fields.base import Context, lenient_parse
from summarizer.fields.figures import PASS
from summarizer.grounding import content_tokens
from summarizer.models import Meta, Summary

PROMPT = """ARTICLE HEADLINE: {head}
TEXT: {ctx}

In the TEXT, what does the number [[{num}]] measure? Answer with a short noun phrase (3 to 8 words) a \
reader understands, naming who or what is counted and, for a poll share, the group and what they support \
or say. Use words from the TEXT. Answer only the phrase."""


def window(text: str, start: int, end: int) -> str:
    """From a few sentences before the number to the end of its sentence, the number marked."""
    a = max(0, text.rfind("\n", 0, max(0, start - 300)), start - 450)
    m = re.search(r"[.!?](\s|$)", text[end:])
    b = end + (m.end() if m else 200)
    return text[a:start] + "[[" + text[start:end] + "]]" + text[end:b]


def code_summary(art: DevArticle) -> Summary:
    ctx = Context.of(Article.from_text(art.text))
    answer, _ = lenient_parse(PASS.model(ctx), {})
    values, rejected = answer.ground(ctx) if answer is not None else ({}, [])
    meta = Meta.model_validate({"model": "code", "prompt_version": "", "schema_version": ""})
    figures = values.get("figures", [])
    return Summary.model_validate({"summary": "", "figures": figures, "rejected": rejected, "meta": meta})


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--only-below", type=int, default=None)
    ap.add_argument("--answers", type=Path, default=Path("evals/runs/measures_model.json"))
    args = ap.parse_args()
    backend = LocalBackend(Settings.from_env())
    answers: dict[str, str] = json.loads(args.answers.read_text()) if args.answers.exists() else {}
    sets = {"poll study": pollstudy.load(default_dir()), "figures study": load("figures", "study")}
    for name, articles in sets.items():
        rows: dict[str, list[dict[str, Any]]] = {"code": [], "model": []}
        for art in articles:
            code = code_summary(art)
            head = art.text.strip().split("\n")[0][:200]
            words = set(content_tokens(art.text))
            figures = []
            for f in code.figures:
                key = f"{art.id}:{f.span.start}"
                if key not in answers:
                    prompt = PROMPT.format(head=head, ctx=window(art.text, f.span.start, f.span.end), num=f.text)
                    reply = backend.llama.create_chat_completion(
                        messages=[{"role": "user", "content": prompt}], max_tokens=24, temperature=0, seed=0
                    )
                    answers[key] = reply["choices"][0]["message"]["content"].strip().strip('."')
                    args.answers.parent.mkdir(parents=True, exist_ok=True)
                    args.answers.write_text(json.dumps(answers, indent=0))
                kept = [w for w in re.findall(r"[\w'’-]+", answers[key]) if set(content_tokens(w)) <= words]
                use = args.only_below is None or len(content_tokens(f.measures or "")) <= args.only_below
                figures.append(f.model_copy(update={"measures": " ".join(kept) or f.measures}) if use else f)
            rows["code"].append(scorer.score(art, code) | {"part": "study"})
            rows["model"].append(scorer.score(art, code.model_copy(update={"figures": figures})) | {"part": "study"})
        code_f1 = scorer.aggregate(rows["code"])["all"]["measures_f1"]
        model_f1 = scorer.aggregate(rows["model"])["all"]["measures_f1"]
        print(f"{name}: measures F1 code {code_f1:.3f}, model {model_f1:.3f}")


if __name__ == "__main__":
    main()
