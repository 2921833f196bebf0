"""Run-time Kazakh NER: a CRF and a BiLSTM over the same attributes, their scores added, IOB2 out.

The CRF (sparse attributes in a ±2 window, learned label transitions) and the BiLSTM (the same
word attributes, whole-sentence context) make different mistakes: a weighted sum of the CRF's label
scores and the BiLSTM's log-probabilities, decoded with the CRF's transitions, gains ~1.4 dev
micro-F1 over the CRF alone. Both run in numpy on length-sorted batches of sentences.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import repeat
from pathlib import Path

import numpy as np
import pycrfsuite

from kopvector.entities.ner.decoding import iob2_constraints, viterbi_batch
from kopvector.entities.ner.features import CACHE_LIMIT, FeatureExtractor
from kopvector.entities.ner.network import BiLstmNetwork, network_path
from kopvector.entities.ner.resources import NerResources, resources_path

DEFAULT_MODEL = Path(__file__).resolve().parent / "model" / "kk_ner.crfsuite"
BATCH_SENTENCES = 128
# Share of the CRF in the summed scores (the network's log-probabilities get the rest). Chosen on
# train alone: both models fitted on its first four fifths, 0.7 was best on the last fifth
# (micro-F1 0.874 there, vs 0.866 at 0.5 and 0.854 for the CRF alone); dev was not consulted.
CRF_WEIGHT = 0.7
NEIGHBOURS = (-2, -1, 1, 2)


def sum_rows(rows: np.ndarray, ids: Sequence[int], starts: Sequence[int]) -> np.ndarray:
    """Sum of `rows[ids[starts[k]:starts[k+1]]]` for each segment k (the last one runs to the end).

    Same result as ``np.add.reduceat(rows[ids], starts)`` but ~5x faster on many short segments: the
    ids go into a (position, segment) matrix padded with row 0 (all zero), and one gathered row per
    position is added to the totals of all segments at once. Empty segments sum to row 0.
    """
    ids_arr = np.asarray(ids, dtype=np.intp)
    starts_arr = np.asarray(starts, dtype=np.intp)
    sizes = np.diff(starts_arr, append=len(ids_arr))
    segment = np.repeat(np.arange(len(starts_arr)), sizes)
    table = np.zeros((max(sizes.max(initial=0), 1), len(starts_arr)), dtype=np.intp)
    table[np.arange(len(ids_arr)) - starts_arr[segment], segment] = ids_arr
    total = rows[table[0]]
    for position in table[1:]:
        total += rows[position]
    return total


class NerTagger:
    """The two models plus the resources their features need; `tag` is the whole API."""

    def __init__(self, model_path: Path, resources: NerResources) -> None:
        self.model_path = model_path
        crf = pycrfsuite.Tagger()
        crf.open(str(model_path))
        info = crf.info()
        self.network = BiLstmNetwork(network_path(model_path))
        self.labels = self.network.labels
        n_labels = len(self.labels)
        label_index = {label: j for j, label in enumerate(self.labels)}
        attributes = sorted({a for a, _ in info.state_features} | set(self.network.features))
        self._index = {a: i + 1 for i, a in enumerate(attributes)}
        # one row per attribute: its CRF label weights, then its network embedding (row 0 stays zero)
        rows = np.zeros((len(attributes) + 1, n_labels + self.network.embedding.shape[1]), dtype=np.float32)
        for (attribute, label), weight in info.state_features.items():
            rows[self._index[attribute], label_index[label]] = CRF_WEIGHT * weight
        rows[[self._index[a] for a in self.network.features], n_labels:] = self.network.embedding[1:]
        self._rows = rows
        self._transitions, self._start = iob2_constraints(self.labels)
        for (previous, label), weight in info.transitions.items():
            self._transitions[label_index[previous], label_index[label]] += CRF_WEIGHT * weight
        # one row per unprefixed context attribute (w=..., s=...): the CRF label weights of its copies
        # at offsets -2, -1, 1, 2 side by side, so a word's neighbour part is one lookup per attribute
        # and the prefixed strings are never built
        prefixes = [str(offset) for offset in NEIGHBOURS]
        near_keys = sorted({a[len(p) :] for a, _ in info.state_features for p in prefixes if a.startswith(p)})
        self._near_index = {key: i + 1 for i, key in enumerate(near_keys)}
        self._near_rows = np.zeros((len(near_keys) + 1, len(NEIGHBOURS) * n_labels), dtype=np.float32)
        for (attribute, label), weight in info.state_features.items():
            for k, prefix in enumerate(prefixes):
                if attribute.startswith(prefix):
                    column = k * n_labels + label_index[label]
                    self._near_rows[self._near_index[attribute[len(prefix) :]], column] = CRF_WEIGHT * weight
        self._features = FeatureExtractor(resources)
        # per-word vectors (see `_cache_vectors`): word -> row of `_vectors`; row 0 stays zero (padding)
        self._slots: dict[str, int] = {}
        self._vectors = np.zeros((1024, rows.shape[1] + len(NEIGHBOURS) * n_labels), dtype=np.float32)

    @classmethod
    def load(cls, path: Path | None = None) -> NerTagger:
        """Open a model (default: the shipped one) and the resources and network saved beside it."""
        model_path = Path(path) if path is not None else DEFAULT_MODEL
        if not model_path.is_file():
            raise FileNotFoundError(f"NER model not found: {model_path} (train: `kopvector train ner`)")
        return cls(model_path, NerResources.load(resources_path(model_path)))

    def tag(self, sentences: Sequence[Sequence[str]]) -> list[list[str]]:
        """IOB2 tags for each tokenised sentence (same shape as the input)."""
        results: list[list[str]] = [[] for _ in sentences]
        order = sorted((i for i, tokens in enumerate(sentences) if tokens), key=lambda i: len(sentences[i]))
        for start in range(0, len(order), BATCH_SENTENCES):
            batch = order[start : start + BATCH_SENTENCES]
            paths = self._tag_batch([sentences[i] for i in batch])
            for i, path in zip(batch, paths, strict=True):
                results[i] = [self.labels[j] for j in path]
        return results

    def _cache_vectors(self, sentences: Sequence[Sequence[str]]) -> None:
        """Cache each new word's summed rows: its own attributes (CRF and network part), then the CRF
        part of the copies it gives its neighbours at offsets -2, -1, 1, 2 (summed for all at once)."""
        words = dict.fromkeys(token for tokens in sentences for token in tokens)
        if len(self._slots) + len(words) > CACHE_LIMIT:
            self._slots.clear()
        new = [word for word in words if word not in self._slots]
        if not new:
            return
        lookup = self._index.get
        near_lookup = self._near_index.get
        own_ids: list[int] = []
        own_starts: list[int] = []
        near_ids: list[int] = []
        near_starts: list[int] = []
        for _, own, context, _ in self._features.words(new):
            own_starts.append(len(own_ids))
            own_ids.extend(map(lookup, own, repeat(0)))
            near_starts.append(len(near_ids))
            near_ids.extend(map(near_lookup, context, repeat(0)))
        first = len(self._slots) + 1
        end = first + len(new)
        if end > len(self._vectors):
            grown = np.zeros((max(end, 2 * len(self._vectors)), self._vectors.shape[1]), dtype=np.float32)
            grown[:first] = self._vectors[:first]
            self._vectors = grown
        n_own = self._rows.shape[1]
        self._vectors[first:end, :n_own] = sum_rows(self._rows, own_ids, own_starts)
        self._vectors[first:end, n_own:] = sum_rows(self._near_rows, near_ids, near_starts)
        self._slots.update(zip(new, range(first, end), strict=True))

    def _tag_batch(self, sentences: Sequence[Sequence[str]]) -> list[list[int]]:
        """Label index paths for non-empty sentences, scored together on one (sentence, position) grid."""
        n_labels, width = len(self.labels), self._rows.shape[1]
        lengths = [len(tokens) for tokens in sentences]
        steps = max(lengths)
        self._cache_vectors(sentences)
        slots = np.concatenate([np.arange(n) + b * steps for b, n in enumerate(lengths)])
        ids = np.zeros(len(sentences) * steps, dtype=np.intp)
        ids[slots] = [self._slots[token] for tokens in sentences for token in tokens]
        grid = self._vectors[ids.reshape(len(sentences), steps)]
        extra_ids: list[int] = []
        starts: list[int] = []
        lookup = self._index.get
        for tokens in sentences:
            for attributes in self._features.extras(tokens, self._features.words(tokens)):
                starts.append(len(extra_ids))
                extra_ids.extend(map(lookup, attributes, repeat(0)))
        extras = sum_rows(self._rows, extra_ids, starts)
        grid.reshape(len(sentences) * steps, -1)[slots, :width] += extras
        crf = grid[:, :, :n_labels].copy()
        near = [grid[:, :, width + k * n_labels : width + (k + 1) * n_labels] for k in range(len(NEIGHBOURS))]
        for k, offset in enumerate(NEIGHBOURS):  # the word at j lends its `offset` copy to token j - offset
            if offset < 0:
                crf[:, -offset:] += near[k][:, :offset]
            else:
                crf[:, :-offset] += near[k][:, offset:]
        # the network's logits stand in for its log-probabilities: per token they differ by a constant
        scores = crf + (1 - CRF_WEIGHT) * self.network.logits(grid[:, :, n_labels:width], lengths)
        return viterbi_batch(scores, lengths, self._transitions, self._start)
