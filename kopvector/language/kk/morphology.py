"""Kazakh morphological analyser and lemmatiser.

Hand-written because nothing we may ship does Kazakh morphology well: the
apertium-kaz transducer (and PyPI ``kazstem``, built on it) is GPL-3.0, which an
Apache-2.0 package cannot bundle, and general stemmers only chop letters off.

How it works: every suffix chain the morphotactic automaton allows is indexed
(``morphotactics``); a word is split at each point where its tail is such a
chain, the stem is checked against the sound class and vowel harmony the chain
needs, undone stem alternations are tried (кітабы -> кітап), and the candidates
are ranked: a stem the lexicon knows beats one it doesn't, and otherwise the
treebank statistics of how often a word-final string really is an ending decide
(``Lexicon.contexts`` and ``Lexicon.signatures``). Listed forms (closed classes, irregulars, learned
exceptions) are looked up first. All data lives in ``data/morph_*``.

Lemmas follow UD Kazakh KTB (passive and reciprocal stripped, causative kept,
ordinals to cardinals, де/те -> да), except where news needs the whole word:
hand-written stems in ``morph_stems.tsv`` keep қатыс-, кездес-, келіс- and nouns
such as сайлау, кездесу; agent nouns in -ушы/-уші are never stripped.
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from kopvector.language.kk.lexicon import CONTEXT_LETTERS, FormEntry, Lexicon
from kopvector.language.kk.morphotactics import Ending, Morphotactics
from kopvector.language.kk.phonology import BACK_VOWELS, FRONT_VOWELS, VOWELS, harmony, has_vowel, sound_class

_VOICED_TO_VOICELESS = {"б": "п", "г": "к", "ғ": "қ"}
_NUMBER = re.compile(r"^\d+(?:[.,:]\d+)*(?:[–-]\d+(?:[.,:]\d+)*)?%?$")
_EDGE_PUNCTUATION = "\"'«»“”„()[]{},;:!?"
_NUMBER_SUFFIX = re.compile(r"^(\d+(?:[.,]\d+)*)%?-(\w+)$")
_HAS_CYRILLIC = re.compile(r"[а-яәіңғүұқөһё]", re.IGNORECASE)
_KNOWN_BONUS = 5.0
_COUNT_WEIGHT = 0.3
_KNOWN_LENGTH_WEIGHT = 0.2
_SMOOTHING = 2.0  # weight of the shorter context when a longer one has few examples
_HAND_BONUS = 2.0  # hand-written stems outrank treebank stems plus a voice suffix (қатыс- over қат-)
_SHAPE_WEIGHT = 0.3  # weight of an unknown verb stem's final letters (Lexicon.stem_shape); CV-tuned
_HARMONY_PENALTY = 1.5  # loans and names break harmony (Тоқаевтың), so it is a cost, not a ban
_TRUE_VOWELS = BACK_VOWELS | FRONT_VOWELS
_VOWEL_SET = frozenset(VOWELS)
_MIN_UNKNOWN_STEM = 3
_KNOWN_ONLY_ALTERNATIONS = frozenset({"epenthesis", "vowel", "soft"})
_NAME_POS = frozenset({"NOUN", "PROPN"})
CASE_SLOTS = frozenset({"CASE", "LOC", "REL", "EQU", "SIM", "GENP"})
# Words an analyser keeps readings of; past that its cache starts over, so a long ingest stays bounded.
CACHE_SIZE = 200_000


@dataclass(frozen=True, slots=True)
class Analysis:
    """Lemma, UD part of speech and UD features of one word."""

    lemma: str
    pos: str | None
    feats: dict[str, str] = field(default_factory=dict, compare=False)
    # (slot, surface) of each suffix stripped, for callers that rebuild a form
    suffixes: tuple[tuple[str, str], ...] = field(default=(), compare=False)


class Candidate(NamedTuple):
    """One segmentation of a word into stem + suffix chain, with its score."""

    lemma: str
    pos: str
    ending: Ending
    known: bool
    score: float


class Analyzer:
    """Suffix-stripping analyser; analyses are cached per word on the instance (at most CACHE_SIZE)."""

    def __init__(self, lexicon: Lexicon, tactics: Morphotactics | None = None) -> None:
        self.lexicon = lexicon
        self.tactics = tactics or Morphotactics()
        self._cache: dict[tuple[str, bool], Analysis] = {}
        # Names are lemmatised once per candidate span (matcher, mentions, linker), mostly on the same
        # few last words, so their readings are cached too.
        self._name_reading = functools.lru_cache(maxsize=CACHE_SIZE)(self._read_name)
        # log P(ending | last letters), keyed by (id of the Ending, the letters it depends on)
        self._log_prob_cache: dict[tuple[int, str], float] = {}
        self._category_pos = self.tactics.category_pos

    @classmethod
    def load(cls, data_dir: Path | None = None) -> Analyzer:
        """Analyser over the data files shipped in the package."""
        return cls(Lexicon.load(data_dir), Morphotactics(data_dir))

    # --- public API ---------------------------------------------------------------------------

    def analyze(self, word: str, sentence_start: bool = False) -> Analysis:
        """Analyse one token (a word, number, acronym or punctuation mark).

        ``sentence_start`` says the capital letter may be only the sentence's: an
        unknown capitalised word there is then lemmatised in lower case, as the
        treebank does ("Үкіметтің" -> "үкімет"); elsewhere a capital marks a name.
        """
        key = (word, sentence_start and word[:1].isupper())
        cached = self._cache.get(key)
        if cached is None:
            cached = self._analyze(word, key[1])
            if len(self._cache) >= CACHE_SIZE:
                self._cache.clear()
            self._cache[key] = cached
        return cached

    def lemmatize_name(self, words: list[str]) -> str:
        """Base form of a multiword name: only its last word is inflected.

        Case and the relative -дағы are stripped from the last word. In a name of
        several words the rest of the last word stays as written, so a 3rd-person
        possessive (izafet: "Шанхай ынтымақтастық ұйымы") and a plural ("Біріккен
        Ұлттар") are kept; a single word is reduced to its lemma ("Арабиясының" ->
        "Арабия"), and so is "жыл" after a year ("2014 жылы" -> "2014 жыл").
        """
        if not words:
            return ""
        head, last = list(words[:-1]), words[-1]
        analysis, special = self._name_reading(last)
        if analysis is None:
            return " ".join(words)
        lemma = _follow_case(analysis.lemma, last)
        is_year = bool(head) and _NUMBER.match(head[-1]) is not None and lemma.lower() == "жыл"
        if head and not special and not is_year:
            strip = 0
            for slot, surface in reversed(analysis.suffixes):
                if slot not in CASE_SLOTS:
                    break
                strip += len(surface)
            lemma = last[: len(last) - strip] if strip else last
        return " ".join([*head, lemma])

    # --- analysis ----------------------------------------------------------------------------

    def _read_name(self, word: str) -> tuple[Analysis | None, bool]:
        """The reading of a name's last word, and whether it is a special token (number, acronym...)."""
        special = self._special(word)
        return special or self._best(word, for_name=True), special is not None

    def _analyze(self, word: str, sentence_start: bool) -> Analysis:
        if " " in word.strip():
            # treebank tokens like "көрген емеспін": the first word carries the lemma
            return self._analyze(word.split()[0], sentence_start)
        core = word.strip(_EDGE_PUNCTUATION)
        if core and core != word:
            return self._analyze(core, sentence_start)  # a quote or comma left on by a tokeniser
        special = self._special(word)
        if special is not None:
            return special
        lower = word.lower()
        listed = self.lexicon.closed.get(lower) or self.lexicon.exceptions.get(lower)
        if listed is not None and (word[:1].isupper() or not listed.lemma[:1].isupper()):
            return _from_entry(listed)  # (a lower-case word never takes a listed name: жасаған)
        best = self._best(word)
        if best is None:
            return Analysis(word, "PROPN" if word[:1].isupper() else "NOUN", {})
        if sentence_start and best.pos in ("PROPN", "VERB") and not self._looks_like_name(word, best.lemma):
            pos = "NOUN" if best.pos == "PROPN" else best.pos
            return Analysis(best.lemma.lower(), pos, best.feats, best.suffixes)
        return best

    def _looks_like_name(self, word: str, lemma: str) -> bool:
        """Whether a sentence-initial capital should be kept: known, acronym or name-shaped."""
        lower = lemma.lower()
        if lower in self.lexicon.lemmas:
            return True
        letters = [ch for ch in word if ch.isalpha()]
        if len(letters) > 1 and all(ch.isupper() for ch in letters):
            return True
        return lower.endswith(self.tactics.name_finals)

    def _special(self, word: str) -> Analysis | None:
        """Punctuation, numbers, abbreviations, Latin words and acronym+suffix forms."""
        if not any(ch.isalnum() for ch in word):
            return Analysis(word, "PUNCT", {})
        if _NUMBER.match(word):
            return Analysis(word.rstrip("%"), "NUM", {})
        match = _NUMBER_SUFFIX.match(word)
        if match:
            feats = self._suffix_feats(match.group(2))
            if feats is None and len(match.group(2)) > 2:  # "162-мүшесі": the 162nd member, a noun
                return self._analyze(match.group(2), False)
            return Analysis(match.group(1), "NUM", feats or {})
        if "-" in word:
            head, _, tail = word.rpartition("-")
            if head and _is_acronym(head):
                feats = self._suffix_feats(tail)
                if feats is not None:
                    return Analysis(head, "PROPN", feats, (("CASE", tail),))
        if not _HAS_CYRILLIC.search(word) or (word.endswith(".") and len(word) <= 3):
            return Analysis(word, "PROPN" if word[:1].isupper() else "X", {})
        return None

    def _suffix_feats(self, tail: str) -> dict[str, str] | None:
        """Features of a suffix chain written after a hyphen, or None if it is not one."""
        endings = [e for e in self.tactics.endings.get(tail.lower(), []) if e.category == "nominal"]
        if not endings:
            return None
        feats = dict(endings[0].feats)
        feats.setdefault("Case", "Nom")
        return feats

    def _best(self, word: str, for_name: bool = False) -> Analysis | None:
        """Top-scoring analysis; ``for_name`` keeps only readings a name's last word can have."""
        top: Candidate | None = None
        for cand in self._scored(word, nominal_only=for_name):
            # Names are nouns and never carry a 1st/2nd-person possessive (Тасымның is not тас+ым+ның).
            if for_name and ("POSS" in cand.ending.slots or (cand.known and cand.pos not in _NAME_POS)):
                continue
            if top is None or cand.score > top.score:
                top = cand
        if top is None:
            return None
        feats = dict(top.ending.feats)
        if top.ending.category == "nominal":
            feats.setdefault("Case", "Nom")
        suffixes = tuple(zip(top.ending.slots, top.ending.parts, strict=True))
        return Analysis(top.lemma, top.pos, feats, suffixes)

    def candidates(self, word: str, nominal_only: bool = False) -> list[Candidate]:
        """Every segmentation the suffix table and phonology allow, scored."""
        return list(self._scored(word, nominal_only))

    def _scored(self, word: str, nominal_only: bool = False) -> Iterator[Candidate]:
        lower = word.lower()
        # A lower-case word wants a lower-case lemma (астанасы -> астана, not Астана); a
        # capital says less (sentence starts, and KTB writes "Отан" -> "отан"), so then
        # the most frequent spelling wins.
        case_pref = None if word[:1].isupper() else False
        yield from self._segment(word, lower, nominal_only, False, False, case_pref)
        if not nominal_only:
            for variant in _glide_variants(lower, self.tactics.endings):
                yield from self._segment(word, variant, False, True, True, case_pref)

    def _segment(
        self,
        word: str,
        lower: str,
        nominal_only: bool,
        known_only: bool,
        verbal_only: bool,
        case_pref: bool | None,
    ) -> Iterator[Candidate]:
        n = len(lower)
        endings_index = self.tactics.endings
        lemmas = self.lexicon.lemmas
        known_only_categories = self.tactics.known_only
        capital = word[:1].isupper()
        # short unknown stems are over-stripping, except for names (Си-дың)
        min_unknown = _MIN_UNKNOWN_STEM - 1 if capital else _MIN_UNKNOWN_STEM
        for i in range(max(1, n - self.tactics.max_len), n + 1):
            endings = endings_index.get(lower[i:])
            if not endings:
                continue
            stem = lower[:i]
            stem_class = sound_class(stem)
            # cheap checks first: most splits of most words leave an unusable stem
            stem_known = stem in lemmas
            unknown_ok = not known_only and i >= min_unknown and not _VOWEL_SET.isdisjoint(stem)
            for ending in endings:
                category = ending.category
                if (nominal_only and category != "nominal") or (verbal_only and category != "verbal"):
                    continue
                if stem_class in ending.after and (
                    stem_known or (unknown_ok and category not in known_only_categories)
                ):
                    cand = self._candidate(word, lower, stem, ending, "", capital, known_only, case_pref)
                    if cand is not None:
                        yield cand
                if ending.surface and (ending.surface[0] in VOWELS):
                    for lemma_stem, alternation in _stem_variants(stem, ending):
                        if sound_class(lemma_stem) not in ending.after:
                            continue
                        cand = self._candidate(
                            word, lower, lemma_stem, ending, alternation, capital, known_only, case_pref
                        )
                        if cand is not None:
                            yield cand

    def _candidate(
        self,
        word: str,
        lower: str,
        stem: str,
        ending: Ending,
        alternation: str,
        capital: bool,
        known_only: bool,
        case_pref: bool | None,
    ) -> Candidate | None:
        """Score one stem + chain reading (the stem's sound class is already checked)."""
        entry = (
            self.lexicon.best(stem, self._category_pos[ending.category], case_pref)
            if stem in self.lexicon.lemmas
            else None
        )
        if entry is None:
            if known_only or alternation in _KNOWN_ONLY_ALTERNATIONS:
                return None
            if ending.category in self.tactics.known_only:
                return None
            if len(stem) < (_MIN_UNKNOWN_STEM - 1 if capital else _MIN_UNKNOWN_STEM) or not has_vowel(stem):
                return None  # short unknown stems are over-stripping, except for names (Си-дың)
            if alternation == "voicing" and stem[-2:-1] not in _TRUE_VOWELS:
                return None  # unknown stems end in vowel + к/қ/п (тармақ), not жолқ
        key = (id(ending), lower[-(len(ending.surface) + CONTEXT_LETTERS) :])
        score = self._log_prob_cache.get(key)
        if score is None:
            score = math.log(self._ending_probability(ending, lower))
            self._log_prob_cache[key] = score
        score += 0.02 * len(stem)
        harmony_clash = False
        if ending.harmony:
            stem_harmony = harmony(stem)
            harmony_clash = bool(stem_harmony and ending.harmony != stem_harmony)
        if entry is not None:
            if ending.parts and stem + ending.parts[0] in self.lexicon.hand_lemmas:
                return None  # a hand-written longer stem owns this suffix: кездесу-і, келіс-ті
            lemma, pos, count = entry
            if case_pref is False and lemma[1:2].islower():
                # "иран", "қожаның": a lower-case word gets a lower-case lemma
                lemma = lemma[:1].lower() + lemma[1:]
            score += _KNOWN_BONUS + _COUNT_WEIGHT * math.log1p(count) + _KNOWN_LENGTH_WEIGHT * len(stem)
            if (stem, pos) in self.lexicon.hand:
                score += _HAND_BONUS
            if harmony_clash:
                score -= 2.0
            return Candidate(lemma, pos, ending, True, score)
        if harmony_clash:
            score -= _HARMONY_PENALTY
        if ending.category == "verbal":
            pos = "VERB"
            if capital:
                score -= 1.0
        else:
            pos = "PROPN" if capital else "NOUN"
            if capital and stem.endswith(self.tactics.name_finals):
                score += 2.0  # Жапарова, Сербия, Тоқаевтан: name-shaped stems are names, not bare words
        if alternation == "voicing":
            score += 0.5
        if ending.category == "verbal":
            score += _SHAPE_WEIGHT * self.lexicon.stem_shape(stem, ending.category)
        if capital and stem.endswith(self.tactics.patronymic_finals):
            score += 3.0
        if ending.surface and len(stem) > 4 and stem.endswith(self.tactics.suspicious_stem_finals):
            score -= 1.0
        return Candidate(_restore_case(word, stem), pos, ending, False, score)

    def _ending_probability(self, ending: Ending, lower: str) -> float:
        """P(this chain is exactly the word's ending | the word's last letters).

        Interpolated from the chain alone up to the chain plus CONTEXT_LETTERS letters
        before it, so "ді" after "ер" (белестерді) is judged by words ending in "ерді".
        """
        contexts, counts = self.lexicon.contexts, self.lexicon.context_endings
        size = len(ending.surface)
        prob = 0.5**ending.n_morphs * (1.0 if ending.category == "nominal" else 0.5)
        sig_all, sig_gold = self.lexicon.signatures.get(ending.signature, (0, 0))
        prob = (sig_gold + _SMOOTHING * prob) / (sig_all + _SMOOTHING)
        for m in range(CONTEXT_LETTERS + 1):
            if size + m > len(lower):
                break
            ctx = lower[len(lower) - size - m :]
            total = contexts.get(ctx, 0)
            if not total:
                break
            seen = counts.get((ctx, size, ending.category), 0)
            prob = (seen + _SMOOTHING * prob) / (total + _SMOOTHING)
        return max(prob, 1e-6)


# --- helpers -----------------------------------------------------------------------------------


def _stem_variants(stem: str, ending: Ending) -> list[tuple[str, str]]:
    """Other lemma spellings a surface stem may stand for before this (non-empty) ending."""
    variants: list[tuple[str, str]] = []
    first = ending.surface[0]
    last = stem[-1]
    if first in VOWELS and last in _VOICED_TO_VOICELESS:
        variants.append((stem[:-1] + _VOICED_TO_VOICELESS[last], "voicing"))
    if first in VOWELS and len(stem) >= 3 and stem[-1] not in VOWELS and stem[-2] not in _TRUE_VOWELS:
        vowel = "ы" if harmony(stem) != "F" else "і"
        tail = _VOICED_TO_VOICELESS.get(stem[-1], stem[-1])
        variants.append((stem[:-1] + vowel + tail, "epenthesis"))
    if first in VOWELS and last == "л":
        variants.append((stem + "ь", "soft"))  # Russian loans drop ь before a vowel: модель -> моделі
    if ending.category == "verbal" and first == "у" and last not in VOWELS:
        variants.append((stem + ("і" if harmony(stem) == "F" else "ы"), "vowel"))
    return variants


def _glide_variants(lower: str, endings: dict[str, list[Ending]]) -> list[str]:
    """Spellings with и/ю undone into ый/ій/йу, as verb stems in -ы/-і and -й need.

    Only where the glide starts a verbal ending (қамтиды = қамты-й-ды, қою = қой-у),
    which keeps loans full of и (министр, Сирия) from being re-read for nothing.
    """
    out = []
    for i, ch in enumerate(lower[1:], start=1):
        if ch == "и" and _is_verbal(endings.get("й" + lower[i + 1 :])):
            out.append(lower[:i] + "ый" + lower[i + 1 :])
            out.append(lower[:i] + "ій" + lower[i + 1 :])
        elif ch == "ю" and _is_verbal(endings.get("у" + lower[i + 1 :])):
            out.append(lower[:i] + "йу" + lower[i + 1 :])
    return out


def _is_verbal(endings: list[Ending] | None) -> bool:
    return bool(endings) and any(e.category == "verbal" for e in endings)


def _restore_case(word: str, stem: str) -> str:
    """The stem in the word's letter case, letter by letter (alternated letters included)."""
    if not word[:1].isupper():
        if word.islower() or not any(ch.isupper() for ch in word[: len(stem)]):
            return stem
        return _cased(word, stem)
    if word[1 : len(stem)].islower() or len(stem) == 1:
        return stem[:1].upper() + stem[1:]
    return _cased(word, stem)


def _cased(word: str, stem: str) -> str:
    return "".join(ch.upper() if i < len(word) and word[i].isupper() else ch for i, ch in enumerate(stem))


def _follow_case(lemma: str, word: str) -> str:
    """A name's lemma keeps the word's initial capital even where the lexicon has it lower-case."""
    if word[:1].isupper() and lemma[:1].islower():
        return lemma[:1].upper() + lemma[1:]
    return lemma


def _from_entry(entry: FormEntry) -> Analysis:
    return Analysis(entry.lemma, entry.pos, dict(entry.feats))


def _is_acronym(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return bool(letters) and (all(ch.isupper() for ch in letters) or not _HAS_CYRILLIC.search(text))
