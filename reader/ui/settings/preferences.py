"""Preferences: the window's reading settings applied live, and the dialog that changes them.

`Preferences` (one per window, `window.preferences`) holds the `ReaderSettings`, applies them (theme,
reading font and size with the `Zoom` on top, line spacing, page margin, text column width, UI language) to
the text views it is given, lines the breadcrumb up with the text, and saves every change to settings.ini.
`PreferencesDialog` (Edit ▸ Preferences…) edits them; every change applies at once.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtGui import QFont, QFontMetricsF, QGuiApplication, QTextBlockFormat, QTextCursor
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFontComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from reader.ui.settings.i18n import LANGUAGE_SETTINGS, LANGUAGES, install_translator
from reader.ui.settings.notes_rows import NotesRows
from reader.ui.settings.settings import (
    FONT_SIZE_RANGE,
    FONT_STYLES,
    LINE_SPACING_RANGE,
    PAGE_MARGIN_RANGE,
    TEXT_WIDTH_RANGE,
    ReaderSettings,
)
from reader.ui.settings.themes import THEMES, apply_reading_colors, apply_theme, resolve_theme
from reader.ui.views.breadcrumb import Breadcrumb
from reader.ui.views.text_views import PlainView

# A text column's width is counted in full-width characters, measured with this one.
WIDTH_SAMPLE = "\u4e2d"


class Zoom:
    """The reading text's zoom: whole points over the chosen font size, within -8..+20."""

    def __init__(self) -> None:
        self.steps = 0

    def change(self, steps: int) -> None:
        """Larger (steps > 0), smaller, or (steps == 0) back to the chosen size."""
        self.steps = 0 if steps == 0 else max(-8, min(20, self.steps + steps))

    def point_size(self, chosen: float) -> float:
        """The size the text is shown at when `chosen` is the size in the preferences."""
        return max(6.0, chosen + self.steps)


class Preferences(QObject):
    """Applies ReaderSettings to the application and to the text views, and saves changes."""

    changed = Signal(object)
    statisticsChanged = Signal(bool)  # Keep reading statistics was ticked or unticked
    languageChanged = Signal(str)  # the UI language changed (its translator is installed): retranslate now

    def __init__(self, views, parent: QWidget, settings: ReaderSettings | None = None) -> None:
        """`views`: the text views to format; `parent`: the window, whose widgets get accessible names."""
        super().__init__(parent)
        self.setObjectName("preferences")
        self._root = parent
        self._breadcrumbs: list[Breadcrumb] = []  # the window's, found on first use
        self._text_views = list(views)
        self.zoom = Zoom()
        self.settings = settings or ReaderSettings.load()
        self.theme = "light"
        for view in self._views():
            view.sizeOrFontChanged.connect(lambda view=view: self._on_view_changed(view))
        hints = QGuiApplication.styleHints()
        if hints is not None:
            hints.colorSchemeChanged.connect(self._on_system_scheme)
        self.apply()

    # --- applying -------------------------------------------------------------------------------

    def _views(self) -> list[QAbstractScrollArea]:
        return self._text_views

    def apply(self) -> None:
        """Apply every setting."""
        self.apply_theme()
        self.apply_font()
        self.format_documents()
        self._name_widgets()

    def apply_theme(self) -> None:
        app = QApplication.instance()
        self.theme = apply_theme(app, self.settings.theme) if app else resolve_theme(self.settings.theme)
        for view in self._views():
            apply_reading_colors(view, self.theme)

    def zoom_by(self, steps: int) -> None:
        """Make the text larger (steps > 0), smaller, or (steps == 0) the chosen size."""
        self.zoom.change(steps)
        self.apply_font()

    def apply_font(self) -> None:
        """The reading font and size (plus the zoom) on both views, then the column width."""
        typography = self.settings.typography()
        size = self.zoom.point_size(self.settings.font_size)
        for view in self._views():
            font = QFont(view.font())
            font.setFamilies(list(typography.families))
            font.setStyleHint(QFont.StyleHint.Serif if typography.style == "serif" else QFont.StyleHint.SansSerif)
            font.setPointSizeF(size)
            view.setFont(font)
        self.apply_width()

    def apply_width(self) -> None:
        for view in self._views():
            self._fit_column(view)
            self._align_breadcrumb(view)

    def _align_breadcrumb(self, view: QAbstractScrollArea) -> None:
        """The breadcrumb starts where the text of the view on show starts."""
        if view.objectName() == "textView":
            if not self._breadcrumbs:  # looked up once: walking the window's objects costs ~10 ms a document
                self._breadcrumbs = self._root.findChildren(Breadcrumb)
            for breadcrumb in self._breadcrumbs:
                breadcrumb.align_to(view)

    def _fit_column(self, view: QAbstractScrollArea) -> None:
        """Centre the text in a column at most `max_text_width` full-width characters wide."""
        characters = self.settings.max_text_width
        side = 0
        if characters > 0:
            metrics = QFontMetricsF(view.font())
            margin = view.document_view().documentMargin()
            column = characters * metrics.horizontalAdvance(WIDTH_SAMPLE) + 2 * margin
            bar = view.verticalScrollBar()
            available = view.width() - 2 * view.frameWidth() - (bar.sizeHint().width() if bar.isVisible() else 0)
            side = max(0, int((available - column) / 2))
        current = view.viewportMargins()
        if (current.left(), current.right()) != (side, side):
            view.setViewportMargins(side, 0, side, 0)

    def format_documents(self) -> None:
        """Line spacing and page margin on both views (the plain view lays its lines out itself; the
        rendered view's blocks get the line height, fast: 0.01 s for 5 M characters)."""
        for view in self._views():
            if isinstance(view, PlainView):
                view.set_line_spacing(self.settings.line_spacing)
                view.set_page_margin(self.settings.page_margin)
            else:
                view.set_reading_style(margin=self.settings.page_margin)  # kept through theme restyles too
                self._format_rendered(view.document_view())
            self._align_breadcrumb(view)

    def _format_rendered(self, document) -> None:
        document.setDocumentMargin(self.settings.page_margin)
        block_format = QTextBlockFormat()
        block_format.setLineHeight(
            self.settings.line_spacing * 100, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value
        )
        if _has_line_height(document, block_format):
            return
        undo = document.isUndoRedoEnabled()
        document.setUndoRedoEnabled(False)
        cursor = QTextCursor(document)
        cursor.beginEditBlock()
        cursor.select(QTextCursor.SelectionType.Document)
        cursor.mergeBlockFormat(block_format)
        cursor.endEditBlock()
        document.setUndoRedoEnabled(undo)

    def _name_widgets(self) -> None:
        """Accessible names for the widgets a screen reader user moves between."""
        names = {
            "textView": self.tr("Document text"),
            "textViewInactive": self.tr("Document text"),
            "outlineTree": self.tr("Outline"),
            "libraryList": self.tr("Library"),
            "breadcrumb": self.tr("Current section"),
            "outlineFilter": self.tr("Filter the outline"),
            "libraryFilter": self.tr("Filter the library"),
        }
        for name, label in names.items():
            for widget in self._root.findChildren(QWidget, name):
                if not widget.accessibleName():
                    widget.setAccessibleName(label)

    def _on_view_changed(self, view: QAbstractScrollArea) -> None:
        if self.settings.max_text_width:
            self._fit_column(view)
        self._align_breadcrumb(view)

    def _on_system_scheme(self, _scheme) -> None:
        if self.settings.theme == "system":
            self.apply_theme()

    # --- changing -------------------------------------------------------------------------------

    def change(self, **values) -> ReaderSettings:
        """Change some settings (field=value), apply them at once and save them."""
        old = self.settings
        new = replace(old, **values).validated()
        if new == old:
            return new
        self.settings = new
        new.save()
        if new.theme != old.theme:
            self.apply_theme()
        if new.theme != old.theme or (new.font_family, new.font_style, new.font_size) != (
                old.font_family, old.font_style, old.font_size):
            self.apply_font()  # a new application stylesheet resets the views' fonts
        if (new.line_spacing, new.page_margin) != (old.line_spacing, old.page_margin):
            self.format_documents()
        if new.max_text_width != old.max_text_width:
            self.apply_width()
        if new.keep_statistics != old.keep_statistics:
            self.statisticsChanged.emit(new.keep_statistics)
        if new.language != old.language:
            app = QApplication.instance()
            if app is not None:
                install_translator(app, new.language)
                self.languageChanged.emit(new.language)  # at once, not when the posted LanguageChange arrives
        self.changed.emit(new)
        return new

    def restore_defaults(self) -> ReaderSettings:
        defaults = ReaderSettings()
        return self.change(**{k: v for k, v in defaults.to_dict().items() if k != "version"})


class PreferencesDialog(QDialog):
    """Theme, reading font (or the default's kind), size, line spacing, page margin, text width and language;
    every change applies at once."""

    def __init__(self, preferences: Preferences, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("preferencesDialog")
        self.preferences = preferences
        self._updating = False
        layout = QVBoxLayout(self)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        layout.addLayout(self.form)

        self.theme_box = QComboBox(self, objectName="themeCombo")
        for theme in THEMES:
            self.theme_box.addItem("", theme)
        self.theme_box.currentIndexChanged.connect(lambda: self._set(theme=self.theme_box.currentData()))

        font_row = QWidget(self)
        font_layout = QHBoxLayout(font_row)
        font_layout.setContentsMargins(0, 0, 0, 0)
        self.default_font = QCheckBox(font_row, objectName="defaultFontCheck")
        self.font_box = QFontComboBox(font_row, objectName="fontFamilyCombo")
        self.font_box.setMinimumContentsLength(16)
        font_layout.addWidget(self.font_box, 1)
        font_layout.addWidget(self.default_font)
        self.default_font.toggled.connect(self._font_changed)
        self.font_box.currentFontChanged.connect(self._font_changed)

        self.size_spin = QDoubleSpinBox(self, objectName="fontSizeSpin")
        self.size_spin.setRange(*FONT_SIZE_RANGE)
        self.size_spin.setDecimals(1)
        self.size_spin.setSingleStep(1.0)
        self.size_spin.valueChanged.connect(lambda value: self._set(font_size=value))

        self.spacing_spin = QDoubleSpinBox(self, objectName="lineSpacingSpin")
        self.spacing_spin.setRange(*LINE_SPACING_RANGE)
        self.spacing_spin.setDecimals(2)
        self.spacing_spin.setSingleStep(0.1)
        self.spacing_spin.valueChanged.connect(lambda value: self._set(line_spacing=value))

        self.style_box = QComboBox(self, objectName="fontStyleCombo")
        for style in FONT_STYLES:
            self.style_box.addItem("", style)
        self.style_box.currentIndexChanged.connect(lambda: self._set(font_style=self.style_box.currentData()))

        self.margin_spin = QSpinBox(self, objectName="pageMarginSpin")
        self.margin_spin.setRange(*PAGE_MARGIN_RANGE)
        self.margin_spin.setSingleStep(4)
        self.margin_spin.valueChanged.connect(lambda value: self._set(page_margin=value))

        self.width_spin = QSpinBox(self, objectName="textWidthSpin")
        self.width_spin.setRange(*TEXT_WIDTH_RANGE)
        self.width_spin.setSingleStep(5)
        self.width_spin.valueChanged.connect(lambda value: self._set(max_text_width=value))

        self.language_box = QComboBox(self, objectName="languageCombo")
        for language in LANGUAGE_SETTINGS:
            self.language_box.addItem("", language)
        self.language_box.currentIndexChanged.connect(lambda: self._set(language=self.language_box.currentData()))
        self.language_note = QLabel(self, objectName="languageNote")
        self.language_note.setWordWrap(True)

        self.notes = NotesRows(self, self._set)
        self.clearStatisticsRequested = self.notes.clearStatisticsRequested

        self.labels = [QLabel(self) for _ in range(10)]
        for label, field in zip(self.labels, (self.theme_box, font_row, self.style_box, self.size_spin,
                                              self.spacing_spin, self.margin_spin, self.width_spin,
                                              self.language_box, self.notes.folder_row, self.notes.statistics_row),
                                strict=True):
            label.setBuddy({font_row: self.font_box, self.notes.folder_row: self.notes.choose_button,
                            self.notes.statistics_row: self.notes.keep_check}.get(field, field))
            self.form.addRow(label, field)
            if field is self.language_box:
                self.form.addRow("", self.language_note)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.defaults_button = QPushButton(self, objectName="restoreDefaultsButton")
        self.buttons.addButton(self.defaults_button, QDialogButtonBox.ButtonRole.ResetRole)
        self.defaults_button.clicked.connect(self.preferences.restore_defaults)
        self.buttons.rejected.connect(self.close)
        layout.addWidget(self.buttons)

        preferences.changed.connect(self.show_settings)
        self.retranslate()
        self.show_settings(preferences.settings)
        self.setMinimumWidth(460)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Preferences"))
        texts = (self.tr("&Theme:"), self.tr("&Font:"), self.tr("Default font &kind:"), self.tr("Font &size:"),
                 self.tr("&Line spacing:"), self.tr("Page &margin:"), self.tr("Text &width:"), self.tr("&Language:"),
                 self.tr("&Notes folder:"), self.tr("Statistics:"))
        for label, text in zip(self.labels, texts, strict=True):
            label.setText(text)
        themes = (self.tr("Follow the system"), self.tr("Light"), self.tr("Dark"), self.tr("Sepia"))
        for index, text in enumerate(themes):
            self.theme_box.setItemText(index, text)
        self.default_font.setText(self.tr("Default font"))
        for index, text in enumerate((self.tr("Serif (Song/Ming)"), self.tr("Sans serif (Hei)"))):
            self.style_box.setItemText(index, text)
        self.style_box.setToolTip(self.tr("The reading font used when \"Default font\" is ticked."))
        self.margin_spin.setSuffix(self.tr(" px"))
        self.margin_spin.setToolTip(self.tr("Room between the text and the edges of its column."))
        self.size_spin.setSuffix(self.tr(" pt"))
        self.spacing_spin.setSuffix(self.tr(" ×"))
        self.width_spin.setSuffix(self.tr(" characters"))
        self.width_spin.setSpecialValueText(self.tr("No limit"))
        self.width_spin.setToolTip(self.tr("The widest the text column gets, in full-width (Chinese) characters."))
        for index, text in enumerate((self.tr("Follow the system"), *LANGUAGES.values())):
            self.language_box.setItemText(index, text)
        self.language_note.setText(self.tr("The whole window changes at once."))
        self.notes.retranslate()
        self.defaults_button.setText(self.tr("Restore &Defaults"))
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def show_settings(self, settings: ReaderSettings) -> None:
        """Show `settings` in the fields (without applying them again)."""
        self._updating = True
        try:
            self.theme_box.setCurrentIndex(max(0, self.theme_box.findData(settings.theme)))
            self.default_font.setChecked(not settings.font_family)
            self.font_box.setEnabled(bool(settings.font_family))
            self.font_box.setCurrentFont(QFont(settings.font_family or QApplication.font().family()))
            self.size_spin.setValue(settings.font_size)
            self.spacing_spin.setValue(settings.line_spacing)
            self.style_box.setCurrentIndex(max(0, self.style_box.findData(settings.font_style)))
            self.style_box.setEnabled(not settings.font_family)
            self.margin_spin.setValue(settings.page_margin)
            self.width_spin.setValue(settings.max_text_width)
            self.language_box.setCurrentIndex(max(0, self.language_box.findData(settings.language)))
            self.notes.show_settings(settings)
        finally:
            self._updating = False

    def _font_changed(self, *_args) -> None:
        if self._updating:
            return
        self.font_box.setEnabled(not self.default_font.isChecked())
        self._set(font_family="" if self.default_font.isChecked() else self.font_box.currentFont().family())

    def _set(self, **values) -> None:
        if not self._updating:
            self.preferences.change(**values)


def _has_line_height(document, wanted: QTextBlockFormat) -> bool:
    """Whether the document's first and last blocks already have `wanted`'s line height."""
    def same(block) -> bool:
        current = block.blockFormat()
        return (current.lineHeight(), current.lineHeightType()) == (wanted.lineHeight(), wanted.lineHeightType())
    return same(document.firstBlock()) and same(document.lastBlock())
