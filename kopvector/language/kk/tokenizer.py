"""Kazakh tokens and sentences as offset spans, from one compiled regular expression.

Hand-written because general tokenizers split what Kazakh news keeps whole — acronyms and numbers
with hyphenated case suffixes (БҰҰ-ның, 2014-ші), hyphenated names (Қасым-Жомарт), dates (14.12.2025),
space-grouped thousands (1 500), and suffixes hyphenated to a per cent sign or a closing quote (%-ке,
«Нұр Отан»-нан) — and end sentences where Kazakh does not: after abbreviations
(ж., т.б., млрд.), initials (Н.Ә. Назарбаев) and before a quote's attribution ("..., – дейді ол.").

Decisions: a line break always ends a sentence (headlines have no stop). Numbers: digits joined by
"." or "," are one token (decimal 2,5 and 3.75; also a list written "1,2" without a space), and
groups of three digits after a 1–3 digit group and one space are one token ("1 500", "2 000 000")
because Kazakh groups thousands with spaces; a four-digit year never absorbs what follows.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

Span = tuple[int, int]

_UPPER = "A-ZА-ЯЁӘҒҚҢӨҰҮҺІÄĞÑÖŞŪÜÇİ"
_NO_BREAK_AFTER_END = frozenset(",;:")


@dataclass(frozen=True, slots=True)
class _Grammar:
    pattern: re.Pattern[str]
    final_abbreviations: frozenset[str]  # lower-cased; end a sentence only before a capital


@cache
def _grammar() -> _Grammar:
    text = resources.files("kopvector.language.kk").joinpath("data", "abbreviations.txt").read_text("utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]
    abbreviations = sorted((abbr for abbr, _kind in rows), key=len, reverse=True)
    final = frozenset(abbr for abbr, kind in rows if kind == "final")
    alternatives = "|".join(re.escape(a) for a in abbreviations)
    pattern = re.compile(
        rf"""
        (?P<url>(?:https?://|www\.)[^\s«»“”<>()]*[^\s«»“”<>().,:;!?'"])
        |(?P<email>[\w.+-]+@[\w-]+(?:\.[\w-]+)+)
        |(?P<date>(?:\d{{1,2}}\.\d{{1,2}}\.\d{{2,4}}|\d{{4}}-\d{{2}}-\d{{2}}|\d{{1,2}}:\d{{2}})(?![\d.,]\d)
            (?:-[^\W\d_]+)*)
        |(?P<num>(?:\d{{1,3}}(?:\ \d{{3}})+(?!\d)|\d+)(?:[.,]\d+)*[^\W\d_]*(?:-[^\W\d_]+)*)
        |(?P<abbr>(?<![^\W_])(?i:{alternatives})(?![^\W_]))
        |(?P<initials>(?<![^\W_])(?:[{_UPPER}]\.)+)
        |(?P<word>[^\W\d_][^\W_]*(?:'[^\W\d_]+)*(?:-[^\W_]+)*)
        |(?P<end>[.!?]+|…)
        |(?P<close>[»”)\]}}](?:-[^\W\d_]+)*)
        |(?P<dash>[–—-])
        |(?P<other>%(?:-[^\W\d_]+)*|\S)
        """,
        re.VERBOSE,
    )
    return _Grammar(pattern, final)


def tokens(text: str) -> list[Span]:
    """All token spans of `text`, in order; no token crosses a line break."""
    return [span for sentence in segment(text) for span in sentence]


def segment(text: str) -> list[list[Span]]:
    """Sentences of `text`, each a list of (start, end) token spans into `text`."""
    grammar = _grammar()
    sentences: list[list[Span]] = []
    start = 0
    length = len(text)
    while start <= length:
        stop = text.find("\n", start)
        if stop < 0:
            stop = length
        if stop > start:
            found = [(m.start(), m.end(), m.lastgroup) for m in grammar.pattern.finditer(text, start, stop)]
            if found:
                _split_line(text, found, grammar.final_abbreviations, sentences)
        start = stop + 1
    return sentences


def _split_line(
    text: str, found: list[tuple[int, int, str | None]], final: frozenset[str], out: list[list[Span]]
) -> None:
    """Cut one line's tokens into sentences and append them to `out`."""
    current: list[Span] = []
    n = len(found)
    i = 0
    while i < n:
        s, e, kind = found[i]
        current.append((s, e))
        i += 1
        if kind == "end":
            if len(current) == 2 and found[i - 2][2] == "num" and text[s:e] == ".":
                continue  # "12. Мұнан кейін ..." — a list number, not a sentence
        elif kind == "abbr" and text[s:e].lower() in final and not text[s:e].isupper():
            # "Т.Т." in capitals is a person's initials, not the list closer "т.т."
            if i < n and text[found[i][0]].isupper():
                out.append(current)
                current = []
            continue
        else:
            continue
        # A closing quote or bracket right after the stop belongs to the sentence it closes.
        while i < n and _closes(text, found, i):
            current.append(found[i][:2])
            i += 1
        if i < n and not _continues(text, found, i):
            out.append(current)
            current = []
    if current:
        out.append(current)


def _closes(text: str, found: list[tuple[int, int, str | None]], i: int) -> bool:
    """A closing quote or bracket; a straight quote closes when it touches the stop before it."""
    s, _e, kind = found[i]
    return kind == "close" or (text[s] == '"' and s == found[i - 1][1])


def _continues(text: str, found: list[tuple[int, int, str | None]], i: int) -> bool:
    """Whether the sentence goes on at token i although a stop came before it.

    It does before a lower-case word («Неге?» деп сұрады), a comma-like mark, and an attribution dash
    followed by a lower-case word ("...берді. – дейді ол.").
    """
    s, _e, kind = found[i]
    first = text[s]
    if first.islower() or first in _NO_BREAK_AFTER_END:
        return True
    if kind == "dash" and i + 1 < len(found):
        return text[found[i + 1][0]].islower()
    return False
