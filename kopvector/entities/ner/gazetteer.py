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
    """Longest-match lookup of stem sequences; tags tokens B-TYPE / I-TYPE of the matched phrase.

    Phrases are kept by first stem and then by length, so a token costs one lookup per length that
    phrases starting with its stem have, however many such phrases there are ("қазақстан" starts
    hundreds). Of two equal phrases the first one given wins.
    """

    def __init__(self, phrases: Iterable[tuple[str, tuple[str, ...]]]) -> None:
        by_first: dict[str, dict[int, dict[tuple[str, ...], str]]] = {}
        for label, stems in phrases:
            if stems:
                by_size = by_first.setdefault(stems[0], {})
                by_size.setdefault(len(stems), {}).setdefault(stems, label)
        # longest first: the lengths of each first stem, descending, with their phrase tables
        self._options = {first: sorted(by_size.items(), reverse=True) for first, by_size in by_first.items()}

    def phrases(self) -> list[tuple[str, tuple[str, ...]]]:
        """All (type, stem phrase) entries."""
        return [
            (label, stems)
            for options in self._options.values()
            for _, table in options
            for stems, label in table.items()
        ]

    def __len__(self) -> int:
        return sum(len(table) for options in self._options.values() for _, table in options)

    def match(self, stems: Sequence[str]) -> list[str | None]:
        """Per token: 'B-TYPE'/'I-TYPE' of the longest phrase covering it (left to right), or None."""
        marks: list[str | None] = [None] * len(stems)
        i = 0
        n = len(stems)
        options_of = self._options.get
        while i < n:
            options = options_of(stems[i])
            matched = 0
            if options:
                for size, table in options:
                    label = table.get(tuple(stems[i : i + size])) if i + size <= n else None
                    if label is not None:
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
