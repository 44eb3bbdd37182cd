"""The UI language: a complete Chinese catalogue, the language setting, live switching of the menus."""

from __future__ import annotations

import re
import shutil
import subprocess
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QDialog, QLabel

from reader.ui.settings import i18n
from reader.ui.settings.settings import ReaderSettings

REPO = Path(__file__).resolve().parents[3]
TS = REPO / "resources" / "translations" / "reader_zh_CN.ts"
PLACEHOLDER = re.compile(r"%(?:\d+|[sdn])")


@pytest.fixture(autouse=True)
def english_afterwards():
    """Whatever a test switches to, the next test starts in English."""
    yield
    app = QApplication.instance()
    if app is not None:
        i18n.install_translator(app, "en")


def _messages(path: Path):
    root = ElementTree.parse(path).getroot()
    for context in root.iter("context"):
        for message in context.iter("message"):
            yield context.findtext("name"), message


def _title(menu) -> str:
    return re.sub(r"\(&.\)|&", "", menu.title())


def test_every_string_of_the_catalogue_is_translated() -> None:
    untranslated = []
    for context, message in _messages(TS):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        text = "".join(translation.itertext()) if translation is not None else ""
        if translation is None or translation.get("type") in ("unfinished", "vanished", "obsolete") or not text.strip():
            untranslated.append(f"{context}: {source}")
            continue
        assert sorted(PLACEHOLDER.findall(text)) == sorted(PLACEHOLDER.findall(source)), (source, text)
        if re.search(r"&[^& ]", source):
            assert re.search(r"&[^& ]", text), f"the mnemonic of {source!r} is lost in {text!r}"
    assert untranslated == []


def test_the_catalogue_has_every_string_of_the_ui(tmp_path: Path) -> None:
    """Re-extracting the strings finds nothing new: run scripts/update_translations.sh when this fails."""
    lupdate = shutil.which("pyside6-lupdate", path=str(Path(__import__("sys").executable).parent))
    if lupdate is None:
        pytest.skip("pyside6-lupdate is not installed")
    copy = tmp_path / TS.name
    shutil.copy(TS, copy)
    sources = [str(p) for p in sorted((REPO / "reader" / "ui").rglob("*.py"))] + [str(REPO / "reader" / "app.py")]
    subprocess.run([lupdate, "-no-obsolete", "-locations", "none", *sources, "-ts", str(copy)],
                   check=True, capture_output=True, cwd=REPO)
    new = [f"{context}: {m.findtext('source')}" for context, m in _messages(copy)
           if m.find("translation") is not None and m.find("translation").get("type") == "unfinished"]
    assert new == [], "untranslated UI strings; run scripts/update_translations.sh and translate them"


def test_chinese_ui_from_the_settings(make_window) -> None:
    ReaderSettings(language="zh_CN").save()
    window = make_window()
    assert _title(window.file_menu) == "文件"
    assert window.file_menu.title() == "文件(&F)"
    titles = [_title(action.menu()) for action in window.menuBar().actions() if action.menu()]
    assert titles[:3] == ["文件", "编辑", "视图"]
    assert window.findChild(type(window.file_menu.actions()[0]), "backAction").text() == "后退(&B)"
    assert window.outline_pane.windowTitle() == "大纲"  # a pane's own self.tr() strings


def test_english_ui_from_the_settings(make_window) -> None:
    ReaderSettings(language="en").save()
    window = make_window()
    assert window.file_menu.title() == "&File"


def test_switching_the_language_in_the_preferences_changes_the_menus_at_once(make_window, qtbot) -> None:
    ReaderSettings(language="en").save()
    window = make_window()
    window.findChild(type(window.file_menu.actions()[0]), "preferencesAction").trigger()
    dialog = window.findChild(QDialog, "preferencesDialog")
    box = dialog.languageCombo if hasattr(dialog, "languageCombo") else dialog.language_box
    box.setCurrentIndex(box.findData("zh_CN"))
    assert _title(window.file_menu) == "文件"
    assert _title(window.view_menu) == "视图"
    assert dialog.windowTitle() == "首选项"
    assert dialog.findChild(QLabel, "languageNote").text() == "整个窗口立即切换。"  # no restart any more
    assert ReaderSettings.load().language == "zh_CN"
    box.setCurrentIndex(box.findData("en"))
    assert window.file_menu.title() == "&File"


def test_the_system_language_is_resolved_to_a_supported_one() -> None:
    assert i18n.resolve_language("zh_CN") == "zh_CN"
    assert i18n.resolve_language("en") == "en"
    assert i18n.resolve_language("system") in ("en", "zh_CN")


def test_a_missing_qm_leaves_the_ui_in_english_and_nothing_is_compiled(monkeypatch, tmp_path: Path,
                                                                        data_dir: Path, make_window) -> None:
    """The .qm are built by `make translations` only: a checkout without them shows English."""
    resources = tmp_path / "resources"
    (resources / "translations").mkdir(parents=True)
    shutil.copy(TS, resources / "translations" / TS.name)
    monkeypatch.setattr(i18n, "resource_path", lambda *parts: resources.joinpath(*parts))
    assert i18n.qm_path("zh_CN") is None
    ReaderSettings(language="zh_CN").save()
    window = make_window()
    assert window.file_menu.title() == "&File"
    assert sorted(p.name for p in resources.rglob("*")) == ["reader_zh_CN.ts", "translations"]
    assert not (data_dir / "translations").exists()


def test_the_built_qm_is_found_and_the_translators_have_an_owner(qapp) -> None:
    assert i18n.qm_path("zh_CN") == TS.with_suffix(".qm")
    assert i18n.install_translator(qapp, "zh_CN") == "zh_CN"
    owner = qapp.findChild(i18n.UiTranslators, "readerTranslators")
    assert owner is not None and owner.language == "zh_CN" and len(owner.installed) >= 1
    assert QApplication.translate("FindBar", "No matches") == "无匹配项"
    assert QApplication.translate("MainWindow", "Find") == "查找"  # window.tr() in a module function
    assert QApplication.translate("OutlinePane", "Promote") == "升级"  # the corrections mixin's
    assert QApplication.translate("FindBar", "Promote") == "Promote"  # no search through every context
    i18n.install_translator(qapp, "en")
    assert owner.language == "en" and [t.language() for t in owner.installed] in ([], ["en_US"])  # plurals only
    assert qapp.findChildren(i18n.UiTranslators) == [owner]
    assert QApplication.translate("FindBar", "No matches") == "No matches"


def _looked_up_contexts() -> set[str]:
    """The contexts the code asks for: its class names, the fixed contexts of translate() and
    QT_TRANSLATE_NOOP, and the aliases the reader's translator knows."""
    sources = [*sorted((REPO / "reader" / "ui").rglob("*.py")), REPO / "reader" / "app.py"]
    found: set[str] = set()
    for path in sources:
        text = path.read_text(encoding="utf-8")
        found |= set(re.findall(r"^class (\w+)", text, re.MULTILINE))
        found |= set(re.findall(r"(?:translate|QT_TRANSLATE_NOOP)\(\s*\"(\w+)\"", text))
        found |= set(re.findall(r"^CONTEXT = \"(\w+)\"", text, re.MULTILINE))
    return found | {alias for aliases in i18n.ALIASES.values() for alias in aliases}


def test_every_context_of_the_catalogue_is_one_the_code_looks_up() -> None:
    """A plain lookup by context finds every string: no context is catalogued that nothing asks for."""
    contexts = {context for context, _message in _messages(TS)}
    assert contexts - _looked_up_contexts() == set()
    assert set(i18n.ALIASES) == {"MainWindow"} and set(i18n.ALIASES["MainWindow"]) <= contexts


def test_outline_correction_actions_are_translated_in_the_pane(make_window) -> None:
    """The correction actions live in a mixin, so lupdate files them under another context."""
    ReaderSettings(language="zh_CN").save()
    window = make_window()
    assert window.outline_pane.promote_action.text() == "升级"
    assert window.outline_pane.remove_action.text() == "从大纲中移除"



# What a reader sees change when switching to Chinese: (objectName of a widget, how to read it, the Chinese)
WINDOW_TEXTS = (
    ("libraryPane", "windowTitle", "文库"),
    ("libraryFilter", "placeholderText", "筛选文档…"),
    ("findToolBar", "windowTitle", "查找"),
)
PANE_TEXTS = (  # the panes other parts of the reader own (each has its own retranslate_ui)
    ("outlinePane", "windowTitle", "大纲"),
    ("searchPane", "windowTitle", "搜索"),
    ("bookmarksPane", "windowTitle", "书签"),
    ("outlineFilter", "placeholderText", "筛选标题…"),
    ("searchBox", "placeholderText", '搜索：词语、"短语"、-排除、a OR b'),
    ("bookmarksFilter", "placeholderText", "按段落或备注筛选"),
    ("bookmarksAllDocuments", "text", "所有文档"),
)


def _switch_to_chinese(make_window, qtbot):
    from PySide6.QtGui import QAction

    ReaderSettings(language="en").save()
    document = sorted((REPO / "corpus").glob("*.txt"))[0]
    window = make_window([str(document)])
    window.findChild(QAction, "preferencesAction").trigger()
    dialog = window.findChild(QDialog, "preferencesDialog")
    box = dialog.languageCombo if hasattr(dialog, "languageCombo") else dialog.language_box
    box.setCurrentIndex(box.findData("zh_CN"))
    qtbot.waitUntil(lambda: window.library_pane.windowTitle() == "文库")
    qtbot.wait(50)  # every LanguageChange event delivered
    return window, document, box


def _stale(window, texts) -> list[str]:
    from PySide6.QtCore import QObject

    stale = []
    for name, reader, chinese in texts:
        shown = getattr(window.findChild(QObject, name), reader)()
        if shown != chinese:
            stale.append(f"{name}.{reader}: {shown!r}")
    return stale


def test_switching_to_chinese_retranslates_the_window_live(make_window, qtbot) -> None:
    """No restart: the menus (the Bookmarks menu too), the status bar, the window title, the library pane."""
    from PySide6.QtGui import QAction

    window, document, box = _switch_to_chinese(make_window, qtbot)
    assert window.windowTitle() == f"{document.stem} — 阅读器"
    assert [_title(a.menu()) for a in window.menuBar().actions() if a.menu()] == [
        "文件", "编辑", "视图", "大纲", "转到", "书签", "朗读", "文库", "帮助"]
    assert window.findChild(QAction, "findInLibraryAction").text() == "在文库中查找(&L)…"
    assert window.findChild(QAction, "focusModeAction").text() == "专注模式(&M)"
    assert window.findChild(QAction, "exportBookmarksAction").text() == "导出书签(&E)…"
    assert window.status_labels["length"].text().endswith(" 字")
    assert "剩余" in window.status_labels["timeLeft"].text()
    assert _stale(window, WINDOW_TEXTS) == []
    box.setCurrentIndex(box.findData("en"))
    qtbot.waitUntil(lambda: window.library_pane.windowTitle() == "Library")
    assert window.windowTitle() == f"{document.stem} — Reader"
    assert window.status_labels["length"].text().endswith(" characters")


def test_switching_to_chinese_retranslates_every_pane_live(make_window, qtbot) -> None:
    window, _document, _box = _switch_to_chinese(make_window, qtbot)
    assert _stale(window, PANE_TEXTS) == []


def test_open_dialogs_follow_a_language_switch(make_window, qtbot, qapp) -> None:
    """The shortcuts list (read again from the retranslated menus) and Go to Position change at once."""
    from PySide6.QtGui import QAction

    ReaderSettings(language="en").save()
    window = make_window([str(sorted((REPO / "corpus").glob("*.txt"))[0])])
    window.findChild(QAction, "shortcutsAction").trigger()
    shortcuts = window.findChild(QDialog, "shortcutsDialog")
    window.findChild(QAction, "goToPositionAction").trigger()
    goto = window.findChild(QDialog, "goToPositionDialog")
    assert {e.group for e in shortcuts.entries if e.keys[0] == "Ctrl+Shift+F"} == {"Find"}
    i18n.install_translator(qapp, "zh_CN")
    window._retranslate()  # what the preferences do after installing the catalogue
    qtbot.waitUntil(lambda: shortcuts.windowTitle() == "键盘快捷键")
    qtbot.waitUntil(lambda: {e.group for e in shortcuts.entries if e.keys[0] == "Ctrl+Shift+F"} == {"查找"})
    assert ("在文库中查找", "Ctrl+Shift+F") in shortcuts.listed()
    assert goto.windowTitle() == "跳转到位置"
