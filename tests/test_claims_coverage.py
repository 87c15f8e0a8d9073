"""Claims carry who makes them: code's part leads with sentences a named source makes, a long
story gets more claims, and the sentence-source reader handles the forms PolNeAR's study half
showed it missing (made-up text throughout)."""

from __future__ import annotations

import json
import re
from pathlib import Path

from summarizer import devsets
from summarizer.article import Article
from summarizer.attribution import claim_sources
from summarizer.attribution.source_names import fuller_name as _fuller
from summarizer.devsets import polnear
from summarizer.fields.actors import link_speakers
from summarizer.fields.base import Context
from summarizer.fields.claims import MAX_CLAIMS, MODEL_PICKS, MOST_CLAIMS, build_claims, claim_count
from summarizer.labels import load_seeds, load_variants
from summarizer.models import Actor, Claim, Meta, Span, Summary
from summarizer.scan import scan_names

ROOT = Path(__file__).resolve().parent.parent


def source_of(text: str, sentence: str) -> str | None:
    """The source code reads for the article sentence that starts with ``sentence``."""
    article = Article.from_text(text)
    names = scan_names(text, {s.start for s in article.sentences})
    found = claim_sources(text, [(s.index, s.start, s.end) for s in article.body], names)
    for s in article.body:
        if s.text.startswith(sentence):
            return found[s.index][0]
    raise AssertionError(f"no sentence starts with {sentence!r}")


FILLER = (
    "The harbour town of Keswater has {n} fishing boats moored along its stone quay this spring. "
    "Fishing crews repaired {n} nets on the quay before the herring season began in Keswater. "
)


def story(words: int) -> str:
    """A made-up story of about ``words`` words of body."""
    paragraphs = ["Keswater fishing fleet grows", ""]
    n = 0
    while sum(len(p.split()) for p in paragraphs) < words:
        n += 1
        paragraphs.append(FILLER.format(n=n))
    return "\n\n".join(paragraphs) + "\n"


def test_a_long_story_gets_more_claims_up_to_a_cap() -> None:
    assert claim_count(Article.from_text(story(300))) == MAX_CLAIMS
    assert claim_count(Article.from_text(story(1500))) == 15
    assert claim_count(Article.from_text(story(5000))) == MOST_CLAIMS
    article = Article.from_text(story(1500))
    ctx = Context.of(article)
    claims = build_claims(ctx, [s.index for s in article.body[:MODEL_PICKS]])
    assert len(claims) == 15


SOURCED = (
    "Harbour council approves new quay\n\n"
    "The harbour council in Keswater approved a new stone quay for the fishing fleet on Monday. "
    "The quay will be built from granite cut in the hills above the town. "
    "Work on the quay begins in March and is due to end before the herring season. "
    "The old quay was built in 1880 and has been repaired many times since then. "
    "Boats will moor two abreast along the new quay while the old one is closed. "
    "The granite will arrive by barge from the quarry at Penlow during the winter. "
    "Fishing crews said the old quay was too short for the larger boats of the fleet. "
    "Council leader Maria Oduya said the quay would cost less than the council had feared. "
    "The town's ferry will keep its own berth at the southern end of the harbour. "
    "Harbour master Tomas Brekke warned that the channel must be dredged first. "
    "Gulls nest on the old quay every spring and will have to move elsewhere. "
    "According to the Keswater Fishing Cooperative, catches rose by a third last year. "
    "The new quay will carry lamps powered by the tide. "
    "A café on the quay will stay open while the work goes on.\n"
)


def test_sentences_a_named_source_makes_come_before_the_key_sentences() -> None:
    article = Article.from_text(SOURCED)
    ctx = Context.of(article)
    picks = [2, 3, 4, 5]
    claims = build_claims(ctx, picks)
    assert [c.sentence for c in claims[:MODEL_PICKS]] == picks  # the model's picks first, unchanged
    code = claims[MODEL_PICKS:]
    sourced = [c.attributed_to for c in code[:3]]
    assert sourced == ["Maria Oduya", "Tomas Brekke", "Keswater Fishing Cooperative"]
    assert all(c.attributed_to is None for c in code[3:])  # then the key sentences, the article's own voice
    assert len(claims) == MAX_CLAIMS


def test_a_verb_of_saying_after_a_modal_or_before_a_that_clause_has_its_subject_as_source() -> None:
    text = (
        "Book week opens\n\n"
        "Author Jane Roewick will discuss her new book about the harbour on Friday. "
        "Governor Tom Hallam is reaffirming that the budget will be balanced by June. "
        "Hallam acknowledges that the harbour plan has cost more than expected. "
        "This means that the plan will be delayed by a year. "
        "Sales rose so fast that the shop ran out of copies. "
        "Friday on Radio Four’s “Morning Hour,” union leader Kate Morrow will urge members to strike.\n"
    )
    assert source_of(text, "Author Jane Roewick") == "Jane Roewick"
    assert source_of(text, "Governor Tom Hallam") == "Tom Hallam"
    assert source_of(text, "Hallam acknowledges") == "Tom Hallam"
    assert source_of(text, "This means") is None  # no scanned name: "This" is nobody
    assert source_of(text, "Sales rose") is None
    assert source_of(text, "Friday on Radio") == "Kate Morrow"  # after a time and a programme


def test_the_speaker_named_after_said_beats_a_relative_clause_and_a_glued_he_said() -> None:
    text = (
        "Shares slide\n\n"
        "Vantex Corp shares fell again on Tuesday. "
        "But that is not enough, said Mark Olsen, an analyst at Brightwater, who notes that Vantex Corp "
        "has vowed to cut costs. "
        "Nor will the new plant help much, said Ruth Adeyemi, a professor of economics, who studies "
        "trade. ''We have no silver bullets,'' he said.\n"
    )
    assert source_of(text, "But that is not enough") == "Mark Olsen"
    assert source_of(text, "Nor will the new plant") == "Ruth Adeyemi"


def test_a_role_never_opens_with_a_preposition_and_an_appositive_name_speaks() -> None:
    text = (
        "Budget row\n\n"
        "Senator Lena Marsh backed the harbour budget on Monday. "
        "“It is the right plan for the town and we will see it through,” wrote Dana Pikestaff on Daily Ledger. "
        "In a statement to the Ledger, her senior policy adviser, Tom Briggsley, said the plan would pass.\n"
    )
    assert source_of(text, "“It is the right plan") == "Dana Pikestaff"
    assert source_of(text, "In a statement") == "Tom Briggsley"


def test_more_verbs_of_claiming_and_a_dateline_before_an_appositive_person() -> None:
    text = (
        "Ferry union backs harbour plan.\n\n"
        "KESWATER, Aug 31 (Reuters) - The ferry union's long-serving leader, Kate Morrowfield, voiced support "
        "for the plan on Monday.\n\n"
        "Mayor Lena Marsh calls the harbour plan a risk to the town. "
        "Tidewell Ferries backs the plan and denounces the delay. "
        "Lena Marsh, the mayor, pointed out that the quay is too short for the ferry.\n"
    )
    assert source_of(text, "Mayor Lena Marsh calls") == "Lena Marsh"
    assert source_of(text, "Tidewell Ferries") == "Tidewell Ferries"
    assert source_of(text, "Lena Marsh, the mayor") == "Lena Marsh"
    assert source_of(text, "KESWATER") == "Kate Morrowfield"  # not the dateline's place


def test_attributed_to_is_a_full_name_never_a_possessive_or_pronoun() -> None:
    text = (
        "Harbour plan\n\n"
        "Council leader Neera Tandridge presented the harbour plan on Monday. "
        "Later that day, Tandridge wrote that the cost would fall. "
        "Tandridge's spokesman said the vote would be held in May. "
        "She said the plan had wide support. "
        "Bill Okonjo and Ruth Okonjo both spoke at the meeting. "
        "Okonjo said the quay was too short.\n"
    )
    assert source_of(text, "Later that day") == "Neera Tandridge"  # the one fuller name for the surname
    assert source_of(text, "She said") == "Neera Tandridge"
    ctx = Context.of(Article.from_text(text))
    assert _fuller(text, "Okonjo", ctx.names) == "Okonjo"  # two Okonjos: no fuller name is guessed
    assert _fuller(text, "Tandridge", ctx.names) == "Neera Tandridge"
    for source, _, _ in ctx.sources().values():
        if source:
            assert not re.search(r"['’]s?$", source), source
            assert source.casefold() not in ("he", "she", "it", "they", "his", "her", "their")


def test_polnear_prefers_the_claim_at_the_contents_place() -> None:
    text = "Race news\n\nClinton won the county. Keller endorsed Clinton on Friday.\n"
    content = text.rindex("Clinton")
    record = {
        "id": "p2",
        "text": text,
        "attributions": [
            {
                "source": {"text": "Keller", "spans": [[text.index("Keller"), text.index("Keller") + 6]]},
                "cue": {"text": "endorsed", "spans": [[0, 1]]},
                "content": {"text": "Clinton", "spans": [[content, content + 7]]},
            }
        ],
    }
    first, second = "Clinton won the county.", "Keller endorsed Clinton on Friday."
    claims = [
        Claim(text=first, attributed_to=None, evidence=[Span(start=text.index(first), end=text.index(first) + 23)]),
        Claim(text=second, attributed_to="Keller", evidence=[Span(start=text.index(second), end=len(text) - 1)]),
    ]
    meta = Meta(model="m", prompt_version="p", schema_version="s")
    r = polnear.score(devsets.DevArticle("polnear", "p2", text, record), Summary(summary="", claims=claims, meta=meta))
    assert (r["matched"], r["right"]) == (1, 1)  # both hold "Clinton"; the one where the content is counts


def test_the_simulation_has_the_models_recorded_picks_for_every_seed_and_variant() -> None:
    picks = json.loads((ROOT / "evals" / "claims_picks.json").read_text(encoding="utf-8"))["picks"]
    seeds = load_seeds(ROOT / "seeds")
    seeds += load_variants(ROOT / "evals" / "variants.toml", seeds)
    assert {s.id for s in seeds} <= set(picks)
    for seed in seeds:
        article = Article.from_text(seed.text)
        assert all(article.sentences[i - 1].kind == "body" for i in picks[seed.id])


def test_an_owners_possessive_is_never_part_of_the_source() -> None:
    text = (
        "Harbour news\n\n"
        "At the time, Marsh's hometown Keswater Gazette wrote that the quay was too short. "
        "According to the IHO's annual report dated March 16, the harbour silted up by a metre. "
        "Ivan's condition was on Wednesday reported to be stable.\n"
    )
    assert source_of(text, "At the time") == "Keswater Gazette"
    assert source_of(text, "According to the IHO") == "IHO"
    assert source_of(text, "Ivan's condition") is None


def test_linking_to_actors_keeps_a_claim_sources_full_name() -> None:
    text = (
        "Author Jane Roewick will discuss her book. Reuters’ Tom Okafor said the book sold well. "
        "The Center for Harbour Studies said the quay is too short. Harbour Studies also said it would help.\n"
    )
    actors = [
        Actor(name="Author Jane Roewick", kind="person"),
        Actor(name="Reuters’ Tom Okafor", kind="person"),
        Actor(name="Center for Harbour Studies", kind="organization"),
    ]
    claims = [
        Claim(text="x", attributed_to="Jane Roewick"),
        Claim(text="y", attributed_to="Tom Okafor"),
        Claim(text="z", attributed_to="Harbour Studies"),
    ]
    linked = link_speakers(text, {"actors": actors, "quotes": [], "claims": claims})["claims"]
    # no title or owner glued on; a body's shorter name becomes its full name
    assert [c.attributed_to for c in linked] == ["Jane Roewick", "Tom Okafor", "Center for Harbour Studies"]
