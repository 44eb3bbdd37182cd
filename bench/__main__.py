"""Run the benchmarks: `python -m bench [MB …]` (search, default 20 MB), `python -m bench big [MB …]` (big documents,
default 20 60), `python -m bench script [MB …]` (Chinese script display, default 20); each writes its section and
bench/out/report.md keeps the latest of every section."""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

from bench import big
from bench.engines import QUERIES
from bench.library import build

OUT = Path(__file__).resolve().parent / "out"
SECTIONS = ["search", "big", "script"]  # bench/out/<name>.md, in report order


def _engine(name: str, library: Path, work: Path) -> dict:
    out = work / f"{name}.json"
    subprocess.run([sys.executable, "-m", "bench.engines", name, str(library), str(work / name), str(out)], check=True)
    return json.loads(out.read_text(encoding="utf-8"))


def _unanswered(results: dict[str, dict], name: str) -> list[str]:
    """Queries `name` found nothing for while another engine found something."""
    others = [r["hits"] for other, r in results.items() if other != name]
    return [q for q in QUERIES if results[name]["hits"][q] == 0 and any(hits[q] > 0 for hits in others)]


def _rows(size: float, results: dict[str, dict]) -> list[str]:
    rows = []
    for name, r in results.items():
        first = f"{r['first_result_s']:.2f} s" if r.get("first_result_s") else "n/a (results only after the build)"
        rss = max(r["rss_mb"], r["rss_children_mb"])
        rows.append(
            f"| {size:g} MB | {name} | {r['bytes'] / 1e6 / r['build_s']:.2f} | {r['build_s']:.1f} s | "
            f"{r['p50_ms']:.1f} | {r['p95_ms']:.1f} | {r['max_ms']:.0f} | {rss:.0f} | {first} | "
            f"{len(_unanswered(results, name))} of {len(QUERIES)} |"
        )
    return rows


def _misses(size: float, results: dict[str, dict]) -> list[str]:
    ours, fts = results["reader (whoosh)"]["hits"], results["SQLite FTS5 trigram"]["hits"]
    return [f"- {size:g} MB `{q}`: reader {ours[q]} hits (total_hits, all documents), FTS5 {fts[q]} documents"
            for q in _unanswered(results, "SQLite FTS5 trigram")] + [
            f"- {size:g} MB `{q}`: reader found nothing, FTS5 {fts[q]} documents"
            for q in _unanswered(results, "reader (whoosh)")]


def search_section(sizes: list[float]) -> str:
    lines = ["| library | engine | build MB/s | build time | query p50 ms | query p95 ms | query max ms | peak RSS MB "
             "| first result while building | queries not answered |",
             "|---|---|---|---|---|---|---|---|---|---|"]
    misses: list[str] = []
    for size in sizes:
        with tempfile.TemporaryDirectory() as temp:
            library = Path(temp) / "library"
            build(library, size)
            results = {
                "reader (whoosh)": _engine("reader", library, Path(temp)),
                "SQLite FTS5 trigram": _engine("fts5", library, Path(temp)),
            }
            lines += _rows(size, results)
            misses += _misses(size, results)
    return "\n".join(
        ["## Search", "",
         f"A synthetic library (bench/library.py); {len(QUERIES)} queries, each run 3 times, limit 20 documents. "
         "Each engine runs in its own process; peak RSS is that process's (or its build workers') ru_maxrss. "
         "Build = a first build from scratch (reader: 2 processes above 8 MB). "
         "First result while building = the same service, from another thread as the build starts, answering "
         "`贾宝玉` (it scans what is not indexed yet). "
         "Not answered = no result although the other engine found some.", "", *lines,
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
