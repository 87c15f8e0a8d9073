"""Attribution shapes of the fifth written stress set (evals/wirestress, set 5, modelled on
PolNeAR / GGT / corpus text; row S5-1 in evals/devsets-attribution.md): a spokesperson named in
apposition after the person they speak for. The texts here are made up for these tests."""

from __future__ import annotations

from .conftest import quote_speakers as _speakers


def test_said_before_an_owners_role_and_a_name_is_the_named_persons() -> None:
    text = (
        "Senator digs in on tariff\n\n"
        "Sen. Miriam Oduya said on Tuesday she would not support the tariff bill.\n\n"
        '"The senator has been clear for months," said her spokeswoman, Lena Brockhurst, in a statement.\n\n'
        "Premier Tom Ellery defended the plan.\n\n"
        '"Nobody is losing a job over this," said Ellery\'s press secretary, Ruth Adeyemi-Hall.\n\n'
        "The mayor, Janet Wise, backed the plan.\n\n"
        '"She called me first," says Wise\'s husband, Carl. He laughed.\n'
    )
    got = _speakers(text)
    assert got["The senator has"] == "Lena Brockhurst"  # not the senator she speaks for
    assert got["Nobody is losing"] == "Ruth Adeyemi-Hall"
    assert got["She called me"] == "Carl"  # a first name alone, as before: "Carl. He laughed" is no name


def test_the_statement_is_the_one_who_said_in_a_statement() -> None:
    text = (
        "Minister under fire over wait times\n\n"
        "Health Minister Paul Dressler has not commented on the report.\n\n"
        "Dressler's press secretary, Amanda Kiel-Fortier, said in a statement that the criteria were clear.\n\n"
        '"The minister appreciates the work nurses do," the statement said.\n'
    )
    got = _speakers(text)
    assert got["The minister appreciates"] == "Amanda Kiel-Fortier"  # the press secretary, not the minister
