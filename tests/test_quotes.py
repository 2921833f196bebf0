"""Quotes on our own Kazakh paragraphs and on the seed: speakers by name, by role, by "ол"."""

from datetime import date

import pytest

from kopvector.document import Article, Speaker
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


SUMMIT = (
    "Астанада ШЫҰ саммиті өтті\n"
    "Шығыстанушы Ерлан Қасенов Астана саммитін ұйым үшін маңызды кезең деп санайды.\n"
    "«Беларусьтің қосылуы ұйымның салмағын арттырады. Енді басты міндет – ортақ шешім табу», "
    "– дейді сарапшы.\n"
    "Ақорданың хабарлауынша, Мемлекет басшысы ШЫҰ-ны өңірлік қауіпсіздіктің маңызды тірегі деп атады.\n"
    "Бұл туралы Қасенов өз парақшасында да айтты.\n"
    "Синолог Айгерім Төлеуова саммиттің күн тәртібіне назар аударды.\n"
    "«Көлік пен энергетика күн тәртібінің басында тұр», – деді ол.\n"
)


def _quotes(pipeline, text):
    return pipeline(Article(id=article_id(text), text=text, published=date(2024, 7, 5))).quotes


def test_speakers_by_description_generic_analyst_noun_and_inner_speaker(pipeline):
    quotes = _quotes(pipeline, SUMMIT)
    assert [(q.cue, q.speaker.entity) for q in quotes] == [
        ("деп санайды", "person:erlan-qasenov"),
        ("дейді", "person:erlan-qasenov"),  # "сарапшы" is the orientalist ("шығыстанушы") introduced above
        ("деп атады", "person:kassym-jomart-tokayev"),  # Akorda reports, the head of state speaks
        ("деді", "person:aigerim-toleuova"),  # "ол": the sinologist, the subject of the sentence before
    ]
    assert quotes[0].kind == "indirect" and quotes[0].text == "Астана саммитін ұйым үшін маңызды кезең"
    assert quotes[1].speaker.role == "Шығыстанушы"


def test_invitations_condolences_celebrations_and_pointers_are_not_quotes(pipeline):
    text = (
        "Мемлекет басшысы ШЫҰ саммитіне қатысушыларды Ақордаға шақырды. Министр жер сілкінісінен зардап "
        "шеккендерге көңіл айтты. Дипломаттар Тәуелсіздік күнін атап өтті. Бұл туралы Сыртқы істер министрі "
        "брифингте айтты. Келіссөздер жемісті өтті деп айтуға болады.\n"
    )
    assert _quotes(pipeline, text) == []


def test_colon_quote_unnamed_speakers_and_a_capital_that_speaks(pipeline):
    text = (
        "Сарапшылар: «Транзиттік дәліздер өңір үшін аса маңызды». Көлік дәліздерін бірлесіп дамыту "
        "керектігін айтты.\nТашкент мемлекеттік шекараны демаркациялау туралы шартты бекіткенін мәлімдеді.\n"
    )
    colon, elided, capital = _quotes(pipeline, text)
    assert (colon.kind, colon.cue, colon.text) == ("direct", ":", "Транзиттік дәліздер өңір үшін аса маңызды")
    assert colon.speaker.entity is None and colon.speaker.role == "Сарапшылар"
    assert elided.speaker == Speaker(None, None, None) and elided.cue == "айтты"
    assert capital.speaker.entity == "country:UZ" and capital.kind == "indirect"


def test_the_person_inside_a_reporting_frame_is_the_speaker(pipeline):
    text = (
        "Ақорданың хабарлауынша, Қасым-Жомарт Тоқаев саммитте Қазақстанның Еуропалық одақпен көлік "
        "саласындағы ынтымақтастықты кеңейтуге мүдделі екенін жеткізді.\n"
        "Урсула фон дер Ляйен Орталық Азияға инвестиция бағыттайтынын жариялады.\n"
    )
    doc = pipeline(Article(id=article_id(text), text=text, published=date(2025, 4, 4)))
    assert [(q.kind, q.speaker.entity) for q in doc.quotes] == [
        ("indirect", "person:kassym-jomart-tokayev"),
        ("indirect", "person:ursula-von-der-leyen"),
    ]


def test_a_catalog_surname_that_looks_inflected_still_speaks(pipeline):
    text = (
        "Жиынды ашқан Сыртқы істер министрі Мұхтар Тілеуберді C5+1 форматы өңір елдері үшін маңызды "
        "алаңға айналғанын атап өтті.\n"
    )
    doc = pipeline(Article(id=article_id(text), text=text, published=date(2023, 3, 1)))
    assert [(q.kind, q.speaker.entity) for q in doc.quotes] == [("indirect", "person:mukhtar-tileuberdi")]
