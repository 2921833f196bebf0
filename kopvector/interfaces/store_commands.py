"""`kopvector ingest` and the commands that read the store: facts, quotes, entities, search, timeline.

Each command opens the store named by `--db` (default: the `KOPVECTOR_DB` setting, `kopvector.db`),
which may be a SQLite file or a `postgresql://` URL; the schema is migrated on open.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from sqlalchemy import Connection, Engine
from sqlalchemy.exc import DBAPIError

from kopvector.analytics.corroboration import Status
from kopvector.errors import InputError
from kopvector.interfaces.output import QueryFormat, emit
from kopvector.settings import Settings

err = Console(stderr=True, soft_wrap=True)
DbOption = Annotated[
    str | None, typer.Option("--db", help="SQLite file or postgresql:// URL (default: KOPVECTOR_DB).")
]
FormatOption = Annotated[QueryFormat, typer.Option("--format", "-f", help="table, json (lines) or csv.")]
SinceOption = Annotated[str | None, typer.Option(help="Only from this date on: 2014, 2024-03 or 2024-03-05.")]
UntilOption = Annotated[str | None, typer.Option(help="Only up to this date: 2014, 2024-03 or 2024-03-05.")]


def fail(message: str, code: int = 2) -> typer.Exit:
    err.print(f"[bold red]error:[/] {message}", highlight=False)
    return typer.Exit(code)


def open_store(db: str | None) -> Engine:
    """The migrated store `--db` names (else the setting), or a clear error and exit 2."""
    from kopvector.store.database import open_engine

    try:
        return open_engine(db or Settings.from_env().db)
    except InputError as exc:
        raise fail(str(exc)) from exc


def parse_day(value: str | None, edge: int) -> date | None:
    """The first (edge 0) or last (edge 1) day of a --since/--until value."""
    from kopvector.store.timespan import time_span

    if value is None:
        return None
    day = time_span(value)[edge]
    if day is None:
        raise fail(f"{value!r} is not a date; use 2014, 2024-03 or 2024-03-05")
    return day


def query_store(db: str | None, ask: Callable[[Connection], list[dict[str, Any]]]) -> list[dict[str, Any]]:
    """Run a read on the store; a database error becomes one line naming the store, not a traceback."""
    engine = open_store(db)
    try:
        with engine.connect() as conn:
            return ask(conn)
    except DBAPIError as exc:
        where = db or Settings.from_env().db
        raise fail(
            f"{where}: the store could not answer ({exc.orig.__class__.__name__}: {exc.orig})"
        ) from None
    finally:
        engine.dispose()


def ingest(
    sources: Annotated[
        list[str],
        typer.Argument(
            help="Files or folders (.txt, .jsonl, .html, RSS/Atom .xml, .warc[.gz]), feed URLs, "
            "or - for stdin."
        ),
    ],
    db: DbOption = None,
    workers: Annotated[
        int | None, typer.Option(help="Analysis processes (default: KOPVECTOR_WORKERS, the core count).")
    ] = None,
) -> None:
    """Analyse every new article of the sources and store it; run again to resume or to update."""
    from kopvector.analytics.stored import corroborate_store
    from kopvector.sources import read_sources
    from kopvector.store.ingest import Ingest, IngestSummary

    settings = Settings.from_env()
    engine = open_store(db)
    started = time.perf_counter()
    columns = (
        SpinnerColumn(),
        TextColumn("{task.description}"),
        BarColumn(bar_width=None),
        TextColumn("{task.fields[status]}"),
        TimeElapsedColumn(),
    )
    with Progress(*columns, console=err, transient=True) as progress:
        task = progress.add_task("ingesting", total=None, status="")

        def report(summary: IngestSummary) -> None:
            rate = summary.ingested / max(time.perf_counter() - started, 1e-9)
            status = (
                f"{summary.ingested} analysed ({rate:.1f}/s), {summary.skipped} already stored, "
                f"{summary.duplicate} duplicate, {summary.failed} failed"
            )
            progress.update(task, status=status)

        run = Ingest(engine, settings, workers or settings.workers, " ".join(sys.argv), report)
        try:
            summary = run.run(read_sources(sources, settings, stdin=sys.stdin.buffer))
        except KeyboardInterrupt:
            progress.stop()
            stored = run.summary.ingested
            message = f"interrupted after storing {stored} articles; run the same command to resume"
            raise fail(message, 130) from None
    with engine.begin() as conn:
        judged = corroborate_store(conn)
    engine.dispose()
    for failure in summary.failures:
        where = f"{failure.source}, {failure.record}" if failure.record else failure.source
        err.print(f"[bold red]failed:[/] {where}: {failure.reason}", highlight=False)
    elapsed = time.perf_counter() - started
    err.print(
        f"ingested {summary.ingested} ({summary.near_duplicate} near-duplicates clustered), "
        f"skipped {summary.skipped} already stored, duplicate {summary.duplicate}, "
        f"failed {summary.failed} — {summary.ingested / max(elapsed, 1e-9):.1f} articles/s",
        highlight=False,
    )
    err.print(
        f"corroboration of the stored facts: {judged[Status.corroborated]} corroborated, "
        f"{judged[Status.contradicted]} contradicted, {judged[Status.not_in_reference]} not in reference",
        highlight=False,
    )
    if summary.failed:
        raise typer.Exit(1)


def facts(
    kind: Annotated[str | None, typer.Option(help="membership, chairmanship, visit, meeting, …")] = None,
    entity: Annotated[str | None, typer.Option(help="An id (country:KZ) or a name (Қазақстан).")] = None,
    since: SinceOption = None,
    until: UntilOption = None,
    modality: Annotated[str | None, typer.Option(help="asserted, planned, negated, …")] = None,
    corroboration: Annotated[
        bool,
        typer.Option(
            "--corroboration",
            help="Show how UN peacekeeping data or the catalog's member lists judge each fact.",
        ),
    ] = False,
    status: Annotated[
        Status | None, typer.Option(help="Only facts judged so (shows the corroboration column).")
    ] = None,
    db: DbOption = None,
    output_format: FormatOption = QueryFormat.table,
) -> None:
    """Stored facts, one per story (near-duplicates counted once, with all their sources)."""
    from kopvector.store.queries import find_facts

    first, last = parse_day(since, 0), parse_day(until, 1)
    rows = query_store(
        db,
        lambda c: find_facts(
            c,
            kind=kind,
            entity=entity,
            since=first,
            until=last,
            modality=modality,
            corroboration=corroboration,
            status=status,
        ),
    )
    columns = ["kind", "args", "time", "modality", "evidence", "published", "sources"]
    if corroboration or status:
        columns.append("corroboration")
    emit(rows, columns, output_format, "facts")


def quotes(
    speaker: Annotated[str | None, typer.Option(help="An id (person:…) or the name as written.")] = None,
    contains: Annotated[str | None, typer.Option(help="Words the quote contains (word prefixes).")] = None,
    since: SinceOption = None,
    until: UntilOption = None,
    db: DbOption = None,
    output_format: FormatOption = QueryFormat.table,
) -> None:
    """Stored quotes with their speakers, in date order."""
    from kopvector.store.queries import find_quotes

    first, last = parse_day(since, 0), parse_day(until, 1)
    rows = query_store(
        db, lambda c: find_quotes(c, speaker=speaker, contains=contains, since=first, until=last)
    )
    emit(rows, ["speaker", "text", "kind", "published", "sources"], output_format, "quotes")


def entities(
    kind: Annotated[
        str | None, typer.Option("--type", help="country, org, mission, person, place, body.")
    ] = None,
    name: Annotated[str | None, typer.Option(help="Only the entity with this id or name.")] = None,
    db: DbOption = None,
    output_format: FormatOption = QueryFormat.table,
) -> None:
    """Linked entities, most mentioned first."""
    from kopvector.store.queries import list_entities

    rows = query_store(db, lambda c: list_entities(c, kind=kind, name=name))
    emit(rows, ["id", "type", "name", "mentions", "articles"], output_format, "entities")


def search(
    words: Annotated[str, typer.Argument(help="Words every article must contain (as word prefixes).")],
    db: DbOption = None,
    output_format: FormatOption = QueryFormat.table,
) -> None:
    """Full-text search over article titles and texts, newest first."""
    from kopvector.store.queries import search_articles

    rows = query_store(db, lambda c: search_articles(c, words))
    emit(rows, ["id", "published", "title", "outlet", "snippet"], output_format, "articles")


def timeline(
    entity: Annotated[str, typer.Argument(help="An id (country:KZ, person:…) or a name.")],
    kind: Annotated[str | None, typer.Option(help="Only facts of this kind (or `quote`).")] = None,
    plot: Annotated[Path | None, typer.Option(help="Also draw the timeline to FILE.png or FILE.svg.")] = None,
    db: DbOption = None,
    output_format: FormatOption = QueryFormat.table,
) -> None:
    """Everything stored about one entity in time order: its facts and its quotes, with their sources."""
    from kopvector.store.queries import timeline as build_timeline

    if plot is not None and plot.suffix.lower() not in (".png", ".svg"):
        raise fail(f"{plot}: the chart must be a .png or .svg file")
    rows = query_store(db, lambda c: build_timeline(c, entity, kind))
    columns = ["date", "dated_by", "kind", "what", "evidence", "sources"]
    emit(rows, columns, output_format, f"timeline of {entity}")
    if plot is not None:
        from kopvector.interfaces.plots import plot_timeline

        plot_timeline(rows, entity, plot)


COMMANDS = (ingest, facts, quotes, entities, search, timeline)
