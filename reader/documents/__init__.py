"""Loading documents: encoding detection, normalisation and the Document model."""

from reader.documents.errors import (
    BinaryFileError,
    DecodingError,
    DocumentError,
    EmptyFileError,
    TooLargeError,
    UnreadableError,
)
from reader.documents.loader import MAX_BYTES, decode_bytes, load_document, normalize_newlines
from reader.documents.model import Document, document_kind, is_supported

__all__ = [
    "BinaryFileError",
    "DecodingError",
    "Document",
    "DocumentError",
    "EmptyFileError",
    "MAX_BYTES",
    "TooLargeError",
    "UnreadableError",
    "decode_bytes",
    "document_kind",
    "is_supported",
    "load_document",
    "normalize_newlines",
]
