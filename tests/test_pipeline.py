"""End to end on real Kazakh text: the seed (read from ../shared), the sample corpus and its Latin twin."""

from datetime import date

import pytest

from kopvector.entities.mentions import iob_spans
from kopvector.settings import Settings
from kopvector.sources.plaintext import read_text_file
from tests.conftest import SAMPLES

SEED_LEMMAS = {
    "Қазақстан",
    "БҰҰ",
    "Шанхай ынтымақтастық ұйымы",
    "ТМД",
    "ЕҚЫҰ",
    "Риззат Тасым",
    "Қасым-Жомарт Тоқаев",
    "MINURSO",
    "UNIFIL",
    "UNDOF",
    "Батыс Сахара",
    "Ливан",
    "Голан жоталары",
}


@pytest.fixture(scope="module")
def seed_doc(pipeline, seed_path):
    return pipeline(read_text_file(seed_path, Settings()))


def test_seed_article_metadata(seed_doc):
    assert seed_doc.article.published == date(2025, 12, 14)
    assert seed_doc.language == "kk"
    assert seed_doc.script == "Cyrl"
    assert all(p.language == "kk" for p in seed_doc.paragraphs if p.end - p.start > 40)


def test_seed_mentions_have_the_expected_lemmas(seed_doc):
    lemmas = {m.lemma for m in seed_doc.mentions}
    assert SEED_LEMMAS - lemmas == set()
    years = {m.lemma.split()[0] for m in seed_doc.mentions if m.label == "DATE"}
    assert {"2014", "2018", "2024"} <= years


def test_every_case_form_of_kazakhstan_lemmatizes_to_the_name(seed_doc):
    forms = {
        m.text: m.lemma for m in seed_doc.mentions if m.label == "GPE" and m.text.startswith("Қазақстан")
    }
    assert len(forms) >= 3  # Қазақстан, Қазақстанның, Қазақстанды, ...
    assert set(forms.values()) == {"Қазақстан"}


def test_offsets_point_into_the_stored_text(seed_doc):
    text = seed_doc.article.text
    for token in seed_doc.tokens:
        assert text[token.start : token.end] == token.text
    for mention in seed_doc.mentions:
        assert text[mention.start : mention.end] == mention.text


def test_latin_twin_gives_the_same_mentions_as_the_cyrillic_one(pipeline):
    latin_files = sorted(SAMPLES.glob("*_latin.txt"))
    assert latin_files, "the sample corpus needs a Latin-alphabet article with a Cyrillic twin"
    for latin_path in latin_files:
        cyrillic_path = latin_path.with_name(latin_path.name.replace("_latin", "_cyrillic"))
        latin = pipeline(read_text_file(latin_path, Settings()))
        cyrillic = pipeline(read_text_file(cyrillic_path, Settings()))
        assert latin.script == "Latn" and latin.language == "kk"
        assert cyrillic.script == "Cyrl"
        assert [(m.label, m.lemma) for m in latin.mentions] == [(m.label, m.lemma) for m in cyrillic.mentions]
        for mention in latin.mentions:
            assert latin.article.text[mention.start : mention.end] == mention.text
            assert not any("\u0400" <= ch <= "\u04ff" for ch in mention.text)


def test_sample_corpus_has_mentions_in_every_article(pipeline):
    paths = sorted(SAMPLES.glob("*.txt"))
    assert len(paths) >= 5
    for path in paths:
        doc = pipeline(read_text_file(path, Settings()))
        assert doc.language == "kk", path.name
        assert doc.article.published is not None, path.name
        assert any(m.label in {"GPE", "PERSON", "ORGANISATION"} for m in doc.mentions), path.name


def test_iob_spans_handles_stray_inside_tags():
    tags = ["B-GPE", "I-GPE", "O", "I-PERSON", "B-ORGANISATION", "I-GPE"]
    assert list(iob_spans(tags)) == [(0, 2, "GPE"), (3, 4, "PERSON"), (4, 5, "ORGANISATION"), (5, 6, "GPE")]


SEED_ENTITIES = {
    "country:KZ",
    "org:UN",
    "org:SCO",
    "org:CIS",
    "org:OSCE",
    "org:UNGA",
    "mission:MINURSO",
    "mission:UNIFIL",
    "mission:UNDOF",
    "country:EH",
    "country:LB",
    "place:golan-heights",
    "person:kassym-jomart-tokayev",
    "person:rizzat-tasym",
}


def test_seed_entities_are_exactly_what_the_seed_mentions(seed_doc):
    assert {e.id for e in seed_doc.entities} == SEED_ENTITIES
    assert all(e.mention_count >= 1 for e in seed_doc.entities)
