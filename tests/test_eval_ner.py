"""Strict IOB2 scoring: span extraction, P/R/F1 arithmetic, agreement with seqeval, evaluate_ner."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pytest

from kopvector.entities.ner.dataset import TaggedSentence
from kopvector.evaluation.ner import evaluate_ner, score_tags, seen_share, strict_spans

GOLD = [
    ["B-PERSON", "I-PERSON", "O", "B-GPE", "O", "B-ORGANISATION", "I-ORGANISATION", "I-ORGANISATION"],
    ["I-GPE", "O", "B-GPE", "I-GPE", "B-GPE", "O"],
    ["B-DATE", "I-DATE", "I-CARDINAL", "O", "B-POSITION"],
]
PRED = [
    ["B-PERSON", "I-PERSON", "O", "B-GPE", "O", "B-ORGANISATION", "I-ORGANISATION", "O"],
    ["B-GPE", "O", "B-GPE", "I-GPE", "I-GPE", "O"],
    ["B-DATE", "I-DATE", "B-CARDINAL", "O", "I-POSITION"],
]


def test_strict_spans_ignore_stray_inside_tags() -> None:
    assert strict_spans(["I-GPE", "O", "B-GPE", "I-GPE", "B-GPE"]) == [("GPE", 2, 4), ("GPE", 4, 5)]
    assert strict_spans(["B-DATE", "I-DATE", "I-CARDINAL"]) == [("DATE", 0, 2)]
    assert strict_spans(["O", "O"]) == []


def test_scores_by_hand() -> None:
    result = score_tags(GOLD, PRED)
    # gold: PERSON, GPE, ORG | GPE, GPE | DATE, POSITION = 7 (stray I-GPE, I-CARDINAL do not count)
    # pred: PERSON, GPE, ORG(2 tokens) | GPE(0), GPE(3 tokens) | DATE, CARDINAL = 7 (stray I-POSITION)
    # correct: PERSON, GPE, DATE
    assert result["micro_precision"] == pytest.approx(3 / 7)
    assert result["micro_recall"] == pytest.approx(3 / 7)
    assert result["per_class"]["GPE"]["support"] == 3
    assert result["per_class"]["GPE"]["recall"] == pytest.approx(1 / 3)
    assert result["per_class"]["ORGANISATION"]["f1"] == 0.0
    assert result["per_class"]["CARDINAL"]["support"] == 0


def _seqeval(gold: Sequence[Sequence[str]], pred: Sequence[Sequence[str]]) -> tuple[float, dict[str, float]]:
    seqeval_metrics = pytest.importorskip("seqeval.metrics")
    from seqeval.scheme import IOB2

    kwargs = {"mode": "strict", "scheme": IOB2}
    micro = seqeval_metrics.f1_score(gold, pred, **kwargs)
    report = seqeval_metrics.classification_report(gold, pred, output_dict=True, zero_division=0, **kwargs)
    return micro, {label: row["f1-score"] for label, row in report.items() if "avg" not in label}


def test_matches_seqeval_strict_mode() -> None:
    micro, per_class = _seqeval(GOLD, PRED)
    ours = score_tags(GOLD, PRED)
    assert ours["micro_f1"] == pytest.approx(micro)
    for label, f1 in per_class.items():
        assert ours["per_class"][label]["f1"] == pytest.approx(f1), label


def test_seen_share_counts_surface_strings() -> None:
    train = [TaggedSentence(("Қазақстан", "пен", "Ресей"), ("B-GPE", "O", "B-GPE"))]
    dev = [TaggedSentence(("Ресей", "және", "Қытай"), ("B-GPE", "O", "B-GPE"))]
    assert seen_share(train, dev) == pytest.approx(0.5)


class _EchoTagger:
    """Predicts GPE for capitalised words: enough to exercise evaluate_ner without a model."""

    def tag(self, sentences: Sequence[Sequence[str]]) -> list[list[str]]:
        return [["B-GPE" if token[:1].isupper() else "O" for token in tokens] for tokens in sentences]


def test_evaluate_ner_reads_conll_file(tmp_path: Path) -> None:
    path = tmp_path / "gold.txt"
    path.write_text("Астана B-GPE\nпен O\nТоқио B-GPE\n\nТоқаев B-PERSON\nкелді O\n", encoding="utf-8")
    result = evaluate_ner(path, _EchoTagger())  # type: ignore[arg-type]
    assert result["per_class"]["GPE"]["recall"] == 1.0
    assert result["per_class"]["GPE"]["precision"] == pytest.approx(2 / 3)
    assert result["per_class"]["PERSON"]["recall"] == 0.0
    assert result["micro_precision"] == pytest.approx(2 / 3)
    assert result["tokens"] == 5
    assert result["tokens_per_second"] > 0
