"""Stage 2, extract: claims from statements and dated facts from evidence, with spaCy."""
