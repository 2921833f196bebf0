"""Kazakh Latin ↔ Cyrillic: the three alphabets, foreign words kept, offsets, and the round trip."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kopvector.language.kk.latin import cyrillic_to_latin, detect_variant, latin_to_cyrillic

from .conftest import SEED, SHARED, shared_file


def cyr(text: str, variant: str | None = None) -> str:
    return latin_to_cyrillic(text, variant).text


def test_api_example_keeps_foreign_acronym() -> None:
    assert cyr("Qazaqstan BŪŪ-nyñ müşesi. UNIFIL") == "Қазақстан БҰҰ-ның мүшесі. UNIFIL"


def test_offsets_map_back_to_the_latin_input() -> None:
    src = "Elşi Şanhai sammitinde BŪŪ-nyñ rölin atap ötti, UNIFIL-diñ jūmysyn maqtady."
    m = latin_to_cyrillic(src)
    assert m.text == "Елші Шанхай саммитінде БҰҰ-ның рөлін атап өтті, UNIFIL-дің жұмысын мақтады."
    assert len(m.starts) == len(m.ends) == len(m.text)
    for word in ("Шанхай", "БҰҰ-ның", "UNIFIL-дің", "жұмысын", "."):
        at = m.text.index(word)
        s, e = m.source_span(at, at + len(word))
        assert cyrillic_to_latin(word) == src[s:e] or word == "UNIFIL-дің"
    at, latin_at = m.text.index("UNIFIL-дің"), src.index("UNIFIL-diñ")
    assert m.source_span(at, at + len("UNIFIL-дің")) == (latin_at, latin_at + len("UNIFIL-diñ"))
    assert all(0 <= s < e <= len(src) for s, e in zip(m.starts, m.ends, strict=True))


def test_digraph_letters_map_to_both_latin_letters() -> None:
    src = "protsent"
    m = latin_to_cyrillic(src)
    assert m.text == "процент"
    at = m.text.index("ц")
    assert m.source_span(at, at + 1) == (3, 5)


def test_apostrophe_letter_maps_to_letter_and_apostrophe() -> None:
    src = "Bu'gin s'ekara"
    m = latin_to_cyrillic(src)
    assert m.text == "Бүгін шекара"
    at = m.text.index("ш")
    assert m.source_span(at, at + 1) == (src.index("s'"), src.index("s'") + 2)


def test_english_words_stay_latin() -> None:
    assert cyr("The Economist pen Google jazdy") == "The Economist пен Google жазды"


def test_casing_is_preserved() -> None:
    assert cyr("QAZAQSTAN") == "ҚАЗАҚСТАН"
    assert cyr("QAZAQSTAN RESPUBLIKASY") == "ҚАЗАҚСТАН РЕСПУБЛИКАСЫ"
    assert cyr("BEIBITŞILIK PEN QAUIPSIZDIK KEÑESI") == "БЕЙБІТШІЛІК ПЕН ҚАУІПСІЗДІК КЕҢЕСІ"
    assert cyr("BŪŪ-NYÑ BAS ASSAMBLEIASY") == "БҰҰ-НЫҢ БАС АССАМБЛЕЯСЫ"
    assert cyr("Astana men Almaty") == "Астана мен Алматы"
    assert cyr("Iaponiia") == "Япония"


@pytest.mark.parametrize(
    "foreign",
    [
        "UNIFIL",
        "MINURSO",
        "UNDOF",
        "BRICS",
        "OSCE",
        "NATO",
        "COVID-19",
        "https://egemen.kz/article/12?x=1",
        "www.akorda.kz",
        "info@mfa.gov.kz",
        "Facebook",
        "iPhone",
    ],
)
def test_foreign_words_stay_as_they_are(foreign: str) -> None:
    assert cyr(f"Biz {foreign} turaly jazdyq.") == f"Біз {foreign} туралы жаздық."


def test_foreign_acronym_next_to_kazakh_acronym() -> None:
    assert cyr("EQYŪ (OSCE) jäne NATO BŪŪ-men") == "ЕҚЫҰ (OSCE) және NATO БҰҰ-мен"


def test_suffix_after_foreign_acronym_is_transliterated() -> None:
    assert cyr("UNIFIL-diñ, NATO-nyñ jäne BRICS-ke") == "UNIFIL-дің, NATO-ның және BRICS-ке"


@pytest.mark.parametrize(
    ("latin", "cyrillic"),
    [
        ("BŪŪ", "БҰҰ"),
        ("QR", "ҚР"),
        ("AQŞ", "АҚШ"),
        ("TMD", "ТМД"),
        ("EQYŪ", "ЕҚЫҰ"),
        ("ŞYŪ", "ШЫҰ"),
        ("ŪQŞŪ", "ҰҚШҰ"),
        ("QHR", "ҚХР"),
        ("SIM", "СІМ"),
        ("EAEO", "ЕАЭО"),
    ],
)
def test_kazakh_acronyms_are_transliterated(latin: str, cyrillic: str) -> None:
    assert cyr(f"{latin} mälimdemesi") == f"{cyrillic} мәлімдемесі"


@pytest.mark.parametrize(
    ("latin", "cyrillic"),
    [
        ("beibit", "бейбіт"),  # i after a vowel is й
        ("kiim", "киім"),  # i before i is и, then і
        ("qiyn", "қиын"),  # i before a vowel is и
        ("bilim", "білім"),  # front word: і
        ("saiasi", "саяси"),  # back word, final i: и
        ("Prezidenttiñ", "Президенттің"),  # Russian stem и, Kazakh suffix і
        ("ministrliginiñ", "министрлігінің"),
        ("universitetiniñ", "университетінің"),
        ("investitsiialyq", "инвестициялық"),
        ("aitsaq", "айтсақ"),  # t+s across a suffix, not ц
        ("sälemetsiz", "сәлеметсіз"),
        ("dialog", "диалог"),  # и+а after one consonant
        ("Rossiia", "Россия"),
        ("aiaq", "аяқ"),
        ("infliatsiia", "инфляция"),
        ("biudjet", "бюджет"),
        ("Dmitrii", "Дмитрий"),
        ("ekonomikalyq", "экономикалық"),
        ("jahandyq", "жаһандық"),
        ("Şanhai", "Шанхай"),
        ("ekeui", "екеуі"),
        ("qazir", "қазір"),
        ("ii", "іі"),
        ("volontiorler", "волонтёрлер"),  # ё only in -ёр
        ("milliondağan", "миллиондаған"),
        ("makroekonomikalyq", "макроэкономикалық"),
        ("banktiñ", "банктің"),  # Russian stem ending in a cluster takes front suffixes
        ("faktileri", "фактілері"),
        ("kriteriileri", "критерийлері"),
        ("zerthana", "зертхана"),
        ("koordinatsiia", "координация"),
        ("Mädina", "Мәдина"),
        ("Kärimov", "Кәрімов"),  # a Russian surname ending is no loanword cue
        ("Esimhanovanyñ", "Есімханованың"),
        ("Zaitsev", "Зайцев"),
        ("frantsuz", "француз"),
        ("marganetstiñ", "марганецтің"),
        ("imperiiasy", "империясы"),  # -ия marks a Russian stem
        ("effektisi", "эффектісі"),
        ("evreiler", "еврейлер"),
        ("Tszinpinniñ", "Цзиньпиннің"),  # -нің after a nasal
        ("birjaqty", "біржақты"),
    ],
)
def test_ambiguous_letters_by_word_rules(latin: str, cyrillic: str) -> None:
    assert cyr(latin, "2021") == cyrillic


def test_hyphenated_foreign_names() -> None:
    assert cyr("Wi-Fi jelisi Niu-Iorkte jūmys isteidi") == "Wi-Fi желісі Нью-Йоркте жұмыс істейді"


def test_roman_numerals_and_listed_names() -> None:
    assert cyr("XXI ğasyrda II düniejüzilik soğys") == "XXI ғасырда II дүниежүзілік соғыс"
    assert cyr("Si Tszinpin Astanağa keldi") == "Си Цзиньпин Астанаға келді"
    assert cyr("UNIFIL-si") == "UNIFIL-сі"  # a suffix, not the listed word "si"


def test_official_2021_dotless_i() -> None:
    # A stray ı is read by harmony: і in front words, ы in back ones.
    assert cyr("Qazaq tılı men Qazaqstan Respublikası", "2021") == "Қазақ тілі мен Қазақстан Республикасы"


def test_2021_table_to_the_letter() -> None:
    # ı for і and i only for и/й: "bilim" would be билим here, so the text must be read strictly.
    latin = "Bız İranmen kelıssözdı jalğastyramyz, – dedı Prezident. Bılım men ğylym mañyzdy."
    assert detect_variant(latin) == "2021-strict"
    assert cyr(latin) == "Біз Иранмен келіссөзді жалғастырамыз, – деді Президент. Білім мен ғылым маңызды."


def test_dotless_i_for_both_і_and_ы() -> None:
    latin = "Qazaq tılı – memlekettık tıl. Bız bılım men ğılımdı damıtamız."
    assert detect_variant(latin) == "2021"
    assert cyr(latin) == "Қазақ тілі – мемлекеттік тіл. Біз білім мен ғылымды дамытамыз."


SENTENCE = "Бүгін елордада Сыртқы істер министрлігінің өкілдері Шанхай ұйымы туралы кездесті."


def test_2017_apostrophe_variant() -> None:
    latin = "Bu'gin elordada Syrtqy ister mi'ni'strliginin' o'kilderi S'anhai' ui'ymy ty'raly kezdesti."
    assert detect_variant(latin) == "2017"
    assert cyr(latin) == SENTENCE


def test_2018_acute_variant() -> None:
    latin = "Búgin elordada Syrtqy ister mınıstrliginiń ókilderi Shanhaı uıymy týraly kezdesti."
    assert detect_variant(latin) == "2018"
    assert cyr(latin) == SENTENCE


def test_2021_is_detected_and_default() -> None:
    assert detect_variant("Búgin Şanhai ūiymynyñ jiyny ötti, elşiler kezdesti.") == "2021"
    assert detect_variant("Astana") == "2021"


def test_2017_apostrophes_are_not_read_in_2021_text() -> None:
    assert cyr("Ol 'Jaña Qazaqstan' dedi.") == "Ол 'Жаңа Қазақстан' деді."
    assert cyr("Ol 'Astana' dedi.") == "Ол 'Астана' деді."


def test_cyrillic_to_latin() -> None:
    assert cyrillic_to_latin("Қазақстан") == "Qazaqstan"
    assert cyrillic_to_latin("БҰҰ-ның мүшесі") == "BŪŪ-nyñ müşesi"
    assert cyrillic_to_latin("Шанхай ынтымақтастық ұйымы") == "Şanhai yntymaqtastyq ūiymy"
    assert cyrillic_to_latin("Цой, Щучинск, Юрий, ЮНЕСКО") == "Tsoi, Şşuçinsk, Iurii, IUNESKO"
    assert cyrillic_to_latin("съезд, фильм") == "sezd, film"
    assert cyrillic_to_latin("Президент Қасым-Жомарт Тоқаев") == "Prezident Qasym-Jomart Toqaev"


# --- round trip on real Kazakh text (read from ../shared, never copied) ------------------------------

_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
# Measured on this code: KTB 99.01 % of 8,167 word tokens, KazNERD valid 99.14 % of 104,415 (rules
# alone, without latin_loans.tsv: 96.6 % and 96.7 %). The list was grown by reading errors on these
# same corpora, so those numbers are in-sample; the seed article, not tuned on, keeps 733 of 734 words
# (the English "date" of its crawl header is read as Kazakh). What stays wrong is mostly what 2021
# Latin cannot spell (ь, ъ, э, ё, һ), Cyrillic acronyms of foreign names (ЮНЕСКО → IUNESKO stays
# Latin), Russian sentences quoted in KazNERD, and Kazakh names of mixed harmony (Байділдаев).
THRESHOLDS = {"ktb": 98.9, "kaznerd": 99.0, "seed": 99.5}


def _ktb_words() -> Iterator[str]:
    folder = shared_file(SHARED / "data" / "ud_kazakh_ktb")
    for path in sorted(folder.glob("*.conllu")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.startswith("# text = "):
                yield from _WORD.findall(line[len("# text = ") :])


def _kaznerd_words() -> Iterator[str]:
    path: Path = shared_file(SHARED / "data" / "kaznerd" / "IOB2_valid.txt")
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            yield from _WORD.findall(line.split()[0])


def _seed_words() -> Iterator[str]:
    yield from _WORD.findall(shared_file(SEED).read_text(encoding="utf-8"))


def _round_trip_share(words: list[str]) -> float:
    back = {w: latin_to_cyrillic(cyrillic_to_latin(w), "2021").text for w in set(words)}
    return 100 * sum(back[w] == w for w in words) / len(words)


@pytest.mark.parametrize(
    ("name", "source"), [("ktb", _ktb_words), ("kaznerd", _kaznerd_words), ("seed", _seed_words)]
)
def test_round_trip_keeps_words(name: str, source) -> None:
    words = list(source())
    assert len(words) > 500
    assert _round_trip_share(words) >= THRESHOLDS[name]


# --- offset map invariants on arbitrary Latin-ish text --------------------------------------------

_LATIN_ALPHABET = "aäbdefgğhiıİjklmnñoöpqrsştuūüvyzAÄBDEFGĞHIJKLMNÑOÖPQRSŞTUŪÜVYZcwx' -.,«»1029\n@:/"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_LATIN_ALPHABET, max_size=80), st.sampled_from([None, "2021", "2017", "2018"]))
def test_offset_map_is_well_formed(text: str, variant: str | None) -> None:
    m = latin_to_cyrillic(text, variant)
    assert len(m.starts) == len(m.ends) == len(m.text)
    assert all(0 <= s < e <= len(text) for s, e in zip(m.starts, m.ends, strict=True))
    assert list(m.starts) == sorted(m.starts)
    # Nothing is invented or lost between words: spaces, digits and line breaks map to themselves.
    assert [ch for ch in m.text if ch in " \n0129"] == [ch for ch in text if ch in " \n0129"]
