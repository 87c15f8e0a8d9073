"""Deterministic scanners that offer the model candidates: quotation spans, numbers and names.

The model then only has to point at them and add what code cannot know (speaker, what a number
measures); offsets always come from here or from the aligner, never from the model.

* ``quotes``: ``scan_quotes``, ``QuoteCandidate``.
* ``numbers``: ``scan_numbers``, ``NumberCandidate``, ``parse_number``: every number, typed.
* ``units``: the unit and figure type of a number, read from the words next to it.
  (``counted``: ``subject_before``, the counted noun of a number given as a predicate).
* ``measures``: ``measures_of``, what a number counts or measures, from its own clause
  (``clauses``: the readers of a clause's verb).
* ``names``: ``scan_names``, ``NameCandidate``, ``countries``; ``NAME``, the one pattern for a name
  inside the other scanners' patterns (a race's candidates, a figure's owner).
* ``clause_source``: who gives a figure when its own clause names a speaker of its own.

The word lists they read are ``summarizer.lexicon``'s.
"""

from .clause_source import clause_source
from .counted import subject_before
from .names import NameCandidate, countries, scan_names
from .numbers import FIGURE_TYPES, NumberCandidate, parse_number, scan_numbers
from .quotes import QuoteCandidate, scan_quotes
from .units import QUANTITY_UNITS, UNIT_STOP, plural, read_unit, type_and_unit

__all__ = [
    "FIGURE_TYPES",
    "QUANTITY_UNITS",
    "UNIT_STOP",
    "NameCandidate",
    "NumberCandidate",
    "QuoteCandidate",
    "clause_source",
    "countries",
    "parse_number",
    "plural",
    "read_unit",
    "scan_names",
    "scan_numbers",
    "scan_quotes",
    "subject_before",
    "type_and_unit",
]
