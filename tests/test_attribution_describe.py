"""Description speakers (evals/devsets-attribution.md, R44 on): where the article names no one, the
subject of the quotation's speech cue as the article writes it; made-up texts here."""

from __future__ import annotations

from .conftest import quote_speakers as _speakers


def test_a_description_that_speaks_is_the_speaker_when_no_one_is_named() -> None:
    text = (
        "Bridge closure upheld\n\n"
        "Carl Ebert was fined in 2017 for blocking the old bridge with his truck.\n\n"
        "In a written ruling, the Ohio appeals judge said Ebert showed no sign of a "
        '"realistic plan to pay the fines" and ordered the truck sold.\n\n'
        "As the crowd waited outside the courthouse, protesters chanted “Open the bridge now!”\n\n"
        "The city had closed the bridge in March. In a statement, her office said: “The ruling "
        "speaks for itself and we will comply with it.\n\n"
        "“We thank residents for their patience.”\n\n"
        "“Can we cross it tomorrow?” asks my seven-year-old.\n"
    )
    got = _speakers(text)
    assert got["realistic plan to"] == "the Ohio appeals judge"  # not Ebert, whom the ruling is about
    assert got["Open the bridge"] == "protesters"
    assert got["The ruling speaks"] == "her office"
    assert got["We thank residents"] == "her office"  # the quotation continues it
    assert got["Can we cross"] == "my seven-year-old"


def test_a_description_is_a_named_person_only_where_the_text_says_so() -> None:
    text = (
        "Premier visits mill town\n\n"
        "Premier Ana Ruiz toured the mill in Alder Falls on Monday.\n\n"
        'The premier said the province was "fully behind the workers" of the mill.\n\n'
        "A second video shows a mill executive at the meeting. “This is a business decision,” "
        "the executive tells the workers.\n\n"
        "“We are moving south,” the manager tells employees, describing how their jobs will go to Mexico.\n\n"
        "Hank Moss, a senior executive at the parent company, spoke later in the day.\n"
    )
    got = _speakers(text)
    assert got["fully behind the"] == "Ana Ruiz"  # the Cast knows her by that role, named before
    assert got["This is a"] == "the executive"  # Hank Moss is named only after: someone else
    assert got["We are moving"] == "the manager"


def test_a_description_after_a_named_subject_is_that_person_and_a_body_descriptor_its_body() -> None:
    text = (
        "Adoption stalled\n\n"
        "Ben Okafor held a town hall on Thursday night in Milton.\n\n"
        'The prime minister said he was "deeply troubled" by the delays.\n\n'
        "In a statement, IRCC did not reveal any details, but said each case is reviewed.\n\n"
        'The department added that "extra steps may be needed" in some cases.\n\n'
        "Nobody spoke for hours. He wouldn't let anyone leave the hall.\n\n"
        'The chairman said the meeting was "a waste of everyone\'s time" and left.\n'
    )
    got = _speakers(text)
    assert got["deeply troubled"] == "Ben Okafor"  # the sentence before opens with him
    assert got["extra steps may"] == "IRCC"  # the organisation last shown saying something
    assert got["a waste of"] == "The chairman"  # not whom the "he" before may mean


def test_pronouns_function_words_and_documents_are_never_description_speakers() -> None:
    text = (
        "Plant to close\n\n"
        "Workers gathered at the gate of the plant on Friday.\n\n"
        "His salespeople were told, “You sell feelings, not products.”\n\n"
        "The hall filled with chants, with signs of “Welcome home, Joe!” shooting into view.\n\n"
        'The lawsuit says the county\'s "inadequate number of voting centers" hurt voters.\n'
    )
    got = _speakers(text)
    assert got["You sell feelings,"] is None  # the passive's subject is who was told, not who said it
    assert got["Welcome home, Joe!"] is None  # "the hall filled with" is no speaker
    assert got["inadequate number of"] is None  # a document is not a speaker of its own


def test_a_description_after_a_fronted_while_clause_opener_speaks() -> None:
    text = (
        "Clinic funding renewed\n\n"
        "Lena Ford runs the clinic's new programme for young parents.\n\n"
        "While some critics say the city should not be paying a “middle man” for the service, "
        "Ford says the results speak for themselves.\n"
    )
    assert _speakers(text)["middle man"] == "some critics"  # not Ford, who answers them


def _quotes(text: str) -> list[tuple[str, str | None]]:
    from summarizer.devsets.ggt import code_quotes

    return [(q["text"], q["speaker"]) for q in code_quotes(text, "test")]


def test_a_long_title_and_a_pull_quote_of_the_articles_own_words_are_not_quotes() -> None:
    text = (
        "What my kids watch\n\n"
        'Last week we watched "Tales Of The Deep: The Whale Who Sang To Me" at home.\n\n'
        "Most of the male characters in those shows are stuck in the old 'strong man' mould, I find.\n\n"
        "“Dad, the whale is a girl,” said my daughter Ella Moss.\n\n"
        "We talked about it over dinner that night.\n\n"
        "\"Most of the male characters in those shows are stuck in the old 'strong man' mould, I find.\"\n\n"
        "Her brother Tom Moss disagreed. “The whale is a boy,” he said.\n"
    )
    got = _quotes(text)
    texts = [t for t, _ in got]
    assert not any(t.startswith("Tales Of The Deep") for t in texts)  # a title of ten words or fewer
    assert not any(t.startswith("Most of the male") for t in texts)  # repeats the article's own sentence
    assert ("Dad, the whale is a girl,", "Ella Moss") in got or ("Dad, the whale is a girl", "Ella Moss") in got
    assert any(t.startswith("The whale is a boy") and who == "Tom Moss" for t, who in got)


def test_a_quotation_repeated_in_an_earlier_caption_keeps_its_speaker() -> None:
    text = (
        "Mayor backs the new bridge\n\n"
        "Mayor Ana Ruiz: we cannot wait another ten years for this bridge\n\n"
        "The council voted on Monday to fund the bridge.\n\n"
        "“We cannot wait another ten years for this bridge,” Ruiz said.\n"
    )
    got = _quotes(text)
    assert any(t.startswith("We cannot wait") and who == "Ana Ruiz" for t, who in got)


def test_a_document_sent_by_someone_is_their_word_and_went_on_to_say_is_a_cue() -> None:
    text = (
        "Radio station loses court fight\n\n"
        "The judge ordered the station to hand over its members' e-mail addresses.\n\n"
        "A statement e-mailed to The Star by Nadia Brooks, who chairs the board, said “the station "
        "will respect the order of the court.”\n\n"
        "Paul Grady wrote that the board had ignored its members for years. Grady went on to say, "
        "“Nobody on the board ever answered a single letter.”\n"
    )
    got = _speakers(text)
    assert got["the station will"] == "Nadia Brooks"  # not The Star, to whom it was sent
    assert got["Nobody on the"] == "Paul Grady"


def test_a_photo_credit_with_a_spaced_slash_is_nobody_who_speaks() -> None:
    text = (
        "Couple beats the odds\n\n"
        "Lena Ford met her partner on a dating app in 2015.\n\n"
        "Tijana Marek / The Canadian Press Lena Ford and her dog at home in Toronto.\n\n"
        'He was patient with her. But he told her, "I see you beyond the illness."\n'
    )
    assert _speakers(text)["I see you"] != "Tijana Marek"


def test_boilerplate_run_into_the_text_is_no_person() -> None:
    text = (
        "Cookbook author on tour\n\n"
        "Dorie Lamb became a food columnist in the 1990s and wrote for magazines for years. Article "
        "Continued Below In addition to her own books, Lamb also co-wrote cookbooks with chefs. “They "
        "were all chefs and I made them accessible,” she says. “I loved doing that.”\n"
    )
    got = _speakers(text)
    assert got["They were all"] == "Dorie Lamb"
    assert got["I loved doing"] == "Dorie Lamb"


def test_a_glued_sentence_break_still_ends_the_sentence_before_a_pronoun() -> None:
    text = (
        "Family fights for adopted son\n\n"
        "Officials told Tom Okafor in June that the boy's papers were incomplete, and the ministry "
        "stressed Friday that a final decision has not yet been made.Ana Ruiz said the family is "
        'working with a lawyer as they weigh their options."We are not giving up on him," she said.'
        '"It has been a long year."BC Hydro said in a statement that power was back."Crews worked '
        'all night," it said.\n'
    )
    got = _speakers(text)
    assert got["We are not"] == "Ana Ruiz"  # "made.Ana Ruiz said": a new sentence, hers
    assert got["Crews worked all"] == "BC Hydro"


def test_an_age_as_the_speaker_is_the_one_person_given_that_age() -> None:
    text = (
        "Bridge stays shut\n\n"
        "Councillor Tom Porter, 61, met residents on Tuesday. Jane Reed, 54, a former engineer, led "
        "the campaign against the closure.\n\n"
        "“We were never told about the cracks,” the 54-year-old said.\n\n"
        "“The city has a plan,” said the 61-year-old councillor.\n\n"
        "The 54-year-old said: “We will be back next week.”\n"
    )
    got = _speakers(text)
    assert got["We were never"] == "Jane Reed"
    assert got["The city has"] == "Tom Porter"
    assert got["We will be"] == "Jane Reed"


def test_an_age_two_people_share_names_no_one() -> None:
    text = (
        "Arrest in Duncan\n\n"
        "Police arrested 54-year-old Sam Hale of Duncan on Friday. His neighbour Ann Lee (54) saw it.\n\n"
        "“I did nothing wrong,” the 54-year-old said.\n"
    )
    assert _speakers(text)["I did nothing"] is None


def test_a_pronoun_after_an_age_speaker_leans_on_it() -> None:
    text = (
        "Bridge stays shut\n\n"
        "Councillor Tom Porter, 61, met residents on Tuesday. Jane Reed, 54, a former engineer, and "
        "Paul Dunn, 47, led the campaign against the closure.\n\n"
        "“We were never told about the cracks,” the 47-year-old said.\n\n"
        "“We will not stop until it reopens,” he said.\n"
    )
    got = _speakers(text)
    assert got["We were never"] == "Paul Dunn"
    assert got["We will not"] == "Paul Dunn"  # not Porter, the other man named


def test_a_description_that_brings_in_the_quotation_with_a_colon_speaks() -> None:
    text = (
        "Budget passes\n\n"
        "Opposition leader Karl Brandt attacked the budget on Wednesday. Finance Minister Rosa Diaz "
        "defended it.\n\nBrandt called it reckless.\n\n"
        "The minister was defiant: “This budget is about the future of our children.”\n"
    )
    assert _speakers(text)["This budget is"] == "Rosa Diaz"  # not Brandt, named last
