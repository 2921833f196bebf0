"""Every setting is documented in the README (as in Datasette's tests/test_docs.py) and set from env."""

from dataclasses import fields
from pathlib import Path

from kopvector.settings import Settings

README = Path(__file__).resolve().parent.parent / "README.md"


def test_every_setting_is_documented_in_the_readme():
    readme = README.read_text(encoding="utf-8")
    missing = [f.metadata["env"] for f in fields(Settings) if f"`{f.metadata['env']}`" not in readme]
    assert missing == []


def test_environment_overrides_defaults():
    env = {"KOPVECTOR_MAX_FILE_BYTES": "1234", "KOPVECTOR_LANGUAGES": "kk, ru", "KOPVECTOR_NER_MODEL": "/x/m"}
    settings = Settings.from_env(env)
    assert settings.max_file_bytes == 1234
    assert settings.languages == ("kk", "ru")
    assert settings.ner_model == Path("/x/m")
    assert Settings.from_env({}) == Settings()
