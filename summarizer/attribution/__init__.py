"""Who says what: the speaker of each quotation and the source of each claim, read by code.

News style puts attribution beside what is reported (``“…,” Ruiz said``, ``Ruiz, the mayor,
said:``, ``according to the ministry``, ``the report found``); these readers find it, so the model
only has to be asked where nothing in the text names anyone. One package owns attribution so
quotes and claims agree on who said what.

* ``cast``: the people an article names (``Cast``, ``cast_of``): canonical names, genders,
  descriptors, and whom a surname, pronoun or descriptor at a position means.
* ``one_word``: people named by one word ("Kim told CTV News", "Xi said", "Kim Jong-un … Kim has
  four goals").
* ``people``: names as people write them (``Person``, ``person_part``, ``clean_name``: no possessive, party
  word or descriptor in a name) and whether a mention is its clause's subject.
* ``speakers``: quote speakers from the attribution beside each quotation (``guess_speaker``,
  ``attribute_quotes``).
* ``discourse``: quotations nothing beside them attributes, read from the paragraphs around them
  (``discourse_speakers``).
* ``carry``: quotations that continue a speaker (``carry_speakers``,
  ``quote_speakers_from_sentences``).
* ``coref``: whom a speech "he/she" means (the sentence before, chained through pronoun
  subjects), whom a descriptor means, which organisation "it said" means.
* ``bodies``: the organisations an article names (``Body``, ``Bodies``, ``bodies_of``): the
  principal organisation, and what "the city", "officials" or "the letter" stand for; unnamed
  people by their descriptor ("One poster").
* ``describe``: a description as the speaker where the article names no one ("the judge said",
  "protesters chanted", "his office said").
* ``phrases``: whose words a phrase in quotation marks inside a sentence is ('to "streamline"').
* ``sources``: claim sources (``claim_source``, ``claim_sources``): each sentence read in order,
  choosing among the clause shapes below.
* ``source_clauses``: the clause shapes a claim's source takes ("according to X", "X said",
  "…, said X, a professor", "X: …") as patterns, and the small readers matching one shape each.
* ``shapes``: clause shapes beyond a plain subject-and-verb that give a claim's holder (a body's
  role before a name, "the statement said" after "In a statement, X said").
* ``provenance``: which reader gave each quotation its speaker (the cue's name, a pronoun, a
  description, a carry, the discourse …), to measure the model where code is unsure.
* ``patterns``: the regex pieces they all share (verbs of speech, names, appositives).
"""

from .bodies import Bodies, Body, bodies_of
from .carry import carry_speakers, quote_speakers_from_sentences
from .cast import Cast, Person, cast_of
from .describe import described_speakers
from .sources import claim_source, claim_sources
from .speakers import attribute_quotes, guess_speaker

__all__ = [
    "Bodies",
    "Body",
    "Cast",
    "Person",
    "attribute_quotes",
    "bodies_of",
    "carry_speakers",
    "cast_of",
    "claim_source",
    "claim_sources",
    "described_speakers",
    "guess_speaker",
    "quote_speakers_from_sentences",
]
