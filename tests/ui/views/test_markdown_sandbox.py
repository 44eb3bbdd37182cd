"""The rendered Markdown view loads only files inside the document's folder; everything else is empty."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import QByteArray, QUrl
from PySide6.QtGui import QImage, QPixmap, QTextDocument

from reader.ui.views.text_views import refused_image


def _png(path: Path, width: int, height: int) -> Path:
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(0x3366CC)
    assert image.save(str(path), "PNG")
    return path


@pytest.fixture
def note(tmp_path: Path) -> Path:
    """notes/note.md beside notes/inside.png; outside.png and secret.txt one folder up."""
    folder = tmp_path / "notes"
    folder.mkdir()
    _png(folder / "inside.png", 37, 23)
    _png(tmp_path / "outside.png", 51, 11)
    (tmp_path / "secret.txt").write_text("top secret\n", encoding="utf-8")
    os.symlink(tmp_path / "outside.png", folder / "link.png")
    path = folder / "note.md"
    path.write_text("# Note\n\n![in](inside.png)\n\n![out](../outside.png)\n\nText.\n", encoding="utf-8")
    return path


def _resource(window, src: str, kind=QTextDocument.ResourceType.ImageResource):
    """What the view's document gets for `src`: Qt's whole loading path, fallbacks included."""
    return window.text_view.document_view().resource(kind, QUrl(src))


def _image(resource) -> QImage:
    if isinstance(resource, QPixmap):
        return resource.toImage()
    return resource if isinstance(resource, QImage) else QImage.fromData(resource or QByteArray())


def _size(resource) -> tuple[int, int]:
    image = _image(resource)
    return image.width(), image.height()


def _is_empty(resource) -> bool:
    """Empty data, or for an image the refused-image icon (a null image would make Qt open the file)."""
    if isinstance(resource, (QImage, QPixmap)):
        return _image(resource) == refused_image()
    return resource is not None and len(resource) == 0


def test_an_image_inside_the_folder_loads_relative_to_the_document_not_the_working_folder(
        make_window, qtbot, note: Path, tmp_path: Path, monkeypatch) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    _png(elsewhere / "inside.png", 99, 99)  # same name in the working folder: must not be the one shown
    monkeypatch.chdir(elsewhere)
    window = make_window([str(note)])
    assert window.text_view.objectName() == "textView" and window.text_view is window.rich_view
    assert _size(_resource(window, "inside.png")) == (37, 23)
    assert _size(_resource(window, f"file://{note.parent / 'inside.png'}")) == (37, 23)


@pytest.mark.parametrize("src", [
    "../outside.png",
    "{root}/outside.png",
    "file://{root}/outside.png",
    "../secret.txt",
    "../../../../../../../../etc/passwd",
    "file:///etc/passwd",
    "/etc/passwd",
    "link.png",  # a symlink inside the folder pointing outside it
    "missing.png",
    "http://127.0.0.1:9/x.png",
    "https://example.com/x.png",
    "//example.com/x.png",
    "ftp://example.com/x.png",
    "data:image/png;base64,iVBORw0KGgo=",  # data URLs are refused too (the renderer blocks them as well)
    "qrc:/qt-project.org/styles/commonstyle/images/file-16.png",
])
def test_everything_else_yields_an_empty_resource(make_window, qtbot, note: Path, tmp_path: Path, src: str,
                                                   monkeypatch) -> None:
    monkeypatch.chdir(note.parent)  # relative traversal from the working folder must not help either
    window = make_window([str(note)])
    src = src.format(root=tmp_path)
    for kind in (QTextDocument.ResourceType.ImageResource, QTextDocument.ResourceType.StyleSheetResource,
                 QTextDocument.ResourceType.HtmlResource):
        assert _is_empty(_resource(window, src, kind)), f"{src} loaded as {kind}"


def test_the_rendered_page_shows_the_inside_image_and_not_the_outside_one(make_window, qtbot, note: Path) -> None:
    window = make_window([str(note)])
    document = window.text_view.document_view()
    document.documentLayout().documentSize()  # lay out: every <img> is requested now
    shown = {}
    block = document.begin()
    while block.isValid():
        for fragment in _fragments(block):
            image = fragment.charFormat().toImageFormat()
            if image.isValid():
                resource = document.resource(QTextDocument.ResourceType.ImageResource, QUrl(image.name()))
                shown[image.name()] = _size(resource)
        block = block.next()
    assert shown == {"inside.png": (37, 23), "../outside.png": _size(refused_image())}
    assert _size(refused_image()) != (51, 11)


def _fragments(block):
    iterator = block.begin()
    while not iterator.atEnd():
        yield iterator.fragment()
        iterator += 1


def test_an_inside_file_that_is_not_an_image_does_not_fall_back_to_the_working_folder(
        make_window, qtbot, note: Path, tmp_path: Path, monkeypatch) -> None:
    (note.parent / "broken.png").write_bytes(b"not a png")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    _png(elsewhere / "broken.png", 99, 99)
    monkeypatch.chdir(elsewhere)
    window = make_window([str(note)])
    assert _is_empty(_resource(window, "broken.png"))
