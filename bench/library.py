"""A deterministic synthetic library from real paragraphs (corpus/ and ../shared/testdata), read at run time."""

from __future__ import annotations

import os
import random
from pathlib import Path

from reader.documents import load_document
from reader.documents.library import iter_documents

REPO = Path(__file__).resolve().parents[1]
SOURCES = [REPO / "corpus", Path(os.environ.get("READER_SHARED_DIR") or REPO.parent / "shared") / "testdata"]


def paragraphs() -> list[str]:
    out: list[str] = []
    for path in iter_documents([s for s in SOURCES if s.exists()]):
        out.extend(p for p in load_document(path).text.split("\n") if len(p.strip()) >= 8)
    return out


def build(target: Path, megabytes: float, seed: int = 7) -> int:
    """Write files of 50–400 KB until `megabytes`; every fourth one GB18030. Returns the bytes written."""
    rng, pool = random.Random(seed), paragraphs()
    target.mkdir(parents=True, exist_ok=True)
    total, number = 0, 0
    while total < megabytes * 1_000_000:
        size = rng.randint(50_000, 400_000)
        lines, length = [f"# 文档 {number} Document {number}"], 0
        while length < size:
            if rng.random() < 0.03:
                lines.append(f"\n## 第{len(lines)}节 Section {len(lines)}\n")
            line = rng.choice(pool)
            lines.append(line)
            length += len(line.encode("utf-8"))
        text = "\n".join(lines) + "\n"
        data, suffix = text.encode("utf-8"), ".md"
        if number % 4 == 3:
            try:
                data, suffix = text.encode("gb18030"), ".txt"
            except UnicodeEncodeError:
                pass
        (target / f"doc{number:04d}{suffix}").write_bytes(data)
        total += len(data)
        number += 1
    return total
