"""Shared fixtures: paths to the shared data (skipped cleanly when absent) and one pipeline per session."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
SEED = SHARED / "corpus" / "seed" / "000_7d546b0c479a6f92.txt"
SAMPLES = REPO / "samples" / "corpus"


def shared_file(path: Path) -> Path:
    if not path.exists():
        pytest.skip(f"shared data not available: {path}")
    return path


@pytest.fixture(scope="session")
def seed_path() -> Path:
    return shared_file(SEED)


@pytest.fixture(scope="session")
def pipeline():
    from kopvector.pipeline import Pipeline

    return Pipeline()


def read_jsonl(path: Path) -> list[dict]:
    """The items of a JSON Lines gold file."""
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


@pytest.fixture(scope="session")
def kaznerd_sentences():
    """All sentences of KazNERD valid, in file order (gold sets refer to them by index)."""
    from kopvector.entities.ner.dataset import DEFAULT_DATA, read_iob2

    return read_iob2(shared_file(DEFAULT_DATA))
