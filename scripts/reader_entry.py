"""The frozen app's entry point (build.spec): the `reader` command, as `python -m reader` runs it."""

import multiprocessing
import sys

from reader.cli import main

if __name__ == "__main__":
    # whoosh may index with several processes; a frozen child must not re-run the whole app
    # (Windows and macOS start children by re-launching the executable).
    multiprocessing.freeze_support()
    sys.exit(main())
