"""Text stage: Unicode and punctuation normalization with an offset map back to the stored text."""
