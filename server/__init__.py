"""Krąg's Flask server."""
