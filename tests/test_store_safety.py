"""A `kill -9` in the middle of an ingest loses nothing committed, and the same command resumes it."""

from __future__ import annotations

import itertools
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from sqlalchemy import func, select

from kopvector.store.database import open_engine
from kopvector.store.tables import articles, facts, mentions, quotes, runs

SAMPLES = Path(__file__).resolve().parent.parent / "samples" / "corpus"


def write_corpus(folder: Path) -> int:
    """Articles made of two of our sample articles each: 45 distinct texts that are not near-duplicates."""
    folder.mkdir()
    bodies = [p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.txt"))]
    pairs = list(itertools.combinations(range(len(bodies)), 2))
    for n, (a, b) in enumerate(pairs):
        (folder / f"{n:03d}.txt").write_text(bodies[a].rstrip("\n") + "\n" + bodies[b], encoding="utf-8")
    return len(pairs)


def ingest_command(corpus: Path, db: Path) -> list[str]:
    return [sys.executable, "-m", "kopvector", "ingest", str(corpus), "--db", str(db), "--workers", "2"]


def stored(db: Path) -> int:
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1) as conn:
            return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    except sqlite3.OperationalError:  # not created or not migrated yet
        return 0


def snapshot(db: Path) -> dict[str, object]:
    engine = open_engine(str(db))
    with engine.connect() as conn:
        result = {
            "articles": sorted(conn.execute(select(articles.c.id, articles.c.cluster)).all()),
            "facts": sorted(conn.execute(select(facts.c.id)).scalars()),
            "mentions": conn.scalar(select(func.count()).select_from(mentions)),
            "quotes": conn.scalar(select(func.count()).select_from(quotes)),
        }
    engine.dispose()
    return result


def test_sigkill_mid_ingest_then_rerun_equals_an_uninterrupted_run(tmp_path):
    total = write_corpus(tmp_path / "corpus")
    corpus = tmp_path / "corpus"
    subprocess.run(ingest_command(corpus, tmp_path / "whole.db"), check=True, capture_output=True)

    killed = tmp_path / "killed.db"
    process = subprocess.Popen(
        ingest_command(corpus, killed),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    deadline = time.monotonic() + 120
    while stored(killed) < 3 and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    os.killpg(process.pid, signal.SIGKILL)
    process.wait()
    at_kill = stored(killed)
    assert process.returncode == -signal.SIGKILL
    assert 3 <= at_kill < total, "the kill must land part-way through"

    resumed = subprocess.run(ingest_command(corpus, killed), capture_output=True, text=True, check=True)
    assert f"ingested {total - at_kill} " in resumed.stderr
    assert f"skipped {at_kill} already stored" in resumed.stderr
    assert snapshot(killed) == snapshot(tmp_path / "whole.db")
    engine = open_engine(str(killed))
    with engine.connect() as conn:
        assert [r.finished_at is None for r in conn.execute(select(runs).order_by(runs.c.id))] == [
            True,
            False,
        ]
    engine.dispose()
