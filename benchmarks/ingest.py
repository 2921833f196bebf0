"""Benchmark of `kopvector ingest`: articles/s and peak memory per process, SQLite and PostgreSQL.

    .venv/bin/python benchmarks/ingest.py [--articles 10000] [--postgres URL]

The corpus is synthetic but made of real Kazakh sentences: 20–30 sentences each from our dev part of
KazNERD valid (never seen by the NER model in training), dated at random over 2015–2025, written as
one JSON Lines file. Every configuration ingests it into an empty store as a user would, with the
command line in a subprocess; memory is the peak resident set of each process of the run (the main
process and each worker), sampled with psutil. The baseline is the single-process run on SQLite,
measured in the same benchmark run; the target is ≥ 100 articles/s with two workers at ≤ 500 MB per
process. PostgreSQL rows need `--postgres` (or KOPVECTOR_TEST_POSTGRES, which `make test` sets up
with scripts/test-postgres.sh); its database is emptied first.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

import psutil
from rich.console import Console
from rich.table import Table
from sqlalchemy import create_engine, text

from kopvector.entities.ner.dataset import DEFAULT_DATA, read_iob2, split_train_dev
from kopvector.store.database import database_url

_FIRST_DAY = date(2015, 1, 1)
_DAYS = (date(2025, 12, 31) - _FIRST_DAY).days


def write_corpus(path: Path, articles: int, seed: int = 2015) -> None:
    """`articles` JSON Lines records of 20–30 dev sentences each, one paragraph per sentence."""
    sentences = [" ".join(s.tokens) for s in split_train_dev(read_iob2(DEFAULT_DATA))[1]]
    rng = random.Random(seed)
    with path.open("w", encoding="utf-8") as out:
        for n in range(articles):
            body = "\n".join(rng.sample(sentences, rng.randint(20, 30)))
            published = _FIRST_DAY + timedelta(days=rng.randrange(_DAYS))
            record = {
                "url": f"https://bench.example/{n}",
                "title": None,
                "published": published.isoformat(),
                "text": body,
                "outlet": f"outlet{n % 7}",
            }
            out.write(json.dumps(record, ensure_ascii=False) + "\n")


def run_ingest(corpus: Path, db: str, workers: int) -> tuple[float, float]:
    """Seconds, and the largest peak RSS (MB) of any process of the run."""
    command = [
        sys.executable,
        "-m",
        "kopvector",
        "ingest",
        str(corpus),
        "--db",
        db,
        "--workers",
        str(workers),
    ]
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    root = psutil.Process(process.pid)
    peaks: dict[int, int] = {}
    while process.poll() is None:
        try:
            for proc in [root, *root.children(recursive=True)]:
                peaks[proc.pid] = max(peaks.get(proc.pid, 0), proc.memory_info().rss)
        except psutil.Error:
            pass
        time.sleep(0.2)
    elapsed = time.perf_counter() - started
    if process.returncode != 0:
        raise SystemExit(f"ingest into {db} failed:\n{process.stderr.read() if process.stderr else ''}")
    return elapsed, max(peaks.values(), default=0) / 2**20


def empty_postgres(url: str) -> None:
    engine = create_engine(database_url(url))
    with engine.begin() as conn:
        conn.execute(text("DROP SCHEMA public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))
    engine.dispose()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--postgres", default=os.environ.get("KOPVECTOR_TEST_POSTGRES"))
    args = parser.parse_args()
    console = Console()
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus.jsonl"
        write_corpus(corpus, args.articles)
        console.print(
            f"corpus: {args.articles} articles, {corpus.stat().st_size / 2**20:.1f} MB of JSON Lines"
        )
        configurations = [("SQLite", 1), ("SQLite", 2)] + ([("PostgreSQL", 2)] if args.postgres else [])
        table = Table(title=f"kopvector ingest, {args.articles} articles of 20–30 KazNERD dev sentences")
        for column in ("store", "workers", "seconds", "articles/s", "× single process", "peak MB/process"):
            table.add_column(column, justify="right")
        baseline = None
        for store, workers in configurations:
            if store == "SQLite":
                db = str(Path(tmp) / f"bench-{workers}.db")
            else:
                db = args.postgres
                empty_postgres(db)
            seconds, peak = run_ingest(corpus, db, workers)
            rate = args.articles / seconds
            baseline = baseline or rate
            table.add_row(
                store, str(workers), f"{seconds:.1f}", f"{rate:.1f}", f"{rate / baseline:.2f}", f"{peak:.0f}"
            )
        console.print(table)
        if not args.postgres:
            console.print("PostgreSQL skipped: give --postgres URL or set KOPVECTOR_TEST_POSTGRES.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
