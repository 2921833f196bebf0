"""Shared fixtures: paths to the shared data (skipped cleanly when absent) and one pipeline per session."""

from __future__ import annotations

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
