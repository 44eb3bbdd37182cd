"""Loading documents: encoding detection, normalisation and the Document model."""

from reader.documents.errors import (
    BinaryFileError,
    DecodingError,
    DocumentError,
    EmptyFileError,
    TooLargeError,
    UnreadableError,
)
from reader.documents.loader import (
    MAX_BYTES,
    Decoded,
    decode_bytes,
    decode_text,
    load_document,
    normalize_newlines,
)
from reader.documents.model import Document, document_kind, is_supported

__all__ = [
    "BinaryFileError",
    "Decoded",
    "DecodingError",
    "Document",
    "DocumentError",
    "EmptyFileError",
    "MAX_BYTES",
    "TooLargeError",
    "UnreadableError",
    "decode_bytes",
    "decode_text",
    "document_kind",
    "is_supported",
    "load_document",
    "normalize_newlines",
]
