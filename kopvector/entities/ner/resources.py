"""The data a trained model needs besides its CRF weights, saved next to the .crfsuite file.

Kept in one gzipped JSON (``kk_ner.resources.json.gz`` beside ``kk_ner.crfsuite``) so a model is
two files that travel together: the stemmer's vocabulary, word clusters and the train-entity lexicon.
"""

from __future__ import annotations

import gzip
import json
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class NerResources:
    """Everything learned from data that the features look up.

    vocabulary: words the stemmer trusts as stems; clusters: stem -> hex cluster path;
    lexicon: (type, stem phrase) entities of train; token_types: stem -> type for single words seen
    inside entities; heads: stem -> type of words that end multi-word names (министрлігі, қаласы);
    caps: lower-case word -> how often it is capitalised away from sentence start (a bucket letter).
    """

    vocabulary: frozenset[str] = frozenset()
    clusters: dict[str, str] = field(default_factory=dict)
    lexicon: tuple[tuple[str, tuple[str, ...]], ...] = ()
    token_types: dict[str, str] = field(default_factory=dict)
    heads: dict[str, str] = field(default_factory=dict)
    caps: dict[str, str] = field(default_factory=dict)

    def save(self, path: Path) -> None:
        """Write as gzipped JSON (deterministic order, so retraining gives identical bytes)."""
        payload = {
            "vocabulary": sorted(self.vocabulary),
            "clusters": dict(sorted(self.clusters.items())),
            "lexicon": [[label, " ".join(stems)] for label, stems in self.lexicon],
            "token_types": dict(sorted(self.token_types.items())),
            "heads": dict(sorted(self.heads.items())),
            "caps": dict(sorted(self.caps.items())),
        }
        data = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        with open(path, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as handle:
            handle.write(data)

    @classmethod
    def load(cls, path: Path) -> NerResources:
        """Read what `save` wrote."""
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            payload = json.load(handle)
        return cls(
            vocabulary=frozenset(payload["vocabulary"]),
            clusters=dict(payload["clusters"]),
            lexicon=tuple((label, tuple(phrase.split(" "))) for label, phrase in payload["lexicon"]),
            token_types=dict(payload.get("token_types", {})),
            heads=dict(payload.get("heads", {})),
            caps=dict(payload.get("caps", {})),
        )


def resources_path(model_path: Path) -> Path:
    """Where the resources of a given .crfsuite model live."""
    return model_path.with_name(model_path.stem + ".resources.json.gz")
