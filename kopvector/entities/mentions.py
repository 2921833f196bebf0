"""Mention spans of a sentence: the NER's spans and the catalog matcher's, merged.

Policy (catalog names are exact, the CRF's boundaries are not):
- an NER span is cut at brackets and quotes and trimmed of edge punctuation, since a name never spans
  "(" without its ")";
- every catalog match is a mention; where an NER span has the same tokens, one mention remains, and it
  keeps the NER's GPE/LOCATION distinction for places;
- an NER span that overlaps catalog matches is dropped when they cover all of its words or carry its
  label (it was the same name cut wrongly); otherwise it stays beside them, e.g. a POSITION
  "БҰҰ Бас хатшысы" around the organisation "БҰҰ";
- a person span loses a role word before the name and words after the surname;
- a catalog person that an NER person span extends to the left ("Ғалым" + "Әбдірахманов") gives way to
  it: a different first name is a different person, and the full name is linked as a whole.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence

from kopvector.entities.matcher import CatalogMatch

_BREAKS = frozenset('()[]«»“”"')
# Endings of Kazakh, Russian and other surnames in the press: a name ends with its surname.
SURNAME_STEMS = ("ов", "ев", "ова", "ева", "ин", "ина", "ұлы", "қызы", "ян", "енко", "ский", "ская")
# "Түркітанушы", "Германиятанушы": a capitalised "-ologist" before a name is a role, not the name.
_EXPERT_SUFFIX = "танушы"
_PLACE_LABELS = frozenset({"GPE", "LOCATION"})
# Lower-case words inside a foreign name ("Стаффан де Мистура", "Урсула фон дер Ляйен"), which the NER
# leaves out and so cuts one person in two.
_NAME_PARTICLES = frozenset(
    {"де", "фон", "дер", "ван", "ди", "да", "дю", "ла", "ле", "аль", "әл", "бин", "ибн"}
)

Span = tuple[int, int, str]


def iob_spans(tags: Sequence[str]) -> Iterator[Span]:
    """(first, last, label) of each entity in an IOB2 sequence; a stray I- starts a new entity."""
    begin: int | None = None
    label = ""
    for i, tag in enumerate([*tags, "O"]):
        prefix, _, kind = tag.partition("-")
        continues = prefix == "I" and begin is not None and kind == label
        if begin is not None and not continues:
            yield begin, i, label
            begin = None
        if prefix in ("B", "I") and not continues:
            begin, label = i, kind


def _is_word(token: str) -> bool:
    return any(ch.isalnum() for ch in token)


def clean_spans(spans: Sequence[Span], words: Sequence[str]) -> list[Span]:
    """Cut spans at brackets and quotes and trim punctuation from their edges."""
    cleaned: list[Span] = []
    for first, last, label in spans:
        start = first
        for i in range(first, last + 1):
            if i == last or words[i] in _BREAKS:
                lo, hi = start, i
                while lo < hi and not _is_word(words[lo]):
                    lo += 1
                while hi > lo and not _is_word(words[hi - 1]):
                    hi -= 1
                if lo < hi:
                    cleaned.append((lo, hi, label))
                start = i + 1
    return cleaned


def trim_person(first: int, last: int, words: Sequence[str]) -> tuple[int, int]:
    """A person span without a role word before the name ("Түркітанушы Зәуреш ...") or a capitalised
    word after the surname ("... Оспанов Солтүстік Кипрге"), which the NER often takes in."""
    while last - first > 2 and words[first].lower().endswith(_EXPERT_SUFFIX):
        first += 1
    for i in range(first + 1, last - 1):
        if words[i].lower().endswith(SURNAME_STEMS):
            return first, i + 1
    return first, last


def join_particles(ner: Sequence[Span], catalog: Sequence[CatalogMatch], words: Sequence[str]) -> list[Span]:
    """Two person spans with only name particles between them are one person ("Стаффан де Мистура"),
    unless the catalog knows either part: "Путин де, Си Цзиньпин де" is two, "де" being "also"."""
    known = {i for m in catalog if m.label == "PERSON" for i in range(m.first, m.last)}
    joined: list[Span] = []
    for first, last, label in ner:
        if joined and label == "PERSON" and joined[-1][2] == "PERSON":
            start, end, _ = joined[-1]
            between = words[end:first]
            if (
                between
                and all(w in _NAME_PARTICLES for w in between)
                and known.isdisjoint(range(start, last))
            ):
                joined[-1] = (start, last, label)
                continue
        joined.append((first, last, label))
    return joined


def merge(ner: Sequence[Span], catalog: Sequence[CatalogMatch], words: Sequence[str]) -> list[Span]:
    """The sentence's mentions, ordered by position (longer first when two start together)."""
    ner = join_particles(ner, catalog, words)
    ner = [
        (*trim_person(f, la, words), lb) if lb == "PERSON" else (f, la, lb)
        for f, la, lb in clean_spans(ner, words)
    ]
    persons = [(f, la) for f, la, lb in ner if lb == "PERSON"]
    known = {(m.first, m.last) for m in catalog if m.label == "PERSON"}
    catalog = [
        m
        for m in catalog
        if not (
            m.label == "PERSON"
            and any(f < m.first and m.last == la and (f, m.first) not in known for f, la in persons)
        )
    ]  # "Ғалым Әбдірахманов" is not the catalog's "Әбдірахманов": the full name decides; but "Тоқаев Мун Чжэ
    # Инмен", which the NER took for one name, is two the catalog knows
    merged: list[Span] = []
    covered: set[int] = set()
    for match in catalog:
        covered.update(range(match.first, match.last))
        same = next(((f, la, lb) for f, la, lb in ner if (f, la) == (match.first, match.last)), None)
        keep_ner_label = same is not None and same[2] in _PLACE_LABELS and match.label in _PLACE_LABELS
        merged.append((match.first, match.last, same[2] if keep_ner_label and same else match.label))
    for first, last, label in ner:
        overlapping = [m for m in catalog if m.first < last and first < m.last]
        if overlapping:
            all_covered = all(i in covered for i in range(first, last) if _is_word(words[i]))
            if all_covered or any(m.label == label for m in overlapping):
                continue
        merged.append((first, last, label))
    return sorted(merged, key=lambda span: (span[0], -span[1]))


def compound_parts(
    text: str, norm: str, country_of: Callable[[str], str | None]
) -> list[tuple[int, int, str]]:
    """Parts of a hyphenated compound that each name a country ("қазақ-өзбек", "Қазақстан-Қытай").

    Returns (start, end) offsets into `text` (the token as written, Latin or Cyrillic) with the part's
    analysed form, or nothing unless every part names a country.
    """
    written, analysed = text.split("-"), norm.split("-")
    if len(analysed) < 2 or len(written) != len(analysed) or not all(country_of(p) for p in analysed):
        return []
    parts, offset = [], 0
    for raw, part in zip(written, analysed, strict=True):
        parts.append((offset, offset + len(raw), part))
        offset += len(raw) + 1
    return parts
