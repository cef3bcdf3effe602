"""Rekindle: connection habits for couples, in the terminal."""

# The one place the version lives (pyproject reads it from here): importing
# importlib.metadata to look it up would cost start-up time on every run.
__version__ = "0.1.0"
