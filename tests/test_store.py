"""The store: ingesting our own Kazakh sample articles, duplicates, re-analysis, and every query.

One ingest of the bundled sample corpus (module fixture) backs the query tests; tests that change
the store build their own in `tmp_path`.
"""

from __future__ import annotations

import asyncio
import shutil
from datetime import date
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import func, select

from kopvector.settings import Settings
from kopvector.sources import read_sources
from kopvector.store import queries, version
from kopvector.store.database import open_engine
from kopvector.store.ingest import Ingest
from kopvector.store.tables import articles, facts, mentions, metadata, quotes, sources
from kopvector.store.timespan import time_span

SAMPLES = Path(__file__).resolve().parent.parent / "samples" / "corpus"
SCO = SAMPLES / "001_sco-astana-summit-2024.txt"
PEACEKEEPING = SAMPLES / "003_un-peacekeeping-kazakhstan.txt"


def ingest(db: str, *specs: Path | str, processes: int = 1):
    engine = open_engine(db)
    settings = Settings()
    summary = Ingest(engine, settings, processes, "test").run(read_sources([str(s) for s in specs], settings))
    return engine, summary


def counts(engine) -> dict[str, int]:
    with engine.connect() as conn:
        return {
            t.name: conn.execute(select(func.count()).select_from(t)).scalar() for t in metadata.sorted_tables
        }


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    engine, summary = ingest(str(tmp_path_factory.mktemp("store") / "kv.db"), SAMPLES)
    assert summary.failed == 0
    with engine.connect() as conn:
        yield conn
    engine.dispose()


def test_reingesting_the_same_corpus_changes_no_count(tmp_path):
    engine, first = ingest(str(tmp_path / "kv.db"), SAMPLES)
    before = counts(engine)
    _, second = ingest(str(tmp_path / "kv.db"), SAMPLES)
    after = counts(engine)
    assert first.ingested == len(list(SAMPLES.glob("*.txt"))) and first.failed == 0
    assert (second.ingested, second.skipped, second.duplicate) == (0, first.ingested, 0)
    assert after == {**before, "runs": before["runs"] + 1}
    assert before["facts"] > 50 and before["quotes"] > 10 and before["mentions"] > 300


def test_exact_copy_is_stored_once_with_both_sources(tmp_path):
    copy = tmp_path / "copy" / "reprint.txt"
    copy.parent.mkdir()
    shutil.copy(SCO, copy)
    engine, summary = ingest(str(tmp_path / "kv.db"), SCO, copy)
    assert (summary.ingested, summary.duplicate) == (1, 1)
    assert counts(engine)["articles"] == 1 and counts(engine)["sources"] == 2


def test_syndicated_copy_is_clustered_and_its_facts_counted_once(tmp_path):
    original = PEACEKEEPING.read_text(encoding="utf-8")
    syndicated = tmp_path / "agency.txt"
    syndicated.write_text(
        original.rstrip("\n") + "\nАқпарат агенттіктің сайтынан алынды.\n", encoding="utf-8"
    )
    engine, summary = ingest(str(tmp_path / "kv.db"), PEACEKEEPING, syndicated)
    assert (summary.ingested, summary.near_duplicate) == (2, 1)
    with engine.connect() as conn:
        clusters = conn.execute(select(articles.c.cluster).distinct()).scalars().all()
        stored = conn.execute(select(func.count()).select_from(facts)).scalar()
        listed = queries.find_facts(conn)
    assert len(clusters) == 1
    assert len(listed) * 2 == stored
    assert all(len(fact["sources"]) == 2 for fact in listed)


def test_latin_and_cyrillic_twins_are_one_story(store):
    twins = [f for f in queries.find_facts(store) if len(f["sources"]) == 2]
    assert twins
    assert {Path(s).name for s in twins[0]["sources"]} == {
        "009_kazakhstan-memberships_cyrillic.txt",
        "009_kazakhstan-memberships_latin.txt",
    }


def test_newer_pipeline_replaces_derived_rows_atomically(tmp_path, monkeypatch):
    engine, _ = ingest(str(tmp_path / "kv.db"), PEACEKEEPING)
    before = counts(engine)
    monkeypatch.setattr(version, "pipeline_version", lambda: "9.9.9+test")
    monkeypatch.setattr("kopvector.store.ingest.pipeline_version", lambda: "9.9.9+test")
    _, summary = ingest(str(tmp_path / "kv.db"), PEACEKEEPING)
    assert summary.ingested == 1
    assert counts(engine) == {**before, "runs": 2}
    with engine.connect() as conn:
        assert conn.execute(select(articles.c.pipeline_version)).scalar() == "9.9.9+test"


def test_an_article_that_crashes_analysis_is_reported_and_the_rest_stored(tmp_path, monkeypatch):
    from kopvector.pipeline import Pipeline

    real = Pipeline.__call__

    def fragile(self, article):
        if "UNIFIL" in article.text:
            raise RuntimeError("boom")
        return real(self, article)

    monkeypatch.setattr(Pipeline, "__call__", fragile)
    engine, summary = ingest(str(tmp_path / "kv.db"), SCO, PEACEKEEPING)
    assert summary.ingested == 1
    assert [f.reason for f in summary.failures] == ["analysis failed: RuntimeError: boom"]
    assert summary.failures[0].source == str(PEACEKEEPING)
    assert counts(engine)["failures"] == 1


def test_facts_filter_by_kind_entity_name_and_time_overlap(store):
    visits = queries.find_facts(store, kind="visit")
    assert visits and {f["kind"] for f in visits} == {"visit"}
    by_name = queries.find_facts(store, entity="Ливан")
    assert by_name == queries.find_facts(store, entity="country:LB")
    assert any(f["args"].get("mission") == "mission:UNIFIL" for f in by_name)
    in_2018 = queries.find_facts(store, since=date(2018, 1, 1), until=date(2018, 12, 31))
    spans = [time_span(f["time"] or f["published"]) for f in in_2018]
    assert in_2018 and all(s <= date(2018, 12, 31) and e >= date(2018, 1, 1) for s, e in spans)
    later = queries.find_facts(store, since=date(2025, 1, 1))
    assert later and all(time_span(f["time"] or f["published"])[1] >= date(2025, 1, 1) for f in later)
    assert len(queries.find_facts(store)) > len(later)


def test_quotes_by_speaker_id_and_by_words(store):
    everyone = queries.find_quotes(store)
    named = next(q for q in everyone if q["speaker"]["id"])
    by_speaker = queries.find_quotes(store, speaker=named["speaker"]["id"])
    assert named in by_speaker and all(q["speaker"]["id"] == named["speaker"]["id"] for q in by_speaker)
    word = named["text"].split()[0].strip("«»\"',.").casefold()
    assert named in queries.find_quotes(store, contains=word)


def test_search_matches_inflected_words_by_prefix(store):
    found = queries.search_articles(store, "Ливан")
    assert found and all("ливан" in row["snippet"].casefold() for row in found)
    assert queries.search_articles(store, "Ливан миссия") and not queries.search_articles(
        store, "Ливан пингвин"
    )


def test_entities_are_counted_and_the_timeline_is_in_time_order(store):
    top = queries.list_entities(store)[0]
    assert top["id"] == "country:KZ" and top["mentions"] >= top["articles"] >= 5
    events = queries.timeline(store, "org:SCO")
    assert events and [e["date"] for e in events] == sorted(e["date"] for e in events)


def test_the_migrated_schema_is_the_declared_one(store):
    diff = compare_metadata(MigrationContext.configure(store), metadata)
    assert [d for d in diff if not (d[0] == "remove_table" and "_fts" in d[1].name)] == []


def test_every_row_points_at_a_stored_article(store):
    for table in (mentions, quotes, facts, sources):
        orphans = (
            select(func.count()).select_from(table).where(table.c.article_id.not_in(select(articles.c.id)))
        )
        assert store.execute(orphans).scalar() == 0


def test_datasette_shows_readable_views(store):
    datasette = pytest.importorskip("datasette.app")
    path = store.engine.url.database

    async def fetch():
        ds = datasette.Datasette([path])
        name = Path(path).stem
        return (await ds.client.get(f"/{name}/fact_list.json?_shape=array&kind=visit")).json()

    rows = asyncio.run(fetch())
    assert rows and {"kind", "args", "evidence", "published", "title", "outlet"} <= set(rows[0])
