"""Benchmark of the language core: each stage's tokens/s against a simple baseline in the same run,
lemma accuracy (cross-validated on UD Kazakh KTB) and NER dev F1 (our dev part of KazNERD valid).

    .venv/bin/python benchmarks/language_core.py [--baseline-iterations 100]

(for one-core speeds: prefix `OPENBLAS_NUM_THREADS=1 taskset -c 0`)

Baselines: unicodedata NFC without an offset map (normalize), str.split (tokenizer), a 1:1
str.translate letter table (Latin), lemma = word form (morphology), and a CRF with the KazNERD
authors'-recipe features (word, lower-case, 2-3 letter suffixes, shape flags, ±1 word) trained on the
same train part (NER).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
import unicodedata
from collections.abc import Callable
from pathlib import Path

import pycrfsuite
from rich.console import Console
from rich.table import Table

from kopvector.entities.ner.dataset import DEFAULT_DATA, read_iob2, split_train_dev, write_iob2
from kopvector.entities.ner.tagger import NerTagger
from kopvector.evaluation.lemma import cross_validate
from kopvector.evaluation.ner import evaluate_ner
from kopvector.language.kk.latin import cyrillic_to_latin, latin_to_cyrillic
from kopvector.language.kk.morphology import Analyzer
from kopvector.language.kk.tokenizer import segment
from kopvector.pipeline import Pipeline
from kopvector.sources.plaintext import read_text_file
from kopvector.text.normalize import normalize

REPO = Path(__file__).resolve().parent.parent
KTB = [REPO.parent / "shared/data/ud_kazakh_ktb" / f"kk_ktb-ud-{part}.conllu" for part in ("train", "test")]
SAMPLES = REPO / "samples" / "corpus"


def rate(work: Callable[[], object], units: int, repeat: int = 3) -> float:
    """Best units/s over `repeat` runs."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        work()
        best = min(best, time.perf_counter() - start)
    return units / best


def fastest(results: list[dict]) -> dict:
    """The evaluation result of the fastest of several runs (same scores, best tokens/s)."""
    return max(results, key=lambda result: result["tokens_per_second"])


def authors_recipe_features(tokens: tuple[str, ...], i: int) -> list[str]:
    word = tokens[i]
    feats = [
        "bias",
        f"w={word.lower()}",
        f"s3={word[-3:]}",
        f"s2={word[-2:]}",
        f"up={word.isupper()}",
        f"ti={word.istitle()}",
        f"di={word.isdigit()}",
    ]
    for offset, tag in ((-1, "-1"), (1, "+1")):
        j = i + offset
        if 0 <= j < len(tokens):
            other = tokens[j]
            feats += [f"{tag}w={other.lower()}", f"{tag}ti={other.istitle()}", f"{tag}up={other.isupper()}"]
        else:
            feats.append(f"{tag}edge")
    return feats


def train_baseline_crf(train, path: Path, iterations: int) -> None:
    trainer = pycrfsuite.Trainer(verbose=False)
    for sentence in train:
        xseq = [authors_recipe_features(sentence.tokens, i) for i in range(len(sentence.tokens))]
        trainer.append(xseq, list(sentence.tags))
    trainer.set_params({"c1": 0.1, "c2": 0.1, "max_iterations": iterations})
    trainer.train(str(path))


class BaselineTagger:
    """The authors'-recipe CRF behind the `NerTagger.tag` interface, so one scorer serves both."""

    def __init__(self, path: Path) -> None:
        self.crf = pycrfsuite.Tagger()
        self.crf.open(str(path))

    def tag(self, sentences: list[list[str]]) -> list[list[str]]:
        out = []
        for words in sentences:
            tokens = tuple(words)
            out.append(self.crf.tag([authors_recipe_features(tokens, i) for i in range(len(tokens))]))
        return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--baseline-iterations", type=int, default=100)
    args = parser.parse_args()
    if not DEFAULT_DATA.exists() or not all(p.exists() for p in KTB):
        print(f"needs ../shared/data (KazNERD at {DEFAULT_DATA}, KTB)", file=sys.stderr)
        return 2

    train, dev = split_train_dev(read_iob2(DEFAULT_DATA))
    dev_words = [list(s.tokens) for s in dev]
    n_dev_tokens = sum(len(w) for w in dev_words)
    text = "\n".join(" ".join(words) for words in dev_words)
    table = Table(title="kopvector language core")
    for column in ("stage", "tokens/s", "baseline", "baseline tokens/s", "speed ratio", "quality"):
        table.add_column(column)

    normalize_rate = rate(lambda: normalize(text), n_dev_tokens)
    nfc_rate = rate(lambda: unicodedata.normalize("NFC", text), n_dev_tokens)
    table.add_row(
        "normalize (NFC+fold, offset map)",
        f"{normalize_rate:,.0f}",
        "unicodedata NFC",
        f"{nfc_rate:,.0f}",
        f"{normalize_rate / nfc_rate:.3f}",
        "",
    )

    n_tokens = sum(len(s) for s in segment(text))
    segment_rate = rate(lambda: segment(text), n_tokens)
    split_rate = rate(text.split, n_tokens)
    table.add_row(
        "tokenize + sentences",
        f"{segment_rate:,.0f}",
        "str.split",
        f"{split_rate:,.0f}",
        f"{segment_rate / split_rate:.3f}",
        "",
    )

    latin = cyrillic_to_latin(text)
    latin_rate = rate(lambda: latin_to_cyrillic(latin), n_dev_tokens)
    letters = str.maketrans("äğñöüūışçİ", "әғңөүұышчі")
    translate_rate = rate(lambda: latin.translate(letters), n_dev_tokens)
    round_trip = sum(
        a == b for a, b in zip(text.split(), latin_to_cyrillic(latin).text.split(), strict=False)
    )
    table.add_row(
        "Latin → Cyrillic (offset map)",
        f"{latin_rate:,.0f}",
        "str.translate 1:1",
        f"{translate_rate:,.0f}",
        f"{latin_rate / translate_rate:.3f}",
        f"round trip {round_trip / max(1, len(text.split())):.4f} of words",
    )

    words = text.split()
    cold = Analyzer.load()
    morph_rate = rate(lambda: [cold.analyze(w) for w in words], len(words), repeat=1)
    analyzer = Analyzer.load()
    for word in words:
        analyzer.analyze(word)
    warm_rate = rate(lambda: [analyzer.analyze(w) for w in words], len(words))
    identity_rate = rate(lambda: [w.lower() for w in words], len(words))
    cv = cross_validate(KTB)
    table.add_row(
        "morphology (cold cache)",
        f"{morph_rate:,.0f}",
        "lemma = word",
        f"{identity_rate:,.0f}",
        f"{morph_rate / identity_rate:.3f}",
        "",
    )
    table.add_row(
        "morphology (warm cache)",
        f"{warm_rate:,.0f}",
        "lemma = word",
        f"{identity_rate:,.0f}",
        f"{warm_rate / identity_rate:.3f}",
        f"KTB CV lemma acc {cv['accuracy']:.3f}, NOUN {cv['by_upos']['NOUN']:.3f}, "
        f"PROPN {cv['by_upos']['PROPN']:.3f} (baseline {cv.get('baseline_accuracy', float('nan')):.3f})",
    )

    with tempfile.TemporaryDirectory() as tmp:
        gold = Path(tmp) / "dev.iob2"
        write_iob2(dev, gold)
        # best of three, as `rate` does: the machine is shared, and a slow run says nothing about us;
        # "cold" is a fresh tagger each time (no word seen yet), "warm" the last one run again
        ours = fastest([evaluate_ner(gold, NerTagger.load()) for _ in range(3)])
        tagger = NerTagger.load()
        evaluate_ner(gold, tagger)
        warm = fastest([evaluate_ner(gold, tagger) for _ in range(3)])
        model = Path(tmp) / "baseline.crfsuite"
        train_baseline_crf(train, model, args.baseline_iterations)
        baseline = BaselineTagger(model)
        base = fastest([evaluate_ner(gold, baseline) for _ in range(3)])
    per = ours["per_class"]
    table.add_row(
        "NER (CRF + BiLSTM, cold cache)",
        f"{ours['tokens_per_second']:,.0f}",
        "authors'-recipe CRF",
        f"{base['tokens_per_second']:,.0f}",
        f"{ours['tokens_per_second'] / base['tokens_per_second']:.3f}",
        "",
    )
    table.add_row(
        "NER (CRF + BiLSTM, warm cache)",
        f"{warm['tokens_per_second']:,.0f}",
        "authors'-recipe CRF",
        f"{base['tokens_per_second']:,.0f}",
        f"{warm['tokens_per_second'] / base['tokens_per_second']:.3f}",
        f"dev micro-F1 {ours['micro_f1']:.3f} (baseline {base['micro_f1']:.3f}); ORG "
        f"{per['ORGANISATION']['f1']:.3f} GPE {per['GPE']['f1']:.3f} PERSON {per['PERSON']['f1']:.3f}; "
        f"{ours['seen_in_train']:.1%} of dev entities seen in train",
    )

    articles = [read_text_file(p, Pipeline().settings) for p in sorted(SAMPLES.glob("*.txt"))]
    pipeline = Pipeline()
    docs = [pipeline(a) for a in articles]
    n_article_tokens = sum(len(d.tokens) for d in docs)
    full_rate = rate(lambda: [pipeline(a) for a in articles], n_article_tokens)
    table.add_row(
        "whole pipeline (sample corpus)",
        f"{full_rate:,.0f}",
        "str.split",
        f"{rate(lambda: [a.text.split() for a in articles], n_article_tokens):,.0f}",
        "",
        f"{len(articles)} articles, {sum(len(d.mentions) for d in docs)} mentions",
    )
    Console(width=200).print(table)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
