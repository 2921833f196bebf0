"""Entity linking on our own Kazakh sentences: names in any form, role phrases by date, new persons."""

from datetime import date

import pytest

from kopvector.document import Article
from kopvector.entities.linker import person_slug
from kopvector.sources.plaintext import article_id


def analyse(pipeline, text: str, published: date | None):
    return pipeline(Article(id=article_id(text), text=text, published=published))


def links(doc) -> list[tuple[str, str | None]]:
    return [(m.text, m.entity) for m in doc.mentions]


@pytest.mark.parametrize(
    ("published", "head_of_state"),
    [(date(2025, 3, 10), "person:kassym-jomart-tokayev"), (date(2015, 3, 10), "person:nursultan-nazarbayev")],
)
def test_head_of_state_is_resolved_on_the_article_date(pipeline, published, head_of_state):
    doc = analyse(pipeline, "Мемлекет басшысы Астанада шетелдік қонақтарды қабылдады.", published)
    assert ("Мемлекет басшысы", head_of_state) in links(doc)


def test_role_phrase_without_a_date_is_not_guessed(pipeline):
    doc = analyse(pipeline, "Мемлекет басшысы Астанада шетелдік қонақтарды қабылдады.", None)
    assert ("Мемлекет басшысы", None) in links(doc)


def test_country_inside_the_role_phrase_sets_whose_office(pipeline):
    doc = analyse(pipeline, "Тоқаев Астанада Ресей Президентімен кездесті.", date(2024, 11, 27))
    assert ("Ресей Президентімен", "person:vladimir-putin") in links(doc)
    assert ("Тоқаев", "person:kassym-jomart-tokayev") in links(doc)


def test_inflected_latin_and_acronym_forms_link_to_one_id(pipeline):
    text = "Ресей Федерациясының өкілдері мен РФ дипломаттары Ресейге оралды."
    doc = analyse(pipeline, text, date(2024, 5, 1))
    russia = [m for m in doc.mentions if m.entity == "country:RU"]
    assert {m.text for m in russia} == {"Ресей Федерациясының", "РФ", "Ресейге"}
    entity = next(e for e in doc.entities if e.id == "country:RU")
    assert entity.mention_count == 3 and entity.name["en"] == "Russia"


def test_two_country_compound_gives_one_mention_per_country(pipeline):
    doc = analyse(pipeline, "Тараптар қазақ-өзбек шекарасын талқылады.", date(2024, 5, 1))
    parts = [(m.text, m.entity) for m in doc.mentions if m.label == "NORP"]
    assert parts == [("қазақ", "country:KZ"), ("өзбек", "country:UZ")]
    for mention in doc.mentions:
        assert doc.article.text[mention.start : mention.end] == mention.text


def test_person_not_in_the_catalog_gets_a_slug_shared_by_the_surname(pipeline):
    text = "Саясаттанушы Айгүл Сәрсенова сұхбат берді. Сарапшы Сәрсенова бұл сапарды маңызды деп атады."
    doc = analyse(pipeline, text, date(2024, 5, 1))
    people = {m.text: m.entity for m in doc.mentions if m.label == "PERSON"}
    assert people.get("Айгүл Сәрсенова") == "person:aigul-sarsenova"
    assert set(people.values()) == {"person:aigul-sarsenova"}


def test_person_slug_is_ascii_and_deterministic():
    assert person_slug("Риззат Тасым") == "person:rizzat-tasym"
    assert person_slug("Шолпан Жақсыбекова") == "person:sholpan-jaqsybekova"


def test_a_surname_repeated_alone_is_the_person_named_in_full(pipeline):
    text = "Жапония Премьер-министрі Фумио Кисида Қазақстанға келмеді.\nКисида Өзбекстанға да бармайды.\n"
    doc = analyse(pipeline, text, date(2024, 8, 9))
    kishida = [m for m in doc.mentions if m.entity == "person:fumio-kisida"]
    assert [m.sentence for m in kishida if m.label == "PERSON"] == [0, 1]
    assert [(a.args["destination"], a.modality) for a in doc.facts if a.kind == "visit"] == [
        ("country:KZ", "negated"),
        ("country:UZ", "negated"),
    ]


@pytest.mark.parametrize(
    ("text", "published", "president"),
    [
        ("Иран Президенті Ақтауда өткен Каспий саммитіне қатысты.", date(2018, 8, 12), "person:hasan-ruhani"),
        ("Тоқаев Тегеранда Иран Президентімен келіссөз жүргізді.", date(2022, 6, 19), "person:ebrahim-raisi"),
    ],
)
def test_foreign_role_phrase_resolves_to_the_holder_on_the_date(pipeline, text, published, president):
    doc = analyse(pipeline, text, published)
    assert [m.entity for m in doc.mentions if m.label == "POSITION"] == [president]
    assert "country:IR" in {o.of for o in pipeline.linker.catalog[president].offices}


def test_a_title_only_one_state_has_needs_no_state_name(pipeline):
    text = (
        "Рим Папасы Франциск Астанада өткен діндер съезіне қатысты.\nСодан кейін Рим Папасы Ақордада болды.\n"
    )
    doc = analyse(pipeline, text, date(2022, 9, 15))
    assert {m.entity for m in doc.mentions if m.sentence == 1 and "Папа" in m.text} == {"person:frantsisk"}


def test_our_head_of_state_beside_a_foreign_name_stays_ours(pipeline):
    text = "Мемлекет басшысы Ердоғанмен бірге өткізген брифингте Түркияны бауырлас ел деп атады.\n"
    doc = analyse(pipeline, text, date(2022, 5, 11))
    assert ("Мемлекет басшысы", "person:kassym-jomart-tokayev") in links(doc)
    assert ("Ердоғанмен", "person:recep-tayyip-erdogan") in links(doc)


@pytest.mark.parametrize(
    ("text", "published", "leader"),
    [
        (
            "Ақордада Тоқаев пен неміс басшысы келіссөз жүргізді.",
            date(2023, 6, 20),
            "person:frank-walter-steinmeier",
        ),
        ("Ақордада Тоқаев пен корей басшысының келіссөзі өтті.", date(2024, 6, 12), "person:yoon-suk-yeol"),
    ],
)
def test_a_peoples_leader_the_ner_left_half_marked_is_its_head_of_state(pipeline, text, published, leader):
    doc = analyse(pipeline, text, published)
    assert [m.entity for m in doc.mentions if m.label == "POSITION"] == [leader]
    assert not [m for m in doc.mentions if m.entity and m.entity.startswith("country:")]


def test_a_peoples_leader_is_the_head_the_article_already_named(pipeline):
    text = (
        "Берлинде Олаф Шольц Орталық Азия елдерінің басшыларын қабылдады.\n"
        "Неміс басшысы халықаралық құқықты құрметтеуге шақырды.\n"
    )
    doc = analyse(pipeline, text, date(2023, 9, 29))
    assert [m.entity for m in doc.mentions if m.label == "POSITION"] == ["person:olaf-sholts"]


def test_the_turkic_world_is_no_country(pipeline):
    doc = analyse(pipeline, "Ел басшылары «Түркі әлемі – 2040» құжатын қабылдады.\n", date(2021, 11, 12))
    assert not [m for m in doc.mentions if m.entity == "country:TR"]


def test_a_venue_city_links_to_a_place_in_its_country(pipeline):
    text = "Тоқаев кеше Уфаға барды. Ол Тяньцзиньде өткен саммитке қатысты."
    doc = analyse(pipeline, text, date(2024, 5, 1))
    assert ("Уфаға", "place:ufa") in links(doc)
    assert ("Тяньцзиньде", "place:tianjin") in links(doc)
