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
        <location line="+21"/>
        <source>About Reader</source>
        <translation>关于 Reader</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>An offline reader for long documents: outline, library search and bookmarks.</source>
        <translation>离线长文档阅读器：大纲、文库搜索和书签。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Bundled libraries and their licences</source>
        <translation>随附的库及其许可证</translation>
    </message>
    <message>
        <location line="+16"/>
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
    <name>BookmarkEditor</name>
    <message>
        <location filename="../../reader/ui/bookmarks/editor.py" line="+45"/>
        <source>Bookmark</source>
        <translation>书签</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>(reading position)</source>
        <translation>（阅读位置）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Passage</source>
        <translation>段落</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Colour</source>
        <translation>颜色</translation>
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
        <location line="+17"/>
        <source>&amp;Bookmarks</source>
        <translation>书签(&amp;B)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Export Bookmarks…</source>
        <translation>导出书签(&amp;E)…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Import Bookmarks…</source>
        <translation>导入书签(&amp;I)…</translation>
    </message>
    <message>
        <location line="+6"/>
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
        <location filename="../../reader/ui/bookmarks/pane.py" line="+304"/>
        <source>All documents</source>
        <translation>所有文档</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>By position</source>
        <translation>按位置</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Newest first</source>
        <translation>最新的在前</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Filter by passage or note</source>
        <translation>按段落或备注筛选</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Edit Note and Colour…</source>
        <translation>编辑备注和颜色…</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+164"/>
        <source>Delete Bookmark</source>
        <translation>删除书签</translation>
    </message>
    <message>
        <location line="-159"/>
        <source>Re-attach to Selection</source>
        <translation>重新附着到所选文本</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Undo Bookmark Change</source>
        <translation>撤销书签更改</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Redo Bookmark Change</source>
        <translation>重做书签更改</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Bookmark Selection</source>
        <translation>为所选文本添加书签(&amp;B)</translation>
    </message>
    <message>
        <location line="+119"/>
        <source>Add Bookmark</source>
        <translation>添加书签</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Edit Bookmark</source>
        <translation>编辑书签</translation>
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
        <location line="-225"/>
        <location line="+259"/>
        <source>Bookmarks</source>
        <translation>书签</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <location filename="../../reader/ui/search/find_bar.py" line="+32"/>
        <location filename="../../reader/ui/shell/main_window.py" line="+130"/>
        <source>Find in document</source>
        <translation>在文档中查找</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Previous match</source>
        <translation>上一个匹配</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Close the find bar</source>
        <translation>关闭查找栏</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>No matches</source>
        <translation>无匹配项</translation>
    </message>
</context>
<context>
    <name>LibraryPane</name>
    <message>
        <location filename="../../reader/ui/library/pane.py" line="+29"/>
        <source>Library</source>
        <translation>文库</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Filter documents…</source>
        <translation>筛选文档…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Library documents</source>
        <translation>文库中的文档</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Skipped library entries</source>
        <translation>文库中跳过的条目</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>%1 (skipped)</source>
        <translation>%1（已跳过）</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../reader/ui/shell/main_window.py" line="-59"/>
        <source>Find</source>
        <translation>查找</translation>
    </message>
    <message>
        <location line="+219"/>
        <source>Opening %s…</source>
        <translation>正在打开 %s…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cannot open document</source>
        <translation>无法打开文档</translation>
    </message>
    <message>
        <location line="+34"/>
        <source> (chosen)</source>
        <translation>（手动选择）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%d min</source>
        <translation>%d 分钟</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%.1f h</source>
        <translation>%.1f 小时</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%s characters · about %s</source>
        <translation>%s 字 · 约 %s</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Characters in the document, and an estimated reading time</source>
        <translation>文档字数与预计阅读时间</translation>
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
        <location line="+98"/>
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
        <location line="+12"/>
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
        <location line="+11"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Library</source>
        <translation>文库(&amp;L)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Add Folder…</source>
        <translation>添加文件夹(&amp;A)…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
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
</context>
<context>
    <name>OutlinePane</name>
    <message>
        <location filename="../../reader/ui/outline/pane.py" line="+49"/>
        <location line="+42"/>
        <source>Outline</source>
        <translation>大纲</translation>
    </message>
    <message>
        <location line="-12"/>
        <source>Filter headings…</source>
        <translation>筛选标题…</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Expand all</source>
        <translation>全部展开</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Collapse all</source>
        <translation>全部折叠</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Level </source>
        <translation>级别 </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Expand to this level</source>
        <translation>展开到此级别</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+4"/>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Correct the outline</source>
        <translation>修正大纲</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>Promote</source>
        <translation>升级</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Demote</source>
        <translation>降级</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Remove from outline</source>
        <translation>从大纲中移除</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Forget my corrections</source>
        <translation>撤销我的全部修正</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Mark line as heading</source>
        <translation>将此行标记为标题</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Level %d</source>
        <translation>第 %d 级</translation>
    </message>
    <message>
        <location line="+19"/>
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
        <location filename="../../reader/ui/settings/preferences.py" line="+179"/>
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
        <location line="+134"/>
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
        <location line="+4"/>
        <source>Menus and this dialog change at once; the panes change when Reader is restarted.</source>
        <translation>菜单和本对话框立即切换；各窗格在重新启动 Reader 后切换。</translation>
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
    <name>ReadingPositions</name>
    <message>
        <location filename="../../reader/ui/shell/positions.py" line="+53"/>
        <source>Could not remember the reading position: %s</source>
        <translation>无法记住阅读位置：%s</translation>
    </message>
</context>
<context>
    <name>ResultsModel</name>
    <message>
        <location filename="../../reader/ui/search/pane.py" line="+57"/>
        <source>(before the first heading)</source>
        <translation>（第一个标题之前）</translation>
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
        <source>%1 documents not indexed yet were scanned.</source>
        <translation>已逐篇扫描 %1 篇尚未建立索引的文档。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 documents not indexed yet were not counted.</source>
        <translation>有 %1 篇尚未建立索引的文档未计入。</translation>
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
</context>
<context>
    <name>SearchPane</name>
    <message>
        <location filename="../../reader/ui/search/pane.py" line="+66"/>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Search: words, &quot;phrase&quot;, -exclude, a OR b</source>
        <translation>搜索：词语、&quot;短语&quot;、-排除、a OR b</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Whole library</source>
        <translation>整个文库</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This document</source>
        <translation>本文档</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Folder: %s</source>
        <translation>文件夹：%s</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Listing the best %d.</source>
        <translation>列出最相关的 %d 个。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%d hits in %d documents (%.0f ms). %s</source>
        <translation>%d 处命中，共 %d 篇文档（%.0f 毫秒）。%s</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Indexing failed: %s</source>
        <translation>建立索引失败：%s</translation>
    </message>
    <message>
        <location line="+46"/>
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
    <name>ShortcutsDialog</name>
    <message>
        <location filename="../../reader/ui/dialogs/shortcuts.py" line="+81"/>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(unnamed shortcut)</source>
        <translation>（未命名的快捷键）</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Keyboard Shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Filter by command or key</source>
        <translation>按命令或按键筛选</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Filter the shortcuts</source>
        <translation>筛选快捷键</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Command</source>
        <translation>命令</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Shortcut</source>
        <translation>快捷键</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
</context>
<context>
    <name>window</name>
    <message>
        <location filename="../../reader/app.py" line="+46"/>
        <source>%s does not exist.</source>
        <translation>%s 不存在。</translation>
    </message>
</context>
</TS>
