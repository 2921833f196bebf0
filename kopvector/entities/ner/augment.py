"""Training-data augmentation: organisations written as acronyms (БҰҰ-ның, UNIFIL-дің, ШЫҰ-ға).

KazNERD is TV news where organisations are mostly spelled out; foreign-policy text is full of acronyms
with a hyphenated case ending, which the CRF would otherwise hardly ever have seen labelled. For each
train sentence with an organisation we add a copy whose organisation spans are replaced by an
acronym -- a real one or a random string of capitals, so the shape generalises -- carrying the case
ending of the replaced span's last word.
"""

from __future__ import annotations

import random
import re
from collections.abc import Sequence

from kopvector.entities.ner.dataset import TaggedSentence
from kopvector.entities.ner.stemmer import Stemmer
from kopvector.evaluation.ner import strict_spans

KNOWN_ACRONYMS: tuple[str, ...] = (
    "БҰҰ", "НАТО", "ЕҚЫҰ", "ШЫҰ", "ҰҚШҰ", "ЕАЭО", "ТМД", "ЕО", "ДСҰ", "ДДСҰ", "ХВҚ", "ЕҚДБ", "ЮНЕСКО",
    "ЮНИСЕФ", "МАГАТЭ", "ОПЕК", "АӨСШК", "ИЫҰ", "АСЕАН", "БРИКС", "ҰҚК", "ОСК", "СІМ", "ІІМ", "ТЖМ",
    "ҚТЖ", "ҚХА", "ЕҰУ", "UNIFIL", "MINURSO", "UNMISS", "MONUSCO", "UNDOF", "UNFICYP", "OSCE", "NATO",
    "UNESCO", "UNICEF", "WHO", "IAEA", "OPEC", "ASEAN", "CICA", "SCO", "CSTO", "EAEU", "EBRD", "IMF",
    "WTO", "UNDP", "UNHCR", "CNN", "BBC",
)  # fmt: skip
_CYRILLIC_CAPITALS = "АБВГДЕЖЗИКЛМНОПРСТУФХШЫЭЮЯӘҒҚҢӨҰҮІ"
_LATIN_CAPITALS = "ABCDEFGHIKLMNOPRSTUVWXYZ"


# Copying every such sentence costs ~0.3 dev micro-F1 (KazNERD spells organisations out), copying half
# of them costs nothing on dev but leaves "Қазақстан БҰҰ-ның" merged into one span: we copy all.
COPY_SHARE = 1.0


def _acronym(rng: random.Random) -> str:
    if rng.random() < 0.75:
        return rng.choice(KNOWN_ACRONYMS)
    alphabet = _CYRILLIC_CAPITALS if rng.random() < 0.7 else _LATIN_CAPITALS
    return "".join(rng.choice(alphabet) for _ in range(rng.randint(3, 5)))


def with_acronym_copies(sentences: Sequence[TaggedSentence], *, seed: int = 0) -> list[TaggedSentence]:
    """The sentences, each with an ORGANISATION followed by a copy with every such span made an
    acronym (kept next to the original so jackknifed lexicon folds do not leak between them)."""
    rng = random.Random(seed)
    stemmer = Stemmer()
    out: list[TaggedSentence] = []
    for sentence in sentences:
        out.append(sentence)
        spans = [span for span in strict_spans(sentence.tags) if span[0] == "ORGANISATION"]
        if not spans or rng.random() >= COPY_SHARE:
            continue
        tokens: list[str] = []
        tags: list[str] = []
        position = 0
        for _, start, end in spans:
            tokens += sentence.tokens[position:start]
            tags += sentence.tags[position:start]
            case = stemmer.stem(sentence.tokens[end - 1])[1].rpartition("+")[2]
            acronym = _acronym(rng)
            tokens.append(f"{acronym}-{case}" if case else acronym)
            tags.append("B-ORGANISATION")
            position = end
        tokens += sentence.tokens[position:]
        tags += sentence.tags[position:]
        out.append(TaggedSentence(tuple(tokens), tuple(tags)))
    return out


# --- mention replacement ------------------------------------------------------------------------
# A copy of a sentence with its organisation, place and person names swapped for other names of the
# same class, so the models learn what the context says about a name rather than the name itself.
# The case ending of the replaced span's last word moves to the new name's last word, re-spelled for
# the new word's vowel harmony and last sound from the project's suffix table.

REPLACED = ("ORGANISATION", "GPE", "PERSON")
_SURNAME_ENDINGS = ("ева", "ова", "ина", "ев", "ов", "ин")


def _case_rows() -> list:
    from kopvector.language.kk.morphotactics import load_allomorphs

    table = load_allomorphs()
    return [a for slot in ("CASE", "LOC") for a in table[slot]]


def _harmony(word: str) -> str:
    """Back or front for the suffix of a name: a Russian surname's -ов/-ев/-ин follows its root
    (Тоқаевтың, Әлиевке), a last syllable with и is front (Парижге, Берлинге)."""
    from kopvector.language.kk.phonology import VOWELS, harmony

    lower = word.lower()
    for ending in _SURNAME_ENDINGS:
        if lower.endswith(ending) and harmony(lower[: -len(ending)]):
            return harmony(lower[: -len(ending)]) or "B"
    last_vowel = next((ch for ch in reversed(lower) if ch in VOWELS), "")
    return "F" if last_vowel == "и" else harmony(lower) or "B"


def inflect(word: str, case: str, relative: bool, possessive: bool, rows: list) -> str | None:
    """`word` with the ending of UD case `case` (None: nominative) and the relative -ғы/-гі after a
    locative, spelled for `word`'s harmony and last sound; `possessive`: the word ends in a
    3rd-person possessive (университеті -> университетінің)."""
    from kopvector.language.kk.phonology import sound_class

    if case is None:
        return word
    if word.isupper():
        return None  # an acronym takes its ending after a hyphen, in its spoken harmony: leave it
    back = _harmony(word) == "B"
    sound = "P3" if possessive else sound_class(word)
    for row in rows:
        if (
            dict(row.feats).get("Case") == case
            and row.harmony in (None, "B" if back else "F")
            and sound in row.after
        ):
            return word + row.form + (("ғы" if back else "гі") if relative else "")
    return None


def _usable(tokens: Sequence[str]) -> bool:
    return (
        len(tokens) <= 5
        and tokens[0][:1].isupper()
        and all(t.replace("-", "").isalpha() and not _LATIN.search(t) for t in tokens)
    )


_LATIN = re.compile(r"[A-Za-z]")


def with_mention_copies(
    sentences: Sequence[TaggedSentence],
    *,
    seed: int = 0,
    folds: int = 4,
    originals: frozenset[TaggedSentence] | None = None,
    classes: Sequence[str] = REPLACED,
) -> list[TaggedSentence]:
    """Each sentence, followed, if it names an organisation, place or person, by a copy with those
    names replaced by names of the same class from the same fold (`folds` contiguous parts, as the
    lexicon jackknife cuts them), so a replacement is no likelier to be in the lexicon than the
    original was. Names are taken in their base form (the project's analyser) and get the replaced
    name's case ending. With `originals`, only those sentences give names and get copies (not the
    acronym copies)."""
    from kopvector.language.kk.morphology import Analyzer

    analyzer = Analyzer.load()
    rows = _case_rows()
    rng = random.Random(seed)

    def reading(word: str) -> tuple[str | None, bool, bool]:
        """(case or None for nominative, relative -ғы after it, ends in a possessive)."""
        analysis = analyzer._name_reading(word)[0]
        if analysis is None:
            return None, False, False
        case = analysis.feats.get("Case")
        relative = any(slot == "REL" for slot, _ in analysis.suffixes)
        return (None if case in (None, "Nom") else case), relative, "Person[psor]" in analysis.feats

    out: list[TaggedSentence] = []
    n = len(sentences)
    for k in range(folds):
        part = sentences[k * n // folds : (k + 1) * n // folds]
        pool: dict[str, list[tuple[str, ...]]] = {label: [] for label in classes}
        seen: set[tuple[str, ...]] = set()
        for sentence in part:
            if originals is not None and sentence not in originals:
                continue
            for label, start, end in strict_spans(sentence.tags):
                name = sentence.tokens[start:end]
                if label in pool and name not in seen and _usable(name) and reading(name[-1])[0] is None:
                    seen.add(name)
                    pool[label].append(name)
        for sentence in part:
            out.append(sentence)
            spans = [s for s in strict_spans(sentence.tags) if s[0] in pool and len(pool[s[0]]) > 1]
            if not spans or (originals is not None and sentence not in originals):
                continue
            tokens: list[str] = []
            tags: list[str] = []
            position = 0
            changed = False
            for label, start, end in spans:
                tokens += sentence.tokens[position:start]
                tags += sentence.tags[position:start]
                old = sentence.tokens[start:end]
                new = rng.choice(pool[label])
                last = None
                if _usable(old) and new != old:
                    case, relative, _ = reading(old[-1])
                    last = inflect(new[-1], case, relative, reading(new[-1])[2], rows)
                if last is None:
                    tokens += old
                    tags += sentence.tags[start:end]
                else:
                    tokens += (*new[:-1], last)
                    tags += ["B-" + label] + ["I-" + label] * (len(new) - 1)
                    changed = True
                position = end
            tokens += sentence.tokens[position:]
            tags += sentence.tags[position:]
            if changed:
                out.append(TaggedSentence(tuple(tokens), tuple(tags)))
    return out
