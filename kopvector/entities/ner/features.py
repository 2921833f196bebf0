"""CRF features for Kazakh NER: word form, stem and endings, shape, affixes, phrase lists, context.

Speed matters (>= 50k tokens/s on one core), so everything that depends on the word alone -- its own
attributes and the ones it lends its neighbours -- is computed once per word form and cached in the
extractor instance; per sentence we only prefix the neighbours' lists and add phrase-list and quote
marks. The tagger never builds the prefixed copies at all: it maps the unprefixed lists to weights.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from kopvector.entities.ner.gazetteer import GAZETTEER_PATH, PhraseMatcher, read_phrase_table, stem_phrase
from kopvector.entities.ner.resources import NerResources
from kopvector.entities.ner.stemmer import Stemmer

CACHE_LIMIT = 300_000
# -лық/-лік after a place name makes its people or things (алматылық, израильдік): NORP-like words.
_DERIVED = re.compile(r"^(.{3,}?)(?:лық|лік|дық|дік|тық|тік)(?:тар|тер|лар|лер)?")
_LATIN = re.compile(r"[A-Za-z]")
_CYRILLIC = re.compile(r"[А-Яа-яЁёӘәҒғҚқҢңӨөҰұҮүҺһІі]")
_ALNUM = re.compile(r"[^\W_]")  # a letter or digit (str.isalnum)
_LENGTHS = tuple(f"len={n}" for n in range(13))


def is_context(attribute: str) -> bool:
    """True for attributes about neighbours (-1w=..., 2s=..., s|s+1=..., -1g=...), not the word itself."""
    return attribute[0] in "-12" or "|" in attribute


class _ShapeTable(dict[int, str]):
    """`str.translate` table that classifies each character the first time it is seen."""

    def __missing__(self, code: int) -> str:
        char = chr(code)
        value = "X" if char.isupper() else "x" if char.islower() else "d" if char.isdigit() else char
        self[code] = value
        return value


_SHAPES = _ShapeTable()
_RUNS = re.compile(r"(.)\1+", re.DOTALL)


def word_shape(word: str) -> str:
    """Xxxx-style shape: upper X, lower x, digit d, other characters kept; capped at 8 chars."""
    return word[:8].translate(_SHAPES)


@lru_cache(maxsize=4096)  # few distinct shapes: a lookup instead of a regex per new word
def short_shape(shape: str) -> str:
    """Shape with runs collapsed (Xxxx -> Xx), so lengths do not fragment the feature."""
    return _RUNS.sub(r"\1", shape)


# What a word contributes wherever it occurs: (stem, own attributes, the context attributes it lends
# the tokens at offsets -1 and 1 from it, unprefixed, collapsed shape). Those at -2 and 2 get all but
# the last two (its endings), so a far word says what it is, not how it is inflected.
WordEntry = tuple[str, list[str], list[str], str]
NEAR_ONLY = 2


@dataclass(frozen=True)
class EntityLexicon:
    """What train entities teach: whole phrases, and single stems with the type they are part of."""

    phrases: PhraseMatcher = field(default_factory=lambda: PhraseMatcher(()))
    token_types: dict[str, str] = field(default_factory=dict)


class FeatureExtractor:
    """Turns token lists into CRFsuite attribute lists; holds its own per-word cache."""

    def __init__(
        self, resources: NerResources, *, use_lexicon: bool = True, known: frozenset[str] | None = None
    ) -> None:
        """`known`: attributes the model has weights for; others are dropped early, which halves
        CRFsuite's per-attribute lookup cost at tagging time without changing any output."""
        self.resources = resources
        self.known = known
        # offset -> unprefixed features whose copy at that offset the model knows (so unknown
        # neighbour copies are never even built)
        self._known_near: dict[int, frozenset[str]] = {
            offset: frozenset(a[len(str(offset)) :] for a in known or () if a.startswith(str(offset)))
            for offset in (-2, -1, 1, 2)
        }
        self.stemmer = Stemmer(resources.vocabulary)
        self.gazetteer = PhraseMatcher(
            (label, stem_phrase(phrase, self.stem)) for label, phrase in read_phrase_table(GAZETTEER_PATH)
        )
        self.lexicon = EntityLexicon()
        if use_lexicon:
            self.lexicon = EntityLexicon(PhraseMatcher(resources.lexicon), resources.token_types)
        self.place_stems = frozenset(
            stems[0]
            for label, stems in (*self.gazetteer.phrases(), *resources.lexicon)
            if label == "GPE" and len(stems) == 1
        )
        self._cache: dict[str, WordEntry] = {}

    def stem(self, word: str) -> str:
        """Lower-case stem of a word (see `Stemmer`)."""
        return self.stemmer.stem(word)[0]

    def _word(self, word: str) -> WordEntry:
        cached = self._cache.get(word)
        if cached is not None:
            return cached
        lower = word.lower()
        stem, endings = self.stemmer.stem(word)
        shape = word_shape(word)
        sshape = short_shape(shape)
        title = word[:1].isupper()
        upper = word.isupper() and len(word) > 1
        feats = [
            "b",
            "w=" + lower,
            "s=" + stem,
            "e=" + endings,
            "sh=" + shape,
            "ss=" + sshape,
            "p1=" + lower[:1],
            "p2=" + lower[:2],
            "p3=" + lower[:3],
            "p4=" + lower[:4],
            "x1=" + lower[-1:],
            "x2=" + lower[-2:],
            "x3=" + lower[-3:],
            "x4=" + lower[-4:],
            "x5=" + lower[-5:],
            "sx3=" + stem[-3:],
            _LENGTHS[min(len(word), 12)],
        ]
        if title:
            feats.append("T")
        if upper:
            feats.append("U")
        if any(map(str.isdigit, word)):
            feats.append("D")
        if "-" in word:
            feats.append("H")
        if _LATIN.search(word):
            feats.append("L" if not _CYRILLIC.search(word) else "LC")
        if not _ALNUM.search(word):
            feats.append("P")
        derived = _DERIVED.match(lower)
        if derived and self.stemmer.stem(derived.group(1))[0] in self.place_stems:
            feats.append("dg")
        context = ["w=" + lower, "s=" + stem, "ss=" + sshape]
        if title:
            context.append("T")
        context += ["e=" + endings, "x3=" + lower[-3:]]  # the NEAR_ONLY attributes come last
        entry = (stem, feats, context, sshape)
        if len(self._cache) >= CACHE_LIMIT:
            self._cache.clear()
        self._cache[word] = entry
        return entry

    def words(self, tokens: Sequence[str]) -> list[WordEntry]:
        """Cached per-word parts of a sentence's attributes (see `WordEntry`)."""
        return [self._word(token) for token in tokens]

    def sentence(self, tokens: Sequence[str], lexicon: EntityLexicon | None = None) -> list[list[str]]:
        """Attribute lists for one sentence; `lexicon` overrides the model's (jackknifed training)."""
        words = self.words(tokens)
        extras = self.extras(tokens, words, lexicon)
        n = len(tokens)
        out: list[list[str]] = []
        for i in range(n):
            feats = list(words[i][1])
            if i > 0:
                feats += ["-1" + f for f in words[i - 1][2]]
            if i > 1:
                feats += ["-2" + f for f in words[i - 2][2][:-NEAR_ONLY]]
            if i < n - 1:
                feats += ["1" + f for f in words[i + 1][2]]
            if i < n - 2:
                feats += ["2" + f for f in words[i + 2][2][:-NEAR_ONLY]]
            out.append(feats + extras[i])
        return out

    def extras(
        self, tokens: Sequence[str], words: Sequence[WordEntry], lexicon: EntityLexicon | None = None
    ) -> list[list[str]]:
        """The attributes that depend on the sentence, not the word alone: position, quotes, stem and
        shape pairs, and phrase-list matches."""
        stems = [w[0] for w in words]
        gaz = self.gazetteer.match(stems)
        lexicon = lexicon if lexicon is not None else self.lexicon
        lex = lexicon.phrases.match(stems)
        token_types = lexicon.token_types
        # each pair once, seen from both of its words
        stem_pairs = [a + "|" + b for a, b in itertools.pairwise(stems)]
        shape_pairs = [a[3] + "|" + b[3] for a, b in itertools.pairwise(words)]
        last = len(tokens) - 1
        out: list[list[str]] = []
        quoted = False
        for i, token in enumerate(tokens):
            if i == 0:
                extra = ["BOS", "T@BOS"] if token[:1].isupper() else ["BOS"]
            else:
                extra = ["s-1|s=" + stem_pairs[i - 1], "sh-1|sh=" + shape_pairs[i - 1]]
                if gaz[i - 1] is not None:
                    extra.append("-1g=" + gaz[i - 1])
                if lex[i - 1] is not None:
                    extra.append("-1l=" + lex[i - 1])
            if i == last:
                extra.append("EOS")
            else:
                extra += ("s|s+1=" + stem_pairs[i], "sh|sh+1=" + shape_pairs[i])
                if gaz[i + 1] is not None:
                    extra.append("1g=" + gaz[i + 1])
                if lex[i + 1] is not None:
                    extra.append("1l=" + lex[i + 1])
            if token == "«":
                quoted = True
            elif token == "»":
                quoted = False
            elif quoted:
                extra.append("Q")
            if gaz[i] is not None:
                extra.append("g=" + gaz[i])
            if lex[i] is not None:
                extra.append("l=" + lex[i])
            token_type = token_types.get(stems[i])
            if token_type is not None:
                extra.append("tl=" + token_type)
            out.append(extra)
        return out
