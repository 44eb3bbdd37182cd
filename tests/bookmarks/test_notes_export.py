"""Bookmarks exported for note apps: front matter, section headings, links back, byte-stable per-document notes."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

import markdown
import pytest

from reader.bookmarks import add_bookmark, list_bookmarks, update_bookmark
from reader.bookmarks.links import parse_target, resolve

REPO = Path(__file__).resolve().parents[2]
TEXT = ("第一章 总则\n\n第一节 目的\n\n为了规范管理，制定本办法。\n\n第二节 范围\n\n"
        "本办法适用于全体成员。\n\n第二章 附则\n\n本办法自发布之日起施行。\n")


def _reader(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "reader", *args], capture_output=True, text=True, cwd=REPO,
                          env=os.environ.copy(), timeout=60)


@pytest.fixture
def rules(tmp_path: Path) -> Path:
    path = tmp_path / "管理办法.txt"
    path.write_text(TEXT, encoding="utf-8")
    add_bookmark(path, TEXT.index("规范管理"), 4, note="关键目的\n第二行: 注意 # 不是标题", color="green")
    add_bookmark(path, TEXT.index("全体成员"), 4)
    add_bookmark(path, TEXT.index("发布之日"), 4, color="pink")
    return path


def _md() -> str:
    result = _reader("bookmarks", "export", "--format", "md")
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_md_export_has_front_matter_sections_quotes_notes_tags_and_links(rules: Path) -> None:
    text = _md()
    head, _, body = text.partition("\n---\n")
    assert head.splitlines() == [
        "---", 'title: "管理办法"', f'source: "{rules}"',
        f'sha256: "{hashlib.sha256(TEXT.encode()).hexdigest()}"', head.splitlines()[4], "tags: [reader]"]
    assert head.splitlines()[4].startswith('exported: "')
    lines = body.splitlines()
    headings = [line for line in lines if line.startswith("#") and not line.startswith("#reader")]
    assert headings == ["# 管理办法", "## 第一章 总则", "### 第一节 目的", "### 第二节 范围", "## 第二章 附则"]
    assert "> 规范管理" in lines and "关键目的" in lines
    assert "第二行: 注意 \\# 不是标题" in body or "第二行: 注意 # 不是标题" in lines  # never a heading
    assert "[Open in Reader](reader://bookmark/" in body and ") · #reader/green #reader/highlight" in body
    html = markdown.markdown(body)
    assert html.count("<blockquote>") == 3 and "<h1>管理办法</h1>" in html


def test_every_link_in_the_export_lands_on_its_quote(rules: Path) -> None:
    links = [line.split("](", 1)[1].rstrip(")") for line in _md().splitlines() if "](reader://" in line]
    assert len(links) == 3
    for link in links:
        where = resolve(parse_target(link))
        assert where.status == "ok"
        assert TEXT[where.offset:where.offset + where.length] in ("规范管理", "全体成员", "发布之日")


def test_per_document_notes_are_byte_stable_and_updated_in_place(rules: Path, tmp_path: Path) -> None:
    vault = tmp_path / "vault"
    assert _reader("bookmarks", "export", "--per-document", str(vault)).returncode == 0
    (note,) = vault.iterdir()
    assert note.name == "管理办法.md"
    first = note.read_bytes()
    stamp = note.stat().st_mtime_ns
    result = _reader("bookmarks", "export", "--per-document", str(vault))
    assert "0 of 1 notes written" in result.stderr
    assert note.read_bytes() == first and note.stat().st_mtime_ns == stamp  # unchanged: not rewritten
    (bookmark,) = [b for b in list_bookmarks() if b.quote == "全体成员"]
    update_bookmark(bookmark.id, note="新的笔记")
    assert "1 of 1 notes written" in _reader("bookmarks", "export", "--per-document", str(vault)).stderr
    assert [p.name for p in vault.iterdir()] == ["管理办法.md"] and "新的笔记" in note.read_text(encoding="utf-8")


def test_templates_fill_fields_and_name_a_missing_one(rules: Path, tmp_path: Path) -> None:
    template = tmp_path / "entry.md"
    template.write_text("- $quote ($color, $section) [↩]($link)\n", encoding="utf-8")
    result = _reader("bookmarks", "export", "--format", "md", "--template", str(template))
    assert result.returncode == 0, result.stderr
    assert "- 规范管理 (green, 第一章 总则 › 第一节 目的) [↩](reader://bookmark/" in result.stdout
    template.write_text("- $quote $colour\n", encoding="utf-8")
    bad = _reader("bookmarks", "export", "--format", "md", "--template", str(template))
    assert bad.returncode == 2 and "unknown field(s) $colour" in bad.stderr and "Traceback" not in bad.stderr
