"""Analysis in worker processes: each loads the pipeline once and sends back plain records.

A worker holds its `Pipeline` in a module variable set by the pool's initializer — the standard
pattern for per-process state in `concurrent.futures`; the parent process never sets it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from kopvector.document import Article
from kopvector.pipeline import Pipeline
from kopvector.record import to_record
from kopvector.settings import Settings
from kopvector.store.duplicates import Signature


@dataclass(frozen=True, slots=True)
class Analysed:
    """What a worker returns for one article: its schema v1 record and MinHash, or why it failed."""

    record: dict[str, Any] | None
    signature: bytes | None
    error: str | None = None


_pipeline: Pipeline | None = None


def load(settings: Settings) -> None:
    """Pool initializer: load the models once per worker process."""
    global _pipeline
    _pipeline = Pipeline(settings)


def analyse(article: Article) -> Analysed:
    """Run the worker's pipeline on one article; an exception becomes a reported failure."""
    assert _pipeline is not None, "load() must run in this process first"
    return analyse_with(_pipeline, article)


def analyse_with(pipeline: Pipeline, article: Article) -> Analysed:
    """The record and the MinHash of the analysed (Cyrillic) view, so Latin and Cyrillic twins match."""
    try:
        doc = pipeline(article)
        record = to_record(doc)
    except Exception as exc:  # one article's crash must not stop a whole archive
        return Analysed(None, None, f"analysis failed: {exc.__class__.__name__}: {exc}")
    return Analysed(record, Signature.of(doc.view.text).to_bytes())
