"""Exit 1 unless Qt sees no font with CJK glyphs: proof that `make test-nocjk` tests the UI as on a bare machine."""
from __future__ import annotations

import os
import sys

from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication, QRawFont

PROBES = "中文讲話あ한"  # simplified, traditional, kana, hangul


def cjk_families() -> list[str]:
    """Families that claim a CJK writing system or hold a glyph for any probe character."""
    systems = (QFontDatabase.WritingSystem.SimplifiedChinese, QFontDatabase.WritingSystem.TraditionalChinese,
               QFontDatabase.WritingSystem.Japanese, QFontDatabase.WritingSystem.Korean)
    claimed = {family for system in systems for family in QFontDatabase.families(system)}
    holding = {family for family in QFontDatabase.families()
               if any(QRawFont.fromFont(QFont(family)).supportsCharacter(c) for c in PROBES)}
    return sorted(claimed | holding)


def main() -> int:
    app = QGuiApplication(sys.argv[:1])
    conf = os.environ.get("FONTCONFIG_FILE", "(FONTCONFIG_FILE not set)")
    found, families = cjk_families(), QFontDatabase.families()
    del app
    if found:
        print(f"{conf} still lets Qt use CJK fonts: {', '.join(found)}", file=sys.stderr)
        return 1
    print(f"{conf}: {len(families)} font families, none with CJK glyphs")
    return 0


if __name__ == "__main__":
    sys.exit(main())
