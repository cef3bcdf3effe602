"""Love maps, "how well do you know me": rounds of questions, answers, guesses, verdicts."""
