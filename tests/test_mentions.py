"""Catalog matching on Kazakh lemmas and its merge with the NER's spans."""

import pytest

from kopvector.entities.catalog import load_catalog
from kopvector.entities.matcher import CatalogMatch, CatalogMatcher
from kopvector.entities.mentions import clean_spans, join_particles, merge
from kopvector.language.kk.morphology import Analyzer


@pytest.fixture(scope="module")
def matcher():
    return CatalogMatcher(load_catalog(), Analyzer.load())


def found(matcher, sentence):
    words = sentence.split()
    return [(" ".join(words[m.first : m.last]), m.label, m.ids[0]) for m in matcher.match(words)]


def test_inflected_multiword_names_match_on_their_lemma(matcher):
    assert found(matcher, "Шанхай ынтымақтастық ұйымының саммиті Астанада өтті") == [
        ("Шанхай ынтымақтастық ұйымының", "ORGANISATION", "org:SCO"),
        ("Астанада", "GPE", "place:astana"),
    ]


def test_latin_acronyms_with_suffixes_and_peace_operation_places(matcher):
    assert found(matcher, "Ливандағы UNIFIL-дің штабы мен Голан жоталарындағы UNDOF") == [
        ("Ливандағы", "GPE", "country:LB"),
        ("UNIFIL-дің", "ORGANISATION", "mission:UNIFIL"),
        ("Голан жоталарындағы", "LOCATION", "place:golan-heights"),
        ("UNDOF", "ORGANISATION", "mission:UNDOF"),
    ]


def test_a_name_the_tokenizer_splits_at_a_plus_matches_whole(matcher):
    assert found(matcher, "Вашингтонда C5 + 1 форматындағы саммит өтті") == [
        ("Вашингтонда", "GPE", "place:washington"),
        ("C5 + 1", "ORGANISATION", "org:C5+1"),
    ]
    assert found(matcher, "Қазақстан ОПЕК + тобына кіреді") == [
        ("Қазақстан", "GPE", "country:KZ"),
        ("ОПЕК +", "ORGANISATION", "org:OPEC+"),
    ]


def test_a_catalog_name_the_analyser_does_not_know_is_read_with_its_case_ending(matcher):
    (munich,) = matcher.match(["Мюнхенде"])
    assert (munich.ids, munich.reading) == (("place:munich",), ("Мюнхен", {"Case": "Loc"}))
    (xian,) = matcher.match(["Сианьда"])
    assert (xian.ids, xian.reading) == (("place:xian",), ("Сиань", {"Case": "Loc"}))
    assert matcher.match(["Канада"])[0].reading is None  # a name as written keeps its own reading


def test_a_name_particle_joins_two_person_spans_unless_the_catalog_knows_a_part(matcher):
    words = ["Стаффан", "де", "Мистура", "мен", "Путин", "де", "Си", "Цзиньпин", "де", "келді"]
    ner = [(0, 1, "PERSON"), (2, 3, "PERSON"), (4, 5, "PERSON"), (6, 8, "PERSON")]
    assert join_particles(ner, matcher.match(words), words) == [
        (0, 3, "PERSON"),
        (4, 5, "PERSON"),
        (6, 8, "PERSON"),
    ]


def test_lowercase_words_and_compound_stems_are_not_names(matcher):
    assert found(matcher, "қазақ халқы мен ресей тарапы келісті") == []


def test_spans_are_cut_at_brackets_and_trimmed():
    words = ["Батыс", "Сахарадағы", "миссиясы", "(", "MINURSO", ")"]
    assert clean_spans([(0, 6, "ORGANISATION")], words) == [(0, 3, "ORGANISATION"), (4, 5, "ORGANISATION")]


def test_merge_replaces_wrongly_cut_ner_spans_and_keeps_containers():
    words = ["Ливандағы", "UNIFIL", "миссиясы", "және", "БҰҰ", "Бас", "хатшысы"]
    ner = [(0, 2, "ORGANISATION"), (4, 7, "POSITION")]
    catalog = [
        CatalogMatch(0, 1, "GPE", ("country:LB",)),
        CatalogMatch(1, 2, "ORGANISATION", ("mission:UNIFIL",)),
        CatalogMatch(4, 5, "ORGANISATION", ("org:UN",)),
    ]
    assert merge(ner, catalog, words) == [
        (0, 1, "GPE"),
        (1, 2, "ORGANISATION"),
        (4, 7, "POSITION"),
        (4, 5, "ORGANISATION"),
    ]


def test_merge_keeps_the_ner_place_label_on_identical_spans():
    words = ["Батыс", "Сахарада"]
    assert merge([(0, 2, "LOCATION")], [CatalogMatch(0, 2, "GPE", ("country:EH",))], words) == [
        (0, 2, "LOCATION")
    ]


def test_acronyms_match_only_when_written_in_capitals(matcher):
    # "Еске" is the dative of "ес" (memory); only the capitals "ЕС" are the European Union.
    assert found(matcher, "Еске салайық , ЕС пен НАТО") == [
        ("ЕС", "ORGANISATION", "org:EU"),
        ("НАТО", "ORGANISATION", "org:NATO"),
    ]


@pytest.mark.parametrize(
    ("sentence", "first", "last"),
    [
        ("Түркітанушы Зәуреш Құдайбергенова айтты", 1, 3),
        ("Бақытжан Оспанов Солтүстік Кипрге мәртебе беру шешімін сынады", 0, 2),
        ("Мадина Төлегенова Кеңестегі жұмысты бағалады", 0, 2),
        ("Қасым-Жомарт Тоқаев сөйледі", 0, 2),
    ],
)
def test_a_person_span_loses_a_role_before_and_a_word_after_the_surname(sentence, first, last):
    words = sentence.split()
    assert merge([(0, 3, "PERSON")], [], words) == [(first, last, "PERSON")]


def test_a_first_name_before_a_catalog_surname_makes_a_different_person(matcher):
    words = ["Әскери", "сарапшы", "Ғалым", "Әбдірахманов", "айтты"]
    catalog = matcher.match(words)
    assert [m.ids for m in catalog] == [("person:kairat-abdrakhmanov",)]
    assert merge([(2, 4, "PERSON")], catalog, words) == [(2, 4, "PERSON")]


def test_two_catalog_persons_the_ner_took_for_one_name_stay_two(matcher):
    words = ["Тоқаев", "Мун", "Чжэ", "Инмен", "кездесті"]
    catalog = matcher.match(words)
    assert [m.ids for m in catalog] == [("person:kassym-jomart-tokayev",), ("person:moon-jae-in",)]
    assert merge([(0, 4, "PERSON")], catalog, words) == [(0, 1, "PERSON"), (1, 4, "PERSON")]
