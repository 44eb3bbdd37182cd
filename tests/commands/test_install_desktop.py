"""`reader install-desktop`: the .desktop entry, icons and reader:// handler in a temporary XDG home, and back."""

from __future__ import annotations

import configparser
import os
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="install-desktop is for Linux")


def _run(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, XDG_DATA_HOME=str(tmp_path / "data"), XDG_CONFIG_HOME=str(tmp_path / "config"),
               HOME=str(tmp_path / "home"))
    return subprocess.run([sys.executable, "-m", "reader", "install-desktop", *args], cwd=REPO, env=env,
                          capture_output=True, text=True, timeout=60)


def _mimeapps(tmp_path: Path) -> configparser.ConfigParser:
    parser = configparser.ConfigParser(delimiters=("=",), interpolation=None)
    parser.optionxform = str
    parser.read(tmp_path / "config" / "mimeapps.list", encoding="utf-8")
    return parser


def test_install_registers_the_scheme_and_text_types_then_uninstall_removes_them(tmp_path: Path) -> None:
    mimeapps = tmp_path / "config" / "mimeapps.list"
    mimeapps.parent.mkdir(parents=True)
    mimeapps.write_text("[Default Applications]\ntext/html=firefox.desktop;\n\n"
                        "[Added Associations]\ntext/plain=gedit.desktop;\n", encoding="utf-8")
    result = _run(tmp_path)
    assert result.returncode == 0, result.stderr
    desktop = tmp_path / "data" / "applications" / "reader.desktop"
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str
    entry.read(desktop, encoding="utf-8")
    section = entry["Desktop Entry"]
    assert section["Type"] == "Application" and section["Icon"] == "reader"
    assert section["MimeType"] == "x-scheme-handler/reader;text/plain;text/markdown;"
    command = shlex.split(section["Exec"])
    assert command[0] == sys.executable and command[1:] == ["-m", "reader", "open", "%u"]
    assert (tmp_path / "data" / "icons" / "hicolor" / "256x256" / "apps" / "reader.png").stat().st_size > 0
    apps = _mimeapps(tmp_path)
    assert apps["Default Applications"]["x-scheme-handler/reader"] == "reader.desktop;"
    assert apps["Default Applications"]["text/html"] == "firefox.desktop;"  # the rest is kept
    assert apps["Added Associations"]["text/plain"] == "reader.desktop;gedit.desktop;"
    assert apps["Added Associations"]["text/markdown"] == "reader.desktop;"
    assert _run(tmp_path).returncode == 0  # twice: nothing doubled
    assert _mimeapps(tmp_path)["Added Associations"]["text/plain"] == "reader.desktop;gedit.desktop;"

    result = _run(tmp_path, "--uninstall")
    assert result.returncode == 0, result.stderr
    assert not desktop.exists()
    assert not (tmp_path / "data" / "icons" / "hicolor" / "256x256" / "apps" / "reader.png").exists()
    apps = _mimeapps(tmp_path)
    assert "x-scheme-handler/reader" not in apps["Default Applications"]
    assert apps["Added Associations"]["text/plain"] == "gedit.desktop;"
    assert "text/markdown" not in apps["Added Associations"]


def test_an_unwritable_data_home_is_one_line(tmp_path: Path) -> None:
    (tmp_path / "data").write_text("a file where the folder should be", encoding="utf-8")
    result = _run(tmp_path)
    assert result.returncode == 2 and "cannot change the desktop entries" in result.stderr
    assert "Traceback" not in result.stderr
