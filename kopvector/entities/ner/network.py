"""The neural half of the tagger, run in numpy: a bag of a word's own CRF attributes, embedded and
summed, then a one-layer BiLSTM and a linear layer giving per-token label log-probabilities.

It is trained in torch (`kopvector.entities.ner.neural_train`) but run here, so tagging needs only
numpy and the shipped weights stay one small ``.npz`` (~2.6 MB). The BiLSTM sees the whole sentence,
which the CRF's ±2 window cannot; `NerTagger` adds the two models' weighted scores.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np

WEIGHT_NAMES = ("embedding", "w_ih_f", "w_hh_f", "b_f", "w_ih_b", "w_hh_b", "b_b", "w_out", "b_out")


def network_path(model_path: Path) -> Path:
    """Where the network weights of a given .crfsuite model live."""
    return model_path.with_name(model_path.stem + ".bilstm.npz")


def _join(words: Sequence[str]) -> np.ndarray:
    return np.frombuffer("\n".join(words).encode("utf-8"), dtype=np.uint8)


def _split(raw: np.ndarray) -> list[str]:
    return raw.tobytes().decode("utf-8").split("\n")


def save_network(path: Path, features: Sequence[str], labels: Sequence[str], weights: dict) -> None:
    """Write weights with their feature vocabulary (row i+1 of the embedding) and labels: the
    embedding, nine tenths of the size, as int8 with a float16 scale per row, the rest as float16."""
    arrays = {name: np.asarray(weights[name], dtype=np.float16) for name in WEIGHT_NAMES[1:]}
    embedding = np.asarray(weights["embedding"], dtype=np.float32)
    scale = np.maximum(np.abs(embedding).max(axis=1, keepdims=True), 1e-8) / 127.0
    arrays["embedding"] = np.round(embedding / scale).astype(np.int8)
    arrays["embedding_scale"] = scale.astype(np.float16)
    np.savez_compressed(path, features=_join(features), labels=_join(labels), **arrays)


def _sigmoid(x: np.ndarray) -> np.ndarray:
    return 0.5 * np.tanh(0.5 * x) + 0.5


class BiLstmNetwork:
    """Loaded weights; `log_probs` scores a padded batch of attribute-id bags."""

    def __init__(self, path: Path) -> None:
        with np.load(path) as data:
            self.features: list[str] = _split(data["features"])
            self.labels: list[str] = _split(data["labels"])
            w = {name: data[name].astype(np.float32) for name in WEIGHT_NAMES}
            scale = data["embedding_scale"].astype(np.float32)
        self.embedding = w["embedding"] * scale
        self.hidden = w["w_hh_f"].shape[1]
        # torch's gate order is (i, f, g, o); (i, f, o, g) puts the three sigmoid gates side by side
        gates = np.arange(4 * self.hidden).reshape(4, self.hidden)[[0, 1, 3, 2]].ravel()
        # input projections of both directions in one matrix: one big matmul per batch
        self.w_ih = np.concatenate([w["w_ih_f"][gates], w["w_ih_b"][gates]], axis=0).T.copy()
        self.b_ih = np.concatenate([w["b_f"][gates], w["b_b"][gates]])
        self.w_hh = (w["w_hh_f"][gates].T.copy(), w["w_hh_b"][gates].T.copy())
        self.w_out = w["w_out"].T
        self.b_out = w["b_out"]

    def log_probs(self, bags: np.ndarray, lengths: Sequence[int]) -> np.ndarray:
        """(batch, time, labels) log-probabilities from summed embeddings `bags` (batch, time, dim)."""
        batch, steps, _ = bags.shape
        h4 = 4 * self.hidden
        gates_in = bags @ self.w_ih + self.b_ih
        lengths_arr = np.asarray(lengths)
        outputs = []
        for direction, w_hh in enumerate(self.w_hh):
            h = np.zeros((batch, self.hidden), dtype=np.float32)
            c = np.zeros_like(h)
            out = np.zeros((batch, steps, self.hidden), dtype=np.float32)
            times = range(steps) if direction == 0 else range(steps - 1, -1, -1)
            for t in times:
                g = gates_in[:, t, direction * h4 : (direction + 1) * h4] + h @ w_hh
                sig = _sigmoid(g[:, : 3 * self.hidden])
                i, f, o = np.split(sig, 3, axis=1)
                c_new = f * c + i * np.tanh(g[:, 3 * self.hidden :])
                h_new = o * np.tanh(c_new)
                if direction == 1:  # the backward pass must start fresh at each sentence's own end
                    active = (lengths_arr > t)[:, None]
                    c_new = np.where(active, c_new, 0.0)
                    h_new = np.where(active, h_new, 0.0)
                c, h = c_new, h_new
                out[:, t] = h
            outputs.append(out)
        logits = np.concatenate(outputs, axis=2) @ self.w_out + self.b_out
        logits -= logits.max(axis=2, keepdims=True)
        return logits - np.log(np.exp(logits).sum(axis=2, keepdims=True))
