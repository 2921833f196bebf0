"""Which alphabet a text is written in: Cyrillic or Latin, by counting letters."""

from __future__ import annotations


def letter_counts(text: str) -> tuple[int, int]:
    """(Cyrillic letters, Latin letters) in `text`."""
    cyr = lat = 0
    for ch in text:
        if ch.isalpha():
            if "\u0400" <= ch <= "\u04ff":
                cyr += 1
            elif ch.isascii() or "\u00c0" <= ch <= "\u024f":
                lat += 1
    return cyr, lat


def detect_script(text: str) -> str:
    """ "Latn" when Latin letters outnumber Cyrillic ones, else "Cyrl" (also for text with no letters)."""
    cyr, lat = letter_counts(text)
    return "Latn" if lat > cyr else "Cyrl"
