"""Chinese script display on a big novel: conversion time, peak memory and the UI thread's worst gap meanwhile.

    python -m bench.script [MB …]      # default 20; writes bench/out/script.md

Each size runs in a child process: a QApplication (offscreen) with a 10 ms heartbeat timer while a worker
thread converts the novel (as the loader's worker does), so the gap is what a reader would feel. A second
table switches the script in the real window (View ▸ Chinese Script) with the novel open: the conversion,
the new QTextDocument on the worker, then the view, outline titles and breadcrumb on the UI thread.
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from bench.big import SOURCE, build_novel

OUT = Path(__file__).resolve().parent / "out"
SCRIPTS = ("traditional", "taiwan", "simplified")


def measure(path: Path, script: str) -> dict:
    """In this process: convert `path`'s text on a thread while the Qt event loop beats every 10 ms."""
    from PySide6.QtCore import QCoreApplication, QTimer

    from reader.documents import load_document
    from reader.text.script import display

    app = QCoreApplication.instance() or QCoreApplication([])
    sys.setswitchinterval(0.001)  # as reader.app does
    text = load_document(path).text
    gaps, done, result = [], threading.Event(), {}
    last = [time.perf_counter()]

    def beat() -> None:
        now = time.perf_counter()
        gaps.append(now - last[0])
        last[0] = now
        if done.is_set():
            app.quit()

    def work() -> None:
        started = time.perf_counter()
        shown = display(text, script)
        result.update(seconds=time.perf_counter() - started, blocks=len(shown.map.blocks), chars=len(text))
        done.set()

    timer = QTimer(interval=10)
    timer.timeout.connect(beat)
    timer.start()
    threading.Thread(target=work, daemon=True).start()
    app.exec()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    result.update(max_gap_ms=max(gaps) * 1000 - 10, peak_rss_mb=peak)
    return result


def measure_window(path: Path, script: str) -> dict:
    """In this process: open `path` in the main window (offscreen), then switch it to `script` while a 10 ms
    timer beats; the worst gap, and the time until the converted text is shown."""
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["READER_DATA_DIR"] = tempfile.mkdtemp(prefix="bench-script-")
    from PySide6.QtCore import QTimer
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QApplication

    from reader.app import GIL_SWITCH_S, build_main_window
    from reader.ui.shell.menus import SCRIPT_CHOICES

    app = QApplication.instance() or QApplication([])
    sys.setswitchinterval(GIL_SWITCH_S)
    window = build_main_window([str(path)])
    window.resize(1280, 820)
    window.show()
    while window.loaded is None or window.loaded.outline is None:
        app.processEvents()
        time.sleep(0.01)
    for _ in range(100):  # settle: headings formatted, first paint done
        app.processEvents()
        time.sleep(0.01)
    gaps, last, result = [], [time.perf_counter()], {}

    def beat() -> None:
        now = time.perf_counter()
        gaps.append(now - last[0])
        last[0] = now
        if window.session.script == script and "shown" not in result:
            result["shown"] = now - started
            QTimer.singleShot(300, app.quit)  # and the turns after it (headings, outline titles)

    timer = QTimer(interval=10)
    timer.timeout.connect(beat)
    timer.start()
    name = next(name for choice, _label, name in SCRIPT_CHOICES if choice == script)
    started = time.perf_counter()
    window.findChild(QAction, name).trigger()
    app.exec()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"seconds": result.get("shown", 0.0), "max_gap_ms": max(gaps) * 1000 - 10, "peak_rss_mb": peak,
            "chars": len(window.current_document.text)}


def section(sizes: list[float]) -> str:
    lines = ["| novel | script | characters | convert time | changed phrases | worst UI gap | peak RSS |",
             "|---|---|---|---|---|---|---|"]
    with tempfile.TemporaryDirectory() as temp:
        for size in sizes:
            novel = build_novel(Path(temp), size)
            for script in SCRIPTS:
                out = subprocess.run([sys.executable, "-m", "bench.script", "--child", str(novel), script],
                                     capture_output=True, text=True, check=True, timeout=900)
                r = json.loads(out.stdout.strip().splitlines()[-1])
                lines.append(f"| {size:g} MB | {script} | {r['chars']:,} | {r['seconds']:.1f} s | {r['blocks']:,} | "
                             f"{r['max_gap_ms']:.0f} ms | {r['peak_rss_mb']:.0f} MB |")
            lines.append("")
            lines.append("| novel | switch to | shown after | worst UI gap | peak RSS |")
            lines.append("|---|---|---|---|---|")
            for script in SCRIPTS:
                out = subprocess.run([sys.executable, "-m", "bench.script", "--window", str(novel), script],
                                     capture_output=True, text=True, check=True, timeout=900)
                r = json.loads(out.stdout.strip().splitlines()[-1])
                lines.append(f"| {size:g} MB | {script} | {r['seconds']:.1f} s | {r['max_gap_ms']:.0f} ms | "
                             f"{r['peak_rss_mb']:.0f} MB |")
            lines.append("")
    return "\n".join(["## Chinese script display", "", f"Novels built from {SOURCE.name}; the conversion runs on a "
                      "worker thread while a 10 ms timer beats on the UI thread (worst gap = longest beat − 10 ms).",
                      "", *lines, ""])


def main() -> None:
    if sys.argv[1:2] == ["--child"]:
        print(json.dumps(measure(Path(sys.argv[2]), sys.argv[3])))
        return
    if sys.argv[1:2] == ["--window"]:
        print(json.dumps(measure_window(Path(sys.argv[2]), sys.argv[3])))
        return
    sizes = [float(arg) for arg in sys.argv[1:]] or [20.0]
    text = section(sizes)
    OUT.mkdir(exist_ok=True)
    (OUT / "script.md").write_text(text, encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
