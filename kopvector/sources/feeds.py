"""Reader for RSS and Atom feeds, saved or fetched: feedparser reads each entry, the HTML reader
turns its content into plain text.

An entry's date is taken as the outlet wrote it: feedparser's parsed dates are in UTC, which would
move an article published in Astana before 05:00 to the day before.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from pathlib import Path
from time import struct_time

import feedparser

from kopvector.document import Article
from kopvector.errors import InputError
from kopvector.settings import Settings
from kopvector.sources import SourceFailure
from kopvector.sources.files import read_limited
from kopvector.sources.html import fragment_text
from kopvector.sources.plaintext import article_id


def read_feed_file(path: Path, settings: Settings) -> Iterator[Article | SourceFailure]:
    """Every entry of a saved feed file."""
    try:
        data = read_limited(path, settings)
    except InputError as exc:
        yield SourceFailure(str(path), None, exc.reason)
        return
    yield from feed_articles(feedparser.parse(data), str(path))


def read_feed_url(url: str) -> Iterator[Article | SourceFailure]:
    """Every entry of the feed at `url`, fetched over the network by feedparser."""
    yield from feed_articles(feedparser.parse(url), url)


def feed_articles(feed: feedparser.FeedParserDict, source: str) -> Iterator[Article | SourceFailure]:
    """The entries of a parsed feed as articles; a feed with no readable entry is one failure."""
    if feed.bozo and not feed.entries:
        yield SourceFailure(source, None, f"not a readable feed ({feed.bozo_exception})")
        return
    if not feed.version and not feed.entries:
        yield SourceFailure(source, None, "not an RSS or Atom feed")
        return
    outlet = feed.feed.get("title") or None
    for number, entry in enumerate(feed.entries, 1):
        content = entry.get("content") or [{"value": entry.get("summary", "")}]
        text = fragment_text(content[0]["value"])
        if not text:
            yield SourceFailure(source, f"entry {number}", "the entry has no text (no content or summary)")
            continue
        yield Article(
            id=article_id(text),
            text=text,
            published=entry_date(entry),
            title=entry.get("title") or None,
            url=entry.get("link") or None,
            outlet=outlet,
            path=source,
        )


def entry_date(entry: feedparser.FeedParserDict) -> date | None:
    """The date an entry was published (else updated) in the outlet's own time zone."""
    for key in ("published", "updated"):
        written = entry.get(key)
        if not written:
            continue
        for parse in (parsedate_to_datetime, datetime.fromisoformat):  # RSS (RFC 822), Atom (RFC 3339)
            try:
                return parse(written).date()
            except (TypeError, ValueError):
                pass
        parsed: struct_time | None = entry.get(f"{key}_parsed")  # other formats feedparser knows, in UTC
        if parsed:
            return date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday)
    return None
