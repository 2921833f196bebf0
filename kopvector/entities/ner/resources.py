"""The data a trained model needs besides its CRF weights, saved next to the .crfsuite file.

Kept in one gzipped JSON (``kk_ner.resources.json.gz`` beside ``kk_ner.crfsuite``) so a model is
two files that travel together: the stemmer's vocabulary and the train-entity lexicons.
"""

from __future__ import annotations

import gzip
import json
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class NerResources:
    """Everything learned from data that the features look up.

    vocabulary: words the stemmer trusts as stems; lexicon: (type, stem phrase) entities of train;
    token_types: stem -> type for capitalised single words mostly seen inside entities of that type.
    """

    vocabulary: frozenset[str] = frozenset()
    lexicon: tuple[tuple[str, tuple[str, ...]], ...] = ()
    token_types: dict[str, str] = field(default_factory=dict)

    def save(self, path: Path) -> None:
        """Write as gzipped JSON (deterministic order, so retraining gives identical bytes)."""
        payload = {
            "vocabulary": sorted(self.vocabulary),
            "lexicon": [[label, " ".join(stems)] for label, stems in self.lexicon],
            "token_types": dict(sorted(self.token_types.items())),
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
            lexicon=tuple((label, tuple(phrase.split(" "))) for label, phrase in payload["lexicon"]),
            token_types=dict(payload.get("token_types", {})),
        )


def resources_path(model_path: Path) -> Path:
    """Where the resources of a given .crfsuite model live."""
    return model_path.with_name(model_path.stem + ".resources.json.gz")
