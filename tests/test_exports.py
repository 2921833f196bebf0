"""`kopvector export`: every format read back equals what the query commands show, and bad output
paths fail clearly without leaving half-written files.

One store (module fixture) holds our own Kazakh sample corpus plus one JSON Lines article with a URL,
an outlet and a title full of CSV's special characters (commas, «», "quotes", a newline in the text).
"""

from __future__ import annotations

import csv
import json
import os
from datetime import date
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from kopvector.interfaces import exports
from kopvector.interfaces.cli import app
from kopvector.interfaces.exports import read_jsonl, read_table, write_table
from kopvector.settings import Settings
from kopvector.sources import read_sources
from kopvector.store import queries
from kopvector.store.database import open_engine
from kopvector.store.ingest import Ingest

SAMPLES = Path(__file__).resolve().parent.parent / "samples" / "corpus"
BISHKEK = {
    "url": "https://egemen.kz/article/2025-03-14-bishkek",
    "outlet": "egemen.kz",
    "title": "Тоқаев пен Жапаров Бішкекте кездесті, «су мен көлік» туралы",
    "published": "2025-03-14",
    "text": "Қазақстан Президенті Қасым-Жомарт Тоқаев Бішкекке ресми сапармен барды.\n"
    "Мемлекет басшысы Қырғызстан Президенті Садыр Жапаровпен кездесті. "
    "Тараптар сауда, көлік және су саласындағы ынтымақтастықты талқылады.\n"
    '«Біздің елдеріміз – бауырлас, "стратегиялық" серіктес», – деді Қасым-Жомарт Тоқаев.',
}
TABULAR = ("csv", "jsonl", "parquet")
TOKAYEV = "person:kassym-jomart-tokayev"


def invoke(*args: str):
    return CliRunner().invoke(app, list(args))


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> str:
    folder = tmp_path_factory.mktemp("store")
    extra = folder / "egemen.jsonl"
    extra.write_text(json.dumps(BISHKEK, ensure_ascii=False) + "\n", encoding="utf-8")
    path = str(folder / "kv.db")
    engine = open_engine(path)
    settings = Settings()
    summary = Ingest(engine, settings, 1, "test").run(read_sources([str(SAMPLES), str(extra)], settings))
    engine.dispose()
    assert summary.failed == 0 and summary.ingested == 11
    return path


@pytest.fixture(scope="module")
def shown(db):
    """What the query functions answer, unfiltered, per table."""
    engine = open_engine(db)
    with engine.connect() as conn:
        answers = {
            "facts": queries.find_facts(conn),
            "quotes": queries.find_quotes(conn),
            "entities": queries.list_entities(conn),
            "articles": queries.list_articles(conn),
        }
    engine.dispose()
    return answers


@pytest.mark.parametrize("fmt", TABULAR)
def test_every_table_reads_back_equal_to_the_queries(db, shown, tmp_path, fmt):
    out = tmp_path / "export"
    result = invoke("export", "--format", fmt, "--out", str(out), "--db", db)
    assert result.exit_code == 0, result.stderr
    assert sorted(p.name for p in out.iterdir()) == sorted(f"{t}.{fmt}" for t in shown)
    for table, rows in shown.items():
        assert rows, table
        assert read_table(out / f"{table}.{fmt}", table, fmt) == rows, table
    assert f"exported {len(shown['facts'])} facts" in result.stderr


def test_the_store_holds_what_the_round_trip_must_keep(shown):
    """The comparisons above mean something only if the store has nulls, nesting and CSV's special
    characters in it."""
    bishkek = next(a for a in shown["articles"] if a["url"] == BISHKEK["url"])
    assert bishkek["title"] == BISHKEK["title"] and "\n" in bishkek["text"]
    assert bishkek["sources"] == [
        {
            "location": BISHKEK["url"],
            "url": BISHKEK["url"],
            "outlet": "egemen.kz",
            "title": BISHKEK["title"],
            "published": "2025-03-14",
        }
    ]
    assert any(a["title"] is None for a in shown["articles"])
    assert any(f["time"] is None for f in shown["facts"]) and any(f["plover"] for f in shown["facts"])
    assert any(len(f["sources"]) == 2 for f in shown["facts"])
    assert any('"' in q["text"] for q in shown["quotes"])


@pytest.mark.parametrize("fmt", TABULAR)
def test_one_table_with_filters_is_one_file_equal_to_the_filtered_query(db, tmp_path, fmt):
    out = tmp_path / f"visits.{fmt}"
    args = ("--what", "facts", "--kind", "meeting", "--entity", TOKAYEV, "--since", "2024")
    result = invoke("export", "-f", fmt, "-o", str(out), "--db", db, *args)
    assert result.exit_code == 0, result.stderr
    engine = open_engine(db)
    with engine.connect() as conn:
        expected = queries.find_facts(conn, kind="meeting", entity=TOKAYEV, since=date(2024, 1, 1))
    engine.dispose()
    assert expected and read_table(out, "facts", fmt) == expected
    assert list(tmp_path.iterdir()) == [out]


def test_quote_and_entity_filters_apply_to_their_tables(db, tmp_path):
    out = tmp_path / "export"
    speaker, kind = TOKAYEV, "mission"
    result = invoke("export", "-f", "jsonl", "-o", str(out), "--db", db, "--speaker", speaker, "--type", kind)
    assert result.exit_code == 0, result.stderr
    quoted = read_table(out / "quotes.jsonl", "quotes", "jsonl")
    assert quoted and {q["speaker"]["id"] for q in quoted} == {speaker}
    assert {e["type"] for e in read_table(out / "entities.jsonl", "entities", "jsonl")} == {kind}


def test_parquet_has_real_dates_lists_and_structs(db, tmp_path):
    out = tmp_path / "export"
    assert invoke("export", "-f", "parquet", "-o", str(out), "--db", db).exit_code == 0
    facts, quotes = pq.read_schema(out / "facts.parquet"), pq.read_schema(out / "quotes.parquet")
    assert facts.field("published").type == pa.date32()
    assert facts.field("sources").type == pa.list_(pa.string())
    assert facts.field("args").type == pa.string()
    assert pa.types.is_struct(quotes.field("speaker").type)
    sources = pq.read_schema(out / "articles.parquet").field("sources").type
    assert sources.value_type.field("published").type == pa.date32()


def test_csv_writes_null_as_an_empty_cell_and_nesting_as_json(tmp_path):
    row = {
        "id": "f1",
        "kind": "agreement",
        "args": {"parties": ["country:KZ", "country:CN"], "personnel": 12},
        "time": None,
        "time_text": None,
        "modality": "asserted",
        "plover": {"event_type": "AGREE"},
        "confidence": 0.75,
        "evidence": 'Екі ел «Жол», "белбеу"\nкелісіміне қол қойды.',
        "article_id": "a1",
        "published": "2024-07-03",
        "title": None,
        "sources": ["egemen.kz", "/tmp/a, b.txt"],
    }
    path = tmp_path / "facts.csv"
    write_table([row], "facts", "csv", path)
    header, line = path.read_text(encoding="utf-8").split("\n", 1)
    assert header.startswith("id,kind,args,time,time_text,modality,plover,confidence,")
    args = '"{""parties"": [""country:KZ"", ""country:CN""], ""personnel"": 12}"'
    assert line.startswith(f"f1,agreement,{args},,,asserted,")
    assert read_table(path, "facts", "csv") == [row]


def test_csv_reads_back_an_article_longer_than_the_csv_modules_cell_limit(shown, tmp_path):
    article = {**shown["articles"][0], "text": "Қазақстан, «көпвекторлы» саясат.\n" * 10_000}
    path = tmp_path / "articles.csv"
    write_table([article], "articles", "csv", path)
    assert len(article["text"]) > csv.field_size_limit()
    assert read_table(path, "articles", "csv") == [article]


def test_plover_has_one_event_per_fact_with_a_plover_category(db, shown, tmp_path):
    out = tmp_path / "events.jsonl"
    result = invoke("export", "--format", "plover", "--out", str(out), "--db", db)
    assert result.exit_code == 0, result.stderr
    events = read_jsonl(out)
    eventful = [f for f in shown["facts"] if f["plover"]]
    assert {f["kind"] for f in eventful} >= {"visit", "meeting", "agreement", "cooperation"}
    assert not {f["kind"] for f in eventful} & {"membership", "chairmanship", "statement"}
    assert [(e["id"], e["date"], e["text"], e["event"], e["mode"]) for e in events] == [
        (f["id"], f["time"] or f["published"], f["evidence"], p["event_type"], p.get("mode"))
        for f in eventful
        for p in [f["plover"]]
    ]


def test_plover_actor_and_recipient_come_from_the_kinds_roles(db, tmp_path):
    out = tmp_path / "events.jsonl"
    assert invoke("export", "-f", "plover", "-o", str(out), "--db", db, "--since", "2025-03").exit_code == 0
    by_kind = {e["kind"]: e for e in read_jsonl(out) if e["url"] == BISHKEK["url"]}
    visit, meeting, cooperation = by_kind["visit"], by_kind["meeting"], by_kind["cooperation"]
    tokayev = (TOKAYEV, "KAZ")
    assert (visit["actor"], visit["actor_country"]) == tokayev
    assert (visit["recipient"], visit["recipient_country"]) == ("country:KG", "KGZ")
    assert (meeting["actor"], meeting["actor_country"]) == tokayev
    assert (meeting["recipient"], meeting["recipient_country"]) == ("person:sadyr-japarov", "KGZ")
    assert (cooperation["event"], cooperation["actor"], cooperation["recipient"]) == (
        "COOPERATE",
        "country:KZ",
        "country:KG",
    )
    assert visit["publisher"] == "egemen.kz" and visit["date"] == "2025-03-14"
    assert visit["args"]["visit_type"] == "official"


def test_a_file_where_a_folder_is_needed_is_a_clear_error_and_stays_untouched(db, tmp_path):
    taken = tmp_path / "export"
    taken.write_text("мазмұны", encoding="utf-8")
    result = invoke("export", "-f", "csv", "-o", str(taken), "--db", db)
    assert result.exit_code == 2 and isinstance(result.exception, SystemExit)
    assert "is a file" in result.stderr and "Traceback" not in result.output
    assert taken.read_text(encoding="utf-8") == "мазмұны" and list(tmp_path.iterdir()) == [taken]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--what", "facts", "-o", "{tmp}"), "is a folder"),
        (("--what", "facts", "-o", "{tmp}/missing/facts.csv"), "no such folder"),
        (("--what", "facts,treaties", "-o", "{tmp}/x"), "unknown table(s) treaties"),
        (("--what", ",", "-o", "{tmp}/x"), "names no table"),
    ],
)
def test_bad_out_or_what_exits_2_with_the_reason(db, tmp_path, args, message):
    filled = [a.replace("{tmp}", str(tmp_path)) for a in args]
    result = invoke("export", "-f", "csv", "--db", db, *filled)
    assert result.exit_code == 2 and message in result.stderr
    assert isinstance(result.exception, SystemExit) and list(tmp_path.iterdir()) == []


def test_plover_refuses_other_tables(db, tmp_path):
    result = invoke("export", "-f", "plover", "--what", "quotes", "-o", str(tmp_path / "e.jsonl"), "--db", db)
    assert result.exit_code == 2 and "facts only" in result.stderr


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write into a read-only folder")
def test_an_unwritable_folder_is_a_clear_error(db, tmp_path):
    locked = tmp_path / "locked"
    locked.mkdir(mode=0o500)
    result = invoke("export", "-f", "csv", "--what", "facts", "-o", str(locked / "facts.csv"), "--db", db)
    assert result.exit_code == 2 and "cannot write the export" in result.stderr
    assert isinstance(result.exception, SystemExit)


def test_a_write_failing_part_way_leaves_the_old_files_and_no_debris(db, tmp_path, monkeypatch):
    out = tmp_path / "export"
    assert invoke("export", "-f", "csv", "-o", str(out), "--db", db).exit_code == 0
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    calls = 0

    def disk_full_soon(value):
        nonlocal calls
        calls += 1
        if calls > 500:
            raise OSError(28, "No space left on device")
        return "" if value is None else str(value)

    monkeypatch.setattr(exports, "_csv_cell", disk_full_soon)
    for target in (out, tmp_path / "fresh"):
        calls = 0
        result = invoke("export", "-f", "csv", "-o", str(target), "--db", db)
        assert result.exit_code == 2 and "No space left on device" in result.stderr
        assert isinstance(result.exception, SystemExit)
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["export"]


def test_a_single_file_failing_part_way_keeps_the_old_file(db, tmp_path, monkeypatch):
    out = tmp_path / "facts.parquet"
    assert invoke("export", "-f", "parquet", "--what", "facts", "-o", str(out), "--db", db).exit_code == 0
    before = out.read_bytes()

    def broken(*_args, **_kwargs):
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(exports.pq, "write_table", broken)
    result = invoke("export", "-f", "parquet", "--what", "facts", "-o", str(out), "--db", db)
    assert result.exit_code == 2 and "Input/output error" in result.stderr
    assert out.read_bytes() == before and list(tmp_path.iterdir()) == [out]
