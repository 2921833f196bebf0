"""Store stage: the analysed record kept in SQLite or PostgreSQL, ingested safely and read back by queries.

`database` opens and migrates a store, `ingest` fills it (with `workers` and `writer`), `duplicates`
clusters syndicated copies, `queries` answers the query commands.
"""
