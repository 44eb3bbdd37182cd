"""The library pane: the folders and their documents."""
