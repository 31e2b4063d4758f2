"""Plain facts about how parliamentary prose is written, shared by the readers above."""

from __future__ import annotations

import re

# Written with a full stop in Hansard and in citations; never the end of a sentence there.
ABBREVIATIONS = frozenset({
    "hon", "rt", "col", "cols", "vol", "vols", "para", "paras", "no", "nos", "mr", "mrs", "ms",
    "dr", "st", "cl", "sch", "art", "arts", "reg", "regs", "pp", "p", "c", "cc", "ch", "sec",
    "fig", "approx", "cf", "ibid", "op", "cit", "sq", "gov", "dept", "govt", "hansard", "wq",
})

# Abbreviations that are also words: "No. 10" is a number, but "No. They were right." is an
# answer, then a sentence.
ALSO_WORDS = frozenset({"no", "p", "c"})


def ends_sentence(abbreviation: str, following: str) -> bool:
    """Does a sentence end after this abbreviation, given the word that follows it?"""
    return abbreviation in ALSO_WORDS and following.istitle() and following.isalpha()

_STOP = re.compile(r"(?<=[.!?])\s+")


def plain_sentences(text: str) -> list[str]:
    """A document's sentences, split at full stops, question and exclamation marks, but never
    after "hon." or "col.": enough to find the sentence that names or corrects something,
    without parsing the document again."""
    sentences: list[str] = []
    start = 0
    for stop in _STOP.finditer(text):
        before = text[start:stop.start()]
        last = before.rsplit(None, 1)[-1] if before.split() else ""
        word = last.rstrip(".").lstrip("([").lower()
        following = re.match(r"\w*", text[stop.end():])[0]
        if last.endswith(".") and word in ABBREVIATIONS and not ends_sentence(word, following):
            continue   # "the right hon. and learned Member", "col. 909"; but "No. They were."
        sentences.append(text[start:stop.start()].strip())
        start = stop.end()
    sentences.append(text[start:].strip())
    return [s for s in sentences if s]
