"""Kazakh sound classes and vowel harmony, as the suffix table needs them.

Suffix allomorphs are chosen by the last sound of what precedes them (vowel,
sonorant, nasal, voiced or voiceless consonant) and by the harmony (back/front)
of the last vowel. Keeping those two judgements here lets the suffix table in
``data/morph_suffixes.tsv`` name classes instead of letters.
"""

from __future__ import annotations

BACK_VOWELS = frozenset("аоұыяё")
FRONT_VOWELS = frozenset("әөүіеэ")
# и, у and ю spell a vowel plus a glide ([ɪj], [ʊw], [jʊw]); suffixes treat them like
# the sonorants й/р and they do not tell the harmony.
GLIDE_VOWELS = frozenset("иую")
VOWELS = BACK_VOWELS | FRONT_VOWELS | GLIDE_VOWELS

_CLASS_OF = {
    **{ch: "V" for ch in BACK_VOWELS | FRONT_VOWELS},
    **{ch: "S" for ch in "рйиую"},
    "л": "L",
    **{ch: "N" for ch in "мнң"},
    **{ch: "Z" for ch in "жз"},
}

# Class sets written in the suffix table: "C" is any consonant, "ANY" anything.
CLASS_ALIASES: dict[str, frozenset[str]] = {
    "C": frozenset({"S", "L", "N", "Z", "K"}),
    "ANY": frozenset({"V", "S", "L", "N", "Z", "K", "P3", "P12"}),
}


def sound_class(text: str) -> str:
    """Class of the last letter of ``text``: V, S, L, N, Z or K (voiceless, and anything else).

    The soft and hard signs of Russian loans are skipped: Израиль takes -дің like ел.
    """
    for ch in reversed(text.lower()):
        if ch.isalpha() and ch not in "ьъ":
            return _CLASS_OF.get(ch, "K")
    return "K"


def harmony(text: str) -> str | None:
    """'B' (back) or 'F' (front) from the last vowel that tells it, or None if none does.

    A final soft sign makes a loan front (Израиль -> Израильдің).
    """
    if text.endswith(("ь", "Ь")):
        return "F"
    for ch in reversed(text.lower()):
        if ch in BACK_VOWELS:
            return "B"
        if ch in FRONT_VOWELS:
            return "F"
    return None


def has_vowel(text: str) -> bool:
    """True if ``text`` contains a vowel letter; a Kazakh stem always does."""
    return not VOWELS.isdisjoint(text.lower())


def expand_classes(spec: str) -> frozenset[str]:
    """Turn a comma list from the suffix table ("V,S,P3" or "C") into a set of classes."""
    out: set[str] = set()
    for part in spec.split(","):
        part = part.strip()
        if part:
            out |= CLASS_ALIASES.get(part, frozenset({part}))
    return frozenset(out)
