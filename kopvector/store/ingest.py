"""Ingest: read sources, analyse what is new, and commit each article in its own transaction.

Safety comes from the order of work: an article is written (all its rows, its source, its duplicate
cluster) in one transaction, and an article already stored with the current pipeline version is
skipped, so a run killed at any point is resumed by running the same command again. Analysis runs
in worker processes; writing stays in this process, in input order, so results do not depend on
which worker finished first.
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import cache
from itertools import islice

from sqlalchemy import Engine, insert, select, update

from kopvector.document import Article
from kopvector.pipeline import Pipeline
from kopvector.settings import Settings
from kopvector.sources import SourceFailure
from kopvector.store import workers
from kopvector.store.duplicates import Signature
from kopvector.store.tables import articles, failures, runs
from kopvector.store.version import pipeline_version
from kopvector.store.writer import add_source, save_record

_IN_FLIGHT_PER_WORKER = 8
_LOOKUP_CHUNK = 64


@dataclass
class IngestSummary:
    """Counts of one run; `failures` lists every file or record that could not be read or analysed."""

    ingested: int = 0
    near_duplicate: int = 0
    duplicate: int = 0
    skipped: int = 0
    failures: list[SourceFailure] = field(default_factory=list)

    @property
    def failed(self) -> int:
        return len(self.failures)


@dataclass
class _Pending:
    article: Article
    result: Future[workers.Analysed] | workers.Analysed
    copies: list[Article] = field(default_factory=list)


class Ingest:
    """One ingest run into `engine`; call `run(items)` with what the sources yield."""

    def __init__(
        self,
        engine: Engine,
        settings: Settings,
        processes: int,
        command: str,
        progress: Callable[[IngestSummary], None] | None = None,
    ) -> None:
        self.engine = engine
        self.settings = settings
        self.processes = processes
        self.version = pipeline_version()
        self.summary = IngestSummary()
        self.progress = progress or (lambda _summary: None)
        with engine.begin() as conn:
            self.run_id = conn.execute(
                insert(runs).values(
                    started_at=datetime.now(UTC),
                    pipeline_version=self.version,
                    command=command,
                    ingested=0,
                    skipped=0,
                    duplicate=0,
                    failed=0,
                )
            ).inserted_primary_key[0]

    def run(self, items: Iterable[Article | SourceFailure]) -> IngestSummary:
        if self.processes <= 1:
            # Loaded on the first new article: re-running over a stored corpus needs no models.
            pipeline = cache(lambda: Pipeline(self.settings))
            self._process(items, lambda article: workers.analyse_with(pipeline(), article))
        else:
            with ProcessPoolExecutor(
                self.processes,
                mp_context=multiprocessing.get_context("spawn"),
                initializer=workers.load,
                initargs=(self.settings,),
            ) as pool:
                self._process(items, lambda article: pool.submit(workers.analyse, article))
        self._finish()
        return self.summary

    def _process(
        self,
        items: Iterable[Article | SourceFailure],
        submit: Callable[[Article], Future[workers.Analysed] | workers.Analysed],
    ) -> None:
        window: deque[_Pending] = deque()
        pending: dict[str, _Pending] = {}
        limit = max(1, self.processes) * _IN_FLIGHT_PER_WORKER
        source = iter(items)
        while chunk := list(islice(source, _LOOKUP_CHUNK)):
            # One query tells which of the next articles are stored already, instead of one per article.
            stored = self._stored_versions({item.id for item in chunk if isinstance(item, Article)})
            for item in chunk:
                if isinstance(item, SourceFailure):
                    self._fail(item)
                elif item.id in pending:
                    pending[item.id].copies.append(item)
                elif stored.get(item.id) == self.version:
                    self._add_copy(item)
                else:
                    entry = _Pending(item, submit(item))
                    pending[item.id] = entry
                    window.append(entry)
                    while len(window) >= limit:
                        self._write(window.popleft(), pending, stored)
        while window:
            self._write(window.popleft(), pending, {})

    def _write(self, entry: _Pending, pending: dict[str, _Pending], stored: dict[str, str]) -> None:
        """Wait for the oldest analysis and commit it with every copy of the article seen meanwhile;
        note it in `stored`, so that a later copy in the same chunk is a copy, not new work."""
        del pending[entry.article.id]
        result = entry.result if isinstance(entry.result, workers.Analysed) else entry.result.result()
        if result.record is None or result.signature is None:
            self._fail(SourceFailure(entry.article.path or "-", entry.article.url, result.error or "failed"))
            return
        with self.engine.begin() as conn:
            cluster = save_record(
                conn, result.record, Signature.from_bytes(result.signature), self.version, self.run_id
            )
            for article in [entry.article, *entry.copies]:
                add_source(conn, article, self.run_id)
        stored[entry.article.id] = self.version
        self.summary.ingested += 1
        self.summary.near_duplicate += cluster != entry.article.id
        self.summary.duplicate += len(entry.copies)
        self.progress(self.summary)

    def _add_copy(self, article: Article) -> None:
        with self.engine.begin() as conn:
            new_location = add_source(conn, article, self.run_id)
        if new_location:
            self.summary.duplicate += 1
        else:
            self.summary.skipped += 1
        self.progress(self.summary)

    def _stored_versions(self, article_ids: set[str]) -> dict[str, str]:
        if not article_ids:
            return {}
        with self.engine.connect() as conn:
            query = select(articles.c.id, articles.c.pipeline_version).where(articles.c.id.in_(article_ids))
            return {row.id: row.pipeline_version for row in conn.execute(query)}

    def _fail(self, failure: SourceFailure) -> None:
        self.summary.failures.append(failure)
        with self.engine.begin() as conn:
            conn.execute(
                insert(failures).values(
                    run_id=self.run_id, source=failure.source, record=failure.record, reason=failure.reason
                )
            )
        self.progress(self.summary)

    def _finish(self) -> None:
        with self.engine.begin() as conn:
            conn.execute(
                update(runs)
                .where(runs.c.id == self.run_id)
                .values(
                    finished_at=datetime.now(UTC),
                    ingested=self.summary.ingested,
                    skipped=self.summary.skipped,
                    duplicate=self.summary.duplicate,
                    failed=self.summary.failed,
                )
            )
