"""The `kopvector` command line (typer + rich).

Every command turns a bad input into one line on stderr naming the file and the problem, and a
non-zero exit: 2 when nothing could be done, 1 when some inputs failed and the rest were processed.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.progress import Progress

from kopvector.errors import InputError
from kopvector.interfaces.analytics_commands import COMMANDS as ANALYTICS_COMMANDS
from kopvector.interfaces.catalog_commands import catalog_app
from kopvector.interfaces.export_commands import export
from kopvector.interfaces.store_commands import COMMANDS as STORE_COMMANDS
from kopvector.settings import Settings

app = typer.Typer(help="kopvector: Kazakhstan's foreign policy, read from the news.", no_args_is_help=True)
eval_app = typer.Typer(help="Score kopvector against gold data.", no_args_is_help=True)
train_app = typer.Typer(help="Train the models kopvector ships.", no_args_is_help=True)
app.add_typer(eval_app, name="eval")
app.add_typer(train_app, name="train")
app.add_typer(catalog_app, name="catalog")
for command in (*STORE_COMMANDS, *ANALYTICS_COMMANDS, export):
    app.command()(command)

err = Console(stderr=True, soft_wrap=True)
KAZNERD_VALID = Path("../shared/data/kaznerd/IOB2_valid.txt")
KaznerdOption = Annotated[Path, typer.Option(help="KazNERD file the gold items refer to by sentence index.")]
_PROGRESS_MIN_FILES = 5


class OutputFormat(StrEnum):
    json = "json"
    text = "text"


def _fail(message: str, code: int = 2) -> typer.Exit:
    err.print(f"[bold red]error:[/] {message}", highlight=False, markup=True)
    return typer.Exit(code)


def expand_paths(paths: list[Path]) -> Iterator[Path]:
    """Files as given, and the *.txt files of folders in name order."""
    for path in paths:
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*.txt") if p.is_file())
        else:
            yield path


@app.command()
def analyze(
    paths: Annotated[list[Path], typer.Argument(help="Article files or folders of *.txt articles.")],
    output_format: Annotated[
        OutputFormat, typer.Option("--format", "-f", help="json or text.")
    ] = OutputFormat.json,
    indent: Annotated[int | None, typer.Option(help="Indent JSON (default: one line per article).")] = None,
) -> None:
    """Analyse articles and print one schema v1 record per article (JSON Lines) or a readable summary."""
    from kopvector.interfaces.report import print_report
    from kopvector.pipeline import Pipeline
    from kopvector.record import to_record
    from kopvector.sources.plaintext import read_text_file

    settings = Settings.from_env()
    files = list(expand_paths(paths))
    if not files:
        raise _fail("no article files found in " + ", ".join(map(str, paths)))
    pipeline = Pipeline(settings)
    out = Console(soft_wrap=True)
    failures = 0
    with Progress(console=err, transient=True, disable=len(files) < _PROGRESS_MIN_FILES) as progress:
        task = progress.add_task("analysing", total=len(files))
        for path in files:
            progress.advance(task)
            try:
                article = read_text_file(path, settings)
            except InputError as exc:
                failures += 1
                err.print(f"[bold red]error:[/] {exc}", highlight=False)
                continue
            doc = pipeline(article)
            if output_format is OutputFormat.json:
                sys.stdout.write(json.dumps(to_record(doc), ensure_ascii=False, indent=indent) + "\n")
            else:
                print_report(doc, out)
    if failures:
        raise typer.Exit(2 if failures == len(files) else 1)


@eval_app.command("lemma")
def eval_lemma(
    gold: Annotated[list[Path], typer.Argument(help="CoNLL-U file(s) with gold lemmas.")],
    folds: Annotated[
        int,
        typer.Option(
            "--cross-validate",
            help="K-fold cross-validation: rebuild the lexicon from the other folds (the honest score on "
            "data the shipped lexicon was built from, such as UD Kazakh KTB). 0 = shipped analyser.",
        ),
    ] = 0,
) -> None:
    """Lemma accuracy (overall and by UPOS) and speed, as one JSON object."""
    from kopvector.evaluation.lemma import cross_validate, evaluate_lemmas

    for path in gold[1:]:
        _require_file(path)
    if folds:
        _print_evaluation(gold[0], lambda: cross_validate(gold, folds=folds))
    elif len(gold) > 1:
        raise _fail("give one file, or several with --cross-validate")
    else:
        _print_evaluation(gold[0], lambda: evaluate_lemmas(gold[0]))


@eval_app.command("ner")
def eval_ner(
    gold: Annotated[
        Path, typer.Argument(help="A CoNLL IOB2 file: token TAG per line, blank line between sentences.")
    ],
) -> None:
    """Strict IOB2 entity scores (micro and per class) and speed, as one JSON object."""
    from kopvector.entities.ner.tagger import NerTagger
    from kopvector.evaluation.ner import evaluate_ner

    _print_evaluation(gold, lambda: evaluate_ner(gold, NerTagger.load(Settings.from_env().ner_model)))


@eval_app.command("linking")
def eval_linking(
    gold: Annotated[
        Path, typer.Argument(help="Gold linked mentions, JSON Lines (see gold/linking/README.md).")
    ],
    kaznerd: KaznerdOption = KAZNERD_VALID,
) -> None:
    """Linking accuracy on the gold spans and end to end, as one JSON object."""
    from kopvector.evaluation.linking import evaluate_linking

    _print_evaluation(gold, lambda: evaluate_linking(gold, kaznerd=kaznerd))


@eval_app.command("facts")
def eval_facts(
    gold: Annotated[
        Path, typer.Argument(help="Gold facts and quotes, JSON Lines (see gold/facts/README.md).")
    ],
    kaznerd: KaznerdOption = KAZNERD_VALID,
) -> None:
    """Fact precision, recall and F1 per kind, quote scores and speaker accuracy, as one JSON object."""
    from kopvector.evaluation.facts import evaluate_facts

    _print_evaluation(gold, lambda: evaluate_facts(gold, kaznerd=kaznerd))


@train_app.command("ner")
def train_ner_command(
    data: Annotated[
        Path, typer.Option(help="KazNERD IOB2 file (its valid split); split here into train and dev.")
    ] = KAZNERD_VALID,
    out: Annotated[
        Path | None, typer.Option(help="Where to write the model (default: the shipped one).")
    ] = None,
) -> None:
    """Train the Kazakh NER model on our train part of KazNERD valid and print its dev scores."""
    from kopvector.entities.ner.train import train_ner

    _require_file(data)
    result = train_ner(data, out or Settings.from_env().ner_model)
    print(json.dumps(result, ensure_ascii=False))


def _print_evaluation(gold: Path, evaluate: Callable[[], dict[str, Any]]) -> None:
    """Run a scorer on an existing gold file and print its result as one JSON object."""
    _require_file(gold)
    try:
        result = evaluate()
    except InputError as exc:
        raise _fail(str(exc)) from exc
    print(json.dumps(result, ensure_ascii=False))


def _require_file(path: Path) -> None:
    if not path.is_file():
        raise _fail(f"{path}: no such file")


def main() -> None:  # pragma: no cover - entry point for `python -m kopvector`
    app()
