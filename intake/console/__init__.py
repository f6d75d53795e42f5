"""The web console: the built-in web chat now, the staff console as it grows."""
