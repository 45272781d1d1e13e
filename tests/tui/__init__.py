"""Tests of the review TUI (on SQLite: see conftest.py)."""
