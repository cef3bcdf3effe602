"""Reminders: what is due for one person at one instant, and when to say so."""
