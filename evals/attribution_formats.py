"""Survey of quotation formats on the study halves and the unlabelled corpus, code-only, no model.

Issue 19's test half misses speakers of kinds the study half barely has, so this counts how often
each format of quotation that news text (and scraped news text) uses occurs, and how code reads
the labelled quotations of each format (GGT study quotes and PolNeAR study quotations; the test
halves are never read). A quotation may fall in several formats; "plain" is one in none.

    PYTHONPATH=$PWD python evals/attribution_formats.py [--show FORMAT]

Formats (read from the quotation's paragraph and the one before it):
  tweet         an embedded post as scraped: "pic.twitter.com/…", "— Name (@handle) Month D, YYYY"
  qa            an interview line: "Q: …", "A: …", or "NAME: …" opening the paragraph
  colon_run     a quotation paragraph after a paragraph ending "X said:" / "wrote:" (or a run of them)
  continued     a paragraph opening with a quotation mark whose previous paragraph opened one and left it open
  nested        quotation marks inside the quotation (the inner words may be someone else's)
  cue_after     no verb of speech in the quotation's sentence, one in the next sentence or paragraph
  told          "X told Y" in the quotation's sentence
  no_cue        no verb of speech, "according to" or colon in the paragraph, nor in the one before
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from summarizer import devsets
from summarizer.devsets import ggt, polnear, polnear_quotes
from summarizer.devsets.common import names_match
from summarizer.lexicon import SPEECH

CORPUS = Path("/work/shared/corpus")
_SPEECH_RE = re.compile(rf"\b(?:{SPEECH})\b|according to", re.IGNORECASE)
_OPEN = "“\"'‘"
FORMATS = ("tweet", "qa", "colon_run", "continued", "nested", "cue_after", "told", "no_cue")


def _paragraphs(text: str) -> list[tuple[int, int]]:
    out, at = [], 0
    for line in text.split("\n"):
        if line.strip():
            out.append((at, at + len(line)))
        at += len(line) + 1
    return out


def _opens_unclosed(par: str) -> bool:
    s = par.lstrip()
    return s[:1] in '“"' and (s.count("“") > s.count("”") if s[:1] == "“" else s.count('"') % 2 == 1)


def formats(text: str, start: int, end: int) -> set[str]:
    """The formats of the quotation at ``text[start:end]``."""
    pars = _paragraphs(text)
    k = next((i for i, (s, e) in enumerate(pars) if s <= start < e + 1), None)
    if k is None:
        return set()
    par = text[pars[k][0] : pars[k][1]]
    prev = text[pars[k - 1][0] : pars[k - 1][1]] if k else ""
    nxt = text[pars[k + 1][0] : pars[k + 1][1]] if k + 1 < len(pars) else ""
    out = set()
    if re.search(r"pic\.twitter\.com|\(@\w+\)\s+\w+ \d{1,2}, \d{4}|^\s*—\s*[A-Z].*\(@\w+\)", par + "\n" + nxt):
        out.add("tweet")
    if re.match(r"\s*(?:Q|A|[A-Z][A-Z.'’ -]{1,30})\s*:\s", par):
        out.add("qa")
    lead = text[pars[k][0] : start]
    if not lead.strip() and prev.rstrip().endswith(":"):
        out.add("colon_run")
    if par.lstrip()[:1] in '“"' and _opens_unclosed(prev):
        out.add("continued")
        if k >= 2 and text[pars[k - 2][0] : pars[k - 2][1]].rstrip().endswith(":"):
            out.add("colon_run")
    inner = text[start + 1 : end - 1]
    if re.search(r"[‘“]|(?<!\w)'(?=\w)", inner):
        out.add("nested")
    # the quotation's sentence: from the last stop before it to the first stop after it
    s0 = max(lead.rfind(". "), lead.rfind("? "), lead.rfind("! "))
    before = lead[s0 + 1 :] if s0 >= 0 else lead
    tail = text[end : pars[k][1]]
    m = re.search(r"[.!?][”\"]?\s", tail)
    after = tail[: m.start()] if m else tail
    if not _SPEECH_RE.search(before + " " + after) and not before.rstrip().endswith(":"):
        rest = (tail[m.end() :] if m else "") or nxt
        if _SPEECH_RE.search(re.split(r"(?<=[.!?])\s", rest.strip() + " ", maxsplit=1)[0]):
            out.add("cue_after")
        quiet = not _SPEECH_RE.search(par.replace(text[start:end], " ")) and not _SPEECH_RE.search(prev)
        if quiet and not prev.rstrip().endswith(":") and ":" not in before:
            out.add("no_cue")
    if re.search(r"\btold\s+(?:[A-Z]\w+|him|her|them|me|us)\b", before + " " + after):
        out.add("told")
    return out


#: attribution forms counted in the raw texts (occurrences, labelled or not)
FORMS = {
    "owner's role, then the name ('X's spokesman, Y, said')": re.compile(
        r"(?:[A-Z]\w+['’]s|\b[Hh]is|\b[Hh]er|\b[Tt]heir|\b[Ii]ts)\s+(?:[a-z][\w-]*\s+){0,3}[a-z][\w-]*,\s+"
        r"[A-Z]\w+(?:\s+[A-Z]\w+)*,\s+(?:said|says|told|added|wrote)\b"
    ),
    "relayed ('X said Y told him: “')": re.compile(
        r"\b(?:said|says)\b[^.!?“”\"\n]{0,100}\s(?:told|tells|telling)\s+(?:him|her|them|me|us)\s*[,:]\s*[“\"]"
    ),
    "wire ('quoted X as saying')": re.compile(r"\bquoted\s+[^.!?“”\"\n]{0,80}?\bas\s+saying\b"),
    "according to a statement from": re.compile(
        r"[Aa]ccording\s+to\s+(?:a|an|the)\s+(?:[a-z]+\s+)?(?:statement|letter|post|release|e-?mail)\s+(?:from|by)\b"
    ),
    "pointer after ('That's how X put it', 'words of X')": re.compile(
        r"[”\"]\s+(?:[Tt]hat|[Tt]his)(?:’s|'s|\s+is|\s+was)\s+(?:how|what)\b|[Ww]ords\s+of\s+[A-Z]"
    ),
    "no cue, after a sentence a name opens ('X was blunt. “')": re.compile(
        r"(?:^|\n|[.!?]\s)[A-Z]\w+(?:\s+[A-Z]\w+)?\s+[a-z][^.!?“”\"\n]{3,80}\.\s+[“\"][^“”\"\n]{10,}[.!?][”\"](?=\s*(?:\n|$|[A-Z]))"
    ),
    "embedded post ('pic.twitter.com', '(@handle) Month D, YYYY')": re.compile(
        r"pic\.twitter\.com|\(@\w+\)\s+[A-Z][a-z]+\s+\d{1,2},\s+\d{4}"
    ),
    "interview lines ('Q:', 'A:' opening a line)": re.compile(r"(?m)^(?:Q|A):\s"),
    "capitals heading a line ('KEEPING SCORE:', 'SMITH:'; not READ MORE/WATCH)": re.compile(
        r"(?m)^(?!READ MORE|WATCH|RELATED)[A-Z][A-Z.'’ -]{1,30}:\s"
    ),
    "a paragraph that leaves its quotation open for the next": re.compile(r"(?m)^[“][^”\n]*\n+\s*[“]"),
}


def _form_counts() -> list[tuple[str, int, int, int]]:
    texts: dict[str, list[str]] = {
        "ggt": [a.text for a in devsets.load("ggt", "study")],
        "polnear": [a.text for a in devsets.load("polnear", "study")],
        "corpus": [p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt"))],
    }
    return [
        (name, *(sum(len(rx.findall(t)) for t in texts[pool]) for pool in ("ggt", "polnear", "corpus")))
        for name, rx in FORMS.items()
    ]


def _labelled() -> dict[str, list[dict[str, Any]]]:
    """Per pool, each study label: its formats, whether code found it and read its speaker right."""
    pools: dict[str, list[dict[str, Any]]] = {"ggt": [], "polnear": []}
    for name in pools:
        for article in devsets.load(name, "study"):
            predicted = ggt.code_quotes(article.text, f"{name}/{article.id}")
            if name == "ggt":
                wanted = [
                    {**q, "names": [q["reference"]]}
                    for q in ggt.direct_labels(article.data)
                    if q.get("start") is not None
                ]
            else:
                wanted = polnear_quotes.labels(article.data, polnear.source_names)
            for w in wanted:
                best = max(
                    predicted,
                    key=lambda p: ggt.span_f1((p["start"], p["end"]), (w["start"], w["end"])),
                    default=None,
                )
                found = best is not None and ggt.span_f1((best["start"], best["end"]), (w["start"], w["end"])) >= 0.5
                right = found and best is not None and any(names_match(best["speaker"], n) for n in w["names"])
                pools[name].append(
                    {
                        "id": article.id,
                        "formats": formats(article.text, w["start"], w["end"]) or {"plain"},
                        "found": found,
                        "right": right,
                        "quote": w.get("quote", "")[:70],
                        "want": w["names"][0],
                        "got": best["speaker"] if found and best else None,
                    }
                )
    return pools


def _corpus() -> Counter[str]:
    counts: Counter[str] = Counter()
    for path in sorted(CORPUS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        for q in ggt.code_quotes(text, f"corpus/{path.stem}"):
            for f in formats(text, q["start"], q["end"]) or {"plain"}:
                counts[f] += 1
    return counts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", help="list the study labels of this format with code's reading")
    args = parser.parse_args(argv)
    pools = _labelled()
    corpus = _corpus()
    print("| format | GGT study: n, found, speaker right | PolNeAR-quotes study: n, found, right | corpus quotes |")
    print("|---|---|---|---|")
    for f in (*FORMATS, "plain"):
        cells = []
        for name in ("ggt", "polnear"):
            rows = [r for r in pools[name] if f in r["formats"]]
            found = sum(r["found"] for r in rows)
            right = sum(r["right"] for r in rows)
            cells.append(f"{len(rows)}, {found}, {right}" + (f" ({right / found:.2f})" if found else ""))
        print(f"| {f} | {cells[0]} | {cells[1]} | {corpus[f]} |")
    print("\n| attribution form (raw text) | GGT study | PolNeAR study | corpus |\n|---|---|---|---|")
    for name, *counts in _form_counts():
        print(f"| {name} | " + " | ".join(map(str, counts)) + " |")
    if args.show:
        by: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for name in pools:
            by[name] = [r for r in pools[name] if args.show in r["formats"]]
            for r in by[name]:
                mark = "ok" if r["right"] else ("MISSED" if not r["found"] else "WRONG")
                print(f"{name} {r['id'][:40]} {mark}: {r['quote']!r} want {r['want']!r} got {r['got']!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
