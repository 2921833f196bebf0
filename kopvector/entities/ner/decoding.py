"""Strict-IOB2 Viterbi over per-token label scores, batched over sentences of one padded batch.

Decoding with I-X allowed only after B-X/I-X means the tagger never emits a tag sequence that strict
scoring would cut into pieces, and doing it for a whole batch at once keeps the per-token cost to a
few numpy operations (a per-sentence Python loop would cap tagging near 100k tokens/s by itself).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

FORBIDDEN = -1e4


def iob2_constraints(labels: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
    """(transition penalty matrix [from, to], start penalty vector): 0 where allowed, FORBIDDEN where not."""
    n = len(labels)
    transitions = np.zeros((n, n), dtype=np.float32)
    start = np.zeros(n, dtype=np.float32)
    for j, label in enumerate(labels):
        if label.startswith("I-"):
            start[j] = FORBIDDEN
            for i, previous in enumerate(labels):
                if previous == "O" or previous[2:] != label[2:]:
                    transitions[i, j] = FORBIDDEN
    return transitions, start


def viterbi_batch(
    scores: np.ndarray, lengths: Sequence[int], transitions: np.ndarray, start: np.ndarray
) -> list[list[int]]:
    """Best label index paths for a (batch, time, labels) score array; rows past a length are ignored."""
    batch, steps, n_labels = scores.shape
    best = scores[:, 0] + start
    back = np.zeros((batch, steps, n_labels), dtype=np.int32)
    lengths_arr = np.asarray(lengths)
    incoming = np.ascontiguousarray(transitions.T)  # [to, from]: reductions run along the last axis
    for t in range(1, steps):
        candidates = best[:, None, :] + incoming
        back[:, t] = candidates.argmax(axis=2)
        stepped = np.take_along_axis(candidates, back[:, t, :, None], axis=2)[:, :, 0] + scores[:, t]
        active = (lengths_arr > t)[:, None]
        best = np.where(active, stepped, best)
    paths: list[list[int]] = []
    last = best.argmax(axis=1)
    for b, length in enumerate(lengths):
        path = [int(last[b])]
        for t in range(length - 1, 0, -1):
            path.append(int(back[b, t, path[-1]]))
        paths.append(path[::-1])
    return paths
