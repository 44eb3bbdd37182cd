"""Errors of the bookmark core, each with a message fit for a user."""

from __future__ import annotations


class BookmarkError(Exception):
    """A bookmark operation failed; str(error) is a message for the user."""


class StoreError(BookmarkError):
    """The bookmark store cannot be opened or used."""


class StoreLockedError(StoreError):
    """Another program holds the bookmark store's lock for too long."""


class NotFoundError(BookmarkError):
    """No bookmark has the given id."""
