"""Helpers shared by the CLI subcommands: user-facing errors and JSON output."""

from __future__ import annotations

import json
import sys
from typing import Any

from reader.documents.names import escape_surrogates


class CommandError(Exception):
    """A failure to report on stderr as one clear line, with exit status 2 (or `status`)."""

    def __init__(self, message: str, status: int = 2) -> None:
        super().__init__(message)
        self.status = status


def print_json(value: Any) -> None:
    """Print `value` as JSON (UTF-8, not ASCII-escaped) on one line; a file name's bytes that are not
    UTF-8 (lone surrogates) are written as `\\udcXX` escapes, which `json.loads` turns back losslessly."""
    sys.stdout.write(escape_surrogates(json.dumps(value, ensure_ascii=False)) + "\n")
