"""`read_sources` on saved web pages, RSS and Atom feeds and web archives, whole and broken."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import feedparser
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from kopvector.document import Article
from kopvector.settings import Settings
from kopvector.sources import SourceFailure, read_sources
from kopvector.sources import feeds as feeds_module
from kopvector.sources.plaintext import article_id

SCO = "2024 жылғы 3–4 шілдеде Астанада ШЫҰ саммиті өтті."
SCO_MORE = "Саммитте Беларусь ұйымның толық мүшесі болып қабылданды."
OSCE = "Қазақстан 2010 жылы ЕҚЫҰ-ға төрағалық етті."
OSCE_MORE = "2010 жылғы 1–2 желтоқсанда Астанада ЕҚЫҰ саммиті өтті."
UNSC = "Қазақстан 2018 жылғы қаңтарда БҰҰ Қауіпсіздік Кеңесіне төрағалық етті."
POPE = "2022 жылғы 13–15 қыркүйекте Рим Папасы Франциск Қазақстанға сапармен келді."
UNIFIL = "Қазақстан бітімгерлері 2018 жылдың қазанынан бері Ливандағы БҰҰ миссиясында қызмет етеді."

NAV = "<nav><ul><li><a href='/'>Басты бет</a></li><li><a href='/sayasat'>Саясат</a></li></ul></nav>"


def read(*specs: str | Path, settings: Settings | None = None) -> list:
    return list(read_sources([str(spec) for spec in specs], settings or Settings()))


def page(title: str, paragraphs: list[str], head: str = "") -> str:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        f'<!DOCTYPE html><html lang="kk"><head><meta charset="utf-8"><title>{title}</title>{head}</head>'
        f"<body>{NAV}<article><h1>{title}</h1>{body}</article><footer>© Мысал, 2024</footer></body></html>"
    )


SCO_PAGE = page(
    "ШЫҰ саммиті Астанада өтті",
    [SCO, SCO_MORE],
    '<meta property="og:site_name" content="Мысал ақпарат">'
    '<meta property="article:published_time" content="2024-07-04T10:00:00+05:00">'
    '<link rel="canonical" href="https://example.kz/kk/news/sco-summit">',
)


def test_a_saved_page_gives_its_text_title_date_outlet_and_url(tmp_path):
    path = tmp_path / "sco.html"
    path.write_text(SCO_PAGE)
    [article] = read(path)
    assert article.title == "ШЫҰ саммиті Астанада өтті"
    assert article.published == date(2024, 7, 4)
    assert article.outlet == "Мысал ақпарат"
    assert article.url == "https://example.kz/kk/news/sco-summit"
    assert article.path == str(path)
    assert article.text == f"ШЫҰ саммиті Астанада өтті\n{SCO}\n{SCO_MORE}"  # trafilatura keeps the h1
    assert "Саясат" not in article.text  # the menu is not the article
    assert article.id == article_id(article.text)


def test_a_page_without_a_site_name_takes_the_host_of_its_canonical_url(tmp_path):
    path = tmp_path / "osce.htm"
    path.write_text(
        page("ЕҚЫҰ", [OSCE, OSCE_MORE], '<link rel="canonical" href="https://news.example.kz/a/1">')
    )
    [article] = read(path)
    assert article.outlet == "news.example.kz"
    assert article.published is None
    assert OSCE in article.text


def test_a_page_of_menus_only_has_no_article_text(tmp_path):
    path = tmp_path / "index.html"
    path.write_text(f"<html><head><title>Басты бет</title></head><body>{NAV}</body></html>")
    assert read(path) == [SourceFailure(str(path), None, "no article text found")]


def test_a_page_that_is_not_utf8_or_too_large_is_refused(tmp_path):
    latin = tmp_path / "latin1.html"
    data = SCO_PAGE.encode()
    latin.write_bytes(data[:30] + b"\xe9" + data[30:])
    [failure] = read(latin)
    assert failure == SourceFailure(str(latin), None, "not valid UTF-8 text (bad byte at offset 30)")
    big = tmp_path / "big.html"
    big.write_text(SCO_PAGE)
    [failure] = read(big, settings=Settings(max_file_bytes=500))
    assert failure.reason == (
        f"is {len(SCO_PAGE.encode()):,} bytes, over the limit of 500 bytes "
        "(raise KOPVECTOR_MAX_FILE_BYTES to accept it)"
    )


RSS = f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Мысал ақпарат</title><link>https://example.kz/</link>
<item><title>ШЫҰ саммиті</title><link>https://example.kz/sco</link>
  <pubDate>Thu, 04 Jul 2024 01:30:00 +0500</pubDate>
  <description>Қысқаша.</description>
  <content:encoded><![CDATA[<p>{SCO}</p><p>{SCO_MORE}</p>]]></content:encoded></item>
<item><title>Папаның сапары</title><link>https://example.kz/pope</link>
  <pubDate>Tue, 13 Sep 2022 12:00:00 +0600</pubDate>
  <description>&lt;p&gt;{POPE}&lt;/p&gt;</description></item>
<item><title>Бос жазба</title><link>https://example.kz/empty</link></item>
</channel></rss>"""

ATOM = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Атом ақпарат</title><id>urn:example:atom</id>
<updated>2018-01-02T09:00:00+06:00</updated>
<entry><title>Қауіпсіздік Кеңесі</title><id>urn:example:1</id>
  <link href="https://atom.example.kz/unsc"/><updated>2018-01-01T23:30:00+06:00</updated>
  <content type="html">&lt;p&gt;{UNSC}&lt;/p&gt;
    &lt;ul&gt;&lt;li&gt;{UNIFIL}&lt;/li&gt;&lt;/ul&gt;</content></entry>
</feed>"""


def test_an_rss_feed_gives_each_entry_with_its_full_content(tmp_path):
    path = tmp_path / "feed.rss"
    path.write_text(RSS)
    sco, pope, empty = read(path)
    assert sco == Article(
        id=article_id(f"{SCO}\n{SCO_MORE}"),
        text=f"{SCO}\n{SCO_MORE}",  # content:encoded wins over the description, one line a paragraph
        published=date(2024, 7, 4),  # the outlet's own date: in UTC it is still 3 July
        title="ШЫҰ саммиті",
        url="https://example.kz/sco",
        outlet="Мысал ақпарат",
        path=str(path),
    )
    assert (pope.text, pope.published, pope.url) == (POPE, date(2022, 9, 13), "https://example.kz/pope")
    assert empty == SourceFailure(str(path), "entry 3", "the entry has no text (no content or summary)")


def test_an_atom_feed(tmp_path):
    path = tmp_path / "feed.atom"
    path.write_text(ATOM)
    [entry] = read(path)
    assert entry.text == f"{UNSC}\n{UNIFIL}"
    assert entry.published == date(2018, 1, 1)
    assert (entry.title, entry.url, entry.outlet) == (
        "Қауіпсіздік Кеңесі",
        "https://atom.example.kz/unsc",
        "Атом ақпарат",
    )


def test_malformed_and_non_feed_xml_are_failures_for_the_file(tmp_path):
    broken = tmp_path / "broken.xml"
    broken.write_text('<rss version="2.0"><channel><title>Мысал</title></chann')
    note = tmp_path / "note.xml"
    note.write_text("<?xml version='1.0'?><note>Ескертпе</note>")
    failure, not_feed = read(broken, note)
    assert (failure.source, failure.record) == (str(broken), None)
    assert failure.reason.startswith("not a readable feed (")
    assert "unclosed token" in failure.reason
    assert not_feed == SourceFailure(str(note), None, "not an RSS or Atom feed")


def test_a_feed_file_is_sniffed_and_a_feed_url_is_fetched_by_feedparser(tmp_path, monkeypatch):
    path = tmp_path / "latest"
    path.write_text(ATOM)
    [saved] = read(path)
    assert saved.title == "Қауіпсіздік Кеңесі"
    fetched = []
    parse = feedparser.parse
    monkeypatch.setattr(feeds_module.feedparser, "parse", lambda url: fetched.append(url) or parse(ATOM))
    [online] = read("https://example.kz/rss")
    assert fetched == ["https://example.kz/rss"]
    assert (online.path, online.text) == ("https://example.kz/rss", saved.text)


def write_warc(*records: tuple[str, str, bytes, str], gzip: bool = True) -> tuple[bytes, list[int]]:
    """A web archive of (type, uri, body, content type) records after a warcinfo; and where each ends."""
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=gzip)
    writer.write_record(writer.create_warcinfo_record("test.warc.gz", {"software": "kopvector tests"}))
    ends = [out.tell()]
    for rec_type, uri, body, content_type in records:
        status = "404 Not Found" if uri.endswith("/missing") else "200 OK"
        http = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
        if rec_type == "request":
            http = StatusAndHeaders(f"GET {uri} HTTP/1.1", [("Host", "example.kz")], is_http_request=True)
        record = writer.create_warc_record(
            uri,
            rec_type,
            payload=io.BytesIO(body),
            http_headers=http,
            warc_headers_dict={"WARC-Date": "2022-09-16T04:00:00Z"},
        )
        writer.write_record(record)
        ends.append(out.tell())
    return out.getvalue(), ends


HTML = "text/html; charset=utf-8"
ARCHIVE = (
    ("request", "https://example.kz/sco", b"", ""),
    ("response", "https://example.kz/sco", SCO_PAGE.encode(), HTML),
    ("response", "https://example.kz/logo.png", b"\x89PNG\r\n\x1a\n", "image/png"),
    ("response", "https://example.kz/", f"<html><body>{NAV}</body></html>".encode(), HTML),
    ("response", "https://example.kz/missing", page("Табылмады", [OSCE]).encode(), HTML),
    (
        "response",
        "https://example.kz/pope",
        page("Папа", [POPE]).encode("kz1048"),
        "text/html; charset=kz1048",
    ),
)


def test_a_warc_gives_the_articles_of_its_html_responses(tmp_path):
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(write_warc(*ARCHIVE)[0])
    sco, menu, pope = read(path)
    assert sco.url == "https://example.kz/sco"  # where it was fetched, not the canonical URL
    assert (sco.title, sco.published, sco.outlet, sco.path) == (
        "ШЫҰ саммиті Астанада өтті",
        date(2024, 7, 4),
        "Мысал ақпарат",
        str(path),
    )
    assert SCO in sco.text
    assert menu == SourceFailure(str(path), "record 5 (https://example.kz/)", "no article text found")
    assert POPE in pope.text  # decoded by the charset its server gave
    assert pope.published == date(2022, 9, 16)  # the page has none: the capture date
    assert pope.outlet == "example.kz"


def test_a_warc_gz_cut_in_the_middle_gives_the_records_before_the_break(tmp_path):
    data, ends = write_warc(*ARCHIVE)
    path = tmp_path / "cut.warc.gz"
    path.write_bytes(data[: (ends[5] + ends[6]) // 2])  # in the middle of the last page
    sco, menu, failure = read(path)
    assert SCO in sco.text
    assert menu.record == "record 5 (https://example.kz/)"
    assert (failure.source, failure.record) == (str(path), None)
    assert failure.reason.startswith("the archive breaks off after record 6: Compressed file ended")


def test_an_uncompressed_warc_cut_in_a_header(tmp_path):
    data, ends = write_warc(*ARCHIVE[:2], gzip=False)
    path = tmp_path / "cut.warc"
    path.write_bytes(data + data[ends[1] : ends[1] + 40])  # a second copy of record 2, cut in its header
    article, failure = read(path)
    assert SCO in article.text
    assert failure.reason == "the archive breaks off after record 3: record 4 has no Content-Length"
    path.write_bytes(data[: ends[2] - 200])  # cut inside the page
    assert [type(r) for r in read(path)] == [SourceFailure]


def test_a_file_that_is_no_archive_is_one_failure(tmp_path):
    path = tmp_path / "fake.warc"
    path.write_text(SCO)
    [failure] = read(path)
    assert failure.record is None
    assert failure.reason == "not a readable web archive: record 1 is not a WARC record"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    [failure] = read(path)
    assert failure.reason.startswith("not a readable web archive: Unknown archive format")


def test_a_warc_record_over_the_limit_is_refused_alone(tmp_path):
    small = page("ЕҚЫҰ", [OSCE, OSCE_MORE])
    data, _ = write_warc(
        ("response", "https://example.kz/sco", SCO_PAGE.encode(), HTML),
        ("response", "https://example.kz/osce", small.encode(), HTML),
    )
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(data)
    big, article = read(path, settings=Settings(max_file_bytes=len(small.encode()) + 200))
    assert big.record == "record 2 (https://example.kz/sco)"
    assert "KOPVECTOR_MAX_FILE_BYTES" in big.reason
    assert OSCE in article.text


def test_a_warc_cut_anywhere_gives_whole_records_then_one_failure(tmp_path):
    """warcio ends quietly at many cuts (a cut gzip member, a half-written header) and raises
    AttributeError at others; every cut must show as one failure after the whole records."""
    for gzip in (True, False):
        data, ends = write_warc(*ARCHIVE[:3], gzip=gzip)
        path = tmp_path / ("cut.warc.gz" if gzip else "cut.warc")
        path.write_bytes(data)
        whole = read(path)
        for cut in range(1, len(data), 23):
            path.write_bytes(data[:cut])
            *articles, failure = read(path) or [None]
            if not data[cut : min(end for end in ends if end >= cut)].strip():
                continue  # only blank lines after a whole record are cut
            assert articles == whole[: len(articles)], cut
            assert isinstance(failure, SourceFailure) and failure.record is None, (cut, failure)
