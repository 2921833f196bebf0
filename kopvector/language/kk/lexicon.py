"""The analyser's word knowledge: known lemmas, closed-class forms, learned statistics.

Kept apart from the suffix machinery so the same analyser can run with a lexicon
read from the shipped data files or with one built in memory from some folds of
a treebank (cross-validation must never see the fold it is scored on).
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from kopvector.language.kk.morphotactics import read_data_text

LEXICON_FILE = "morph_lexicon.tsv"  # derived from UD Kazakh KTB
STEMS_FILE = "morph_stems.tsv"  # hand-written stems
CLOSED_FILE = "morph_closed.tsv"  # hand-written closed-class and irregular forms
EXCEPTIONS_FILE = "morph_exceptions.tsv"  # derived: forms the rules get wrong
ENDINGS_FILE = "morph_endings.tsv"  # derived: how often a word-final string is an ending
CONTEXT_LETTERS = 2
_SHAPE_POS = {"verbal": frozenset({"VERB"}), "nominal": frozenset({"NOUN", "PROPN", "ADJ"})}


@dataclass(frozen=True, slots=True)
class FormEntry:
    """A whole word form whose analysis is listed rather than computed."""

    lemma: str
    pos: str
    feats: tuple[tuple[str, str], ...] = ()


@dataclass
class Lexicon:
    """Known lemmas by lower-cased spelling, listed forms, and ending statistics."""

    # lower-cased lemma -> {UPOS: {lemma as written: count}}
    lemmas: dict[str, dict[str, dict[str, int]]] = field(default_factory=dict)
    closed: dict[str, FormEntry] = field(default_factory=dict)
    hand: set[tuple[str, str]] = field(default_factory=set)  # (lower-cased lemma, UPOS) written by hand
    hand_lemmas: set[str] = field(default_factory=set)  # lower-cased hand-written lemmas
    exceptions: dict[str, FormEntry] = field(default_factory=dict)
    # Ending statistics over treebank word types. A "context" is a word-final string: an
    # ending plus up to CONTEXT_LETTERS letters before it. contexts[ctx] = types ending in
    # ctx; context_endings[(ctx, len(ending), category)] = of those, types with that ending.
    contexts: dict[str, int] = field(default_factory=dict)
    context_endings: dict[tuple[str, int, str], int] = field(default_factory=dict)
    # Ending.signature -> (types whose last letters spell such a chain, types where it is the ending)
    signatures: dict[str, tuple[int, int]] = field(default_factory=dict)
    # category -> (lemma types by last two letters, average count); filled on first use
    _finals: dict[str, tuple[dict[str, int], float]] = field(default_factory=dict, repr=False)

    def stem_shape(self, stem: str, category: str) -> float:
        """log of how much likelier than average the stem's last two letters end a known lemma.

        Kazakh stems rarely end in clusters like -рж, so "абыржып" is абыржы-п, not абырж-ып.
        """
        finals = self._finals.get(category)
        if finals is None:
            finals = self._count_finals(category)
        counts, average = finals
        return math.log((counts.get(stem[-2:], 0) + 0.5) / average)

    def _count_finals(self, category: str) -> tuple[dict[str, int], float]:
        wanted = _SHAPE_POS.get(category, _SHAPE_POS["nominal"])
        counts: dict[str, int] = {}
        for lower, by_pos in self.lemmas.items():
            if not wanted.isdisjoint(by_pos):
                counts[lower[-2:]] = counts.get(lower[-2:], 0) + 1
        average = (sum(counts.values()) / len(counts)) if counts else 1.0
        self._finals[category] = (counts, average)
        return counts, average

    def add_lemma(self, lemma: str, pos: str, count: int = 1) -> None:
        self._finals.clear()  # stem-shape counts are derived from the lemmas
        spellings = self.lemmas.setdefault(lemma.lower(), {}).setdefault(pos, {})
        spellings[lemma] = spellings.get(lemma, 0) + count

    def best(self, stem: str, allowed: frozenset[str], capital: bool | None) -> tuple[str, str, int] | None:
        """The most frequent (lemma, POS, count) for a lower-cased stem among allowed POS.

        A lower-case word prefers lower-case lemmas (астанасы -> астана, not Астана);
        a capitalised one prefers capitalised spellings (Құдай); ``None``: no preference.
        """
        by_pos = self.lemmas.get(stem)
        if not by_pos:
            return None
        found = []
        for pos, spellings in by_pos.items():
            if pos not in allowed:
                continue
            total = sum(spellings.values())
            for written, cnt in spellings.items():
                fits = capital is None or written[:1].isupper() == capital or not written[:1].isalpha()
                found.append((fits, total, cnt, pos, written))
        if not found:
            return None
        _, total, _, pos, written = max(found)
        return written, pos, total

    # --- reading and writing the package data files -------------------------------------------

    @classmethod
    def load(cls, data_dir: Path | None = None, learned: bool = True) -> Lexicon:
        """Read the shipped data files; ``learned=False`` leaves out everything derived from KTB."""
        lex = cls()
        if learned:
            for cols in _rows(LEXICON_FILE, data_dir):
                lex.add_lemma(cols[0], cols[1], int(cols[2]))
        lex.add_hand_written(data_dir)
        if learned:
            for cols in _rows(EXCEPTIONS_FILE, data_dir):
                lex.exceptions[cols[0]] = FormEntry(cols[1], cols[2])
            for cols in _rows(ENDINGS_FILE, data_dir):
                if cols[0].startswith("@"):
                    lex.signatures[cols[0][1:]] = (int(cols[1]), int(cols[2]))
                    continue
                ctx = cols[0].strip("|")
                lex.contexts[ctx] = int(cols[1])
                for item in cols[2].split(",") if len(cols) > 2 else []:
                    if item:
                        length, category, count = item.split(":")
                        lex.context_endings[(ctx, int(length), category)] = int(count)
        return lex

    def add_hand_written(self, data_dir: Path | None = None) -> None:
        """Add the hand-written stems and closed-class forms (used by every lexicon)."""
        for cols in _rows(STEMS_FILE, data_dir):
            self.add_lemma(cols[0], cols[1], 1)
            self.hand.add((cols[0].lower(), cols[1]))
            self.hand_lemmas.add(cols[0].lower())
        for cols in _rows(CLOSED_FILE, data_dir):
            feat_text = cols[3] if len(cols) > 3 else ""
            feats = tuple((k, v) for k, _, v in (i.partition("=") for i in feat_text.split("|") if "=" in i))
            self.closed[cols[0].lower()] = FormEntry(cols[1], cols[2], feats)

    @classmethod
    def from_words(cls, words: Iterable[tuple[str, str, str]], data_dir: Path | None = None) -> Lexicon:
        """Build the lemma part from gold (form, lemma, UPOS) triples plus the hand-written files."""
        lex = cls()
        for _form, lemma, upos in words:
            if upos not in ("PUNCT", "SYM") and lemma and lemma != "_":
                lex.add_lemma(lemma, upos)
        lex.add_hand_written(data_dir)
        return lex


def _rows(name: str, data_dir: Path | None) -> Iterable[list[str]]:
    try:
        text = read_data_text(name, data_dir)
    except FileNotFoundError:
        return []
    return [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]
