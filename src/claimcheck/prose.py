"""Plain facts about how parliamentary prose is written, shared by the readers above."""

from __future__ import annotations

import re

# Written with a full stop in Hansard and in citations; never the end of a sentence there.
ABBREVIATIONS = frozenset({
    "hon", "rt", "col", "cols", "vol", "vols", "para", "paras", "no", "nos", "mr", "mrs", "ms",
    "dr", "st", "cl", "sch", "art", "arts", "reg", "regs", "pp", "p", "c", "cc", "ch", "sec",
    "fig", "approx", "cf", "ibid", "op", "cit", "sq", "gov", "dept", "govt", "hansard", "wq",
})

# Abbreviations that stand before a number ("No. 10", "col. 909", "p. 4"); before a word they
# may end a sentence ("No. They were not.").
BEFORE_NUMBERS = frozenset({"no", "nos", "p", "pp", "c", "cc", "col", "cols", "vol", "vols",
                            "para", "paras", "sec", "cl", "art", "arts", "reg", "regs", "fig"})

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
        if last.endswith(".") and word in ABBREVIATIONS and (
                word not in BEFORE_NUMBERS or text[stop.end():stop.end() + 1].isdigit()):
            continue   # "the right hon. and learned Member", "col. 909"; but "No. They were."
        sentences.append(text[start:stop.start()].strip())
        start = stop.end()
    sentences.append(text[start:].strip())
    return [s for s in sentences if s]
