"""The store's commands as a user meets them: summaries, exit codes, formats, clear errors."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from pathlib import Path

from typer.testing import CliRunner

from kopvector.interfaces.cli import app

SAMPLES = Path(__file__).resolve().parent.parent / "samples" / "corpus"
PEACEKEEPING = SAMPLES / "003_un-peacekeeping-kazakhstan.txt"


def invoke(*args: str, stdin: bytes | None = None):
    return CliRunner().invoke(app, list(args), input=stdin)


def test_ingest_reports_a_bad_file_and_exits_1_after_storing_the_rest(tmp_path):
    broken = tmp_path / "broken.txt"
    broken.write_bytes(b"\xff\xfe\x00binary")
    db = str(tmp_path / "kv.db")
    result = invoke("ingest", str(PEACEKEEPING), str(broken), "--db", db, "--workers", "1")
    assert result.exit_code == 1
    assert "broken.txt" in result.stderr and "ingested 1 " in result.stderr and "failed 1" in result.stderr
    facts = invoke("facts", "--db", db, "--entity", "mission:UNIFIL", "--format", "json")
    rows = [json.loads(line) for line in facts.stdout.splitlines()]
    assert rows and all("UNIFIL" in row["evidence"] for row in rows)


def test_plain_text_from_stdin(tmp_path):
    db = str(tmp_path / "kv.db")
    text = " date 2023-09-19 Тоқаев Нью-Йоркте БҰҰ Бас Ассамблеясының 78-сессиясында сөз сөйледі.\n"
    result = invoke("ingest", "-", "--db", db, "--workers", "1", stdin=text.encode())
    assert result.exit_code == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(invoke("search", "Ассамблея", "--db", db, "-f", "csv").stdout)))
    assert [row["published"] for row in rows] == ["2023-09-19"]


def test_queries_print_a_table_by_default(tmp_path):
    db = str(tmp_path / "kv.db")
    invoke("ingest", str(PEACEKEEPING), "--db", db, "--workers", "1")
    result = invoke("entities", "--db", db, "--type", "mission")
    assert result.exit_code == 0 and "mission:UNIFIL" in result.stdout and "entities (" in result.stdout


def test_a_bad_date_or_database_is_a_clear_error(tmp_path):
    bad_date = invoke("facts", "--db", str(tmp_path / "kv.db"), "--since", "last spring")
    assert bad_date.exit_code == 2 and "'last spring' is not a date" in bad_date.stderr
    not_a_store = tmp_path / "notes.db"
    not_a_store.write_text("Бұл дерекқор емес.", encoding="utf-8")
    bad_db = invoke("facts", "--db", str(not_a_store))
    assert bad_db.exit_code == 2 and "notes.db" in bad_db.stderr and "cannot be opened" in bad_db.stderr


def test_a_store_whose_tables_do_not_match_is_one_line_not_a_traceback(tmp_path):
    db = tmp_path / "kv.db"
    invoke("ingest", str(PEACEKEEPING), "--db", str(db), "--workers", "1")
    with sqlite3.connect(db) as conn:
        conn.execute("ALTER TABLE facts DROP COLUMN plover")
    result = invoke("facts", "--db", str(db))
    assert result.exit_code == 2
    assert (
        "kv.db: the store could not answer (OperationalError: no such column: facts.plover)" in result.stderr
    )


def test_timeline_of_peacekeeping_by_kind_with_a_chart(tmp_path):
    db = str(tmp_path / "kv.db")
    invoke("ingest", str(PEACEKEEPING), "--db", db, "--workers", "1")
    chart = tmp_path / "timeline.svg"
    result = invoke(
        "timeline",
        "country:KZ",
        "--kind",
        "mission_participation",
        "--db",
        db,
        "-f",
        "json",
        "--plot",
        str(chart),
    )
    assert result.exit_code == 0, result.stderr
    events = [json.loads(line) for line in result.stdout.splitlines()]
    assert {e["kind"] for e in events} == {"mission_participation"}
    dated = [(e["date"][:4], e["what"]) for e in events if e["dated_by"] == "text"]
    assert [year for year, _ in dated] == sorted(year for year, _ in dated)
    for year, mission in (("2014", "MINURSO"), ("2024", "UNDOF")):  # 2014 from "Сол жылы"
        assert any(y == year and f"mission:{mission}" in what for y, what in dated), (year, mission)
    assert any("mission:UNIFIL" in e["what"] and e["dated_by"] == "article" for e in events)
    assert chart.read_text(encoding="utf-8").lstrip().startswith("<?xml") and "UNDOF" in chart.read_text()
