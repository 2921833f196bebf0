"""Fact and quote extraction scored against a gold set (format: gold/facts/README.md).

A predicted fact is right when a gold fact of the same item has the same kind, the same core
arguments (who and with what: member and organisation, participant and mission, visitor and
destination, the set of parties, the speaker) and the same modality; each gold fact is matched at most
once; `time_accuracy` is the share of matched facts whose ISO time equals the gold one. Quotes are
matched by overlapping evidence; speaker accuracy counts matched quotes whose speaker
id agrees. `quote_errors` lists every missed, extra and wrong-speaker quote with its evidence text (and
the KazNERD sentence index), so a miss can be read without re-running the pipeline.
"""

from __future__ import annotations

import time
from collections import Counter
from pathlib import Path
from typing import Any

from kopvector.document import Doc
from kopvector.entities.ner.dataset import DEFAULT_DATA
from kopvector.evaluation.gold import read_gold_items
from kopvector.pipeline import Pipeline

CORE_ARGS: dict[str, tuple[str, ...]] = {
    "membership": ("member", "organization"),
    "chairmanship": ("chair", "organization"),
    "mission_participation": ("participant", "mission"),
    "visit": ("visitor", "destination"),
    "meeting": ("participants", "organization"),
    "agreement": ("parties",),
    "cooperation": ("parties",),
    "statement": ("speaker",),
}


def fact_key(kind: str, args: dict[str, Any], modality: str) -> tuple[Any, ...]:
    """What must agree for a fact to count as found; lists compare as sets."""
    values = []
    for name in CORE_ARGS.get(kind, ()):
        value = args.get(name)
        values.append(frozenset(value) if isinstance(value, list) else value)
    return (kind, *values, modality)


def _score(right: int, predicted: int, gold: int) -> dict[str, float | int]:
    precision = right / predicted if predicted else 0.0
    recall = right / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1, "support": gold, "predicted": predicted}


def evaluate_facts(
    path: Path, pipeline: Pipeline | None = None, kaznerd: Path = DEFAULT_DATA
) -> dict[str, Any]:
    """Precision, recall and F1 per kind and overall; quote precision, recall and speaker accuracy."""
    pipeline = pipeline or Pipeline()
    right: Counter[str] = Counter()
    predicted: Counter[str] = Counter()
    gold_count: Counter[str] = Counter()
    quotes = {"right": 0, "predicted": 0, "gold": 0, "speaker_right": 0}
    timed = {"right": 0}  # matched facts whose time equals the gold time
    errors: list[dict[str, Any]] = []
    quote_errors: list[dict[str, Any]] = []
    sentences = seconds = 0.0
    for item in read_gold_items(path, kaznerd):
        started = time.perf_counter()
        doc = pipeline(item.article)
        seconds += time.perf_counter() - started
        sentences += len(doc.sentences)
        gold_keys = Counter(fact_key(f["kind"], f["args"], f["modality"]) for f in item.data["facts"])
        gold_times: dict[tuple[Any, ...], list[str | None]] = {}
        for g in item.data["facts"]:
            gold_count[g["kind"]] += 1
            gold_times.setdefault(fact_key(g["kind"], g["args"], g["modality"]), []).append(g.get("time"))
        for fact in doc.facts:
            predicted[fact.kind] += 1
            key = fact_key(fact.kind, fact.args, fact.modality)
            if gold_keys[key] > 0:
                gold_keys[key] -= 1
                right[fact.kind] += 1
                times = gold_times[key]
                same = fact.time in times
                times.remove(fact.time if same else times[0])
                timed["right"] += same
            elif len(errors) < 40:
                errors.append({"source": item.data["source"], "extra": [fact.kind, fact.args, fact.modality]})
        for key, missing in gold_keys.items():
            if missing > 0 and len(errors) < 40:
                errors.append({"source": item.data["source"], "missed": [str(v) for v in key]})
        quote_errors += _score_quotes(doc, item, quotes)
    kinds = sorted(set(gold_count) | set(predicted))
    per_kind = {kind: _score(right[kind], predicted[kind], gold_count[kind]) for kind in kinds}
    return {
        "overall": {
            **_score(sum(right.values()), sum(predicted.values()), sum(gold_count.values())),
            "time_accuracy": timed["right"] / sum(right.values()) if right else 0.0,
        },
        "per_kind": per_kind,
        "quotes": {
            **_score(quotes["right"], quotes["predicted"], quotes["gold"]),
            "speaker_accuracy": quotes["speaker_right"] / quotes["right"] if quotes["right"] else 0.0,
        },
        "sentences_per_second": sentences / seconds if seconds else 0.0,
        "errors": errors,
        "quote_errors": quote_errors,
    }


def _score_quotes(doc: Doc, item: Any, quotes: dict[str, int]) -> list[dict[str, Any]]:
    """Counts one item's quotes into `quotes` and returns its missed, extra and wrong-speaker quotes."""
    gold = [(item.char_span(q["evidence"]), q) for q in item.data["quotes"]]
    quotes["gold"] += len(gold)
    quotes["predicted"] += len(doc.quotes)
    where = {"source": item.data["source"]}
    if "sentence" in item.data:
        where["sentence"] = item.data["sentence"]
    errors: list[dict[str, Any]] = []
    used: set[int] = set()
    for quote in doc.quotes:
        found = {"speaker": quote.speaker.entity, "role": quote.speaker.role, "cue": quote.cue}
        found["evidence"] = quote.evidence.text
        for i, ((start, end), wanted) in enumerate(gold):
            if i not in used and quote.evidence.start < end and start < quote.evidence.end:
                used.add(i)
                quotes["right"] += 1
                quotes["speaker_right"] += quote.speaker.entity == wanted.get("speaker")
                if quote.speaker.entity != wanted.get("speaker"):
                    errors.append({**where, "wrong_speaker": wanted.get("speaker"), **found})
                break
        else:
            errors.append({**where, "extra": quote.kind, **found})
    text = doc.article.text
    for i, ((start, end), wanted) in enumerate(gold):
        if i not in used:
            missed = {"speaker": wanted.get("speaker"), "cue": wanted.get("cue"), "evidence": text[start:end]}
            errors.append({**where, "missed": wanted.get("kind"), **missed})
    return errors
