"""Training-data augmentation: organisations written as acronyms (БҰҰ-ның, UNIFIL-дің, ШЫҰ-ға).

KazNERD is TV news where organisations are mostly spelled out; foreign-policy text is full of acronyms
with a hyphenated case ending, which the CRF would otherwise hardly ever have seen labelled. For each
train sentence with an organisation we add a copy whose organisation spans are replaced by an
acronym -- a real one or a random string of capitals, so the shape generalises -- carrying the case
ending of the replaced span's last word.
"""

from __future__ import annotations

import random
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
