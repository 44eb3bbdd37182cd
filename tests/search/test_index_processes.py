"""Real processes against one index: kill -9 of a two-process build (main alone, and its process
group), concurrent `reader index` and `--rebuild` runs, and the index deleted during an update."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from whoosh import index

from reader.search.indexer import MULTIPROCESS_BYTES
from reader.search.locks import BUSY_MESSAGE
from reader.search.schema import index_name

REPO = Path(__file__).resolve().parents[2]
CORPUS = REPO / "corpus"
HANG_GUARD = 60


def reader_command(data: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "reader", "--data-dir", str(data), *args]


def run_reader(data: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(reader_command(data, *args), capture_output=True, text=True, timeout=HANG_GUARD, cwd=REPO)


def make_library(folder: Path, count: int, copies: int) -> Path:
    """`count` documents, each the corpus texts `copies` times over (and a line naming it)."""
    folder.mkdir(parents=True)
    texts = [p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt"))]
    blob = "\n\n".join(texts)
    for number in range(count):
        body = blob * copies if copies else texts[number % len(texts)]
        (folder / f"doc{number:03}.txt").write_text(f"第{number}篇 编号{number:03}\n\n{body}", encoding="utf-8")
    return folder


def records(data: Path) -> int:
    ix = index.open_dir(str(data / "index"), indexname=index_name())
    with ix.searcher() as searcher:
        return len(list(searcher.documents(rec="f")))


def children(pid: int) -> list[int]:
    """Pids whose parent is `pid` (from /proc)."""
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry))
    return found


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state not in ("Z", "X")


def wait_for(condition, timeout: float = HANG_GUARD) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.02)
    return condition()


@pytest.fixture
def big_library(tmp_path: Path) -> Path:
    if (os.cpu_count() or 1) < 2:
        pytest.skip("the two-process writer needs 2 CPUs")
    lib = make_library(tmp_path / "big", 40, 2)
    assert sum(p.stat().st_size for p in lib.iterdir()) >= MULTIPROCESS_BYTES
    return lib


def _start_build_and_find_workers(data: Path, lib: Path, new_session: bool) -> tuple[subprocess.Popen, list[int]]:
    main = subprocess.Popen(reader_command(data, "index", "--library", str(lib), "--rebuild"), cwd=REPO,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=new_session)
    try:
        assert wait_for(lambda: len(children(main.pid)) >= 2), "the two index workers never started"
    except BaseException:
        main.kill()
        main.wait(HANG_GUARD)
        raise
    return main, children(main.pid)


@pytest.mark.parametrize("target", ["main process", "process group"])
def test_kill_9_leaves_no_worker_and_the_next_index_runs_at_once(big_library: Path, tmp_path: Path, target) -> None:
    data = tmp_path / "data"
    main, workers = _start_build_and_find_workers(data, big_library, new_session=True)
    if target == "main process":
        os.kill(main.pid, signal.SIGKILL)
    else:
        os.killpg(main.pid, signal.SIGKILL)
    main.wait(HANG_GUARD)
    try:
        assert wait_for(lambda: not any(alive(pid) for pid in workers)), "a worker outlived its parent"
    finally:
        for pid in workers:
            if alive(pid):
                os.kill(pid, signal.SIGKILL)
    after = run_reader(data, "index", "--library", str(big_library))
    assert after.returncode == 0, after.stderr
    assert "Traceback" not in after.stderr
    assert after.stdout.startswith("Index: 40 added, 0 updated, 0 removed, 0 skipped, 0 unchanged")
    assert records(data) == 40
    found = run_reader(data, "search", "编号007", "--library", str(big_library), "--json")
    assert found.returncode == 0 and '"total_hits": 1,' in found.stdout


def _run_two(data: Path, *args: str) -> list[subprocess.CompletedProcess]:
    runs = [subprocess.Popen(reader_command(data, *args), cwd=REPO, text=True,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE) for _ in range(2)]
    out = []
    for run in runs:
        stdout, stderr = run.communicate(timeout=HANG_GUARD)
        out.append(subprocess.CompletedProcess(run.args, run.returncode, stdout, stderr))
    return out


def _assert_one_writer(runs: list[subprocess.CompletedProcess], files: int) -> None:
    """Each run either indexed (exit 0) or said another reader was indexing and changed nothing."""
    added = 0
    for run in runs:
        assert "Traceback" not in run.stderr
        if run.returncode == 1:
            assert run.stdout == "Index: not updated.\n"
            assert run.stderr == f"reader: {BUSY_MESSAGE}\n"
        else:
            assert run.returncode == 0, run.stderr
            added += int(run.stdout.split(" added")[0].rsplit(" ", 1)[1])
    assert added == files


def test_two_concurrent_index_runs_index_every_file_once(tmp_path: Path) -> None:
    lib = make_library(tmp_path / "lib", 80, 0)
    data = tmp_path / "data"
    _assert_one_writer(_run_two(data, "index", "--library", str(lib)), 80)
    assert records(data) == 80
    again = run_reader(data, "index", "--library", str(lib))
    assert again.stdout.startswith("Index: 0 added, 0 updated, 0 removed, 0 skipped, 80 unchanged")


def test_two_concurrent_rebuilds_leave_a_correct_index(tmp_path: Path) -> None:
    lib = make_library(tmp_path / "lib", 80, 0)
    data = tmp_path / "data"
    assert run_reader(data, "index", "--library", str(lib)).returncode == 0
    _assert_one_writer(_run_two(data, "index", "--library", str(lib), "--rebuild"), 80)
    assert records(data) == 80
    found = run_reader(data, "search", "编号042", "--library", str(lib), "--json")
    assert found.returncode == 0 and '"total_hits": 1,' in found.stdout


def test_deleting_the_index_during_an_update_is_a_message_and_the_next_run_rebuilds(
    big_library: Path, tmp_path: Path
) -> None:
    data = tmp_path / "data"
    main = subprocess.Popen(reader_command(data, "index", "--library", str(big_library), "--rebuild"), cwd=REPO,
                            text=True, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        assert wait_for(lambda: len(children(main.pid)) >= 2), "the index workers never started"
        _delete_while_written(data / "index")
        stdout, stderr = main.communicate(timeout=HANG_GUARD)
    finally:
        if main.poll() is None:
            main.kill()
            main.wait(HANG_GUARD)
    assert "Traceback" not in stderr
    assert main.returncode == 1
    assert stdout == "Index: not updated.\n"
    assert stderr.splitlines()[0] == "reader: Rebuilding the search index from scratch."
    assert stderr.splitlines()[1:] == [
        f"reader: The search index {data / 'index'} was deleted during the update; it is rebuilt on the next run."
    ]
    after = run_reader(data, "index", "--library", str(big_library))
    assert after.returncode == 0 and "Traceback" not in after.stderr
    assert after.stdout.startswith("Index: 40 added, 0 updated, 0 removed, 0 skipped, 0 unchanged")
    assert records(data) == 40


def test_a_killed_worker_fails_the_commit_instead_of_dropping_its_documents(tmp_path: Path) -> None:
    from reader.search.bulk import BulkMpWriter, WorkerFailed
    from reader.search.schema import build_schema, codec

    ix = index.create_in(str(tmp_path), build_schema(), indexname=index_name())
    writer = BulkMpWriter(ix, procs=2, batchsize=2, multisegment=True, codec=codec())
    for number in range(8):
        writer.add_document(rec="f", path=f"/lib/doc{number}.txt", body=f"独角兽{number}")
    workers = list(writer.tasks)
    assert len(workers) == 2
    os.kill(workers[0].pid, signal.SIGKILL)
    with pytest.raises(WorkerFailed, match=r"^an index worker process failed \(exit status -9\)$"):
        writer.commit()
    writer.cancel()
    assert not any(worker.is_alive() for worker in workers)
    with ix.refresh().searcher() as searcher:
        assert searcher.doc_count_all() == 0  # nothing half-committed


def _delete_while_written(folder: Path) -> None:
    """`rm -rf folder` while the indexer still writes into it: what it adds meanwhile is deleted on the next pass."""
    for _ in range(20):
        shutil.rmtree(folder, ignore_errors=True)
        if not folder.exists():
            return
        time.sleep(0.05)
