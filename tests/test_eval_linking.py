"""`kopvector eval linking` on a gold file written in the test over our own sample article."""

import json

from typer.testing import CliRunner

from kopvector.interfaces.cli import app
from kopvector.settings import Settings
from kopvector.sources.plaintext import read_text_file
from tests.conftest import SAMPLES

SAMPLE = SAMPLES / "003_un-peacekeeping-kazakhstan.txt"


def gold_line(pairs):
    text = read_text_file(SAMPLE, Settings()).text
    mentions = []
    for word, label, entity in pairs:
        start = text.index(word)
        mentions.append(
            {"start": start, "end": start + len(word), "text": word, "label": label, "entity": entity}
        )
    return json.dumps({"source": str(SAMPLE), "mentions": mentions}, ensure_ascii=False)


def test_eval_linking_scores_right_and_wrong_gold(tmp_path):
    gold = tmp_path / "gold.jsonl"
    gold.write_text(
        gold_line(
            [("UNIFIL", "ORGANISATION", "mission:UNIFIL"), ("MINURSO", "ORGANISATION", "mission:UNDOF")]
        ),
        encoding="utf-8",
    )
    result = CliRunner().invoke(app, ["eval", "linking", str(gold)])
    assert result.exit_code == 0, result.output
    scores = json.loads(result.stdout)
    assert scores["mentions"] == 2
    assert scores["accuracy"] == 0.5
    assert scores["errors"] == [
        {"text": "MINURSO", "label": "ORGANISATION", "gold": "mission:UNDOF", "linked": "mission:MINURSO"}
    ]


def test_eval_linking_reports_a_broken_gold_line(tmp_path):
    gold = tmp_path / "gold.jsonl"
    gold.write_text('{"source": "kaznerd-valid", \n', encoding="utf-8")
    result = CliRunner().invoke(app, ["eval", "linking", str(gold)])
    assert result.exit_code == 2
    assert "gold.jsonl:1" in result.stderr and "not valid JSON" in result.stderr
