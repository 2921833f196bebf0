"""`kopvector export`: the store's facts, quotes, entities and articles as CSV, JSON Lines, Parquet or PLOVER.

The rows are the answers of the query commands with the same filters, so an export holds exactly
what `kopvector facts|quotes|entities` show (with every column, not only the printed ones). One table
goes to the file `--out` names; several go into the folder `--out` names, one file per table. PLOVER
is one JSON Lines file of event records built from the facts (see `plover.py`).
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from sqlalchemy import Connection

from kopvector.interfaces.store_commands import (
    DbOption,
    SinceOption,
    UntilOption,
    err,
    fail,
    open_store,
    parse_day,
)

TABLE_NAMES = ("facts", "quotes", "entities", "articles")
"""What `--what` may name, in export order (the keys of `exports.TABLES`, which imports pyarrow)."""


class ExportFormat(StrEnum):
    csv = "csv"
    jsonl = "jsonl"
    parquet = "parquet"
    plover = "plover"


def export(
    output_format: Annotated[
        ExportFormat, typer.Option("--format", "-f", help="csv, jsonl, parquet, or plover (event records).")
    ],
    out: Annotated[
        Path, typer.Option("--out", "-o", help="A file for one table or PLOVER, else a folder (created).")
    ],
    what: Annotated[
        str | None,
        typer.Option(help="Tables, comma-separated: facts,quotes,entities,articles (default: all)."),
    ] = None,
    kind: Annotated[str | None, typer.Option(help="Facts of this kind only.")] = None,
    entity: Annotated[str | None, typer.Option(help="Facts involving this id or name only.")] = None,
    modality: Annotated[str | None, typer.Option(help="Facts of this modality only.")] = None,
    speaker: Annotated[str | None, typer.Option(help="Quotes by this id or name only.")] = None,
    contains: Annotated[str | None, typer.Option(help="Quotes containing these words only.")] = None,
    entity_type: Annotated[str | None, typer.Option("--type", help="Entities of this type only.")] = None,
    since: SinceOption = None,
    until: UntilOption = None,
    db: DbOption = None,
) -> None:
    """Export stored facts, quotes, entities and articles, with the same filters as the query commands."""
    from kopvector.interfaces.exports import write_folder, write_jsonl, write_table

    tables = _tables(what, output_format)
    first, last = parse_day(since, 0), parse_day(until, 1)
    as_folder = output_format is not ExportFormat.plover and len(tables) > 1
    _check_destination(out, as_folder)
    filters = {
        "facts": {"kind": kind, "entity": entity, "modality": modality, "since": first, "until": last},
        "quotes": {"speaker": speaker, "contains": contains, "since": first, "until": last},
        "entities": {"kind": entity_type},
        "articles": {"since": first, "until": last},
    }
    engine = open_store(db)
    try:
        with engine.connect() as conn:
            if output_format is ExportFormat.plover:
                rows = {"PLOVER events": _plover_rows(conn, filters["facts"])}
            else:
                rows = {table: _rows(conn, table, filters[table]) for table in tables}
    finally:
        engine.dispose()
    try:
        if output_format is ExportFormat.plover:
            write_jsonl(rows["PLOVER events"], out)
        elif as_folder:
            write_folder(rows, output_format, out)
        else:
            write_table(rows[tables[0]], tables[0], output_format, out)
    except OSError as exc:
        raise fail(f"{out}: cannot write the export: {exc.strerror or exc}") from None
    counts = ", ".join(f"{len(found)} {table}" for table, found in rows.items())
    err.print(f"exported {counts} to {out}", highlight=False)


def _tables(what: str | None, output_format: ExportFormat) -> list[str]:
    """The tables asked for, in export order; PLOVER is made of facts only."""
    asked = {t.strip() for t in what.split(",") if t.strip()} if what else None
    unknown = sorted((asked or set()) - set(TABLE_NAMES))
    if unknown:
        raise fail(f"unknown table(s) {', '.join(unknown)}; choose from {', '.join(TABLE_NAMES)}")
    if output_format is ExportFormat.plover:
        if asked not in (None, {"facts"}):
            raise fail("--format plover exports facts only; leave out --what or give --what facts")
        return ["facts"]
    if asked is not None and not asked:
        raise fail(f"--what names no table; choose from {', '.join(TABLE_NAMES)}")
    return [t for t in TABLE_NAMES if asked is None or t in asked]


def _check_destination(out: Path, as_folder: bool) -> None:
    """Refuse, before any query runs, a destination the export could not be written to."""
    if as_folder and out.exists() and not out.is_dir():
        raise fail(f"{out}: is a file, but several tables are exported into a folder; give a folder")
    if not as_folder and out.is_dir():
        raise fail(f"{out}: is a folder; give a file name (one file is written)")
    if not out.parent.is_dir():
        raise fail(f"{out.parent}: no such folder")


def _rows(conn: Connection, table: str, filters: dict[str, Any]) -> list[dict[str, Any]]:
    from kopvector.store import queries

    ask = {
        "facts": queries.find_facts,
        "quotes": queries.find_quotes,
        "entities": queries.list_entities,
        "articles": queries.list_articles,
    }[table]
    return ask(conn, **filters)


def _plover_rows(conn: Connection, filters: dict[str, Any]) -> list[dict[str, Any]]:
    from kopvector.entities.catalog import load_catalog
    from kopvector.interfaces.plover import plover_events
    from kopvector.store.queries import article_links, find_facts

    return plover_events(find_facts(conn, **filters), article_links(conn), load_catalog())
