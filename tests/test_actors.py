"""Actors: the model sorts names into kinds; code reads roles, corrects kinds it is sure of and
drops what is not a name the article gives."""

from __future__ import annotations

from summarizer.article import Article
from summarizer.fields import Context
from summarizer.fields.actors import ActorsAnswer, code_kind, read_role

TEXT = (
    "Khaled Al-Maeena, editor at large at the Saudi Gazette, said the crane fell in Mecca. "
    "Prime Minister Theresa May spoke to the Associated Press. Alireza Mehraban, in their first "
    "matchup, scored twice. White House Press Secretary Jen Psaki said the Afghans and the "
    "Gabonese travelled from Herat to the Grand Mosque. Saudi Arabia sent the KPA a letter. "
    "A US intelligence official spoke too."
)


def ground(answer: dict[str, list[str]]) -> tuple[dict[str, tuple[str, str | None]], list[str]]:
    ctx = Context.of(Article.from_text(TEXT))
    values, rejected = ActorsAnswer.model_validate(answer).ground(ctx)
    return {a.name: (a.kind, a.role) for a in values["actors"]}, [r.item["name"] for r in rejected]


def test_roles_are_read_from_appositives_and_titles_and_never_guessed() -> None:
    assert read_role(TEXT, "Khaled Al-Maeena") == "editor at large at the Saudi Gazette"
    assert read_role(TEXT, "Theresa May") == "Prime Minister"
    assert read_role(TEXT, "Jen Psaki") == "Press Secretary"
    # an appositive that names no position is not a role
    assert read_role(TEXT, "Alireza Mehraban") is None


def test_code_corrects_the_kinds_it_is_sure_of() -> None:
    assert code_kind("Saudi Arabia") == "country"
    assert code_kind("Grand Mosque") == "place"
    assert code_kind("Associated Press") == "organization"
    assert code_kind("KPA") == "organization"
    assert code_kind("Afghans") == "group" and code_kind("Gabonese") == "group"
    assert code_kind("Herat", TEXT) == "place"  # "from Herat"
    assert code_kind("Alireza Mehraban", TEXT) is None  # code is not sure: the model's kind stands


def test_model_kinds_are_kept_unless_code_knows_better() -> None:
    actors, rejected = ground(
        {
            "people": ["Khaled Al-Maeena", "Saudi Arabia", "Herat", "Alireza Mehraban"],
            "organizations": ["Saudi Gazette"],
        }
    )
    assert actors["Khaled Al-Maeena"] == ("person", "editor at large at the Saudi Gazette")
    assert actors["Saudi Arabia"][0] == "country" and actors["Herat"][0] == "place"
    assert actors["Alireza Mehraban"] == ("person", None)
    assert actors["Saudi Gazette"][0] == "organization"
    assert rejected == []


def test_titles_descriptions_and_invented_names_are_not_actors() -> None:
    actors, rejected = ground(
        {
            "people": ["White House Press Secretary Jen Psaki", "White House Press Secretary", "Ana Ruiz"],
            "groups": ["A US intelligence official"],
        }
    )
    assert "Jen Psaki" in actors and actors["Jen Psaki"][0] == "person"  # the title is cut off
    assert set(rejected) == {"White House Press Secretary", "Ana Ruiz", "A US intelligence official"}


def test_a_name_listed_under_several_kinds_is_listed_once() -> None:
    actors, _ = ground({"people": ["Associated Press"], "organizations": ["Associated Press"], "places": ["Mecca"]})
    assert actors["Associated Press"][0] == "organization"
    assert list(actors).count("Associated Press") == 1


def test_a_person_the_article_quotes_is_a_person_whatever_list_the_model_put_them_in() -> None:
    actors, _ = ground({"organizations": ["Jen Psaki", "Saudi Gazette"], "places": ["Khaled Al-Maeena"]})
    assert actors["Jen Psaki"][0] == "person" and actors["Khaled Al-Maeena"][0] == "person"
    assert actors["Saudi Gazette"][0] == "organization"
