"""Love maps in the app: a round of "how well do you know me", opened with m on Today."""
