"""Printing query answers as a readable table, JSON Lines or CSV, like Datasette's .json/.csv renderers.

Nested values (a fact's args, a quote's speaker, a list of sources) are flattened for tables and
CSV: lists are joined with "; ", objects become `key=value` pairs; JSON keeps them as they are.
"""

from __future__ import annotations

import csv
import json
import shutil
import sys
from enum import StrEnum
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

_WIDTH_WHEN_PIPED = 160
_WIDE = {"evidence": 4, "text": 4, "what": 3, "snippet": 4, "args": 3, "name": 2, "title": 2, "sources": 2}


class QueryFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"


def emit(rows: list[dict[str, Any]], columns: list[str], output_format: QueryFormat, title: str) -> None:
    """Print `rows` (only `columns`, in that order) in the chosen format to stdout."""
    if output_format is QueryFormat.json:
        for row in rows:
            sys.stdout.write(json.dumps({c: row[c] for c in columns}, ensure_ascii=False) + "\n")
    elif output_format is QueryFormat.csv:
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(columns)
        writer.writerows([flat(row[c]) for c in columns] for row in rows)
    else:
        table = Table(title=f"{title} ({len(rows)})", show_lines=True, expand=True)
        for column in columns:
            table.add_column(column, overflow="fold", ratio=_WIDE.get(column))
        for row in rows:
            table.add_row(*(flat(_short(c, row[c])) for c in columns))
        Console(width=shutil.get_terminal_size((_WIDTH_WHEN_PIPED, 24)).columns).print(table)


def _short(column: str, value: Any) -> Any:
    """In a table, a local file source is shown by its name; JSON and CSV keep the full path."""
    if column == "sources":
        return [v if "://" in v else Path(v).name for v in value]
    return value


def flat(value: Any) -> str:
    """One cell's text for a table or CSV."""
    if value is None:
        return ""
    if isinstance(value, list):
        return "; ".join(flat(v) for v in value)
    if isinstance(value, dict):
        return ", ".join(f"{k}={flat(v)}" for k, v in value.items() if v not in (None, "", []))
    return str(value)
