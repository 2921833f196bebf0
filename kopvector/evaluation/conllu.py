"""A minimal CoNLL-U reader: only what the lemma evaluation and lexicon builder need.

Hand-written because the format is ten tab-separated columns and a reader
library would be a dependency for twenty lines of code.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, slots=True)
class Word:
    """One syntactic word of a sentence (multiword-token range lines are not words)."""

    id: int
    form: str
    lemma: str
    upos: str
    feats: str


def read_sentences(path: Path) -> Iterator[list[Word]]:
    """Yield sentences as lists of syntactic words.

    Multiword-token lines ("4-5") and empty nodes ("4.1") are skipped: the
    treebank gives every syntactic word of a multiword token its own form and
    lemma, and those are what a lemmatiser is judged on.
    """
    words: list[Word] = []
    with Path(path).open(encoding="utf-8") as handle:
        for raw in handle:
            line = raw.rstrip("\n")
            if not line:
                if words:
                    yield words
                    words = []
                continue
            if line.startswith("#"):
                continue
            cols = line.split("\t")
            if len(cols) != 10 or not cols[0].isdigit():
                continue
            words.append(Word(int(cols[0]), cols[1], cols[2], cols[3], cols[5]))
    if words:
        yield words
