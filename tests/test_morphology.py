"""Behaviour of the Kazakh analyser on words written for these tests."""

from __future__ import annotations

import pytest

from kopvector.language.kk.morphology import Analysis, Analyzer
from kopvector.language.kk.phonology import harmony, sound_class


@pytest.fixture(scope="module")
def an() -> Analyzer:
    return Analyzer.load()


@pytest.mark.parametrize(
    ("word", "lemma", "case"),
    [
        ("Қазақстанның", "Қазақстан", "Gen"),
        ("Астанаға", "Астана", "Dat"),
        ("Алматыда", "Алматы", "Loc"),
        ("Мәскеуден", "Мәскеу", "Abl"),
        ("Ресеймен", "Ресей", "Ins"),
        ("елдерді", "ел", "Acc"),
        ("мемлекеттерге", "мемлекет", "Dat"),
        ("келіссөздер", "келіссөз", "Nom"),
        ("ұйымдарының", "ұйым", "Gen"),
        ("министрлігінде", "министрлік", "Loc"),
        ("кітабы", "кітап", "Nom"),
        ("өңірдегі", "өңір", "Loc"),
        ("Тоқаевты", "Тоқаев", "Acc"),  # a surname in -ев takes the voiceless endings
        ("Тоқаевтан", "Тоқаев", "Abl"),
        ("Жапаровқа", "Жапаров", "Dat"),
    ],
)
def test_nominal_inflection(an: Analyzer, word: str, lemma: str, case: str) -> None:
    got = an.analyze(word)
    assert got.lemma == lemma
    assert got.feats.get("Case") == case


def test_api_examples(an: Analyzer) -> None:
    assert an.analyze("Қазақстанның") == Analysis("Қазақстан", "PROPN", {"Case": "Gen"})
    got = an.analyze("ұйымының")
    assert got.lemma == "ұйым"
    assert got.feats["Case"] == "Gen"
    assert got.feats["Person[psor]"] == "3"


def test_possessive_persons(an: Analyzer) -> None:
    assert an.analyze("еліміздің").feats.get("Person[psor]") == "1"
    assert an.analyze("еліміздің").lemma == "ел"
    assert an.analyze("халқымыз").lemma == "халық"  # vowel drop: халық -> халқы


@pytest.mark.parametrize(
    ("word", "lemma", "case"),
    [("БҰҰ-ның", "БҰҰ", "Gen"), ("UNIFIL-дің", "UNIFIL", "Gen"), ("НАТО-ға", "НАТО", "Dat")],
)
def test_acronym_with_suffix(an: Analyzer, word: str, lemma: str, case: str) -> None:
    got = an.analyze(word)
    assert (got.lemma, got.feats.get("Case")) == (lemma, case)


def test_numbers_and_codes(an: Analyzer) -> None:
    assert an.analyze("2014-ші").lemma == "2014"
    assert an.analyze("2020-да").lemma == "2020"
    assert an.analyze("COVID-19").lemma == "COVID-19"
    assert (an.analyze("162-мүшесі").lemma, an.analyze("162-мүшесі").pos) == (
        "мүше",
        "NOUN",
    )  # the 162nd member
    assert an.analyze("MINURSO").lemma == "MINURSO"
    assert an.analyze(",").pos == "PUNCT"


@pytest.mark.parametrize(
    ("word", "lemma"),
    [
        ("деді", "де"),
        ("дейді", "де"),
        ("деп", "де"),
        ("айтты", "айт"),
        ("айтуынша", "айт"),
        ("өтті", "өт"),
        ("мәлімдеді", "мәлімде"),
        ("қатысты", "қатыс"),
        ("қатысады", "қатыс"),
        ("қатыспайды", "қатыс"),
        ("барды", "бар"),
        ("барады", "бар"),
        ("келді", "кел"),
        ("кездесті", "кездес"),
        ("қойды", "қой"),
        ("талқылады", "талқыла"),
        ("қабылдады", "қабылда"),
        ("қабылданды", "қабылда"),
        ("талқыланған", "талқыла"),
        ("айтқан", "айт"),
    ],
)
def test_verbs(an: Analyzer, word: str, lemma: str) -> None:
    got = an.analyze(word)
    assert got.lemma == lemma
    assert got.pos == "VERB"


def test_sentence_initial_common_noun_is_lowercased(an: Analyzer) -> None:
    assert an.analyze("Үкімет").lemma == "үкімет"


@pytest.mark.parametrize(
    ("words", "name"),
    [
        (["Шанхай", "ынтымақтастық", "ұйымының"], "Шанхай ынтымақтастық ұйымы"),
        (["Голан", "жоталарындағы"], "Голан жоталары"),
        (["Батыс", "Сахарадағы"], "Батыс Сахара"),
        (["Риззат", "Тасымның"], "Риззат Тасым"),
        (["Қасым-Жомарт", "Тоқаевтың"], "Қасым-Жомарт Тоқаев"),
        (["2014", "жылы"], "2014 жыл"),
        (["Қазақстанның"], "Қазақстан"),
        (["Біріккен", "Ұлттар", "Ұйымының"], "Біріккен Ұлттар Ұйымы"),
        (["БҰҰ-ның"], "БҰҰ"),
        (["Солтүстік", "Атлант", "шарты", "НАТО-ның"], "Солтүстік Атлант шарты НАТО"),
        (["Біріккен", "Ұлттар"], "Біріккен Ұлттар"),
        (["Біріккен", "Араб", "Әмірліктерінің"], "Біріккен Араб Әмірліктері"),
        (["Ресей", "Федерациясымен"], "Ресей Федерациясы"),
        (["Сыртқы", "істер", "министрлігінің"], "Сыртқы істер министрлігі"),
    ],
)
def test_lemmatize_name(an: Analyzer, words: list[str], name: str) -> None:
    assert an.lemmatize_name(words) == name


def test_single_word_name_loses_possessive(an: Analyzer) -> None:
    assert an.lemmatize_name(["Арабиясының"]) == "Арабия"


def test_cache_lives_on_instance(an: Analyzer) -> None:
    first = an.analyze("келіссөздерде")
    assert an.analyze("келіссөздерде") is first
    assert ("келіссөздерде", False) not in Analyzer.load()._cache


def test_phonology() -> None:
    assert sound_class("Медведев") == "K"
    assert sound_class("ел") == "L"
    assert sound_class("Ресей") == "S"
    assert harmony("мемлекет") == "F"
    assert harmony("Қазақстан") == "B"


@pytest.mark.parametrize(
    ("word", "lemma", "pos"),
    [
        ("мәлімдемесінде", "мәлімдеме", "NOUN"),  # not мәлімде- + -мес
        ("Израильдің", "Израиль", "PROPN"),  # soft sign: -дің, front
        ("келісті", "келіс", "VERB"),  # lexicalised reciprocal, unlike KTB's кел
        ("кездесуі", "кездесу", "NOUN"),  # lexicalised verbal noun
        ("Жапарова", "Жапарова", "PROPN"),  # name-shaped, not a verb in -а
        ("оның", "ол", "PRON"),
        ("маған", "мен", "PRON"),
        ("бірінші", "бір", "NUM"),
        ("25%-ы", "25", "NUM"),
        ("жақсырақ", "жақсы", "ADJ"),
        ("Си", "Си", "PROPN"),
    ],
)
def test_news_words(an: Analyzer, word: str, lemma: str, pos: str) -> None:
    got = an.analyze(word)
    assert (got.lemma, got.pos) == (lemma, pos)


def test_sentence_start_keeps_names_and_lowers_unknown_nouns(an: Analyzer) -> None:
    assert an.analyze("Ұйымдастырушылар", sentence_start=True).lemma[0].islower()
    assert an.analyze("Мирзиёевтің", sentence_start=True).lemma == "Мирзиёев"
    assert an.analyze("Мирзиёевтің").lemma == "Мирзиёев"


def test_suffix_chains_follow_the_tactics(an: Analyzer) -> None:
    slots = {e.slots for e in an.tactics.endings["ының"]}
    assert ("POSS3", "CASE") in slots
    # the desiderative cannot end a word without its possessive
    assert all(e.slots != ("DESID",) for e in an.tactics.endings.get("ғы", []))
    # "-нда" only follows a possessive, so it is never a whole chain after a bare stem
    assert "нда" not in an.tactics.endings


@pytest.mark.parametrize(
    ("token", "lemma"),
    [("«Қазақстанның»", "Қазақстан"), ("(БҰҰ-ның)", "БҰҰ"), ("2020–2021", "2020–2021"), ("3,5%", "3,5")],
)
def test_tokeniser_leftovers(an: Analyzer, token: str, lemma: str) -> None:
    assert an.analyze(token).lemma == lemma


def _full(analysis: Analysis) -> tuple:
    return analysis.lemma, analysis.pos, analysis.feats, analysis.suffixes


def test_cached_readings_equal_fresh_ones_also_when_the_cache_starts_over(monkeypatch) -> None:
    """A word read again, after a cache of two words has started over, reads as on a new analyser."""
    monkeypatch.setattr("kopvector.language.kk.morphology.CACHE_SIZE", 2)
    small = Analyzer.load()
    words = ["Қазақстанның", "Астанаға", "елдерді", "кітабы", "Арабиясының", "2014", "БҰҰ-ның"]
    names = [["Шанхай", "ынтымақтастық", "ұйымының"], ["Сауд", "Арабиясының"], ["2014", "жылы"], ["БҰҰ-ның"]]
    for _ in range(2):
        for word in words:
            assert _full(small.analyze(word)) == _full(Analyzer(small.lexicon, small.tactics).analyze(word))
        for name in names:
            assert small.lemmatize_name(name) == Analyzer(small.lexicon, small.tactics).lemmatize_name(name)
