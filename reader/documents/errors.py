"""Errors raised for documents the reader cannot open, each with a message fit for a user."""

from __future__ import annotations


class DocumentError(Exception):
    """A document could not be opened; str(error) is a message for the user."""


class UnreadableError(DocumentError):
    """The path does not exist, is a folder, or cannot be read."""


class EmptyFileError(DocumentError):
    """The file holds no bytes (or only a BOM)."""


class BinaryFileError(DocumentError):
    """The file is not text: NUL bytes or a known binary signature."""


class TooLargeError(DocumentError):
    """The file is larger than the reader accepts."""


class DecodingError(DocumentError):
    """The bytes do not decode with the requested or any known encoding."""
