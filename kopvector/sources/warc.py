"""Reader for web archives (`.warc`, `.warc.gz`): warcio walks the records, the HTML reader reads each
archived page.

warcio ends quietly where an archive breaks off (a cut gzip member, a half-written header), so the
gzip is unpacked here, where a cut shows as an error, and every byte read must belong to a record.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from email.message import Message
from pathlib import Path
from typing import BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed
from warcio.recordloader import ArcWarcRecord
from warcio.statusandheaders import StatusAndHeadersParserException

from kopvector.document import Article
from kopvector.errors import InputError
from kopvector.settings import Settings
from kopvector.sources import SourceFailure
from kopvector.sources.files import open_stream, over_limit
from kopvector.sources.html import NO_TEXT, page_article

_HTML_TYPES = ("text/html", "application/xhtml+xml")
_TAIL = 4096  # enough to see that what follows the last record is only blank lines


class _Broken(Exception):
    """The archive's bytes could not be read on (warcio would take an EOFError for the end)."""


class _Counted:
    """The archive's bytes as warcio reads them: counted, the last few kept, read errors made `_Broken`."""

    def __init__(self, stream: BinaryIO) -> None:
        self._stream = stream
        self.count = 0
        self.tail = b""

    def read(self, size: int = -1) -> bytes:
        try:
            data = self._stream.read1(size)  # read() would drop what it got before a cut gzip ends
        except (EOFError, OSError, zlib.error) as exc:
            raise _Broken(str(exc)) from exc
        self.count += len(data)
        self.tail = (self.tail + data)[-_TAIL:]
        return data


def read_warc_file(path: Path, settings: Settings) -> Iterator[Article | SourceFailure]:
    """The article of every successful HTML response in the archive, in archive order."""
    source = str(path)
    try:
        with open_stream(path) as stream:
            yield from _records(_Counted(stream), source, settings)
    except InputError as exc:
        yield SourceFailure(source, None, exc.reason)


def _records(stream: _Counted, source: str, settings: Settings) -> Iterator[Article | SourceFailure]:
    records = ArchiveIterator(stream)
    done = end = 0
    try:
        for number, record in enumerate(_guarded(records), 1):
            if record.format != "warc":  # warcio takes any line of five words for an ARC header
                raise _Broken(f"record {number} is not a WARC record")
            if not (record.rec_headers.get_header("Content-Length") or "").strip().isdigit():
                raise _Broken(f"record {number} has no Content-Length")  # its header was cut short
            name = f"record {number} ({_uri(record)})"
            page = _body(record, source, settings, name)
            while record.raw_stream.read(_TAIL):  # the rest of the record, to see that it is whole
                pass
            if record.raw_stream.limit:
                raise _Broken(f"record {number} is cut short")
            done = number
            if isinstance(page, tuple):
                yield _article(page, record, source, name)
            elif page is not None:
                yield page
            end = records.get_record_offset() + records.get_record_length()
    except _Broken as exc:
        yield SourceFailure(source, None, f"{_break(done)}: {exc}")
        return
    left = stream.count - end
    if not stream.count:
        yield SourceFailure(source, None, "the file is empty")
    elif left > len(stream.tail) or stream.tail[len(stream.tail) - left :].strip():
        yield SourceFailure(source, None, f"{_break(done)}: {left:,} bytes left over that make no record")


def _break(done: int) -> str:
    return f"the archive breaks off after record {done}" if done else "not a readable web archive"


def _guarded(records: ArchiveIterator) -> Iterator[ArcWarcRecord]:
    """warcio's records, with its errors on a broken archive made `_Broken`."""
    while True:
        try:
            record = next(records)
        except StopIteration:
            return
        except AttributeError as exc:  # warcio's own slip on some half-written headers
            raise _Broken("warcio could not parse the next record's header") from exc
        except (ArchiveLoadFailed, StatusAndHeadersParserException, ValueError) as exc:
            raise _Broken(str(exc) or type(exc).__name__) from exc
        yield record


def _uri(record: ArcWarcRecord) -> str:
    return record.rec_headers.get_header("WARC-Target-URI") or ""


def _body(
    record: ArcWarcRecord, source: str, settings: Settings, name: str
) -> tuple[str, bytes] | SourceFailure | None:
    """(charset, body) of a successful HTML response, a failure, or None for any other record."""
    http = record.http_headers
    if record.rec_type != "response" or http is None or not http.get_statuscode().startswith("2"):
        return None
    header = Message()
    header["Content-Type"] = http.get_header("Content-Type") or ""
    if header.get_content_type() not in _HTML_TYPES:
        return None
    if record.length > settings.max_file_bytes:
        return SourceFailure(source, name, over_limit(settings, record.length))
    try:
        body = record.content_stream().read()
    except zlib.error as exc:
        return SourceFailure(source, name, f"the page's compressed content is broken ({exc})")
    return str(header.get_param("charset") or "utf-8"), body


def _article(
    page: tuple[str, bytes], record: ArcWarcRecord, source: str, name: str
) -> Article | SourceFailure:
    """The archived page's article; its date, if the page has none, is the day it was captured."""
    charset, body = page
    try:
        html = body.decode(charset)
    except LookupError:
        return SourceFailure(source, name, f"unknown charset {charset!r}")
    except UnicodeDecodeError as exc:
        return SourceFailure(source, name, f"not valid {charset} text (bad byte at offset {exc.start})")
    article = page_article(html, source, url=_uri(record) or None)
    if article is None:
        return SourceFailure(source, name, NO_TEXT)
    return article if article.published else replace(article, published=_capture_date(record))


def _capture_date(record: ArcWarcRecord) -> date | None:
    try:
        return date.fromisoformat((record.rec_headers.get_header("WARC-Date") or "")[:10])
    except ValueError:
        return None
