"""The outline pane: the heading tree, its filter and the user's corrections."""
