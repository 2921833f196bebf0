"""Word clusters from unlabelled text: hierarchical k-means over PPMI-SVD context vectors.

Brown clusters help CRF NER by giving rare words the statistics of frequent look-alikes, but Brown
clustering is too slow in Python. We get the same kind of coarse-to-fine path cheaply: each stem gets a
vector of its left/right neighbours (positive PMI, reduced by randomised SVD), and recursive k-means
assigns a path of hex digits, so a path prefix is a coarser cluster. numpy is needed only here, at
training time; the tagger just reads the paths.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

MIN_COUNT = 2
N_CONTEXTS = 1500
DIMENSIONS = 100
BRANCHING: tuple[int, ...] = (16, 16, 8)


def _context_matrix(corpus: Sequence[Sequence[str]], words: list[str], contexts: list[str]):
    import numpy as np

    word_index = {w: i for i, w in enumerate(words)}
    context_index = {c: i for i, c in enumerate(contexts)}
    n_ctx = len(contexts)
    counts = np.zeros((len(words), 4 * n_ctx), dtype=np.float32)
    for sentence in corpus:
        padded = ["<s>", "<s>", *sentence, "</s>", "</s>"]
        for position in range(2, len(padded) - 2):
            row = word_index.get(padded[position])
            if row is None:
                continue
            for slot, offset in enumerate((-2, -1, 1, 2)):
                col = context_index.get(padded[position + offset])
                if col is not None:
                    counts[row, slot * n_ctx + col] += 1.0
    total = counts.sum()
    row_sums = counts.sum(axis=1, keepdims=True) + 1e-9
    col_sums = counts.sum(axis=0, keepdims=True) ** 0.75 + 1e-9
    col_sums = col_sums / col_sums.sum() * total
    with np.errstate(divide="ignore"):
        pmi = np.log(counts * total / (row_sums * col_sums) + 1e-12)
    return np.maximum(pmi, 0.0)


def _reduce(matrix, dimensions: int, rng):
    import numpy as np

    probe = rng.standard_normal((matrix.shape[1], dimensions + 20)).astype(np.float32)
    basis, _ = np.linalg.qr(matrix @ probe)
    small = basis.T @ matrix
    u, s, _ = np.linalg.svd(small, full_matrices=False)
    vectors = (basis @ u[:, :dimensions]) * np.sqrt(s[:dimensions])
    norms = np.linalg.norm(vectors, axis=1, keepdims=True) + 1e-9
    return vectors / norms


def _kmeans(vectors, k: int, rng, iterations: int = 25):
    import numpy as np

    k = min(k, len(vectors))
    centres = vectors[rng.choice(len(vectors), size=k, replace=False)].copy()
    labels = np.zeros(len(vectors), dtype=np.int64)
    for _ in range(iterations):
        labels = np.argmax(vectors @ centres.T, axis=1)
        for j in range(k):
            members = vectors[labels == j]
            if len(members):
                centre = members.mean(axis=0)
                centres[j] = centre / (np.linalg.norm(centre) + 1e-9)
    return labels


def _split(vectors, indices, depth: int, prefix: str, rng, out: dict[int, str]) -> None:
    if depth == len(BRANCHING) or len(indices) < 2 * BRANCHING[depth]:
        for index in indices:
            out[int(index)] = prefix.ljust(len(BRANCHING), "0")
        return
    labels = _kmeans(vectors[indices], BRANCHING[depth], rng)
    for j in range(BRANCHING[depth]):
        members = indices[labels == j]
        if len(members):
            _split(vectors, members, depth + 1, prefix + format(j, "x"), rng, out)


def cluster_words(corpus: Sequence[Sequence[str]], *, seed: int = 0) -> dict[str, str]:
    """Map each word seen at least MIN_COUNT times to a hex path (one digit per level)."""
    import numpy as np

    frequency = Counter(word for sentence in corpus for word in sentence)
    words = sorted(w for w, c in frequency.items() if c >= MIN_COUNT)
    contexts = [w for w, _ in sorted(frequency.items(), key=lambda item: (-item[1], item[0]))[:N_CONTEXTS]]
    contexts += ["<s>", "</s>"]
    rng = np.random.default_rng(seed)
    vectors = _reduce(_context_matrix(corpus, words, contexts), DIMENSIONS, rng)
    paths: dict[int, str] = {}
    _split(vectors, np.arange(len(words)), 0, "", rng, paths)
    return {words[i]: path for i, path in paths.items()}
