"""Measuring a check against gold labels."""
