"""The document model: one `Doc` owns the article and everything later stages find in it.

As in spaCy, the `Doc` is the single owner of the text; tokens, sentences and mentions are spans by
offset. Offsets (`start`, `end`) always point into `article.text` exactly as stored; `norm` is the
analysed Cyrillic form of a token (after quote/dash folding and Latin → Cyrillic transliteration).
Stages fill the lists in pipeline order and never reach into each other's internals.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from kopvector.text.mapped import MappedText


@dataclass(frozen=True, slots=True)
class Article:
    """One news article as read from a source, before any analysis."""

    id: str
    text: str
    published: date | None = None
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    path: str | None = None


@dataclass(slots=True)
class Token:
    """A token: offsets into `article.text`, its analysed form and its morphology."""

    text: str
    start: int
    end: int
    norm: str
    lemma: str = ""
    pos: str | None = None
    feats: dict[str, str] = field(default_factory=dict)
    ner: str = "O"


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence as a half-open range of token indices, with its character span."""

    index: int
    first: int
    last: int
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A line of the article with its own language and script."""

    start: int
    end: int
    language: str
    script: str


@dataclass(slots=True)
class Mention:
    """A named-entity span over whole tokens; `entity` is the catalog id once linking exists."""

    start: int
    end: int
    text: str
    label: str
    lemma: str
    sentence: int
    first: int
    last: int
    entity: str | None = None


@dataclass(frozen=True, slots=True)
class Entity:
    """A linked thing the article mentions: catalog id (or person slug), kind, names, how often."""

    id: str
    type: str
    name: dict[str, str]
    mention_count: int


@dataclass(frozen=True, slots=True)
class Speaker:
    """Who is quoted: a linked id where known, the name and the role as the article gives them."""

    entity: str | None
    name: str | None
    role: str | None


@dataclass(frozen=True, slots=True)
class Evidence:
    """The span a fact or quote rests on; `sentence` is the sentence that carries the cue."""

    sentence: int
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Quote:
    """Attributed speech: `text` is the quoted words (direct) or the reported content (indirect)."""

    speaker: Speaker
    text: str
    kind: str
    cue: str
    evidence: Evidence


@dataclass(frozen=True, slots=True)
class Fact:
    """What the article states: a kind of schema v1 with its arguments, time, modality and evidence."""

    kind: str
    args: dict[str, Any]
    evidence: Evidence
    confidence: float
    modality: str = "asserted"
    time: str | None = None
    time_text: str | None = None
    plover: dict[str, str] | None = None


@dataclass(slots=True)
class Doc:
    """An article and its analysis; `view` is the normalized Cyrillic text the models read."""

    article: Article
    view: MappedText
    language: str = "other"
    script: str = "Cyrl"
    paragraphs: list[Paragraph] = field(default_factory=list)
    tokens: list[Token] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)

    def sentence_tokens(self, sentence: Sentence) -> list[Token]:
        return self.tokens[sentence.first : sentence.last]
