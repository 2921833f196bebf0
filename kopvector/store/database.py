"""Opening a store: a database URL (or a SQLite file path) becomes a migrated SQLAlchemy engine.

SQLite is the embedded default and runs in WAL mode, so readers (Datasette, a second terminal) never
block an ingest and a killed process leaves only whole transactions behind. PostgreSQL is reached
with psycopg 3. Migrations are Alembic's, shipped inside the package and run on every open.
"""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url

from kopvector.errors import InputError

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def database_url(target: str) -> str:
    """A SQLAlchemy URL for `target`: a URL as given (postgresql:// uses psycopg 3) or a SQLite file path."""
    if "://" not in target:
        return f"sqlite:///{Path(target).expanduser().resolve()}"
    url = make_url(target)
    if url.drivername in ("postgresql", "postgres"):
        url = url.set(drivername="postgresql+psycopg")
    return url.render_as_string(hide_password=False)


def _sqlite_pragmas(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()


def _postgres_session(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
    """Commits return before the WAL reaches the disk: a killed ingest still loses nothing committed
    (the server keeps it), and only a crash of the database host could drop the last fraction of a
    second, which a re-run restores. Per-article commits are several times faster this way."""
    with dbapi_connection.cursor() as cursor:
        cursor.execute("SET synchronous_commit TO OFF")
    dbapi_connection.commit()


def open_engine(target: str) -> Engine:
    """A migrated engine for `target`; an unreachable or unusable database is an `InputError`."""
    url = database_url(target)
    try:
        engine = create_engine(url)
    except Exception as exc:  # any driver or URL problem is the user's to fix
        raise InputError(target, f"is not a usable database URL ({exc})") from exc
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    elif engine.dialect.name == "postgresql":
        event.listen(engine, "connect", _postgres_session)
    try:
        migrate(engine)
    except Exception as exc:  # say which database failed, and why
        engine.dispose()
        problem = f"{exc.__class__.__name__}: {exc}"
        raise InputError(target, f"cannot be opened as a kopvector store ({problem})") from exc
    return engine


def migrate(engine: Engine) -> None:
    """Bring the schema to the newest Alembic revision (a no-op when it is there already)."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
