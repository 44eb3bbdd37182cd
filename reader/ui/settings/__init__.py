"""Preferences, stored settings, themes and the UI language."""
