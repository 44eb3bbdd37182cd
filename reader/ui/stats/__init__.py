"""Reading statistics in the window: the tracker that feeds the store, the dialog and its heatmap."""
