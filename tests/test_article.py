"""Loading rules and sentence offsets; bad input through the Python API."""

from __future__ import annotations

from pathlib import Path

import pytest

from summarizer import BadInputError, summarize
from summarizer.article import Article, read_article_bytes
from summarizer.loading import load_article
from summarizer.text import split_sentences

from .conftest import SEED


def test_offsets_refer_to_the_file_as_read() -> None:
    article = load_article(SEED)
    assert article.text == SEED.read_bytes().decode("utf-8")
    for s in article.sentences:
        assert article.text[s.start : s.end] == s.text


def test_sentences_split_on_punctuation_but_not_on_abbreviations_or_initials() -> None:
    text = "Mr. Putin met John F. Kennedy Jr. in the U.S. yesterday. “It went well,” he said. Then he left.\n\nNew para"
    got = [s.text for s in split_sentences(text)]
    assert got == [
        "Mr. Putin met John F. Kennedy Jr. in the U.S. yesterday.",
        "“It went well,” he said.",
        "Then he left.",
        "New para",
    ]


def test_crlf_and_bom_are_handled_without_shifting_offsets() -> None:
    data = "\ufeffLine one.\r\nLine two.".encode()
    article = read_article_bytes(data, "x")
    assert article.text == "Line one.\r\nLine two."
    assert [s.text for s in article.sentences] == ["Line one.", "Line two."]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "is empty"),
        (b" \n \t", "is empty"),
        (b"\x00\x01\x02binary", "binary"),
        ("na\xefve caf\xe9".encode("latin-1"), "not UTF-8"),
        (b"<html><body><p>a</p><p>b</p><p>c</p><div>d</div></body></html>", "HTML"),
    ],
)
def test_bad_bytes_are_refused_with_a_reason(data: bytes, message: str) -> None:
    with pytest.raises(BadInputError, match=message):
        read_article_bytes(data, "input.txt")


def test_missing_path_and_directory(tmp_path: Path) -> None:
    with pytest.raises(BadInputError, match="no such file"):
        load_article(tmp_path / "nope.txt")
    with pytest.raises(BadInputError, match="is a directory"):
        load_article(tmp_path)


def test_python_api_refuses_bad_text_before_any_backend_is_made(tmp_path: Path) -> None:
    with pytest.raises(BadInputError):
        summarize("   ", cache_path=tmp_path / "c.sqlite")
    with pytest.raises(BadInputError, match="above the limit"):
        summarize("word " * 100, cache_path=tmp_path / "c.sqlite", max_article_chars=50)
    assert not (tmp_path / "c.sqlite").exists()


def test_article_hash_is_of_the_text() -> None:
    import hashlib

    a = Article.from_text("Some article text.")
    assert a.sha256 == hashlib.sha256(b"Some article text.").hexdigest()
