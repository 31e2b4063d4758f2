"""Splitting a document into sentences without parsing it."""

import pytest

from claimcheck.prose import plain_sentences, refutes_the_sentence_before


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


@pytest.mark.parametrize("sentence, refutes", [
    ("That was not accurate.", True),
    ("[\u2026]  That is factually incorrect, and I hope that the record can be corrected.", True),
    ("The claim was simply untrue.", True),
    ("It was wrong.", True),
    # The twins: a clause of its own is what is denied, not the sentence before.
    ("It is not true that the council closed the depot.", False),
    ("It was wrong to close the depot.", False),
    ("That is not the case for schools in Wales.", False),
    ("That was correct.", False),
])
def test_a_sentence_refuting_the_one_before(sentence, refutes):
    assert refutes_the_sentence_before(sentence) is refutes
