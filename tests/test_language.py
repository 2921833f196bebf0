import pytest

from kopvector.language.identify import LanguageIdentifier, looks_like_kazakh_latin
from kopvector.language.script import detect_script


@pytest.fixture(scope="module")
def identifier():
    return LanguageIdentifier()


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Қазақстан Шанхай ынтымақтастық ұйымының толық мүшесі болып табылады.", "kk"),
        ("Президент Ресей Федерациясына мемлекеттік сапармен барды.", "kk"),
        ("Казахстан председательствовал в ОБСЕ в 2010 году.", "ru"),
        ("Kazakhstan chaired the OSCE in 2010 and hosted its summit in Astana.", "en"),
        ("Кыргызстан менен Казакстан ортосундагы соода байланыштары өнүгүүдө.", "ky"),
        ("Україна та Казахстан підписали угоду про співпрацю.", "other"),
        ("Türkiye ile Kazakistan arasında ticaret hacmi artıyor.", "other"),
    ],
)
def test_identifies_our_languages_and_calls_the_rest_other(identifier, text, language):
    assert identifier.identify(text) == language


def test_short_lines_fall_back_to_the_default(identifier):
    assert identifier.identify("2014 жыл", default="kk") == "kk"


def test_script():
    assert detect_script("Қазақстан БҰҰ-ның мүшесі, UNIFIL") == "Cyrl"
    assert detect_script("Qazaqstan BŪŪ-nyñ müşesi") == "Latn"


def test_kazakh_latin_markers():
    assert looks_like_kazakh_latin("Qazaqstan Respublikasy BŪŪ-nyñ belsendi müşesi.")
    assert looks_like_kazakh_latin("Qazaqstan BU'U'-nyn' belsendi mu'shesi bolyp tabylady.")
    assert not looks_like_kazakh_latin("It's quite clear: the country's policy is multi-vector.")


@pytest.mark.parametrize(
    "line",
    [
        "Қазақстан Шанхай ынтымақтастық ұйымының толық мүшесі болып табылады.",
        "Қасым-Жомарт Тоқаев провёл переговоры с президентом Казахстана в Ақорда.",
        "Самолёт өте жайлы .",
        "Мен төрт жыл гармошкамен ойнаймын .",
    ],
)
def test_paragraph_of_a_kazakh_article_gets_the_models_answer(identifier, line):
    """The shortcut for clearly Kazakh lines must not change a paragraph's language."""
    assert identifier.identify_paragraph(line, article="kk") == identifier.identify(line, default="kk")
