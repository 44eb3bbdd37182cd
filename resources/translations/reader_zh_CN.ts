<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../reader/ui/dialogs/about.py" line="+16"/>
        <source>the window toolkit</source>
        <translation>窗口工具包</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Qt for Python</source>
        <translation>Qt 的 Python 绑定</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>renders Markdown</source>
        <translation>渲染 Markdown</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the search index</source>
        <translation>搜索索引</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>detects encodings</source>
        <translation>检测文本编码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>finds the data dir</source>
        <translation>定位数据目录</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the traditional-to-simplified character table (derived)</source>
        <translation>繁简字符对照表（派生）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the interpreter</source>
        <translation>解释器</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>About Reader</source>
        <translation>关于 Reader</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>An offline reader for long documents: outline, library search and bookmarks.</source>
        <translation>离线长文档阅读器：大纲、文库搜索和书签。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Bundled libraries and their licences</source>
        <translation>随附的库及其许可证</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Reader is free software under the MIT licence. It bundles these libraries:</source>
        <translation>Reader 是以 MIT 许可证发布的自由软件，随附以下库：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Library</source>
        <translation>库</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Licence</source>
        <translation>许可证</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Used for</source>
        <translation>用途</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Qt and PySide6 are used under the GNU LGPL version 3: you may replace them with your own build of the same version. Their source is available from qt.io.</source>
        <translation>Qt 和 PySide6 依据 GNU LGPL 第 3 版使用：您可以用自己构建的同一版本替换它们。其源代码可从 qt.io 获取。</translation>
    </message>
</context>
<context>
    <name>BookmarkDelegate</name>
    <message>
        <location filename="../../reader/ui/bookmarks/list_view.py" line="+203"/>
        <source>(reading position)</source>
        <translation>（阅读位置）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>⚠ Orphaned: %s</source>
        <translation>⚠ 已失去位置：%s</translation>
    </message>
</context>
<context>
    <name>BookmarkEditor</name>
    <message>
        <location filename="../../reader/ui/bookmarks/editor.py" line="+64"/>
        <source>Bookmark</source>
        <translation>书签</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(reading position)</source>
        <translation>（阅读位置）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Passage</source>
        <translation>段落</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Note</source>
        <translation>备注(&amp;N)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Colour</source>
        <translation>颜色(&amp;C)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Style</source>
        <translation>样式(&amp;S)</translation>
    </message>
</context>
<context>
    <name>BookmarkListModel</name>
    <message>
        <location filename="../../reader/ui/bookmarks/list_view.py" line="-81"/>
        <source>Section: %s</source>
        <translation>章节：%s</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>(before the first heading)</source>
        <translation>（第一个标题之前）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Document: %s</source>
        <translation>文档：%s</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Added: %s</source>
        <translation>添加于：%s</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Its passage was not found in the current text.</source>
        <translation>在当前文本中找不到这段文字。</translation>
    </message>
</context>
<context>
    <name>BookmarkStyles</name>
    <message>
        <location filename="../../reader/ui/bookmarks/styles.py" line="+79"/>
        <source>Yellow</source>
        <translation>黄色</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Green</source>
        <translation>绿色</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Blue</source>
        <translation>蓝色</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pink</source>
        <translation>粉色</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Purple</source>
        <translation>紫色</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Orange</source>
        <translation>橙色</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Red</source>
        <translation>红色</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gray</source>
        <translation>灰色</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Highlight</source>
        <translation>高亮</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Underline</source>
        <translation>下划线</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wavy underline</source>
        <translation>波浪线</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Strike-through</source>
        <translation>删除线</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Box</source>
        <translation>方框</translation>
    </message>
</context>
<context>
    <name>BookmarksMenu</name>
    <message>
        <location filename="../../reader/ui/bookmarks/menu.py" line="+32"/>
        <source>Could not import %s: %s</source>
        <translation>无法导入 %s：%s</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Imported %s: %d imported, 0 rejected (%d added, %d updated, %d unchanged).</source>
        <translation>已导入 %s：导入 %d 个，拒绝 0 个（新增 %d 个，更新 %d 个，%d 个未变）。</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>&amp;Bookmarks</source>
        <translation>书签(&amp;B)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Export Bookmarks…</source>
        <translation>导出书签(&amp;E)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Import Bookmarks…</source>
        <translation>导入书签(&amp;I)…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Export bookmarks</source>
        <translation>导出书签</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Exported %d bookmarks to %s.</source>
        <translation>已将 %d 个书签导出到 %s。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Import bookmarks</source>
        <translation>导入书签</translation>
    </message>
</context>
<context>
    <name>BookmarksPane</name>
    <message>
        <location filename="../../reader/ui/bookmarks/pane.py" line="+161"/>
        <source>All documents</source>
        <translation>所有文档</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>By position</source>
        <translation>按位置</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Newest first</source>
        <translation>最新的在前</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Filter by passage or note</source>
        <translation>按段落或备注筛选</translation>
    </message>
    <message>
        <location line="+196"/>
        <source>Delete Bookmark</source>
        <translation>删除书签</translation>
    </message>
    <message>
        <location line="-193"/>
        <source>Re-attach to Selection</source>
        <translation>重新附着到所选文本</translation>
    </message>
    <message>
        <location line="-15"/>
        <source>Highlight in %s</source>
        <translation>用%s标注</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&amp;Edit Bookmark…</source>
        <translation>编辑书签(&amp;E)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Copy &amp;Link</source>
        <translation>复制链接(&amp;L)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A reader:// link to this passage, for your notes: it opens here</source>
        <translation>指向这段文字的 reader:// 链接，可放进笔记：点击即回到这里</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Bookmark Selection</source>
        <translation>为所选文本添加书签(&amp;B)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>&amp;Undo %s</source>
        <translation>撤销“%s”(&amp;U)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Redo %s</source>
        <translation>重做“%s”(&amp;R)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>No bookmark matches the filter.</source>
        <translation>没有符合筛选条件的书签。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open a document, select a passage and press %s to bookmark it.</source>
        <translation>打开一个文档，选中一段文字，按 %s 添加书签。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No bookmarks yet. Select a passage and press %s, or pick a colour on the toolbar that appears over the selection.</source>
        <translation>还没有书签。选中一段文字后按 %s，或在选区上方出现的工具栏中点一种颜色。</translation>
    </message>
    <message>
        <location line="+122"/>
        <source>Add Bookmark</source>
        <translation>添加书签</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Edit Bookmark</source>
        <translation>编辑书签</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Change Colour</source>
        <translation>更改颜色</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Change Style</source>
        <translation>更改样式</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Select a passage in the text first, then re-attach.</source>
        <translation>请先在正文中选择一段文字，再重新附着。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Re-attach Bookmark</source>
        <translation>重新附着书签</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Link copied: paste it in your notes to come back here.</source>
        <translation>链接已复制：粘贴到笔记中，点击即可回到这里。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Change &amp;Colour</source>
        <translation>更改颜色(&amp;C)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change &amp;Style</source>
        <translation>更改样式(&amp;S)</translation>
    </message>
    <message>
        <location line="-242"/>
        <location line="+282"/>
        <source>Bookmarks</source>
        <translation>书签</translation>
    </message>
</context>
<context>
    <name>Conventions</name>
    <message>
        <location filename="../../reader/ui/outline/labels.py" line="+11"/>
        <source>Markdown</source>
        <translation>Markdown</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chinese report (一、/（一）)</source>
        <translation>中文报告（一、/（一））</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chinese novel (卷/章)</source>
        <translation>中文小说（卷/章）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Regulation (章/节/条)</source>
        <translation>法规（章/节/条）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>English book (Chapter/Part)</source>
        <translation>英文书籍（Chapter/Part）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>English report (I./A./1.)</source>
        <translation>英文报告（I./A./1.）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no headings found</source>
        <translation>未找到标题</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Automatic detection</source>
        <translation>自动识别</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <location filename="../../reader/ui/search/find_bar.py" line="+106"/>
        <source>Find in document</source>
        <translation>在文档中查找</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Previous match</source>
        <translation>上一个匹配</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close the find bar</source>
        <translation>关闭查找栏</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Previous match (Shift+Enter)</source>
        <translation>上一个匹配（Shift+Enter）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next match (Enter)</source>
        <translation>下一个匹配（Enter）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close the find bar (Esc)</source>
        <translation>关闭查找栏（Esc）</translation>
    </message>
    <message>
        <location line="+122"/>
        <source>Counting matches…</source>
        <translation>正在统计匹配…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No matches</source>
        <translation>无匹配项</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n matches</source>
        <translation>
            <numerusform>%n 处匹配</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Wrapped to the start</source>
        <translation>已回到开头继续查找</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Wrapped to the end</source>
        <translation>已回到末尾继续查找</translation>
    </message>
</context>
<context>
    <name>GoToPositionDialog</name>
    <message>
        <location filename="../../reader/ui/dialogs/goto.py" line="+36"/>
        <source>Go to Position</source>
        <translation>跳转到位置</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type a percentage (such as 40%) or a line number (1 to %1).</source>
        <translation>输入百分比(如 40%)或行号(1 到 %1)。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>40% or 120</source>
        <translation>40% 或 120</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Position</source>
        <translation>位置</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Type a percentage up to 100% or a line number.</source>
        <translation>请输入不超过 100% 的百分比,或一个行号。</translation>
    </message>
</context>
<context>
    <name>LibraryPane</name>
    <message>
        <location filename="../../reader/ui/library/pane.py" line="+77"/>
        <source>Library</source>
        <translation>文库</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Filter documents…</source>
        <translation>筛选文档…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Library documents</source>
        <translation>文库中的文档</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Skipped library entries</source>
        <translation>文库中跳过的条目</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your library is empty.

Drop a folder of .txt or .md files here, or choose Library ▸ Add Folder…</source>
        <translation>文库是空的。

把存放 .txt 或 .md 文件的文件夹拖到这里,或选择“文库 ▸ 添加文件夹…”。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Opened</source>
        <translation>已打开</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Documents opened from outside the library</source>
        <translation>从文库之外打开的文档</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+61"/>
        <source>%1 (skipped)</source>
        <translation>%1（已跳过）</translation>
    </message>
    <message>
        <location line="+66"/>
        <source>&amp;Open</source>
        <translation>打开(&amp;O)</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+4"/>
        <source>Show in &amp;File Manager</source>
        <translation>在文件管理器中显示(&amp;F)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Re-&amp;index</source>
        <translation>重新索引(&amp;I)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Remove from Library</source>
        <translation>从文库中移除(&amp;R)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The sample library that comes with the reader cannot be removed.</source>
        <translation>阅读器自带的示例文库不能移除。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../reader/ui/shell/main_window.py" line="+95"/>
        <location line="+149"/>
        <source>Find</source>
        <translation>查找</translation>
    </message>
    <message>
        <location line="-2"/>
        <location line="+198"/>
        <source>%1 — Reader</source>
        <translation>%1 — 阅读器</translation>
    </message>
    <message>
        <location line="-197"/>
        <source>Reader</source>
        <translation>阅读器</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>No next section at this level.</source>
        <translation>同级之后没有章节了。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No previous section at this level.</source>
        <translation>同级之前没有章节了。</translation>
    </message>
    <message>
        <location line="+165"/>
        <source>Opening %s…</source>
        <translation>正在打开 %s…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cannot open document</source>
        <translation>无法打开文档</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Reading time left, at about %1 Chinese characters or %2 words a minute</source>
        <translation>剩余阅读时间,按每分钟约 %1 个汉字或 %2 个英文单词估算</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Removed %1 from the library (its files are untouched).</source>
        <translation>已从文库中移除 %1(其中的文件保持不变)。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source> (chosen)</source>
        <translation>（手动选择）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%s characters</source>
        <translation>%s 字</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Characters in the document</source>
        <translation>文档的字数</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Shown as plain text: the Markdown is nested too deeply to render.</source>
        <translation>以纯文本显示：此 Markdown 嵌套过深，无法渲染。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Decoded as %s with %d replacement characters; try View ▸ Encoding.</source>
        <translation>按 %s 解码，有 %d 个替换字符；请试试“视图 ▸ 编码”。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>No Chinese font is installed, so Chinese text may show as boxes (install fonts-noto-cjk).</source>
        <translation>未安装中文字体，中文可能显示为方框（请安装 fonts-noto-cjk）。</translation>
    </message>
    <message>
        <location line="+88"/>
        <source>%s does not exist.</source>
        <translation>%s 不存在。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Clear Statistics</source>
        <translation>清除统计</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Forget all reading statistics? This cannot be undone.</source>
        <translation>清除所有阅读统计？此操作无法撤销。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Reading statistics cleared.</source>
        <translation>阅读统计已清除。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/shell/menus.py" line="+25"/>
        <source>GB18030 / GBK (Simplified Chinese)</source>
        <translation>GB18030 / GBK（简体中文）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Big5 (Traditional Chinese)</source>
        <translation>Big5（繁体中文）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Shift-JIS (Japanese)</source>
        <translation>Shift-JIS（日文）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>EUC-KR (Korean)</source>
        <translation>EUC-KR（韩文）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Windows-1252 (Western)</source>
        <translation>Windows-1252（西欧）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ISO-8859-1 (Latin-1)</source>
        <translation>ISO-8859-1（Latin-1）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Follow the &amp;System</source>
        <translation>跟随系统(&amp;S)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Light</source>
        <translation>浅色(&amp;L)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Dark</source>
        <translation>深色(&amp;D)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>S&amp;epia</source>
        <translation>羊皮纸(&amp;E)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>As &amp;Written</source>
        <translation>按原文(&amp;W)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Simplified</source>
        <translation>简体(&amp;S)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Traditional</source>
        <translation>繁体(&amp;T)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Traditional (T&amp;aiwan phrases)</source>
        <translation>繁体（台湾用语）(&amp;A)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Traditional (&amp;Hong Kong)</source>
        <translation>繁体（香港）(&amp;H)</translation>
    </message>
    <message>
        <location line="+108"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open &amp;Folder…</source>
        <translation>打开文件夹(&amp;F)…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Select &amp;All</source>
        <translation>全选(&amp;A)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Find…</source>
        <translation>查找(&amp;F)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Find in &amp;Library…</source>
        <translation>在文库中查找(&amp;L)…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Preferences…</source>
        <translation>首选项(&amp;P)…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Panes</source>
        <translation>窗格(&amp;P)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Next Pa&amp;ne</source>
        <translation>下一个窗格(&amp;N)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Previous Pan&amp;e</source>
        <translation>上一个窗格(&amp;E)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Theme</source>
        <translation>主题(&amp;T)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Encoding</source>
        <translation>编码(&amp;E)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Detect automatically</source>
        <translation>自动检测</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Zoom &amp;In</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Zoom &amp;Out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Actual Size</source>
        <translation>实际大小(&amp;A)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Full Screen</source>
        <translation>全屏(&amp;F)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Chinese &amp;Script</source>
        <translation>简繁显示(&amp;S)</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Chapter &amp;Rules…</source>
        <translation>章节规则(&amp;R)…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Go</source>
        <translation>转到(&amp;G)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Back</source>
        <translation>后退(&amp;B)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Forward</source>
        <translation>前进(&amp;F)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Previous Section</source>
        <translation>上一节(&amp;P)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Next Section</source>
        <translation>下一节(&amp;N)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Start</source>
        <translation>开头(&amp;S)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;End</source>
        <translation>结尾(&amp;E)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Go to &amp;Position…</source>
        <translation>跳转到位置(&amp;P)…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location filename="../../reader/ui/shell/layout.py" line="+19"/>
        <location filename="../../reader/ui/shell/menus.py" line="-32"/>
        <source>&amp;Outline</source>
        <translation>大纲(&amp;O)</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../reader/ui/shell/menus.py" line="+36"/>
        <source>&amp;Library</source>
        <translation>文库(&amp;L)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Search</source>
        <translation>搜索(&amp;S)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Bookmarks</source>
        <translation>书签(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/shell/menus.py" line="+2"/>
        <source>&amp;Add Folder…</source>
        <translation>添加文件夹(&amp;A)…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reading &amp;Statistics…</source>
        <translation>阅读统计(&amp;S)…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;About Reader</source>
        <translation>关于 Reader(&amp;A)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Documents (*.txt *.md *.markdown);;All files (*)</source>
        <translation>文档 (*.txt *.md *.markdown);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open documents</source>
        <translation>打开文档</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Add a folder to the library</source>
        <translation>将文件夹添加到文库</translation>
    </message>
    <message>
        <location filename="../../reader/ui/shell/focus.py" line="+97"/>
        <source>Focus &amp;Mode</source>
        <translation>专注模式(&amp;M)</translation>
    </message>
</context>
<context>
    <name>NotesRows</name>
    <message>
        <location filename="../../reader/ui/settings/notes_rows.py" line="+41"/>
        <source>None: notes are exported by hand</source>
        <translation>无：笔记需手动导出</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Each document&apos;s bookmarks are kept here as a Markdown note (for Obsidian, Logseq…), rewritten whenever they change.</source>
        <translation>每个文档的书签都以 Markdown 笔记保存在这里（可用于 Obsidian、Logseq 等），书签变化时自动重写。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep reading statistics</source>
        <translation>保留阅读统计</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reading time per document and day, kept on this computer only.</source>
        <translation>按文档和日期记录的阅读时间，只保存在本机。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clear Statistics…</source>
        <translation>清除统计…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Notes Folder</source>
        <translation>笔记文件夹</translation>
    </message>
</context>
<context>
    <name>OutlinePane</name>
    <message>
        <location filename="../../reader/ui/outline/pane.py" line="+155"/>
        <location line="+1"/>
        <source>Outline</source>
        <translation>大纲</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Filter headings…</source>
        <translation>筛选标题…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Expand all</source>
        <translation>全部展开</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Collapse all</source>
        <translation>全部折叠</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Level </source>
        <translation>级别 </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Expand to this level</source>
        <translation>展开到此级别</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Correct the outline</source>
        <translation>修正大纲</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+147"/>
        <source>Promote</source>
        <translation>升级</translation>
    </message>
    <message>
        <location line="-146"/>
        <location line="+149"/>
        <source>Demote</source>
        <translation>降级</translation>
    </message>
    <message>
        <location line="-148"/>
        <location line="+151"/>
        <source>Remove from outline</source>
        <translation>从大纲中移除</translation>
    </message>
    <message>
        <location line="-150"/>
        <location line="+152"/>
        <source>Forget my corrections</source>
        <translation>撤销我的全部修正</translation>
    </message>
    <message>
        <location line="-151"/>
        <source>Chapter Rules…</source>
        <translation>章节规则…</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+175"/>
        <source>Mark line as heading</source>
        <translation>将此行标记为标题</translation>
    </message>
    <message>
        <location line="-173"/>
        <location line="+176"/>
        <source>Level %d</source>
        <translation>第 %d 级</translation>
    </message>
    <message>
        <location line="-174"/>
        <source>No headings were found in this document. Chapter rules can find them: a pattern for each kind of heading line.</source>
        <translation>在此文档中未找到标题。章节规则可以找到它们：为每一种标题行写一个模式。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Write Chapter Rules…</source>
        <translation>编写章节规则…</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Chapter rules not used (automatic detection instead): %s</source>
        <translation>未使用章节规则（改用自动识别）：%s</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Outline: rule set “%s”</source>
        <translation>大纲：规则集“%s”</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Outline: %s</source>
        <translation>大纲：%s</translation>
    </message>
    <message>
        <location line="+142"/>
        <source>A blank line cannot be a heading.</source>
        <translation>空行不能作为标题。</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Could not save the outline corrections: %s</source>
        <translation>无法保存大纲修正：%s</translation>
    </message>
</context>
<context>
    <name>Preferences</name>
    <message>
        <location filename="../../reader/ui/settings/preferences.py" line="+185"/>
        <location line="+1"/>
        <source>Document text</source>
        <translation>文档正文</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Outline</source>
        <translation>大纲</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Library</source>
        <translation>文库</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Current section</source>
        <translation>当前章节</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Filter the outline</source>
        <translation>筛选大纲</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Filter the library</source>
        <translation>筛选文库</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <location line="+142"/>
        <source>Preferences</source>
        <translation>首选项</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Theme:</source>
        <translation>主题(&amp;T)：</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Font:</source>
        <translation>字体(&amp;F)：</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Font &amp;size:</source>
        <translation>字号(&amp;S)：</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Default font &amp;kind:</source>
        <translation>默认字体类型(&amp;K)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Line spacing:</source>
        <translation>行距(&amp;L)：</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Text &amp;width:</source>
        <translation>正文宽度(&amp;W)：</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Language:</source>
        <translation>界面语言(&amp;L)：</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Page &amp;margin:</source>
        <translation>页边距(&amp;M)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Notes folder:</source>
        <translation>笔记文件夹(&amp;N)：</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Statistics:</source>
        <translation>统计：</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+14"/>
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location line="-14"/>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Sepia</source>
        <translation>羊皮纸</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Default font</source>
        <translation>默认字体</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Serif (Song/Ming)</source>
        <translation>衬线（宋体/明体）</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Sans serif (Hei)</source>
        <translation>无衬线（黑体）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The reading font used when &quot;Default font&quot; is ticked.</source>
        <translation>勾选“默认字体”时使用的阅读字体。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> px</source>
        <translation> 像素</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Room between the text and the edges of its column.</source>
        <translation>正文与版心边缘之间的留白。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> pt</source>
        <translation> 磅</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> ×</source>
        <translation> 倍</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> characters</source>
        <translation> 字</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No limit</source>
        <translation>不限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The widest the text column gets, in full-width (Chinese) characters.</source>
        <translation>正文栏的最大宽度，以全角（汉字）字符计。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The whole window changes at once.</source>
        <translation>整个窗口立即切换。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Restore &amp;Defaults</source>
        <translation>恢复默认值(&amp;D)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>ReadAloud</name>
    <message>
        <location filename="../../reader/ui/speech/read_aloud.py" line="+82"/>
        <source>Open a document to read it aloud.</source>
        <translation>请先打开一个文档，再朗读。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No voice for %1 is installed; choose another voice in Read Aloud ▸ Voice.</source>
        <translation>没有安装%1的语音；请在“朗读 ▸ 语音”中选择其他语音。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Other</source>
        <translation>其他</translation>
    </message>
</context>
<context>
    <name>ReadAloudControls</name>
    <message>
        <location filename="../../reader/ui/speech/controls.py" line="+82"/>
        <source>Read &amp;Aloud</source>
        <translation>朗读(&amp;A)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Speed</source>
        <translation>语速(&amp;S)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Voice</source>
        <translation>语音(&amp;V)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Automatic (the document&apos;s language)</source>
        <translation>自动（按文档语言）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>S&amp;top Reading</source>
        <translation>停止朗读(&amp;T)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Previous Sentence</source>
        <translation>上一句(&amp;P)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Next Sentence</source>
        <translation>下一句(&amp;N)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Read Aloud</source>
        <translation>朗读</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Pause Reading</source>
        <translation>暂停朗读(&amp;P)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Resume Reading</source>
        <translation>继续朗读(&amp;R)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Read Aloud</source>
        <translation>朗读(&amp;R)</translation>
    </message>
</context>
<context>
    <name>ReadingHeatmap</name>
    <message>
        <location filename="../../reader/ui/stats/heatmap.py" line="+101"/>
        <source>Less</source>
        <translation>少</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>More</source>
        <translation>多</translation>
    </message>
    <message numerus="yes">
        <location line="+37"/>
        <source>%1: %n min read</source>
        <translation>
            <numerusform>%1：阅读 %n 分钟</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReadingPositions</name>
    <message>
        <location filename="../../reader/ui/shell/positions.py" line="+53"/>
        <source>Could not remember the reading position: %s</source>
        <translation>无法记住阅读位置：%s</translation>
    </message>
</context>
<context>
    <name>ReadingProgress</name>
    <message>
        <location filename="../../reader/ui/shell/progress.py" line="+73"/>
        <source>under a minute</source>
        <translation>不到 1 分钟</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%n min</source>
        <translation>%n 分钟</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 h %2 min</source>
        <translation>%1 小时 %2 分钟</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 left</source>
        <translation>剩余 %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>section %1 · document %2 left</source>
        <translation>本节剩余 %1 · 全文剩余 %2</translation>
    </message>
</context>
<context>
    <name>ReadingSession</name>
    <message>
        <location filename="../../reader/ui/shell/session.py" line="+163"/>
        <source>Could not remember the script: %s</source>
        <translation>无法记住简繁显示的选择：%s</translation>
    </message>
</context>
<context>
    <name>ResultsModel</name>
    <message>
        <location filename="../../reader/ui/search/results.py" line="+82"/>
        <source>(under the title)</source>
        <translation>（标题下）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>(before the first heading)</source>
        <translation>（第一个标题之前）</translation>
    </message>
</context>
<context>
    <name>RulesDialog</name>
    <message>
        <location filename="../../reader/ui/outline/rules_dialog.py" line="+208"/>
        <source>Chapter Rules</source>
        <translation>章节规则</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rule set:</source>
        <translation>规则集：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name of your rule set</source>
        <translation>您的规则集名称</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pattern (regular expression)</source>
        <translation>模式（正则表达式）</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Example</source>
        <translation>示例</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Matches</source>
        <translation>匹配</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add Rule</source>
        <translation>添加规则</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move Up</source>
        <translation>上移</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move Down</source>
        <translation>下移</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Use for:</source>
        <translation>用于：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Apply</source>
        <translation>应用</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Automatic detection (default)</source>
        <translation>自动识别（默认）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Built-in: %s</source>
        <translation>内置：%s</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>This document</source>
        <translation>此文档</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Every document in the folder “%s”</source>
        <translation>文件夹“%s”中的所有文档</translation>
    </message>
    <message>
        <location line="+91"/>
        <location line="+38"/>
        <location line="+30"/>
        <source>My rules</source>
        <translation>我的规则</translation>
    </message>
    <message>
        <location line="-66"/>
        <source>Edited rules (not applied yet)</source>
        <translation>已编辑的规则（尚未应用）</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>Open a document to see what the rules find.</source>
        <translation>打开一个文档，即可查看规则找到的内容。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Looking for headings…</source>
        <translation>正在查找标题…</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>line %d</source>
        <translation>第 %d 行</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>No preview: see the problem above.</source>
        <translation>无法预览：请查看上方的问题。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>1 heading in this document</source>
        <translation>此文档中有 1 个标题</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%d headings in this document</source>
        <translation>此文档中有 %d 个标题</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(the first %d listed)</source>
        <translation>（列出前 %d 个）</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>1 line</source>
        <translation>1 行</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%d lines</source>
        <translation>%d 行</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>matches every line of this document</source>
        <translation>匹配此文档的每一行</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Rule %d: %s</source>
        <translation>规则 %d：%s</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Could not apply the rules: %s</source>
        <translation>无法应用规则：%s</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Could not read %s: %s</source>
        <translation>无法读取 %s：%s</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>there are no rules to export</source>
        <translation>没有可导出的规则</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Could not export the rules: %s</source>
        <translation>无法导出规则：%s</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Import Rule Set</source>
        <translation>导入规则集</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rule sets (*.json);;All files (*)</source>
        <translation>规则集 (*.json);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Export Rule Set</source>
        <translation>导出规则集</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rule sets (*.json)</source>
        <translation>规则集 (*.json)</translation>
    </message>
</context>
<context>
    <name>SearchMessages</name>
    <message>
        <location filename="../../reader/ui/search/messages.py" line="+15"/>
        <source>Type something to search for.</source>
        <translation>请输入要搜索的内容。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A quotation mark is not closed: add the closing &quot;.</source>
        <translation>引号没有闭合：请补上后面的 &quot;。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A closing parenthesis has no opening one.</source>
        <translation>右括号没有对应的左括号。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A parenthesis is not closed.</source>
        <translation>括号没有闭合。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>There is nothing to search for between the quotation marks.</source>
        <translation>引号之间没有要搜索的内容。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>There is nothing inside the parentheses.</source>
        <translation>括号里没有内容。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>OR needs a term on both sides.</source>
        <translation>OR 两边都需要有词语。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>AND needs a term on both sides.</source>
        <translation>AND 两边都需要有词语。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>NOT (or -) needs a term after it.</source>
        <translation>NOT（或 -）后面需要有词语。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unexpected %1 in the query.</source>
        <translation>查询中出现了意外的 %1。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The query needs at least one term that is not excluded.</source>
        <translation>查询至少需要一个未被排除的词语。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The search index could not be read; scanning documents instead.</source>
        <translation>无法读取搜索索引；改为逐篇扫描文档。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The search index was damaged; rebuilt it.</source>
        <translation>搜索索引已损坏；已重建。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The search index is being built; scanning documents meanwhile.</source>
        <translation>正在建立搜索索引；在此期间逐篇扫描文档。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cannot create the search index (%1); scanning documents instead.</source>
        <translation>无法创建搜索索引（%1）；改为逐篇扫描文档。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cannot create the search index folder %1: %2; scanning documents instead.</source>
        <translation>无法创建搜索索引文件夹 %1：%2；改为逐篇扫描文档。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The search index %1 is not a folder; scanning documents instead (reader index replaces it).</source>
        <translation>搜索索引 %1 不是文件夹；改为逐篇扫描文档（reader index 会替换它）。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The search index %1 is not a folder and cannot be replaced: %2.</source>
        <translation>搜索索引 %1 不是文件夹，且无法替换：%2。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The search index %1 was not a folder; kept it as %2 and rebuilt the index.</source>
        <translation>搜索索引 %1 原先不是文件夹；已将其保留为 %2 并重建索引。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Rebuilding the search index from scratch.</source>
        <translation>正在从头重建搜索索引。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The search index was made by another version of the reader; rebuilding it.</source>
        <translation>搜索索引由其他版本的 Reader 创建；正在重建。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The search index was damaged (%1); rebuilding it.</source>
        <translation>搜索索引已损坏（%1）；正在重建。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cannot lock the search index: %1.</source>
        <translation>无法锁定搜索索引：%1。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Another reader is indexing this library; try again when it finishes.</source>
        <translation>另一个 Reader 正在为此文库建立索引；请在它完成后再试。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The search index %1 was deleted during the update; it is rebuilt on the next run.</source>
        <translation>搜索索引 %1 在更新期间被删除；下次运行时将重建。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Indexing stopped (%1); the index is brought up to date on the next run.</source>
        <translation>建立索引已停止（%1）；下次运行时将更新索引。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The saved texts %1 are not a folder: %2.</source>
        <translation>已保存的文本 %1 不是文件夹：%2。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The saved texts %1 were not a folder; replaced it (texts are prepared again).</source>
        <translation>已保存的文本 %1 原先不是文件夹；已替换（文本将重新准备）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cannot save prepared texts in %1 (%2); searching from the documents themselves.</source>
        <translation>无法在 %1 中保存准备好的文本（%2）；直接从文档本身搜索。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The saved texts %1 are not a folder; searching from the documents themselves (reader index repairs it).</source>
        <translation>已保存的文本 %1 不是文件夹；直接从文档本身搜索（reader index 会修复它）。</translation>
    </message>
    <message numerus="yes">
        <location line="+18"/>
        <source>%n documents are not in the search index yet: searched them one by one.</source>
        <translation>
            <numerusform>有 %n 篇文档尚未加入搜索索引，已逐篇搜索。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n documents are not in the search index yet: their hits are not counted.</source>
        <translation>
            <numerusform>有 %n 篇文档尚未加入搜索索引，其中的匹配未计入。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SearchPane</name>
    <message>
        <location filename="../../reader/ui/search/pane.py" line="+108"/>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search: words, &quot;phrase&quot;, -exclude, a OR b</source>
        <translation>搜索：词语、&quot;短语&quot;、-排除、a OR b</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Whole library</source>
        <translation>整个文库</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This document</source>
        <translation>本文档</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+18"/>
        <source>Folder: %s</source>
        <translation>文件夹：%s</translation>
    </message>
    <message>
        <location line="-16"/>
        <source>Type to search every document in your library (Ctrl+Shift+F).

Words, &quot;a phrase&quot;, -exclude, a OR b.</source>
        <translation>输入文字，搜索文库中的每一篇文档（Ctrl+Shift+F）。

支持词语、&quot;短语&quot;、-排除、a OR b。</translation>
    </message>
    <message>
        <location line="+112"/>
        <source>Indexing failed: %s</source>
        <translation>建立索引失败：%s</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 ms</source>
        <translation>%1 毫秒</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No matches.</source>
        <translation>没有找到匹配。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 in %2.</source>
        <translation>%2中共 %1。</translation>
    </message>
    <message numerus="yes">
        <location line="+0"/>
        <source>%n hits</source>
        <translation>
            <numerusform>%n 处匹配</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n documents</source>
        <translation>
            <numerusform>%n 篇文档</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>≥ %n hits</source>
        <translation>
            <numerusform>≥ %n 处匹配</numerusform>
        </translation>
    </message>
    <message>
        <location line="+0"/>
        <source>counting…</source>
        <translation>正在统计…</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Showing the best %n documents.</source>
        <translation>
            <numerusform>列出最相关的 %n 篇。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The open document, outside the library, was searched too.</source>
        <translation>文库之外的当前文档也一并搜索了。</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Hit %1 of %2</source>
        <translation>第 %1 处，共 %2 处</translation>
    </message>
    <message>
        <location line="+92"/>
        <source>Search the library</source>
        <translation>搜索文库</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next search hit</source>
        <translation>下一个搜索结果</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Previous search hit</source>
        <translation>上一个搜索结果</translation>
    </message>
</context>
<context>
    <name>SelectionToolbar</name>
    <message>
        <location filename="../../reader/ui/views/selection_toolbar.py" line="+64"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search Library</source>
        <translation>搜索文库</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Bookmark the selection and write a note</source>
        <translation>为选中的文字添加书签并写备注</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy the selection</source>
        <translation>复制选中的文字</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search the library for the selection</source>
        <translation>在文库中搜索选中的文字</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <location filename="../../reader/ui/dialogs/shortcuts.py" line="+87"/>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(unnamed shortcut)</source>
        <translation>（未命名的快捷键）</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Find</source>
        <translation>查找</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Keyboard Shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Filter by command or key</source>
        <translation>按命令或按键筛选</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Filter the shortcuts</source>
        <translation>筛选快捷键</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Command</source>
        <translation>命令</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Shortcut</source>
        <translation>快捷键</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
</context>
<context>
    <name>StatisticsDialog</name>
    <message>
        <location filename="../../reader/ui/stats/dialog.py" line="+62"/>
        <source>Reading Statistics</source>
        <translation>阅读统计</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clear Statistics…</source>
        <translation>清除统计…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Document</source>
        <translation>文档</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Characters/min</source>
        <translation>字/分钟</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Time left</source>
        <translation>剩余时间</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Today: %1 · This week: %2</source>
        <translation>今天：%1 · 本周：%2</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Your pace: %n characters a minute</source>
        <translation>
            <numerusform>你的速度：每分钟 %n 字</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your pace is measured after 10 minutes of reading.</source>
        <translation>阅读满 10 分钟后测出你的阅读速度。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nothing read yet: time counts while you scroll or move in a document.</source>
        <translation>还没有阅读记录：在文档中滚动或移动时开始计时。</translation>
    </message>
    <message numerus="yes">
        <location line="+22"/>
        <source>%n min</source>
        <translation>
            <numerusform>%n 分钟</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 h %2 min</source>
        <translation>%1 小时 %2 分钟</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+10"/>
        <source>Clear Statistics</source>
        <translation>清除统计</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>Forget all reading statistics? This cannot be undone.</source>
        <translation>清除所有阅读统计？此操作无法撤销。</translation>
    </message>
</context>
<context>
    <name>window</name>
    <message>
        <location filename="../../reader/app.py" line="+47"/>
        <source>%s does not exist.</source>
        <translation>%s 不存在。</translation>
    </message>
</context>
</TS>
