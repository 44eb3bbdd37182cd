"""The short notes.md of the `notes_doc` fixture (tests/conftest.py), for tests that bookmark its passages."""

from __future__ import annotations

NOTES_TEXT = "# Notes\n\nThe first passage is here.\n\n## Part two\n\nThe second passage is here.\n"
