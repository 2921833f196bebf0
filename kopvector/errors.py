"""Errors a user can act on: each names the input and the problem, and the CLI turns it into exit code 2."""

from __future__ import annotations


class InputError(Exception):
    """An input (file, record, option) that kopvector cannot read, with the reason in plain words."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason
