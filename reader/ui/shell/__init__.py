"""The window itself: construction and wiring, menus, the reading session, the document loader and reading positions."""
