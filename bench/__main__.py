"""Run the benchmarks: `python -m bench [MB …]` (search, default 20 MB; READER_BENCH_DIR: where its library is
made, READER_BENCH_KEEP=1: keep the libraries and indexes there), `python -m bench big [MB …]` (big
documents, default 20 60), `python -m bench script [MB …]` (Chinese script display, default 20); each writes
its section and bench/out/report.md keeps the latest of every section."""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from bench import big
from bench.engines import QUERIES, ROUNDS
from bench.library import build

OUT = Path(__file__).resolve().parent / "out"
SECTIONS = ["search", "big", "script"]  # bench/out/<name>.md, in report order


ENGINES = {"reader (whoosh)": "reader", "SQLite FTS5 trigram": "fts5"}


def _phase(engine: str, phase: str, library: Path, work: Path) -> dict:
    out = work / f"{engine}-{phase}.json"
    subprocess.run([sys.executable, "-m", "bench.engines", engine, phase, str(library), str(work / engine), str(out)],
                   check=True)
    return json.loads(out.read_text(encoding="utf-8"))


def _engine(name: str, library: Path, work: Path) -> dict:
    return {**_phase(name, "build", library, work), **_phase(name, "query", library, work)}


def _unanswered(results: dict[str, dict], name: str) -> list[str]:
    """Queries `name` found nothing for while another engine found something."""
    others = [r["hits"] for other, r in results.items() if other != name]
    return [q for q in QUERIES if results[name]["hits"][q] == 0 and any(hits[q] > 0 for hits in others)]


def _ms(figures: dict) -> str:
    return f"{figures['p50']:.1f} / {figures['p95']:.1f} / {figures['max']:.0f}"


def _rows(size: float, library_bytes: int, results: dict[str, dict]) -> list[str]:
    rows = []
    for name, r in results.items():
        index = r["index_bytes"] + r["texts_bytes"]
        texts = f" (of which {r['texts_bytes'] / 1e6:.0f} MB saved texts)" if r["texts_bytes"] else ""
        rows.append(
            f"| {size:g} MB | {name} | {r['build_s']:.1f} s | {library_bytes / 1e6 / r['build_s']:.2f} | "
            f"{_ms(r['first'])} | {_ms(r['total'])} | {r['build_rss_mb']:.0f} | {r['query_rss_mb']:.0f} | "
            f"{index / 1e6:.0f} MB{texts} | {index / library_bytes:.2f} | {r['incremental_s']:.2f} s | "
            f"{len(_unanswered(results, name))} of {len(QUERIES)} |"
        )
    return rows


def _misses(size: float, results: dict[str, dict]) -> list[str]:
    ours, fts = results["reader (whoosh)"]["hits"], results["SQLite FTS5 trigram"]["hits"]
    return [f"- {size:g} MB `{q}`: reader {ours[q]} hits (total_hits, all documents), FTS5 {fts[q]} documents"
            for q in _unanswered(results, "SQLite FTS5 trigram")] + [
            f"- {size:g} MB `{q}`: reader found nothing, FTS5 {fts[q]} documents"
            for q in _unanswered(results, "reader (whoosh)")]


def _workdir():
    """A temporary folder for one library and its indexes (kept with READER_BENCH_KEEP=1)."""
    where = os.environ.get("READER_BENCH_DIR")
    if os.environ.get("READER_BENCH_KEEP"):
        return contextlib.nullcontext(tempfile.mkdtemp(prefix="bench-", dir=where))
    return tempfile.TemporaryDirectory(dir=where)


def search_section(sizes: list[float]) -> str:
    lines = ["| library | engine | build | build MB/s | first results ms p50 / p95 / max "
             "| total hits ms p50 / p95 / max | peak RSS build MB | peak RSS queries MB | index on disk "
             "| index / library | change 5 MB file "
             "| queries not answered |",
             "|---|---|---|---|---|---|---|---|---|---|---|---|"]
    misses: list[str] = []
    for size in sizes:
        with _workdir() as temp:
            library = Path(temp) / "library"
            library_bytes = build(library, size)
            results = {name: _engine(engine, library, Path(temp)) for name, engine in ENGINES.items()}
            lines += _rows(size, library_bytes, results)
            misses += _misses(size, results)
            bounds = results["reader (whoosh)"]["lower_bound"]
            if bounds:
                misses.append(f"- {size:g} MB: first results gave a lower-bound total for " + ", ".join(
                    f"`{q}`" for q in bounds))
    return "\n".join(
        ["## Search", "",
         f"A synthetic library (bench/library.py: GB18030 and CRLF files, one 5 MB file); {len(QUERIES)} queries, "
         f"each run {ROUNDS} times, limit 20 documents. Each phase (build, queries) runs in its own process under "
         "`nice`; peak RSS is that process's (or its build workers') ru_maxrss. Build = a first build from scratch "
         "(reader: 2 processes above 8 MB). First results = reader `search(exact_total=False)` (the top 20 "
         "documents with every hit; total a lower bound where counting would cost more), FTS5 `MATCH … LIMIT 20`. "
         "Total hits = reader `search()` (exact total_hits), FTS5 `count(*)` (documents, not occurrences). "
         "Index on disk: reader = whoosh index + saved prepared texts. Change 5 MB file = append a line to it, "
         "then update (reader: `update()`, which finds the change itself; FTS5: delete + insert). The machine's "
         "2 cores are shared with other jobs: figures are noisy. Not answered = no result although the other "
         "engine found some.", "", *lines,
         "", "Queries FTS5 trigram cannot answer (a CJK piece of fewer than 3 characters; "
         "no traditional/simplified folding), or reader missed:", *misses, ""]
    )


def write_section(name: str, text: str) -> None:
    """bench/out/<name>.md, then report.md from every section measured so far."""
    OUT.mkdir(exist_ok=True)
    (OUT / f"{name}.md").write_text(text, encoding="utf-8")
    parts = [(OUT / f"{n}.md").read_text(encoding="utf-8") for n in SECTIONS if (OUT / f"{n}.md").is_file()]
    (OUT / "report.md").write_text("\n".join(["# Reader benchmarks", "", *parts]), encoding="utf-8")


def main() -> None:
    args = sys.argv[1:]
    if args[:1] == ["big"]:
        name, text = "big", big.section([float(a) for a in args[1:]] or big.SIZES)
    elif args[:1] == ["script"]:
        from bench import script

        name, text = "script", script.section([float(a) for a in args[1:]] or [20.0])
    else:
        name, text = "search", search_section([float(a) for a in args] or [20.0])
    write_section(name, text)
    print(text)


if __name__ == "__main__":
    main()
