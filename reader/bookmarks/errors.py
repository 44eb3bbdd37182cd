"""Errors of the bookmark core, each with a message fit for a user."""

from __future__ import annotations


class BookmarkError(Exception):
    """A bookmark operation failed; str(error) is a message for the user."""


class StoreError(BookmarkError):
    """The bookmark store cannot be opened or used."""


class StoreLockedError(StoreError):
    """Another program holds the bookmark store's lock for too long."""


class StoreFullError(StoreError):
    """The disk holding the bookmark store is full: it can be read, not written."""


class StoreReadOnlyError(StoreError):
    """The bookmark store (or its folder) cannot be written: it can be read, not written."""


class StoreIOError(StoreError):
    """The operating system reported an I/O error on the bookmark store."""


class NotFoundError(BookmarkError):
    """No bookmark has the given id."""


class ImportRejectedError(BookmarkError):
    """An import file was refused as a whole; str(error) names the rejected entries and fields."""

    def __init__(self, message: str, reasons: list[str] | None = None) -> None:
        super().__init__(message)
        self.reasons = reasons or []
