"""`reader install-desktop [--uninstall]`: a .desktop entry, icons, and reader:// + text "Open with" (Linux)."""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from pathlib import Path

from reader.commands.common import CommandError
from reader.documents.names import display_name
from reader.paths import resource_path, write_atomically

DESKTOP_ID = "reader.desktop"
MIME_TYPES = ("x-scheme-handler/reader", "text/plain", "text/markdown")
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256)


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "install-desktop", help="add Reader to the desktop's applications, reader:// links and Open With (Linux)",
        description="Writes $XDG_DATA_HOME/applications/reader.desktop and the icons, makes Reader the handler "
        "of reader:// links and offers it for text/plain and text/markdown files ($XDG_CONFIG_HOME/mimeapps.list). "
        "--uninstall removes all of it.",
    )
    parser.add_argument("--uninstall", action="store_true", help="remove what install-desktop added")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    if not sys.platform.startswith("linux"):
        raise CommandError("install-desktop is for Linux desktops; the README says how Windows and macOS "
                           "register reader:// links")
    data, config = _home("XDG_DATA_HOME", ".local/share"), _home("XDG_CONFIG_HOME", ".config")
    try:
        if args.uninstall:
            _uninstall(data, config)
            print(f"Removed Reader from {display_name(data / 'applications')} and its link handler.")
        else:
            desktop = _install(data, config)
            print(f"Installed {display_name(desktop)}; reader:// links and text files now open in Reader.")
    except OSError as error:
        raise CommandError(f"cannot change the desktop entries: {error.strerror or error} "
                           f"({display_name(error.filename or data)})") from error
    _refresh(data / "applications")
    return 0


def _home(variable: str, default: str) -> Path:
    value = os.environ.get(variable, "")
    return Path(value) if os.path.isabs(value) else Path.home() / default


def command_line() -> str:
    """How the desktop starts Reader: the bundle's executable, or this Python with `-m reader`."""
    if getattr(sys, "frozen", False):
        return f"{_quoted(sys.executable)} open %u"
    return f"{_quoted(sys.executable)} -m reader open %u"


def _quoted(argument: str) -> str:
    """An Exec argument quoted as the Desktop Entry Specification wants."""
    if not any(c in argument for c in ' \t\n"\'\\><~|&;$*?#()`'):
        return argument
    escaped = "".join("\\" + c if c in '"`$\\' else c for c in argument)
    return f'"{escaped}"'


def desktop_entry() -> str:
    return "\n".join([
        "[Desktop Entry]", "Type=Application", "Name=Reader", "GenericName=Document Reader",
        "Comment=Read long documents offline: outline, search, bookmarks",
        f"Exec={command_line()}", "Icon=reader", "Terminal=false", "Categories=Office;Viewer;",
        f"MimeType={';'.join(MIME_TYPES)};", "StartupWMClass=reader", "",
    ])


def _install(data: Path, config: Path) -> Path:
    desktop = data / "applications" / DESKTOP_ID
    _write(desktop, desktop_entry())
    for size in ICON_SIZES:
        source = resource_path("icons", f"reader-{size}.png")
        if source.is_file():
            target = data / "icons" / "hicolor" / f"{size}x{size}" / "apps" / "reader.png"
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target)
    _edit_mimeapps(config / "mimeapps.list", add=True)
    return desktop


def _uninstall(data: Path, config: Path) -> None:
    (data / "applications" / DESKTOP_ID).unlink(missing_ok=True)
    for size in ICON_SIZES:
        (data / "icons" / "hicolor" / f"{size}x{size}" / "apps" / "reader.png").unlink(missing_ok=True)
    if (config / "mimeapps.list").is_file():
        _edit_mimeapps(config / "mimeapps.list", add=False)


def _edit_mimeapps(path: Path, add: bool) -> None:
    """Make Reader the reader:// handler and add it for text files (or take both back), keeping the rest."""
    sections = _sections(path.read_text(encoding="utf-8") if path.is_file() else "")
    wanted = {"Default Applications": MIME_TYPES[:1], "Added Associations": MIME_TYPES}
    for section, types in wanted.items():
        entries = sections.setdefault(section, {})
        for mime in types:
            apps = [a for a in entries.get(mime, "").split(";") if a and a != DESKTOP_ID]
            if add:
                apps.insert(0, DESKTOP_ID)
            if apps:
                entries[mime] = ";".join(apps) + ";"
            else:
                entries.pop(mime, None)
    text = "".join(f"[{name}]\n" + "".join(f"{k}={v}\n" for k, v in entries.items()) + "\n"
                   for name, entries in sections.items() if entries)
    _write(path, text)


def _sections(text: str) -> dict[str, dict[str, str]]:
    sections: dict[str, dict[str, str]] = {}
    current: dict[str, str] | None = None
    for line in text.splitlines():
        stripped = line.strip()
        if stripped.startswith("[") and stripped.endswith("]"):
            current = sections.setdefault(stripped[1:-1], {})
        elif current is not None and "=" in stripped and not stripped.startswith("#"):
            key, value = stripped.split("=", 1)
            current[key.strip()] = value.strip()
    return sections


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomically(path, text)


def _refresh(applications: Path) -> None:
    """Let the desktop see the change now, where its cache tool is installed (best effort)."""
    tool = shutil.which("update-desktop-database")
    if tool and applications.is_dir():
        subprocess.run([tool, "-q", str(applications)], check=False, capture_output=True, timeout=30)
