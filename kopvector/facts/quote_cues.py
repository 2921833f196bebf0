"""The quote cue lexicon (`data/kk_quote_cues.yaml`), read once and shared by the quote and speaker code."""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources

import yaml

from kopvector.document import Token

# Plural endings a role noun may carry ("экономистер", "сарапшылар"): a group speaks, nobody in particular.
# The loan spelling "экономистер" drops the т of "-тер" after a т-final stem.
_PLURAL_ENDINGS = ("лар", "лер", "дар", "дер", "тар", "тер", "ар", "ер")


def lemma(token: Token) -> str:
    """The token's lemma, lower-cased (its normalized form when the morphology gave none)."""
    return (token.lemma or token.norm).lower()


def _phrases(words: list[str]) -> tuple[tuple[str, ...], ...]:
    """Phrases as word tuples, longest first, so that a longer cue wins over its last word."""
    return tuple(sorted({tuple(w.split()) for w in words}, key=len, reverse=True))


@dataclass(frozen=True)
class QuoteCues:
    """The cue lexicon; phrases are word tuples (longest first), everything else single words."""

    attribution_verbs: frozenset[str]
    according_to: frozenset[str]
    speech_verbs: tuple[tuple[str, ...], ...]
    opinion_verbs: frozenset[str]
    directive_verbs: frozenset[str]
    complement_verbs: frozenset[str]
    complement_words: frozenset[str]
    not_speech_objects: frozenset[str]
    pointing_words: tuple[tuple[str, ...], ...]
    pointing_objects: frozenset[str]
    auxiliaries: frozenset[str]
    pronouns: frozenset[str]
    group_pronouns: frozenset[str]
    role_nouns: frozenset[str]
    expert_nouns: frozenset[str]
    expert_suffixes: tuple[str, ...]
    expert_verbs: frozenset[str]

    @classmethod
    def load(cls) -> QuoteCues:
        text = (resources.files("kopvector.facts") / "data" / "kk_quote_cues.yaml").read_text(
            encoding="utf-8"
        )
        data = yaml.safe_load(text)
        return cls(
            attribution_verbs=frozenset(data["attribution_verbs"]),
            according_to=frozenset(data["according_to"]),
            speech_verbs=_phrases(data["speech_verbs"]),
            opinion_verbs=frozenset(data["opinion_verbs"]),
            directive_verbs=frozenset(data["directive_verbs"]),
            complement_verbs=frozenset(data["complement_verbs"]),
            complement_words=frozenset(data["complement_words"]),
            not_speech_objects=frozenset(data["not_speech_objects"]),
            pointing_words=_phrases(data["pointing_words"]),
            pointing_objects=frozenset(data["pointing_objects"]),
            auxiliaries=frozenset(data["auxiliaries"]),
            pronouns=frozenset(data["pronouns"]),
            group_pronouns=frozenset(data["group_pronouns"]),
            role_nouns=frozenset(data["role_nouns"]),
            expert_nouns=frozenset(data["expert_nouns"]),
            expert_suffixes=tuple(data["expert_suffixes"]),
            expert_verbs=frozenset(data["expert_verbs"]),
        )

    def role(self, token: Token) -> tuple[str, bool] | None:
        """(role lemma, plural) when the token is a role noun ("сарапшы", "экономистер"), else None."""
        word = lemma(token)
        if word in self.role_nouns or word.endswith(self.expert_suffixes):
            return word, token.feats.get("Number") == "Plur"
        for ending in _PLURAL_ENDINGS:
            stem = word.removesuffix(ending)
            if stem != word and (stem in self.role_nouns or stem.endswith(self.expert_suffixes)):
                return stem, True
        return None

    def is_expert(self, role: str) -> bool:
        return role in self.expert_nouns or role.endswith(self.expert_suffixes)
