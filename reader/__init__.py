"""Reader: an offline desktop reader for long documents."""

__version__ = "0.1.0"
