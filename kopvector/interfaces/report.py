"""A readable summary of one analysed article for `kopvector analyze --format text`: mentions, facts
with their evidence, and quotes grouped by speaker."""

from __future__ import annotations

from collections import Counter

from rich.console import Console
from rich.table import Table

from kopvector.document import Doc


def print_report(doc: Doc, console: Console) -> None:
    """Article line, then the mentions as a table (sentence, text, label, lemma, entity)."""
    article = doc.article
    published = article.published.isoformat() if article.published else "no date"
    title = article.title or article.text.strip().split("\n", 1)[0][:80]
    console.print(f"[bold]{title}[/]  ({published}, {doc.language}, {doc.script})", highlight=False)
    console.print(
        f"{article.path or article.id[:12]} · {len(doc.sentences)} sentences · {len(doc.tokens)} tokens · "
        f"{len(doc.mentions)} mentions",
        style="dim",
        highlight=False,
    )
    labels = Counter(m.label for m in doc.mentions)
    if labels:
        console.print(", ".join(f"{label} {n}" for label, n in labels.most_common()), highlight=False)
    table = Table(show_lines=False)
    for column in ("sent", "text", "label", "lemma", "entity"):
        table.add_column(column, overflow="fold")
    for m in doc.mentions:
        table.add_row(str(m.sentence), m.text, m.label, m.lemma, m.entity or "")
    console.print(table)
    if doc.facts:
        facts = Table(title="facts", show_lines=True)
        for column in ("kind", "arguments", "time", "modality", "evidence"):
            facts.add_column(column, overflow="fold")
        for f in doc.facts:
            args = ", ".join(f"{k}={v}" for k, v in f.args.items())
            facts.add_row(f.kind, args, f.time or "", f.modality, f.evidence.text)
        console.print(facts)
    speakers: dict[str, list[str]] = {}
    for q in doc.quotes:
        who = q.speaker.name or q.speaker.entity or "?"
        if q.speaker.role:
            who += f" ({q.speaker.role})"
        speakers.setdefault(who, []).append(f"[{q.kind}, {q.cue}] {q.text}")
    for who, said in speakers.items():
        console.print(f"[bold]{who}[/]", highlight=False)
        for line in said:
            console.print(f"  {line}", highlight=False, markup=False)
    console.print()
