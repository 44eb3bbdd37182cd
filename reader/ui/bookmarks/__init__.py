"""The bookmarks pane, editor and menu."""
