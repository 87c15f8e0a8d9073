"""Split long articles into sentence-aligned chunks that fit the model's context window.

Each chunk is extracted on its own; the pipeline shifts every span by the chunk's start so
offsets stay global, merges duplicates, and builds the summary from the chunk summaries.
"""

from __future__ import annotations

from .article import Article

__all__ = ["chunk_spans"]


def chunk_spans(article: Article, max_chars: int) -> list[tuple[int, int]]:
    """(start, end) ranges of at most ``max_chars``, cut between sentences where possible.

    A single sentence longer than ``max_chars`` is cut at the last whitespace that fits.
    """
    text = article.text
    if len(text) <= max_chars:
        return [(0, len(text))]
    pieces: list[tuple[int, int]] = []
    for s in article.sentences:
        start = s.start
        while s.end - start > max_chars:
            cut = text.rfind(" ", start + 1, start + max_chars)
            cut = cut if cut > start else start + max_chars
            pieces.append((start, cut))
            start = cut
            while start < s.end and text[start].isspace():
                start += 1
        pieces.append((start, s.end))
    chunks: list[tuple[int, int]] = []
    for start, end in pieces:
        if chunks and end - chunks[-1][0] <= max_chars:
            chunks[-1] = (chunks[-1][0], end)
        else:
            chunks.append((start, end))
    return chunks
