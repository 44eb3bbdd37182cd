"""The frozen bundle: build.spec builds it, and it runs like the source install.

Slow (a full PyInstaller build): `make test-dist` runs these, `make test` leaves them out.
Every run of the frozen app gets its own --data-dir; nothing is written to the user's data dir.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from reader import __version__

pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parents[1]
COMMANDS = REPO / "reader" / "commands"
BUILD_TIMEOUT = 1800
RUN_TIMEOUT = 300

# Qt libraries build.spec leaves out; their presence means the trimming regressed. (Qt6Network stays:
# its local sockets keep one window per data dir.)
UNWANTED = ("Qt6WebEngine", "Qt6Qml", "Qt6Quick", "Qt6Pdf", "Qt6MultimediaWidgets", "Qt63D", "libavcodec")


def _env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    env["QT_QPA_PLATFORM"] = "offscreen"
    env.pop("READER_DATA_DIR", None)
    return env


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """dist/reader, built from build.spec into a temporary dir."""
    pytest.importorskip("PyInstaller", reason="PyInstaller is not installed (`make test-dist` installs it)")
    root = tmp_path_factory.mktemp("bundle")
    result = subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
         "--distpath", str(root / "dist"), "--workpath", str(root / "work"), str(REPO / "build.spec")],
        cwd=REPO, env=_env(), capture_output=True, text=True, timeout=BUILD_TIMEOUT,
    )
    assert result.returncode == 0, f"PyInstaller failed:\n{result.stdout}\n{result.stderr}"
    folder = root / "dist" / "reader"
    assert folder.is_dir(), f"no bundle at {folder}:\n{result.stderr}"
    return folder


@pytest.fixture
def exe(bundle: Path) -> Path:
    path = bundle / ("reader.exe" if sys.platform == "win32" else "reader")
    assert path.is_file() and os.access(path, os.X_OK)
    return path


@pytest.fixture
def internal(bundle: Path) -> Path:
    """`sys._MEIPASS` of a PyInstaller 6 one-folder build (see test_bundle_root_is_internal)."""
    return bundle / "_internal"


def run(exe: Path, data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        [str(exe), "--data-dir", str(data_dir), *args],
        cwd=data_dir, env=_env(), capture_output=True, text=True, encoding="utf-8",
        timeout=RUN_TIMEOUT,
    )
    assert "Traceback" not in result.stderr, result.stderr
    return result


def run_source(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "reader", "--data-dir", str(data_dir), *args],
        cwd=data_dir, env=_env(), capture_output=True, text=True, encoding="utf-8",
        timeout=RUN_TIMEOUT,
    )


def has_command(name: str) -> bool:
    return (COMMANDS / f"{name}.py").is_file() or (COMMANDS / name / "__init__.py").is_file()


def untimed(value):
    """`value` (parsed JSON) without timings such as "elapsed_ms", which differ run to run."""
    if isinstance(value, dict):
        return {k: untimed(v) for k, v in value.items() if "elapsed" not in k and not k.endswith("_ms")}
    if isinstance(value, list):
        return [untimed(v) for v in value]
    return value


def bundled_corpus(internal: Path) -> list[Path]:
    files = sorted(p for p in (internal / "corpus").iterdir() if p.is_file())
    assert files, "the bundle has no corpus"
    return files


def test_bundle_has_resources_and_corpus_in_internal(internal: Path) -> None:
    for folder in ("resources", "corpus"):
        source = REPO / folder
        expected = {
            p.relative_to(source).as_posix()
            for p in source.rglob("*")
            if p.is_file() and "__pycache__" not in p.parts and not p.name.startswith(".")
        }
        bundled = {p.relative_to(internal / folder).as_posix() for p in (internal / folder).rglob("*") if p.is_file()}
        assert expected <= bundled, f"missing from the bundle's {folder}/: {sorted(expected - bundled)}"
    assert (internal / "resources" / "icons" / "reader.svg").is_file()
    for ts in (REPO / "resources" / "translations").glob("*.ts"):  # compiled by make translations, bundled
        assert (internal / "resources" / "translations" / ts.with_suffix(".qm").name).stat().st_size > 0
    for source in (REPO / "corpus").iterdir():
        if source.is_file():
            assert (internal / "corpus" / source.name).read_bytes() == source.read_bytes()


def test_bundle_leaves_out_unused_qt(bundle: Path) -> None:
    unwanted = sorted(
        p.relative_to(bundle).as_posix()
        for p in bundle.rglob("*")
        if any(name in p.name for name in UNWANTED)
        or p.name.startswith(("libqpdf", "libqtvirtualkeyboard", "libqgtk3", "QtWebEngine", "QtQml"))
    )
    assert not unwanted
    assert not (bundle / "_internal" / "pygments").exists()
    broken = [p for p in bundle.rglob("*") if p.is_symlink() and not p.exists()]
    assert not broken, f"dangling symlinks: {broken}"


def test_bundle_root_is_internal(tmp_path: Path) -> None:
    """reader.paths.bundle_root() under PyInstaller is `_internal` of a one-folder build, which is
    where build.spec puts resources/ and corpus/. A three-line probe shows it (a build of seconds)."""
    pytest.importorskip("PyInstaller")
    probe = tmp_path / "probe.py"
    probe.write_text(
        "from reader import paths\n"
        "print(paths.bundle_root()); print(paths.resource_path('icons')); print(paths.corpus_dir())\n",
        encoding="utf-8",
    )
    subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN", "--onedir",
         "--paths", str(REPO), "--distpath", str(tmp_path / "dist"), "--workpath", str(tmp_path / "work"),
         "--specpath", str(tmp_path), str(probe)],
        cwd=tmp_path, env=_env(), check=True, capture_output=True, timeout=BUILD_TIMEOUT,
    )
    out = subprocess.run(
        [str(tmp_path / "dist" / "probe" / "probe")], env=_env(), capture_output=True, text=True,
        check=True, timeout=RUN_TIMEOUT,
    ).stdout.splitlines()
    internal = (tmp_path / "dist" / "probe" / "_internal").resolve()
    assert [Path(line).resolve() for line in out] == [internal, internal / "resources" / "icons", internal / "corpus"]


def test_version(exe: Path, tmp_path: Path) -> None:
    result = run(exe, tmp_path, "--version")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"reader {__version__}"


def test_outline_json_matches_the_source_install(exe: Path, internal: Path, tmp_path: Path) -> None:
    for path in bundled_corpus(internal):
        frozen = run(exe, tmp_path, "outline", str(path), "--json")
        assert frozen.returncode == 0, frozen.stderr
        entries = json.loads(frozen.stdout)
        assert isinstance(entries, list) and entries
        assert all(set(entry) == {"level", "title", "offset", "line", "length", "collapsed"} for entry in entries)
        source = run_source(tmp_path, "outline", str(REPO / "corpus" / path.name), "--json")
        assert source.returncode == 0, source.stderr
        assert entries == json.loads(source.stdout)


def test_outline_error_is_a_message(exe: Path, tmp_path: Path) -> None:
    binary = tmp_path / "image.txt"
    binary.write_bytes(bytes(range(256)) * 64)
    result = run(exe, tmp_path, "outline", str(binary))
    assert result.returncode != 0
    assert result.stderr.startswith("reader: ")


@pytest.mark.skipif(not has_command("bookmarks"), reason="reader/commands/bookmarks.py is not in the tree")
def test_bookmarks_add_and_list(exe: Path, internal: Path, tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    empty = run(exe, data, "bookmarks", "list", "--json")
    assert empty.returncode == 0, empty.stderr
    assert json.loads(empty.stdout) == []
    document = bundled_corpus(internal)[0]
    heading = json.loads(run(exe, data, "outline", str(document), "--json").stdout)[-1]
    added = run(exe, data, "bookmarks", "add", str(document), "--offset", str(heading["offset"]),
                "--length", str(len(heading["title"])), "--note", "冻结", "--json")
    assert added.returncode == 0, added.stderr
    listed = run(exe, data, "bookmarks", "list", "--json")
    assert listed.returncode == 0, listed.stderr
    [bookmark] = json.loads(listed.stdout)
    assert (bookmark["offset"], bookmark["quote"], bookmark["note"]) == (heading["offset"], heading["title"], "冻结")
    assert any(data.iterdir()), "the bookmarks store is in --data-dir"


@pytest.mark.skipif(not has_command("search"), reason="reader/commands/search.py is not in the tree")
def test_search_runs_like_the_source_install(exe: Path, internal: Path, tmp_path: Path) -> None:
    """The search CLI frozen and from source give the same answer (whoosh is found by name at runtime,
    so this is where a missing hidden import shows). Paths into the corpus are compared relative."""
    help_text = run(exe, tmp_path, "search", "--help")
    assert help_text.returncode == 0, help_text.stderr
    query = "项目"
    args = ["search", query, *(["--json"] if "--json" in help_text.stdout else [])]
    frozen_data, source_data = tmp_path / "frozen", tmp_path / "source"
    frozen_data.mkdir()
    source_data.mkdir()
    if has_command("index"):  # indexing runs whoosh's multiprocess writer: the frozen app must too
        indexed = run(exe, frozen_data, "index")
        assert indexed.returncode == run_source(source_data, "index").returncode == 0, indexed.stderr
    frozen = run(exe, frozen_data, *args)
    source = run_source(source_data, *args)

    def normal(text: str, corpus: Path, data: Path):
        for path, name in ((corpus, "<corpus>"), (data, "<data>")):
            text = text.replace(json.dumps(str(path))[1:-1], name).replace(str(path), name)
        try:
            return untimed(json.loads(text))
        except ValueError:
            return text

    assert frozen.returncode == source.returncode, (frozen.stderr, source.stderr)
    assert normal(frozen.stdout, internal / "corpus", frozen_data) == normal(
        source.stdout, REPO / "corpus", source_data
    )
    assert frozen.returncode == 0, frozen.stderr
    assert query in frozen.stdout


def test_window_starts_and_stays_up(exe: Path, internal: Path, tmp_path: Path) -> None:
    """The window opens (offscreen) on a document and keeps running: no missing module or plugin."""
    log = tmp_path / "window.log"
    with log.open("w", encoding="utf-8") as out:
        process = subprocess.Popen(
            [str(exe), "--data-dir", str(tmp_path), str(bundled_corpus(internal)[0])],
            cwd=tmp_path, env=_env(), stdout=out, stderr=subprocess.STDOUT,
        )
        try:
            time.sleep(5)
            alive = process.poll() is None
        finally:
            if process.poll() is None:
                process.send_signal(signal.SIGTERM)
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
    output = log.read_text(encoding="utf-8", errors="replace")
    assert alive, f"the frozen window exited with {process.returncode}:\n{output}"
    assert "Traceback" not in output and "Could not load the Qt platform plugin" not in output, output
