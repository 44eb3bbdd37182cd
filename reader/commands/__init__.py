"""CLI subcommands: one module each, with `register(subparsers)` setting `func` on its parser."""
