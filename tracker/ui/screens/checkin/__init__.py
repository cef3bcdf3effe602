"""Checkin: one feature's room in this layer."""
