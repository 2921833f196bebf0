"""Quotes on our own Kazakh paragraphs and on the seed: speakers by name, by role, by "ол"."""

from datetime import date

import pytest

from kopvector.document import Article
from kopvector.settings import Settings
from kopvector.sources.plaintext import article_id, read_text_file

ARTICLE = (
    "Астанада Орталық Азия елдерінің кездесуі өтті\n"
    "Саясаттанушы, өңірлік қауіпсіздік жөніндегі сарапшы Айгүл Сәрсенова кездесуге баға берді.\n"
    "Өңір елдері су мен көлік мәселесін бірге шешуге тиіс. Бұл ортақ мүдде, – дейді сарапшы.\n"
    "«Келісімдер қағаз жүзінде қалмауы керек», – деді ол.\n"
    "Тараптар бірлескен мәлімдеме қабылдағанын хабарлады, деп хабарлайды Ақорда.\n"
    "Сарапшының айтуынша, келесі кездесу Ташкентте өтуі мүмкін.\n"
)


@pytest.fixture(scope="module")
def quotes(pipeline):
    doc = pipeline(Article(id=article_id(ARTICLE), text=ARTICLE, published=date(2025, 3, 1)))
    for quote in doc.quotes:
        assert doc.article.text[quote.evidence.start : quote.evidence.end] == quote.evidence.text
    return doc.quotes


def test_paragraph_quote_attributed_to_the_role_the_article_introduced(quotes):
    paragraph = next(q for q in quotes if q.cue == "дейді")
    assert paragraph.kind == "direct"
    assert paragraph.text == "Өңір елдері су мен көлік мәселесін бірге шешуге тиіс. Бұл ортақ мүдде"
    assert paragraph.speaker.entity == "person:aigul-sarsenova"
    assert paragraph.speaker.role == "Саясаттанушы, өңірлік қауіпсіздік жөніндегі сарапшы"


def test_quoted_words_with_ol_go_to_the_last_speaker(quotes):
    direct = next(q for q in quotes if q.cue == "деді")
    assert direct.text == "Келісімдер қағаз жүзінде қалмауы керек"
    assert direct.speaker.entity == "person:aigul-sarsenova"


def test_indirect_speech_by_an_institution_and_by_a_role(quotes):
    akorda = next(q for q in quotes if q.speaker.entity == "body:kz-presidential-administration")
    assert akorda.kind == "indirect" and akorda.cue == "деп хабарлайды"
    according = next(q for q in quotes if q.cue == "айтуынша")
    assert according.text == "келесі кездесу Ташкентте өтуі мүмкін"
    assert according.speaker.name == "Айгүл Сәрсенова"


def test_narration_is_not_a_quote(pipeline):
    text = "Мемлекет басшысы Астанада Түркия Президентін қабылдады. Тараптар сауда мәселесін талқылады.\n"
    doc = pipeline(Article(id=article_id(text), text=text, published=date(2025, 3, 1)))
    assert doc.quotes == []


def test_seed_quotes_of_the_expert(pipeline, seed_path):
    doc = pipeline(read_text_file(seed_path, Settings()))
    expert = [q for q in doc.quotes if q.kind == "direct" and q.speaker.entity == "person:rizzat-tasym"]
    assert len(expert) >= 5
    assert {"сарапшы", "ол"} <= {q.evidence.text.rsplit("дейді ", 1)[-1].rstrip(".") for q in expert}
    assert all(q.speaker.role and "сарапшы" in q.speaker.role for q in expert)
    for quote in doc.quotes:
        assert doc.article.text[quote.evidence.start : quote.evidence.end] == quote.evidence.text
