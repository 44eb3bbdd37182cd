"""Library search (pane and results) and find in the document."""
