"""A string derived from another one, with an offset map back to the original.

Every transformation of the stored article text (NFC, quote and dash folding, Latin → Cyrillic
transliteration) returns a `MappedText`, and maps compose, so a token found in the analysed view
always reports offsets into `article.text` as stored.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from itertools import chain


@dataclass(frozen=True, slots=True)
class MappedText:
    """`text[i]` was made from `source[starts[i]:ends[i]]`."""

    text: str
    starts: tuple[int, ...]
    ends: tuple[int, ...]

    @classmethod
    def build(cls, pieces: Iterable[tuple[str, int, int]]) -> MappedText:
        """Assemble from (output piece, source start, source end) triples.

        Every character of a piece maps to the piece's whole source span, so "ш" made from Latin "sh"
        maps to both letters; a piece with empty output is a deletion and maps nothing.
        """
        chars: list[str] = []
        starts: list[int] = []
        ends: list[int] = []
        for piece, start, end in pieces:
            chars.append(piece)
            starts.extend([start] * len(piece))
            ends.extend([end] * len(piece))
        return cls("".join(chars), tuple(starts), tuple(ends))

    @classmethod
    def edited(cls, source: str, edits: Iterable[tuple[int, int, str]]) -> MappedText:
        """`source` with each (start, end, replacement) of `edits` (in order, not overlapping) applied.

        The same map as `build` with every untouched character as its own piece, but an untouched stretch
        is copied and mapped with one slice and two ranges, not character by character.
        """
        chars: list[str] = []
        starts: list[Iterable[int]] = []
        ends: list[Iterable[int]] = []
        done = 0
        for start, end, replacement in edits:
            chars += (source[done:start], replacement)
            starts += (range(done, start), [start] * len(replacement))
            ends += (range(done + 1, start + 1), [end] * len(replacement))
            done = end
        chars.append(source[done:])
        starts.append(range(done, len(source)))
        ends.append(range(done + 1, len(source) + 1))
        return cls("".join(chars), tuple(chain.from_iterable(starts)), tuple(chain.from_iterable(ends)))

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        """Map the span `text[start:end]` to the span of the source it came from."""
        if start >= end:
            if start < len(self.starts):
                return self.starts[start], self.starts[start]
            pos = self.ends[-1] if self.ends else 0
            return pos, pos
        return self.starts[start], self.ends[end - 1]

    def then(self, derived: MappedText) -> MappedText:
        """Compose: `derived` was computed from `self.text`; the result maps into `self`'s source."""
        starts = tuple(self.starts[i] for i in derived.starts)
        ends = tuple(self.ends[j - 1] for j in derived.ends)
        return MappedText(derived.text, starts, ends)
