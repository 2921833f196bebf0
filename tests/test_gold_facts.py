"""Checks of the fact/quote gold set in gold/facts/ (format and guidelines in gold/facts/README.md).

KazNERD items hold only sentence indices and token ranges; the sentences are read from ../shared at
test time, and those checks skip cleanly when ../shared is absent. The articles are our own texts in
gold/facts/articles/ (the set the extractor was tuned on), gold/facts/heldout/ (the held-out set,
written and annotated afterwards), gold/facts/heldout2/ (the second held-out set),
gold/facts/heldout3/ (the third), gold/facts/heldout4/ (the fourth), gold/facts/heldout5/ (the fifth),
gold/facts/heldout6/ (the sixth), gold/facts/heldout7/ (the seventh), gold/facts/heldout8/ (the eighth),
gold/facts/heldout9/ (the ninth), gold/facts/heldout10/ (the tenth) and gold/facts/heldout11/ (the eleventh).
All get the same checks, and every evidence offset must point into `article.text`.
"""

from __future__ import annotations

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
GOLD = REPO / "gold" / "facts"
KAZNERD_GOLD = GOLD / "kaznerd_dev.jsonl"
ARTICLES_GOLD = GOLD / "articles.jsonl"
# The article sets in the order they were written; the held-out ones are named "## Held-out set",
# "## Second held-out set", ... in the README, and "held-out", "held-out 2", ... in its counts tables.
ORDINALS = [
    "Second",
    "Third",
    "Fourth",
    "Fifth",
    "Sixth",
    "Seventh",
    "Eighth",
    "Ninth",
    "Tenth",
    "Eleventh",
]
SET_ORDER = ["articles", "heldout", *(f"heldout{n}" for n in range(2, len(ORDINALS) + 2))]
# Article sets: name -> (gold file, directory of the article texts under gold/facts/).
ARTICLE_SETS = {name: (GOLD / f"{name}.jsonl", name) for name in SET_ORDER}
# Held-out sets: name -> (the sets written before it, its README heading, its label in the counts table).
HELDOUT_SETS = {
    "heldout": (("articles",), "## Held-out set", "held-out"),
    **{
        f"heldout{n}": (tuple(SET_ORDER[:n]), f"## {ordinal} held-out set", f"held-out {n}")
        for n, ordinal in enumerate(ORDINALS, start=2)
    },
}

# Fact kinds and their arguments, as in docs/record-schema.md: (required, optional).
KINDS: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    "membership": (frozenset({"member", "organization"}), frozenset({"status"})),
    "chairmanship": (frozenset({"chair", "organization"}), frozenset({"term"})),
    "mission_participation": (
        frozenset({"participant"}),
        frozenset({"mission", "location", "personnel", "role"}),
    ),
    "visit": (frozenset({"visitor", "destination"}), frozenset({"host", "visit_type"})),
    "meeting": (frozenset({"participants"}), frozenset({"organization", "place"})),
    "agreement": (frozenset({"parties"}), frozenset({"sectors", "title"})),
    "cooperation": (frozenset({"parties", "sectors"}), frozenset()),
    "statement": (frozenset({"speaker"}), frozenset({"topic", "venue", "principles"})),
}
# Arguments that hold one canonical id, or a list of them.
ID_ARGS = {
    "member",
    "organization",
    "chair",
    "participant",
    "mission",
    "location",
    "visitor",
    "destination",
    "host",
    "place",
    "speaker",
    "venue",
}
ID_LIST_ARGS = {"participants", "parties"}
SECTORS = frozenset(
    [
        "trade",
        "economy",
        "investment",
        "industry",
        "energy",
        "transport",
        "security",
        "defence",
        "agriculture",
        "water",
        "climate",
        "digital",
        "education",
        "culture",
        "health",
        "humanitarian",
        "finance",
        "space",
    ]
)
PRINCIPLES = frozenset(
    [
        "sovereign_equality",
        "territorial_integrity",
        "peaceful_coexistence",
        "non_interference",
        "peaceful_settlement",
        "international_law",
        "multilateralism",
    ]
)
STATUSES = frozenset({"member", "observer", "dialogue_partner", "applicant", "chair"})
VISIT_TYPES = frozenset({"state", "official", "working"})
MODALITIES = frozenset({"asserted", "planned", "negated", "reported"})
QUOTE_KINDS = frozenset({"direct", "indirect"})
PERSON_ID = re.compile(r"person:[a-z0-9]+(?:-[a-z0-9]+)*")
_DATE = r"\d{4}(?:-\d{2}(?:-\d{2})?)?"
TIME = re.compile(rf"{_DATE}(?:/{_DATE})?")


@pytest.fixture(scope="module")
def kaznerd_items() -> list[dict]:
    return read_jsonl(KAZNERD_GOLD)


@pytest.fixture(scope="module")
def article_items() -> list[dict]:
    return read_jsonl(ARTICLES_GOLD)


@pytest.fixture(scope="module", params=sorted(ARTICLE_SETS))
def article_set(request) -> tuple[str, list[dict]]:
    """(directory, items) of one article set: each article test runs on every set."""
    path, directory = ARTICLE_SETS[request.param]
    return directory, read_jsonl(path)


@pytest.fixture(scope="module", params=sorted(HELDOUT_SETS))
def heldout_set(request) -> tuple[str, list[dict]]:
    """(name, items) of one held-out set."""
    return request.param, read_jsonl(ARTICLE_SETS[request.param][0])


@pytest.fixture(scope="module")
def catalog():
    return load_catalog()


def _check_id(value, catalog, where: str) -> None:
    assert isinstance(value, str), f"{where}: {value!r} is not an id"
    if value in catalog:
        return
    assert PERSON_ID.fullmatch(value), f"{where}: {value} is neither a catalog id nor a person slug"


def _check_fact(fact: dict, catalog, where: str) -> None:
    assert set(fact) == {"kind", "args", "time", "time_text", "modality", "evidence"}, (
        f"{where}: {sorted(fact)}"
    )
    kind = fact["kind"]
    assert kind in KINDS, f"{where}: unknown kind {kind!r}"
    required, optional = KINDS[kind]
    args = fact["args"]
    assert required <= set(args), f"{where}: {kind} lacks {sorted(required - set(args))}"
    assert set(args) <= required | optional, (
        f"{where}: {kind} has unknown args {sorted(set(args) - required - optional)}"
    )
    for name, value in args.items():
        w = f"{where} {kind}.{name}"
        if name in ID_ARGS:
            _check_id(value, catalog, w)
        elif name in ID_LIST_ARGS:
            assert isinstance(value, list), w
            for v in value:
                _check_id(v, catalog, w)
            assert len(set(value)) == len(value), f"{w}: repeated id"
        elif name == "sectors":
            assert isinstance(value, list) and set(value) <= SECTORS, f"{w}: {value}"
        elif name == "principles":
            assert isinstance(value, list) and value and set(value) <= PRINCIPLES, f"{w}: {value}"
        elif name == "status":
            assert value in STATUSES, f"{w}: {value}"
        elif name == "visit_type":
            assert value in VISIT_TYPES, f"{w}: {value}"
        elif name == "personnel":
            assert isinstance(value, int) and value > 0, f"{w}: {value}"
        else:  # term, role, title, topic: free text or a time
            assert isinstance(value, str) and value.strip() == value and value, f"{w}: {value!r}"
    if kind in ("agreement", "cooperation"):
        assert args["parties"], f"{where}: {kind} needs at least one party"
    if kind == "meeting":
        assert args["participants"] or "organization" in args, (
            f"{where}: meeting needs participants or an organization"
        )
    if kind == "mission_participation":
        assert "mission" in args or "location" in args, f"{where}: mission and/or location"
    if kind == "chairmanship" and "term" in args:
        assert TIME.fullmatch(args["term"]), f"{where}: term {args['term']!r}"
    assert fact["modality"] in MODALITIES, f"{where}: modality {fact['modality']!r}"
    if fact["time"] is not None:
        assert TIME.fullmatch(fact["time"]), f"{where}: time {fact['time']!r}"
    assert fact["time_text"] is None or isinstance(fact["time_text"], str), where


def _check_quote(quote: dict, catalog, where: str) -> None:
    assert set(quote) == {"speaker", "speaker_name", "role", "kind", "cue", "evidence"}, (
        f"{where}: {sorted(quote)}"
    )
    assert quote["kind"] in QUOTE_KINDS, where
    assert isinstance(quote["cue"], str) and quote["cue"], where
    speaker, name = quote["speaker"], quote["speaker_name"]
    if speaker is not None:
        _check_id(speaker, catalog, where)
        if speaker.startswith("person:") and speaker not in catalog and name is not None:
            assert person_slug(name) == speaker, f"{where}: {speaker} is not the slug of {name!r}"
    else:
        assert name is None, f"{where}: a named speaker needs an id"
    for field in ("speaker_name", "role"):
        assert quote[field] is None or (isinstance(quote[field], str) and quote[field]), where


def test_kaznerd_items_are_well_formed(kaznerd_items, catalog):
    assert len(kaznerd_items) >= 300
    assert len({item["sentence"] for item in kaznerd_items}) == len(kaznerd_items), "one item per sentence"
    for item in kaznerd_items:
        assert set(item) == {"source", "sentence", "published", "facts", "quotes"}, item
        assert item["source"] == "kaznerd-valid"
        where = f"kaznerd {item['sentence']}"
        if item["published"] is not None:
            assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", item["published"]), where
        for fact in item["facts"]:
            _check_fact(fact, catalog, where)
            assert set(fact["evidence"]) == {"first", "last"}, where
        for quote in item["quotes"]:
            _check_quote(quote, catalog, where)
            assert set(quote["evidence"]) == {"first", "last"}, where
    with_facts = sum(1 for item in kaznerd_items if item["facts"])
    assert 0 < with_facts < len(kaznerd_items) // 2, "most KazNERD sentences state no fact"


def test_kaznerd_ranges_within_dev_sentences(kaznerd_items, kaznerd_sentences):
    bounds = block_bounds(len(kaznerd_sentences))
    dev = {i for block in DEV_BLOCKS for i in range(*bounds[block])}
    for item in kaznerd_items:
        index = item["sentence"]
        assert index in dev, f"sentence {index} is not in our dev part"
        n = len(kaznerd_sentences[index].tokens)
        for entry in item["facts"] + item["quotes"]:
            first, last = entry["evidence"]["first"], entry["evidence"]["last"]
            assert 0 <= first < last <= n, f"{index}: token range {first}-{last} outside 0-{n}"


def test_article_items_are_well_formed(article_set, catalog):
    directory, items = article_set
    sources = [item["source"] for item in items]
    assert len(set(sources)) == len(sources), "one item per article"
    on_disk = {f"gold/facts/{directory}/{p.name}" for p in (GOLD / directory).glob("*.txt")}
    assert set(sources) == on_disk, "every article file has exactly one gold item"
    for item in items:
        assert set(item) == {"source", "facts", "quotes"}, item["source"]
        source_form = rf"gold/facts/{directory}/\d{{3}}_[a-z0-9-]+\.txt"
        assert re.fullmatch(source_form, item["source"]), item["source"]
        for fact in item["facts"]:
            _check_fact(fact, catalog, item["source"])
        for quote in item["quotes"]:
            _check_quote(quote, catalog, item["source"])


def test_article_offsets_match_article_text(article_set):
    _, items = article_set
    for item in items:
        article = read_text_file(REPO / item["source"], Settings())
        assert article.published is not None, f"{item['source']}: needs a ` date YYYY-MM-DD ` prefix"
        for entry in item["facts"] + item["quotes"]:
            evidence = entry["evidence"]
            assert set(evidence) == {"start", "end", "text"}, item["source"]
            start, end = evidence["start"], evidence["end"]
            assert 0 <= start < end <= len(article.text), f"{item['source']} {start}-{end}"
            assert article.text[start:end] == evidence["text"], f"{item['source']} {start}-{end}"
            time_text = entry.get("time_text")
            if time_text:
                assert time_text in evidence["text"], f"{item['source']}: {time_text!r} not in its evidence"


def test_articles_per_kind(article_set):
    _, items = article_set
    per_kind = Counter(kind for item in items for kind in {f["kind"] for f in item["facts"]})
    for kind in KINDS:
        assert per_kind[kind] >= 3, f"only {per_kind[kind]} articles with a {kind} fact"
    modalities = Counter(f["modality"] for item in items for f in item["facts"])
    assert set(modalities) == MODALITIES, modalities
    kinds = Counter(q["kind"] for item in items for q in item["quotes"])
    assert kinds["direct"] and kinds["indirect"]


def test_heldout_shares_no_sentence_with_earlier_sets(heldout_set):
    """The held-out texts are new: none of their sentences comes from a set written before them."""

    def sentences(items):
        for item in items:
            text = read_text_file(REPO / item["source"], Settings()).text
            for sentence in re.split(r"(?<=[.!?»])\s+", text):
                if len(sentence) > 30:
                    yield sentence.strip()

    name, heldout_items = heldout_set
    earlier = HELDOUT_SETS[name][0]
    seen = {s for other in earlier for s in sentences(read_jsonl(ARTICLE_SETS[other][0]))}
    shared = [s for s in sentences(heldout_items) if s in seen]
    assert not shared, shared


def test_counts_match_readme(kaznerd_items, article_items):
    """The README's totals must be those of the files; a stale README fails here."""
    readme = (GOLD / "README.md").read_text(encoding="utf-8")
    for label, items in (("KazNERD", kaznerd_items), ("articles", article_items)):
        facts = [f for item in items for f in item["facts"]]
        quotes = [q for item in items for q in item["quotes"]]
        with_facts = sum(1 for item in items if item["facts"])
        assert f"| {label} | {len(items)} | {with_facts} | {len(facts)} | {len(quotes)} |" in readme, label
    for kind in KINDS:
        counts = [
            sum(1 for item in items for f in item["facts"] if f["kind"] == kind)
            for items in (kaznerd_items, article_items)
        ]
        assert f"| {kind} | {counts[0]} | {counts[1]} |" in readme, kind


def _section(readme: str, heading: str) -> str:
    start = readme.index(heading)
    end = readme.find("\n## ", start + len(heading))
    return readme[start:] if end < 0 else readme[start:end]


def test_heldout_counts_match_readme(heldout_set):
    """The section of each held-out set in the README states the counts of its gold file."""
    name, heldout_items = heldout_set
    _, heading, label = HELDOUT_SETS[name]
    section = _section((GOLD / "README.md").read_text(encoding="utf-8"), heading)
    facts = [f for item in heldout_items for f in item["facts"]]
    quotes = [q for item in heldout_items for q in item["quotes"]]
    with_facts = sum(1 for item in heldout_items if item["facts"])
    row = f"| {label} | {len(heldout_items)} | {with_facts} | {len(facts)} | {len(quotes)} |"
    assert row in section, row
    for kind in KINDS:
        count = sum(1 for f in facts if f["kind"] == kind)
        with_kind = sum(1 for item in heldout_items if any(f["kind"] == kind for f in item["facts"]))
        assert f"| {kind} | {count} | {with_kind} |" in section, kind
    for modality in sorted(MODALITIES):
        count = sum(1 for f in facts if f["modality"] == modality)
        assert f"| {modality} | {count} |" in section, modality
    for kind in sorted(QUOTE_KINDS):
        count = sum(1 for q in quotes if q["kind"] == kind)
        assert f"| {kind} quotes | {count} |" in section, kind
