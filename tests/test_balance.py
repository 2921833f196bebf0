"""The multi-vector balance: entropy, HHI and bootstrap on hand-made engagement tables, and the command."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import numpy as np
import pytest
from typer.testing import CliRunner

from kopvector.analytics.balance import VECTORS, balance, herfindahl, normalised_entropy, period_of
from kopvector.analytics.engagement import Engagement, EngagementReader
from kopvector.entities.catalog import load_catalog
from kopvector.interfaces.cli import app
from kopvector.settings import Settings

SAMPLES = Path(__file__).resolve().parent.parent / "samples" / "corpus"


def engaged(
    vector: str, weight: float = 1.0, article: str = "a", day: date = date(2024, 5, 1), fact: str = "f"
):
    return Engagement(day, vector, f"partner:{vector}", weight, article, f"{fact}-{article}-{vector}")


def test_one_vector_only_is_zero_entropy_and_full_concentration():
    (period,) = balance([engaged("china", article=str(i)) for i in range(6)], "year", min_facts=5, draws=200)
    assert period.entropy == 0.0 and period.hhi == 1.0 and period.dominant == "china"
    assert period.shares["china"] == 1.0 and sum(period.shares.values()) == 1.0
    assert (period.entropy_interval.low, period.entropy_interval.high) == (0.0, 0.0)


def test_all_vectors_equal_is_entropy_one_and_hhi_one_over_k():
    table = [engaged(v, article=f"{v}{i}") for v in VECTORS for i in range(3)]
    (period,) = balance(table, "year", min_facts=5, draws=200)
    assert period.entropy == pytest.approx(1.0)
    assert period.hhi == pytest.approx(1 / len(VECTORS))
    assert all(share == pytest.approx(1 / len(VECTORS)) for share in period.shares.values())


def test_entropy_and_hhi_of_a_known_split():
    shares = np.array([0.5, 0.5, 0, 0, 0, 0, 0])
    assert normalised_entropy(shares) == pytest.approx(np.log(2) / np.log(7))
    assert herfindahl(shares) == pytest.approx(0.5)


def test_bootstrap_resamples_articles_and_brackets_the_estimate():
    table = [engaged("russia", 3.0, article=f"r{i}") for i in range(10)]
    table += [engaged("china", 1.0, article=f"c{i}") for i in range(10)]
    (period,) = balance(table, "quarter", min_facts=5, draws=2000)
    assert period.period == "2024-Q2" and period.articles == 20
    assert period.shares["russia"] == pytest.approx(0.75)
    interval = period.share_intervals["russia"]
    assert 0.45 < interval.low < 0.7 and 0.8 < interval.high < 0.95  # R ~ Bin(20, 1/2) articles
    assert period.entropy_interval.low <= period.entropy <= period.entropy_interval.high
    again = balance(table, "quarter", min_facts=5, draws=2000)[0]
    assert again.share_intervals == period.share_intervals, "a fixed seed: the same store prints the same"


def test_one_articles_facts_move_together_in_the_bootstrap():
    """Ten facts from one article are one unit: the interval reflects one article, not ten."""
    one_source = [engaged("west", fact=str(i), article="x") for i in range(10)] + [
        engaged("china", article="y")
    ]
    (period,) = balance(one_source, "year", min_facts=5, draws=500)
    assert period.facts == 11 and period.articles == 2
    assert period.share_intervals["west"].low < 0.5 < period.share_intervals["west"].high


def test_gaps_are_listed_and_thin_periods_flagged_with_changes():
    table = [engaged("china", article=f"a{i}", day=date(2022, 3, 1)) for i in range(5)]
    table += [engaged("russia", article="b", day=date(2024, 3, 1))]
    periods = balance(table, "year", min_facts=5, draws=100)
    assert [p.period for p in periods] == ["2022", "2023", "2024"]
    assert [p.thin for p in periods] == [False, True, True]
    assert periods[1].entropy is None and periods[2].change == {}
    assert (
        period_of(date(2024, 11, 5), "quarter") == "2024-Q4"
        and period_of(date(2024, 1, 5), "month") == "2024-01"
    )


def test_a_meeting_of_presidents_engages_their_states_and_splits_its_weight():
    reader = EngagementReader(load_catalog(), Settings())
    meeting = {
        "id": "m1",
        "kind": "meeting",
        "args": {
            "participants": ["person:kassym-jomart-tokayev", "person:xi-jinping", "person:vladimir-putin"]
        },
        "time": "2024-07-03",
        "modality": "asserted",
        "published": "2024-07-04",
        "article_id": "a1",
    }
    found = reader.read([meeting], "country:KZ")
    assert {(e.partner, e.vector, e.weight) for e in found} == {
        ("country:CN", "china", 1.0),
        ("country:RU", "russia", 1.0),
    }
    assert reader.read([{**meeting, "modality": "negated"}], "country:KZ") == []
    state_visit = {
        **meeting,
        "kind": "visit",
        "args": {"visitor": "person:xi-jinping", "destination": "country:KZ", "visit_type": "state"},
    }
    assert [(e.vector, e.weight) for e in reader.read([state_visit], "country:KZ")] == [("china", 6.0)]


def test_balance_command_prints_periods_and_draws_a_chart(tmp_path):
    db = str(tmp_path / "kv.db")
    runner = CliRunner()
    assert runner.invoke(app, ["ingest", str(SAMPLES), "--db", db, "--workers", "1"]).exit_code == 0
    chart = tmp_path / "balance.png"
    result = runner.invoke(
        app, ["balance", "--db", db, "--by", "year", "--format", "json", "--plot", str(chart)]
    )
    assert result.exit_code == 0, result.output
    periods = [json.loads(line) for line in result.stdout.splitlines()]
    solid = [p for p in periods if p["entropy"]]
    assert solid and all(
        0 <= p["entropy"]["low"] <= p["entropy"]["value"] <= p["entropy"]["high"] <= 1 for p in solid
    )
    assert all(sum(v["share"] for v in p["shares"].values()) == pytest.approx(1) for p in solid)
    assert chart.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and chart.stat().st_size > 20_000
    bad = runner.invoke(app, ["balance", "--db", db, "--by", "decade"])
    assert bad.exit_code == 2 and "--by must be one of" in bad.stderr
