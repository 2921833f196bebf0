"""Benchmark of the whole pipeline: articles/s and tokens/s on one core, against the NER tagger alone.

    .venv/bin/python benchmarks/pipeline.py [--articles 150] [--repeat 3]

(for one-core speeds: prefix `OPENBLAS_NUM_THREADS=1 taskset -c 0`)

Ingest needs about 55 articles/s per process for articles of 20-30 KazNERD sentences, so the main set
is synthetic: 25 random sentences of our KazNERD dev part per article. The project's own articles
(samples/corpus and the gold article texts) are measured too, since their paragraphs are longer and
richer in facts. The machine is shared, so times are this process's CPU time (other processes on the
core do not count), every row is the best of `--repeat` runs, each with a new `Pipeline` whose caches
start empty as in a new worker, and every row is also given as a ratio to a baseline measured in the
same run: the NER tagger alone, new each run, called once per synthetic article on its tokens, as the
pipeline calls it.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

from rich.console import Console
from rich.table import Table

from kopvector.document import Article, Doc
from kopvector.entities.ner.dataset import DEFAULT_DATA, read_iob2, split_train_dev
from kopvector.entities.ner.tagger import NerTagger
from kopvector.evaluation.gold import read_gold_items
from kopvector.pipeline import Pipeline
from kopvector.settings import Settings
from kopvector.sources.plaintext import article_id, read_text_file
from kopvector.text.normalize import normalize

REPO = Path(__file__).resolve().parent.parent
SENTENCES_PER_ARTICLE = 25


def best_seconds(prepare: Callable[[], Callable[[], object]], repeat: int) -> float:
    """The fastest of `repeat` runs, in seconds, of the work that `prepare` returns (set-up untimed)."""
    best = float("inf")
    for _ in range(repeat):
        work = prepare()
        started = time.process_time()
        work()
        best = min(best, time.process_time() - started)
    return best


def fresh_pass(articles: list[Article]) -> Callable[[], object]:
    """One pass of a new `Pipeline` over `articles` (models loaded untimed, caches empty)."""
    pipeline = Pipeline()
    pipeline.identifier.identify("Қазақстан Республикасы")  # py3langid loads its model on first use
    return lambda: [pipeline(a) for a in articles]


def fresh_tagging(sentences: list[list[list[str]]]) -> Callable[[], object]:
    """A new NER tagger over each article's sentences, one call per article."""
    tagger = NerTagger.load()
    return lambda: [tagger.tag(article) for article in sentences]


def synthetic_articles(count: int) -> list[Article]:
    """`count` articles of 25 random KazNERD dev sentences, one per line (seeded: the same every run)."""
    sentences = [" ".join(s.tokens) for s in split_train_dev(read_iob2(DEFAULT_DATA))[1]]
    rng = random.Random(1)
    articles = []
    for _ in range(count):
        body = "\n".join(rng.sample(sentences, SENTENCES_PER_ARTICLE))
        articles.append(Article(id=article_id(body), text=body, published=date(2020, 1, 1)))
    return articles


def own_articles() -> list[Article]:
    """The sample corpus and every article text of the gold fact sets (KazNERD-sentence items excluded)."""
    settings = Settings()
    articles = [
        read_text_file(path, settings) for path in sorted((REPO / "samples" / "corpus").glob("*.txt"))
    ]
    for gold in sorted((REPO / "gold" / "facts").glob("*.jsonl")):
        articles += [item.article for item in read_gold_items(gold) if item.token_starts is None]
    return articles


def stage_seconds(articles: list[Article]) -> dict[str, float]:
    """CPU seconds per stage (normalizing included) of one pass of a new `Pipeline` over `articles`."""
    pipeline = Pipeline()
    pipeline.identifier.identify("Қазақстан Республикасы")
    spent = dict.fromkeys(["normalize", *(stage.name for stage in pipeline.stages)], 0.0)
    for article in articles:
        started = time.process_time()
        doc = Doc(article=article, view=normalize(article.text))
        spent["normalize"] += time.process_time() - started
        for stage in pipeline.stages:
            started = time.process_time()
            stage.run(doc)
            spent[stage.name] += time.process_time() - started
    return spent


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=150)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    if not DEFAULT_DATA.exists():
        print(f"needs KazNERD at {DEFAULT_DATA}", file=sys.stderr)
        return 2

    pipeline = Pipeline()
    synthetic = synthetic_articles(args.articles)
    own = own_articles()
    # Tokens and sentences as the pipeline finds them.
    synthetic_docs = [pipeline(a) for a in synthetic]
    own_tokens = sum(len(pipeline(a).tokens) for a in own)
    words = [[[t.norm for t in d.sentence_tokens(s)] for s in d.sentences] for d in synthetic_docs]
    synthetic_tokens = sum(len(d.tokens) for d in synthetic_docs)

    base = best_seconds(lambda: fresh_tagging(words), args.repeat)
    rows = [
        (
            "NER tagger alone (baseline)",
            f"{len(synthetic)} synthetic",
            len(synthetic),
            synthetic_tokens,
            base,
        ),
        (
            "pipeline",
            f"{len(synthetic)} synthetic",
            len(synthetic),
            synthetic_tokens,
            best_seconds(lambda: fresh_pass(synthetic), args.repeat),
        ),
        (
            "pipeline",
            f"{len(own)} own (samples, gold)",
            len(own),
            own_tokens,
            best_seconds(lambda: fresh_pass(own), args.repeat),
        ),
    ]
    table = Table(title=f"kopvector pipeline, CPU time, best of {args.repeat}")
    for column in ("what", "articles", "articles/s", "tokens/s", "tokens/s ÷ baseline tokens/s"):
        table.add_column(column)
    base_rate = synthetic_tokens / base
    for what, label, count, tokens, seconds in rows:
        table.add_row(
            what,
            label,
            f"{count / seconds:,.1f}",
            f"{tokens / seconds:,.0f}",
            f"{tokens / seconds / base_rate:.3f}",
        )
    console = Console(width=150)
    console.print(table)
    spent = min((stage_seconds(synthetic) for _ in range(args.repeat)), key=lambda s: sum(s.values()))
    stages = Table(title=f"CPU ms per synthetic article by stage (the fastest of {args.repeat} passes)")
    for column in ("stage", "ms/article", "share"):
        stages.add_column(column)
    for name, seconds in spent.items():
        share = seconds / sum(spent.values())
        stages.add_row(name, f"{1000 * seconds / len(synthetic):.2f}", f"{share:.1%}")
    console.print(stages)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
