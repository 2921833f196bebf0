"""kopvector: a sourced, queryable record of Kazakhstan's foreign policy read from the news."""

__version__ = "0.1.0"
SCHEMA = "kopvector.record/1"
