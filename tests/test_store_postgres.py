"""SQLite and PostgreSQL give identical answers to every query command on the same corpus.

`make test` starts a local PostgreSQL (scripts/test-postgres.sh) and passes its URL in
KOPVECTOR_TEST_POSTGRES; without it the test is skipped, except in CI, where it must run.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, func, select, text
from sqlalchemy.engine import make_url
from typer.testing import CliRunner

from kopvector.interfaces.cli import app
from kopvector.store.database import database_url
from kopvector.store.tables import metadata

REPO = Path(__file__).resolve().parent.parent
SAMPLES = REPO / "samples" / "corpus"
SEED = REPO.parent / "shared" / "corpus" / "seed"
QUERIES = [
    ["facts"],
    ["facts", "--kind", "membership"],
    ["facts", "--entity", "Қазақстан", "--since", "2018", "--until", "2024-06"],
    ["facts", "--modality", "asserted", "--entity", "org:SCO"],
    ["facts", "--kind", "mission_participation", "--corroboration"],
    ["facts", "--status", "corroborated"],
    ["quotes"],
    ["quotes", "--contains", "саммит"],
    ["entities"],
    ["entities", "--type", "country"],
    ["search", "Ливан миссия"],
    ["search", "ШЫҰ"],
    ["timeline", "country:KZ"],
    ["timeline", "person:kassym-jomart-tokayev"],
]


@pytest.fixture(scope="module")
def postgres_url() -> Iterator[str]:
    """A fresh database of its own on the test server, so parallel test runs never share tables."""
    url = os.environ.get("KOPVECTOR_TEST_POSTGRES")
    if not url:
        if os.environ.get("CI"):
            pytest.fail("CI must test PostgreSQL: KOPVECTOR_TEST_POSTGRES is not set")
        pytest.skip("no PostgreSQL: set KOPVECTOR_TEST_POSTGRES (make test does)")
    name = f"kopvector_test_{uuid.uuid4().hex[:12]}"
    server = create_engine(database_url(url), isolation_level="AUTOCOMMIT")
    with server.connect() as conn:
        conn.execute(text(f"CREATE DATABASE {name} TEMPLATE template0 ENCODING 'UTF8' LOCALE 'C.UTF-8'"))
    yield make_url(url).set(database=name).render_as_string(hide_password=False)
    with server.connect() as conn:
        conn.execute(text(f"DROP DATABASE {name} WITH (FORCE)"))
    server.dispose()


def run(*args: str) -> str:
    result = CliRunner().invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result.stdout


def table_counts(url: str) -> dict[str, int]:
    engine = create_engine(database_url(url))
    with engine.connect() as conn:
        found = {t.name: conn.scalar(select(func.count()).select_from(t)) for t in metadata.sorted_tables}
    engine.dispose()
    return found


def test_sqlite_and_postgresql_answer_every_query_alike(postgres_url, tmp_path):
    sqlite_path = str(tmp_path / "kv.db")
    corpus = [str(SAMPLES)] + ([str(SEED)] if SEED.is_dir() else [])
    for db in (sqlite_path, postgres_url):
        run("ingest", *corpus, "--db", db, "--workers", "1")
        first = table_counts(db)
        run("ingest", *corpus, "--db", db, "--workers", "1")
        assert table_counts(db) == {**first, "runs": 2}
    assert table_counts(sqlite_path) == table_counts(postgres_url)
    for query in QUERIES:
        for output_format in ("json", "csv"):
            on_sqlite = run(*query, "--db", sqlite_path, "--format", output_format)
            on_postgres = run(*query, "--db", postgres_url, "--format", output_format)
            assert on_sqlite == on_postgres, query
            header = output_format == "csv"
            assert len(on_sqlite.splitlines()) > header, f"{query} should find something"
    for output_format in ("jsonl", "plover"):
        exported = [tmp_path / name / output_format for name in ("sqlite", "postgres")]
        for db, out in zip((sqlite_path, postgres_url), exported, strict=True):
            out.parent.mkdir(exist_ok=True)
            run("export", "--format", output_format, "--out", str(out), "--db", db)
        files = [sorted(out.iterdir()) if out.is_dir() else [out] for out in exported]
        assert [f.name for f in files[0]] == [f.name for f in files[1]]
        for on_sqlite, on_postgres in zip(*files, strict=True):
            assert on_sqlite.read_bytes() == on_postgres.read_bytes(), on_sqlite.name
