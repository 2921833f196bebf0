"""Reading the store: the answers behind `kopvector facts|quotes|entities|search|timeline|export`.

Every answer is a list of JSON-ready dicts in a fully specified order, so SQLite and PostgreSQL
give identical output. Near-duplicate articles (one agency story on several sites) form a cluster;
a fact or quote that several members of a cluster state is listed once, with every source.
Full-text search uses FTS5 on SQLite and `to_tsvector('simple', …)` on PostgreSQL; each query
word matches as a prefix, because Kazakh words carry their case endings ("Ливан" finds "Ливанда").
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Iterable
from datetime import date
from typing import Any

from sqlalchemy import Connection, Select, exists, func, or_, select, text

from kopvector.store.tables import (
    articles,
    corroborations,
    entities,
    fact_args,
    facts,
    mentions,
    quotes,
    sources,
)

_WORD = re.compile(r"\w+")
_SNIPPET = 80
_IDS_PER_QUERY = 1000


def find_facts(
    conn: Connection,
    kind: str | None = None,
    entity: str | None = None,
    since: date | None = None,
    until: date | None = None,
    modality: str | None = None,
    corroboration: bool = False,
    status: str | None = None,
) -> list[dict[str, Any]]:
    """Facts matching every given filter, one per near-duplicate cluster, ordered by time.

    With `corroboration` (or a corroboration `status` to keep), each fact carries its judgement
    against a reference: `{"status", "detail", "reference"}`, or None where nothing judged it.
    """
    query = (
        select(
            facts,
            articles.c.cluster,
            articles.c.published,
            articles.c.title,
            corroborations.c.status.label("corroboration_status"),
            corroborations.c.detail.label("corroboration_detail"),
            corroborations.c.reference.label("corroboration_reference"),
        )
        .join(articles, articles.c.id == facts.c.article_id)
        .join(corroborations, corroborations.c.fact_id == facts.c.id, isouter=True)
        .order_by(
            facts.c.date_start.nulls_last(),
            articles.c.published.nulls_last(),
            articles.c.id,
            facts.c.start_char,
            facts.c.kind,
            facts.c.id,
        )
    )
    if kind:
        query = query.where(facts.c.kind == kind)
    if modality:
        query = query.where(facts.c.modality == modality)
    if status:
        query = query.where(corroborations.c.status == status)
    if entity:
        ids = resolve_entity(conn, entity)
        query = query.where(exists().where(fact_args.c.fact_id == facts.c.id, fact_args.c.value.in_(ids)))
    query = _overlapping(query, facts.c.date_start, facts.c.date_end, since, until)
    rows = list(conn.execute(query).mappings())
    grouped = _cluster(rows, lambda r: (r["cluster"], r["kind"], r["args"], r["time"], r["modality"]))
    where = _sources_of(conn, {r["article_id"] for r in rows})
    judged = corroboration or status is not None
    return [
        {
            "id": first["id"],
            "kind": first["kind"],
            "args": json.loads(first["args"]),
            "time": first["time"],
            "time_text": first["time_text"],
            "modality": first["modality"],
            "plover": json.loads(first["plover"]) if first["plover"] else None,
            "confidence": first["confidence"],
            **_told(first, members, where),
            **({"corroboration": _corroboration(first)} if judged else {}),
        }
        for first, members in grouped
    ]


def find_quotes(
    conn: Connection,
    speaker: str | None = None,
    contains: str | None = None,
    since: date | None = None,
    until: date | None = None,
) -> list[dict[str, Any]]:
    """Quotes by a speaker (an id or a name as written) and/or containing words, ordered by date."""
    query = (
        select(quotes, articles.c.cluster, articles.c.published, articles.c.title)
        .join(articles, articles.c.id == quotes.c.article_id)
        .order_by(articles.c.published.nulls_last(), articles.c.id, quotes.c.start_char, quotes.c.text)
    )
    if speaker:
        ids = resolve_entity(conn, speaker)
        query = query.where(or_(quotes.c.speaker_id.in_(ids), quotes.c.speaker_name == speaker))
    if contains:
        query = query.where(quotes.c.pk.in_(_full_text(conn, "quotes", contains)))
    query = _overlapping(query, articles.c.published, articles.c.published, since, until)
    rows = list(conn.execute(query).mappings())
    grouped = _cluster(rows, lambda r: (r["cluster"], r["speaker_id"], r["speaker_name"], r["text"]))
    where = _sources_of(conn, {r["article_id"] for r in rows})
    return [
        {
            "speaker": {
                "id": first["speaker_id"],
                "name": first["speaker_name"],
                "role": first["speaker_role"],
            },
            "text": first["text"],
            "kind": first["kind"],
            "cue": first["cue"],
            **_told(first, members, where),
        }
        for first, members in grouped
    ]


def list_entities(conn: Connection, kind: str | None = None, name: str | None = None) -> list[dict[str, Any]]:
    """Linked entities with how often and in how many articles they are mentioned, most mentioned first."""
    count = func.count(mentions.c.pk)
    query = (
        select(
            entities,
            count.label("mentions"),
            func.count(func.distinct(mentions.c.article_id)).label("articles"),
        )
        .join(mentions, mentions.c.entity_id == entities.c.id, isouter=True)
        .group_by(entities.c.id, entities.c.type, entities.c.name_kk, entities.c.name_ru, entities.c.name_en)
        .order_by(count.desc(), entities.c.id)
    )
    if kind:
        query = query.where(entities.c.type == kind)
    if name:
        query = query.where(entities.c.id.in_(resolve_entity(conn, name)))
    return [
        {
            "id": r["id"],
            "type": r["type"],
            "name": {"kk": r["name_kk"], "ru": r["name_ru"], "en": r["name_en"]},
            "mentions": r["mentions"],
            "articles": r["articles"],
        }
        for r in conn.execute(query).mappings()
    ]


def list_articles(
    conn: Connection, since: date | None = None, until: date | None = None
) -> list[dict[str, Any]]:
    """Stored articles with their metadata, every place they were read from, and their full text.

    Ordered by publication date (undated last), then id. `since`/`until` keep articles published in
    the range; an undated article is kept only when no range is given.
    """
    query = _overlapping(select(articles), articles.c.published, articles.c.published, since, until)
    read_from = _source_rows(conn, query.with_only_columns(articles.c.id))
    rows = conn.execute(query.order_by(articles.c.published.nulls_last(), articles.c.id)).mappings()
    return [
        {
            "id": r["id"],
            "cluster": r["cluster"],
            "url": r["url"],
            "outlet": r["outlet"],
            "published": _iso(r["published"]),
            "title": r["title"],
            "language": r["language"],
            "script": r["script"],
            "pipeline_version": r["pipeline_version"],
            "sources": read_from[r["id"]],
            "text": r["text"],
        }
        for r in rows
    ]


def article_links(conn: Connection) -> dict[str, dict[str, str | None]]:
    """Each article's URL and outlet by its id: what an exported event cites, without the texts."""
    query = select(articles.c.id, articles.c.url, articles.c.outlet)
    return {row.id: {"url": row.url, "outlet": row.outlet} for row in conn.execute(query)}


def search_articles(conn: Connection, words: str) -> list[dict[str, Any]]:
    """Articles whose title or text contain every word (as a word prefix), newest first."""
    query = (
        select(articles.c.id, articles.c.published, articles.c.title, articles.c.outlet, articles.c.text)
        .where(articles.c.pk.in_(_full_text(conn, "articles", words)))
        .order_by(articles.c.published.desc().nulls_last(), articles.c.id)
    )
    terms = _terms(words)
    return [
        {
            "id": r["id"],
            "published": _iso(r["published"]),
            "title": r["title"],
            "outlet": r["outlet"],
            "snippet": _snippet(r["text"], terms),
        }
        for r in conn.execute(query).mappings()
    ]


def timeline(conn: Connection, entity: str, kind: str | None = None) -> list[dict[str, Any]]:
    """Everything the store says about one entity in time order: its facts (of `kind`), its quotes."""
    events = [
        {
            "date": fact["time"] or fact["published"],
            "dated_by": "text" if fact["time"] else "article",
            "kind": fact["kind"],
            "what": _describe(fact["args"]),
            "evidence": fact["evidence"],
            "article_id": fact["article_id"],
            "sources": fact["sources"],
        }
        for fact in find_facts(conn, entity=entity, kind=kind)
    ]
    events += [
        {
            "date": quote["published"],
            "dated_by": "article",
            "kind": "quote",
            "what": quote["text"],
            "evidence": quote["evidence"],
            "article_id": quote["article_id"],
            "sources": quote["sources"],
        }
        for quote in (find_quotes(conn, speaker=entity) if kind in (None, "quote") else [])
    ]
    return sorted(events, key=lambda e: (e["date"] is None, e["date"] or "", e["article_id"], e["kind"]))


def resolve_entity(conn: Connection, name: str) -> list[str]:
    """Entity ids for an id as given, or for a name in any of the stored languages (case-insensitive)."""
    wanted = name.strip().casefold()
    names = select(entities.c.id, entities.c.name_kk, entities.c.name_ru, entities.c.name_en)
    ids = [
        row.id
        for row in conn.execute(names)
        if wanted in {(value or "").casefold() for value in (row.id, row.name_kk, row.name_ru, row.name_en)}
    ]
    return ids or [name]


def _overlapping(query: Select, start: Any, end: Any, since: date | None, until: date | None) -> Select:
    if since:
        query = query.where(end >= since)
    if until:
        query = query.where(start <= until)
    return query


def _full_text(conn: Connection, table: str, words: str) -> Any:
    """Primary keys of `table` rows containing every word of `words` as a word prefix."""
    terms = _terms(words)
    if not terms:
        return select(articles.c.pk).where(text("1 = 0"))
    if conn.dialect.name == "sqlite":
        match = " AND ".join(f'"{term}"*' for term in terms)
        return text(f"SELECT rowid FROM {table}_fts WHERE {table}_fts MATCH :match").bindparams(match=match)
    document = "coalesce(title, '') || ' ' || text" if table == "articles" else "text"
    match = " & ".join(f"{term}:*" for term in terms)
    return text(
        f"SELECT pk FROM {table} WHERE to_tsvector('simple', {document}) @@ to_tsquery('simple', :match)"
    ).bindparams(match=match)


def _terms(words: str) -> list[str]:
    return _WORD.findall(words.casefold())


def _snippet(body: str, terms: list[str]) -> str:
    folded = body.casefold()
    hits = [i for term in terms if (i := _word_start(folded, term)) >= 0]
    at = min(hits) if hits else 0
    start = max(0, at - _SNIPPET // 2)
    piece = " ".join(body[start : start + _SNIPPET].split())
    return ("…" if start else "") + piece + ("…" if start + _SNIPPET < len(body) else "")


def _word_start(folded: str, term: str) -> int:
    match = re.search(rf"(?<!\w){re.escape(term)}", folded)
    return match.start() if match else -1


def _cluster(rows: Iterable[Any], key: Any) -> list[tuple[Any, list[Any]]]:
    """Rows grouped by `key`, in the order of each group's first row."""
    groups: dict[Any, list[Any]] = {}
    for row in rows:
        groups.setdefault(key(row), []).append(row)
    return [(members[0], members) for members in groups.values()]


def _sources_of(conn: Connection, article_ids: set[str]) -> dict[str, list[str]]:
    """Each article's sources, asked in chunks: databases cap the bound parameters of one statement."""
    found: dict[str, list[str]] = defaultdict(list)
    ordered = sorted(article_ids)
    for first in range(0, len(ordered), _IDS_PER_QUERY):
        query = (
            select(sources.c.article_id, sources.c.outlet, sources.c.location)
            .where(sources.c.article_id.in_(ordered[first : first + _IDS_PER_QUERY]))
            .order_by(sources.c.article_id, sources.c.location)
        )
        for row in conn.execute(query):
            found[row.article_id].append(row.outlet or row.location)
    return found


def _source_rows(conn: Connection, article_ids: Select) -> dict[str, list[dict[str, Any]]]:
    """Every place each selected article was read from (a file path or URL, with what that source said).

    The ids come as a subquery, not a list, so that a whole store fits in one query.
    """
    found: dict[str, list[dict[str, Any]]] = defaultdict(list)
    query = (
        select(sources)
        .where(sources.c.article_id.in_(article_ids))
        .order_by(sources.c.article_id, sources.c.location)
    )
    for row in conn.execute(query).mappings():
        found[row["article_id"]].append(
            {
                "location": row["location"],
                "url": row["url"],
                "outlet": row["outlet"],
                "title": row["title"],
                "published": _iso(row["published"]),
            }
        )
    return found


def _told(first: Any, members: list[Any], where: dict[str, list[str]]) -> dict[str, Any]:
    """Where a fact or quote is told: its evidence, its first article, and every source of its story."""
    return {
        "evidence": first["evidence"],
        "article_id": first["article_id"],
        "published": _iso(first["published"]),
        "title": first["title"],
        "sources": _merged_sources(where, members),
    }


def _merged_sources(where: dict[str, list[str]], members: list[Any]) -> list[str]:
    return sorted({source for member in members for source in where[member["article_id"]]})


def _corroboration(row: Any) -> dict[str, str] | None:
    if row["corroboration_status"] is None:
        return None
    return {
        "status": row["corroboration_status"],
        "detail": row["corroboration_detail"],
        "reference": row["corroboration_reference"],
    }


def _describe(args: dict[str, Any]) -> str:
    parts = (f"{role}={', '.join(map(str, v)) if isinstance(v, list) else v}" for role, v in args.items())
    return "; ".join(parts)


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None
