"""One engine's measurements, run in its own process: `python -m bench.engines ENGINE LIBRARY WORK OUT`."""

from __future__ import annotations

import json
import resource
import sqlite3
import statistics
import sys
import threading
import time
from pathlib import Path

QUERIES = [
    "的", "学", "学习", "发展", "党建", "贾宝玉", "林黛玉", "大学习、大调研", "學習", "乡村振兴",
    "命令行", "宝玉 黛玉", "紅樓夢", "turtle", "\"mock turtle\"", "command", "alice rabbit", "grep", "王熙凤", "工作",
]


def _percentiles(values: list[float]) -> tuple[float, float]:
    values = sorted(values)
    return statistics.median(values), values[min(len(values) - 1, int(round(0.95 * (len(values) - 1))))]


def run_reader(library: Path, work: Path) -> dict:
    from reader.search import SearchService

    first: dict = {}
    service = SearchService(work / "index")

    def probe() -> None:  # as in the app: the same service answers while it indexes
        started = time.perf_counter()
        response = service.search("贾宝玉", [library], limit=1)
        first["seconds"] = time.perf_counter() - started if response.results else None

    started = time.perf_counter()
    thread = threading.Thread(target=probe)
    thread.start()
    report = service.update([library])
    build = time.perf_counter() - started
    thread.join()
    times, hits = [], {}
    for _round in range(3):
        for query in QUERIES:
            response = service.search(query, [library], limit=20)
            times.append(response.elapsed_ms)
            hits[query] = response.total_hits
    return {"build_s": build, "bytes": sum(p.stat().st_size for p in library.iterdir()),
            "latencies": times, "hits": hits, "first_result_s": first.get("seconds"),
            "skipped": len(report.skipped)}


def run_fts5(library: Path, work: Path) -> dict:
    from reader.documents import load_document

    db = sqlite3.connect(work / "fts.db")
    db.execute("CREATE VIRTUAL TABLE docs USING fts5(path UNINDEXED, body, tokenize='trigram')")
    started = time.perf_counter()
    for path in sorted(library.iterdir()):
        db.execute("INSERT INTO docs VALUES (?, ?)", (str(path), load_document(path).text))
    db.commit()
    build = time.perf_counter() - started
    times, hits = [], {}
    for _round in range(3):
        for query in QUERIES:
            match = " ".join('"' + part.replace('"', "") + '"' for part in query.split())
            begun = time.perf_counter()
            rows = db.execute("SELECT path FROM docs WHERE docs MATCH ? LIMIT 20", (match,)).fetchall()
            times.append((time.perf_counter() - begun) * 1000)
            hits[query] = len(rows)
    return {"build_s": build, "bytes": sum(p.stat().st_size for p in library.iterdir()),
            "latencies": times, "hits": hits, "first_result_s": None, "skipped": 0}


def main() -> None:
    engine, library, work, out = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3]), Path(sys.argv[4])
    work.mkdir(parents=True, exist_ok=True)
    result = (run_reader if engine == "reader" else run_fts5)(library, work)
    latencies = result.pop("latencies")
    result["p50_ms"], result["p95_ms"] = _percentiles(latencies)
    result["max_ms"] = max(latencies)
    result["rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    result["rss_children_mb"] = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    out.write_text(json.dumps(result, ensure_ascii=False), encoding="utf-8")


if __name__ == "__main__":
    main()
