"""The first store: articles, their sources, mentions, entities, facts with args, quotes, runs.

Full-text search is SQLite FTS5 (external-content tables kept in sync by triggers, which Datasette
recognises) or, on PostgreSQL, GIN indexes over `to_tsvector('simple', …)`; views give Datasette
readable tables of facts, quotes and entities.

Revision ID: 0001
Revises:
Create Date: 2026-11-24
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

_SQLITE_FTS = (
    "CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content='articles', content_rowid='pk', "
    "tokenize='unicode61 remove_diacritics 0')",
    "CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN "
    "INSERT INTO articles_fts(rowid, title, text) VALUES (new.pk, new.title, new.text); END",
    "CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN "
    "INSERT INTO articles_fts(articles_fts, rowid, title, text) "
    "VALUES ('delete', old.pk, old.title, old.text); "
    "END",
    "CREATE TRIGGER articles_au AFTER UPDATE OF title, text ON articles BEGIN "
    "INSERT INTO articles_fts(articles_fts, rowid, title, text) "
    "VALUES ('delete', old.pk, old.title, old.text); "
    "INSERT INTO articles_fts(rowid, title, text) VALUES (new.pk, new.title, new.text); END",
    "CREATE VIRTUAL TABLE quotes_fts USING fts5(text, content='quotes', content_rowid='pk', "
    "tokenize='unicode61 remove_diacritics 0')",
    "CREATE TRIGGER quotes_ai AFTER INSERT ON quotes BEGIN "
    "INSERT INTO quotes_fts(rowid, text) VALUES (new.pk, new.text); END",
    "CREATE TRIGGER quotes_ad AFTER DELETE ON quotes BEGIN "
    "INSERT INTO quotes_fts(quotes_fts, rowid, text) VALUES ('delete', old.pk, old.text); END",
)
_POSTGRES_FTS = (
    "CREATE INDEX ix_articles_fts ON articles "
    "USING gin (to_tsvector('simple', coalesce(title, '') || ' ' || text))",
    "CREATE INDEX ix_quotes_fts ON quotes USING gin (to_tsvector('simple', text))",
)
_VIEWS = (
    "CREATE VIEW fact_list AS SELECT f.kind, f.time, f.modality, f.args, f.evidence, a.published, "
    "a.title, a.outlet, a.url, f.article_id, f.id AS fact_id "
    "FROM facts f JOIN articles a ON a.id = f.article_id",
    "CREATE VIEW quote_list AS SELECT q.speaker_name, q.speaker_role, q.speaker_id, q.text, q.kind, "
    "a.published, a.title, a.outlet, a.url, q.article_id "
    "FROM quotes q JOIN articles a ON a.id = q.article_id",
    "CREATE VIEW entity_list AS SELECT e.id, e.type, e.name_en, e.name_kk, e.name_ru, "
    "COUNT(m.pk) AS mentions, COUNT(DISTINCT m.article_id) AS articles FROM entities e "
    "LEFT JOIN mentions m ON m.entity_id = e.id GROUP BY e.id, e.type, e.name_en, e.name_kk, e.name_ru",
)


def upgrade() -> None:
    op.create_table(
        "runs",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("finished_at", sa.DateTime(timezone=True)),
        sa.Column("pipeline_version", sa.String(80), nullable=False),
        sa.Column("command", sa.Text, nullable=False),
        sa.Column("ingested", sa.Integer, nullable=False),
        sa.Column("skipped", sa.Integer, nullable=False),
        sa.Column("duplicate", sa.Integer, nullable=False),
        sa.Column("failed", sa.Integer, nullable=False),
    )
    op.create_table(
        "articles",
        sa.Column("pk", sa.Integer, primary_key=True),
        sa.Column("id", sa.String(64), nullable=False, unique=True),
        sa.Column("cluster", sa.String(64), nullable=False, index=True),
        sa.Column("url", sa.Text),
        sa.Column("outlet", sa.Text),
        sa.Column("published", sa.Date, index=True),
        sa.Column("title", sa.Text),
        sa.Column("language", sa.String(8), nullable=False),
        sa.Column("script", sa.String(8), nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("signature", sa.LargeBinary),
        sa.Column("pipeline_version", sa.String(80), nullable=False),
        sa.Column("run_id", sa.Integer, sa.ForeignKey("runs.id"), nullable=False),
    )
    op.create_table(
        "sources",
        sa.Column("pk", sa.Integer, primary_key=True),
        sa.Column("article_id", sa.String(64), sa.ForeignKey("articles.id"), nullable=False, index=True),
        sa.Column("location", sa.Text, nullable=False),
        sa.Column("url", sa.Text),
        sa.Column("outlet", sa.Text),
        sa.Column("title", sa.Text),
        sa.Column("published", sa.Date),
        sa.Column("run_id", sa.Integer, sa.ForeignKey("runs.id"), nullable=False),
        sa.UniqueConstraint("article_id", "location", name="uq_sources_article_location"),
    )
    op.create_table(
        "failures",
        sa.Column("pk", sa.Integer, primary_key=True),
        sa.Column("run_id", sa.Integer, sa.ForeignKey("runs.id"), nullable=False, index=True),
        sa.Column("source", sa.Text, nullable=False),
        sa.Column("record", sa.Text),
        sa.Column("reason", sa.Text, nullable=False),
    )
    op.create_table(
        "entities",
        sa.Column("id", sa.String(200), primary_key=True),
        sa.Column("type", sa.String(40), nullable=False, index=True),
        sa.Column("name_kk", sa.Text),
        sa.Column("name_ru", sa.Text),
        sa.Column("name_en", sa.Text),
    )
    op.create_table(
        "mentions",
        sa.Column("pk", sa.Integer, primary_key=True),
        sa.Column("article_id", sa.String(64), sa.ForeignKey("articles.id"), nullable=False, index=True),
        sa.Column("sentence", sa.Integer, nullable=False),
        sa.Column("start_char", sa.Integer, nullable=False),
        sa.Column("end_char", sa.Integer, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("label", sa.String(40), nullable=False),
        sa.Column("lemma", sa.Text, nullable=False),
        sa.Column("entity_id", sa.String(200), index=True),
    )
    op.create_table(
        "facts",
        sa.Column("pk", sa.Integer, primary_key=True),
        sa.Column("id", sa.String(40), nullable=False, unique=True),
        sa.Column("article_id", sa.String(64), sa.ForeignKey("articles.id"), nullable=False, index=True),
        sa.Column("kind", sa.String(40), nullable=False, index=True),
        sa.Column("args", sa.Text, nullable=False),
        sa.Column("time", sa.String(32)),
        sa.Column("time_text", sa.Text),
        sa.Column("date_start", sa.Date, index=True),
        sa.Column("date_end", sa.Date),
        sa.Column("modality", sa.String(20), nullable=False),
        sa.Column("plover", sa.Text),
        sa.Column("confidence", sa.Float, nullable=False),
        sa.Column("sentence", sa.Integer, nullable=False),
        sa.Column("start_char", sa.Integer, nullable=False),
        sa.Column("end_char", sa.Integer, nullable=False),
        sa.Column("evidence", sa.Text, nullable=False),
    )
    op.create_table(
        "fact_args",
        sa.Column("pk", sa.Integer, primary_key=True),
        sa.Column("fact_id", sa.String(40), sa.ForeignKey("facts.id"), nullable=False, index=True),
        sa.Column("role", sa.String(40), nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("value", sa.Text, nullable=False),
        sa.Index("ix_fact_args_value", "value"),
    )
    op.create_table(
        "quotes",
        sa.Column("pk", sa.Integer, primary_key=True),
        sa.Column("article_id", sa.String(64), sa.ForeignKey("articles.id"), nullable=False, index=True),
        sa.Column("speaker_id", sa.String(200), index=True),
        sa.Column("speaker_name", sa.Text),
        sa.Column("speaker_role", sa.Text),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("cue", sa.Text, nullable=False),
        sa.Column("sentence", sa.Integer, nullable=False),
        sa.Column("start_char", sa.Integer, nullable=False),
        sa.Column("end_char", sa.Integer, nullable=False),
        sa.Column("evidence", sa.Text, nullable=False),
    )
    op.create_table(
        "article_bands",
        sa.Column("pk", sa.Integer, primary_key=True),
        sa.Column("band_key", sa.BigInteger, nullable=False, index=True),
        sa.Column("article_id", sa.String(64), sa.ForeignKey("articles.id"), nullable=False, index=True),
    )
    dialect = op.get_bind().dialect.name
    for statement in (_SQLITE_FTS if dialect == "sqlite" else _POSTGRES_FTS) + _VIEWS:
        op.execute(statement)


def downgrade() -> None:
    for view in ("entity_list", "quote_list", "fact_list"):
        op.execute(f"DROP VIEW {view}")
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TABLE quotes_fts")
        op.execute("DROP TABLE articles_fts")
    for table in (
        "article_bands",
        "quotes",
        "fact_args",
        "facts",
        "mentions",
        "entities",
        "failures",
        "sources",
        "articles",
        "runs",
    ):
        op.drop_table(table)
