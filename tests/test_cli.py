"""The command line: analyse real Kazakh files, and refuse bad ones with a clear message and exit code."""

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kopvector.interfaces.cli import app

runner = CliRunner()

ARTICLE = (
    " date 2024-07-05 Астанада ШЫҰ саммиті өтті\n"
    "Шанхай ынтымақтастық ұйымының саммиті 2024 жылы Астанада өтті. "
    "Қазақстан Президенті Қасым-Жомарт Тоқаев саммитті басқарды.\n"
)


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "sco.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def test_analyze_prints_a_schema_v1_record(article):
    result = runner.invoke(app, ["analyze", str(article), "--format", "json"])
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout)
    assert record["schema"] == "kopvector.record/1"
    assert record["article"]["published"] == "2024-07-05"
    assert record["article"]["language"] == "kk"
    assert record["article"]["title"] == "Астанада ШЫҰ саммиті өтті"
    text = record["article"]["text"]
    for mention in record["mentions"]:
        assert text[mention["start"] : mention["end"]] == mention["text"]
    assert {"entities", "facts", "quotes"} <= record.keys()


def test_text_format_lists_mentions(article):
    result = runner.invoke(app, ["analyze", str(article), "--format", "text"])
    assert result.exit_code == 0, result.output
    assert "Астанада ШЫҰ саммиті өтті" in result.stdout
    assert "Тоқаев" in result.stdout


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("empty.txt", b"", "empty"),
        ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary"),
        ("latin1.txt", "Қазақстан".encode() + b"\xe9t\xe9", "UTF-8"),
    ],
)
def test_bad_input_names_the_file_and_exits_non_zero(tmp_path, name, data, reason):
    path = tmp_path / name
    path.write_bytes(data)
    result = runner.invoke(app, ["analyze", str(path)])
    assert result.exit_code == 2
    assert name in result.stderr and reason in result.stderr
    assert "Traceback" not in result.output + result.stderr


def test_oversized_file_is_refused_with_a_configurable_limit(tmp_path, article):
    big = tmp_path / "big.txt"
    with big.open("wb") as handle:
        handle.write(ARTICLE.encode() * (50 * 1024 * 1024 // len(ARTICLE.encode()) + 1))
    result = runner.invoke(app, ["analyze", str(big)])
    assert result.exit_code == 2
    assert "over the limit" in result.stderr and "KOPVECTOR_MAX_FILE_BYTES" in result.stderr
    small_limit = runner.invoke(app, ["analyze", str(article)], env={"KOPVECTOR_MAX_FILE_BYTES": "10"})
    assert small_limit.exit_code == 2


def test_one_bad_file_does_not_stop_the_others(tmp_path, article):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01\x02")
    result = runner.invoke(app, ["analyze", str(article), str(bad)])
    assert result.exit_code == 1
    assert len(result.stdout.strip().splitlines()) == 1
    assert "bad.txt" in result.stderr


def test_missing_gold_file_for_eval(tmp_path):
    result = runner.invoke(app, ["eval", "ner", str(tmp_path / "none.iob2")])
    assert result.exit_code == 2
    assert "no such file" in result.stderr


def test_catalog_search_finds_inflected_names():
    result = runner.invoke(app, ["catalog", "search", "ШЫҰ-ға", "--format", "json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)[0]["id"] == "org:SCO"
    result = runner.invoke(app, ["catalog", "search", "Ресейге", "--format", "json"])
    assert [e["id"] for e in json.loads(result.stdout)][:1] == ["country:RU"]


def test_catalog_show_gives_members_and_offices():
    sco = json.loads(runner.invoke(app, ["catalog", "show", "org:SCO", "--format", "json"]).stdout)
    assert {"entity": "country:KZ", "since": "2001", "until": None, "status": "member"} in sco["members"]
    tokayev = json.loads(
        runner.invoke(app, ["catalog", "show", "person:kassym-jomart-tokayev", "--format", "json"]).stdout
    )
    assert any(o["office"] == "head_of_state" and o["start"] == "2019-03-20" for o in tokayev["offices"])
    missing = runner.invoke(app, ["catalog", "show", "org:NOPE"])
    assert missing.exit_code == 2 and "no catalog entry" in missing.stderr
