"""The reader's own rule sets: one per convention family (named by its id in CONVENTIONS), plus `auto`."""

from __future__ import annotations

from .conventions import CONVENTIONS
from .rules import RuleSet, check_rule

AUTO = "auto"  # the default: automatic detection, no rules
AUTO_LABEL = "Automatic detection"

_NUM = "[一二三四五六七八九十百千万两〇零壹贰叁肆伍陆柒捌玖拾佰仟0-9０-９]+"
_CN = "[一二三四五六七八九十]+"
_AFTER = r"(?:[\s\u3000:：·.、—-]+.{0,40})?$"  # a title after the label, or nothing (not body text)

_SETS: dict[str, list[tuple[str, int, str]]] = {
    "markdown": [
        (r"^#(?!#)\s*(?P<title>.+?)\s*#*$", 1, "# Title"),
        (r"^##(?!#)\s*(?P<title>.+?)\s*#*$", 2, "## Section"),
        (r"^###(?!#)\s*(?P<title>.+?)\s*#*$", 3, "### Subsection"),
        (r"^####(?!#)\s*(?P<title>.+?)\s*#*$", 4, "#### Part"),
    ],
    "chinese-report": [
        (rf"^{_CN}、.{{1,40}}$", 1, "一、总体要求"),
        (rf"^[（(]{_CN}[）)][^。；]{{1,30}}(?:。|$)", 2, "（一）坚持问题导向。"),
        (r"^\d{1,2}[.．、][^\d。；].{0,30}$", 3, "1.加强组织领导"),
    ],
    "chinese-novel": [
        (rf"^第{_NUM}[卷部集]{_AFTER}", 1, "第一卷 风起"),
        (rf"^第{_NUM}[章回节]{_AFTER}", 2, "第十二章 夜雨"),
        (r"^(?:楔子|序章|序言|引子|尾声|后记|终章|完本感言|番外[一二三四五六七八九十0-9]*)" + _AFTER, 2, "番外一 旧事"),
    ],
    "regulation": [
        (rf"^第{_NUM}编{_AFTER}", 1, "第一编 总则"),
        (rf"^第{_NUM}章{_AFTER}", 2, "第一章 总则"),
        (rf"^第{_NUM}节{_AFTER}", 3, "第一节 一般规定"),
        (rf"^(?P<title>第{_NUM}条)(?:[\s\u3000]|$)", 4, "第一条 为了规范管理，制定本条例。"),
    ],
    "english-book": [
        (r"^(?:PART|Part|BOOK|Book)\s+(?:[IVXLC]+|\d+|[A-Z][a-z]+|[A-Z]+)\b.{0,60}$", 1, "PART ONE"),
        (r"^(?:CHAPTER|Chapter)\s+(?:[IVXLC]+|\d+|[A-Z][a-z]+)\b.{0,60}$", 2, "CHAPTER I. Loomings"),
        (r"^(?:PREFACE|Preface|PROLOGUE|Prologue|EPILOGUE|Epilogue|INTRODUCTION|Introduction)\.?$", 2, "Preface"),
    ],
    "english-report": [
        (r"^(?:[IVX]+\.\s+[A-Z][A-Z ,&-]+|APPENDIX\s+[A-Z]\b.{0,60})$", 1, "IV. DISCUSSION"),
        (r"^[A-H]\.\s+[A-Z][a-z]+(?:\s+\S+){0,8}$", 2, "A. Data Collection"),
        (r"^\d{1,2}\.\s+[A-Z][A-Za-z]+(?:\s+[A-Za-z]+){0,8}$", 3, "1. Sampling"),
    ],
}


def builtin_sets() -> dict[str, RuleSet]:
    """The built-in rule sets by name (= convention id), in CONVENTIONS order."""
    return {
        name: RuleSet(name, tuple(check_rule(p, level, example) for p, level, example in _SETS[name]), builtin=True)
        for name in CONVENTIONS if name in _SETS
    }


def label_of(name: str) -> str:
    """What the reader calls a set: the convention's label for a built-in one, else its name."""
    if name == AUTO:
        return AUTO_LABEL
    return CONVENTIONS.get(name, name)
