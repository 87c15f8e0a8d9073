"""Nested check of attribution rules on the dev sets' study half, code-only, no model.

The study half (``summarizer.devsets.part_of(id) == "study"``) is where rules are written; the
test half is only scored at the end. To judge whether a change generalises *before* touching the
test half, the study half is split once more, fixed forever:

    sub-half "A" when sha256("nested:" + id) is even, else "B"

A change written from the misses of sub-half A must help (or not hurt) sub-half B, and the other
way round. This script prints speaker accuracy (GGT), named-source accuracy (PolNeAR) and the
speaker accuracy of PolNeAR's quoted passages with a named source (``devsets.polnear_quotes``)
per sub-half; ``--set speakers`` adds a table of both speaker pools side by side (GGT quotes
and PolNeAR quotes: a speaker rule must hold on both); ``--misses A`` lists the misses of one
sub-half (never of the test half; with ``--set speakers``, PolNeAR's quotation misses);
``--variant flat|glued`` reads the GGT texts reshaped as scraped text arrives; the other variants
rewrite their attributions in other news forms that keep the same speaker:

    owned     "“…,” Ruiz said" -> "“…,” the group’s spokesperson, Ruiz, said"; "Ruiz said: “" ->
              "The group’s spokesperson, Ruiz, said: “"
    relayed   "Ruiz said: “" and a sentence "“…,” Ruiz said." -> "Sam Okafor said Ruiz told him: “…”"
              (Ruiz's words, recounted by another)
    pointed   such a sentence -> "“…” That's how Ruiz put it." / "The paper quoted Ruiz as saying
              “…”" / "“…” Those were the words of Ruiz.", in turn
    unmarked  such a sentence -> "Ruiz did not hold back. “…”" / "Ruiz was blunt about it. “…”"
    contrast  such a sentence -> "Sam Okafor said the plan was sound, but Ruiz disagreed: “…”"
    answered  such a sentence -> "“What happens now?” Sam Okafor asked Ruiz. “…,” they replied."
    quoted    such a sentence -> "“…,” Ruiz was quoted as saying." / "“…,” reads a statement from Ruiz."
              / "Ruiz can be heard saying: “…”", in turn
    titled    such a sentence -> "“…,” the organizer said.", the first mention before it "organizer Ana Ruiz"
    titled-colon  the same roles, the sentence -> "The organizer was blunt: “…”"
    dotlines  paragraphs split by lines holding only " ." and a full stop after a paragraph's
              closing quotation mark, as one scraper delivers them
    renamed   every labelled speaker with a plain two-word name, in text and labels, renamed to a
              name of another shape: "Erin O’Toole", "Jean-Yves Duclos", "Xi Jinping" (later "Xi"),
              "Ursula von der Leyen", "Martin Luther King Jr." …
    aged      such a sentence -> "“…,” the 31-year-old said.", the first mention before it "Ruiz, 31,"

Speakers only: labels are matched by their words, so precision there is not comparable.

    PYTHONPATH=$PWD python evals/attribution_nested.py [--set ggt|polnear|both|speakers] [--misses A|B] [--json OUT]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from collections.abc import Callable
from typing import Any

from summarizer import devsets
from summarizer.labels import VARIANTS

_NAME = r"[A-Z][\w’'-]+(?: [A-Z][\w’'-]+){0,2}"
# a sentence that opens with a name and "said" right before a quotation: "Ruiz said: “" / "Ruiz said, “"
_SAID_BEFORE = re.compile(
    rf"(?:(?<=^)|(?<=\n)|(?<=[.!?]\s)|(?<=[.!?][”\"]\s))(?P<n>{_NAME}) said"
    rf"(?P<m>[^.!?“”\"\n]{{0,60}}?)(?P<p>[,:]) (?=[“\"])"
)
# a name and "said" right after a quotation: "“…,” Ruiz said."
_SAID_AFTER = re.compile(rf"(?<=[”\"]) (?P<n>{_NAME}) said\b")


def _owned(text: str) -> str:
    text = _SAID_AFTER.sub(r" the group’s spokesperson, \g<n>, said", text)
    return _SAID_BEFORE.sub(r"The group’s spokesperson, \g<n>, said\g<m>\g<p> ", text)


# a sentence that is a quotation and its "Ruiz said." / "said Ruiz.": "“…,” Ruiz said."
_QUOTE_SAID = re.compile(
    rf"(?:(?<=^)|(?<=\n)|(?<=[.!?]\s)|(?<=[.!?][”\"]\s))(?P<o>[“\"])(?P<q>[^“”\"\n]+),(?P<c>[”\"]) "
    rf"(?:(?P<n>{_NAME}) (?:said|says)|(?:said|says) (?P<m>{_NAME}))\.(?=\s|$)"
)


def _quote_said(text: str, forms: tuple[str, ...]) -> str:
    """Each sentence ``_QUOTE_SAID`` finds rewritten in the next of ``forms`` (``{o}{q}.{c}``, ``{n}``)."""
    turn = iter(range(len(text)))

    def one(m: re.Match[str]) -> str:
        parts = {"o": m.group("o"), "q": m.group("q"), "c": m.group("c"), "n": m.group("n") or m.group("m")}
        return forms[next(turn) % len(forms)].format(**parts)

    return _QUOTE_SAID.sub(one, text)


def _relayed(text: str) -> str:
    text = _SAID_BEFORE.sub(r"Sam Okafor said \g<n> told him\g<m>\g<p> ", text)
    return _quote_said(text, ("Sam Okafor said {n} told him: {o}{q}.{c}",))


def _pointed(text: str) -> str:
    forms = (
        "{o}{q}.{c} That's how {n} put it.",
        "The paper quoted {n} as saying {o}{q}.{c}",
        "{o}{q}.{c} Those were the words of {n}.",
    )
    return _quote_said(text, forms)


def _unmarked(text: str) -> str:
    return _quote_said(text, ("{n} did not hold back. {o}{q}.{c}", "{n} was blunt about it. {o}{q}.{c}"))


def _contrast(text: str) -> str:
    return _quote_said(text, ("Sam Okafor said the plan was sound, but {n} disagreed: {o}{q}.{c}",))


def _answered(text: str) -> str:
    return _quote_said(text, ("“What happens now?” Sam Okafor asked {n}. {o}{q},{c} they replied.",))


def _quoted_as(text: str) -> str:
    forms = (
        "{o}{q},{c} {n} was quoted as saying.",
        "{o}{q},{c} reads a statement from {n}.",
        "{n} can be heard saying: {o}{q}.{c}",
    )
    return _quote_said(text, forms)


def _aged(text: str) -> str:
    """Each speaker of a "“…,” Ruiz said." sentence gets an age at the first mention before it
    ("Ruiz, 31, …"), and the sentence says "the 31-year-old said" instead."""
    edits: list[tuple[int, int, str]] = []
    ages: dict[str, int] = {}
    for m in _QUOTE_SAID.finditer(text):
        name = m.group("n") or m.group("m")
        if name not in ages:
            first = re.search(rf"\b{re.escape(name)}\b(?=[ ,])", text[: m.start()])
            if not first:
                continue
            ages[name] = 31 + len(ages)
            edits.append((first.end(), 0, f", {ages[name]}" + ("" if text[first.end()] == "," else ",")))
        said = f"{m.group('o')}{m.group('q')},{m.group('c')} the {ages[name]}-year-old said."
        edits.append((m.start(), m.end() - m.start(), said))
    for at, length, new in sorted(edits, reverse=True):
        text = text[:at] + new + text[at + length :]
    return text


_ROLES = ("analyst", "organizer", "researcher", "teacher", "engineer", "pharmacist", "farmer", "nurse")


def _titled(text: str, form: str = "{o}{q},{c} the {role} said.") -> str:
    """Each speaker of a "“…,” Ruiz said." sentence gets a role at the first mention before it
    ("organizer Ana Ruiz"), and the sentence says "the organizer said" (or ``form``) instead."""
    edits: list[tuple[int, int, str]] = []
    roles: dict[str, str] = {}
    for m in _QUOTE_SAID.finditer(text):
        name = m.group("n") or m.group("m")
        if name not in roles:
            first = re.search(rf"(?<![\w’'-])(?:[A-Z][\w’'-]+ )*{re.escape(name)}\b", text[: m.start()])
            if not first or len(roles) == len(_ROLES):
                continue
            roles[name] = _ROLES[len(roles)]
            edits.append((first.start(), 0, f"{roles[name]} "))
        said = form.format(o=m.group("o"), q=m.group("q"), c=m.group("c"), role=roles[name], Role=roles[name].title())
        edits.append((m.start(), m.end() - m.start(), said))
    for at, length, new in sorted(edits, reverse=True):
        text = text[:at] + new + text[at + length :]
    return text


def _dotlines(text: str) -> str:
    """Paragraphs as some scrapers deliver them: a line holding only " ." between paragraphs,
    each paragraph opening with a space, and a full stop after a paragraph's closing quotation
    mark ("… we did.".")."""
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n|\n", text) if p.strip()]
    paragraphs = [p + "." if p[-1] in '”"' else p for p in paragraphs]
    return paragraphs[0] + "\n .\n " + "\n .\n ".join(paragraphs[1:]) + "\n"


#: reshapes of a text that keep every quotation and its speaker: scraped text, other attribution forms
RESHAPES: dict[str, Callable[[str], str]] = {
    **VARIANTS,
    "dotlines": _dotlines,
    "owned": _owned,
    "relayed": _relayed,
    "pointed": _pointed,
    "unmarked": _unmarked,
    "aged": _aged,
    "contrast": _contrast,
    "answered": _answered,
    "quoted": _quoted_as,
    "titled": _titled,
    "titled-colon": lambda text: _titled(text, "The {role} was blunt: {o}{q}.{c}"),
}


# names of shapes the study texts seldom hold (apostrophe, hyphens, particles, surname first, Mc,
# accents, a suffix), each with the short form a later mention uses
_NEW_NAMES = (
    ("Erin O’Toole", "O’Toole"),
    ("Jean-Yves Duclos", "Duclos"),
    ("Jody Wilson-Raybould", "Wilson-Raybould"),
    ("Xi Jinping", "Xi"),
    ("Catherine McKenna", "McKenna"),
    ("Ursula von der Leyen", "von der Leyen"),
    ("François Legault", "Legault"),
    ("Leona Aglukkaq", "Aglukkaq"),
    ("Seamus O'Regan", "O'Regan"),
    ("Mélanie Joly", "Joly"),
    ("Lee Hsien Loong", "Lee"),
    ("Andrew MacDonald", "MacDonald"),
    ("Ahmed Hussen", "Hussen"),
    ("Martin Luther King Jr.", "King"),
    ("Dominic LeBlanc", "LeBlanc"),
    ("Bardish Chagger", "Chagger"),
)
_PLAIN_NAME = re.compile(r"[A-Z][a-z]+ [A-Z][a-z]+")


def renamed(text: str, data: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    """Every labelled speaker with a plain two-word name ("Ana Ruiz") renamed, in the text and the
    labels, to a name of another shape ("Erin O’Toole", later "O’Toole"): what the resolver must
    read whatever the name looks like. A name whose surname someone else also bears ("Al Ruiz")
    is kept, as are new names already in the text."""

    def alone(ref: str) -> bool:
        first, last = ref.split()
        before = re.findall(rf"(\S+)\s+{re.escape(last)}(?![\w-])", text)
        return ref in text and all(w == first or not w[:1].isupper() or w.endswith(".") for w in before)

    refs = [r for r in dict.fromkeys(q.get("reference") or "" for q in data["quotations"]) if _PLAIN_NAME.fullmatch(r)]
    pool = [n for n in _NEW_NAMES if n[0] not in text and n[1] not in text]
    swaps = list(zip([r for r in refs if alone(r)], pool, strict=False))

    def swap(s: str) -> str:
        for old, (full, short) in swaps:
            s = s.replace(old, full)
            s = re.sub(rf"(?<![\w’'-]){re.escape(old.split()[-1])}(?![\w-])", short, s)
        return s

    quotations = [
        {
            **q,
            "quote": swap(q["quote"]),
            "reference": swap(q.get("reference") or ""),
            "speaker": swap(q.get("speaker") or ""),
        }
        for q in data["quotations"]
    ]
    return swap(text), {**data, "quotations": quotations}


def sub_half(article_id: str) -> str:
    """``A`` or ``B``: a second fixed hash split of the study half."""
    return "A" if int(hashlib.sha256(("nested:" + article_id).encode()).hexdigest(), 16) % 2 == 0 else "B"


def _row(name: str, results: list[dict[str, Any]]) -> str:
    if name == "ggt":
        found = sum(r["found"] for r in results)
        right = sum(r["speaker_right"] for r in results)
        direct = sum(r["direct"] for r in results)
        extra = sum(r["extra"] for r in results)
        return f"speaker {right / max(found, 1):.3f} ({right}/{found})  recall {found}/{direct}  extra {extra}"
    named = sum(r["named"] for r in results)
    right = sum(r["right"] for r in results)
    q = {k: sum(r.get(k, 0) for r in results) for k in ("q_labels", "q_found", "q_right", "q_extra")}
    return (
        f"named-source {right / max(named, 1):.3f} ({right}/{named})  |  quotes: speaker "
        f"{q['q_right'] / max(q['q_found'], 1):.3f} ({q['q_right']}/{q['q_found']})  recall "
        f"{q['q_found']}/{q['q_labels']}  on no attribution {q['q_extra']}"
    )


def _speakers(halves: dict[str, dict[str, list[dict[str, Any]]]]) -> None:
    """GGT and PolNeAR-quotes speaker accuracy per sub-half, side by side (``--set speakers``)."""

    def cell(rows: list[dict[str, Any]], right: str, found: str) -> str:
        r, f = sum(x[right] for x in rows), sum(x[found] for x in rows)
        return f"{r / max(f, 1):.3f} ({r}/{f})"

    print("| sub-half | GGT speaker | PolNeAR-quotes speaker | both | GGT phrases in reported speech |")
    print("|---|---|---|---|---|")
    for half in ("A", "B", "study"):
        g = halves["ggt"]["A"] + halves["ggt"]["B"] if half == "study" else halves["ggt"][half]
        p = halves["polnear"]["A"] + halves["polnear"]["B"] if half == "study" else halves["polnear"][half]
        r = sum(x["speaker_right"] for x in g) + sum(x["q_right"] for x in p)
        f = sum(x["found"] for x in g) + sum(x["q_found"] for x in p)
        both = f"{r / max(f, 1):.3f} ({r}/{f})"
        print(
            f"| {half} | {cell(g, 'speaker_right', 'found')} | {cell(p, 'q_right', 'q_found')} | {both} | "
            f"{cell(g, 'phrase_right', 'phrases')} |"
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", choices=("ggt", "polnear", "both", "speakers"), default="ggt")
    parser.add_argument("--misses", choices=("A", "B"))
    parser.add_argument("--json", help="write per-article results here (study half only)")
    parser.add_argument(
        "--variant",
        choices=[*sorted(RESHAPES), "renamed"],
        help="GGT only: read each text reshaped as scraped text arrives (flat: no paragraph breaks; glued: no "
        "space after a full stop either; other variants: attributions rewritten in other "
        "news forms), labels matched by their words (their offsets no longer hold)",
    )
    args = parser.parse_args(argv)
    dump: dict[str, Any] = {}
    for name in ("ggt", "polnear") if args.set in ("both", "speakers") else (args.set,):
        import importlib

        scorer = importlib.import_module(f"summarizer.devsets.{name}")
        halves: dict[str, list[dict[str, Any]]] = {"A": [], "B": []}
        for article in devsets.load(name, "study"):
            if args.variant and name == "ggt":
                data = {
                    **article.data,
                    "quotations": [{**q, "start": None, "end": None} for q in article.data["quotations"]],
                }
                if args.variant == "renamed":
                    text, data = renamed(article.text, data)
                else:
                    text = RESHAPES[args.variant](article.text)
                article = devsets.DevArticle(name, article.id, text, data)
            result = scorer.code_only(article)
            half = sub_half(article.id)
            halves[half].append({"id": article.id, **result})
        for half in ("A", "B"):
            print(f"{name} study-{half} ({len(halves[half])} articles): {_row(name, halves[half])}")
        both = halves["A"] + halves["B"]
        print(f"{name} study   ({len(both)} articles): {_row(name, both)}")
        dump[name] = halves
        if args.misses:
            for r in halves[args.misses]:
                misses = (
                    r.get("quote_misses", []) if args.set == "speakers" and name == "polnear" else r.get("misses", [])
                )
                for m in misses:
                    print(f"  {r['id']}: {m}")
    if args.set == "speakers":
        _speakers(dump)
    if args.json:
        with open(args.json, "w", encoding="utf-8") as fh:
            json.dump(dump, fh, ensure_ascii=False, indent=1, default=str)
    return 0


if __name__ == "__main__":
    sys.exit(main())
