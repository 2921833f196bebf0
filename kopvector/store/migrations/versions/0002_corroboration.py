"""Corroborations: each judged fact's status against a reference (UN peacekeeping data, the catalog).

The table starts empty: `kopvector ingest` judges every stored fact of the judged kinds after each
run, so a store from before this revision gets its rows at its next ingest.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "corroborations",
        sa.Column("pk", sa.Integer, primary_key=True),
        sa.Column("fact_id", sa.String(40), sa.ForeignKey("facts.id"), nullable=False, unique=True),
        sa.Column("status", sa.String(20), nullable=False, index=True),
        sa.Column("detail", sa.Text, nullable=False),
        sa.Column("reference", sa.String(40), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("corroborations")
