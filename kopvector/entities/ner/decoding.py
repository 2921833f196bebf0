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


def _predecessors(transitions: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Labels any label may precede (O, B-X), labels with few allowed predecessors (I-X: B-X, I-X),
    and for the latter a (label, k) table of those predecessors, padded by repeating the first one,
    with the transition scores of each entry."""
    allowed = transitions > FORBIDDEN / 2
    open_labels = np.flatnonzero(allowed.all(axis=0))
    narrow = np.flatnonzero(~allowed.all(axis=0))
    width = max((int(allowed[:, j].sum()) for j in narrow), default=1)
    table = np.zeros((len(narrow), width), dtype=np.intp)
    for row, j in enumerate(narrow):
        sources = np.flatnonzero(allowed[:, j])
        if len(sources) == 0:  # nothing may precede it: any source, the score stays forbidden
            sources = np.zeros(1, dtype=np.intp)
        table[row] = np.resize(sources, width)
    return open_labels, narrow, table, transitions[table, narrow[:, None]]


def viterbi_batch(
    scores: np.ndarray, lengths: Sequence[int], transitions: np.ndarray, start: np.ndarray
) -> list[list[int]]:
    """Best label index paths for a (batch, time, labels) score array; rows past a length are ignored.

    Only allowed transitions are scored: an I-X label looks at its two possible predecessors instead
    of all labels, which halves the work per step. Each sentence's final scores are kept from the
    step of its own last word, and the back-pointers are followed for the whole batch at once.
    """
    batch, steps, n_labels = scores.shape
    open_labels, narrow, table, narrow_transitions = _predecessors(transitions)
    incoming = np.ascontiguousarray(transitions[:, open_labels].T)  # [to, from]: reduce the last axis
    lengths_arr = np.asarray(lengths)
    best = scores[:, 0] + start
    final = best.copy()
    back = np.zeros((steps, batch, n_labels), dtype=np.intp)
    narrow_rows = np.arange(len(narrow))
    for t in range(1, steps):
        candidates = best[:, None, :] + incoming
        pointers = candidates.argmax(axis=2)
        stepped = np.empty_like(best)
        stepped[:, open_labels] = np.take_along_axis(candidates, pointers[:, :, None], axis=2)[:, :, 0]
        back[t][:, open_labels] = pointers
        narrow_candidates = best[:, table] + narrow_transitions
        choice = narrow_candidates.argmax(axis=2)
        stepped[:, narrow] = np.take_along_axis(narrow_candidates, choice[:, :, None], axis=2)[:, :, 0]
        back[t][:, narrow] = table[narrow_rows, choice]
        best = stepped + scores[:, t]
        ending = lengths_arr == t + 1
        final[ending] = best[ending]
    last = final.argmax(axis=1)
    label = last
    paths = np.empty((batch, steps), dtype=np.intp)
    paths[:, steps - 1] = label
    rows = np.arange(batch)
    for t in range(steps - 1, 0, -1):  # `label` is right at t for every sentence longer than t
        label = np.where(lengths_arr == t, last, back[t, rows, label])
        paths[:, t - 1] = label
    return [path[:length] for path, length in zip(paths.tolist(), lengths, strict=True)]
