"""NER scoring: strict IOB2 entity matching (as seqeval's strict mode), per class and micro-averaged.

Written here rather than imported so the runtime needs no seqeval; `tests/test_eval_ner.py`
cross-checks it against seqeval on tricky tag sequences.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from kopvector.entities.ner.dataset import DEFAULT_DATA, TaggedSentence, read_iob2, split_train_dev

if TYPE_CHECKING:
    from kopvector.entities.ner.tagger import NerTagger

Span = tuple[str, int, int]  # (type, start, end-exclusive)


def strict_spans(tags: Sequence[str]) -> list[Span]:
    """Entities of one sentence under strict IOB2: B-X then I-X*; a stray I-X starts nothing."""
    spans: list[Span] = []
    current: str | None = None
    start = 0
    for index, tag in enumerate(tags):
        prefix, _, label = tag.partition("-")
        if current is not None and not (prefix == "I" and label == current):
            spans.append((current, start, index))
            current = None
        if prefix == "B" and label:
            current, start = label, index
    if current is not None:
        spans.append((current, start, len(tags)))
    return spans


def _prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float]:
    precision = tp / n_pred if n_pred else 0.0
    recall = tp / n_gold if n_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1}


def score_tags(gold: Iterable[Sequence[str]], predicted: Iterable[Sequence[str]]) -> dict:
    """Micro P/R/F1 and per-class scores (with gold support) over aligned tag sequences."""
    tp: Counter[str] = Counter()
    n_gold: Counter[str] = Counter()
    n_pred: Counter[str] = Counter()
    for gold_tags, pred_tags in zip(gold, predicted, strict=True):
        if len(gold_tags) != len(pred_tags):
            raise ValueError("gold and predicted sentences differ in length")
        gold_spans = set(strict_spans(gold_tags))
        pred_spans = set(strict_spans(pred_tags))
        n_gold.update(span[0] for span in gold_spans)
        n_pred.update(span[0] for span in pred_spans)
        tp.update(span[0] for span in gold_spans & pred_spans)
    per_class = {}
    for label in sorted(set(n_gold) | set(n_pred)):
        per_class[label] = {**_prf(tp[label], n_pred[label], n_gold[label]), "support": n_gold[label]}
    micro = _prf(sum(tp.values()), sum(n_pred.values()), sum(n_gold.values()))
    return {
        "micro_precision": micro["precision"],
        "micro_recall": micro["recall"],
        "micro_f1": micro["f1"],
        "per_class": per_class,
    }


def entity_surfaces(sentence: TaggedSentence) -> list[tuple[str, str]]:
    """(type, surface string) of each gold entity, for the seen-in-train statistic."""
    return [(label, " ".join(sentence.tokens[s:e])) for label, s, e in strict_spans(sentence.tags)]


def seen_share(train: Iterable[TaggedSentence], evaluated: Iterable[TaggedSentence]) -> float:
    """Share of evaluated entities whose surface string also occurs as an entity in train."""
    known = {surface for sentence in train for _, surface in entity_surfaces(sentence)}
    surfaces = [surface for sentence in evaluated for _, surface in entity_surfaces(sentence)]
    return sum(surface in known for surface in surfaces) / len(surfaces) if surfaces else 0.0


def evaluate_sentences(sentences: Sequence[TaggedSentence], tagger: NerTagger) -> dict:
    """Tag gold sentences with `tagger`, score them, and time the tagging."""
    started = time.perf_counter()
    predicted = tagger.tag([list(sentence.tokens) for sentence in sentences])
    elapsed = time.perf_counter() - started
    result = score_tags((sentence.tags for sentence in sentences), predicted)
    n_tokens = sum(len(sentence.tokens) for sentence in sentences)
    result["tokens"] = n_tokens
    result["tokens_per_second"] = n_tokens / elapsed if elapsed > 0 else float("inf")
    return result


def evaluate_ner(path: Path, tagger: NerTagger | None = None) -> dict:
    """Score `tagger` (default: the shipped model) on a CoNLL IOB2 file.

    Adds ``seen_in_train``: the share of the file's entities also seen in our KazNERD train part,
    when that data is present, because F1 means little without it.
    """
    if tagger is None:
        from kopvector.entities.ner.tagger import NerTagger

        tagger = NerTagger.load()
    sentences = read_iob2(path)
    result = evaluate_sentences(sentences, tagger)
    result["seen_in_train"] = (
        seen_share(split_train_dev(read_iob2(DEFAULT_DATA))[0], sentences) if DEFAULT_DATA.exists() else None
    )
    return result
