"""Sources stage: readers that turn files, folders, feeds, archives and stdin into `Article` records.

`read_sources` picks the reader for each source and goes on past bad ones, yielding a `SourceFailure`
for each, so one broken file never costs the user the rest. The readers are imported when a source of
their kind comes, so importing this package stays cheap (trafilatura alone takes a third of a second).
"""

from __future__ import annotations

import gzip
import sys
import zlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import chain
from pathlib import Path
from typing import BinaryIO

from kopvector.document import Article
from kopvector.errors import InputError
from kopvector.settings import Settings
from kopvector.sources.files import GZIP_MAGIC, over_limit
from kopvector.sources.plaintext import decode, parse_text, read_text_file


@dataclass(frozen=True, slots=True)
class SourceFailure:
    """A file or record that could not be read: where, which record, and why, in plain words."""

    source: str  # the file path as given, a URL, or "-" for stdin
    record: str | None  # which record inside it, e.g. "line 12", "entry 3", "record 5 (https://…)"
    reason: str


# Longest suffixes first, so "a.jsonl.gz" is JSON Lines and not an unknown ".gz".
KINDS: dict[str, str] = {
    ".jsonl.gz": "jsonl",
    ".ndjson.gz": "jsonl",
    ".warc.gz": "warc",
    ".txt": "text",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".html": "html",
    ".htm": "html",
    ".xml": "feed",
    ".rss": "feed",
    ".atom": "feed",
    ".warc": "warc",
}
_EXPECTED = "expected " + ", ".join(sorted(KINDS)) + ", a folder, an http(s) feed URL or '-'"
_SNIFF_BYTES = 2048


def read_sources(
    specs: Sequence[str], settings: Settings, stdin: BinaryIO | None = None
) -> Iterator[Article | SourceFailure]:
    """Every article of every source, in a stable order; a bad file or record yields a SourceFailure
    and reading goes on."""
    for spec in specs:
        if spec == "-":
            yield from read_stdin(sys.stdin.buffer if stdin is None else stdin, settings)
        elif spec.startswith(("http://", "https://")):
            from kopvector.sources.feeds import read_feed_url

            yield from read_feed_url(spec)
        else:
            yield from _read_path(Path(spec), spec, settings)


def _read_path(path: Path, spec: str, settings: Settings) -> Iterator[Article | SourceFailure]:
    if path.is_dir():
        found = sorted((p, kind) for p in path.rglob("*") if p.is_file() and (kind := kind_by_name(p)))
        if not found:
            yield SourceFailure(spec, None, f"the folder has no file of a known type ({_EXPECTED})")
        for file, kind in found:
            yield from read_file(file, kind, settings)
    elif not path.exists():
        yield SourceFailure(spec, None, "does not exist")
    else:
        kind = kind_by_name(path) or sniff_kind(path)
        if kind is None:
            yield SourceFailure(spec, None, f"unknown source type; {_EXPECTED}")
        else:
            yield from read_file(path, kind, settings)


def kind_by_name(path: Path) -> str | None:
    """The reader a file name calls for, by its (lower-case) extension."""
    name = path.name.lower()
    return next((kind for suffix, kind in KINDS.items() if name.endswith(suffix)), None)


def sniff_kind(path: Path) -> str | None:
    """The reader a file's first bytes call for (after gunzipping them), or None."""
    try:
        with path.open("rb") as handle:
            head = handle.read(_SNIFF_BYTES)
        if head.startswith(GZIP_MAGIC):
            with gzip.open(path) as unzipped:
                head = unzipped.read(_SNIFF_BYTES)
    except (OSError, EOFError, zlib.error):
        return None
    start = head.lstrip().lower()
    if start.startswith(b"warc/"):
        return "warc"
    if start.startswith(b"{"):
        return "jsonl"
    if start.startswith(b"date "):
        return "text"
    if any(tag in start for tag in (b"<rss", b"<feed", b"<rdf:rdf")):
        return "feed"
    if any(tag in start for tag in (b"<html", b"<!doctype html")):
        return "html"
    return None


def read_file(path: Path, kind: str, settings: Settings) -> Iterator[Article | SourceFailure]:
    """The articles of one file, read as `kind` ("text", "jsonl", "html", "feed" or "warc")."""
    if kind == "text":
        try:
            yield read_text_file(path, settings)
        except InputError as exc:
            yield SourceFailure(str(path), None, exc.reason)
    elif kind == "jsonl":
        from kopvector.sources.jsonl import read_jsonl_file

        yield from read_jsonl_file(path, settings)
    elif kind == "html":
        from kopvector.sources.html import read_html_file

        yield from read_html_file(path, settings)
    elif kind == "feed":
        from kopvector.sources.feeds import read_feed_file

        yield from read_feed_file(path, settings)
    elif kind == "warc":
        from kopvector.sources.warc import read_warc_file

        yield from read_warc_file(path, settings)
    else:
        raise ValueError(f"no reader for kind {kind!r}")


def read_stdin(stdin: BinaryIO, settings: Settings) -> Iterator[Article | SourceFailure]:
    """JSON Lines when the first non-blank byte is `{`, else one plain-text article; source "-"."""
    from kopvector.sources.jsonl import read_jsonl_lines

    limit = settings.max_file_bytes
    lines = iter(lambda: stdin.readline(limit + 1), b"")
    seen = []
    for line in lines:
        seen.append(line)
        if line.strip():
            break
    if seen and seen[-1].lstrip().startswith(b"{"):
        yield from read_jsonl_lines(chain(seen, lines), "-", settings)
        return
    data = b"".join(seen)
    data += stdin.read(max(limit + 1 - len(data), 0))
    try:
        if len(data) > limit:
            raise InputError("-", over_limit(settings))
        yield parse_text(decode(data, "-"), "-")
    except InputError as exc:
        yield SourceFailure("-", None, exc.reason)
