"""Splitting a document into sentences without parsing it."""

import pytest

from claimcheck.prose import plain_sentences


@pytest.mark.parametrize("text, sentences", [
    ("Letter of correction from the hon. Member for St Austell (Steve Double). An error has been "
     "identified.", ["Letter of correction from the hon. Member for St Austell (Steve Double).",
                     "An error has been identified."]),
    ("See col. 909 of the report. It says so.", ["See col. 909 of the report.", "It says so."]),
    # The twin: "No." before a word is an answer, and ends a sentence.
    ("Was it shared? No. It was not.", ["Was it shared?", "No.", "It was not."]),
])
def test_a_sentence_does_not_end_at_a_parliamentary_abbreviation(text, sentences):
    assert plain_sentences(text) == sentences
