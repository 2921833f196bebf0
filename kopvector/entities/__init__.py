"""Entities stage: named-entity recognition and mentions."""
