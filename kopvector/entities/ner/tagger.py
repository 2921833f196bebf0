"""Run-time Kazakh NER: load the shipped CRF model and tag tokenised sentences with IOB2 labels."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pycrfsuite

from kopvector.entities.ner.features import FeatureExtractor
from kopvector.entities.ner.resources import NerResources, resources_path

DEFAULT_MODEL = Path(__file__).resolve().parent / "model" / "kk_ner.crfsuite"


def repair_iob2(tags: Sequence[str]) -> list[str]:
    """Make a tag sequence valid IOB2: an I-X not continuing an X entity becomes B-X.

    The CRF very rarely emits such a stray I-X; strict scoring would drop it, while it almost always
    marks a real entity whose first token was mislabelled.
    """
    fixed: list[str] = []
    previous = "O"
    for tag in tags:
        if tag.startswith("I-") and previous[2:] != tag[2:]:
            tag = "B-" + tag[2:]
        fixed.append(tag)
        previous = tag
    return fixed


class NerTagger:
    """A CRFsuite model plus the resources its features need; `tag` is the whole API."""

    def __init__(self, model_path: Path, resources: NerResources) -> None:
        self.model_path = model_path
        self._tagger = pycrfsuite.Tagger()
        self._tagger.open(str(model_path))
        known = frozenset(attribute for attribute, _ in self._tagger.info().state_features)
        self._features = FeatureExtractor(resources, known=known)

    @classmethod
    def load(cls, path: Path | None = None) -> NerTagger:
        """Open a model (default: the shipped one) and the resources file saved beside it."""
        model_path = Path(path) if path is not None else DEFAULT_MODEL
        if not model_path.is_file():
            raise FileNotFoundError(f"NER model not found: {model_path} (train: `kopvector train ner`)")
        return cls(model_path, NerResources.load(resources_path(model_path)))

    def tag(self, sentences: Sequence[Sequence[str]]) -> list[list[str]]:
        """IOB2 tags for each tokenised sentence (same shape as the input)."""
        results: list[list[str]] = []
        for tokens in sentences:
            if not tokens:
                results.append([])
                continue
            tags = self._tagger.tag(self._features.sentence(tokens))
            results.append(repair_iob2(tags))
        return results
