"""A deterministic synthetic library from real paragraphs (corpus/ and ../shared/testdata), read at run time."""

from __future__ import annotations

import os
import random
from pathlib import Path

from reader.documents import load_document
from reader.documents.library import iter_documents

REPO = Path(__file__).resolve().parents[1]
SOURCES = [REPO / "corpus", Path(os.environ.get("READER_SHARED_DIR") or REPO.parent / "shared") / "testdata"]
CHANGED = "changed-5mb.txt"  # the file the incremental update changes
CHANGED_BYTES = 5_000_000


def paragraphs() -> list[str]:
    out: list[str] = []
    for path in iter_documents([s for s in SOURCES if s.exists()]):
        out.extend(p for p in load_document(path).text.split("\n") if len(p.strip()) >= 8)
    return out


def _text(rng: random.Random, pool: list[str], number: int, size: int) -> str:
    lines, length = [f"# 文档 {number} Document {number}"], 0
    while length < size:
        if rng.random() < 0.03:
            lines.append(f"\n## 第{len(lines)}节 Section {len(lines)}\n")
        line = rng.choice(pool)
        lines.append(line)
        length += len(line.encode("utf-8"))
    return "\n".join(lines) + "\n"


def build(target: Path, megabytes: float, seed: int = 7) -> int:
    """Write files of 50–400 KB until `megabytes`, one of them the 5 MB file `CHANGED` (CRLF); every
    fourth file GB18030, every fifth with CRLF line ends. Returns the bytes written."""
    rng, pool = random.Random(seed), paragraphs()
    target.mkdir(parents=True, exist_ok=True)
    changed = _text(rng, pool, -1, CHANGED_BYTES).replace("\n", "\r\n").encode("utf-8")
    (target / CHANGED).write_bytes(changed)
    total, number = len(changed), 0
    while total < megabytes * 1_000_000:
        text = _text(rng, pool, number, rng.randint(50_000, 400_000))
        if number % 5 == 2:
            text = text.replace("\n", "\r\n")
        data, suffix = text.encode("utf-8"), ".md"
        if number % 4 == 3:
            try:
                data, suffix = text.encode("gb18030"), ".txt"
            except UnicodeEncodeError:
                pass
        (target / f"doc{number:05d}{suffix}").write_bytes(data)
        total += len(data)
        number += 1
    return total
