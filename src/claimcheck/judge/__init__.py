"""Stage 4, judge: a verdict for each claim from the signals of its matched facts."""
