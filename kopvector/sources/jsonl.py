"""Reader for JSON Lines dumps (`.jsonl`, `.ndjson`, gzipped or not): one article object per line.

Dumps can be large, so they are streamed line by line and the size limit applies to each line; a bad
line is reported with its number and the lines after it are still read.
"""

from __future__ import annotations

import json
import zlib
from collections.abc import Iterable, Iterator
from datetime import date, datetime
from pathlib import Path

from kopvector.document import Article
from kopvector.errors import InputError
from kopvector.settings import Settings
from kopvector.sources import SourceFailure
from kopvector.sources.files import open_stream, over_limit
from kopvector.sources.plaintext import article_id

_STRING_FIELDS = ("url", "title", "outlet")


def read_jsonl_file(path: Path, settings: Settings) -> Iterator[Article | SourceFailure]:
    """Every article of a JSON Lines file; a gzipped file is known by its first bytes."""
    limit = settings.max_file_bytes
    try:
        with open_stream(path) as stream:
            yield from read_jsonl_lines(iter(lambda: stream.readline(limit + 1), b""), str(path), settings)
    except InputError as exc:
        yield SourceFailure(str(path), None, exc.reason)


def read_jsonl_lines(
    chunks: Iterable[bytes], source: str, settings: Settings
) -> Iterator[Article | SourceFailure]:
    """Articles from `chunks`, each a line or, for a line over the limit, a piece of it ending it or not."""
    chunks = iter(chunks)
    limit = settings.max_file_bytes
    read = 0  # lines read whole
    try:
        for number, chunk in enumerate(chunks, 1):
            line, size = chunk, len(chunk)
            while len(chunk) > limit and not chunk.endswith(b"\n"):  # skip the rest of a long line
                chunk = next(chunks, b"")
                size += len(chunk)
            if not chunk.endswith(b"\n"):
                next(chunks, None)  # the last line: a cut-off gzip stream raises here, not after it
            read = number
            if size > limit:
                yield SourceFailure(source, f"line {number}", over_limit(settings, size))
            elif line.strip():
                yield parse_line(line, source, number)
    except (EOFError, OSError, zlib.error) as exc:
        yield SourceFailure(source, None, f"the file breaks off after line {read}: {exc}")


def parse_line(line: bytes, source: str, number: int) -> Article | SourceFailure:
    """One line's article, or the failure that says what is wrong with the line."""
    record = f"line {number}"
    try:
        item = json.loads(line.rstrip(b"\r\n").decode("utf-8"))
    except UnicodeDecodeError as exc:
        reason = f"not valid UTF-8 text (bad byte at offset {exc.start} in the line)"
        return SourceFailure(source, record, reason)
    except json.JSONDecodeError as exc:
        return SourceFailure(source, record, f"not valid JSON at column {exc.colno}: {exc.msg}")
    if not isinstance(item, dict):
        return SourceFailure(source, record, f"not a JSON object but {type(item).__name__}")
    text = item.get("text")
    if not isinstance(text, str) or not text.strip():
        return SourceFailure(source, record, "the article has no text (field 'text')")
    for key in _STRING_FIELDS:
        if not isinstance(item.get(key), str | None):
            return SourceFailure(source, record, f"field {key!r} is not a string")
    raw_date = item.get("published")
    try:
        published = parse_date(raw_date) if raw_date is not None else None
    except (TypeError, ValueError):
        return SourceFailure(source, record, f"field 'published' is not a possible ISO date: {raw_date!r}")
    return Article(
        id=article_id(text),
        text=text,
        published=published,
        title=item.get("title") or None,
        url=item.get("url") or None,
        outlet=item.get("outlet") or None,
        path=source,
    )


def parse_date(value: str) -> date:
    """The calendar date of an ISO 8601 date or datetime, as written (no shift to UTC)."""
    try:
        return date.fromisoformat(value)
    except ValueError:
        return datetime.fromisoformat(value).date()
