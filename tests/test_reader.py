from datetime import date
from pathlib import Path

import pytest

from kopvector.errors import InputError
from kopvector.settings import Settings
from kopvector.sources.plaintext import article_id, read_text_file


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_reads_date_prefix_on_the_first_paragraph_line(tmp_path):
    body = "Қазақстан ЕҚЫҰ-ға 2010 жылы төрағалық етті.\nЕкінші абзац.\n"
    path = write(tmp_path, "a.txt", f" date 2010-12-03 {body}".encode())
    article = read_text_file(path, Settings())
    assert article.published == date(2010, 12, 3)
    assert article.text == body
    assert article.id == article_id(body)
    assert article.title is None


def test_date_prefix_without_leading_space_and_headline_title(tmp_path):
    body = "Астанада ШЫҰ саммиті өтті\nСаммит шілдеде өтті.\n"
    article = read_text_file(write(tmp_path, "b.txt", f"date 2024-07-05 {body}".encode()), Settings())
    assert article.published == date(2024, 7, 5)
    assert article.title == "Астанада ШЫҰ саммиті өтті"


def test_plain_text_has_no_date(tmp_path):
    article = read_text_file(write(tmp_path, "c.txt", "Тоқаев Бейжіңге барды.".encode()), Settings())
    assert article.published is None
    assert article.text == "Тоқаев Бейжіңге барды."


def test_id_ignores_quote_and_dash_variants():
    assert article_id("«Бейбітшілік» — басты мақсат.") == article_id("«Бейбітшілік» – басты мақсат.\n")
    assert article_id("Астана") != article_id("Алматы")


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty"),
        (b"  \n ", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        ("Қазақстан".encode()[:-1] + b"\xff\xfe", "UTF-8"),
        (b" date 2025-02-30 \xd0\x90", "impossible date"),
        (b" date 2025-02-03 \n  ", "no text"),
    ],
)
def test_bad_files_name_the_file_and_the_problem(tmp_path, data, reason):
    path = write(tmp_path, "bad.txt", data)
    with pytest.raises(InputError) as caught:
        read_text_file(path, Settings())
    assert str(path) in str(caught.value)
    assert reason in str(caught.value)


def test_oversized_file_is_refused_under_the_configured_limit(tmp_path):
    path = write(tmp_path, "big.txt", "Қазақстан. ".encode() * 200)
    with pytest.raises(InputError, match="over the limit"):
        read_text_file(path, Settings(max_file_bytes=1000))
    assert read_text_file(path, Settings(max_file_bytes=10_000)).text.startswith("Қазақстан")


def test_missing_file(tmp_path):
    with pytest.raises(InputError, match="cannot be read"):
        read_text_file(tmp_path / "nope.txt", Settings())
