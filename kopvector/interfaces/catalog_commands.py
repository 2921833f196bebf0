"""`kopvector catalog search TEXT` and `kopvector catalog show ID`: the reference catalog for people."""

from __future__ import annotations

import json
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from kopvector.entities.catalog import CatalogEntry, load_catalog
from kopvector.entities.catalog.load import normalize_form

catalog_app = typer.Typer(help="Look things up in the reference catalog.", no_args_is_help=True)
FORMATS = ("table", "json")


def _check_format(value: str) -> str:
    if value not in FORMATS:
        raise typer.BadParameter(f"choose one of {', '.join(FORMATS)}")
    return value


def search_ids(text: str, limit: int) -> list[str]:
    """Ids whose name or alias equals `text` or its Kazakh lemma first, then those containing it."""
    from kopvector.language.kk.morphology import Analyzer

    catalog = load_catalog()
    query = normalize_form(text)
    lemma = normalize_form(Analyzer.load().lemmatize_name(text.split())) if text.split() else query
    found: list[str] = [*catalog.find(query), *catalog.find(lemma)]
    for form, ids in catalog.by_form.items():
        if query in form:
            found.extend(ids)
    return list(dict.fromkeys(found))[:limit]


def entry_json(entry: CatalogEntry) -> dict[str, Any]:
    """Everything the catalog knows of one entry, as plain JSON."""
    data: dict[str, Any] = {
        "id": entry.id,
        "type": entry.type,
        "names": dict(entry.names),
        "aliases": {lang: list(v) for lang, v in entry.aliases.items()},
    }
    optional = {
        "vector": entry.vector,
        "lean": entry.lean,
        "parent": entry.parent,
        "country": entry.country,
        "capital": entry.capital,
        "hosts": list(entry.hosts),
        "locations": list(entry.locations),
        "start": entry.start,
        "end": entry.end,
        "demonyms": {lang: list(v) for lang, v in entry.demonyms.items()},
        "members": [
            {"entity": m.entity, "since": m.since, "until": m.until, "status": m.status}
            for m in entry.members
        ],
        "offices": [
            {"office": o.office, "of": o.of, "title": dict(o.title), "start": o.start, "end": o.end}
            for o in entry.offices
        ],
    }
    data.update({key: value for key, value in optional.items() if value})
    return data


@catalog_app.command("search")
def search(
    text: Annotated[str, typer.Argument(help="A name in any form: Ресейге, ШЫҰ-ға, Tokayev, UNIFIL.")],
    output_format: Annotated[
        str, typer.Option("--format", callback=_check_format, help="table or json")
    ] = "table",
    limit: Annotated[int, typer.Option(help="At most this many results.")] = 20,
) -> None:
    """Find catalog entries by name, alias or acronym, in Kazakh, Russian or English."""
    catalog = load_catalog()
    entries = [catalog[i] for i in search_ids(text, limit)]
    if output_format == "json":
        print(json.dumps([entry_json(e) for e in entries], ensure_ascii=False))
        return
    if not entries:
        Console(stderr=True, soft_wrap=True).print(f"nothing in the catalog matches {text!r}")
        raise typer.Exit(1)
    table = Table()
    for column in ("id", "kk", "ru", "en", "vector"):
        table.add_column(column)
    for e in entries:
        table.add_row(
            e.id, e.names.get("kk", ""), e.names.get("ru", ""), e.names.get("en", ""), e.vector or ""
        )
    Console().print(table)


@catalog_app.command("show")
def show(
    entity_id: Annotated[str, typer.Argument(metavar="ID", help="A canonical id, e.g. org:SCO.")],
    output_format: Annotated[
        str, typer.Option("--format", callback=_check_format, help="table or json")
    ] = "table",
) -> None:
    """Everything the catalog holds on one id: names, aliases, vector, members, offices, dates."""
    entry = load_catalog().get(entity_id)
    if entry is None:
        Console(stderr=True, soft_wrap=True).print(
            f"[bold red]error:[/] no catalog entry {entity_id!r} (try `kopvector catalog search`)"
        )
        raise typer.Exit(2)
    data = entry_json(entry)
    if output_format == "json":
        print(json.dumps(data, ensure_ascii=False))
        return
    table = Table(title=entry.id, show_header=False)
    table.add_column("field", style="bold")
    table.add_column("value")
    for key, value in data.items():
        if key == "id":
            continue
        if key == "members":
            value = ", ".join(
                m["entity"].split(":", 1)[1] + (f" ({m['since']})" if m["since"] else "") for m in value
            )
        elif key == "offices":
            value = "\n".join(
                f"{o['title'].get('en', o['office'])}: {o['start'] or '?'} – {o['end'] or ''}" for o in value
            )
        elif isinstance(value, dict):
            value = "\n".join(
                f"{lang}: {v if isinstance(v, str) else ', '.join(v)}" for lang, v in value.items()
            )
        elif isinstance(value, list):
            value = ", ".join(value)
        table.add_row(key, str(value))
    Console().print(table)
