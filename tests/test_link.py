"""Speakers and claim attributions become actors, under the name the actor list uses."""

from summarizer.fields.actors import is_acronym_of, link_speakers, merge_actors
from summarizer.models import Actor, Claim, Quote, Span

TEXT = (
    "The Korean Central News Agency (KCNA) said the shelling was “a grave provocation”. "
    "Ambassador Hamdullah Mohib agreed. “It is over,” said Mohib. "
    "State Department spokesman Jeff Rathke said “We urge restraint.”"
)


def _quote(text: str, speaker: str | None) -> Quote:
    start = TEXT.index(text)
    return Quote(text=text, speaker=speaker, span=Span(start=start, end=start + len(text)), match="exact")


def _actor(name: str, kind: str = "person") -> Actor:
    start = TEXT.index(name)
    return Actor(name=name, kind=kind, role=None, mentions=[Span(start=start, end=start + len(name))])  # type: ignore[arg-type]


def test_acronyms_are_initials_of_capitalised_words() -> None:
    assert is_acronym_of("KCNA", "Korean Central News Agency")
    assert is_acronym_of("NATO", "North Atlantic Treaty Organization")
    assert not is_acronym_of("KCNA", "Korean News Agency")
    assert not is_acronym_of("Kcna", "Korean Central News Agency")
    assert not is_acronym_of("K", "Korea")


def test_acronym_actor_merges_into_the_full_name() -> None:
    merged = merge_actors(TEXT, [_actor("KCNA", "organization"), _actor("Korean Central News Agency", "organization")])
    assert [(a.name, a.aliases) for a in merged] == [("Korean Central News Agency", ["KCNA"])]


def test_speakers_take_the_actor_name_and_missing_speakers_become_actors() -> None:
    fields = {
        "quotes": [
            _quote("a grave provocation", "KCNA"),
            _quote("It is over", "Mohib"),
            _quote("We urge restraint.", "Jeff Rathke"),
        ],
        "claims": [Claim(text="The shelling was a provocation.", attributed_to="KCNA", evidence=[])],
        "actors": [_actor("Korean Central News Agency", "organization"), _actor("Hamdullah Mohib")],
    }
    linked = link_speakers(TEXT, fields)
    assert [q.speaker for q in linked["quotes"]] == ["Korean Central News Agency", "Hamdullah Mohib", "Jeff Rathke"]
    assert linked["claims"][0].attributed_to == "Korean Central News Agency"
    rathke = [a for a in linked["actors"] if a.name == "Jeff Rathke"]
    assert rathke and rathke[0].kind == "person"
    assert [TEXT[m.start : m.end] for m in rathke[0].mentions] == ["Jeff Rathke"]
    assert fields["actors"][0].name == "Korean Central News Agency" and len(fields["actors"]) == 2  # input untouched


def test_a_speaker_the_article_never_names_is_not_made_an_actor() -> None:
    fields = {"quotes": [_quote("It is over", "Angela Merkel")], "claims": [], "actors": []}
    assert link_speakers(TEXT, fields)["actors"] == []


def test_scanned_people_missing_from_the_answer_are_added() -> None:
    from summarizer.fields.actors import person_like
    from summarizer.scan import scan_names

    text = "Eddie Chu won in New Territories West. Kwok Ka-ki of the Civic Party and Eddie Chu spoke in New York."
    assert person_like(text, "Eddie Chu") and person_like(text, "Kwok Ka-ki")
    assert not person_like(text, "New York")  # "in New York"
    assert not person_like(text, "Civic Party") and not person_like(text, "DAB")
    fields = {"quotes": [], "claims": [], "actors": [_actor("Hamdullah Mohib")]}
    linked = link_speakers(text, fields, scan_names(text))
    assert {a.name for a in linked["actors"]} == {"Hamdullah Mohib", "Eddie Chu", "Kwok Ka-ki"}
    chu = next(a for a in linked["actors"] if a.name == "Eddie Chu")
    assert [text[m.start : m.end] for m in chu.mentions] == ["Eddie Chu", "Eddie Chu"]


def test_an_unnamed_speaker_is_a_person_actor_under_the_articles_words() -> None:
    text = 'One poster admitted to the attack, writing "I loaded the tool myself."'
    start = text.index("I loaded")
    quote = Quote(
        text="I loaded the tool myself.", speaker="One poster", span=Span(start=start, end=start + 25), match="exact"
    )
    linked = link_speakers(text, {"quotes": [quote], "claims": [], "actors": []})
    assert [(a.name, a.kind) for a in linked["actors"]] == [("One poster", "person")]
