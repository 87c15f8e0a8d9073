"""A claim's ``attributed_to`` is the one who holds it: who says, believes, wants, urges, backs,
denounces, sues … it, not the doer of a plain action. Read structurally: the subject of the clause
whose verb is such a verb, in headlines too (made-up text throughout)."""

from __future__ import annotations

from summarizer.article import Article
from summarizer.attribution.holders import forms, headline_case, headline_name
from summarizer.attribution.sources import claim_source
from summarizer.fields.base import Context
from summarizer.scan import scan_names

from .test_claims_coverage import source_of as source_in

INTRO = (
    "Keswater council met on Monday to debate a levy on ferry tickets. Mayor Dana Whitlock and councillor "
    "Ivo Brandt spoke for an hour, and the Keswater Gazette reported the debate.\n\n"
)


def source_of(body: str, sentence: str) -> str | None:
    """The source code reads for the body sentence that starts with ``sentence``, after the intro."""
    return source_in(INTRO + body, sentence)


def headline_source(headline: str) -> str | None:
    """The source of a story's Title-Case headline, read as a sentence of the article."""
    text = headline + ".\n\n" + INTRO + "Whitlock said the ferry would run all winter.\n"
    names = scan_names(text, {0, len(headline) + 3})
    return claim_source(text, 0, len(headline) + 1, names)[0]


def test_verbs_of_stance_attitude_and_alignment_make_their_subject_the_holder() -> None:
    body = (
        "Dana Whitlock backs the ferry levy. Ivo Brandt denounces the plan as a tax on visitors. "
        "Ivo Brandt reiterated that the harbour needs no new money. Dana Whitlock expressed concern that "
        "the ferry would stop. The Harbour Trust is suing the council over the quay.\n"
    )
    assert source_of(body, "Dana Whitlock backs") == "Dana Whitlock"
    assert source_of(body, "Ivo Brandt denounces") == "Ivo Brandt"
    assert source_of(body, "Ivo Brandt reiterated") == "Ivo Brandt"
    assert source_of(body, "Dana Whitlock expressed") == "Dana Whitlock"
    assert source_of(body, "The Harbour Trust") == "Harbour Trust"


def test_the_doer_of_a_plain_action_holds_no_claim() -> None:
    body = "Dana Whitlock visited the quay after the vote. Ivo Brandt filed the papers with the clerk.\n"
    assert source_of(body, "Dana Whitlock visited") is None
    assert source_of(body, "Ivo Brandt filed") is None


def test_a_bare_plural_verb_needs_a_name_before_it() -> None:
    body = "Estimates suggest the levy would raise a large sum each year for the harbour.\n"
    assert source_of(body, "Estimates suggest") is None


def test_a_subject_inside_a_quotation_or_a_dashed_aside_is_not_the_holder() -> None:
    body = (
        'Former harbour master Ivo Brandt said on the radio: "When the letter came, Keswater Traders denounced it." '
        "If the levy passes — as many owners fear, and Keswater Traders are alleging — the fleet will "
        "shrink by half before the summer.\n"
    )
    assert source_of(body, "Former harbour master") == "Ivo Brandt"
    assert source_of(body, "If the levy passes") is None


def test_a_participle_or_a_second_verb_continues_the_named_subject() -> None:
    body = (
        "Dana Whitlock toured the quay on Tuesday, arguing that the stones need repairs. "
        "The Keswater Gazette has surveyed the boat owners and noted their worries about the cost.\n"
    )
    assert source_of(body, "Dana Whitlock toured") == "Dana Whitlock"
    assert source_of(body, "The Keswater Gazette") == "Keswater Gazette"


def test_the_named_agent_of_a_passive_verb_of_saying_holds_the_claim() -> None:
    body = "News of the levy was first reported by the Keswater Gazette. The quay was rebuilt by Ivo Brandt.\n"
    assert source_of(body, "News of the levy") == "Keswater Gazette"
    assert source_of(body, "The quay was rebuilt") is None


def test_a_progressive_or_aspect_verb_of_holding_reads_its_subject() -> None:
    body = (
        "Now, as the season ends, Dana Whitlock is looking to raise the levy again. "
        "As Ivo Brandt began tweeting out his objections, the council met again.\n"
    )
    assert source_of(body, "Now, as the season ends") == "Dana Whitlock"
    assert source_of(body, "As Ivo Brandt began") == "Ivo Brandt"


def test_a_headline_subject_stops_at_its_verb() -> None:
    assert headline_case("Keswater’s Dana Whitlock Backs Levy And Denounces Critics") == (
        "Keswater’s Dana Whitlock backs Levy and denounces Critics"
    )
    assert headline_source("Keswater’s Dana Whitlock Backs Levy And Denounces Critics") == "Dana Whitlock"
    assert headline_source("Whitlock Wades In: Urges Council To Drop Levy") == "Dana Whitlock"


def test_a_headline_passive_or_an_owners_relative_names_no_holder() -> None:
    assert headline_case("Whitlock Accused Of Hiding Levy Papers") == "Whitlock Accused Of Hiding Levy Papers"
    assert headline_source("Whitlock Accused Of Hiding Levy Papers") is None
    assert headline_source("Whitlock’s Son Says The Levy Will Fail") is None
    text = "Hollywood Actor Who Backs Whitlock Speaks.\n\nHollywood stars came to Keswater."
    assert headline_name(text, 0, 41, "Hollywood Actor Who") == ""  # a description, not a name


def test_forms_inflect_lemmas_with_their_particles() -> None:
    assert forms("admit") == ("(?:admit)", "(?:admits)", "(?:admitted)", "(?:admitting)")
    assert forms("rail_against")[3] == r"(?:railing)\s+against"
    assert forms("deny")[1:3] == ("(?:denies)", "(?:denied)")
    assert forms("write")[2] == "(?:wrote|written)"


def test_the_one_written_to_is_not_the_writer() -> None:
    body = "Earlier this week, the harbour owners also wrote to Dana Whitlock, urging her to drop the levy.\n"
    assert source_of(body, "Earlier this week") is None


def test_a_headline_report_or_a_person_on_a_topic_before_quoted_words() -> None:
    assert headline_source("Whitlock on the Ferry Levy: ‘It Will Pass.’") == "Dana Whitlock"
    assert headline_source("Gazette report: Levy would close the ferry") == "Keswater Gazette"
    assert headline_source("Whitlock on the Ferry Levy: Council Votes Today") is None  # no quoted words


def test_a_name_saying_something_inside_a_quotation_is_not_the_holder() -> None:
    body = (
        "“The levy is a mistake,” Dana Whitlock told the Gazette on Monday. “Therefore, what Ivo Brandt said "
        "when he spoke at the quay was wrong, and I think that is shameful.”\n"
    )
    ctx = Context.of(Article.from_text(INTRO + body))
    got = {s.text[:12]: ctx.sources()[s.index][0] for s in ctx.article.body}
    assert got["“Therefore, "] == "Dana Whitlock"  # the quotation's speaker, not Brandt


def test_verbs_read_before_keep_their_plural_subjects() -> None:
    body = "Republicans say the levy is a tax on visitors to the harbour and its ferry.\n"
    assert source_of(body, "Republicans say") == "Republicans"


def test_a_verb_of_naming_before_a_name_names_a_thing_not_a_speaker() -> None:
    body = "Late Tuesday, Brandt reported that riders paid extra for an app called Ferry Pass.\n"
    assert source_of(body, "Late Tuesday") == "Ivo Brandt"


def test_a_name_after_a_preposition_is_no_subject() -> None:
    body = (
        "Whitlock, the chair of the Keswater Harbour Trust, a body founded in 1902, says the levy will stay.\n\n"
        "A former treasurer of the Keswater Harbour Trust said the levy was never needed.\n"
    )
    assert source_of(body, "Whitlock, the chair") == "Dana Whitlock"
    assert source_of(body, "A former treasurer") is None  # nobody named: not the Trust


def test_a_role_as_the_subject_is_the_person_given_that_role() -> None:
    body = (
        "Ivo Brandt, the harbourmaster, voted against the levy. "
        "The harbourmaster said the ferry loses money every winter.\n\n"
        "The harbourmaster found that Brandt had signed the old contract himself.\n"
    )
    assert source_of(body, "The harbourmaster said") == "Ivo Brandt"
    # the person the role stands for is not also named in the sentence: that is someone else
    assert source_of(body, "The harbourmaster found") is None


def test_it_is_a_body_or_an_acronym_never_a_dateline_in_capitals() -> None:
    from summarizer.attribution.source_names import resolve_pronoun

    text = "KES HARBOUR — The editorial ran on Monday. It said the KFC board should resign, and it was read widely."
    names = scan_names(text, {0})
    at = text.index("it was")
    assert resolve_pronoun("it", at, names) == "KFC"
    assert resolve_pronoun("it", text.index("It said"), names) is None  # only "KES HARBOUR" before: a place


def test_a_speaker_named_after_the_verb_mid_sentence_with_an_age_or_a_role() -> None:
    body = (
        "There is a real cost to waiting, insists 16-year-old Mila Ostrova, in a town that needs the ferry.\n\n"
        "The fares are “too high,” says Keswater and District harbour manager Tomas Reyes, who runs the pier.\n"
    )
    assert source_of(body, "There is a real cost") == "Mila Ostrova"
    assert source_of(body, "The fares are") == "Tomas Reyes"


def test_a_conjunction_opening_the_sentence_is_not_its_subject() -> None:
    body = "Whitlock defended the levy on Monday. But she said the fares would fall by spring.\n"
    assert source_of(body, "But she said") == "Dana Whitlock"


def test_a_named_speaker_closing_the_sentence_reports_all_of_it() -> None:
    body = (
        "Inspectors found the hull cracked in two places, Brandt said.\n\n"
        "Brandt said the ferry was safe; the Keswater Gazette reported it was not.\n"
    )
    assert source_of(body, "Inspectors found") == "Ivo Brandt"
    assert source_of(body, "Brandt said the ferry") == "Ivo Brandt"  # a clause after ";" closes nothing


def test_a_body_descriptor_is_the_body_the_claim_before_named() -> None:
    body = (
        "The Keswater Ferry Authority said the timetable would change in May. "
        "The statement also said that fares would rise.\n\n"
        "Whitlock said the change was rushed. The statement also said nothing about winter.\n"
    )
    assert source_of(body, "The statement also said that") == "Keswater Ferry Authority"
    # after a person's claim, "the statement" is not theirs by default: nothing is guessed
    assert source_of(body, "The statement also said nothing") != "Dana Whitlock"
