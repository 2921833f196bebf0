"""Unicode NFC plus folding of quote, dash and space variants, keeping an offset map.

Crawled Kazakh news mixes "—", "–" and "-", typographic and ASCII quotes, no-break and thin spaces,
soft hyphens and decomposed letters (и + combining breve). The models see one form of each; the map
keeps every offset pointing into the text as stored. `unicodedata.normalize` cannot report offsets,
so NFC is applied per combining sequence, which is where composition happens.
"""

from __future__ import annotations

import unicodedata

from kopvector.text.mapped import MappedText

# One target form per family; deletions map to "".
_FOLD: dict[str, str] = {
    **dict.fromkeys("\u2012\u2013\u2014\u2015", "\u2013"),
    **dict.fromkeys("\u2010\u2011\u2212", "-"),
    **dict.fromkeys("\u201e\u201f", "\u201c"),
    **dict.fromkeys("\u2018\u2019\u201a\u201b\u02bc\u0060\u2032", "'"),
    "\u2033": '"',
    **dict.fromkeys(
        "\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000\t\v\f",
        " ",
    ),
    **dict.fromkeys("\u2028\u2029\u0085", "\n"),
    **dict.fromkeys("\u200b\u200c\u200d\u2060\ufeff\u00ad", ""),
}


_ASCII_FOLDED = frozenset(ch for ch in [*_FOLD, "\r"] if ch.isascii())


def _pieces(text: str):
    """Yield (output, start, end): NFC per combining sequence, folding per character, CRLF → LF."""
    n = len(text)
    i = 0
    while i < n:
        ch = text[i]
        if ch == "\r":
            if i + 1 < n and text[i + 1] == "\n":
                yield "\n", i, i + 2
                i += 2
            else:
                yield "\n", i, i + 1
                i += 1
            continue
        j = i + 1
        while j < n and unicodedata.combining(text[j]):
            j += 1
        if j == i + 1:
            yield _FOLD.get(ch, ch), i, j
        else:
            yield unicodedata.normalize("NFC", text[i:j]), i, j
        i = j


def normalize(text: str) -> MappedText:
    """The analysed form of `text`, mapped back to it character by character."""
    if text.isascii() and not _ASCII_FOLDED.intersection(text):
        return MappedText.identity(text)
    return MappedText.build(_pieces(text))
