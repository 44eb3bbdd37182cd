#!/usr/bin/env bash
# Re-extract the UI strings (self.tr / QCoreApplication.translate / QT_TRANSLATE_NOOP) from reader/ui
# and reader/app.py into resources/translations/reader_<lang>.ts, keeping existing translations.
# New strings come out as type="unfinished": translate them (Qt Linguist: .venv/bin/pyside6-linguist,
# or any editor), then `make translations` compiles the .qm. tests/ui/settings/test_i18n.py fails while any
# string is untranslated.
set -eu
cd "$(dirname "$0")/.."
BIN=${BIN:-.venv/bin}
LUPDATE="$BIN/pyside6-lupdate"
[ -x "$LUPDATE" ] || LUPDATE=$(command -v pyside6-lupdate)
sources=$(find reader/ui -name "*.py" | sort; echo reader/app.py)
for lang in zh_CN; do
  # shellcheck disable=SC2086
  "$LUPDATE" -no-obsolete -locations relative $sources -ts "resources/translations/reader_${lang}.ts"
done
# English is the source language: its catalogue holds only the plural forms ("1 hit", "2 hits").
# shellcheck disable=SC2086
"$LUPDATE" -no-obsolete -pluralonly -locations relative $sources -ts resources/translations/reader_en.ts
