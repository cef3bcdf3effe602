"""Daily question: one feature's room in this layer."""
