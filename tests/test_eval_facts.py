"""`kopvector eval facts` on a gold file written in the test over an article we write here."""

import json

from typer.testing import CliRunner

from kopvector.interfaces.cli import app

ARTICLE = " date 2025-05-10 Қазақстан ШЫҰ мен ҰҚШҰ-ның мүшесі.\nҚазақстан НАТО-ның мүшесі емес.\n"


def test_eval_facts_counts_right_missed_and_extra(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    member = {"member": "country:KZ", "status": "member"}
    gold = {
        "source": str(article),
        "facts": [
            {"kind": "membership", "args": {**member, "organization": "org:SCO"}, "modality": "asserted"},
            {
                "kind": "membership",
                "args": {**member, "organization": "org:NATO"},
                "modality": "negated",
                "time": "2025",
            },
            {
                "kind": "visit",
                "args": {"visitor": "country:KZ", "destination": "country:CN"},
                "modality": "planned",
            },
        ],
        "quotes": [],
    }
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(gold, ensure_ascii=False) + "\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["eval", "facts", str(path)])
    assert result.exit_code == 0, result.output
    scores = json.loads(result.stdout)
    # Found: SCO (asserted) and NATO (negated); extra: CSTO; missed: the visit.
    assert scores["per_kind"]["membership"] == {
        "precision": 2 / 3,
        "recall": 1.0,
        "f1": 0.8,
        "support": 2,
        "predicted": 3,
    }
    assert scores["per_kind"]["visit"]["recall"] == 0.0
    assert scores["overall"]["support"] == 3
    # The SCO fact has no time in text or gold; the NATO one has none in the text but "2025" in the gold.
    assert scores["overall"]["time_accuracy"] == 0.5
