"""Train the Kazakh NER model (CRF + BiLSTM) on our train part of KazNERD valid; score it on our dev part.

The entity lexicon feature is *jackknifed* on train: sentences of each quarter of the train part see
a lexicon built from the other three quarters, so the CRF learns how much an unseen-in-lexicon name
is worth, as at run time, instead of trusting a lexicon that always contains the answer.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pycrfsuite

from kopvector.entities.ner.augment import with_acronym_copies
from kopvector.entities.ner.dataset import DEFAULT_DATA, TaggedSentence, read_iob2, split_train_dev
from kopvector.entities.ner.features import EntityLexicon, FeatureExtractor
from kopvector.entities.ner.gazetteer import GAZETTEER_PATH, PhraseMatcher, read_phrase_table
from kopvector.entities.ner.network import network_path
from kopvector.entities.ner.neural_train import NetworkConfig, train_network
from kopvector.entities.ner.resources import NerResources, resources_path
from kopvector.entities.ner.stemmer import Stemmer
from kopvector.entities.ner.tagger import NerTagger
from kopvector.evaluation.ner import evaluate_sentences, seen_share, strict_spans

LEXICON_FOLDS = 4
VOCABULARY_MIN_COUNT = 2
LEXICON_MIN_RATIO = 0.5


@dataclass(frozen=True)
class TrainConfig:
    """CRF, network and feature knobs; defaults are the tuned values the shipped model uses."""

    c1: float = 0.05
    c2: float = 0.05
    max_iterations: int = 300
    use_lexicon: bool = True
    augment: bool = True
    network: NetworkConfig = field(default_factory=NetworkConfig)


def ktb_paths(data: Path) -> list[Path]:
    """UD Kazakh KTB files next to the KazNERD folder (their words and lemmas join the vocabulary)."""
    folder = data.resolve().parent.parent / "ud_kazakh_ktb"
    return sorted(folder.glob("*.conllu")) if folder.is_dir() else []


def read_conllu_words(paths: Iterable[Path]) -> tuple[list[list[str]], set[str]]:
    """Sentences of word forms, and the set of gold lemmas (both lower-cased lemmas) from CoNLL-U."""
    sentences: list[list[str]] = []
    lemmas: set[str] = set()
    for path in paths:
        current: list[str] = []
        with open(path, encoding="utf-8") as handle:
            for line in handle:
                line = line.rstrip("\n")
                if not line:
                    if current:
                        sentences.append(current)
                        current = []
                    continue
                if line.startswith("#"):
                    continue
                cols = line.split("\t")
                if len(cols) < 3 or not cols[0].isdigit():
                    continue
                current.append(cols[1])
                lemmas.add(cols[2].lower())
        if current:
            sentences.append(current)
    return sentences, lemmas


def build_vocabulary(
    train: Sequence[TaggedSentence], ktb: Sequence[list[str]], ktb_lemmas: set[str]
) -> set[str]:
    """Words the stemmer may trust as stems: words seen twice or more in train and KTB, KTB lemmas and
    gazetteer words. Words seen once are left out so that rare train words are stemmed the way
    unseen run-time words are (a word in the vocabulary keeps its form when no shorter stem is known).
    """
    counts = Counter(token.lower() for sentence in train for token in sentence.tokens)
    counts.update(word.lower() for sentence in ktb for word in sentence)
    vocabulary = {word for word, count in counts.items() if count >= VOCABULARY_MIN_COUNT}
    vocabulary.update(ktb_lemmas)
    for _, phrase in read_phrase_table(GAZETTEER_PATH):
        vocabulary.update(word.lower() for word in phrase.split())
    return vocabulary


def build_lexicon(
    sentences: Sequence[TaggedSentence], stem: Stemmer
) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """Stem phrases that are entities in `sentences` at least half the times they occur, with their type."""
    typed: dict[tuple[str, ...], Counter[str]] = {}
    stemmed = [[stem.stem(token)[0] for token in sentence.tokens] for sentence in sentences]
    for sentence, stems in zip(sentences, stemmed, strict=True):
        for label, start, end in strict_spans(sentence.tags):
            typed.setdefault(tuple(stems[start:end]), Counter())[label] += 1
    max_len = max((len(phrase) for phrase in typed), default=0)
    total: Counter[tuple[str, ...]] = Counter()
    for stems in stemmed:
        for i in range(len(stems)):
            for size in range(1, max_len + 1):
                gram = tuple(stems[i : i + size])
                if len(gram) == size and gram in typed:
                    total[gram] += 1
    lexicon = []
    for phrase, labels in typed.items():
        count = sum(labels.values())
        if count / max(total[phrase], count) >= LEXICON_MIN_RATIO:
            lexicon.append((labels.most_common(1)[0][0], phrase))
    return tuple(sorted(lexicon, key=lambda item: (item[1], item[0])))


def build_token_types(sentences: Sequence[TaggedSentence], stem: Stemmer) -> dict[str, str]:
    """Stems found inside entities of one type at least half the times they occur (capitalised
    words only, so common words like "жыл" in dates do not swamp the list)."""
    inside: dict[str, Counter[str]] = {}
    total: Counter[str] = Counter()
    for sentence in sentences:
        labels = [tag[2:] if tag != "O" else "" for tag in sentence.tags]
        for token, label in zip(sentence.tokens, labels, strict=True):
            if not token[:1].isupper():
                continue
            key = stem.stem(token)[0]
            total[key] += 1
            if label:
                inside.setdefault(key, Counter())[label] += 1
    result = {}
    for key, labels in inside.items():
        label, count = labels.most_common(1)[0]
        if count / total[key] >= LEXICON_MIN_RATIO:
            result[key] = label
    return dict(sorted(result.items()))


def fold_lexicon(sentences: Sequence[TaggedSentence], stemmer: Stemmer) -> EntityLexicon:
    """Phrase and token lexicons of some train sentences, as the features consume them."""
    phrases = PhraseMatcher(build_lexicon(sentences, stemmer))
    return EntityLexicon(phrases, build_token_types(sentences, stemmer))


def jackknife_features(
    train: Sequence[TaggedSentence], extractor: FeatureExtractor, stemmer: Stemmer, use_lexicon: bool
) -> list[list[list[str]]]:
    """Features for train sentences, each quarter matched against a lexicon of the other quarters."""
    if not use_lexicon:
        return [extractor.sentence(s.tokens, EntityLexicon()) for s in train]
    n = len(train)
    bounds = [(k * n // LEXICON_FOLDS, (k + 1) * n // LEXICON_FOLDS) for k in range(LEXICON_FOLDS)]
    xseqs: list[list[list[str]]] = []
    for start, end in bounds:
        others = list(train[:start]) + list(train[end:])
        lexicon = fold_lexicon(others, stemmer)
        xseqs.extend(extractor.sentence(s.tokens, lexicon) for s in train[start:end])
    return xseqs


def build_resources(train: Sequence[TaggedSentence], data: Path, config: TrainConfig) -> NerResources:
    """Vocabulary and entity lexicons, from our train part plus KTB words and lemmas."""
    ktb, ktb_lemmas = read_conllu_words(ktb_paths(data))
    vocabulary = build_vocabulary(train, ktb, ktb_lemmas)
    stemmer = Stemmer(vocabulary)
    lexicon = build_lexicon(train, stemmer) if config.use_lexicon else ()
    token_types = build_token_types(train, stemmer) if config.use_lexicon else {}
    return NerResources(
        vocabulary=frozenset(vocabulary),
        lexicon=lexicon,
        token_types=token_types,
    )


def train_ner(
    data: Path = DEFAULT_DATA, out: Path | None = None, *, seed: int = 0, config: TrainConfig | None = None
) -> dict:
    """Train on our train part of `data`, write the model (+ resources) to `out`, return dev scores."""
    from kopvector.entities.ner.tagger import DEFAULT_MODEL

    config = config or TrainConfig()
    out = Path(out) if out is not None else DEFAULT_MODEL
    started = time.perf_counter()
    train, dev = split_train_dev(read_iob2(Path(data)))
    resources = build_resources(train, Path(data), config)
    extractor = FeatureExtractor(resources)
    learn = with_acronym_copies(train, seed=seed) if config.augment else list(train)
    xseqs = jackknife_features(learn, extractor, extractor.stemmer, config.use_lexicon)

    trainer = pycrfsuite.Trainer(verbose=False)
    for xseq, sentence in zip(xseqs, learn, strict=True):
        trainer.append(xseq, list(sentence.tags))
    trainer.set_params(
        {
            "c1": config.c1,
            "c2": config.c2,
            "max_iterations": config.max_iterations,
            "feature.possible_transitions": True,
        }
    )
    out.parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(out))
    labels = sorted({tag for sentence in learn for tag in sentence.tags})
    yseqs = [sentence.tags for sentence in learn]
    train_network(xseqs, yseqs, labels, network_path(out), seed=seed, config=config.network)
    resources.save(resources_path(out))
    train_seconds = time.perf_counter() - started

    scores = evaluate_sentences(dev, NerTagger.load(out))
    scores["seen_in_train"] = seen_share(train, dev)
    scores["train_sentences"] = len(train)
    scores["dev_sentences"] = len(dev)
    scores["train_seconds"] = train_seconds
    return scores
