"""The Qt shell: the window, its panes and dialogs, over the Qt-free core."""
