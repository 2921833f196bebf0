import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from kopvector.text.mapped import MappedText
from kopvector.text.normalize import _FOLD, normalize


def test_folds_dashes_quotes_and_spaces_keeping_offsets():
    source = "Сарапшы\u00a0айтты: \u201eбейбітшілік\u201d \u2014 басты мақсат."
    view = normalize(source)
    assert view.text == "Сарапшы айтты: \u201cбейбітшілік\u201d \u2013 басты мақсат."
    start = view.text.index("бейбітшілік")
    s, e = view.source_span(start, start + len("бейбітшілік"))
    assert source[s:e] == "бейбітшілік"


def test_nfc_composes_decomposed_letters_and_maps_back():
    source = "Тоқаи\u0306 мен Аи\u0306гүл"  # и + combining breve is й
    view = normalize(source)
    assert view.text == "Тоқай мен Айгүл"
    start = view.text.index("Айгүл")
    s, e = view.source_span(start, start + 5)
    assert source[s:e] == "Аи\u0306гүл"


def test_deletions_and_crlf():
    source = "Астана\u00ad\r\nАлматы\u200b."
    view = normalize(source)
    assert view.text == "Астана\nАлматы."
    s, e = view.source_span(7, 13)
    assert source[s:e] == "Алматы"


def test_composition_of_maps():
    first = MappedText.build([("ab", 0, 1), ("c", 1, 3)])
    second = MappedText.build([("x", 0, 2), ("y", 2, 3)])
    composed = first.then(second)
    assert composed.text == "xy"
    assert composed.source_span(0, 1) == (0, 1)
    assert composed.source_span(1, 2) == (1, 3)


@given(st.text(alphabet=st.sampled_from("аәбқ «»\u2014\u00a0\r\n\u0306\u200b'\u2019x"), max_size=40))
def test_every_view_character_maps_inside_the_source(source):
    view = normalize(source)
    assert len(view.starts) == len(view.text) == len(view.ends)
    for i in range(len(view.text)):
        s, e = view.source_span(i, i + 1)
        assert 0 <= s < e <= len(source)


def _one_by_one(source: str) -> MappedText:
    """The normalization's definition, a piece at a time: CRLF, a combining sequence, one character."""
    pieces, i = [], 0
    while i < len(source):
        j = i + 1
        if source[i] == "\r":
            j += source[j : j + 1] == "\n"
            pieces.append(("\n", i, j))
        else:
            while j < len(source) and unicodedata.combining(source[j]):
                j += 1
            piece = (
                unicodedata.normalize("NFC", source[i:j]) if j > i + 1 else _FOLD.get(source[i], source[i])
            )
            pieces.append((piece, i, j))
        i = j
    return MappedText.build(pieces)


@given(
    st.text(
        alphabet=st.sampled_from("аиәқ «»\u2013\u2014\u00a0\r\n\u0306\u0301\u200b\u00ad'\u2019x"), max_size=40
    )
)
def test_normalize_maps_as_the_piece_by_piece_definition(source):
    """normalize edits only what changes; the map must be the one of a character-by-character pass."""
    view, expected = normalize(source), _one_by_one(source)
    assert (view.text, view.starts, view.ends) == (expected.text, expected.starts, expected.ends)
