"""Goals: one feature's room in this layer."""
