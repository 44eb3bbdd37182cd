"""One engine's measurements, each phase in its own process: `python -m bench.engines ENGINE PHASE LIBRARY WORK OUT`
(PHASE: build, then query; the reader's build also times an incremental update of the 5 MB file)."""

from __future__ import annotations

import json
import os
import resource
import sqlite3
import statistics
import sys
import time
from pathlib import Path

from bench.library import CHANGED

QUERIES = [
    "的", "学", "学习", "发展", "工作", "党建", "贾宝玉", "林黛玉", "大学习、大调研", "學習", "乡村振兴",
    "命令行", "宝玉 黛玉", "紅樓夢", "發展", "贾宝玉笑道", "王熙凤", "中国特色社会主义", "turtle", "\"mock turtle\"",
    "command", "alice rabbit", "grep",
]
ROUNDS = 3


def _percentiles(values: list[float]) -> dict[str, float]:
    values = sorted(values)
    return {"p50": statistics.median(values), "p95": values[min(len(values) - 1, int(round(0.95 * (len(values) - 1))))],
            "max": values[-1]}


def _du(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def _rss() -> tuple[float, float]:
    return (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
            resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024)


def _rss_parts() -> dict[str, float]:
    """This process's resident memory now, MB: anonymous (its own) and file-backed (mapped index pages)."""
    parts = {}
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(("RssAnon:", "RssFile:")):
            parts["query_" + line.split(":")[0].lower().replace("rss", "rss_") + "_mb"] = int(line.split()[1]) / 1024
    return parts


def _touch(library: Path) -> Path:
    """Change the 5 MB file (one line appended), as an editor saving it would."""
    path = library / CHANGED
    with path.open("ab") as out:
        out.write("\n补记：又添一行。\n".encode("utf-8"))
    return path


def reader_build(library: Path, work: Path) -> dict:
    from reader.search import SearchService

    service = SearchService(work / "index")
    started = time.perf_counter()
    report = service.update([library])
    build = time.perf_counter() - started
    rss, children = _rss()
    _touch(library)
    started = time.perf_counter()
    again = service.update([library])
    incremental = time.perf_counter() - started
    return {"build_s": build, "build_rss_mb": max(rss, children), "incremental_s": incremental,
            "incremental_files": len(again.updated) + len(again.added), "skipped": len(report.skipped),
            "index_bytes": _du(work / "index") - _du(work / "index" / "texts"),
            "texts_bytes": _du(work / "index" / "texts")}


def reader_query(library: Path, work: Path) -> dict:
    from reader.search import SearchService

    service = SearchService(work / "index")
    first, total, hits, exact = [], [], {}, {}
    for _round in range(ROUNDS):
        for query in QUERIES:
            response = service.search(query, [library], limit=20, exact_total=False)
            first.append(response.elapsed_ms)
            exact[query] = response.total_exact
            response = service.search(query, [library], limit=20)
            total.append(response.elapsed_ms)
            hits[query] = response.total_hits
    return {"first": _percentiles(first), "total": _percentiles(total), "hits": hits,
            "query_rss_mb": _rss()[0], "lower_bound": [q for q, e in exact.items() if not e], **_rss_parts()}


def fts5_build(library: Path, work: Path) -> dict:
    from reader.documents import load_document

    db = sqlite3.connect(work / "fts.db")
    db.execute("CREATE VIRTUAL TABLE docs USING fts5(path UNINDEXED, body, tokenize='trigram')")
    started = time.perf_counter()
    for path in sorted(library.iterdir()):
        db.execute("INSERT INTO docs VALUES (?, ?)", (str(path), load_document(path).text))
    db.commit()
    build = time.perf_counter() - started
    rss = _rss()[0]
    path = _touch(library)
    started = time.perf_counter()
    db.execute("DELETE FROM docs WHERE path = ?", (str(path),))
    db.execute("INSERT INTO docs VALUES (?, ?)", (str(path), load_document(path).text))
    db.commit()
    incremental = time.perf_counter() - started
    db.close()
    return {"build_s": build, "build_rss_mb": rss, "incremental_s": incremental, "incremental_files": 1,
            "skipped": 0, "index_bytes": os.path.getsize(work / "fts.db"), "texts_bytes": 0}


def _match(query: str) -> str:
    return " ".join('"' + part.replace('"', "") + '"' for part in query.split())


def fts5_query(library: Path, work: Path) -> dict:
    db = sqlite3.connect(work / "fts.db")
    first, total, hits = [], [], {}
    for _round in range(ROUNDS):
        for query in QUERIES:
            begun = time.perf_counter()
            db.execute("SELECT path FROM docs WHERE docs MATCH ? LIMIT 20", (_match(query),)).fetchall()
            first.append((time.perf_counter() - begun) * 1000)
            begun = time.perf_counter()
            hits[query] = db.execute("SELECT count(*) FROM docs WHERE docs MATCH ?", (_match(query),)).fetchone()[0]
            total.append((time.perf_counter() - begun) * 1000)
    return {"first": _percentiles(first), "total": _percentiles(total), "hits": hits,
            "query_rss_mb": _rss()[0], "lower_bound": []}


PHASES = {("reader", "build"): reader_build, ("reader", "query"): reader_query,
          ("fts5", "build"): fts5_build, ("fts5", "query"): fts5_query}


def main() -> None:
    engine, phase = sys.argv[1:3]
    library, work, out = (Path(arg) for arg in sys.argv[3:6])
    work.mkdir(parents=True, exist_ok=True)
    result = PHASES[engine, phase](library, work)
    out.write_text(json.dumps(result, ensure_ascii=False), encoding="utf-8")


if __name__ == "__main__":
    main()
