"""Sources stage: readers that turn files into `Article` records."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from kopvector.document import Article
from kopvector.errors import InputError
from kopvector.settings import Settings
from kopvector.sources.plaintext import read_text_file


@dataclass(frozen=True, slots=True)
class SourceFailure:
    """A file or record that could not be read: where, which record, and why, in plain words."""

    source: str
    record: str | None
    reason: str


def read_sources(
    specs: Sequence[str], settings: Settings, stdin: BinaryIO | None = None
) -> Iterator[Article | SourceFailure]:
    """TEMPORARY plain-text only; replaced by the sources branch."""
    for spec in specs:
        path = Path(spec)
        files = sorted(p for p in path.rglob("*.txt")) if path.is_dir() else [path]
        for file in files:
            try:
                yield read_text_file(file, settings)
            except InputError as exc:
                yield SourceFailure(str(file), None, exc.reason)
