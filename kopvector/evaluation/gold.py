"""Reading gold files: JSON Lines items over KazNERD sentences (by index) or our own article files.

KazNERD items store no third-party text: the sentence is read from the KazNERD file at run time and
its tokens joined with spaces, so token ranges map to character offsets.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from kopvector.document import Article
from kopvector.entities.ner.dataset import DEFAULT_DATA, read_iob2
from kopvector.errors import InputError
from kopvector.settings import Settings
from kopvector.sources.plaintext import article_id, read_text_file


@dataclass(frozen=True)
class GoldItem:
    """One gold item with its article; `token_starts` maps KazNERD token indices to offsets."""

    data: dict[str, Any]
    article: Article
    token_starts: tuple[int, ...] | None = None

    def char_span(self, evidence: dict[str, Any]) -> tuple[int, int]:
        """(start, end) in the article text of an evidence or mention given by tokens or offsets."""
        if "start" in evidence:
            return evidence["start"], evidence["end"]
        assert self.token_starts is not None
        tokens = self.article.text.split(" ")
        last = evidence["last"] - 1
        return self.token_starts[evidence["first"]], self.token_starts[last] + len(tokens[last])


def read_gold_items(path: Path, kaznerd: Path = DEFAULT_DATA) -> Iterator[GoldItem]:
    """The items of a gold file; sample paths are resolved from the working directory or the file's."""
    sentences = None
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"{path}:{number}", f"not valid JSON ({exc.msg})") from exc
        if item["source"] == "kaznerd-valid":
            if sentences is None:
                if not kaznerd.is_file():
                    raise InputError(str(kaznerd), "KazNERD file needed by this gold set is missing")
                sentences = read_iob2(kaznerd)
            tokens = sentences[item["sentence"]].tokens
            starts, position = [], 0
            for token in tokens:
                starts.append(position)
                position += len(token) + 1
            text = " ".join(tokens)
            published = date.fromisoformat(item["published"]) if item.get("published") else None
            yield GoldItem(item, Article(id=article_id(text), text=text, published=published), tuple(starts))
        else:
            bases = (Path.cwd(), *path.resolve().parents)
            source = next((b / item["source"] for b in bases if (b / item["source"]).is_file()), None)
            if source is None:
                raise InputError(f"{path}:{number}", f"article {item['source']!r} not found")
            yield GoldItem(item, read_text_file(source, Settings()))
