"""Corroboration: facts judged against UN peacekeeping data and the catalog's member lists, and kept.

The unit tests judge hand-made facts against a hand-made reference and catalog, so each rule is
pinned by numbers visible in the test. The end-to-end tests ingest our own sample articles (and the
seed, where ../shared is present) through the command line and read the judgements back; the made-up
claim is a sentence written for this test.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
from importlib import resources
from types import MappingProxyType

import pytest
from sqlalchemy import func, select
from typer.testing import CliRunner

from kopvector.analytics.corroboration import Status, corroborate
from kopvector.analytics.peacekeeping import load_peacekeeping, parse_reference
from kopvector.analytics.stored import corroborate_store
from kopvector.entities.catalog.load import Catalog, load_catalog
from kopvector.entities.catalog.model import CatalogEntry, Membership, frozen_mapping
from kopvector.interfaces.cli import app
from kopvector.settings import Settings
from kopvector.sources import read_sources
from kopvector.store import version
from kopvector.store.database import open_engine
from kopvector.store.ingest import Ingest
from kopvector.store.tables import corroborations
from tests.conftest import SAMPLES, SEED

PEACEKEEPING = SAMPLES / "003_un-peacekeeping-kazakhstan.txt"
MEMBERSHIPS = SAMPLES / "009_kazakhstan-memberships_cyrillic.txt"
MADE_UP = (
    " date 2017-03-01 Бітімгерлер туралы қысқа хабар.\n"
    "2016 жылы қазақстандық бітімгерлер Оңтүстік Судандағы БҰҰ миссиясында (UNMISS) қызмет етті.\n"
)
"""Our own sentence: UN data has Kazakhstan at zero in UNMISS in every year it covers (2011-2021)."""

REFERENCE = """country\tmission\tyear\ttotal
country:KZ\tmission:UNIFIL\t2017\t0
country:KZ\tmission:UNIFIL\t2018\t30
country:KZ\tmission:UNIFIL\t2019\t122
country:KZ\tmission:UNMISS\t2011\t0
country:KZ\tmission:UNMISS\t2012\t0
country:KZ\tmission:UNMISS\t2013\t0
country:KZ\tmission:UNMC\t2016\t0
country:KZ\tmission:UNMC\t2017\t0
country:IN\tmission:UNIFIL\t2018\t869
"""


def entry(entity_id: str, **fields) -> CatalogEntry:
    """A catalog entry with only what a test needs (the mappings the loader always fills, empty)."""
    empty = {name: frozen_mapping({}) for name in ("aliases", "demonyms", "stems", "extra")}
    return CatalogEntry(
        id=entity_id,
        type=entity_id.split(":")[0],
        names=frozen_mapping({"en": entity_id}),
        **(empty | fields),
    )


def catalog_of(*entries: CatalogEntry) -> Catalog:
    return Catalog(
        by_id=MappingProxyType({e.id: e for e in entries}),
        by_kind=MappingProxyType({}),
        by_form=MappingProxyType({}),
    )


HAND_MADE = catalog_of(
    entry("mission:UNIFIL", start="1978"),
    entry("mission:UNMISS", start="2011"),
    entry("mission:UNMC", start="2016", end="2017"),
    entry(
        "org:CLUB",
        members=(Membership("country:KZ", since="1992", until="2010"), Membership("country:UZ")),
        extra=frozen_mapping({"members_complete": True}),
    ),
    entry("org:FORUM", members=(Membership("country:KZ", since="2014-03", status="observer"),)),
)


def judge(kind: str, time: str | None = None, **args):
    return corroborate(kind, args, time, catalog=HAND_MADE, peacekeeping=parse_reference(REFERENCE))


def served(mission: str, time: str | None = None, participant: str = "country:KZ"):
    return judge("mission_participation", time, participant=participant, mission=f"mission:{mission}")


def member(organization: str, time: str | None = None, member: str = "country:KZ", **args):
    return judge("membership", time, member=member, organization=f"org:{organization}", **args)


# --- participation in UN missions -------------------------------------------------------------------


def test_personnel_in_the_year_of_the_claim_corroborates_it():
    found = served("UNIFIL", "2018")
    assert found.status is Status.corroborated and found.reference == "un-peacekeeping"
    assert found.detail == "UN data (yearly average): 30 personnel from KZ in UNIFIL in 2018"
    assert served("UNIFIL", "2018-10-15").status is Status.corroborated
    assert served("UNIFIL", "2018-W45").status is Status.corroborated


def test_a_range_is_corroborated_by_any_year_with_personnel():
    found = served("UNIFIL", "2016/2019")
    assert found.status is Status.corroborated
    assert found.detail.endswith("personnel from KZ in UNIFIL in 2018 (30), 2019 (122)")


def test_zero_in_every_year_of_the_claim_contradicts_it():
    found = served("UNIFIL", "2017")
    assert found.status is Status.contradicted
    assert found.detail == "UN data: no personnel from KZ in UNIFIL in 2017"
    assert served("UNMISS", "2011/2013").status is Status.contradicted


def test_years_the_reference_does_not_cover_are_not_in_reference():
    outside = served("UNIFIL", "2024")
    assert outside.status is Status.not_in_reference
    assert outside.detail == "UN data has no figures for KZ in UNIFIL in 2024 (it has 2017–2019)"
    partly = served("UNMISS", "2012/2015")
    assert partly.status is Status.not_in_reference
    assert partly.detail == "UN data: no personnel from KZ in UNMISS in 2012–2013, no figures for 2014–2015"


def test_a_mission_or_country_the_reference_lacks_is_not_in_reference():
    assert served("UNDOF", "2018").detail == "UN data has no figures for UNDOF"
    assert served("UNIFIL", "2018", participant="country:TM").detail == "UN data has no figures for TM"


def test_a_claim_without_a_year_is_judged_over_the_life_of_the_mission():
    assert served("UNIFIL").status is Status.corroborated
    assert served("UNIFIL").detail.startswith("no year given; ")
    # UNMISS still runs: zero in 2011-2013 says nothing about the years after the reference ends.
    assert served("UNMISS").status is Status.not_in_reference
    # UNMC ran 2016-2017, both years in the reference, both zero.
    ended = served("UNMC")
    assert ended.status is Status.contradicted
    assert (
        ended.detail
        == "no year given; UN data: no personnel from KZ in UNMC in any year of the mission (2016–2017)"
    )


def test_only_countries_in_a_named_mission_are_judged():
    assert served("UNIFIL", "2018", participant="person:someone") is None
    assert judge("mission_participation", "2018", participant="country:KZ", location="country:LB") is None
    assert judge("visit", "2018", visitor="country:KZ", destination="country:LB") is None


# --- memberships ------------------------------------------------------------------------------------


def test_a_listed_member_in_its_term_is_corroborated():
    assert member("CLUB").status is Status.corroborated
    found = member("CLUB", "2001")
    assert found.status is Status.corroborated and found.reference == "catalog"
    assert found.detail == "the catalog lists KZ as a member of CLUB from 1992 to 2010"
    assert member("CLUB", "2010-12").status is Status.corroborated
    assert member("CLUB", "2005", status="chair").status is Status.corroborated


def test_a_claim_after_the_membership_ended_is_contradicted_one_before_it_began_is_not_decided():
    after = member("CLUB", "2015")
    assert after.status is Status.contradicted and after.detail.endswith("not in 2015")
    before = member("CLUB", "1991-12-21")  # perhaps the date of the decision to join
    assert before.status is Status.not_in_reference


def test_absence_from_a_complete_list_contradicts_absence_from_a_partial_one_does_not():
    absent = member("CLUB", member="country:TM")
    assert absent.status is Status.contradicted
    assert absent.detail == "TM is not among the 2 members the catalog lists for CLUB"
    partial = member("FORUM", member="country:TM")
    assert partial.status is Status.not_in_reference
    assert member("NOBODY").detail == "the catalog lists no members of NOBODY"


def test_the_claimed_status_must_be_the_listed_one():
    assert member("FORUM", "2020", status="observer").status is Status.corroborated
    other = member("FORUM", "2020", status="member")
    assert other.status is Status.not_in_reference
    assert other.detail == "the catalog lists KZ as an observer of FORUM since 2014-03, not as a member"
    assert member("FORUM", status="applicant") is None
    assert member("CLUB", member="org:EU") is None


# --- the shipped reference --------------------------------------------------------------------------


def test_the_packaged_reference_has_kazakhstan_s_missions():
    reference = load_peacekeeping()
    assert dict(reference.totals("country:KZ", "mission:MINURSO"))[2014] == 1
    assert dict(reference.totals("country:KZ", "mission:UNIFIL"))[2018] == 30
    assert set(reference.totals("country:KZ", "mission:UNMISS").values()) == {0}
    assert len(reference.countries) == 144 and len(reference.missions) == 36
    catalog = load_catalog()
    assert all(i in catalog for i in reference.countries | reference.missions)


def test_every_mission_year_in_the_reference_had_someone_serving():
    """The source's filler rows (missions in years they had nobody) are left out, not kept as zeros."""
    reference = load_peacekeeping()
    staffed: dict[tuple[str, int], int] = {}
    for (_, mission), years in reference.cells.items():
        for year, total in years.items():
            staffed[mission, year] = staffed.get((mission, year), 0) + total
    assert all(total > 0 for total in staffed.values())


def test_the_reference_ships_with_its_licence():
    data = resources.files("kopvector.analytics") / "data"
    assert "MIT License" in (data / "LICENSE-un-peacekeeping").read_text(encoding="utf-8")
    text = gzip.decompress((data / "un_peacekeeping.tsv.gz").read_bytes()).decode("utf-8")
    rows = list(csv.reader(io.StringIO(text), delimiter="\t"))
    assert rows[0] == ["country", "mission", "year", "total"] and len(rows) == 32160


# --- the store ---------------------------------------------------------------------------------------


def invoke(*args: str):
    result = CliRunner().invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result


def judged_facts(db: str, *options: str) -> list[dict]:
    out = invoke("facts", "--db", db, "--corroboration", "--format", "json", *options).stdout
    return [json.loads(line) for line in out.splitlines()]


def status_of(rows: list[dict], mission: str, time: str | None) -> set[str]:
    return {
        r["corroboration"]["status"]
        for r in rows
        if r["args"].get("participant") == "country:KZ"
        and r["args"].get("mission") == mission
        and r["time"] == time
    }


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> str:
    folder = tmp_path_factory.mktemp("corroboration")
    made_up = folder / "made_up.txt"
    made_up.write_text(MADE_UP, encoding="utf-8")
    db = str(folder / "kv.db")
    result = invoke("ingest", str(PEACEKEEPING), str(MEMBERSHIPS), str(made_up), "--db", db, "--workers", "1")
    assert "corroboration of the stored facts:" in result.stderr
    return db


def test_the_samples_peacekeeping_facts_are_judged(store):
    rows = judged_facts(store, "--kind", "mission_participation")
    assert status_of(rows, "mission:MINURSO", "2014") == {"corroborated"}  # "Сол жылы" after 2014
    assert status_of(rows, "mission:UNIFIL", None) == {"corroborated"}
    assert status_of(rows, "mission:UNIFIL", "2018") == {"corroborated"}
    assert status_of(rows, "mission:UNDOF", "2024") == {"not_in_reference"}


def test_a_made_up_claim_is_contradicted_and_found_by_status(store):
    rows = judged_facts(store, "--status", "contradicted")
    assert [(r["args"]["mission"], r["time"]) for r in rows] == [("mission:UNMISS", "2016")]
    assert rows[0]["corroboration"] == {
        "status": "contradicted",
        "detail": "UN data: no personnel from KZ in UNMISS in 2016",
        "reference": "un-peacekeeping",
    }


def test_memberships_are_judged_and_negated_facts_are_not(store):
    rows = judged_facts(store, "--kind", "membership")
    un = [r for r in rows if r["args"]["organization"] == "org:UN" and r["time"] == "1992-03-02"]
    assert un and un[0]["corroboration"]["status"] == "corroborated"
    assert all(r["corroboration"] is None for r in rows if r["modality"] == "negated")


def test_the_column_appears_only_when_asked(store):
    plain = invoke("facts", "--db", store, "--format", "csv").stdout.splitlines()[0]
    judged = invoke("facts", "--db", store, "--format", "csv", "--corroboration").stdout.splitlines()[0]
    assert "corroboration" not in plain and judged.endswith(",corroboration")


def test_the_seed_s_minurso_2014_and_unifil_2018_are_corroborated(tmp_path):
    if not SEED.exists():
        pytest.skip(f"shared data not available: {SEED}")
    db = str(tmp_path / "kv.db")
    invoke("ingest", str(SEED), "--db", db, "--workers", "1")
    rows = judged_facts(db, "--kind", "mission_participation")
    assert status_of(rows, "mission:MINURSO", "2014") == {"corroborated"}
    assert status_of(rows, "mission:UNIFIL", "2018") == {"corroborated"}


def test_judging_again_changes_nothing_and_a_reanalysis_replaces_the_rows(tmp_path, monkeypatch):
    engine = open_engine(str(tmp_path / "kv.db"))
    settings = Settings()

    def ingest_and_judge() -> list[tuple]:
        Ingest(engine, settings, 1, "test").run(read_sources([str(PEACEKEEPING)], settings))
        with engine.begin() as conn:
            corroborate_store(conn)
        with engine.connect() as conn:
            return sorted(conn.execute(select(corroborations.c.fact_id, corroborations.c.status)))

    first = ingest_and_judge()
    with engine.connect() as conn:
        pks = sorted(conn.execute(select(corroborations.c.pk)).scalars())
    with engine.begin() as conn:
        corroborate_store(conn)
    with engine.connect() as conn:
        assert sorted(conn.execute(select(corroborations.c.pk)).scalars()) == pks
    monkeypatch.setattr(version, "pipeline_version", lambda: "9.9.9+test")
    monkeypatch.setattr("kopvector.store.ingest.pipeline_version", lambda: "9.9.9+test")
    assert ingest_and_judge() == first and len(first) == 4
    with engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(corroborations)).scalar() == 4
    engine.dispose()


def test_a_newer_reference_replaces_the_old_judgements(tmp_path):
    """After an upgrade of the shipped data, stored facts get the new judgement at the next ingest."""
    engine = open_engine(str(tmp_path / "kv.db"))
    settings = Settings()
    Ingest(engine, settings, 1, "test").run(read_sources([str(PEACEKEEPING)], settings))
    with engine.begin() as conn:
        corroborate_store(conn)
        silent = parse_reference("country\tmission\tyear\ttotal\n")
        counts = corroborate_store(conn, peacekeeping=silent)
        rows = list(conn.execute(select(corroborations.c.status, corroborations.c.detail)))
    assert counts == {"not_in_reference": 4}
    assert {status for status, _ in rows} == {"not_in_reference"} and len(rows) == 4
    engine.dispose()
