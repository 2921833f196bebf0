"""KazNERD IOB2 reading and our deterministic train/dev split.

Only KazNERD's *valid* split is available to us, so we carve our own train and dev parts out of it.
A random sentence sample would put near-duplicate TV-news sentences on both sides and overestimate
test F1 by ~10 points, so the split is by whole contiguous stretches instead:

* the file's sentences are cut, in order, into ``N_BLOCKS = 20`` contiguous blocks of (almost) equal
  size (block ``i`` holds sentences ``[i*n//20, (i+1)*n//20)``);
* blocks ``DEV_BLOCKS = (2, 7, 12, 17)`` -- one in every five, spread through the file -- are dev
  (20% of the sentences); the other 16 blocks are train.

Later gold sets are drawn from this dev part, so the shipped model never trains on it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

N_BLOCKS = 20
DEV_BLOCKS: tuple[int, ...] = (2, 7, 12, 17)

REPO_DIR = Path(__file__).resolve().parents[3]
DEFAULT_DATA = REPO_DIR.parent / "shared" / "data" / "kaznerd" / "IOB2_valid.txt"


@dataclass(frozen=True)
class TaggedSentence:
    """One sentence: its tokens and their IOB2 tags, same length."""

    tokens: tuple[str, ...]
    tags: tuple[str, ...]

    def __post_init__(self) -> None:
        if len(self.tokens) != len(self.tags):
            raise ValueError(f"{len(self.tokens)} tokens but {len(self.tags)} tags")


def parse_iob2(lines: Iterable[str]) -> list[TaggedSentence]:
    """Parse CoNLL lines ("token TAG", blank line between sentences); the tag is the last column."""
    sentences: list[TaggedSentence] = []
    tokens: list[str] = []
    tags: list[str] = []
    for number, raw in enumerate(lines, start=1):
        line = raw.strip()
        if not line or line.startswith("-DOCSTART-"):
            if tokens:
                sentences.append(TaggedSentence(tuple(tokens), tuple(tags)))
                tokens, tags = [], []
            continue
        parts = line.split()
        if len(parts) < 2:
            raise ValueError(f"line {number}: expected 'token TAG', got {line!r}")
        tokens.append(parts[0])
        tags.append(parts[-1])
    if tokens:
        sentences.append(TaggedSentence(tuple(tokens), tuple(tags)))
    return sentences


def read_iob2(path: Path) -> list[TaggedSentence]:
    """Read a CoNLL IOB2 file into sentences."""
    with open(path, encoding="utf-8") as handle:
        return parse_iob2(handle)


def block_bounds(n_sentences: int, n_blocks: int = N_BLOCKS) -> list[tuple[int, int]]:
    """Start/end sentence indices of the contiguous blocks, in file order."""
    return [(i * n_sentences // n_blocks, (i + 1) * n_sentences // n_blocks) for i in range(n_blocks)]


def split_train_dev(
    sentences: Sequence[TaggedSentence],
    *,
    n_blocks: int = N_BLOCKS,
    dev_blocks: Sequence[int] = DEV_BLOCKS,
) -> tuple[list[TaggedSentence], list[TaggedSentence]]:
    """Split into (train, dev) by contiguous blocks; see the module docstring."""
    train: list[TaggedSentence] = []
    dev: list[TaggedSentence] = []
    for index, (start, end) in enumerate(block_bounds(len(sentences), n_blocks)):
        (dev if index in dev_blocks else train).extend(sentences[start:end])
    return train, dev


def dev_sentences(path: Path = DEFAULT_DATA) -> list[TaggedSentence]:
    """Our dev part of KazNERD valid: the held-out gold for NER checks."""
    return split_train_dev(read_iob2(path))[1]


def train_sentences(path: Path = DEFAULT_DATA) -> list[TaggedSentence]:
    """Our train part of KazNERD valid: the only sentences the shipped model learns from."""
    return split_train_dev(read_iob2(path))[0]


def write_iob2(sentences: Iterable[TaggedSentence], path: Path) -> None:
    """Write sentences as CoNLL IOB2, e.g. to hand our dev part to `evaluate_ner`."""
    with open(path, "w", encoding="utf-8") as handle:
        for sentence in sentences:
            for token, tag in zip(sentence.tokens, sentence.tags, strict=True):
                handle.write(f"{token} {tag}\n")
            handle.write("\n")
