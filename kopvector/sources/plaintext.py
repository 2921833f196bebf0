"""Reader for plain-text articles: the crawled-news format with a ` date YYYY-MM-DD ` prefix, or none.

The body is kept exactly as in the file (only the date prefix is removed), so offsets computed
later point into what the user can open; the id is the sha256 of the normalized text, so the same
article saved with other quotes, dashes or line endings gets the same id.
"""

from __future__ import annotations

import hashlib
import re
from datetime import date
from pathlib import Path

from kopvector.document import Article
from kopvector.errors import InputError
from kopvector.settings import Settings
from kopvector.sources.files import read_limited
from kopvector.text.normalize import normalize

_DATE_PREFIX = re.compile(r"\A\ufeff?\s?date (\d{4}-\d{2}-\d{2})(?: |\r?\n|\Z)")
_TITLE_MAX = 200
_BINARY_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f]")


def article_id(text: str) -> str:
    """sha256 (hex) of the normalized, stripped text."""
    return hashlib.sha256(normalize(text).text.strip().encode("utf-8")).hexdigest()


def guess_title(body: str) -> str | None:
    """The first line when it reads as a headline (short, no final full stop), else None."""
    first = body.lstrip().split("\n", 1)[0].strip()
    if not first or len(first) > _TITLE_MAX or first[-1] in ".!?…":
        return None
    return first


def parse_text(raw: str, source: str) -> Article:
    """Build an `Article` from decoded text; `source` names it in errors."""
    published: date | None = None
    body = raw.removeprefix("\ufeff")
    match = _DATE_PREFIX.match(raw)
    if match:
        try:
            published = date.fromisoformat(match.group(1))
        except ValueError as exc:
            raise InputError(source, f"the date line has an impossible date {match.group(1)!r}") from exc
        body = raw[match.end() :]
    if not body.strip():
        raise InputError(source, "the article has no text")
    return Article(
        id=article_id(body),
        text=body,
        published=published,
        title=guess_title(body),
        path=source,
    )


def decode(data: bytes, source: str) -> str:
    """UTF-8 text from bytes, refusing binary data and invalid UTF-8 with the position."""
    if not data.strip():
        raise InputError(source, "the file is empty")
    if b"\x00" in data[:8192] or _BINARY_CONTROL.search(data[:8192].decode("latin-1")):
        raise InputError(source, "this looks like a binary file, not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(source, f"not valid UTF-8 text (bad byte at offset {exc.start})") from exc


def read_text_file(path: Path, settings: Settings) -> Article:
    """Read one article file, with clear errors for missing, oversized, binary or undecodable files."""
    source = str(path)
    return parse_text(decode(read_limited(path, settings), source), source)
