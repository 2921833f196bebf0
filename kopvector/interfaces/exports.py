"""Export files of the store's tables (CSV, JSON Lines, Parquet) and the readers that load them back.

The rows are exactly the query answers (`kopvector.store.queries`), so an export read back with
`read_table` equals what `kopvector facts|quotes|entities` show. Each table has one declared column
list (`TABLES`) that fixes the column order in every format and the Parquet types:

- JSON Lines keeps every value as the query gives it, one object per line.
- Parquet uses real types: `published` is a date, `sources` a list of strings (of structs for
  articles), a quote's `speaker` and an entity's `name` are structs. A fact's `args` and `plover`
  differ in shape from kind to kind, so they are JSON strings (`json_extract` in duckdb,
  `json.loads` in pandas) rather than structs that would pad every row with the other kinds' roles.
- CSV writes text as it is, numbers as numbers and every nested value (args, plover, speaker, name,
  sources) as JSON; an empty cell is null. The store never holds an empty text (its sources store a
  missing title, URL or outlet as null), so that convention reads back exactly.

Every file is written to a temporary file beside its destination and renamed into place, so an
interrupted or failed export leaves either the old file or the new one, never half of one.
"""

from __future__ import annotations

import csv
import json
import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import IO, Any

import pyarrow as pa
import pyarrow.parquet as pq


@dataclass(frozen=True, slots=True)
class Column:
    """One exported column: its name, its Parquet type, and whether Parquet holds it as a JSON string."""

    name: str
    type: pa.DataType
    json: bool = False


_TEXT, _DATE, _TEXTS = pa.string(), pa.date32(), pa.list_(pa.string())
_SOURCE = pa.struct(
    [("location", _TEXT), ("url", _TEXT), ("outlet", _TEXT), ("title", _TEXT), ("published", _DATE)]
)

TABLES: dict[str, tuple[Column, ...]] = {
    "facts": (
        Column("id", _TEXT),
        Column("kind", _TEXT),
        Column("args", _TEXT, json=True),
        Column("time", _TEXT),
        Column("time_text", _TEXT),
        Column("modality", _TEXT),
        Column("plover", _TEXT, json=True),
        Column("confidence", pa.float64()),
        Column("evidence", _TEXT),
        Column("article_id", _TEXT),
        Column("published", _DATE),
        Column("title", _TEXT),
        Column("sources", _TEXTS),
    ),
    "quotes": (
        Column("speaker", pa.struct([("id", _TEXT), ("name", _TEXT), ("role", _TEXT)])),
        Column("text", _TEXT),
        Column("kind", _TEXT),
        Column("cue", _TEXT),
        Column("evidence", _TEXT),
        Column("article_id", _TEXT),
        Column("published", _DATE),
        Column("title", _TEXT),
        Column("sources", _TEXTS),
    ),
    "entities": (
        Column("id", _TEXT),
        Column("type", _TEXT),
        Column("name", pa.struct([("kk", _TEXT), ("ru", _TEXT), ("en", _TEXT)])),
        Column("mentions", pa.int64()),
        Column("articles", pa.int64()),
    ),
    "articles": (
        Column("id", _TEXT),
        Column("cluster", _TEXT),
        Column("url", _TEXT),
        Column("outlet", _TEXT),
        Column("published", _DATE),
        Column("title", _TEXT),
        Column("language", _TEXT),
        Column("script", _TEXT),
        Column("pipeline_version", _TEXT),
        Column("sources", pa.list_(_SOURCE)),
        Column("text", _TEXT),
    ),
}
"""The exportable tables, in the order they are exported, with their columns in file order."""

_READABLE, _LISTABLE = 0o644, 0o755
_LONGEST_CELL = 2**31 - 1
SUFFIX = {"csv": ".csv", "jsonl": ".jsonl", "parquet": ".parquet"}
"""The tabular formats (`fmt` below) and the file name suffix of each."""


def write_table(rows: list[dict[str, Any]], table: str, fmt: str, path: Path) -> None:
    """Write query rows of `table` to `path` in `fmt` (csv, jsonl or parquet), replacing it atomically."""
    columns = TABLES[table]
    if fmt == "parquet":
        with atomic_file(path, binary=True) as handle:
            pq.write_table(_arrow_table(rows, columns), handle)
    elif fmt == "csv":
        with atomic_file(path) as handle:
            writer = csv.writer(handle, lineterminator="\n")
            writer.writerow([c.name for c in columns])
            writer.writerows([_csv_cell(row[c.name]) for c in columns] for row in rows)
    else:
        write_jsonl([{c.name: row[c.name] for c in columns} for row in rows], path)


def write_folder(tables: dict[str, list[dict[str, Any]]], fmt: str, folder: Path) -> None:
    """Write each table as `folder/<table><suffix>`, all or nothing.

    The files are first written into a staging folder beside `folder` and then moved in, so a failure
    part-way leaves `folder` as it was. Other files already in `folder` are kept.
    """
    staging = Path(tempfile.mkdtemp(dir=folder.parent, prefix=f".{folder.name}.", suffix=".part"))
    try:
        for table, rows in tables.items():
            write_table(rows, table, fmt, staging / f"{table}{SUFFIX[fmt]}")
        if not folder.exists():
            os.chmod(staging, _LISTABLE)
            os.replace(staging, folder)
        else:
            for staged in sorted(staging.iterdir()):
                os.replace(staged, folder / staged.name)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def write_jsonl(rows: list[dict[str, Any]], path: Path) -> None:
    """One JSON object per line, UTF-8 as it is (no \\u escapes), replacing `path` atomically."""
    with atomic_file(path) as handle:
        handle.writelines(json.dumps(row, ensure_ascii=False) + "\n" for row in rows)


def read_table(path: Path, table: str, fmt: str) -> list[dict[str, Any]]:
    """The rows of an exported `table` file, equal to the query rows that were written."""
    columns = TABLES[table]
    if fmt == "parquet":
        found = pq.read_table(path).to_pylist()
        return [{c.name: _from_arrow(c, row[c.name]) for c in columns} for row in found]
    if fmt == "csv":
        return [{c.name: _from_csv(c, row[c.name]) for c in columns} for row in _csv_rows(path)]
    return read_jsonl(path)


def _csv_rows(path: Path) -> list[dict[str, str]]:
    """The rows of a CSV file by header name, with cells as long as a whole article's text.

    The csv module refuses cells over 128 KiB by default, and that limit is process-wide, so it is
    raised for this read only.
    """
    previous = csv.field_size_limit(_LONGEST_CELL)
    try:
        with open(path, encoding="utf-8", newline="") as handle:
            return list(csv.DictReader(handle))
    finally:
        csv.field_size_limit(previous)


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    """The objects of a JSON Lines file."""
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


@contextmanager
def atomic_file(path: Path, binary: bool = False) -> Iterator[IO[Any]]:
    """A temporary file beside `path` that replaces `path` only when the block succeeds.

    The file gets the usual rw-r--r-- permissions (a temporary file is private to its owner).
    """
    fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".part")
    try:
        os.chmod(temporary, _READABLE)
        mode, text = ("wb", None) if binary else ("w", "utf-8")
        with open(fd, mode, encoding=text, newline=None if binary else "") as handle:
            yield handle
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _arrow_table(rows: list[dict[str, Any]], columns: tuple[Column, ...]) -> pa.Table:
    """Rows as an Arrow table: built with dates as ISO text, then cast to the declared types."""
    wire = pa.schema([(c.name, _dates_as_text(c.type)) for c in columns])
    table = pa.Table.from_pylist(
        [{c.name: _to_arrow(c, row[c.name]) for c in columns} for row in rows], schema=wire
    )
    return table.cast(pa.schema([(c.name, c.type) for c in columns]))


def _dates_as_text(kind: pa.DataType) -> pa.DataType:
    if kind == _DATE:
        return _TEXT
    if pa.types.is_list(kind):
        return pa.list_(_dates_as_text(kind.value_type))
    if pa.types.is_struct(kind):
        return pa.struct([(f.name, _dates_as_text(f.type)) for f in kind])
    return kind


def _to_arrow(column: Column, value: Any) -> Any:
    return json.dumps(value, ensure_ascii=False) if column.json and value is not None else value


def _from_arrow(column: Column, value: Any) -> Any:
    if column.json and value is not None:
        return json.loads(value)
    return _iso_dates(value)


def _iso_dates(value: Any) -> Any:
    """Dates anywhere inside a value as ISO text, as the queries give them."""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list):
        return [_iso_dates(v) for v in value]
    if isinstance(value, dict):
        return {k: _iso_dates(v) for k, v in value.items()}
    return value


def _csv_cell(value: Any) -> str:
    """Text as it is, null as an empty cell, anything else (numbers, lists, objects) as JSON."""
    if value is None:
        return ""
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def _from_csv(column: Column, cell: str) -> Any:
    if cell == "":
        return None
    return cell if column.type in (_TEXT, _DATE) and not column.json else json.loads(cell)
