"""Chinese script display: OpenCC conversions, and spans mapped between display and source exactly."""

from __future__ import annotations

import pytest

from reader.text.script import SCRIPTS, display

SOURCE = "内存不足时，鼠标和软件都会卡住。\n第二行：信息技术与网络。\n头发很长，发现了问题。\n"
WORDS = ["内存", "鼠标", "软件", "卡住", "信息技术", "网络", "头发", "发现", "第二行"]


def test_each_script_converts_as_opencc_does() -> None:
    assert display(SOURCE, "as-written").text == SOURCE
    assert display(SOURCE, "traditional").text.startswith("內存不足時，鼠標和軟件都會卡住。")
    assert display(SOURCE, "taiwan").text.startswith("記憶體不足時，滑鼠和軟體都會卡住。\n第二行：資訊科技與網路。")
    assert display(SOURCE, "hongkong").text.startswith("內存不足時，鼠標和軟件都會卡住。")
    assert display("頭髮發現", "simplified").text == "头发发现"


@pytest.mark.parametrize("script", list(SCRIPTS))
def test_a_source_span_shows_as_its_converted_form_and_maps_back(script: str) -> None:
    shown = display(SOURCE, script)
    for word in WORDS:
        start = SOURCE.index(word)
        first, last = shown.map.view_range(start, len(word))
        assert shown.text[first:last] == display(word, script).text or script == "taiwan"
        offset, length = shown.map.source_range(first, last)
        assert SOURCE[offset:offset + length] == word  # a selection of the converted form bookmarks the source


def test_phrases_that_change_length_keep_every_offset_after_them() -> None:
    shown = display(SOURCE, "taiwan")
    assert len(shown.text) != len(SOURCE)
    for word, converted in [("内存", "記憶體"), ("鼠标", "滑鼠"), ("软件", "軟體"), ("信息技术", "資訊科技"),
                            ("网络", "網路"), ("问题", "問題")]:
        first, last = shown.map.view_range(SOURCE.index(word), len(word))
        assert shown.text[first:last] == converted


def test_a_span_inside_a_changed_phrase_takes_the_whole_phrase() -> None:
    shown = display(SOURCE, "taiwan")
    first, last = shown.map.view_range(SOURCE.index("内存"), 1)  # only 内
    assert shown.text[first:last] == "記憶體"
    offset, length = shown.map.source_range(first + 1, first + 2)  # only 憶
    assert SOURCE[offset:offset + length] == "内存"


def test_large_texts_convert_in_chunks_with_exact_offsets() -> None:
    source = SOURCE * 3000  # ~100,000 characters: many chunks
    shown = display(source, "taiwan")
    last = source.rindex("信息技术")
    first, end = shown.map.view_range(last, 4)
    assert shown.text[first:end] == "資訊科技"
    assert shown.map.source_range(first, end) == (last, 4)


def test_the_c_api_converts_as_the_binding_does_and_keeps_nuls() -> None:
    import opencc

    from reader.text.script import _converter, convert_markup, convert_text

    sample = "鼠标和内存的软件信息，學習數據。\nplain ASCII <b>stays</b>\n" * 50
    for config in ("t2s", "s2t", "s2twp", "s2hk"):
        assert _converter(config).convert(sample) == opencc.OpenCC(config).convert(sample)
    assert convert_text("内存\0软件", "taiwan") == "記憶體\0軟體"
    link = '<a href="软件.md" title="内存">软件</a>'  # tags (link targets) stay as written, text converts
    assert convert_markup(link, "taiwan") == link.replace(">软件<", ">軟體<")
