"""Sentences for read aloud: split where a listener pauses, glosses and Markdown marks not said."""

from __future__ import annotations

from reader.text.sentences import MAX_SENTENCE, sentences

TEXT = ("第一章 开始\n\n他说：「好学(xué)习(xí)。」她问？是的！\n" + "很长的句子，" * 50
        + "完。\nHello world. Next one!\n")


def _parts(text: str, **options) -> list[str]:
    return [text[s.offset:s.offset + s.length] for s in sentences(text, **options)]


def test_split_on_chinese_and_western_ends_keeping_closing_quotes() -> None:
    parts = _parts(TEXT, headings=frozenset({0}))
    assert parts[:4] == ["第一章 开始", "他说：「好学(xué)习(xí)。」", "她问？", "是的！"]
    assert parts[-2:] == ["Hello world.", "Next one!"]


def test_long_sentences_are_cut_after_commas() -> None:
    long = [s for s in sentences(TEXT) if s.spoken.startswith("很长")]
    assert len(long) == 2 and all(s.length <= MAX_SENTENCE for s in long)
    assert TEXT[long[0].offset:long[0].offset + long[0].length].endswith("，")
    assert long[1].offset + long[1].length == TEXT.index("完。") + 2


def test_glosses_are_not_said_and_headings_are_marked() -> None:
    said = list(sentences(TEXT, headings=frozenset({0})))
    assert said[0].heading and not said[1].heading
    assert said[1].spoken == "他说：「好学习。」"


def test_markdown_is_said_without_its_marks_and_boilerplate_is_skipped() -> None:
    text = "# 标题 {#top}\n\n- [链接](http://example.org) 和 **粗体**。\n\n本章完\n"
    said = list(sentences(text, markdown=True, skip_line=lambda line: line == "本章完"))
    assert [s.spoken for s in said] == ["标题", "链接 和 粗体。"]


def test_starting_inside_the_text() -> None:
    start = TEXT.index("她问")
    assert _parts(TEXT, start=start)[:2] == ["她问？", "是的！"]
