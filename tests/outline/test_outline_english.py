"""English plain-text conventions and document titles."""
from __future__ import annotations

from reader.outline import Heading, document_title, extract_outline, flatten, nest


def outline(text: str) -> list[tuple[int, str]]:
    return [(h.level, h.title) for h in extract_outline(text)]


def test_chapter_forms_and_parts() -> None:
    text = ("PART ONE\n\nChapter 1\n\nIt was a dark night.\n\nChapter 2: The Storm\n\nRain.\n\n"
            "BOOK II\n\nCHAPTER III. The End\n\nDone.\n")
    assert outline(text) == [(1, "PART ONE"), (2, "Chapter 1"), (2, "Chapter 2: The Storm"),
                             (1, "BOOK II"), (2, "CHAPTER III. The End")]


def test_chapter_title_on_next_line_is_joined() -> None:
    text = "CHAPTER I.\nDown the Rabbit-Hole\nAlice was beginning to get very tired.\n"
    found = extract_outline(text)
    assert [h.title for h in found] == ["CHAPTER I. Down the Rabbit-Hole"]
    assert text[found[0].offset:found[0].offset + found[0].length] == "CHAPTER I.\nDown the Rabbit-Hole"


def test_contents_list_is_skipped_and_entries_point_at_chapters() -> None:
    text = ("Contents\nCHAPTER I.\tStart\nCHAPTER II.\tMiddle\nCHAPTER III.\tEnd\n\n"
            "CHAPTER I.\nStart\nText one.\n\nCHAPTER II.\nMiddle\nText two.\n\nCHAPTER III.\nEnd\nThe end.\n")
    found = extract_outline(text)
    assert [h.title for h in found] == ["CHAPTER I. Start", "CHAPTER II. Middle", "CHAPTER III. End"]
    assert [h.line for h in found] == [6, 10, 14]


def test_numbered_sections_nest_by_depth() -> None:
    text = ("1. Introduction\n\nSome text here.\n\n1.1 Background\n\nMore text.\n\n1.1.1 Prior Work\n\n"
            "Text.\n\n2. Methods\n\nText.\n")
    assert outline(text) == [(1, "1. Introduction"), (2, "1.1 Background"), (3, "1.1.1 Prior Work"),
                             (1, "2. Methods")]


def test_prose_is_not_a_heading() -> None:
    text = ("Part of the problem was the weather.\n\nchapter one was dull.\n\n"
            "3. this line is lowercase and rather long, so it is not a section title at all.\n")
    assert outline(text) == []


def test_document_title_rules() -> None:
    assert document_title("*** START OF THE PROJECT ***\ncover\nAlice in Wonderland\nby X\n") == \
        "Alice in Wonderland"
    assert document_title("全区讲话稿 本文关键词:重点项目,全区\n正文\n") == "全区讲话稿"
    assert document_title("\n\n同志们:\n在会上的讲话\n") == "在会上的讲话"
    assert document_title("《红楼梦》\n\n 第一回\n") == "红楼梦"
    assert document_title("") == ""


def test_nest_and_flatten_round_trip() -> None:
    flat = [Heading(1, "a", 0, 1, 1), Heading(3, "b", 2, 1, 2), Heading(2, "c", 4, 1, 3),
            Heading(1, "d", 6, 1, 4)]
    tree = nest(flat)
    assert [h.title for h in tree] == ["a", "d"]
    assert [h.title for h in tree[0].children] == ["b", "c"]
    assert flatten(tree) == flat
    assert all(not h.children for h in flat)


def test_numbered_list_lines_are_not_sections() -> None:
    text = "Setup\n\nTo install:\n1. Download the App\n2. Open the Installer\n3. Follow the Steps\n\nDone.\n"
    assert outline(text) == []
