"""`read_sources` on plain text, JSON Lines, folders and stdin: the articles, their order and the failures."""

from __future__ import annotations

import gzip
import io
import json
from datetime import date
from pathlib import Path

from kopvector.document import Article
from kopvector.settings import Settings
from kopvector.sources import SourceFailure, read_sources
from kopvector.sources.plaintext import article_id

UN = "Қазақстан 1992 жылғы 2 наурызда Біріккен Ұлттар Ұйымына мүше болды."
OSCE = "2010 жылғы 1–2 желтоқсанда Астанада ЕҚЫҰ саммиті өтті."
SCO = "2024 жылғы 3–4 шілдеде Астанада ШЫҰ саммиті өтті."
EAEU = "2014 жылғы 29 мамырда Астанада Еуразиялық экономикалық одақ туралы шартқа қол қойылды."
WTO = "Қазақстан 2015 жылғы 30 қарашада Дүниежүзілік сауда ұйымына мүше болды."


def read(*specs: str | Path, settings: Settings | None = None, stdin: bytes | None = None) -> list:
    stream = io.BytesIO(stdin) if stdin is not None else None
    return list(read_sources([str(spec) for spec in specs], settings or Settings(), stream))


def jsonl(*items: object) -> bytes:
    return b"".join(
        (item if isinstance(item, bytes) else json.dumps(item, ensure_ascii=False).encode()) + b"\n"
        for item in items
    )


def test_a_text_file_in_the_seed_format(tmp_path):
    path = tmp_path / "sco.txt"
    path.write_text(f" date 2024-07-04 {SCO}\nСаммитке мүше мемлекеттердің басшылары қатысты.\n")
    [article] = read(path)
    assert article.published == date(2024, 7, 4)
    assert article.text == f"{SCO}\nСаммитке мүше мемлекеттердің басшылары қатысты.\n"
    assert article.id == article_id(article.text)
    assert article.path == str(path)


def test_a_text_file_that_is_not_utf8_is_a_failure_naming_the_offset(tmp_path):
    path = tmp_path / "bad.txt"
    path.write_bytes(UN.encode()[:10] + b"\xff" + UN.encode()[10:])
    assert read(path) == [SourceFailure(str(path), None, "not valid UTF-8 text (bad byte at offset 10)")]


def test_a_file_over_the_limit_says_how_to_raise_it(tmp_path):
    path = tmp_path / "long.txt"
    path.write_text(OSCE * 10)
    [failure] = read(path, settings=Settings(max_file_bytes=100))
    assert isinstance(failure, SourceFailure)
    assert failure.record is None
    assert "over the limit of 100 bytes" in failure.reason
    assert "KOPVECTOR_MAX_FILE_BYTES" in failure.reason


def test_jsonl_fields_and_a_datetime_kept_as_its_own_date(tmp_path):
    path = tmp_path / "dump.jsonl"
    item = {
        "url": "https://example.kz/sco",
        "title": "ШЫҰ саммиті",
        "published": "2024-07-04T01:30:00+05:00",
        "text": SCO,
        "outlet": "Мысал",
    }
    path.write_bytes(jsonl(item, {"text": EAEU, "published": "2014-05-29"}))
    first, second = read(path)
    assert first == Article(
        id=article_id(SCO),
        text=SCO,
        published=date(2024, 7, 4),
        title="ШЫҰ саммиті",
        url="https://example.kz/sco",
        outlet="Мысал",
        path=str(path),
    )
    assert (second.text, second.published, second.title, second.url) == (EAEU, date(2014, 5, 29), None, None)


def test_bad_jsonl_lines_are_failures_and_the_good_ones_still_come_out(tmp_path):
    path = tmp_path / "mixed.ndjson"
    path.write_bytes(
        jsonl(
            {"text": UN},
            b"",
            b'{"text": "\xd0\x90\xff"}',
            b'{"text": "unterminated',
            b'["a list"]',
            {"title": "мәтінсіз", "text": "  "},
            {"text": OSCE, "published": "2025-02-30"},
            {"text": OSCE, "title": 7},
            {"text": WTO},
        )
    )
    results = read(path)
    assert [r.text for r in results if isinstance(r, Article)] == [UN, WTO]
    failures = {r.record: r.reason for r in results if isinstance(r, SourceFailure)}
    assert failures == {
        "line 3": "not valid UTF-8 text (bad byte at offset 12 in the line)",
        "line 4": "not valid JSON at column 10: Unterminated string starting at",
        "line 5": "not a JSON object but list",
        "line 6": "the article has no text (field 'text')",
        "line 7": "field 'published' is not a possible ISO date: '2025-02-30'",
        "line 8": "field 'title' is not a string",
    }
    assert [type(r).__name__ for r in results][-1] == "Article"  # order kept: WTO is the last line
    assert all(r.source == str(path) for r in results if isinstance(r, SourceFailure))


def test_a_jsonl_line_over_the_limit_is_refused_alone(tmp_path):
    path = tmp_path / "dump.jsonl"
    path.write_bytes(jsonl({"text": UN}, {"text": OSCE * 20}, {"text": SCO}))
    results = read(path, settings=Settings(max_file_bytes=300))
    assert [r.text for r in results if isinstance(r, Article)] == [UN, SCO]
    [failure] = [r for r in results if isinstance(r, SourceFailure)]
    assert failure.record == "line 2"
    assert failure.reason.startswith(f"is {len(jsonl({'text': OSCE * 20})):,} bytes, over the limit of 300")


def test_a_gzipped_jsonl_cut_in_the_middle_gives_the_lines_before_the_break(tmp_path):
    items = [{"text": f"{n}. {UN}"} for n in range(1, 201)]
    whole = gzip.compress(jsonl(*items))
    path = tmp_path / "cut.jsonl.gz"
    path.write_bytes(whole[: len(whole) // 2])
    results = read(path)
    *articles, failure = results
    assert articles, "the lines before the break come out"
    assert [a.text for a in articles] == [item["text"] for item in items[: len(articles)]]
    assert len(articles) < len(items)
    assert failure.source == str(path)
    assert failure.record is None
    assert failure.reason.startswith(f"the file breaks off after line {len(articles)}: Compressed file ended")
    whole_path = tmp_path / "whole.jsonl.gz"
    whole_path.write_bytes(whole)
    assert len(read(whole_path)) == len(items)


def test_a_folder_is_read_in_sorted_order_and_unknown_files_are_skipped(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "2.txt").write_text(OSCE)
    (tmp_path / "a.txt").write_text(UN)
    (tmp_path / "c.jsonl").write_bytes(jsonl({"text": EAEU}, {"text": WTO}))
    (tmp_path / "notes.md").write_text("# жазбалар")
    (tmp_path / "b" / "1.TXT").write_text(SCO)
    results = read(tmp_path)
    assert [(Path(r.path).relative_to(tmp_path).as_posix(), r.text) for r in results] == [
        ("a.txt", UN),
        ("b/1.TXT", SCO),
        ("b/2.txt", OSCE),
        ("c.jsonl", EAEU),
        ("c.jsonl", WTO),
    ]


def test_sources_are_read_in_the_order_given_and_failures_do_not_stop_the_rest(tmp_path):
    (tmp_path / "a.txt").write_text(UN)
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "notes.md").write_text(OSCE)
    names = ("notes.md", "missing.txt", "empty.txt", "a.txt")
    unknown, missing, empty, article = read(*(tmp_path / name for name in names))
    assert unknown.source == str(tmp_path / "notes.md")
    assert unknown.reason.startswith("unknown source type; expected ")
    assert ".jsonl.gz" in unknown.reason and ".warc.gz" in unknown.reason
    assert missing == SourceFailure(str(tmp_path / "missing.txt"), None, "does not exist")
    assert empty == SourceFailure(str(tmp_path / "empty.txt"), None, "the file is empty")
    assert article.text == UN


def test_a_file_without_a_known_extension_is_sniffed(tmp_path):
    (tmp_path / "export").write_bytes(gzip.compress(jsonl({"text": UN})))
    (tmp_path / "crawl").write_text(f" date 2010-12-01 {OSCE}")
    exported, crawled = read(tmp_path / "export", tmp_path / "crawl")
    assert (exported.text, exported.path) == (UN, str(tmp_path / "export"))
    assert (crawled.text, crawled.published) == (OSCE, date(2010, 12, 1))


def test_an_empty_folder_is_a_failure(tmp_path):
    (tmp_path / "notes.md").write_text(UN)
    [failure] = read(tmp_path)
    assert failure.source == str(tmp_path)
    assert failure.reason.startswith("the folder has no file of a known type")


def test_stdin_with_jsonl(tmp_path):
    data = b"\n" + jsonl({"text": UN, "url": "https://example.kz/un"}, b"{broken", {"text": WTO})
    first, failure, second = read("-", stdin=data)
    assert (first.text, first.url, first.path) == (UN, "https://example.kz/un", "-")
    assert (failure.source, failure.record) == ("-", "line 3")
    assert failure.reason.startswith("not valid JSON")
    assert second.text == WTO


def test_stdin_with_one_plain_text_article():
    [article] = read("-", stdin=f" date 2015-11-30 {WTO}\n".encode())
    assert (article.text, article.published, article.path) == (f"{WTO}\n", date(2015, 11, 30), "-")


def test_stdin_failures():
    assert read("-", stdin=b"  \n") == [SourceFailure("-", None, "the file is empty")]
    [failure] = read("-", stdin=(UN * 10).encode(), settings=Settings(max_file_bytes=50))
    assert failure.reason.startswith("is over the limit of 50 bytes (raise KOPVECTOR_MAX_FILE_BYTES")
