"""Lemma accuracy of the Kazakh analyser on CoNLL-U gold data, plain and cross-validated.

Scoring choices: every syntactic word counts (punctuation too, as in the UD
shared tasks); multiword-token range lines are skipped and their syntactic
words scored on their own forms (see ``conllu.read_sentences``); lemmas are
compared exactly, case included, because the treebank's casing (sentence-initial
"Үкімет" -> "үкімет", but "Астана") is part of what a lemmatiser must get right.

The first word of each sentence is analysed with ``sentence_start=True``, so a
capital there is not taken for a name by itself (the treebank lower-cases
sentence-initial common nouns).

The shipped lexicon is derived from all of UD Kazakh KTB, so ``evaluate_lemmas``
on KTB with the default analyser measures memory, not generalisation; use
``cross_validate`` for honest numbers.

Speed: ``tokens_per_second`` times ``analyze`` over the scored tokens with a cache
that starts empty, so it mixes first analyses (slow, tens of microseconds) with
cache hits; ``measure_throughput`` times a plain token stream the same way. Both
count CPU time of this process, so other jobs on a shared machine do not skew them.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from kopvector.evaluation.conllu import Word, read_sentences
from kopvector.language.kk.morph_training import build_lexicon
from kopvector.language.kk.morphology import Analyzer
from kopvector.language.kk.morphotactics import Morphotactics


def evaluate_lemmas(path: Path, analyzer: Analyzer | None = None) -> dict:
    """Accuracy overall and per gold UPOS, throughput, and the lemma = form baseline, on one CoNLL-U file."""
    analyzer = analyzer or Analyzer.load()
    sentences = list(read_sentences(Path(path)))
    return _score(analyzer, sentences) | {"baseline_accuracy": _baseline(sentences)}


def cross_validate(paths: Sequence[Path], folds: int = 10) -> dict:
    """K-fold cross-validation over the sentences of all files (fold = sentence index mod k).

    For each fold the lexicon, ending statistics and exception list are built
    from the other folds only; the hand-written data files are used in every fold.
    """
    sentences = [s for path in paths for s in read_sentences(Path(path))]
    tactics = Morphotactics()
    correct: Counter[str] = Counter()
    total: Counter[str] = Counter()
    tokens = 0
    seconds = 0.0
    for k in range(folds):
        train = [_triple(w) for i, s in enumerate(sentences) if i % folds != k for w in s]
        test = [s for i, s in enumerate(sentences) if i % folds == k]
        analyzer = Analyzer(build_lexicon(train, tactics), tactics)
        result = _score(analyzer, test, correct, total)
        tokens += result["tokens"]
        seconds += result["tokens"] / result["tokens_per_second"] if result["tokens_per_second"] else 0.0
    return _summary(correct, total, tokens, seconds) | {
        "folds": folds,
        "baseline_accuracy": _baseline(sentences),
    }


def measure_throughput(tokens: Sequence[str], analyzer: Analyzer | None = None) -> float:
    """Tokens per second for one analyser instance over a token stream (cache starts empty)."""
    analyzer = analyzer or Analyzer.load()
    start = time.process_time()
    for token in tokens:
        analyzer.analyze(token)
    seconds = time.process_time() - start
    return len(tokens) / seconds if seconds > 0 else 0.0


def _baseline(sentences: list[list[Word]]) -> float:
    """Accuracy of the trivial lemmatiser "lemma = word form", for comparison."""
    words = [w for s in sentences for w in s]
    return sum(w.form == w.lemma for w in words) / len(words) if words else 0.0


def _triple(word: Word) -> tuple[str, str, str]:
    return word.form, word.lemma, word.upos


def _score(
    analyzer: Analyzer,
    sentences: list[list[Word]],
    correct: Counter[str] | None = None,
    total: Counter[str] | None = None,
) -> dict:
    correct = Counter() if correct is None else correct
    total = Counter() if total is None else total
    words = [w for s in sentences for w in s]
    starts = {id(s[_first_word(s)]) for s in sentences if s}
    start = time.process_time()
    predicted = [analyzer.analyze(w.form, id(w) in starts).lemma for w in words]
    seconds = time.process_time() - start
    fold_correct: Counter[str] = Counter()
    fold_total: Counter[str] = Counter()
    for word, lemma in zip(words, predicted, strict=True):
        fold_total[word.upos] += 1
        fold_correct[word.upos] += lemma == word.lemma
    correct.update(fold_correct)
    total.update(fold_total)
    return _summary(fold_correct, fold_total, len(words), seconds)


def _first_word(sentence: list[Word]) -> int:
    """Index of the first word that is not punctuation (where a capital may be the sentence's)."""
    for i, word in enumerate(sentence):
        if any(ch.isalnum() for ch in word.form):
            return i
    return 0


def _summary(correct: Counter[str], total: Counter[str], tokens: int, seconds: float) -> dict:
    n = sum(total.values())
    return {
        "accuracy": sum(correct.values()) / n if n else 0.0,
        "by_upos": {pos: correct[pos] / total[pos] for pos in sorted(total, key=lambda p: -total[p])},
        "tokens_per_second": tokens / seconds if seconds > 0 else 0.0,
        "tokens": tokens,
    }
