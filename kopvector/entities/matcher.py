"""Catalog matcher: names from the reference catalog, found on lemmas, beside the statistical NER.

KazNERD is TV news; it has few Latin acronyms (UNIFIL, MINURSO) and few peace-operation places, so a
CRF trained on it cuts such names wrongly ("Ливандағы UNIFIL" as one organisation) or misses them.
A gazetteer over Kazakh must match on lemmas, because only the last word of a name is inflected
("Батыс Сахарадағы" → "Батыс Сахара"); no phrase matcher in a library does that for Kazakh, hence this
module. It matches names and aliases only (not demonyms or compound stems, which are not names), and
only spans that start with a capital letter or a digit, as Kazakh names do.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass

from kopvector.entities.catalog import Catalog
from kopvector.entities.catalog.model import CatalogEntry
from kopvector.language.kk.morphology import CACHE_SIZE, Analyzer
from kopvector.language.kk.morphology import CASE_SLOTS as _CASE_SLOTS

_PLACE_LABELS = {"landmark": "LOCATION", "landform": "LOCATION"}
_KIND_LABELS = {
    "country": "GPE",
    "org": "ORGANISATION",
    "mission": "ORGANISATION",
    "body": "ORGANISATION",
    "person": "PERSON",
}
MAX_WORDS = 8
# Punctuation that may stand inside a name: "Орталық Азия – АҚШ", "C5+1".
_JOINERS = frozenset({"–", "+", "-"})


@dataclass(frozen=True, slots=True)
class CatalogMatch:
    """Tokens [first, last) of a sentence name catalog entries `ids` (ambiguity kept, not resolved).

    `reading` is the last word's lemma and features when only the catalog tells them: the analyser
    reads an unknown "Мюнхенде" as a bare word, the catalog's "Мюнхен" shows it is its locative."""

    first: int
    last: int
    label: str
    ids: tuple[str, ...]
    reading: tuple[str, dict[str, str]] | None = None


def label_of(entry: CatalogEntry) -> str:
    """The KazNERD class a catalog entry's mentions carry."""
    if entry.type == "place":
        return _PLACE_LABELS.get(str(entry.extra.get("kind", "")), "GPE")
    return _KIND_LABELS[entry.type]


def _is_acronym(form: str) -> bool:
    """All capitals (digits and + allowed) in one word: "ЕҚЫҰ", "C5+1", "UNIFIL"."""
    letters = [ch for ch in form if ch.isalpha()]
    return bool(letters) and all(ch.isupper() for ch in letters) and " " not in form.strip()


def _key(words: Sequence[str]) -> str:
    """The comparison form: case-folded, single spaces, "+" joined ("C5 + 1" as tokenized = "C5+1",
    "ОПЕК +" = "ОПЕК+")."""
    return (
        " ".join(" ".join(words).replace("ё", "е").casefold().split()).replace(" +", "+").replace("+ ", "+")
    )


class CatalogMatcher:
    """Longest-first matching of catalog names over a sentence's analysed words."""

    def __init__(self, catalog: Catalog, analyzer: Analyzer) -> None:
        self.catalog = catalog
        self.analyzer = analyzer
        forms: dict[str, list[str]] = {}
        for entry in catalog:
            for form in self._forms_of(entry):
                ids = forms.setdefault(_key([form]), [])
                if entry.id not in ids:
                    ids.append(entry.id)
        for entry in catalog.entries_of("place"):
            # The press names a region without "облысы" ("Солтүстік Қазақстанда") when that is unambiguous.
            short = entry.names.get("kk", "").removesuffix(" облысы")
            if short != entry.names.get("kk") and _key([short]) not in forms:
                forms[_key([short])] = [entry.id]
        self._forms = {key: tuple(ids) for key, ids in forms.items()}
        # Keys that only acronyms produce ("ЕС", "ОДКБ") match capitals only: "Еске" (dative of
        # "ес", memory) is not the EU.
        cased = {_key([form]) for entry in catalog for form in self._forms_of(entry) if not _is_acronym(form)}
        self._acronym_keys = frozenset(key for key in self._forms if key not in cased)
        # Only the last word of a name is inflected, so a multiword name starts with one of these; the
        # tokenizer splits "C5+1" at "+", so such a name starts with the part before it.
        self._first_words = frozenset(
            key.split(" ", 1)[0].split("+", 1)[0] for key in self._forms if " " in key or "+" in key
        )
        # Every capitalised word that names nothing is read again with a case ending: kept per word.
        self._case_reading = functools.lru_cache(maxsize=CACHE_SIZE)(self._read_with_case)

    @staticmethod
    def _forms_of(entry: CatalogEntry) -> tuple[str, ...]:
        """Names and aliases; organisations and missions also by the acronym their id is made of."""
        forms = (*entry.names.values(), *(a for aliases in entry.aliases.values() for a in aliases))
        if entry.type in ("org", "mission"):
            forms = (*forms, entry.id.split(":", 1)[1])
        return forms

    def match(self, words: Sequence[str]) -> list[CatalogMatch]:
        """Non-overlapping catalog names in `words`, longest match first at each position."""
        found: list[CatalogMatch] = []
        i = 0
        while i < len(words):
            hit = self._longest_at(words, i) if words[i][:1].isupper() or words[i][:1].isdigit() else None
            if hit is None:
                i += 1
                continue
            found.append(hit)
            i = hit.last
        return found

    def lookup(self, words: Sequence[str]) -> tuple[str, ...]:
        """Catalog ids named by `words` as written, by their lemma (last word uninflected), or as a
        catalog name plus a case ending."""
        found = self._lookup_name(words)
        if found or len(words) > 1 or not words[0][:1].isupper():
            return found
        reading = self._case_reading(words[0])
        return reading[0] if reading else ()

    def _lookup_name(self, words: Sequence[str]) -> tuple[str, ...]:
        """Catalog ids named by `words` as written or by their lemma, as the analyser reads it."""
        capitals = _is_acronym(words[0].split("-", 1)[0]) if len(words) == 1 else True
        found = self._named(_key(words), capitals)
        if found is None:  # the lemma only when the words as written are not a name
            found = self._named(_key([self.analyzer.lemmatize_name(list(words))]), capitals)
        if found or len(words) < 2:
            return found or ()
        # A title-like name whose last word drops its possessive too: "Тұңғыш Президенті".
        return self._forms.get(_key([*words[:-1], self.analyzer.analyze(words[-1]).lemma]), ())

    def _named(self, key: str, capitals: bool) -> tuple[str, ...] | None:
        """Ids of a form key; acronym-only keys count only for words written in capitals."""
        if key in self._forms and (capitals or key not in self._acronym_keys):
            return self._forms[key]
        return None

    def _read_with_case(self, word: str) -> tuple[tuple[str, ...], tuple[str, dict[str, str]]] | None:
        """A one-word name the analyser did not know, read as a catalog name plus a case ending
        ("Мюнхенде", "Сианьда"): the best-scored such segmentation."""
        readings = sorted(self.analyzer.candidates(word, nominal_only=True), key=lambda c: -c.score)
        for cand in readings:
            if cand.ending.surface and set(cand.ending.slots) <= _CASE_SLOTS:
                ids = self._named(_key([cand.lemma]), _is_acronym(cand.lemma))  # "Еске" is not ЕС
                if ids:
                    return ids, (cand.lemma, dict(cand.ending.feats))
        return None

    def _longest_at(self, words: Sequence[str], i: int) -> CatalogMatch | None:
        longest = min(len(words), i + MAX_WORDS) if _key([words[i]]) in self._first_words else i + 1
        for last in range(longest, i, -1):
            span = words[i:last]
            ends = span[-1][:1].isalnum() or (span[-1] == "+" and len(span) > 1)  # "ОПЕК+"
            if not (ends and all(w[:1].isalnum() or w in _JOINERS for w in span)):
                continue
            ids = self._lookup_name(span)
            if ids:
                return CatalogMatch(i, last, label_of(self.catalog[ids[0]]), ids)
        found = self._case_reading(words[i]) if words[i][:1].isupper() else None
        if found:
            ids, reading = found
            return CatalogMatch(i, i + 1, label_of(self.catalog[ids[0]]), ids, reading)
        return None
