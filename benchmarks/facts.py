"""Benchmark of fact and quote extraction on the gold sets: P/R/F1 per kind and sentences/s.

    .venv/bin/python benchmarks/facts.py [GOLD.jsonl ...]   (default: gold/facts/*.jsonl)

Speed is the whole pipeline's sentences/s (facts need every earlier stage), against the same pipeline
without the quote and fact stages as the baseline, both measured warm in the same process.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from rich.console import Console
from rich.table import Table

from kopvector.evaluation.facts import evaluate_facts
from kopvector.evaluation.gold import read_gold_items
from kopvector.pipeline import Pipeline

REPO = Path(__file__).resolve().parent.parent


def sentences_per_second(path: Path, pipeline: Pipeline, skip: tuple[str, ...] = ()) -> float:
    """The pipeline's rate over the gold articles, without the stages named in `skip`."""
    articles = [item.article for item in read_gold_items(path)]
    stages = pipeline.stages
    pipeline.stages = tuple(s for s in stages if s.name not in skip)
    try:
        started = time.perf_counter()
        sentences = sum(len(pipeline(a).sentences) for a in articles)
        return sentences / (time.perf_counter() - started)
    finally:
        pipeline.stages = stages


def main() -> int:
    paths = [Path(p) for p in sys.argv[1:]] or sorted((REPO / "gold" / "facts").glob("*.jsonl"))
    pipeline = Pipeline()
    table = Table(title="kopvector facts and quotes")
    for column in ("gold", "kind", "precision", "recall", "F1", "gold facts", "predicted"):
        table.add_column(column)
    speeds = []
    for path in paths:
        result = evaluate_facts(path, pipeline)
        for kind, score in [("ALL", result["overall"]), *result["per_kind"].items()]:
            table.add_row(
                path.name,
                kind,
                f"{score['precision']:.3f}",
                f"{score['recall']:.3f}",
                f"{score['f1']:.3f}",
                str(score["support"]),
                str(score["predicted"]),
            )
        q = result["quotes"]
        table.add_row(
            path.name,
            "quotes",
            f"{q['precision']:.3f}",
            f"{q['recall']:.3f}",
            f"{q['f1']:.3f}",
            str(q["support"]),
            f"{q['predicted']} (speaker acc. {q['speaker_accuracy']:.3f})",
        )
        # Both rates after evaluate_facts has warmed the caches, in the same process.
        full = sentences_per_second(path, pipeline)
        speeds.append((path.name, full, sentences_per_second(path, pipeline, skip=("quotes", "facts"))))
    console = Console(width=150)
    console.print(table)
    for name, full, base in speeds:
        console.print(
            f"{name}: {full:,.0f} sentences/s with facts+quotes, {base:,.0f} without, ratio {full / base:.3f}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
