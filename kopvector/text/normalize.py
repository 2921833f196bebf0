"""Unicode NFC plus folding of quote, dash and space variants, keeping an offset map.

Crawled Kazakh news mixes "—", "–" and "-", typographic and ASCII quotes, no-break and thin spaces,
soft hyphens and decomposed letters (и + combining breve). The models see one form of each; the map
keeps every offset pointing into the text as stored. `unicodedata.normalize` cannot report offsets,
so NFC is applied per combining sequence, which is where composition happens.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

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


def _edits(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, replacement) of what changes: CRLF → LF, NFC per combining sequence, folding.

    One regular expression over the text, made of the special characters it actually contains (a
    combining mark, a folded character, CR), so unchanged text is skipped in C. A combining sequence
    is composed whole, even where NFC leaves it as it is, and its characters map to all of it.
    """
    present = set(text)
    marks = "".join(re.escape(ch) for ch in present if unicodedata.combining(ch))
    folded = "".join(re.escape(ch) for ch in present if _FOLD.get(ch, ch) != ch)
    alternatives = [r"\r\n?"]
    if marks:
        alternatives.append(f".[{marks}]+")
    if folded:
        alternatives.append(f"[{folded}]")
    for match in re.finditer("|".join(alternatives), text, re.DOTALL):
        piece = match.group()
        if piece[0] == "\r":
            replacement = "\n"
        elif len(piece) > 1:
            replacement = unicodedata.normalize("NFC", piece)
        else:
            replacement = _FOLD[piece]
        yield match.start(), match.end(), replacement


def normalize(text: str) -> MappedText:
    """The analysed form of `text`, mapped back to it character by character."""
    return MappedText.edited(text, _edits(text))
