"""The 120 chapters (回) of 红楼梦, from the real GB18030 file."""
from __future__ import annotations

from outline_shared import read_document

from reader.outline import document_title, extract_outline
from reader.outline.chinese import cn_number

DIGITS = "零一二三四五六七八九"


def _chinese(number: int) -> str:
    """1 -> 一, 16 -> 十六, 116 -> 一百十六, 120 -> 一百二十 (the file's own spelling)."""
    hundreds, rest = divmod(number, 100)
    tens, ones = divmod(rest, 10)
    out = f"{DIGITS[hundreds]}百" if hundreds else ""
    if tens:
        out += ("" if tens == 1 and not hundreds else DIGITS[tens]) + "十"
    elif hundreds and ones:
        out += "零"
    return out + (DIGITS[ones] if ones else "")


def test_all_120_chapters_in_order_at_level_1() -> None:
    text = read_document("testdata/hongloumeng.gb18030.txt", "gb18030")
    found = extract_outline(text)
    assert len(found) == 120
    for number, heading in enumerate(found, 1):
        assert heading.level == 1
        assert cn_number(heading.title[1:heading.title.index("回")]) == number
        assert text[heading.offset:].startswith("第"), heading
    assert [h.offset for h in found] == sorted(h.offset for h in found)


def test_spot_titles_and_the_first_line_trap() -> None:
    text = read_document("testdata/hongloumeng.gb18030.txt", "gb18030")
    found = extract_outline(text)
    assert found[0].title == "第一回 甄士隐梦幻识通灵 贾雨村风尘怀闺秀"
    assert found[4].title == "第五回 游幻境指迷十二钗 饮仙醪曲演红楼梦"
    assert found[-1].title == "第一百二十回 甄士隐详说太虚情 贾雨村归结红楼梦"
    assert not any(h.title.startswith("第四回中") for h in found)
    assert document_title(text) == "红楼梦"


def test_chinese_numbers_round_trip() -> None:
    for number in (1, 10, 11, 16, 20, 99, 100, 110, 116, 120):
        assert cn_number(_chinese(number)) == number
