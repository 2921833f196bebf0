"""Evaluation against gold data: lemmas (CoNLL-U) and named entities (CoNLL IOB2)."""
