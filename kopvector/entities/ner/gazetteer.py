"""Phrase lists matched on stems: the hand-written gazetteer and the train-derived entity lexicon.

Matching on stems lets one nominative entry (Қазақстан) also fire on Қазақстанның, Қазақстанға...
Only the last token of a phrase inflects in Kazakh, so stemming every token is harmless for matching.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

GAZETTEER_PATH = Path(__file__).resolve().parent / "model" / "gazetteer.tsv"


def read_phrase_table(path: Path) -> list[tuple[str, str]]:
    """Read ``TYPE<TAB>phrase`` lines ('#' starts a comment) into (type, phrase) pairs."""
    entries: list[tuple[str, str]] = []
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            label, _, phrase = line.partition("\t")
            if phrase:
                entries.append((label, phrase))
    return entries


class PhraseMatcher:
    """Longest-match lookup of stem sequences; tags tokens B-TYPE / I-TYPE of the matched phrase."""

    def __init__(self, phrases: Iterable[tuple[str, tuple[str, ...]]]) -> None:
        self._by_first: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        for label, stems in phrases:
            if stems:
                self._by_first.setdefault(stems[0], []).append((stems, label))
        for options in self._by_first.values():
            options.sort(key=lambda item: -len(item[0]))
        self.max_len = max((len(s) for opts in self._by_first.values() for s, _ in opts), default=0)

    def phrases(self) -> list[tuple[str, tuple[str, ...]]]:
        """All (type, stem phrase) entries."""
        return [(label, stems) for options in self._by_first.values() for stems, label in options]

    def __len__(self) -> int:
        return sum(len(options) for options in self._by_first.values())

    def match(self, stems: Sequence[str]) -> list[str | None]:
        """Per token: 'B-TYPE'/'I-TYPE' of the longest phrase covering it (left to right), or None."""
        marks: list[str | None] = [None] * len(stems)
        i = 0
        n = len(stems)
        while i < n:
            options = self._by_first.get(stems[i])
            matched = 0
            if options:
                for phrase, label in options:
                    size = len(phrase)
                    if tuple(stems[i : i + size]) == phrase:
                        marks[i] = "B-" + label
                        for j in range(i + 1, i + size):
                            marks[j] = "I-" + label
                        matched = size
                        break
            i += matched or 1
        return marks


def stem_phrase(phrase: str, stem: Callable[[str], str]) -> tuple[str, ...]:
    """Stems of a whitespace-separated phrase, as the matcher compares them."""
    return tuple(stem(token) for token in phrase.split())
