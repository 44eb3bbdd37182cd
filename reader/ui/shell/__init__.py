"""The window itself: construction and wiring, menus, the document loader and reading positions."""
