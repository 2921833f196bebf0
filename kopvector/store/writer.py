"""Writing one analysed article: every row it yields, replaced as a whole, inside the caller's transaction.

The input is the schema v1 record (the output contract of `kopvector analyze`), so the store holds
exactly what the pipeline promises and nothing of its internals.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, delete, insert, select, update
from sqlalchemy.dialects import postgresql, sqlite

from kopvector.document import Article
from kopvector.store.duplicates import Signature
from kopvector.store.tables import (
    DERIVED,
    article_bands,
    articles,
    corroborations,
    entities,
    fact_args,
    facts,
    mentions,
    quotes,
    sources,
)
from kopvector.store.timespan import time_span

NEAR_DUPLICATE = 0.8


def add_source(conn: Connection, article: Article, run_id: int) -> bool:
    """Note where `article` was read (once per location); True if this location is new."""
    statement = _insert_ignore(conn, sources).values(
        article_id=article.id,
        location=article.url or _location(article.path),
        url=article.url,
        outlet=article.outlet,
        title=article.title,
        published=article.published,
        run_id=run_id,
    )
    return conn.execute(statement).rowcount > 0


def _location(path: str | None) -> str:
    """A file as an absolute path, so the same file named from another folder is the same source."""
    if not path or path == "-" or "://" in path:
        return path or "-"
    return str(Path(path).resolve())


def save_record(
    conn: Connection, record: dict[str, Any], signature: Signature, version: str, run_id: int
) -> str:
    """Store an analysed article (replacing an older analysis of it); returns its duplicate cluster id."""
    meta = record["article"]
    article_id = meta["id"]
    existing = conn.execute(select(articles.c.cluster).where(articles.c.id == article_id)).scalar()
    cluster = existing or nearest_cluster(conn, article_id, signature) or article_id
    row = {
        "cluster": cluster,
        "url": meta["url"],
        "outlet": meta["outlet"],
        "published": date.fromisoformat(meta["published"]) if meta["published"] else None,
        "title": meta["title"],
        "language": meta["language"],
        "script": meta["script"],
        "text": meta["text"],
        "signature": signature.to_bytes(),
        "pipeline_version": version,
        "run_id": run_id,
    }
    if existing is None:
        conn.execute(insert(articles).values(id=article_id, **row))
    else:
        _delete_derived(conn, article_id)
        conn.execute(update(articles).where(articles.c.id == article_id).values(**row))
    _insert_rows(conn, record, signature, row["published"])
    return cluster


def nearest_cluster(conn: Connection, article_id: str, signature: Signature) -> str | None:
    """The cluster of the most similar stored article at or above the near-duplicate threshold."""
    candidates = (
        select(articles.c.id, articles.c.cluster, articles.c.signature)
        .where(
            articles.c.id.in_(
                select(article_bands.c.article_id).where(article_bands.c.band_key.in_(signature.band_keys()))
            ),
            articles.c.id != article_id,
        )
        .order_by(articles.c.pk)
    )
    rows = conn.execute(candidates)
    scored = [(signature.similarity(Signature.from_bytes(r.signature)), r.cluster) for r in rows]
    close = [(score, cluster) for score, cluster in scored if score >= NEAR_DUPLICATE]
    return max(close, key=lambda pair: pair[0])[1] if close else None  # the earliest on a tie


def _delete_derived(conn: Connection, article_id: str) -> None:
    fact_ids = select(facts.c.id).where(facts.c.article_id == article_id)
    conn.execute(delete(corroborations).where(corroborations.c.fact_id.in_(fact_ids)))
    conn.execute(delete(fact_args).where(fact_args.c.fact_id.in_(fact_ids)))
    conn.execute(delete(facts).where(facts.c.article_id == article_id))
    for table in DERIVED:
        conn.execute(delete(table).where(table.c.article_id == article_id))


def _insert_rows(
    conn: Connection, record: dict[str, Any], signature: Signature, published: date | None
) -> None:
    article_id = record["article"]["id"]
    if record["entities"]:
        conn.execute(
            _insert_ignore(conn, entities),
            [
                {
                    "id": e["id"],
                    "type": e["type"],
                    "name_kk": e["name"].get("kk"),
                    "name_ru": e["name"].get("ru"),
                    "name_en": e["name"].get("en"),
                }
                for e in record["entities"]
            ],
        )
    _insert_many(
        conn,
        mentions,
        [
            {
                "article_id": article_id,
                "sentence": m["sentence"],
                "start_char": m["start"],
                "end_char": m["end"],
                "text": m["text"],
                "label": m["label"],
                "lemma": m["lemma"],
                "entity_id": m["entity"],
            }
            for m in record["mentions"]
        ],
    )
    _insert_many(
        conn,
        quotes,
        [
            {
                "article_id": article_id,
                "speaker_id": q["speaker"]["entity"],
                "speaker_name": q["speaker"]["name"],
                "speaker_role": q["speaker"]["role"],
                "text": q["text"],
                "kind": q["kind"],
                "cue": q["cue"],
                **_evidence_columns(q["evidence"]),
            }
            for q in record["quotes"]
        ],
    )
    bands = [{"article_id": article_id, "band_key": key} for key in signature.band_keys()]
    _insert_many(conn, article_bands, bands)
    fact_rows, arg_rows = [], []
    for fact_id, fact in _fact_ids(article_id, record["facts"]):
        time = fact["time"]["value"] if fact["time"] else None
        start, end = time_span(time) if time else (published, published)
        fact_rows.append(
            {
                "id": fact_id,
                "article_id": article_id,
                "kind": fact["kind"],
                "args": json.dumps(fact["args"], ensure_ascii=False, sort_keys=True),
                "time": time,
                "time_text": fact["time"]["text"] if fact["time"] else None,
                "date_start": start,
                "date_end": end,
                "modality": fact["modality"],
                "plover": json.dumps(fact["plover"], sort_keys=True) if fact["plover"] else None,
                "confidence": fact["confidence"],
                **_evidence_columns(fact["evidence"]),
            }
        )
        arg_rows += [{"fact_id": fact_id, **arg} for arg in _arg_rows(fact["args"])]
    _insert_many(conn, facts, fact_rows)
    _insert_many(conn, fact_args, arg_rows)


def _fact_ids(article_id: str, found: list[dict[str, Any]]) -> Iterator[tuple[str, dict[str, Any]]]:
    """A stable id per fact: its content hashed with the article, plus a counter for exact repeats."""
    seen: Counter[str] = Counter()
    for fact in found:
        content = json.dumps(
            [article_id, fact["kind"], fact["args"], fact["time"], fact["evidence"]["start"]],
            ensure_ascii=False,
            sort_keys=True,
        )
        seen[content] += 1
        yield hashlib.sha1(f"{content}#{seen[content]}".encode()).hexdigest(), fact


def _arg_rows(args: dict[str, Any]) -> Iterator[dict[str, Any]]:
    for role, value in sorted(args.items()):
        for position, item in enumerate(value if isinstance(value, list) else [value]):
            yield {"role": role, "position": position, "value": str(item)}


def _evidence_columns(evidence: dict[str, Any]) -> dict[str, Any]:
    return {
        "sentence": evidence["sentence"],
        "start_char": evidence["start"],
        "end_char": evidence["end"],
        "evidence": evidence["text"],
    }


def _insert_many(conn: Connection, table: Any, rows: list[dict[str, Any]]) -> None:
    if rows:
        conn.execute(insert(table), rows)


def _insert_ignore(conn: Connection, table: Any) -> Any:
    """INSERT that skips rows whose unique key exists, in the dialect at hand."""
    dialect = postgresql if conn.dialect.name == "postgresql" else sqlite
    return dialect.insert(table).on_conflict_do_nothing()
