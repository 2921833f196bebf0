"""Entity-linking accuracy against a gold set of linked mentions (format: gold/linking/README.md).

Two numbers, because they answer different questions: `accuracy` links the gold spans themselves
(the linker alone), `end_to_end_accuracy` counts a gold mention right only when the full pipeline found
the same span and linked it to the same id. KazNERD items refer to sentences by index, so the
third-party text is read from the KazNERD file at run time and never stored in the gold set.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kopvector.document import Article, Doc, Mention
from kopvector.entities.ner.dataset import DEFAULT_DATA
from kopvector.evaluation.gold import read_gold_items
from kopvector.pipeline import Pipeline


@dataclass(frozen=True)
class GoldMention:
    start: int
    end: int
    label: str
    entity: str | None


def read_gold(path: Path, kaznerd: Path = DEFAULT_DATA) -> Iterator[tuple[Article, list[GoldMention]]]:
    """(article, gold mentions with char spans) per gold item."""
    for item in read_gold_items(path, kaznerd):
        gold = []
        for m in item.data["mentions"]:
            start, end = item.char_span(m)
            gold.append(GoldMention(start, end, m["label"], m["entity"]))
        yield item.article, gold


def _gold_mentions(doc: Doc, gold: list[GoldMention], pipeline: Pipeline) -> list[Mention]:
    """The gold spans as mentions of `doc` (token indices, lemma), ready for the linker."""
    mentions = []
    for g in gold:
        inside = [i for i, t in enumerate(doc.tokens) if t.end > g.start and t.start < g.end]
        first, last = inside[0], inside[-1] + 1
        words = [t.norm for t in doc.tokens[first:last]]
        whole = (doc.tokens[first].start, doc.tokens[last - 1].end) == (g.start, g.end)
        sentence = next(s.index for s in doc.sentences if s.first <= first < s.last)
        lemma = pipeline.analyzer.lemmatize_name(words) if whole else doc.article.text[g.start : g.end]
        mentions.append(
            Mention(g.start, g.end, doc.article.text[g.start : g.end], g.label, lemma, sentence, first, last)
        )
    return mentions


def evaluate_linking(
    path: Path, pipeline: Pipeline | None = None, kaznerd: Path = DEFAULT_DATA
) -> dict[str, Any]:
    """Accuracy on gold spans and end to end, by label, with the linker's mentions/s."""
    pipeline = pipeline or Pipeline()
    right = total = end_to_end = found = 0
    by_label: Counter[str] = Counter()
    by_label_right: Counter[str] = Counter()
    errors: list[dict[str, Any]] = []
    link_seconds = 0.0
    for article, gold in read_gold(path, kaznerd):
        doc = pipeline(article)
        predicted = {(m.start, m.end): m.entity for m in doc.mentions}
        doc.mentions = _gold_mentions(doc, gold, pipeline)
        started = time.perf_counter()
        pipeline.linker.link(doc)
        link_seconds += time.perf_counter() - started
        for g, m in zip(gold, doc.mentions, strict=True):
            total += 1
            by_label[g.label] += 1
            if m.entity == g.entity:
                right += 1
                by_label_right[g.label] += 1
            elif len(errors) < 50:
                errors.append({"text": m.text, "label": g.label, "gold": g.entity, "linked": m.entity})
            if (g.start, g.end) in predicted:
                found += 1
                end_to_end += predicted[(g.start, g.end)] == g.entity
    return {
        "accuracy": right / total if total else 0.0,
        "end_to_end_accuracy": end_to_end / total if total else 0.0,
        "span_recall": found / total if total else 0.0,
        "mentions": total,
        "by_label": {label: by_label_right[label] / n for label, n in sorted(by_label.items())},
        "mentions_per_second": total / link_seconds if link_seconds else 0.0,
        "errors": errors,
    }
