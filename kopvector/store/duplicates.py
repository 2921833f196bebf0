"""Near-duplicate detection: MinHash signatures (datasketch) banded into keys the store indexes.

Syndicated copies of one agency story differ by a headline, a byline or a trimmed paragraph; word
3-gram MinHash with a Jaccard threshold of 0.8 finds them. datasketch computes the signatures; the
LSH bands are kept as rows of `article_bands` rather than in datasketch's in-memory index, so the
index survives restarts, grows with the archive, and is the same on SQLite and PostgreSQL.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

import numpy as np
from datasketch import MinHash

PERMUTATIONS = 120
BANDS = 20
ROWS = PERMUTATIONS // BANDS
SHINGLE = 3
_WORD = re.compile(r"\w+")
_SIGNED_63 = (1 << 63) - 1


@dataclass(frozen=True, slots=True)
class Signature:
    """An article's MinHash values, as stored (`to_bytes`) and as band keys for candidate lookup."""

    values: np.ndarray

    @classmethod
    def of(cls, text: str) -> Signature:
        words = _WORD.findall(text.casefold())
        shingles = {" ".join(words[i : i + SHINGLE]) for i in range(max(1, len(words) - SHINGLE + 1))}
        minhash = MinHash(num_perm=PERMUTATIONS, seed=1)
        minhash.update_batch([s.encode("utf-8") for s in shingles])
        return cls(minhash.hashvalues.astype(np.uint32))

    @classmethod
    def from_bytes(cls, data: bytes) -> Signature:
        return cls(np.frombuffer(data, dtype=np.uint32))

    def to_bytes(self) -> bytes:
        return self.values.tobytes()

    def band_keys(self) -> list[int]:
        """One 63-bit key per band; two articles sharing any key are candidates."""
        keys = []
        for band in range(BANDS):
            chunk = self.values[band * ROWS : (band + 1) * ROWS].tobytes()
            digest = hashlib.blake2b(band.to_bytes(1, "big") + chunk, digest_size=8).digest()
            keys.append(int.from_bytes(digest, "big") & _SIGNED_63)
        return keys

    def similarity(self, other: Signature) -> float:
        """Estimated Jaccard similarity of the two articles' shingle sets."""
        return float(np.count_nonzero(self.values == other.values)) / PERMUTATIONS
