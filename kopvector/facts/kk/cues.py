"""The Kazakh fact cues: the words the rules read, kept as data in `data/kk_fact_cues.yaml`."""

from __future__ import annotations

from importlib import resources
from typing import Any

import yaml


def load_cues() -> dict[str, Any]:
    text = (resources.files("kopvector.facts") / "data" / "kk_fact_cues.yaml").read_text(encoding="utf-8")
    return yaml.safe_load(text)
