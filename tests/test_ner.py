"""Kazakh NER: IOB2 reading, the contiguous split, stemming, features, the shipped model, training."""

from __future__ import annotations

import itertools
from pathlib import Path

import numpy as np
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
from kopvector.entities.ner.decoding import iob2_constraints, viterbi_batch
from kopvector.entities.ner.features import FeatureExtractor, short_shape, word_shape
from kopvector.entities.ner.resources import NerResources
from kopvector.entities.ner.stemmer import Stemmer
from kopvector.entities.ner.tagger import NerTagger, sum_rows
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


def test_viterbi_never_starts_an_entity_with_inside() -> None:
    labels = ["B-GPE", "B-PERSON", "I-GPE", "I-PERSON", "O"]
    transitions, start = iob2_constraints(labels)
    # per-token favourites: I-GPE, I-GPE, I-PERSON -- invalid IOB2 that strict scoring would drop
    scores = np.full((1, 3, len(labels)), -5.0, dtype=np.float32)
    scores[0, :2, 2] = 0.0
    scores[0, 0, 0] = -1.0
    scores[0, 2, 3] = 0.0
    scores[0, 2, 1] = -1.0
    (path,) = viterbi_batch(scores, [3], transitions, start)
    assert [labels[j] for j in path] == ["B-GPE", "I-GPE", "B-PERSON"]


def test_viterbi_batch_ignores_padding_of_shorter_sentences() -> None:
    labels = ["B-GPE", "I-GPE", "O"]
    transitions, start = iob2_constraints(labels)
    scores = np.zeros((2, 3, 3), dtype=np.float32)
    scores[0, :, 2] = 1.0  # O O O
    scores[1, 0, 0] = 1.0  # B-GPE, then padding that would favour I-GPE
    scores[1, 1:, 1] = 9.0
    assert viterbi_batch(scores, [3, 1], transitions, start) == [[2, 2, 2], [0]]


def test_viterbi_batch_finds_the_best_allowed_path() -> None:
    labels = ["B-GPE", "B-PERSON", "I-GPE", "I-PERSON", "O"]
    transitions, start = iob2_constraints(labels)
    rng = np.random.default_rng(0)
    transitions += rng.normal(size=transitions.shape).astype(np.float32)
    scores = rng.normal(size=(6, 4, len(labels))).astype(np.float32)
    lengths = [4, 4, 3, 2, 1, 4]

    def total(path: tuple[int, ...], b: int) -> float:
        value = start[path[0]] + sum(scores[b, t, j] for t, j in enumerate(path))
        return value + sum(transitions[i, j] for i, j in itertools.pairwise(path))

    got = viterbi_batch(scores, lengths, transitions, start)
    for b, n in enumerate(lengths):
        best = max(itertools.product(range(len(labels)), repeat=n), key=lambda path: total(path, b))
        assert got[b] == list(best)


def test_sum_rows_adds_each_segment() -> None:
    rows = np.arange(12, dtype=np.float32).reshape(6, 2)
    rows[0] = 0.0
    ids, starts = [3, 1, 5, 2, 4], [0, 3, 3, 4]  # the third segment is empty
    expected = [rows[[3, 1, 5]].sum(axis=0), rows[0], rows[2], rows[4]]
    np.testing.assert_array_equal(sum_rows(rows, ids, starts), expected)


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
    assert out.with_name("toy.bilstm.npz").is_file()
    assert 0.0 <= scores["micro_f1"] <= 1.0 and 0.0 <= scores["seen_in_train"] <= 1.0
    (tags,) = NerTagger.load(out).tag([["Асқар", "Төлеуов", "Тараздан", "келді", "."]])
    assert tags[:2] == ["B-PERSON", "I-PERSON"]


@pytest.mark.slow
@pytest.mark.skipif(not DEFAULT_DATA.exists(), reason="KazNERD valid split not present")
def test_full_training_reaches_the_dev_bar(tmp_path: Path) -> None:
    from kopvector.entities.ner.train import train_ner

    scores = train_ner(DEFAULT_DATA, tmp_path / "kk_ner.crfsuite")
    assert scores["micro_f1"] >= 0.88  # the CRF alone reaches 0.873: the network must add to it
    assert scores["per_class"]["PERSON"]["f1"] >= 0.93


def test_numpy_network_matches_torch(tmp_path: Path) -> None:
    torch = pytest.importorskip("torch")
    from kopvector.entities.ner.network import BiLstmNetwork, save_network
    from kopvector.entities.ner.neural_train import exported_weights

    torch.manual_seed(0)
    embedding = torch.nn.EmbeddingBag(6, 8, mode="sum", padding_idx=0)
    lstm = torch.nn.LSTM(8, 5, batch_first=True, bidirectional=True)
    out = torch.nn.Linear(10, 3)
    save_network(
        tmp_path / "n.npz", list("abcde"), ["B-X", "I-X", "O"], exported_weights(embedding.weight, lstm, out)
    )
    network = BiLstmNetwork(tmp_path / "n.npz")
    assert network.features == list("abcde") and network.labels == ["B-X", "I-X", "O"]
    bags = torch.randn(2, 4, 8)
    lengths = [4, 2]  # the second sentence is padded: its backward pass must start at its own end
    with torch.no_grad():
        expected = [
            torch.log_softmax(out(lstm(bags[b : b + 1, :n])[0]), dim=-1)[0] for b, n in enumerate(lengths)
        ]
    logits = network.logits(bags.numpy(), lengths)  # log-probabilities up to a constant per token
    got = logits - np.log(np.exp(logits).sum(axis=2, keepdims=True))
    for b, n in enumerate(lengths):
        np.testing.assert_allclose(got[b, :n], expected[b].numpy(), atol=2e-2)
