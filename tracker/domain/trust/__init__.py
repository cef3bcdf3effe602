"""The path for after a betrayal: which weekly steps are open, and which are done."""
