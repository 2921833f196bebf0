"""Opening input files the same way for every reader: the size limit, gzip known by its magic bytes,
and every problem as an `InputError` in plain words."""

from __future__ import annotations

import gzip
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from kopvector.errors import InputError
from kopvector.settings import Settings

GZIP_MAGIC = b"\x1f\x8b"


def over_limit(settings: Settings, size: int | None = None) -> str:
    """The reason given for anything larger than `settings.max_file_bytes` (of `size` bytes, if known)."""
    has = f"is {size:,} bytes, over" if size is not None else "is over"
    limit = f"{settings.max_file_bytes:,} bytes"
    return f"{has} the limit of {limit} (raise KOPVECTOR_MAX_FILE_BYTES to accept it)"


def cannot_read(exc: OSError) -> str:
    return f"cannot be read ({exc.strerror or exc})"


def read_limited(path: Path, settings: Settings) -> bytes:
    """The whole file, refusing a missing file, a folder or one over the size limit."""
    source = str(path)
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise InputError(source, cannot_read(exc)) from exc
    if not path.is_file():
        raise InputError(source, "is not a file")
    if size > settings.max_file_bytes:
        raise InputError(source, over_limit(settings, size))
    try:
        return path.read_bytes()
    except OSError as exc:
        raise InputError(source, cannot_read(exc)) from exc


@contextmanager
def open_stream(path: Path) -> Iterator[BinaryIO]:
    """The file for streaming, decompressed on the fly when it starts with the gzip magic bytes."""
    try:
        handle = path.open("rb")
        gzipped = handle.read(2) == GZIP_MAGIC
        handle.seek(0)
    except OSError as exc:
        raise InputError(str(path), cannot_read(exc)) from exc
    with handle:
        yield gzip.GzipFile(fileobj=handle) if gzipped else handle  # type: ignore[misc]
