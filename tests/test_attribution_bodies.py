"""Speakers that are bodies, documents or unnamed people (issue 10), on short made-up articles:
"the city reasoned", "officials will scrap … to "streamline"", "a letter seen by a broadcaster
says", "One poster admitted", a pull quote's credit line, phrases in quotation marks."""

from __future__ import annotations

from summarizer.article import Article
from summarizer.attribution.bodies import bodies_of, descriptor_kind, person_descriptor
from summarizer.fields.base import Context
from summarizer.fields.quotes import quote_candidates


def context(text: str) -> Context:
    return Context.of(Article.from_text(text))


def speakers(text: str) -> dict[str, str | None]:
    """Opening words of every offered quotation -> the speaker code reads."""
    ctx = context(text)
    return {" ".join(ctx.quotes[i].text.split()[:3]): ctx.speakers[i] for i in quote_candidates(ctx)}


def source_of(text: str, opening: str) -> tuple[str | None, str | None]:
    """(source, cue) code reads for the body sentence that starts with ``opening``."""
    ctx = context(text)
    sentence = next(s for s in ctx.article.body if s.text.startswith(opening))
    found, cue, _ = ctx.sources()[sentence.index]
    return found, cue


TOWN = (
    "Harbour towns ask ferry firms to pay port fees\n\n"
    "Monday, May 4, 2026\n\n"
    "The Town of Westmere and the Municipality of Brackley have both billed the ferry firms this year.\n\n"
    "Ferry operator Bluewave refused to pay. The bill was sent by the Municipality of Brackley in March.\n\n"
    'The city reasoned, "the ferries use the harbour every day, so they pay for it like everyone else."\n'
)


def test_the_city_is_the_civic_body_named_most_recently_before_it() -> None:
    assert speakers(TOWN) == {"the ferries use": "Municipality of Brackley"}


def test_a_claim_source_resolves_the_city_the_same_way() -> None:
    assert source_of(TOWN, "The city reasoned") == ("Municipality of Brackley", "reasoned")


MINISTRY = (
    "Visa forms replace interviews for some applicants\n\n"
    "Thursday, March 5, 2026\n\n"
    "The Northland Immigration Office will send forms to 8,000 applicants, the Northland Immigration Office said. "
    "Critics of the Northland Immigration Office call it rushed.\n\n"
    "The forms are part of Prime Minister Dana Holt's plan to clear the 'visa queue' by winter.\n\n"
    'While checks will continue, officials will drop the interview to "speed up" decisions.\n\n'
    'The form, which runs to 30 pages, "must be answered in full", the government recommending "a '
    'lawyer" if needed. A leaked letter seen by Channel Nine says "late forms will be refused".\n\n'
    'Officials told Radio East every case will be read, with the Daily Star reporting nobody is turned down "on '
    'the form alone".\n'
)


def test_officials_and_the_government_are_the_principal_government_body() -> None:
    got = speakers(MINISTRY)
    assert got["speed up"] == "Northland Immigration Office"
    assert got["a lawyer"] == "Northland Immigration Office"
    assert got["must be answered"] == "Northland Immigration Office"  # "The form, which …": the document's issuer


def test_a_document_seen_by_an_outlet_is_the_issuers_words_not_the_outlets() -> None:
    assert speakers(MINISTRY)["late forms will"] == "Northland Immigration Office"
    assert source_of(MINISTRY, "A leaked letter")[0] == "Northland Immigration Office"


def test_a_persons_plan_named_beside_a_phrase_in_quotation_marks_is_theirs() -> None:
    assert speakers(MINISTRY)["visa queue"] == "Dana Holt"


def test_someone_else_reporting_between_the_body_and_the_phrase_leaves_it_undecided() -> None:
    assert speakers(MINISTRY)["on the form"] is None  # the Daily Star reports it, code does not know who that is


def test_the_principal_organisation_is_the_most_mentioned_body_and_none_when_unclear() -> None:
    ctx = context(MINISTRY)
    bodies = bodies_of(ctx.article.text, ctx.names)
    assert bodies.principal() is not None and bodies.principal().name == "Northland Immigration Office"  # type: ignore[union-attr]
    even = (
        "Two clubs meet\n\nOn Sunday the Rovers Club met the City Club. The Rovers Club scored first; the City "
        "Club scored last. Both the Rovers Club and the City Club will meet again.\n"
    )
    ctx = context(even)
    assert bodies_of(ctx.article.text, ctx.names).principal() is None  # level: code does not guess


def test_short_forms_count_for_the_full_name() -> None:
    text = (
        "Hackers attack Church of Unity website\n\n"
        "The Church of Unity said its site was down. The Church's website is still unreachable.\n\n"
        'When readers reach the site, all they get is a message stating, "We will be back soon."\n'
    )
    ctx = context(text)
    bodies = bodies_of(ctx.article.text, ctx.names)
    assert bodies.find("The Church") is not None and bodies.find("The Church").name == "Church of Unity"  # type: ignore[union-attr]
    assert speakers(text) == {"We will be": "Church of Unity"}  # the site's owner, named just before


FORUM = (
    "Forum users target a ticket site\n\n"
    "Users of the Ticket Forum Group attacked the Ticketline site this week.\n\n"
    '"It was bound to happen sooner or later. The prices were a joke." Anonymous blogger, "Tickets are a scam"\n\n'
    'One poster admitted to being part of the effort, writing in a blog post "I pressed reload all night."\n\n'
    '"Someone emailed me a script to run," said the post by an unknown author.\n\n'
    'Critics on the forum were unhappy, with one poster writing "Who gains from this?"\n'
)


def test_an_unnamed_person_is_named_by_the_articles_own_descriptor() -> None:
    got = speakers(FORUM)
    assert got["I pressed reload"] == "One poster"
    assert got["Who gains from"] is None  # "with one poster writing": not the subject of a clause
    assert got["Someone emailed me"] is None  # a post by an unknown author: nobody is named, and no carry


def test_a_pull_quotes_credit_line_names_the_speaker_and_its_title_is_not_a_quote() -> None:
    got = speakers(FORUM)
    assert got["It was bound"] == "Anonymous blogger"
    assert "Tickets are a" not in got


def test_a_named_person_wins_over_the_descriptor() -> None:
    text = (
        "The Harbour Office's spokesman, Tom Okafor, met reporters on Monday.\n\n"
        '"We will reopen the pier," the spokesman said.\n\n'
        '"Nobody was hurt," said a witness.\n'
    )
    got = speakers(text)
    assert got["We will reopen"] == "Tom Okafor"
    assert got["Nobody was hurt,"] == "a witness"


def test_an_award_citation_is_the_awarding_bodys_words() -> None:
    text = (
        "Students honoured for 'bold design' at robot contest\n\n"
        'A team from Lisbon was awarded a bronze medal for "bold design" on Friday in the ROBOCUP Junior League '
        "in Porto. The ROBOCUP Junior League has run the contest since 2001, and the ROBOCUP Junior League "
        "will meet again next year.\n"
    )
    ctx = context(text)
    said = {ctx.quotes[i].start: ctx.speakers[i] for i, q in enumerate(ctx.quotes)}
    assert set(said.values()) == {"ROBOCUP Junior League"}  # the headline's citation too: the principal body


def test_phrases_with_nobody_behind_them_stay_unattributed() -> None:
    text = (
        "Girls' team enters the country\n\n"
        'After talks between the State and Home Departments, the girls were granted "parole" status on the '
        'grounds that their entry would be a "public benefit." She pointed to a table with "electric" lemonade.\n'
    )
    assert set(speakers(text).values()) == {None}


def test_descriptor_kinds() -> None:
    assert descriptor_kind("The city") == "city"
    assert descriptor_kind("officials") == "government"
    assert descriptor_kind("A leaked internal letter") == "document"
    assert descriptor_kind("One poster") == "person"
    assert descriptor_kind("the weather") is None
    assert descriptor_kind("its spokesman") is None
    assert person_descriptor("One  poster") == "One poster"
    assert person_descriptor("the city") is None


def test_a_statements_issuer_may_be_a_person_named_just_before() -> None:
    text = (
        "Harbour Office faces strike\n\n"
        "The Harbour Office closed the pier. The Harbour Office staff walked out at the Harbour Office.\n\n"
        "Mayor Ana Ruiz issued a statement on Monday.\n\n"
        'The statement said "we will not give in."\n'
    )
    assert speakers(text) == {"we will not": "Ana Ruiz"}  # not the principal body, not "The"


def test_the_union_is_the_union_the_article_named() -> None:
    text = 'The Harbour Workers Union met on Sunday.\n\n"We will strike," the union said.\n'
    assert speakers(text) == {"We will strike,": "Harbour Workers Union"}
    assert source_of(text, "The Harbour") == (None, None)  # the article's own statement


def test_the_lede_subject_breaks_a_tie_between_equally_mentioned_bodies() -> None:
    text = (
        "Ferry fees rise\n\n"
        "The Harbour Office will raise ferry fees from June, after a long dispute with the Rovers Club and others.\n\n"
        "The Rovers Club objected. The Harbour Office replied. The Rovers Club appealed; the Harbour Office won.\n"
    )
    ctx = context(text)
    found = bodies_of(ctx.article.text, ctx.names).principal()
    assert found is not None and found.name == "Harbour Office"


def test_the_council_is_the_latest_council_named() -> None:
    text = (
        "The Refugee Council met the Brackley Town Council on Monday about the new shelter.\n\n"
        'The Brackley Town Council approved it in May. "We have room for forty beds," the council said.\n'
    )
    assert speakers(text) == {"We have room": "Brackley Town Council"}


def test_a_descriptor_with_a_name_in_apposition_is_that_name() -> None:
    text = (
        "Blast in Eastport\n\n"
        "The Eastport Police Department is investigating the blast at the Eastport Police Department depot.\n\n"
        "One news site, Harbour Daily, claims police sources blame a gas leak.\n"
    )
    assert source_of(text, "One news site")[0] == "Harbour Daily"


def test_a_website_is_its_named_owners_even_when_not_a_known_body() -> None:
    text = (
        "Ship missing\n\n"
        "The Coastal Guard Agency searched the bay, and the Coastal Guard Agency said the Coastal Guard Agency "
        "would search again.\n\n"
        "Ship Finder's database had no sighting of the ship; the website noted a signal from the port.\n"
    )
    assert source_of(text, "Ship Finder")[0] == "Ship Finder"  # not the principal body


def test_a_bodys_short_form_is_given_its_fullest_name_and_the_article_spelling_kept_otherwise() -> None:
    text = (
        "The Northland Immigration Office sent the forms on Monday.\n\n"
        'The Immigration Office letter reads "we may extend the forms to others".\n\n'
        'The Straits Times noted the forms had grown into a "support movement".\n'
    )
    got = speakers(text)
    assert got["we may extend"] == "Northland Immigration Office"
    assert got["support movement"] == "The Straits Times"


def test_he_said_is_not_the_person_the_quotation_talks_about() -> None:
    text = (
        "Gallery opens\n\nThe painter Maria Lopez was a pioneer of colour, the curator said.\n\n"
        "For Tom Reyes, a teacher at the college, the painter Hugo Mann was also a legend. He said, "
        '"Hugo Mann was the centre of his era. Nobody painted like him."\n'
    )
    assert speakers(text)["Hugo Mann was"] == "Tom Reyes"


def test_he_said_after_a_named_subject_is_still_that_subject() -> None:
    text = (
        "Match report\n\nCoach Tom Reyes praised the team on Sunday. He said, "
        '"We played as one. Hugo Mann was everywhere."\n'
    )
    assert speakers(text)["We played as"] == "Tom Reyes"
