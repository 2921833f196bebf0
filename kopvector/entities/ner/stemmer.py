"""A light Kazakh suffix stripper for NER features.

Names inflect (Қазақстанның, Ресейге, Тоқаевтың, БҰҰ-ның); a CRF generalises far better when it also
sees the bare stem. This is not a morphological analyser: endings are stripped right to left in
Kazakh slot order (case, then possessive, then plural), and among the
candidate stems the shortest one that occurs as a word of its own in a known vocabulary wins, so
Қазақстан keeps its -стан (no ablative -тан). Gazetteer entries go through the same stripper, so an
occasional wrong stem is harmless as long as it is consistent.
"""

from __future__ import annotations

from collections.abc import Iterable

_SLOTS: tuple[str, ...] = (
    # case: genitive, accusative, dative, locative, ablative, instrumental, locative-attributive
    "ның нің дың дің тың тің ны ні ды ді ты ті н ға ге қа ке на не да де та те нда нде "
    "дан ден тан тен нан нен ндан нден мен бен пен менен бенен пенен дағы дегі тағы тегі ндағы ндегі",
    # possessive (3rd person and 1st plural)
    "сы сі ы і мыз міз ымыз іміз",
    # plural
    "лар лер дар дер тар тер",
)
# Derivational endings (-лық, -шы) are *not* stripped: министрлік (ministry, ORGANISATION) and
# министр (POSITION) must keep apart; the word's final letters still reach the CRF as features.
SLOTS: tuple[tuple[str, ...], ...] = tuple(
    tuple(sorted(group.split(), key=len, reverse=True)) for group in _SLOTS
)
# Endings written after a hyphen: БҰҰ-ның, 2014-ші, 1-інші, 2-нші, %-ке.
_NUMBER_TAILS = (
    "шы ші інші ыншы нші ншы сыншы сінші ншіден ыншыдан іншіден ншідан а е ын ін ге гі қы кі "
    "тағы тегі дағы дегі інен ынан ына іне ында інде"
)
_HYPHEN_TAILS: frozenset[str] = frozenset(s for group in SLOTS for s in group) | frozenset(
    _NUMBER_TAILS.split()
)
MIN_STEM = 3
# A vowel-initial ending voices the stem's final consonant: министрлік -> министрлігі, кітап -> кітабы.
_DEVOICE = {"г": "к", "ғ": "қ", "б": "п"}
VOWELS = frozenset("аәеиоөуұүыіэюя")
VOICELESS = frozenset("кқпстфхцчшщв")  # loanword final в sounds [ф]: Тоқаевтың
SONORANT_N = frozenset("мнң")


def _fits(previous: str, suffix: str) -> bool:
    """Kazakh sandhi: the ending's first consonant must agree with the stem's last sound."""
    first = suffix[0]
    if not previous.isalpha():
        return False
    if first in "тқкп":
        return previous in VOICELESS
    if first in "дгб":
        after_vowel_ok = suffix.startswith(("да", "де")) or first == "г"
        return previous not in VOICELESS and (after_vowel_ok or previous not in VOWELS)
    if first == "н" and suffix != "н":
        return previous in VOWELS or (suffix in ("ның", "нің") and previous in SONORANT_N)
    if suffix in ("н", "сы", "сі", "ға", "ге"):
        return previous in VOWELS or (suffix in ("ға", "ге") and previous not in VOICELESS)
    if suffix in ("ы", "і", "ымыз", "іміз"):
        return previous not in VOWELS
    return True


_SLOT_SETS: tuple[tuple[tuple[int, frozenset[str]], ...], ...] = tuple(
    tuple(
        (n, frozenset(s for s in group if len(s) == n)) for n in sorted({len(s) for s in group}, reverse=True)
    )
    for group in SLOTS
)


def candidate_stems(lower: str) -> list[tuple[str, str]]:
    """All (stem, endings) pairs from stripping one slot after another, least stripped first."""
    candidates = [(lower, "")]
    stem, removed = lower, ""
    for group in _SLOT_SETS:
        for length, suffixes in group:
            rest = len(stem) - length
            suffix = stem[rest:]
            if suffix in suffixes and rest >= MIN_STEM + (length == 1) and _fits(stem[rest - 1], suffix):
                stem, removed = stem[:rest], suffix + ("+" + removed if removed else "")
                if suffix[0] in VOWELS and stem[-1] in _DEVOICE:
                    stem = stem[:-1] + _DEVOICE[stem[-1]]
                candidates.append((stem, removed))
                break
    return candidates


class Stemmer:
    """Suffix stripper that trusts a stem only if the vocabulary knows it as a word."""

    def __init__(self, vocabulary: Iterable[str] = ()) -> None:
        self.vocabulary = frozenset(vocabulary)

    def stem(self, word: str) -> tuple[str, str]:
        """Return (lower-case stem, stripped endings joined by '+')."""
        lower = word.lower()
        head, sep, tail = lower.rpartition("-")
        if sep and head and tail in _HYPHEN_TAILS:
            return head, tail
        candidates = candidate_stems(lower)
        if len(candidates) == 1:
            return candidates[0]
        if not self.vocabulary:
            return candidates[-1]
        for stem, removed in reversed(candidates):
            if stem in self.vocabulary:
                return stem, removed
        return candidates[-1] if lower not in self.vocabulary else candidates[0]
