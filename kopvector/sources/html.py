"""Reader for saved web pages: trafilatura finds the article's text, title, date and outlet.

Nothing is fetched: trafilatura works on the markup given. It is asked for precision, so a page that
is only menus and links gives no text (and a clear failure) rather than the menu as an article.
The WARC reader uses `page_article` for archived pages, the feed reader `fragment_text` for entries.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import lxml.html
import trafilatura
from lxml.etree import ParserError

from kopvector.document import Article
from kopvector.errors import InputError
from kopvector.settings import Settings
from kopvector.sources import SourceFailure
from kopvector.sources.files import read_limited
from kopvector.sources.plaintext import article_id, decode

NO_TEXT = "no article text found"
# The page's own date (meta tags, time elements, the URL), never a year guessed from the running text.
_DATE_SEARCH = {"original_date": True, "extensive_search": False}
_BLOCKS = frozenset(
    {"address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt", "figcaption", "figure"}
    | {"footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "ol", "p", "pre"}
    | {"section", "table", "tr", "ul"}
)


def read_html_file(path: Path, settings: Settings) -> Iterator[Article | SourceFailure]:
    """The article of one saved page (UTF-8)."""
    source = str(path)
    try:
        article = page_article(decode(read_limited(path, settings), source), source)
    except InputError as exc:
        yield SourceFailure(source, None, exc.reason)
        return
    yield article if article is not None else SourceFailure(source, None, NO_TEXT)


def page_article(html: str, source: str, url: str | None = None) -> Article | None:
    """The page's article, or None when it has no article text; `url` (where it was fetched) wins
    over the page's canonical URL."""
    if not html.strip():  # trafilatura would log an error for it
        return None
    page = trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        favor_precision=True,
        include_comments=False,
        date_extraction_params=_DATE_SEARCH,
    )
    if page is None or not (page.text or "").strip():
        return None
    return Article(
        id=article_id(page.text),
        text=page.text,
        published=date.fromisoformat(page.date) if page.date else None,
        title=page.title or None,
        url=url or page.url or None,
        outlet=page.sitename or None,  # trafilatura falls back to the URL's host name
        path=source,
    )


def fragment_text(fragment: str) -> str:
    """Plain text of an HTML fragment (a feed entry's content): one line per block, blank lines dropped."""
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except ParserError:  # nothing but white space or comments
        return ""
    for element in root.iter():
        if element.tag in _BLOCKS:
            element.text = "\n" + (element.text or "")
            element.tail = "\n" + (element.tail or "")
    lines = (line.strip() for line in root.text_content().splitlines())
    return "\n".join(line for line in lines if line)
