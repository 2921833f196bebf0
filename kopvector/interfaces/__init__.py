"""Interfaces: the command line and the schema v1 record."""
