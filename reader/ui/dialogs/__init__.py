"""Stand-alone dialogs: About and the keyboard shortcuts list."""
