"""Checks of the entity-linking gold set in gold/linking/ (format described in gold/linking/README.md).

The KazNERD items hold only sentence and token indices plus the mention's own words; the sentences are
read from ../shared at test time, and those checks skip cleanly when ../shared is absent.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from pathlib import Path

import pytest

from kopvector.entities.catalog import load_catalog
from kopvector.entities.linker import person_slug
from kopvector.entities.ner.dataset import DEV_BLOCKS, block_bounds
from kopvector.settings import Settings
from kopvector.sources.plaintext import read_text_file
from tests.conftest import read_jsonl

REPO = Path(__file__).resolve().parent.parent
GOLD = REPO / "gold" / "linking"
KAZNERD_GOLD = GOLD / "kaznerd_dev.jsonl"
SAMPLES_GOLD = GOLD / "samples.jsonl"

# KazNERD classes whose spans are annotated, all of them, in every chosen sentence; NORP spans are
# annotated only where they name a country (see the README), so they are not required to be complete.
COMPLETE_LABELS = frozenset({"GPE", "ORGANISATION", "PERSON", "LOCATION", "POSITION"})
LABELS = COMPLETE_LABELS | {"NORP"}

# National bodies used in the gold set (also in the catalog's bodies.yaml); keep in step with the README.
BODY_IDS = frozenset(
    {
        "body:kz-government",
        "body:kz-parliament",
        "body:kz-mazhilis",
        "body:kz-senate",
        "body:kz-presidential-administration",
        "body:kz-ministry-of-foreign-affairs",
        "body:kz-ministry-of-defence",
        "body:kz-ministry-of-agriculture",
        "body:kz-ministry-of-health",
        "body:kz-ministry-of-education-and-science",
        "body:kz-ministry-of-information-and-social-development",
        "body:kz-national-bank",
        "body:kz-central-election-commission",
        "body:kz-constitutional-council",
        "body:kz-prosecutor-generals-office",
        "body:kz-assembly-of-people-of-kazakhstan",
    }
)
PERSON_ID = re.compile(r"person:[a-z0-9]+(?:-[a-z0-9]+)*")


@pytest.fixture(scope="module")
def kaznerd_items() -> list[dict]:
    return read_jsonl(KAZNERD_GOLD)


@pytest.fixture(scope="module")
def sample_items() -> list[dict]:
    return read_jsonl(SAMPLES_GOLD)


def _all_mentions(items: list[dict]):
    for item in items:
        for mention in item["mentions"]:
            yield item, mention


def _check_entity(mention: dict, where: str) -> None:
    catalog = load_catalog()
    entity = mention["entity"]
    assert mention["label"] in LABELS, where
    if mention.get("ambiguous"):
        assert mention["ambiguous"] is True and entity is None, f"{where}: ambiguous mentions link to null"
    if entity is None:
        return
    assert isinstance(entity, str), where
    if entity in catalog:
        return
    if entity.startswith("body:"):
        assert entity in BODY_IDS, f"{where}: body id {entity} not in the README list"
        return
    assert PERSON_ID.fullmatch(entity), f"{where}: {entity} is neither a catalog id nor a person slug"
    assert "name" in mention, f"{where}: a person outside the catalog needs its nominative 'name'"
    assert person_slug(mention["name"]) == entity, f"{where}: {entity} is not the slug of {mention['name']!r}"


def test_gold_files_are_well_formed(kaznerd_items, sample_items):
    for item, mention in _all_mentions(kaznerd_items + sample_items):
        where = f"{item['source']} {item.get('sentence', '')} {mention['text']!r}"
        _check_entity(mention, where)
        assert mention["text"].strip() == mention["text"] and mention["text"], where
    for item in kaznerd_items + sample_items:
        if item.get("published") is not None:
            dt.date.fromisoformat(item["published"])


def test_gold_size(kaznerd_items, sample_items):
    mentions = sum(len(item["mentions"]) for item in kaznerd_items + sample_items)
    assert mentions >= 300
    assert len({item["sentence"] for item in kaznerd_items}) == len(kaznerd_items), "one item per sentence"
    sources = {item["source"] for item in sample_items}
    assert len(sources) >= 4
    assert "samples/corpus/009_kazakhstan-memberships_latin.txt" in sources


def test_kaznerd_items_are_dev_sentences_and_tokens_match(kaznerd_items, kaznerd_sentences):
    bounds = block_bounds(len(kaznerd_sentences))
    dev = {i for block in DEV_BLOCKS for i in range(*bounds[block])}
    for item in kaznerd_items:
        index = item["sentence"]
        assert item["source"] == "kaznerd-valid"
        assert index in dev, f"sentence {index} is not in our dev part"
        sentence = kaznerd_sentences[index]
        n = len(sentence.tokens)
        spans = set()
        for mention in item["mentions"]:
            first, last = mention["first"], mention["last"]
            assert 0 <= first < last <= n, f"{index}: token range {first}-{last} outside 0-{n}"
            assert " ".join(sentence.tokens[first:last]) == mention["text"], f"{index}: {mention['text']!r}"
            label = mention["label"]
            assert sentence.tags[first] == f"B-{label}", (
                f"{index}: {first} is not the start of a {label} span"
            )
            assert all(t == f"I-{label}" for t in sentence.tags[first + 1 : last]), f"{index}: {first}-{last}"
            assert last == n or sentence.tags[last] != f"I-{label}", f"{index}: span {first}-{last} cut short"
            spans.add((first, label))
        required = {
            (i, tag[2:])
            for i, tag in enumerate(sentence.tags)
            if tag.startswith("B-") and tag[2:] in COMPLETE_LABELS
        }
        assert required <= spans, f"{index}: spans not annotated: {sorted(required - spans)}"


def test_sample_offsets_match_article_text(sample_items):
    for item in sample_items:
        path = REPO / item["source"]
        article = read_text_file(path, Settings())
        published = article.published.isoformat() if article.published else None
        assert item.get("published") == published, item["source"]
        previous = -1
        for mention in item["mentions"]:
            start, end = mention["start"], mention["end"]
            assert 0 <= start < end <= len(article.text)
            assert article.text[start:end] == mention["text"], f"{item['source']} {start}-{end}"
            assert start > previous, f"{item['source']}: mentions out of order or overlapping at {start}"
            previous = end - 1


def test_person_slug_rule():
    assert person_slug("Риззат Тасым") == "person:rizzat-tasym"
    assert person_slug("Бердібек Сапарбаев") == "person:berdibek-saparbaev"
    assert person_slug("Гүлжан Марқабаева") == "person:guljan-marqabaeva"


def test_counts_match_readme(kaznerd_items, sample_items):
    """The README's totals must be those of the files; a stale README fails here."""
    readme = (GOLD / "README.md").read_text(encoding="utf-8")
    k = sum(len(item["mentions"]) for item in kaznerd_items)
    s = sum(len(item["mentions"]) for item in sample_items)
    assert f"| mentions | {k} | {s} | {k + s} |" in readme
    n_k, n_s = len(kaznerd_items), len(sample_items)
    assert f"| items | {n_k} | {n_s} | {n_k + n_s} |" in readme
    labels = Counter(m["label"] for _, m in _all_mentions(kaznerd_items + sample_items))
    for label, n in labels.items():
        assert re.search(rf"\| {label} \| \d+ \| \d+ \| {n} \|", readme), label
