"""The chapter rules editor: a rule set's rules, a live preview on the open document, and where the set applies."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QRunnable, Qt, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from reader.documents.loader import read_regular_file
from reader.documents.names import display_name
from reader.outline.loading import OutlineSource, detected_outline
from reader.outline.model import Heading
from reader.outline.rules import (
    MAX_LEVEL,
    MIN_LEVEL,
    Rule,
    RuleSet,
    RuleSetError,
    check_rule,
    describe,
    parse_rule_set,
)
from reader.outline.rules_builtin import AUTO, builtin_sets
from reader.outline.rules_runner import RulesTooSlow, run_rules
from reader.outline.rules_store import RuleStore, write_json
from reader.ui.outline.labels import convention_label

PREVIEW_DELAY_MS = 150
PREVIEW_MATCHES = 200  # the first matches listed
PREVIEW_BUDGET_S = 5.0  # the longest a preview may take on the document (then the slow rule is named)
PATTERN, LEVEL, EXAMPLE, MATCHES = range(4)
RULE_FILE_BYTES = 1024 * 1024
ERROR_STYLE = "color: #c62828;"
EDITED = ""  # the rule set combo's entry for rules edited and not applied yet


@dataclass
class Preview:
    """A preview's answer: the headings, the rule behind each, counts per rule, or the problem (and its rule)."""

    headings: list[Heading]
    rule_of: list[int]
    counts: list[int]
    every_line: list[bool]
    source: OutlineSource | None = None
    problem: str = ""
    problem_rule: int | None = None


class _PreviewSignals(QObject):
    done = Signal(int, object)  # query id, Preview


class _PreviewTask(QRunnable):
    """Applies a rule set (None: automatic detection) to the document, off the UI thread."""

    def __init__(self, query: int, document, rule_set: RuleSet | None, cancel: threading.Event,
                 signals: _PreviewSignals) -> None:
        super().__init__()
        self.query, self.document, self.rule_set, self.cancel, self.signals = query, document, rule_set, cancel, signals

    def run(self) -> None:
        try:
            preview = self._preview()
        except RulesTooSlow as error:
            if error.cancelled:
                return
            preview = Preview([], [], [], [], problem=str(error), problem_rule=error.rule)
        except RuleSetError as error:
            preview = Preview([], [], [], [], problem=str(error), problem_rule=error.rule)
        if not self.cancel.is_set():
            try:
                self.signals.done.emit(self.query, preview)
            except RuntimeError:
                pass  # the dialog is gone

    def _preview(self) -> Preview:
        if self.rule_set is None:
            headings, source = detected_outline(self.document)
            return Preview(headings, [], [], [], source)
        result = run_rules(self.document.text, self.rule_set, budget=PREVIEW_BUDGET_S, cancel=self.cancel)
        source = OutlineSource("rules", self.rule_set.name)
        return Preview(result.headings, result.rule_of, result.counts, result.every_line, source)


class RulesDialog(QDialog):
    """Edits a rule set and shows, while typing, what it finds in the open document; Apply makes the set the
    document's (or its folder's) and shows the outline it gives (`outlineChosen`)."""

    jumpRequested = Signal(int, int)  # offset, length of a previewed match
    outlineChosen = Signal(object, object)  # flat headings, OutlineSource

    def __init__(self, session, store: RuleStore | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("chapterRulesDialog")
        self.session = session
        self.store = store if store is not None else RuleStore()
        self._query = 0
        self._cancel = threading.Event()
        self._preview: Preview | None = None
        self._previewed: tuple | None = None  # the (name, rules) the shown preview was computed for
        self._pending_key: tuple | None = None
        self._row_problems: dict[int, str] = {}
        self._preview_rows: list[int] = []  # the table row of each rule the preview ran (valid rows only)
        self._filling = False
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self._signals = _PreviewSignals(self)
        self._signals.done.connect(self._show_preview)
        self._timer = QTimer(self, singleShot=True, interval=PREVIEW_DELAY_MS)
        self._timer.timeout.connect(self.refresh_preview)
        self._build()
        self.retranslate_ui()
        self.resize(820, 640)
        if session is not None:
            session.documentChanged.connect(lambda _document: self.load_choice())
        self.load_choice()

    # --- construction -------------------------------------------------------------------------

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.set_combo = QComboBox(self, objectName="rulesSetCombo")
        self.set_combo.activated.connect(self._set_chosen)
        self.name_edit = QLineEdit(self, objectName="rulesNameEdit")
        self.name_edit.textEdited.connect(lambda _text: self._changed())
        self.set_label, self.name_label = QLabel(self), QLabel(self)
        form.addRow(self.set_label, self.set_combo)
        form.addRow(self.name_label, self.name_edit)
        layout.addLayout(form)
        self.table = QTableWidget(0, 4, self, objectName="rulesTable")
        self.table.setStyleSheet("QTableWidget { selection-background-color: transparent; }")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(PATTERN, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(EXAMPLE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(MATCHES, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table, 2)
        layout.addLayout(self._build_row_buttons())
        self.problem_label = QLabel(self, objectName="rulesProblem", wordWrap=True)
        self.problem_label.setStyleSheet(ERROR_STYLE)
        self.problem_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.problem_label)
        self.preview_status = QLabel(self, objectName="rulesPreviewStatus")
        layout.addWidget(self.preview_status)
        self.preview_list = QListWidget(self, objectName="rulesPreviewList")
        self.preview_list.itemClicked.connect(self._jump)
        self.preview_list.itemActivated.connect(self._jump)
        layout.addWidget(self.preview_list, 3)
        layout.addLayout(self._build_bottom())

    def _build_row_buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.add_button = QPushButton(self, objectName="rulesAddButton", clicked=lambda: self.add_rule())
        self.remove_button = QPushButton(self, objectName="rulesRemoveButton", clicked=self.remove_rule)
        self.up_button = QPushButton(self, objectName="rulesUpButton", clicked=lambda: self.move_rule(-1))
        self.down_button = QPushButton(self, objectName="rulesDownButton", clicked=lambda: self.move_rule(+1))
        self.import_button = QPushButton(self, objectName="rulesImportButton", clicked=self._ask_import)
        self.export_button = QPushButton(self, objectName="rulesExportButton", clicked=self._ask_export)
        for button in (self.add_button, self.remove_button, self.up_button, self.down_button):
            row.addWidget(button)
        row.addStretch(1)
        row.addWidget(self.import_button)
        row.addWidget(self.export_button)
        return row

    def _build_bottom(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.scope_label = QLabel(self)
        self.scope_combo = QComboBox(self, objectName="rulesScope")
        self.scope_combo.addItems(["", ""])
        self.buttons = QDialogButtonBox(self)
        self.apply_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Apply)
        self.apply_button.setObjectName("rulesApplyButton")
        self.apply_button.clicked.connect(self.apply)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.close_button.setObjectName("rulesCloseButton")
        self.close_button.clicked.connect(self.close)
        row.addWidget(self.scope_label)
        row.addWidget(self.scope_combo, 1)
        row.addWidget(self.buttons)
        return row

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Chapter Rules"))
        self.set_label.setText(self.tr("Rule set:"))
        self.name_label.setText(self.tr("Name:"))
        self.name_edit.setPlaceholderText(self.tr("Name of your rule set"))
        self.table.setHorizontalHeaderLabels(
            [self.tr("Pattern (regular expression)"), self.tr("Level"), self.tr("Example"), self.tr("Matches")])
        self.add_button.setText(self.tr("Add Rule"))
        self.remove_button.setText(self.tr("Remove"))
        self.up_button.setText(self.tr("Move Up"))
        self.down_button.setText(self.tr("Move Down"))
        self.import_button.setText(self.tr("Import…"))
        self.export_button.setText(self.tr("Export…"))
        self.scope_label.setText(self.tr("Use for:"))
        self.apply_button.setText(self.tr("Apply"))
        self.close_button.setText(self.tr("Close"))
        self._fill_set_combo()
        self._fill_scope()
        self._show_problems()
        if self._preview is not None:
            self._show_preview_status()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def _fill_set_combo(self) -> None:
        current = self.set_combo.currentData()
        self.set_combo.clear()
        self.set_combo.addItem(self.tr("Automatic detection (default)"), AUTO)
        for name in builtin_sets():
            self.set_combo.addItem(self.tr("Built-in: %s") % convention_label(name), name)
        for name in self.store.saved():
            self.set_combo.addItem(name, name)
        self._select_in_combo(current or AUTO)

    def _select_in_combo(self, name: str) -> None:
        index = self.set_combo.findData(name)
        self.set_combo.setCurrentIndex(max(index, 0))
        edited = self.set_combo.findData(EDITED)
        if name != EDITED and edited >= 0:
            self.set_combo.removeItem(edited)

    def _fill_scope(self) -> None:
        document = self._document()
        folder = display_name(document.path.parent.name) if document is not None else ""
        self.scope_combo.setItemText(0, self.tr("This document"))
        self.scope_combo.setItemText(1, self.tr("Every document in the folder “%s”") % folder)

    # --- the rules ------------------------------------------------------------------------------

    def _document(self):
        return self.session.document if self.session is not None else None

    def load_choice(self) -> None:
        """Show the set the open document uses (or automatic detection)."""
        document = self._document()
        name = None
        if document is not None:
            try:
                name = self.store.choice_for(document.path, lambda: document.content_hash)
            except OSError:
                name = None
        self._fill_set_combo()
        self._fill_scope()
        self.load_set(name or AUTO)

    def _set_chosen(self, _index: int) -> None:
        name = self.set_combo.currentData()
        if name != EDITED:
            self.load_set(name)

    def load_set(self, name: str) -> None:
        """Fill the editor with the set called `name` (AUTO: no rules)."""
        rule_set = self.store.find(name) if name != AUTO else None
        self._select_in_combo(name if rule_set is not None or name == AUTO else AUTO)
        self.name_edit.setText(name if rule_set is not None else "")
        self.set_rules(list(rule_set.rules) if rule_set is not None else [])

    def set_rules(self, rules: list[Rule]) -> None:
        """Show `rules` in the table (and preview them)."""
        self._fill_table([(r.pattern, r.level, r.example) for r in rules])

    def rows(self) -> list[tuple[str, int, str]]:
        """(pattern, level, example) of each row, as typed."""
        return [(self._cell(row, PATTERN).text(), self._cell(row, LEVEL).value(), self._cell(row, EXAMPLE).text())
                for row in range(self.table.rowCount())]

    def _cell(self, row: int, column: int):
        return self.table.cellWidget(row, column)

    def _fill_table(self, rows: list[tuple[str, int, str]], current: int | None = None) -> None:
        self._filling = True
        self.table.setRowCount(0)
        self.table.setRowCount(len(rows))
        for row, (pattern, level, example) in enumerate(rows):
            pattern_edit = QLineEdit(pattern, self.table, objectName="rulePattern")
            pattern_edit.textEdited.connect(lambda _text: self._changed())
            level_spin = QSpinBox(self.table, objectName="ruleLevel")
            level_spin.setRange(MIN_LEVEL, MAX_LEVEL)
            level_spin.setValue(max(MIN_LEVEL, min(MAX_LEVEL, level)))
            level_spin.valueChanged.connect(lambda _value: self._changed())
            example_edit = QLineEdit(example, self.table, objectName="ruleExample")
            example_edit.textEdited.connect(lambda _text: self._changed())
            matches = QLabel(self.table, objectName="ruleMatches")
            matches.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            for column, widget in ((PATTERN, pattern_edit), (LEVEL, level_spin), (EXAMPLE, example_edit),
                                   (MATCHES, matches)):
                self.table.setCellWidget(row, column, widget)
        if current is not None and 0 <= current < len(rows):
            self.table.selectRow(current)
        self._filling = False
        self._changed(edited=False)

    def add_rule(self, pattern: str = "", level: int = 2, example: str = "") -> None:
        rows = self.rows() + [(pattern, level, example)]
        self._fill_table(rows, len(rows) - 1)
        self._make_own()
        self._cell(len(rows) - 1, PATTERN).setFocus()

    def remove_rule(self) -> None:
        row, rows = self.table.currentRow(), self.rows()
        if 0 <= row < len(rows):
            del rows[row]
            self._fill_table(rows, min(row, len(rows) - 1))
            self._make_own()

    def move_rule(self, step: int) -> None:
        row, rows = self.table.currentRow(), self.rows()
        if 0 <= row < len(rows) and 0 <= row + step < len(rows):
            rows[row], rows[row + step] = rows[row + step], rows[row]
            self._fill_table(rows, row + step)
            self._make_own()

    def _make_own(self) -> None:
        """Edited rules are the reader's own set: a built-in name gives way to a name of their own."""
        name = self.name_edit.text().strip()
        if not name or name == AUTO or name in builtin_sets():
            self.name_edit.setText(self.tr("My rules"))
        if self.set_combo.findData(EDITED) < 0:
            self.set_combo.addItem(self.tr("Edited rules (not applied yet)"), EDITED)
        self._select_in_combo(EDITED)

    def _changed(self, edited: bool = True) -> None:
        if self._filling:
            return
        if edited:
            self._make_own()
        self._check_rows()
        self._timer.start()
        self._update_buttons()

    def _check_rows(self) -> None:
        self._row_problems = {}
        for row, (pattern, level, example) in enumerate(self.rows()):
            try:
                check_rule(pattern, level, example)
            except RuleSetError as error:
                self._row_problems[row] = str(error)
        self._show_problems()

    def current_set(self) -> RuleSet | None:
        """The set as edited (None: no rules, automatic detection); RuleSetError if a rule is invalid."""
        rows = self.rows()
        if not rows:
            return None
        rules = []
        for row, (pattern, level, example) in enumerate(rows):
            try:
                rules.append(check_rule(pattern, level, example))
            except RuleSetError as error:
                raise RuleSetError(f"rule {row + 1}: {error}", row) from None
        name = self.name_edit.text().strip()
        builtin = builtin_sets().get(name)
        if builtin is not None and builtin.rules == tuple(rules):
            return builtin
        return RuleSet(name or self.tr("My rules"), tuple(rules))

    # --- the preview ----------------------------------------------------------------------------

    def refresh_preview(self) -> None:
        """Work out, off the UI thread, what the rules find in the open document (older answers are dropped)."""
        self._cancel.set()
        self._query += 1
        self._preview, self._previewed = None, None
        document = self._document()
        rule_set, self._preview_rows = self._valid_set()
        if document is None or (rule_set is None and self.table.rowCount()):
            self.preview_status.setText(self.tr("Open a document to see what the rules find.")
                                        if document is None else "")
            self.preview_list.clear()
            self._update_buttons()
            return
        self._cancel = threading.Event()
        self.preview_status.setText(self.tr("Looking for headings…"))
        key = self._key(rule_set)
        self.pool.start(_PreviewTask(self._query, document, rule_set, self._cancel, self._signals))
        self._pending_key = key
        self._update_buttons()

    def _valid_set(self) -> tuple[RuleSet | None, list[int]]:
        """The set of the rows without a problem (None if there is none), and their rows."""
        rows = [row for row in range(self.table.rowCount()) if row not in self._row_problems]
        rules = tuple(check_rule(*self.rows()[row]) for row in rows)
        if not rules:
            return None, []
        name = self.name_edit.text().strip() or self.tr("My rules")
        builtin = builtin_sets().get(name)
        return (builtin if builtin is not None and builtin.rules == rules else RuleSet(name, rules)), rows

    @staticmethod
    def _key(rule_set: RuleSet | None) -> tuple:
        return (None, ()) if rule_set is None else (rule_set.name, rule_set.rules)

    def _show_preview(self, query: int, preview: Preview) -> None:
        if query != self._query:
            return  # an older query's answer
        self._preview, self._previewed = preview, self._pending_key
        for row in range(self.table.rowCount()):
            self._show_matches(row)
        self._show_problems()
        self._show_preview_status()
        self.preview_list.clear()
        for heading in preview.headings[:PREVIEW_MATCHES]:
            item = QListWidgetItem(f"{'    ' * (heading.level - 1)}{heading.title}   ·   "
                                   + self.tr("line %d") % heading.line)
            item.setData(Qt.ItemDataRole.UserRole, (heading.offset, heading.length))
            self.preview_list.addItem(item)
        self._update_buttons()

    def _show_preview_status(self) -> None:
        preview = self._preview
        if preview.problem:
            self.preview_status.setText(self.tr("No preview: see the problem above."))
            return
        count = len(preview.headings)
        text = (self.tr("1 heading in this document") if count == 1
                else self.tr("%d headings in this document") % count)
        if count > PREVIEW_MATCHES:
            text += " " + self.tr("(the first %d listed)") % PREVIEW_MATCHES
        self.preview_status.setText(text)

    def _show_matches(self, row: int) -> None:
        label, preview = self._cell(row, MATCHES), self._preview
        problem = self._row_problem(row)
        if problem:
            label.setText("⚠ " + problem)
            label.setStyleSheet(ERROR_STYLE)
            label.setToolTip(problem)
        elif preview is not None and row in self._preview_rows and not preview.problem:
            count = preview.counts[self._preview_rows.index(row)]
            label.setText(self.tr("1 line") if count == 1 else self.tr("%d lines") % count)
            label.setStyleSheet("")
            label.setToolTip("")
        else:
            label.setText("")
            label.setStyleSheet("")

    def _row_problem(self, row: int) -> str:
        if row in self._row_problems:
            return self._row_problems[row]
        preview = self._preview
        if preview is None:
            return ""
        if row not in self._preview_rows:
            return ""
        index = self._preview_rows.index(row)
        if preview.problem and preview.problem_rule == index:
            prefix = describe(index, self.rows()[row][0])  # the row's number is said by the caller
            text = preview.problem
            return text[len(prefix):].lstrip(": ") if text.startswith(prefix) else text
        if index < len(preview.every_line) and preview.every_line[index]:
            return self.tr("matches every line of this document")
        return ""

    def _show_problems(self) -> None:
        lines = []
        for row in range(self.table.rowCount()):
            self._show_matches(row)
            pattern = self._cell(row, PATTERN)
            problem = self._row_problem(row)
            pattern.setStyleSheet("QLineEdit { border: 1px solid #c62828; }" if problem else "")
            pattern.setToolTip(problem)
            if problem and not lines:
                lines.append(self.tr("Rule %d: %s") % (row + 1, problem))
        preview = self._preview
        if not lines and preview is not None and preview.problem and preview.problem_rule is None:
            lines.append(preview.problem)
        self.problem_label.setText(lines[0] if lines else "")
        self.problem_label.setVisible(bool(lines))

    def problem(self) -> str:
        """The problem shown under the rules ('' when there is none)."""
        return self.problem_label.text() if self.problem_label.isVisible() else ""

    def preview_ready(self) -> bool:
        """Whether the preview shown is for the rules as they are now."""
        return self._preview is not None and not self._timer.isActive()

    def _update_buttons(self) -> None:
        has_rows = self.table.rowCount() > 0
        for button in (self.remove_button, self.up_button, self.down_button):
            button.setEnabled(has_rows)
        ready = self.preview_ready() and not self.problem() and self._document() is not None
        self.apply_button.setEnabled(ready)
        self.export_button.setEnabled(has_rows and not self._row_problems)

    def _jump(self, item: QListWidgetItem) -> None:
        offset, length = item.data(Qt.ItemDataRole.UserRole)
        self.jumpRequested.emit(offset, length)

    # --- applying, importing, exporting ---------------------------------------------------------

    def apply(self) -> bool:
        """Save the set (if it is the reader's own), make it the document's or the folder's, show its outline."""
        document, preview = self._document(), self._preview
        if document is None or preview is None or preview.problem or not self.preview_ready():
            return False
        try:
            rule_set = self.current_set()
            name = AUTO if rule_set is None else rule_set.name
            if rule_set is not None and not rule_set.builtin:
                self.store.save(rule_set)
            if self.scope_combo.currentIndex() == 0:
                self.store.choose_for_document(document.path, document.content_hash, name)
            else:
                self.store.choose_for_folder(document.path.parent, name)
                self.store.choose_for_document(document.path, document.content_hash, None)
        except (RuleSetError, OSError) as error:
            self._tell(self.tr("Could not apply the rules: %s") % error)
            return False
        self._fill_set_combo()
        self._select_in_combo(name)
        self.outlineChosen.emit(list(preview.headings), preview.source)
        return True

    def _tell(self, message: str) -> None:
        self.problem_label.setText(message)
        self.problem_label.setVisible(True)

    def import_file(self, path: str | Path) -> bool:
        """Load the rule set in the JSON file at `path` into the editor (saved on Apply); False, saying why, if
        it is not one."""
        try:
            rule_set = parse_rule_set(read_regular_file(path, RULE_FILE_BYTES))
        except (OSError, UnicodeDecodeError) as error:
            self._tell(self.tr("Could not read %s: %s") % (display_name(path), getattr(error, "strerror", None)
                                                         or error))
            return False
        except RuleSetError as error:
            self._tell(f"{display_name(path)}: {error}")
            return False
        self.name_edit.setText(rule_set.name)
        self.set_rules(list(rule_set.rules))
        return True

    def export_file(self, path: str | Path) -> bool:
        """Write the set as edited to `path` (JSON, atomically); False, saying why, if it cannot be."""
        try:
            rule_set = self.current_set()
            if rule_set is None:
                raise RuleSetError(self.tr("there are no rules to export"))
            write_json(Path(path), rule_set.to_json())
        except (RuleSetError, OSError) as error:
            self._tell(self.tr("Could not export the rules: %s") % error)
            return False
        return True

    def _ask_import(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(self, self.tr("Import Rule Set"), "",
                                                    self.tr("Rule sets (*.json);;All files (*)"))
        if path:
            self.import_file(path)

    def _ask_export(self) -> None:
        name = (self.name_edit.text().strip() or "rules").replace("/", "-")
        path, _filter = QFileDialog.getSaveFileName(self, self.tr("Export Rule Set"), f"{name}.json",
                                                    self.tr("Rule sets (*.json)"))
        if path:
            self.export_file(path)

    def done(self, result: int) -> None:
        self._cancel.set()
        super().done(result)

    def closeEvent(self, event) -> None:
        self._cancel.set()
        super().closeEvent(event)

