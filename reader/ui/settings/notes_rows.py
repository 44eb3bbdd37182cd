"""Preferences rows for notes and privacy: the notes folder, Keep reading statistics, Clear statistics…."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QCheckBox, QFileDialog, QHBoxLayout, QLineEdit, QPushButton, QWidget

from reader.documents.names import display_name


class NotesRows(QObject):
    """Two form rows (`folder_row`, `statistics_row`) whose changes go to `set_value(**settings)`."""

    clearStatisticsRequested = Signal()

    def __init__(self, parent: QWidget, set_value) -> None:
        super().__init__(parent)
        self.set_value = set_value
        self.folder_row = QWidget(parent)
        self.folder_edit = QLineEdit(self.folder_row, objectName="notesFolderEdit", readOnly=True)
        self.choose_button = QPushButton(self.folder_row, objectName="chooseNotesFolderButton")
        self.clear_folder_button = QPushButton(self.folder_row, objectName="clearNotesFolderButton")
        row = QHBoxLayout(self.folder_row)
        row.setContentsMargins(0, 0, 0, 0)
        for widget in (self.folder_edit, self.choose_button, self.clear_folder_button):
            row.addWidget(widget)
        self.choose_button.clicked.connect(self.choose_folder)
        self.clear_folder_button.clicked.connect(lambda: self.set_value(notes_folder=""))
        self.statistics_row = QWidget(parent)
        self.keep_check = QCheckBox(self.statistics_row, objectName="keepStatisticsCheck")
        self.clear_statistics_button = QPushButton(self.statistics_row, objectName="clearStatisticsButton")
        row = QHBoxLayout(self.statistics_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.keep_check)
        row.addStretch(1)
        row.addWidget(self.clear_statistics_button)
        self.keep_check.toggled.connect(lambda checked: self.set_value(keep_statistics=checked))
        self.clear_statistics_button.clicked.connect(self.clearStatisticsRequested)

    def retranslate(self) -> None:
        self.folder_edit.setPlaceholderText(self.tr("None: notes are exported by hand"))
        self.folder_edit.setToolTip(self.tr("Each document's bookmarks are kept here as a Markdown note "
                                            "(for Obsidian, Logseq…), rewritten whenever they change."))
        self.choose_button.setText(self.tr("Choose…"))
        self.clear_folder_button.setText(self.tr("None"))
        self.keep_check.setText(self.tr("Keep reading statistics"))
        self.keep_check.setToolTip(self.tr("Reading time per document and day, kept on this computer only."))
        self.clear_statistics_button.setText(self.tr("Clear Statistics…"))

    def show_settings(self, settings) -> None:
        self.folder_edit.setText(display_name(settings.notes_folder) if settings.notes_folder else "")
        self.clear_folder_button.setEnabled(bool(settings.notes_folder))
        self.keep_check.setChecked(settings.keep_statistics)

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self.parent(), self.tr("Notes Folder"))
        if folder:
            self.set_value(notes_folder=folder)
