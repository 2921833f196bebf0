"""Kazakh NER: IOB2 reading, the contiguous split, stemming, features, the shipped model, training."""

from __future__ import annotations

from pathlib import Path

import pytest

from kopvector.entities.ner.augment import with_acronym_copies
from kopvector.entities.ner.dataset import (
    DEFAULT_DATA,
    DEV_BLOCKS,
    N_BLOCKS,
    TaggedSentence,
    parse_iob2,
    read_iob2,
    split_train_dev,
    write_iob2,
)
from kopvector.entities.ner.features import FeatureExtractor, short_shape, word_shape
from kopvector.entities.ner.resources import NerResources
from kopvector.entities.ner.stemmer import Stemmer
from kopvector.entities.ner.tagger import NerTagger, repair_iob2
from kopvector.evaluation.ner import strict_spans

# Sentences written for these tests (not from any corpus). KazNERD's convention, which the model
# learns: a title with its country ("Өзбекстан Президенті") is one POSITION span.
OWN_SENTENCES: list[tuple[str, list[str]]] = [
    (
        "Президент Қасым-Жомарт Тоқаев Астанада Өзбекстан Президенті Шавкат Мирзиёевпен кездесті .",
        ["POSITION", "PERSON", "GPE", "POSITION", "PERSON"],
    ),
    ("Қазақстан мен Қытай арасындағы сауда көлемі өсті .", ["GPE", "GPE"]),
    ("Тоқаев Германияға ресми сапармен барады .", ["PERSON", "GPE"]),
]


def _sentences(n: int) -> list[TaggedSentence]:
    return [TaggedSentence((f"сөз{i}",), ("O",)) for i in range(n)]


def test_parse_iob2_splits_on_blank_lines() -> None:
    text = "« O\nҚазақстан B-GPE\n» O\n\n\nТоқаев B-PERSON\nкелді O\n"
    sentences = parse_iob2(text.splitlines(keepends=True))
    assert [s.tokens for s in sentences] == [("«", "Қазақстан", "»"), ("Тоқаев", "келді")]
    assert sentences[1].tags == ("B-PERSON", "O")


def test_parse_iob2_rejects_lines_without_tag() -> None:
    with pytest.raises(ValueError, match="line 2"):
        parse_iob2(["Астана B-GPE\n", "жалғыз\n"])


def test_write_then_read_round_trips(tmp_path: Path) -> None:
    sentences = [
        TaggedSentence(("Ресей", "Федерациясы"), ("B-GPE", "I-GPE")),
        TaggedSentence(("иә",), ("O",)),
    ]
    write_iob2(sentences, tmp_path / "x.txt")
    assert read_iob2(tmp_path / "x.txt") == sentences


def test_split_is_contiguous_deterministic_and_one_fifth_dev() -> None:
    sentences = _sentences(1000)
    train, dev = split_train_dev(sentences)
    assert len(dev) == 200 and len(train) == 800
    dev_ids = [int(s.tokens[0][3:]) for s in dev]
    assert dev_ids[:50] == list(range(100, 150))  # block 2 of 20 = sentences 100..149
    assert dev_ids[-50:] == list(range(850, 900))  # block 17
    assert split_train_dev(sentences) == (train, dev)
    assert len(DEV_BLOCKS) * 5 == N_BLOCKS


@pytest.mark.skipif(not DEFAULT_DATA.exists(), reason="KazNERD valid split not present")
def test_split_of_kaznerd_valid_has_expected_sizes() -> None:
    train, dev = split_train_dev(read_iob2(DEFAULT_DATA))
    assert (len(train), len(dev)) == (8933, 2234)


@pytest.mark.parametrize(
    ("word", "stem", "endings"),
    [
        ("Қазақстанның", "қазақстан", "ның"),
        ("Қазақстан", "қазақстан", ""),
        ("Ресейге", "ресей", "ге"),
        ("Тоқаевтың", "тоқаев", "тың"),
        ("Астанада", "астана", "да"),
        ("Германиядан", "германия", "дан"),
        ("министрлерінің", "министр", "лер+і+нің"),
        ("БҰҰ-ның", "бұұ", "ның"),
        ("UNIFIL-дің", "unifil", "дің"),
        ("2014-ші", "2014", "ші"),
        ("министрлігі", "министрлік", "і"),
        ("Қасым-Жомарт", "қасым-жомарт", ""),
    ],
)
def test_stemmer_strips_kazakh_endings(word: str, stem: str, endings: str) -> None:
    stemmer = Stemmer({"қазақстан", "министр", "астана"})
    assert stemmer.stem(word) == (stem, endings)


def test_stemmer_respects_vowel_harmony_and_sandhi() -> None:
    # -ты after a vowel is not the accusative (that would be -ны), so Алматы stays whole.
    # алма is a word, but the accusative after a vowel is -ны, so Алматы keeps its -ты.
    assert Stemmer({"алма", "алматы"}).stem("Алматы") == ("алматы", "")


def test_shapes() -> None:
    assert word_shape("БҰҰ-ның") == "XXX-xxx"
    assert short_shape(word_shape("Тоқаев")) == "Xx"
    assert word_shape("2014") == "dddd"


def test_features_mark_gazetteer_matches_on_inflected_forms() -> None:
    extractor = FeatureExtractor(NerResources(vocabulary=frozenset({"қазақстан"})))
    features = extractor.sentence(["Қазақстан", "Республикасының", "Сыртқы", "істер", "министрлігі"])
    assert "g=B-GPE" in features[0] and "g=I-GPE" in features[1]
    assert "g=B-ORGANISATION" in features[2] and "g=I-ORGANISATION" in features[4]
    assert "T" in features[0] and "BOS" in features[0] and "EOS" in features[4]
    assert "s=министрлік" in features[4] and "-1w=істер" in features[4]


def test_repair_iob2_turns_stray_inside_into_begin() -> None:
    assert repair_iob2(["O", "I-GPE", "I-GPE", "I-PERSON"]) == ["O", "B-GPE", "I-GPE", "B-PERSON"]


@pytest.fixture(scope="module")
def shipped() -> NerTagger:
    return NerTagger.load()


def test_shipped_model_finds_persons_and_places(shipped: NerTagger) -> None:
    for text, expected_types in OWN_SENTENCES:
        tokens = text.split()
        (tags,) = shipped.tag([tokens])
        assert len(tags) == len(tokens)
        assert [label for label, _, _ in strict_spans(tags)] == expected_types, (text, tags)


def test_shipped_model_spans_on_a_news_sentence(shipped: NerTagger) -> None:
    tokens = ["Қасым-Жомарт", "Тоқаев", "Қазақстан", "Республикасының", "Президенті"]
    tokens += ["болып", "сайланды", "."]
    (tags,) = shipped.tag([tokens])
    assert strict_spans(tags) == [("PERSON", 0, 2), ("POSITION", 2, 5)]


def test_shipped_model_tags_acronyms_with_case_endings(shipped: NerTagger) -> None:
    assert shipped.tag([["Қазақстан", "БҰҰ-ның", "мүшесі", "."]]) == [["B-GPE", "B-ORGANISATION", "O", "O"]]
    tokens = ["Тоқаев", "НАТО-ның", "бас", "хатшысымен", "кездесті", "."]
    (tags,) = shipped.tag([tokens])
    assert strict_spans(tags)[:2] == [("PERSON", 0, 1), ("ORGANISATION", 1, 2)]


def test_tag_keeps_shape_and_handles_empty_sentences(shipped: NerTagger) -> None:
    result = shipped.tag([[], ["."], ["Ресей"]])
    assert result[0] == [] and result[1] == ["O"]
    assert result[2] == ["B-GPE"]


def test_load_reports_a_missing_model(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        NerTagger.load(tmp_path / "none.crfsuite")


def test_acronym_copies_follow_their_originals() -> None:
    original = TaggedSentence(
        ("Қазақстан", "Біріккен", "Ұлттар", "Ұйымының", "мүшесі", "."),
        ("B-GPE", "B-ORGANISATION", "I-ORGANISATION", "I-ORGANISATION", "O", "O"),
    )
    plain = TaggedSentence(("Ол", "келді", "."), ("O", "O", "O"))
    out = with_acronym_copies([original, plain] * 20, seed=3)
    copies = [s for s in out if s not in (original, plain)]
    assert out.count(original) == 20 and out.count(plain) == 20
    assert len(copies) == 20
    for copy in copies:
        assert copy.tags == ("B-GPE", "B-ORGANISATION", "O", "O")
        assert copy.tokens[1].endswith("-ның") and copy.tokens[1][:2].isupper()
        assert out[out.index(copy) - 1] == original
    assert with_acronym_copies([original, plain] * 20, seed=3) == out


def _toy_corpus() -> str:
    """A tiny hand-written training set: names and places in a handful of patterns."""
    people = ["Асқар Төлеуов", "Гүлнар Сейітова", "Ерлан Бекұлы", "Дина Омарова"]
    places = ["Астана", "Ақтөбе", "Тараз", "Мәскеу"]
    lines = []
    for i, person in enumerate(people):
        for j, place in enumerate(places):
            first, last = person.split()
            verb = ["келді", "барды", "сөйледі", "жұмыс істеді"][(i + j) % 4]
            lines += [f"{first} B-PERSON", f"{last} I-PERSON", f"{place}да B-GPE"]
            lines += [f"{word} O" for word in verb.split()] + [". O", ""]
            lines += [f"{place} B-GPE", "қаласы O", "үлкен O", ". O", ""]
    return "\n".join(lines) + "\n"


def test_train_ner_writes_a_working_model(tmp_path: Path) -> None:
    from kopvector.entities.ner.train import TrainConfig, train_ner

    data = tmp_path / "toy.txt"
    data.write_text(_toy_corpus(), encoding="utf-8")
    out = tmp_path / "model" / "toy.crfsuite"
    scores = train_ner(data, out, config=TrainConfig(max_iterations=30))
    assert out.is_file() and out.with_name("toy.resources.json.gz").is_file()
    assert 0.0 <= scores["micro_f1"] <= 1.0 and 0.0 <= scores["seen_in_train"] <= 1.0
    (tags,) = NerTagger.load(out).tag([["Асқар", "Төлеуов", "Тараздан", "келді", "."]])
    assert tags[:2] == ["B-PERSON", "I-PERSON"]


@pytest.mark.slow
@pytest.mark.skipif(not DEFAULT_DATA.exists(), reason="KazNERD valid split not present")
def test_full_training_reaches_the_dev_bar(tmp_path: Path) -> None:
    from kopvector.entities.ner.train import train_ner

    scores = train_ner(DEFAULT_DATA, tmp_path / "kk_ner.crfsuite")
    assert scores["micro_f1"] >= 0.86
    assert scores["per_class"]["PERSON"]["f1"] >= 0.9
