"""Benchmark of entity linking on the gold sets: accuracy and mentions/s against a baseline.

    .venv/bin/python benchmarks/linking.py [GOLD.jsonl ...]   (default: gold/linking/*.jsonl)

Baseline: exact look-up of the mention as written in the catalog (no lemmas, no roles, no context),
run on the same gold spans in the same process, so the speed ratio compares like with like.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from rich.console import Console
from rich.table import Table

from kopvector.entities.catalog import load_catalog
from kopvector.evaluation.linking import evaluate_linking, read_gold
from kopvector.pipeline import Pipeline

REPO = Path(__file__).resolve().parent.parent


def baseline(path: Path) -> tuple[float, float, int]:
    """(accuracy, mentions/s, mentions) of exact surface look-up on the gold spans."""
    catalog = load_catalog()
    right = total = 0
    seconds = 0.0
    for article, gold in read_gold(path):
        started = time.perf_counter()
        linked = []
        for g in gold:
            ids = catalog.find(article.text[g.start : g.end])
            linked.append(ids[0] if len(ids) == 1 else None)
        seconds += time.perf_counter() - started
        right += sum(entity == g.entity for entity, g in zip(linked, gold, strict=True))
        total += len(gold)
    return right / max(1, total), total / seconds if seconds else 0.0, total


def main() -> int:
    paths = [Path(p) for p in sys.argv[1:]] or sorted((REPO / "gold" / "linking").glob("*.jsonl"))
    if not paths:
        print("no gold files", file=sys.stderr)
        return 2
    pipeline = Pipeline()
    table = Table(title="kopvector entity linking")
    for column in (
        "gold",
        "mentions",
        "accuracy",
        "end to end",
        "span recall",
        "mentions/s",
        "baseline acc.",
        "baseline mentions/s",
        "speed ratio",
    ):
        table.add_column(column)
    for path in paths:
        ours = evaluate_linking(path, pipeline)
        base_accuracy, base_rate, _ = baseline(path)
        table.add_row(
            path.name,
            str(ours["mentions"]),
            f"{ours['accuracy']:.3f}",
            f"{ours['end_to_end_accuracy']:.3f}",
            f"{ours['span_recall']:.3f}",
            f"{ours['mentions_per_second']:,.0f}",
            f"{base_accuracy:.3f}",
            f"{base_rate:,.0f}",
            f"{ours['mentions_per_second'] / base_rate:.3f}" if base_rate else "",
        )
    Console(width=160).print(table)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
