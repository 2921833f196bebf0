"""Train the BiLSTM half of the tagger in torch (one thread, fixed seed) and export it for numpy.

It learns from the same jackknifed CRF attribute lists as the CRF, keeping a word's own attributes
(its context is the BiLSTM's job), with a softmax loss; `NerTagger` adds its weighted
log-probabilities to the CRF's scores. Torch is needed only here, at training time.
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from kopvector.entities.ner.features import is_context
from kopvector.entities.ner.network import save_network

if TYPE_CHECKING:
    import torch


@dataclass(frozen=True)
class NetworkConfig:
    """Sizes and schedule of the network; defaults are what the shipped model uses."""

    dim: int = 64
    hidden: int = 64
    dropout: float = 0.4
    epochs: int = 25
    batch_size: int = 32
    learning_rate: float = 2e-3
    min_count: int = 2


def feature_vocabulary(xseqs: Sequence[Sequence[Sequence[str]]], min_count: int) -> list[str]:
    """A word's own attributes seen at least `min_count` times, sorted (row i+1 of the embedding)."""
    counts = Counter(a for xseq in xseqs for attributes in xseq for a in attributes if not is_context(a))
    return sorted(a for a, count in counts.items() if count >= min_count)


def train_network(
    xseqs: Sequence[Sequence[Sequence[str]]],
    yseqs: Sequence[Sequence[str]],
    labels: Sequence[str],
    out: Path,
    *,
    seed: int = 0,
    config: NetworkConfig | None = None,
) -> None:
    """Fit the network on attribute lists `xseqs` with gold tags `yseqs`; write it to `out` (.npz)."""
    import torch
    from torch import nn

    config = config or NetworkConfig()
    torch.set_num_threads(1)
    torch.manual_seed(seed)
    rng = random.Random(seed)
    features = feature_vocabulary(xseqs, config.min_count)
    index = {a: i + 1 for i, a in enumerate(features)}
    label_index = {label: i for i, label in enumerate(labels)}
    bags = [[[index[a] for a in attributes if a in index] for attributes in xseq] for xseq in xseqs]
    targets = [[label_index[tag] for tag in tags] for tags in yseqs]

    class Net(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.bag = nn.EmbeddingBag(len(features) + 1, config.dim, mode="sum", padding_idx=0)
            self.drop = nn.Dropout(config.dropout)
            self.lstm = nn.LSTM(config.dim, config.hidden, batch_first=True, bidirectional=True)
            self.out = nn.Linear(2 * config.hidden, len(labels))

        def forward(self, flat: torch.Tensor, offsets: torch.Tensor, lengths: list[int]) -> torch.Tensor:
            x = self.drop(self.bag(flat, offsets).view(len(lengths), max(lengths), -1))
            packed = nn.utils.rnn.pack_padded_sequence(x, lengths, batch_first=True, enforce_sorted=False)
            h, _ = self.lstm(packed)
            h, _ = nn.utils.rnn.pad_packed_sequence(h, batch_first=True, total_length=max(lengths))
            return self.out(self.drop(h))

    def batch_tensors(ids: Sequence[int]) -> tuple[torch.Tensor, torch.Tensor, list[int], torch.Tensor]:
        lengths = [len(bags[i]) for i in ids]
        steps = max(lengths)
        flat: list[int] = []
        offsets: list[int] = []
        gold = torch.full((len(ids), steps), -1, dtype=torch.long)
        for row, i in enumerate(ids):
            for t in range(steps):
                offsets.append(len(flat))
                if t < lengths[row]:
                    flat.extend(bags[i][t])
            gold[row, : lengths[row]] = torch.tensor(targets[i])
        return torch.tensor(flat, dtype=torch.long), torch.tensor(offsets), lengths, gold

    net = Net()
    optimizer = torch.optim.Adam(net.parameters(), lr=config.learning_rate)
    schedule = torch.optim.lr_scheduler.LambdaLR(optimizer, lambda epoch: 1.0 - epoch / config.epochs)
    loss_fn = nn.CrossEntropyLoss(ignore_index=-1)
    pool = config.batch_size * 50  # shuffle, then batch similar lengths within pools of 50 batches
    for _ in range(config.epochs):
        net.train()
        order = list(range(len(bags)))
        rng.shuffle(order)
        batches: list[list[int]] = []
        for start in range(0, len(order), pool):
            chunk = sorted(order[start : start + pool], key=lambda i: len(bags[i]))
            batches += [chunk[k : k + config.batch_size] for k in range(0, len(chunk), config.batch_size)]
        rng.shuffle(batches)
        for ids in batches:
            flat, offsets, lengths, gold = batch_tensors(ids)
            logits = net(flat, offsets, lengths)
            loss = loss_fn(logits.reshape(-1, len(labels)), gold.reshape(-1))
            optimizer.zero_grad()
            loss.backward()
            nn.utils.clip_grad_norm_(net.parameters(), 5.0)
            optimizer.step()
        schedule.step()

    save_network(out, features, labels, exported_weights(net.bag.weight, net.lstm, net.out))


def exported_weights(
    embedding: torch.Tensor, lstm: torch.nn.LSTM, out: torch.nn.Linear
) -> dict[str, np.ndarray]:
    """The torch layers' weights under the names `save_network` expects (LSTM biases summed)."""
    weights = {
        "embedding": embedding,
        "w_ih_f": lstm.weight_ih_l0,
        "w_hh_f": lstm.weight_hh_l0,
        "b_f": lstm.bias_ih_l0 + lstm.bias_hh_l0,
        "w_ih_b": lstm.weight_ih_l0_reverse,
        "w_hh_b": lstm.weight_hh_l0_reverse,
        "b_b": lstm.bias_ih_l0_reverse + lstm.bias_hh_l0_reverse,
        "w_out": out.weight,
        "b_out": out.bias,
    }
    return {name: value.detach().numpy() for name, value in weights.items()}
