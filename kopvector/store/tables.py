"""The store's tables, as SQLAlchemy Core metadata: one row per thing a user asks about.

Column names avoid SQL keywords (`start_char`, not `start`) so that hand-written SQL in Datasette or
psql needs no quoting. Alembic migrations under `migrations/` create exactly these tables; a test
compares the migrated database with this metadata.
"""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

metadata = MetaData()

runs = Table(
    "runs",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("started_at", DateTime(timezone=True), nullable=False),
    Column("finished_at", DateTime(timezone=True)),
    Column("pipeline_version", String(80), nullable=False),
    Column("command", Text, nullable=False),
    Column("ingested", Integer, nullable=False),
    Column("skipped", Integer, nullable=False),
    Column("duplicate", Integer, nullable=False),
    Column("failed", Integer, nullable=False),
)

articles = Table(
    "articles",
    metadata,
    Column("pk", Integer, primary_key=True),
    Column("id", String(64), nullable=False, unique=True),
    Column("cluster", String(64), nullable=False, index=True),
    Column("url", Text),
    Column("outlet", Text),
    Column("published", Date, index=True),
    Column("title", Text),
    Column("language", String(8), nullable=False),
    Column("script", String(8), nullable=False),
    Column("text", Text, nullable=False),
    Column("signature", LargeBinary),
    Column("pipeline_version", String(80), nullable=False),
    Column("run_id", Integer, ForeignKey("runs.id"), nullable=False),
)

sources = Table(
    "sources",
    metadata,
    Column("pk", Integer, primary_key=True),
    Column("article_id", String(64), ForeignKey("articles.id"), nullable=False, index=True),
    Column("location", Text, nullable=False),
    Column("url", Text),
    Column("outlet", Text),
    Column("title", Text),
    Column("published", Date),
    Column("run_id", Integer, ForeignKey("runs.id"), nullable=False),
    UniqueConstraint("article_id", "location", name="uq_sources_article_location"),
)

failures = Table(
    "failures",
    metadata,
    Column("pk", Integer, primary_key=True),
    Column("run_id", Integer, ForeignKey("runs.id"), nullable=False, index=True),
    Column("source", Text, nullable=False),
    Column("record", Text),
    Column("reason", Text, nullable=False),
)

entities = Table(
    "entities",
    metadata,
    Column("id", String(200), primary_key=True),
    Column("type", String(40), nullable=False, index=True),
    Column("name_kk", Text),
    Column("name_ru", Text),
    Column("name_en", Text),
)

mentions = Table(
    "mentions",
    metadata,
    Column("pk", Integer, primary_key=True),
    Column("article_id", String(64), ForeignKey("articles.id"), nullable=False, index=True),
    Column("sentence", Integer, nullable=False),
    Column("start_char", Integer, nullable=False),
    Column("end_char", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("label", String(40), nullable=False),
    Column("lemma", Text, nullable=False),
    Column("entity_id", String(200), index=True),
)

facts = Table(
    "facts",
    metadata,
    Column("pk", Integer, primary_key=True),
    Column("id", String(40), nullable=False, unique=True),
    Column("article_id", String(64), ForeignKey("articles.id"), nullable=False, index=True),
    Column("kind", String(40), nullable=False, index=True),
    Column("args", Text, nullable=False),
    Column("time", String(32)),
    Column("time_text", Text),
    Column("date_start", Date, index=True),
    Column("date_end", Date),
    Column("modality", String(20), nullable=False),
    Column("plover", Text),
    Column("confidence", Float, nullable=False),
    Column("sentence", Integer, nullable=False),
    Column("start_char", Integer, nullable=False),
    Column("end_char", Integer, nullable=False),
    Column("evidence", Text, nullable=False),
)

fact_args = Table(
    "fact_args",
    metadata,
    Column("pk", Integer, primary_key=True),
    Column("fact_id", String(40), ForeignKey("facts.id"), nullable=False, index=True),
    Column("role", String(40), nullable=False),
    Column("position", Integer, nullable=False),
    Column("value", Text, nullable=False),
    Index("ix_fact_args_value", "value"),
)

quotes = Table(
    "quotes",
    metadata,
    Column("pk", Integer, primary_key=True),
    Column("article_id", String(64), ForeignKey("articles.id"), nullable=False, index=True),
    Column("speaker_id", String(200), index=True),
    Column("speaker_name", Text),
    Column("speaker_role", Text),
    Column("text", Text, nullable=False),
    Column("kind", String(20), nullable=False),
    Column("cue", Text, nullable=False),
    Column("sentence", Integer, nullable=False),
    Column("start_char", Integer, nullable=False),
    Column("end_char", Integer, nullable=False),
    Column("evidence", Text, nullable=False),
)

article_bands = Table(
    "article_bands",
    metadata,
    Column("pk", Integer, primary_key=True),
    Column("band_key", BigInteger, nullable=False, index=True),
    Column("article_id", String(64), ForeignKey("articles.id"), nullable=False, index=True),
)

corroborations = Table(
    "corroborations",
    metadata,
    Column("pk", Integer, primary_key=True),
    Column("fact_id", String(40), ForeignKey("facts.id"), nullable=False, unique=True),
    Column("status", String(20), nullable=False, index=True),
    Column("detail", Text, nullable=False),
    Column("reference", String(40), nullable=False),
)
"""A fact checked against a reference outside the articles (filled by kopvector.analytics): one row a
judged fact, `status` corroborated, not_in_reference or contradicted, `reference` what said so."""

DERIVED = (mentions, quotes, article_bands)
"""Rows computed from an article's text (besides facts and their args), replaced on re-analysis."""
