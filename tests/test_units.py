"""Units read by code from the words next to a number (the model is asked only where this reads none)."""

from __future__ import annotations

import pytest

from summarizer.candidates import scan_numbers
from summarizer.fields.figures import read_unit


@pytest.mark.parametrize(
    ("text", "number", "unit"),
    [
        ("Turnout reached 58% on Sunday.", "58%", "%"),
        ("The vote will cost NZ$26 million in all.", "$26 million", "NZD"),
        ("The plant will cost $80 million.", "$80 million", "USD"),
        ("They owe 422,000 euros in arrears.", "422,000", "EUR"),
        ("Half of the intended personnel is there.", "Half", "fraction"),
        ("A 14-year-old boy was arrested.", "14", "years"),
        ("They drove 500 miles (800 km) from Herat.", "800", "km"),
        ("Police arrived six minutes later.", "six", "minutes"),
        ("Forms run from ten to 32 pages each.", "ten", "pages"),
        ("Russia's plan includes 100 battalion tactical units and armor.", "100", "battalion tactical units"),
        ("At least 107 killed in the collapse.", "107", None),  # a verb, not a unit: the model says
        ("The number is believed to be 94,300, according to the minister.", "94,300", None),
        ("They rescued 200 more after they were found.", "200", None),
    ],
)
def test_read_unit(text: str, number: str, unit: str | None) -> None:
    (c,) = [c for c in scan_numbers(text) if c.text == number]
    assert read_unit(text, c) == unit
