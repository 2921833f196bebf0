"""Kazakh language data and processing: Latin script, tokens and sentences, morphology."""
