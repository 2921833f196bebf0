"""The neural half of the tagger, run in numpy: a bag of a word's own CRF attributes, embedded and
summed, then a one-layer BiLSTM and a linear layer giving per-token label scores.

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


class BiLstmNetwork:
    """Loaded weights; `logits` scores a padded batch of attribute-id bags."""

    def __init__(self, path: Path) -> None:
        with np.load(path) as data:
            self.features: list[str] = _split(data["features"])
            self.labels: list[str] = _split(data["labels"])
            w = {name: data[name].astype(np.float32) for name in WEIGHT_NAMES}
            scale = data["embedding_scale"].astype(np.float32)
        self.embedding = w["embedding"] * scale
        self.hidden = w["w_hh_f"].shape[1]
        # torch's gate order is (i, f, g, o); (i, f, o, g) puts the three sigmoid gates side by side,
        # and halving their weights lets one tanh serve all four: sigmoid(x) = (tanh(x / 2) + 1) / 2
        gates = np.arange(4 * self.hidden).reshape(4, self.hidden)[[0, 1, 3, 2]].ravel()
        half = np.repeat(np.array([0.5, 0.5, 0.5, 1.0], dtype=np.float32), self.hidden)
        for name in ("w_ih_f", "w_hh_f", "b_f", "w_ih_b", "w_hh_b", "b_b"):
            w[name] = w[name][gates] * (half[:, None] if w[name].ndim == 2 else half)
        # input projections of both directions in one matrix: one big matmul per batch
        self.w_ih = np.concatenate([w["w_ih_f"], w["w_ih_b"]], axis=0).T.copy()
        self.b_ih = np.concatenate([w["b_f"], w["b_b"]])
        # both directions' recurrent weights stacked, so one batched matmul serves both per time step
        self.w_hh = np.stack([w["w_hh_f"].T, w["w_hh_b"].T])
        self.w_out = w["w_out"].T.copy()
        self.b_out = w["b_out"]

    def logits(self, bags: np.ndarray, lengths: Sequence[int]) -> np.ndarray:
        """(batch, time, labels) unnormalised label scores from summed embeddings `bags` (batch, time,
        dim). They differ from the log-probabilities by one constant per token, which no decoding sees.

        The backward direction reads each sentence reversed within its own length, so both directions
        run forward in one loop over (direction, sentence) rows and padding never needs masking: a
        padded step only ever follows a sentence's last word.
        """
        batch, steps, _ = bags.shape
        hidden, h4 = self.hidden, 4 * self.hidden
        gates_in = bags @ self.w_ih + self.b_ih
        t = np.arange(steps)
        ends = np.asarray(lengths)[:, None]
        reverse = np.where(t < ends, ends - 1 - t, t)  # (batch, time): a permutation per sentence
        rows = np.arange(batch)[:, None]
        # (time, direction, batch, 4*hidden), contiguous per step
        per_step = np.stack([gates_in[:, :, :h4], gates_in[rows, reverse, h4:]]).transpose(2, 0, 1, 3).copy()
        h = np.zeros((2, batch, hidden), dtype=np.float32)
        c = np.zeros_like(h)
        out = np.empty((steps, 2, batch, hidden), dtype=np.float32)
        for step in range(steps):
            g = np.tanh(per_step[step] + h @ self.w_hh)
            sig = g[:, :, : 3 * hidden]
            sig += 1.0
            sig *= 0.5
            c = sig[:, :, hidden : 2 * hidden] * c + sig[:, :, :hidden] * g[:, :, 3 * hidden :]
            h = sig[:, :, 2 * hidden : 3 * hidden] * np.tanh(c)
            out[step] = h
        forward = out[:, 0].transpose(1, 0, 2)
        backward = out[:, 1].transpose(1, 0, 2)[rows, reverse]
        return forward @ self.w_out[:hidden] + backward @ self.w_out[hidden:] + self.b_out
