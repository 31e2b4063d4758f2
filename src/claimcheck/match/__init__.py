"""Stage 3, match: each claim's candidate facts, and the signals each (claim, fact) pair raises."""
